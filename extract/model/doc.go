// Package model bundles a language's syntactic core — tagger, lemmatizer
// and dependency parser — into one model file: it trains the three on a
// Universal Dependencies treebank, evaluates them together (predicted
// tags feed the lemmatizer and the parser, as at run time) and reads and
// writes the bundle with a header naming its language and a checksum.
//
// The components live in extract/tag, extract/lemma and extract/parse;
// this package only puts them together. Built-in models, when shipped,
// are embedded here.
package model
