// Package perceptron is an averaged multiclass perceptron over hashed
// sparse features: the learner behind kg's tagger, lemmatizer and
// dependency parser.
//
// Features are 64-bit hashes built without allocation by a Hasher
// (a template id followed by strings and integers). A Model trains with
// Update and Tick, then Average freezes it into a compact open-addressed
// table that scores a few hundred classes quickly and is safe for
// concurrent use. WriteTo stores weights as float16 with a checksum.
//
// It is not a general machine-learning library: no probabilities, no
// regularisation, no dense features.
package perceptron
