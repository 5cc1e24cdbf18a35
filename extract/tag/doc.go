// Package tag assigns part-of-speech tags to the words of a sentence:
// the Universal Dependencies UPOS tag and, where the training treebank
// has them, language-specific XPOS tags (English Penn tags).
//
// A Tagger is an averaged perceptron (package perceptron) tagging greedily
// left to right over hashed features of the word, its affixes and shape,
// its neighbours, the two previous tags and the tags each nearby word
// took in training (words seen at least three times, so that training
// sees rare words as the tagger later sees unknown ones). Frequent
// unambiguous words are tagged from a dictionary. An optional second
// pass rereads the sentence knowing the first pass's tags of the words
// to the right; it is trained on jackknifed first-pass tags. Train
// learns a tagger from CoNLL-U sentences (ReadTreebanks reads a training
// mix of files); WriteTo and Read store it.
//
// It does not tokenize, lemmatize or parse; words come in already split.
package tag
