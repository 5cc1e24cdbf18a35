// Package lemma gives the lemma (dictionary form) of a word from its form
// and UPOS tag: "mangeaient"/VERB → "manger", "mice"/NOUN → "mouse".
//
// A Lemmatizer learned from a treebank looks known (form, UPOS) pairs up
// in a lexicon, and otherwise predicts an edit rule — strip a suffix,
// append another, lowercase or not — with an averaged perceptron over
// the word's affixes, shape and tag. Train learns one from CoNLL-U
// sentences; WriteTo and Read store it.
//
// It does not tag: the caller passes UPOS tags (from package tag).
package lemma
