// Package lexicon maps French and English words to the canonical English
// predicates, concepts and role titles of kg's triple contract
// (spec/triples.md): "rencontré" is a form of rencontrer, which gives
// "meets"; "nouvelles sanctions économiques" is the concept "sanctions";
// "chef de la diplomatie" is the role "foreign minister".
//
// The data are tab-separated files embedded per language (fr/, en/), each
// with a header comment giving its columns:
//
//	verbs.tsv     lemma, prep, predicate, class, sym
//	nouns.tsv     noun, prep, predicate, class, sym, agent
//	light.tsv     verb, noun, prep, predicate, class, sym (faire pression sur → pressures)
//	concepts.tsv  phrase, concept
//	titles.tsv    title, role, domain, of
//	forms.tsv     form, lemma, pos, tags (generated: go run ./extract/lexicon/internal/gen)
//	negation.tsv  word, kind
//	modal.tsv     word, modality, kind
//	auxiliary.tsv form, lemma, kind (generated; not aux.tsv, a name go:embed refuses)
//	stop.tsv      word, classes, base
//	verblist.tsv  lemma (English only, generated from WordNet: tells a verb lemma from a lemmatizer's slip)
//	commonwords.tsv word (English only, generated from WordNet: tells a run of capitalised common words from a name)
//	verbgloss.tsv lemma, predicate, passive (the English verb of a verb no verbs.tsv row maps with its preposition)
//	grammar.tsv   word, classes (function words the relation rules look for: boundary, prep, reflexive...; see WordClass)
//	nounclass.tsv noun, classes (nouns the relation rules treat apart: actor, authority, relational=is capital of...)
//	verbclass.tsv lemma, classes (verbs the relation rules treat apart: appoint, holding=was...)
//	language.tsv  property, value (the grammatical and spelling properties the rules read; see Traits)
//
// Load reads them, then user extension files of the same formats, whose
// rows override or extend the embedded ones.
//
// How an extractor uses the verb rows:
//
//   - Look the word up with Lemma ("rencontré" → rencontrer), then Verbs.
//     Each row names the preposition that introduces the object ("" for a
//     direct object, "que"/"that" for a clause), so pick the row whose
//     Prep the sentence has.
//   - A row with Reflexive set (se rendre, s'entretenir) applies only when
//     a reflexive pronoun (se, s', me, nous...) precedes the verb or its
//     auxiliary: "s'est rendu à Moscou" → visits. A row without it applies
//     only when there is none.
//   - A row with a Particle applies only when the particle is present: in
//     English after the verb, possibly after its object ("rule out",
//     "ruled it out"); in French the clitic before the verb ("s'en prend à").
//   - Class says what the verb does to an embedded infinitive or clause:
//     speech reports it (modality reported, and the verb gives
//     (speaker, predicate, topic) for a noun-phrase object); modal:considered
//     and modal:intended mark it considered or intended; neg negates it
//     ("refuse de rencontrer" → meets, negated); aspect is transparent
//     ("commence à négocier" → negotiates with).
//
// Nouns, light-verb nouns, concepts and titles are looked up by lemma:
// pass NounLemma of a plural. Concept drops leading determiners and
// pre-nominal modifiers itself; Title matches whole phrases, so a
// recogniser removes the nationality adjective first ("ministre [russe]
// des Affaires étrangères") and reads it as the country.
//
// It is not a lemmatizer nor a parser: it recognises the inflected forms of
// the verbs it lists (plus the auxiliaries) and the plurals of the nouns it
// lists, and guesses other noun plurals by rule.
package lexicon
