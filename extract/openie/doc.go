// Package openie reads open extractions — a relation phrase and its
// arguments in the sentence's own words — off a sentence's dependency
// tree, for benchmarks of open information extraction such as CaRB.
//
// It is not kg's relation extractor: its arguments are any noun phrases,
// not resolved entities, and its relations are not normalized to the
// lexicon's predicates.
package openie
