// Package conllu reads and writes treebanks in the CoNLL-U format of
// Universal Dependencies: sentences of words with their lemma, tags,
// features, head and relation, multiword tokens ("du" = "de le") and
// comments.
//
// It is the data format of kg's syntactic core: the tagger, lemmatizer
// and parser train on it and their evaluation compares against it. It
// does not check that a tree is well formed beyond what reading needs;
// Sentence.Validate does that.
package conllu
