// Package relate finds relations in one tokenized sentence whose entity
// mentions are already resolved.
//
// A predicate is a verb, a light-verb construction ("imposer des
// sanctions") or an event noun ("la visite de X à Y") that the language's
// lexicon maps to a canonical English predicate; an English verb no
// lexicon maps reads as its own predicate.
//
// When the sentence has a dependency tree (Sentence.Words), the clause
// rules read it, the same for every language (clause.go: verbs and their
// rows; args.go: subjects, objects and the phrases that fill them;
// mood.go: negation, modality, reported speech; roles.go: titles, parties
// and relational nouns; nouns.go: event nouns). The older position rules
// (position.go: nearest mention to the left, first one to the right after
// the expected preposition) read the verbs whose subject the tree does not
// give, and every sentence when there is no tree.
//
// It does not resolve mentions across sentences (package entity does) or
// decide what a document is about (its home country comes in
// Sentence.Home).
package relate
