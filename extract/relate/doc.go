// Package relate finds relations in one tokenized sentence whose entity
// mentions are already resolved: the first, rule-based extractor of kg.
//
// A predicate is a verb, a light-verb construction ("imposer des
// sanctions") or an event noun ("leur rencontre") that the language's
// lexicon maps to a canonical English predicate. Its subject and object
// are found by clause position: the nearest mention to the left within
// the clause (following coordination, relative pronouns and the subject
// of a governing verb for infinitives), and the first mention or known
// concept to the right, after the preposition the lexicon expects.
// Negation (ne … pas, not), reported speech (dire que, say that) and
// modal verbs (envisager, consider) set the triple's negation, modality
// and attribution.
//
// It works on tokens, not trees; a parser-based extractor replaces the
// position rules later and keeps the lexicons.
package relate
