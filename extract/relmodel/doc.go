// Package relmodel is kg's learned relation model: it proposes candidate
// relations in an analysed sentence and a trained classifier decides
// which of them the sentence states, with what English predicate and how
// surely.
//
// Candidates are pairs of arguments — entity mentions and concept noun
// phrases — joined by a short path in the dependency tree (through a
// verb, an event noun, a title, an apposition or a copula), plus the
// triples the hand-written rules of package relate read. Each candidate
// has a trigger (the word that carries the relation) and a predicate key
// (language, trigger lemma, particle, preposition); the predicate is the
// phrasing that annotated data most often accepts for that key, backing
// off to coarser keys, the rules' predicate and the lexicon.
//
// Two logistic models over hashed features (tree path, trigger, argument
// types and kinds, the rule that proposed it, how reliable its predicate
// key was in training) score each candidate: the pair model, whether the
// sentence relates its two arguments, and the predicate model, which
// option states it. Their product is calibrated by cross-validation on
// the training documents, so Confidence estimates the chance that the
// triple is right as it stands.
//
// Train builds a Model from documents annotated in the silver format of
// spec/annotation.md (triples with the verbatim sentence that states
// them). The model kg ships is built by "kg model train --relations" and
// embedded; see builtin/SOURCES.md.
package relmodel
