package lexicon

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/kgraph/kg/extract/lexicon/internal/inflect"
	"github.com/kgraph/kg/extract/segment"
)

// Traits are the grammatical properties of a language the rules depend
// on (language.tsv), so that a rule reads a property rather than names a
// language.
type Traits struct {
	// ContractWords: the language's words are the contract's own
	// (English): a verb the lexicon does not map reads as its own
	// predicate, a noun or title as its own concept or role.
	ContractWords bool
	// ComplementDepth is how many "de"/"of" complements a concept
	// phrase may chain: French chains them ("la réforme du marché du
	// travail").
	ComplementDepth int
	// TwoPartNegation: a verb is negated by "ne"/"n'" and a second
	// word (ne ... pas), not by the second word alone.
	TwoPartNegation bool
	// ReflexiveEntries: a verb entry of the lexicon puts a reflexive
	// pronoun and a clitic before the infinitive ("se rendre", "s'en
	// prendre"); otherwise the words after the verb are its particle
	// ("rule out").
	ReflexiveEntries bool
	// ModifierAfterNoun: adjectives, participles and demonyms follow
	// the noun they qualify ("la société coréenne", "les autorités
	// allemandes"); otherwise they come before it ("the German
	// government", "French Foreign Minister").
	ModifierAfterNoun bool
	// SentenceCaseNames: an institution's name capitalises its head
	// only, its adjectives and complements staying lower case ("la
	// Ligue des droits de l'homme").
	SentenceCaseNames bool
	// CapitalisedCommonNouns: a common noun is capitalised when it
	// stands for the institution or place after an article ("l'Etat",
	// "la Défense"), so that such a word alone is no name.
	CapitalisedCommonNouns bool
	// ContentInComplement: a noun phrase puts its content in its "de"
	// complement ("l'utilisation de la force"), which the phrase keeps.
	ContentInComplement bool
	// BareClause: a speech verb may take its clause with no
	// complementizer ("said Y supports Z").
	BareClause bool
	// InfinitiveMarker is the word before a verb that makes it an
	// infinitive ("to"); "" when the infinitive is a form of its own,
	// the lemma.
	InfinitiveMarker string
	// InfinitiveEndings are the endings of an infinitive the lexicon
	// does not know (-er, -ir, -re).
	InfinitiveEndings Endings
	// Participle is the ending of the present participle (-ant, -ing).
	Participle string
	// GerundMarker is the word before a present participle that makes
	// it an adverbial gerund ("en affirmant"); "" when the participle
	// is one alone.
	GerundMarker string
	// AdverbEnding is the ending of a manner adverb (-ment, -ly).
	AdverbEnding string
	// PastEndings are the endings of a simple past tense (the French
	// imperfect -ait, -aient).
	PastEndings Endings
	// CompoundPast: a verb with a tense auxiliary is in a past tense
	// ("a occupé").
	CompoundPast bool
	// PerfectBe: the passive auxiliary is also the perfect auxiliary of
	// motion and reflexive verbs (être), so that only its participle
	// (été) or an agent marks a passive; otherwise a form of it before
	// a past participle does.
	PerfectBe bool
	// Guillemets: quotations are set in guillemets (« »), which the
	// parser takes for clause boundaries; around a phrase inside a
	// clause it is better off without them.
	Guillemets bool
	// Spelling are the conventions the tokenizer and sentence splitter
	// follow: elisions, inversions, contractions, abbreviations.
	Spelling segment.Rules
}

// Endings is a comma-separated list of word endings ("ait,aient"), a
// string so that Traits stay comparable.
type Endings string

// Of reports whether w ends with one of the endings.
func (e Endings) Of(w string) bool {
	for s := string(e); s != ""; {
		var end string
		end, s, _ = strings.Cut(s, ",")
		if end != "" && strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// Traits returns the language's grammatical properties.
func (l *Lexicon) Traits() Traits { return l.traits }

// morphology is the code that inflects the words of a language, which the
// inflection row of language.tsv names.
type morphology struct {
	verbForms func(infinitive string) []inflect.Form // the forms of a verb forms.tsv lacks
	singular  func(noun string) string               // a noun's singular, by rule
}

// morphologies are the inflection rules kg has, by the name language.tsv
// gives them.
var morphologies = map[string]morphology{
	"french": {
		verbForms: func(v string) []inflect.Form {
			gen, _ := inflect.French(v) // no model: the infinitive alone
			return gen
		},
		singular: frenchSingular,
	},
	"english": {verbForms: inflect.English, singular: englishSingular},
}

// traitNames lists the properties of language.tsv, for errors.
var traitNames = []string{
	"contract-words", "complement-depth", "two-part-negation", "verb-entries", "inflection",
	"modifier-after-noun", "sentence-case-names", "capitalised-common-nouns", "content-in-complement",
	"bare-clause", "infinitive-marker", "infinitive-endings", "participle", "gerund-marker",
	"adverb-ending", "past-endings", "compound-past", "perfect-be", "guillemets",
	"elided", "inversion", "contractions", "space-groups", "abbreviations",
}

// applyTrait reads one row of language.tsv. A value "-" has become "".
func (b *builder) applyTrait(name, val string) error {
	yes := func(p *bool) error {
		switch val {
		case "yes":
			*p = true
		case "no":
			*p = false
		default:
			return fmt.Errorf("%s %q: want yes or no", name, val)
		}
		return nil
	}
	word := func(p *string) error {
		if strings.ContainsAny(val, " ,") {
			return fmt.Errorf("%s %q: want one word, or - for none", name, val)
		}
		*p = key(val)
		return nil
	}
	endings := func(p *Endings) error {
		if strings.Contains(val, " ") {
			return fmt.Errorf("%s %q: want comma-separated endings, or - for none", name, val)
		}
		*p = Endings(key(val))
		return nil
	}
	// list reads comma-separated words, in lower case or as written.
	list := func(p *string, lower bool) error {
		if strings.Contains(val, " ") {
			return fmt.Errorf("%s %q: want comma-separated words, or - for none", name, val)
		}
		if lower {
			val = key(val)
		}
		*p = val
		return nil
	}
	t := &b.traits
	switch name {
	case "contract-words":
		return yes(&t.ContractWords)
	case "two-part-negation":
		return yes(&t.TwoPartNegation)
	case "complement-depth":
		n, err := strconv.Atoi(val)
		if err != nil || n < 0 {
			return fmt.Errorf("complement-depth %q: want a number of complements", val)
		}
		t.ComplementDepth = n
	case "verb-entries":
		switch val {
		case "reflexive":
			t.ReflexiveEntries = true
		case "phrasal":
			t.ReflexiveEntries = false
		default:
			return fmt.Errorf("verb-entries %q: want reflexive or phrasal", val)
		}
	case "inflection":
		m, ok := morphologies[val]
		if !ok {
			names := make([]string, 0, len(morphologies))
			for n := range morphologies {
				names = append(names, n)
			}
			slices.Sort(names)
			return fmt.Errorf("inflection %q: want one of %s", val, strings.Join(names, ", "))
		}
		b.morph = m
	case "modifier-after-noun":
		return yes(&t.ModifierAfterNoun)
	case "sentence-case-names":
		return yes(&t.SentenceCaseNames)
	case "capitalised-common-nouns":
		return yes(&t.CapitalisedCommonNouns)
	case "content-in-complement":
		return yes(&t.ContentInComplement)
	case "bare-clause":
		return yes(&t.BareClause)
	case "infinitive-marker":
		return word(&t.InfinitiveMarker)
	case "infinitive-endings":
		return endings(&t.InfinitiveEndings)
	case "participle":
		return word(&t.Participle)
	case "gerund-marker":
		return word(&t.GerundMarker)
	case "adverb-ending":
		return word(&t.AdverbEnding)
	case "past-endings":
		return endings(&t.PastEndings)
	case "compound-past":
		return yes(&t.CompoundPast)
	case "perfect-be":
		return yes(&t.PerfectBe)
	case "guillemets":
		return yes(&t.Guillemets)
	case "elided":
		return list(&t.Spelling.Elided, true)
	case "inversion":
		return yes(&t.Spelling.Inversion)
	case "contractions":
		return list(&t.Spelling.Contractions, true)
	case "space-groups":
		return yes(&t.Spelling.SpaceGroups)
	case "abbreviations":
		return list(&t.Spelling.Abbreviations, false)
	default:
		return fmt.Errorf("property %q: want one of %s", name, strings.Join(traitNames, ", "))
	}
	return nil
}
