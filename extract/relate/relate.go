package relate

import (
	"slices"
	"strings"

	"github.com/kgraph/kg/extract/entity"
	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/segment"
	"github.com/kgraph/kg/graph"
)

// Relater finds relations in the sentences of one language. It is
// read-only after New and safe for concurrent use.
type Relater struct {
	lang           string
	lex            *lexicon.Lexicon
	traits         lexicon.Traits // the language's properties the rules read
	capitalAsState bool
}

// New returns a relater for lang using its lexicon. With capitalAsState a
// capital in subject position stands for its country ("Moscou appelle").
func New(lang string, lex *lexicon.Lexicon, capitalAsState bool) *Relater {
	return &Relater{lang: lang, lex: lex, traits: lex.Traits(), capitalAsState: capitalAsState}
}

// Sentence is one sentence with its resolved mentions.
type Sentence struct {
	Src      string // the document text the offsets point into
	Tokens   []segment.Token
	Mentions []entity.Mention // resolved, in order, not overlapping
	// Words is the syntactic analysis of the sentence, when a model is
	// loaded: UD words (multiword tokens split) with their tag, lemma
	// and place in the dependency tree. Nil without a model.
	Words []Word
	// Home is the country the document is about, if any: a national
	// title with no country ("the Foreign Secretary") is of it.
	Home string
	// HomeAssumed is set when Home is the language's default country,
	// not one the document names: titles as general as "president" are
	// then not taken for that country's.
	HomeAssumed bool
}

// Word is one syntactic word of a sentence's analysis.
type Word struct {
	Token  int    // index of the token it belongs to
	Form   string // as in the text, or the UD expansion ("de" of "du")
	UPOS   string
	Lemma  string
	Head   int // 1-based index in Words of its head; 0 for the root
	Deprel string
}

// trigger is a predicate found in the sentence.
type trigger struct {
	head       int // the verb or noun token
	start, end int // tokens of the predicate, light-verb noun included
	group      int // first token of the verb group (clitics, auxiliaries, negation)
	lemma      string
	pred       lexicon.Predicate
	nonFinite  bool // infinitive or participle without auxiliary
	passive    bool
	noun       bool // an event noun
	light      bool // a light verb and its noun ("imposer des sanctions")
	negated    bool
	modality   graph.Modality
	speaker    string
	// speakerMention is the mention of the speaker, or -1.
	speakerMention int
	subj           []int // mention indexes
	subjFrom       int   // index of the trigger whose subject this one shares, or -1
	objMention     []int
	objConcept     string
	objFallback    bool // objConcept is the text's own noun phrase, not a known concept
	objStart       int  // token where the object search starts
}

// state holds one sentence being related.
type state struct {
	r       *Relater
	s       Sentence
	low     []string // lower-cased token texts
	mention []int    // mention index covering each token, or -1
	trig    []*trigger
	trigAt  []int    // trigger index at each token, or -1
	source  string   // "selon X": the sentence is reported by X
	upos    []string // tag of each token's first word, when analysed
	lemma   []string // its lemma
}

// Relations returns the triples the sentence states. Document fields
// (Doc, Sentence, Span, Lang) are left for the caller.
func (r *Relater) Relations(s Sentence) []graph.Triple {
	st := &state{r: r, s: s, low: make([]string, len(s.Tokens)), mention: make([]int, len(s.Tokens)), trigAt: make([]int, len(s.Tokens))}
	for i, t := range s.Tokens {
		st.low[i] = strings.ToLower(t.Text)
		st.mention[i] = -1
		st.trigAt[i] = -1
	}
	for k, m := range s.Mentions {
		for i := m.Start; i < m.End && i < len(s.Tokens); i++ {
			st.mention[i] = k
		}
	}
	if s.Words != nil {
		st.upos = make([]string, len(s.Tokens))
		st.lemma = make([]string, len(s.Tokens))
		for _, w := range s.Words {
			if w.Token >= 0 && w.Token < len(s.Tokens) && st.upos[w.Token] == "" {
				st.upos[w.Token], st.lemma[w.Token] = w.UPOS, w.Lemma
			}
		}
	}
	st.findTriggers()
	st.source = st.reportedSource()
	for k := range st.trig {
		st.subject(k)
	}
	for k := range st.trig {
		st.governor(k)
	}
	for k := range st.trig {
		st.object(k)
	}
	st.fromTree()
	if s.Words == nil {
		var out []graph.Triple
		for _, t := range st.trig {
			out = append(out, st.triples(t)...)
		}
		return dedupe(append(out, st.events()...))
	}
	// The tree's clauses come first and overrule the position rules on
	// the verbs whose subject they found: passives, shared and relative
	// subjects, governed negation are beyond the position rules.
	c := st.newClauses()
	out, read := c.relations()
	for _, t := range st.trig {
		if !read[t.head] {
			out = append(out, st.triples(t)...)
		}
	}
	out = append(out, st.events()...)
	return dedupe(out)
}

// findTriggers marks the verbs and light-verb constructions the lexicon
// knows.
func (st *state) findTriggers() {
	lex := st.r.lex
	toks := st.s.Tokens
	for i := 0; i < len(toks); i++ {
		if st.mention[i] >= 0 || toks[i].Kind != segment.Word {
			continue
		}
		w := st.low[i]
		lemmas := lex.Lemma(w)
		if st.upos != nil {
			// The tagger tells verbs from nouns and adjectives ("un grand
			// débat", "the talks"); its lemma adds to the lexicon's forms.
			switch st.upos[i] {
			case "NOUN", "PROPN", "ADJ", "DET", "ADP", "PRON", "NUM", "PUNCT", "CCONJ", "SCONJ":
				continue
			case "VERB":
				l := strings.ToLower(st.lemma[i])
				switch {
				case l != "" && (slices.Contains(lemmas, l) || len(lemmas) == 1 && lemmas[0] == w):
					// The model chose among the form's readings, or
					// read a base form as another verb's ("found" is
					// find here, not found).
					lemmas = []string{l}
				case l != "" && len(lex.Verbs(l)) > 0:
					lemmas = append([]string{l}, lemmas...)
				}
			}
		}
		if len(lemmas) == 0 {
			continue
		}
		// After a determiner a verb form is a noun ("the talks", "les
		// appels"); after a preposition only an infinitive (or an -ing
		// form) is a verb ("conférence de presse", "de proposer").
		if i > 0 && st.is(lexicon.Determiner, st.low[i-1]) {
			continue
		}
		// "un grand débat": a determiner and an adjective before it.
		if i > 1 && st.is(lexicon.Determiner, st.low[i-2]) && st.premodifier(i-1) {
			continue
		}
		if i > 0 && st.is(lexicon.Preposition, st.low[i-1]) && !st.infinitiveAfterPrep(i, lemmas) {
			continue
		}
		t := st.verbTrigger(i, lemmas)
		if t == nil {
			continue
		}
		st.trigAt[i] = len(st.trig)
		for k := t.start; k < t.end; k++ {
			st.trigAt[k] = len(st.trig)
		}
		st.trig = append(st.trig, t)
		i = t.end - 1
	}
}

func (st *state) verbTrigger(i int, lemmas []string) *trigger {
	lex := st.r.lex
	n := len(st.s.Tokens)
	// Light verbs first: "imposer de nouvelles sanctions contre".
	for _, lemma := range lemmas {
		for k := i + 1; k < n && k <= i+5; k++ {
			if st.mention[k] >= 0 || st.is(lexicon.Boundary, st.low[k]) {
				break
			}
			for _, lv := range lex.Light(lemma, lex.NounLemma(st.low[k])) {
				// "sign an agreement with X" needs its "with"; without it
				// the plain verb reads "sign an agreement".
				if lv.Prep != "" {
					if _, ok := st.findPrep(k+1, 3, lv.Prep); !ok {
						continue
					}
				}
				t := &trigger{head: i, start: i, end: k + 1, lemma: lemma, subjFrom: -1, speakerMention: -1, light: true,
					pred: lexicon.Predicate{Lemma: lemma, Prep: lv.Prep, Predicate: lv.Predicate, Class: lv.Class, Symmetric: lv.Symmetric}}
				st.verbGroup(t)
				t.objStart = k + 1
				return t
			}
		}
	}
	for _, lemma := range lemmas {
		rows := lex.Verbs(lemma)
		if len(rows) == 0 {
			continue
		}
		t := &trigger{head: i, start: i, end: i + 1, lemma: lemma, subjFrom: -1, speakerMention: -1}
		st.verbGroup(t)
		reflexive := t.group < i && st.hasReflexive(t.group, i)
		best := -1
		bestScore := -1
		for k, row := range rows {
			if row.Reflexive && !reflexive {
				continue
			}
			score := 1
			end := i + 1
			if row.Particle != "" {
				p, ok := st.find(i+1, 3, row.Particle)
				if !ok {
					continue
				}
				end = max(end, p+1)
				score += 2
			}
			if row.Prep != "" {
				if _, ok := st.prepAfter(end, row.Prep); !ok {
					continue
				}
				score += 2
			}
			if row.Reflexive {
				score++
			}
			if score > bestScore {
				best, bestScore = k, score
			}
		}
		if best < 0 {
			continue
		}
		t.pred = rows[best]
		if t.pred.Particle != "" {
			p, _ := st.find(i+1, 3, t.pred.Particle)
			t.end = p + 1
		}
		t.objStart = t.end
		return t
	}
	return nil
}

// verbGroup finds the auxiliaries, clitics and negation around a verb,
// and from them finiteness, voice and negation.
func (st *state) verbGroup(t *trigger) {
	lex := st.r.lex
	i := t.head
	g := i
	aux := false
	passive := false
	for k := i - 1; k >= 0 && k >= i-5; k-- {
		w := st.low[k]
		if st.mention[k] >= 0 {
			break
		}
		switch {
		case lex.IsAux(w):
			aux = true
			if st.is(lexicon.PassiveAux, w) {
				passive = true
			}
			g = k
			continue
		case lex.IsNegation(w), st.is(lexicon.Reflexive, w), w == "ne", w == "n'", w == "y", w == "en" && k == i-1,
			w == "to", w == "pas", w == "plus", w == "jamais", w == "also", w == "already", w == "just",
			w == "tous", w == "deux", w == "both", w == "then", w == "still":
			g = k
			continue
		}
		break
	}
	t.group = g
	w := st.low[i]
	tr := st.r.traits
	participle := tr.Participle != "" && strings.HasSuffix(w, tr.Participle)
	if m := tr.InfinitiveMarker; m != "" {
		t.nonFinite = !aux && (i > 0 && st.low[i-1] == m || participle)
	} else {
		// The infinitive is the lemma, which no participle is.
		infinitive := w == t.lemma || strings.HasSuffix(t.lemma, " "+w)
		t.nonFinite = !aux && (infinitive || participle && w != t.lemma)
	}
	if tr.PerfectBe {
		// The passive auxiliary is also the perfect one of motion
		// and reflexive verbs (être): only its participle ("été",
		// a PassiveAux) or an agent marks a passive.
		t.passive = passive || (aux && st.hasAgent(t.head) && !st.hasReflexive(g, i))
	} else {
		// "was arrested by": a form of be before a past participle.
		t.passive = passive && !participle && w != t.lemma
	}
	t.negated = st.negation(g, i)
}

// premodifier reports an adjective that stands before nouns (grand,
// nouveau, former), from the lexicon's function words or a short list.
func (st *state) premodifier(i int) bool {
	w := st.low[i]
	if st.is(lexicon.Prenominal, w) {
		return true
	}
	for _, c := range st.r.lex.StopClasses(w) {
		if c == "premod" {
			return true
		}
	}
	return false
}

// infinitiveAfterPrep reports whether the word at i, after a
// preposition, can be a verb: a present participle, after the gerund's
// marker where the language has one ("en affirmant", "by signing"), or
// an infinitive, after its marker ("to") or as the lemma itself.
func (st *state) infinitiveAfterPrep(i int, lemmas []string) bool {
	w, prev := st.low[i], st.low[i-1]
	tr := st.r.traits
	if tr.Participle != "" && strings.HasSuffix(w, tr.Participle) && (tr.GerundMarker == "" || prev == tr.GerundMarker) {
		return true
	}
	if m := tr.InfinitiveMarker; m != "" {
		return prev == m
	}
	for _, l := range lemmas {
		if l == w || strings.HasSuffix(l, " "+w) {
			return true
		}
	}
	return false
}

// negation reports a negation in the verb group [g, i] or right after it.
func (st *state) negation(g, i int) bool {
	lex := st.r.lex
	if st.r.traits.TwoPartNegation {
		// French negates with ne/n' and a second word (pas, jamais,
		// plus); "ne ... que" restricts and does not negate.
		ne := false
		for k := g; k <= i; k++ {
			if st.low[k] == "ne" || st.low[k] == "n'" {
				ne = true
			}
		}
		if !ne {
			return false
		}
		for k := g; k < len(st.low) && k <= i+3; k++ {
			w := st.low[k]
			if k == i || w == "ne" || w == "n'" {
				continue
			}
			switch lex.NegationKind(w) {
			case "neg", "post":
				return true
			case "restrict":
				return false
			}
		}
		return false
	}
	for k := g; k <= i; k++ {
		if lex.IsNegation(st.low[k]) {
			return true
		}
	}
	return false
}

func (st *state) hasReflexive(from, to int) bool {
	for k := from; k < to; k++ {
		if st.is(lexicon.Reflexive, st.low[k]) {
			return true
		}
	}
	return false
}

func (st *state) hasAgent(i int) bool {
	for k := i + 1; k < len(st.low) && k <= i+3; k++ {
		if st.is(lexicon.AgentPrep, st.low[k]) {
			return true
		}
	}
	return false
}

// find looks for word within n tokens from i.
func (st *state) find(i, n int, word string) (int, bool) {
	for k := i; k < len(st.low) && k < i+n; k++ {
		if st.low[k] == word {
			return k, true
		}
	}
	return 0, false
}

// prepAfter looks for a preposition right after a verb, past adverbs
// and negation only ("appelle aussi à", "met with").
func (st *state) prepAfter(i int, prep string) (int, bool) {
	for k := i; k < len(st.low) && k < i+4; k++ {
		if next, ok := st.findPrep(k, 1, prep); ok {
			return next, true
		}
		if !st.is(lexicon.Adverb, st.low[k]) && !st.r.lex.IsNegation(st.low[k]) {
			break
		}
	}
	return 0, false
}

// findPrep looks for a preposition (possibly contracted or of several
// words) within n tokens from i and returns the token after it.
func (st *state) findPrep(i, n int, prep string) (int, bool) {
	words := strings.Fields(prep)
	for k := i; k < len(st.low) && k < i+n; k++ {
		if st.mention[k] >= 0 {
			return 0, false
		}
		ok := true
		for j, w := range words {
			if k+j >= len(st.low) {
				ok = false
				break
			}
			got := st.low[k+j]
			if f, c := st.r.lex.ClassValue(lexicon.PrepForm, got); c {
				got = f
			}
			if got != w && st.low[k+j] != w {
				ok = false
				break
			}
		}
		if ok {
			return k + len(words), true
		}
	}
	return 0, false
}
