package lexicon

import (
	"embed"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

//go:embed fr/*.tsv en/*.tsv
var data embed.FS

// Class says what a verb or noun does to the relation it expresses or
// embeds. See the package documentation.
type Class string

// The classes of verbs.tsv, nouns.tsv and light.tsv.
const (
	Action     Class = "action"
	Speech     Class = "speech"
	Considered Class = "modal:considered"
	Intended   Class = "modal:intended"
	Neg        Class = "neg"
	Aspect     Class = "aspect"
)

var classes = []Class{Action, Speech, Considered, Intended, Neg, Aspect}

// Modality is the modality the class gives to the relation it embeds:
// reported for speech, considered or intended for the modal classes,
// asserted otherwise.
func (c Class) Modality() graph.Modality {
	switch c {
	case Speech:
		return graph.Reported
	case Considered:
		return graph.Considered
	case Intended:
		return graph.Intended
	}
	return graph.Asserted
}

// Predicate is one row of verbs.tsv or nouns.tsv: a lemma used with one
// preposition expresses one English predicate.
type Predicate struct {
	// Lemma is the word looked up: the bare infinitive ("rendre" for
	// "se rendre", "rule" for "rule out") or the noun.
	Lemma     string
	Prep      string // introduces the object; "" for a direct object
	Predicate string // canonical English: "visits", "rules out"
	Class     Class
	Symmetric bool
	// Reflexive marks a French pronominal verb (se rendre): the row applies
	// only with a reflexive pronoun before the verb.
	Reflexive bool
	// Particle is the English particle of a phrasal verb ("out" in
	// "rule out") or the French clitic before the verb ("en" in
	// "s'en prendre"); the row applies only when it is present.
	Particle string
	// Agent is, for nouns, the preposition introducing the subject
	// ("de" in "visite de X à Y"); "" when only a possessive or the
	// governing verb gives it.
	Agent string
	// Entry is the lemma as written in the file: "se rendre", "rule out".
	Entry string
}

// LightVerb is one row of light.tsv: a verb with a noun complement that
// together express one predicate ("imposer des sanctions contre" →
// "imposes sanctions on").
type LightVerb struct {
	Verb      string // bare infinitive, as Predicate.Lemma
	Noun      string // singular lemma
	Prep      string // introduces the object; "" for a direct object
	Predicate string
	Class     Class
	Symmetric bool
	Reflexive bool
	Particle  string
	Entry     string // the verb as written in the file
}

// Form is what forms.tsv says of one inflected word.
type Form struct {
	Lemma string
	POS   string   // "verb" or "noun"
	Tags  []string // inflect tags: "pp", "cond", "pres", "ed", "ppr"...
}

// Title is one row of titles.tsv.
type Title struct {
	Role   string // "foreign minister"
	Domain string // "" or the country whose usage it is ("us")
	Of     string // "" or the body the title is of when it names it ("European Commission")
}

// Aux is one row of auxiliary.tsv.
type Aux struct {
	Lemma string // être, have
	Kind  string // aux, be, modal, future, do
}

// Lexicon holds the lexicons of one language. It is immutable after Load
// and safe for concurrent use.
type Lexicon struct {
	lang       string
	verbs      map[string][]Predicate // by lemma key
	nouns      map[string][]Predicate
	light      map[[2]string][]LightVerb // by verb and noun key
	concepts   map[string]string         // by folded phrase
	conceptMax int
	titles     map[string]Title // by folded phrase
	titleMax   int
	// titleStarts holds the first word of every title, so that a
	// recogniser can skip words that start none.
	titleStarts map[string]bool
	forms       map[string][]Form // by form key
	foldForms   map[string][]Form // by folded form, for text without accents
	negation    map[string]string
	modal       map[string]modalRow
	aux         map[string]Aux
	stop        map[string]stopRow
	verblist    map[string]bool                 // the language's verbs beyond the lexicon's (WordNet's, for English)
	common      map[string]bool                 // the language's common words, any part of speech (WordNet's, for English)
	sorted      []sortedWords                   // more of them, from files searched in place
	glosses     map[string][]Gloss              // English glosses of verbs, by bare infinitive
	drop        map[string]bool                 // folded determiners and pre-nominal modifiers
	words       map[WordClass]map[string]string // word classes of the relation rules, with their values
	traits      Traits
	morph       morphology
	stats       map[string]int
}

type modalRow struct {
	modality graph.Modality
	lemma    bool
}

type stopRow struct {
	classes []string
	base    string
}

// Languages returns the languages that have embedded lexicons.
func Languages() []string {
	ents, err := fs.ReadDir(data, ".")
	if err != nil {
		return nil
	}
	var langs []string
	for _, e := range ents {
		if e.IsDir() {
			langs = append(langs, e.Name())
		}
	}
	slices.Sort(langs)
	return langs
}

// Lang returns the language of the lexicon.
func (l *Lexicon) Lang() string { return l.lang }

// key is the form under which words are compared when accents matter:
// lower case, one kind of apostrophe, single spaces.
func key(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	// Most keys are ASCII words: one pass over the bytes tells whether
	// there is anything to replace (ContainsAny with runes outside ASCII
	// costs a rune search per byte, a twentieth of extraction).
	ascii, spaced := true, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			ascii = false
		case c == '\t' || c == '\n' || c == ' ' && i+1 < len(s) && s[i+1] == ' ':
			spaced = true
		}
	}
	if ascii && !spaced {
		return s
	}
	if !ascii && strings.ContainsAny(s, "’ʼ‘") {
		s = keyReplacer.Replace(s)
	}
	if strings.Contains(s, "  ") || strings.ContainsAny(s, "\t\n\u00a0") {
		s = strings.Join(strings.Fields(s), " ")
	}
	return s
}

// keyReplacer is immutable and safe for concurrent use.
var keyReplacer = strings.NewReplacer("’", "'", "ʼ", "'", "‘", "'")

// Lemma returns the verb lemmas of which form is an inflected form
// ("rencontré" → rencontrer, "met" → meet), case-insensitively. Text
// without accents is matched too ("envisagee" → envisager).
func (l *Lexicon) Lemma(form string) []string {
	var out []string
	for _, f := range l.Forms(form) {
		if f.POS == "verb" && !slices.Contains(out, f.Lemma) {
			out = append(out, f.Lemma)
		}
	}
	return out
}

// Forms returns what forms.tsv says of an inflected word, verbs and nouns.
func (l *Lexicon) Forms(form string) []Form {
	if fs, ok := l.forms[key(form)]; ok {
		return fs
	}
	return l.foldForms[graph.Fold(form)]
}

// IsForm reports whether form is a form of lemma carrying tag ("pp",
// "cond", "ed"...), or any tag when tag is "".
func (l *Lexicon) IsForm(form, lemma, tag string) bool {
	for _, f := range l.Forms(form) {
		if f.Lemma == lemma && (tag == "" || slices.Contains(f.Tags, tag)) {
			return true
		}
	}
	return false
}

// NounLemma returns the singular of a noun (or adjective) form: from
// forms.tsv for the words of the lexicon, by rule otherwise.
func (l *Lexicon) NounLemma(form string) string {
	for _, f := range l.Forms(form) {
		if f.POS == "noun" {
			return f.Lemma
		}
	}
	k := key(form)
	if l.morph.singular == nil {
		return k
	}
	return l.morph.singular(k)
}

func frenchSingular(w string) string {
	switch {
	case len(w) <= 3:
		return w
	case strings.HasSuffix(w, "eaux"):
		return strings.TrimSuffix(w, "x")
	case strings.HasSuffix(w, "aux"):
		return strings.TrimSuffix(w, "aux") + "al"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "ais") && !strings.HasSuffix(w, "ès"):
		return strings.TrimSuffix(w, "s")
	}
	return w
}

func englishSingular(w string) string {
	switch {
	case len(w) <= 3:
		return w
	case strings.HasSuffix(w, "ies"):
		return strings.TrimSuffix(w, "ies") + "y"
	case strings.HasSuffix(w, "men"):
		return strings.TrimSuffix(w, "men") + "man"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "zes"):
		return strings.TrimSuffix(w, "es")
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s"):
		return strings.TrimSuffix(w, "s")
	}
	return w
}

// Gloss is the English of a verb that no row of verbs.tsv maps with the
// preposition at hand (verbgloss.tsv): "atterrir" → "lands", to which a
// relation reader adds the English of the preposition ("lands in").
type Gloss struct {
	Lemma     string // the bare infinitive: "situer" for "se situer"
	Reflexive bool   // applies only to the pronominal verb, as in Predicate
	Predicate string // the active predicate: "lands", "is located"
	Passive   string // the predicate of the passive, whose subject is the verb's object; "" for none
}

// Glosses returns the English glosses of a verb lemma, pronominal and
// plain.
func (l *Lexicon) Glosses(lemma string) []Gloss {
	if g, ok := l.glosses[key(lemma)]; ok {
		return g
	}
	return l.glosses[graph.Fold(lemma)]
}

// Verbs returns the rows of a verb lemma, one per preposition, pronominal
// and phrasal variants included: Verbs("rendre") gives "se rendre à" →
// visits with Reflexive set. A full entry ("se rendre", "rule out")
// returns only its own rows.
func (l *Lexicon) Verbs(lemma string) []Predicate {
	e := parseEntry(l.traits.ReflexiveEntries, lemma)
	rows := l.verbs[key(e.base)]
	if rows == nil {
		rows = l.verbs[graph.Fold(e.base)]
	}
	if !strings.ContainsAny(strings.TrimSpace(lemma), " '’") {
		return rows
	}
	var out []Predicate
	for _, p := range rows {
		if p.Reflexive == e.reflexive && p.Particle == e.particle {
			out = append(out, p)
		}
	}
	return out
}

// Nouns returns the rows of a noun lemma, one per preposition.
func (l *Lexicon) Nouns(lemma string) []Predicate {
	if rows, ok := l.nouns[key(lemma)]; ok {
		return rows
	}
	return l.nouns[graph.Fold(lemma)]
}

// Light returns the light-verb rows for a verb lemma (bare infinitive) and
// the singular lemma of its noun complement.
func (l *Lexicon) Light(verbLemma, nounLemma string) []LightVerb {
	k := [2]string{key(parseEntry(l.traits.ReflexiveEntries, verbLemma).base), key(nounLemma)}
	if rows, ok := l.light[k]; ok {
		return rows
	}
	return l.light[[2]string{graph.Fold(k[0]), graph.Fold(k[1])}]
}

// Concept returns the English concept a noun phrase names: "nouvelles
// sanctions économiques" → "sanctions", "draft resolutions" → "draft
// resolution". It tries the phrase as given, then without leading
// determiners and pre-nominal modifiers (stop.tsv), then with each word
// made singular.
func (l *Lexicon) Concept(phrase string) (string, bool) {
	words := strings.Fields(graph.Fold(phrase))
	for len(words) > 0 {
		// An elided article joined to its word: l'usage, d'importantes.
		if el, rest, ok := strings.Cut(words[0], "'"); ok && rest != "" && l.Is(Elided, el+"'") {
			words[0] = rest
		}
		if c, ok := l.lookupPhrase(l.concepts, words); ok {
			return c, true
		}
		if !l.droppable(words[0]) {
			break
		}
		words = words[1:]
	}
	return "", false
}

// droppable reports whether a leading word may be dropped before a concept
// lookup: a determiner or a pre-nominal modifier.
func (l *Lexicon) droppable(w string) bool { return l.drop[graph.Fold(w)] }

// lookupPhrase looks up folded words as they are, then singularized.
func (l *Lexicon) lookupPhrase(m map[string]string, words []string) (string, bool) {
	if v, ok := m[strings.Join(words, " ")]; ok {
		return v, true
	}
	sing := make([]string, len(words))
	for i, w := range words {
		sing[i] = graph.Fold(l.NounLemma(w))
	}
	v, ok := m[strings.Join(sing, " ")]
	return v, ok
}

// ConceptMaxWords returns the number of words of the longest concept phrase.
func (l *Lexicon) ConceptMaxWords() int { return l.conceptMax }

// KnownVerb reports a verb lemma of the language: one the lexicon maps,
// or one of its word list (verblist.tsv; WordNet's verbs for English).
// Languages without a word list know only the lexicon's verbs.
func (l *Lexicon) KnownVerb(lemma string) bool {
	k := key(lemma)
	return l.verblist[k] || len(l.verbs[k]) > 0
}

// Common reports a common word of the language, of any part of speech
// (commonwords.tsv: "national", "estimate", "out"), compared in lower
// case. A language without the list knows none (HasCommonWords).
func (l *Lexicon) Common(word string) bool {
	k := key(word)
	if l.common[k] {
		return true
	}
	for i := range l.sorted {
		if l.sorted[i].has(k) {
			return true
		}
	}
	return false
}

// HasCommonWords reports whether the language has a common-word list.
func (l *Lexicon) HasCommonWords() bool { return len(l.common) > 0 || len(l.sorted) > 0 }

// HasVerbList reports whether the language has a verb word list.
func (l *Lexicon) HasVerbList() bool { return len(l.verblist) > 0 }

// Title returns the English role a title phrase names ("chef de la
// diplomatie" → "foreign minister"), comparing folded and trying the
// singular ("ministres" → "ministre").
func (l *Lexicon) Title(phrase string) (role string, ok bool) {
	t, ok := l.TitleInfo(phrase)
	return t.Role, ok
}

// TitleInfo is Title with the domain of the title.
func (l *Lexicon) TitleInfo(phrase string) (Title, bool) {
	words := strings.Fields(graph.Fold(phrase))
	if t, ok := l.titles[strings.Join(words, " ")]; ok {
		return t, true
	}
	sing := make([]string, len(words))
	for i, w := range words {
		sing[i] = graph.Fold(l.NounLemma(w))
	}
	t, ok := l.titles[strings.Join(sing, " ")]
	return t, ok
}

// TitleStart reports whether some title starts with word (in any case,
// accents or number).
func (l *Lexicon) TitleStart(word string) bool {
	first := func(s string) string {
		f, _, _ := strings.Cut(graph.Fold(s), " ")
		return f
	}
	return l.titleStarts[first(word)] || l.titleStarts[first(l.NounLemma(word))]
}

// TitleMaxWords returns the number of words of the longest title, so that
// a recogniser knows how far to look.
func (l *Lexicon) TitleMaxWords() int { return l.titleMax }

// IsNegation reports whether word negates by itself (ne, pas, not, n't,
// never). Words that negate only after ne ("plus", "personne") do not;
// see NegationKind.
func (l *Lexicon) IsNegation(word string) bool {
	return l.NegationKind(word) == "neg"
}

// NegationKind returns the kind negation.tsv gives a word: "neg", "post"
// (negates only after ne/n'), "restrict" (ne ... que, "only"), or "".
func (l *Lexicon) NegationKind(word string) string {
	return l.negation[key(word)]
}

// IsAux reports whether word is a form of an auxiliary, copula or modal
// auxiliary (a, est, été, has, was, would).
func (l *Lexicon) IsAux(word string) bool {
	_, ok := l.aux[key(word)]
	return ok
}

// Aux returns the auxiliary a word is a form of.
func (l *Lexicon) Aux(word string) (Aux, bool) {
	a, ok := l.aux[key(word)]
	return a, ok
}

// Modality returns the modality a word gives its clause: listed words and
// phrases (pourrait, selon, could, according to), forms of listed verbs
// (pouvoir), and any conditional verb form (imposerait) as hypothetical.
func (l *Lexicon) Modality(word string) (graph.Modality, bool) {
	if m, ok := l.modal[key(word)]; ok && !m.lemma {
		return m.modality, true
	}
	for _, lem := range l.Lemma(word) {
		if m, ok := l.modal[key(lem)]; ok && m.lemma {
			return m.modality, true
		}
	}
	for _, f := range l.Forms(word) {
		if f.POS == "verb" && slices.Contains(f.Tags, "cond") {
			return graph.Hypothetical, true
		}
	}
	return "", false
}

// Prep returns the plain preposition a word is or stands for ("au" → "à",
// "du" → "de", "with" → "with").
func (l *Lexicon) Prep(word string) (string, bool) {
	s, ok := l.stop[key(word)]
	if !ok || !slices.Contains(s.classes, "prep") {
		return "", false
	}
	if s.base != "" {
		return s.base, true
	}
	return key(word), true
}

// StopClasses returns the classes stop.tsv gives a word (det, prep, pron,
// conj, premod).
func (l *Lexicon) StopClasses(word string) []string {
	return l.stop[key(word)].classes
}

// Stats returns the number of entries per file, and of distinct verb
// lemmas under "verb lemmas".
func (l *Lexicon) Stats() map[string]int {
	out := make(map[string]int, len(l.stats))
	for k, v := range l.stats {
		out[k] = v
	}
	return out
}
