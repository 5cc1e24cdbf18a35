package lexicon

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// WordClass is a class of words the relation rules (package relate) look
// for: grammar.tsv gives the classes of function words and punctuation,
// nounclass.tsv of nouns, verbclass.tsv of verbs. Some classes carry a
// value, written class=value: the English of a preposition, the predicate
// of a relational noun.
type WordClass string

// The classes of grammar.tsv.
const (
	Boundary       WordClass = "boundary"       // ends the clause of a subject search (que, because)
	Relative       WordClass = "relative"       // introduces a clause about the noun before it (qui, who)
	Complementizer WordClass = "complementizer" // introduces a clause under a speech or modal verb (que, that)
	Preposition    WordClass = "prep"           // puts the mention after it out of subject position
	Coordinator    WordClass = "coordinator"    // joins coordinated mentions (et, and)
	Determiner     WordClass = "det"            // makes the word after it a noun
	Skippable      WordClass = "skip"           // may stand between a verb and its object
	Reflexive      WordClass = "reflexive"      // marks a reflexive verb after it (se, s')
	PassiveAux     WordClass = "passive"        // a form of the passive auxiliary (été, was)
	AgentPrep      WordClass = "agent"          // introduces the agent of a passive (par, by)
	Reporting      WordClass = "reporting"      // introduces a source (selon, according)
	PossPlural     WordClass = "possplural"     // possessive plural before an event noun: its participants (leurs, their)
	PrepForm       WordClass = "prepform"       // a contracted preposition; value: the form lexicons use (au=à)
	Adverb         WordClass = "adverb"         // may stand between a verb and its preposition or object
	NPDeterminer   WordClass = "npdet"          // may stand between a preposition and a name
	TimeWord       WordClass = "time"           // a day, month, part of the day or quantity word: an adjunct, never an object
	Pronoun        WordClass = "pronoun"        // stands for something else: never an object's word
	Prenominal     WordClass = "prenominal"     // an adjective that comes before its noun (grand, big)
	FirstPerson    WordClass = "firstperson"    // a subject pronoun a quoted speaker uses of themselves (je, i)
	Recipient      WordClass = "recipient"      // introduces whom a speech verb addresses (à, to)
	Between        WordClass = "between"        // introduces the two sides of a symmetric event noun
	Possessive     WordClass = "possessive"     // singular possessive determiner: the event is the subject's (sa, his)
	As             WordClass = "as"             // introduces the role a verb gives (comme, as)
	Adverbial      WordClass = "adverbial"      // marks an adverbial clause that shares its governor's subject (en, by)
	PastTitle      WordClass = "pasttitle"      // says a title was held before (ancien, former)
	TimeTitle      WordClass = "timetitle"      // says when a title is held without changing it (actuel, new)
	CompoundPrep   WordClass = "compoundprep"   // joins a noun object to the predicate, folded; value: its English ("" when it depends on the target)
	GenericPrep    WordClass = "genericprep"    // may join the predicate of a verb no lexicon maps
	Elided         WordClass = "elided"         // an article or preposition that elides before a vowel, written joined to the word (l', d')
	Contraction    WordClass = "contraction"    // a preposition and article written as one word; value: the two words (du=de le)
	HeldPast       WordClass = "heldpast"       // a past form of a holding verb: the office is no longer held (held, occupied)
	Genitive       WordClass = "genitive"       // introduces a noun's complement, what the noun is of (de, of)
	Definite       WordClass = "definite"       // a definite article (le, the)
	InfinitiveMark WordClass = "infinitive"     // marks an infinitive that shares its governor's subject (de, pour; to)
	TitleOf        WordClass = "titleof"        // introduces what a title is of, besides the genitive (pour; for, at)
	Within         WordClass = "within"         // introduces the larger place a place is in (dans, en; in)
	VerbPrep       WordClass = "verbprep"       // introduces a verb's object; value: its English after a glossed verb, alternatives split by |
	// The classes of the words the parser is better off without.
	SplitAux      WordClass = "splitaux"      // a form of an auxiliary a parenthetical may part from its participle (a, est)
	Parenthetical WordClass = "parenthetical" // a locution between an auxiliary and its participle, its tokens space-separated (de son côté)
	Day           WordClass = "day"           // a day a verb takes as a bare temporal before its clause (annonçait samedi que)
	DayPart       WordClass = "daypart"       // follows a day in the same temporal (mardi soir, lundi dernier)
	AfterQuote    WordClass = "afterquote"    // goes on with the clause after a quoted phrase inside it (et, qui)
)

// The classes of nounclass.tsv, for lemmas.
const (
	Actor       WordClass = "actor"       // a group that acts as a subject without a name (manifestant, critic)
	Collective  WordClass = "collective"  // an actor noun that names a group in the singular (police)
	Locution    WordClass = "locution"    // heads a phrase that frames a sentence rather than completes its verb (sujet, behalf)
	Authority   WordClass = "authority"   // stands for the state, body or group its complement names (gouvernement, members)
	Vague       WordClass = "vague"       // too general to be what a clause is about (pays, people); folded
	Placeholder WordClass = "placeholder" // stands for the proposition under a modal verb (possibilité, idea)
	PlacedEvent WordClass = "event"       // an event whose place is what a clause is about (visite, strike)
	Office      WordClass = "office"      // an office a title names (poste, post)
	Government  WordClass = "government"  // names a person's government; value: its English
	Relational  WordClass = "relational"  // states a relation with its complement; value: the predicate (capitale=is capital of)
	Measure     WordClass = "measure"     // counts its complement, which is what a clause is about (tonne, percent)
)

// The classes of verbclass.tsv, for lemmas.
const (
	SubjectControl WordClass = "control" // its infinitive is its subject's deed even with an object (promettre, promise)
	PlainVerb      WordClass = "plain"   // too general to be a predicate of its own (be, have)
	Appointing     WordClass = "appoint" // its object gets the role it names (nommer, appoint)
	Receiving      WordClass = "receive" // gives its subject the ministry it names (recevoir)
	Handing        WordClass = "hand"    // gives its à-complement the ministry its subject names (revenir, confier)
	Holding        WordClass = "holding" // gives its subject an office; value: the tense of the role (is, held, was)
)

// classFile returns the file that may give class c, and whether the class
// carries a value.
func classFile(c WordClass) (file string, valued bool) {
	switch c {
	case Boundary, Relative, Complementizer, Preposition, Coordinator, Determiner, Skippable, Reflexive,
		PassiveAux, AgentPrep, Reporting, PossPlural, Adverb, NPDeterminer, TimeWord, Pronoun, Prenominal,
		FirstPerson, Recipient, Between, Possessive, As, Adverbial, PastTitle, TimeTitle, GenericPrep, Elided, HeldPast,
		Genitive, Definite, InfinitiveMark, TitleOf, Within, SplitAux, Parenthetical, Day, DayPart, AfterQuote:
		return "grammar", false
	case PrepForm, CompoundPrep, Contraction, VerbPrep:
		return "grammar", true
	case Actor, Collective, Locution, Authority, Vague, Placeholder, PlacedEvent, Office, Measure:
		return "nounclass", false
	case Government, Relational:
		return "nounclass", true
	case SubjectControl, PlainVerb, Appointing, Receiving, Handing:
		return "verbclass", false
	case Holding:
		return "verbclass", true
	}
	return "", false
}

// wordRow is one row of a word-class file: a word and its classes with
// their values.
type wordRow struct {
	word    string
	classes map[WordClass]string
}

// parseClasses reads the classes column of a row of file: "prep,compoundprep=of".
func parseClasses(file, col string) (map[WordClass]string, error) {
	out := map[WordClass]string{}
	for _, item := range strings.Split(col, ",") {
		name, val, hasVal := strings.Cut(item, "=")
		c := WordClass(strings.TrimSpace(name))
		f, valued := classFile(c)
		switch {
		case f != file:
			return nil, fmt.Errorf("class %q: not a class of %s.tsv", c, file)
		case valued && !hasVal:
			return nil, fmt.Errorf("class %q: want %s=value", c, c)
		case !valued && hasVal:
			return nil, fmt.Errorf("class %q takes no value", c)
		}
		if _, dup := out[c]; dup {
			return nil, fmt.Errorf("class %q twice", c)
		}
		out[c] = strings.TrimSpace(val)
	}
	return out, nil
}

// Is reports whether word is of class c. The word is looked up as given:
// pass the lower-case form or the lemma the class lists (nounclass.tsv
// and verbclass.tsv list lemmas).
func (l *Lexicon) Is(c WordClass, word string) bool {
	_, ok := l.words[c][word]
	return ok
}

// Words returns the words of class c, sorted.
func (l *Lexicon) Words(c WordClass) []string {
	return slices.Sorted(maps.Keys(l.words[c]))
}

// ClassValue returns the value class c gives word (PrepForm "au" → "à",
// Relational "capitale" → "is capital of"), and whether the word is of
// the class.
func (l *Lexicon) ClassValue(c WordClass, word string) (string, bool) {
	v, ok := l.words[c][word]
	return v, ok
}
