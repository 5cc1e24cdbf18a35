// Package parse is kg's dependency parser: a greedy transition-based
// parser (arc-hybrid, Kuhlmann et al. 2011) trained with a dynamic oracle
// and exploration (Goldberg & Nivre 2013) on Universal Dependencies
// treebanks, with averaged perceptrons over hashed Zhang & Nivre (2011)
// style features. Non-projective trees are handled by pseudo-projective
// lifting with the "head" label encoding (Nivre & Nilsson 2005).
//
// It reads words and their UPOS tags and writes a head and a relation
// for each word; it always produces a single-rooted tree. It does not
// tokenize, tag or lemmatize: those are other packages' jobs, and the
// parser is only as good as the tags it is given.
package parse
