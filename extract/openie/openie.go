package openie

import (
	"sort"
	"strings"

	"github.com/kgraph/kg/extract/model"
)

// Extraction is one open relation: a phrase and its arguments, each in
// the sentence's words joined by spaces.
type Extraction struct {
	Relation   string
	Args       []string
	Confidence float64
}

// tree is one analysed sentence.
type tree struct {
	words    []string
	a        model.Analysis
	children [][]int // 0-based dependents of each word
}

// Extract returns the open extractions of a sentence of words.
func Extract(m *model.Model, words []string) []Extraction {
	t := &tree{words: words, a: m.Analyze(words), children: make([][]int, len(words))}
	for i, h := range t.a.Head {
		if h > 0 {
			t.children[h-1] = append(t.children[h-1], i)
		}
	}
	var out []Extraction
	for i := range words {
		if e, ok := t.clause(i); ok {
			out = append(out, e)
		}
	}

	return append(out, t.appositions()...)
}

func rel(r string) string {
	base, _, _ := strings.Cut(r, ":")
	return base
}

// clause reads the extraction headed by word i: a verb, or a nominal or
// adjectival predicate with a copula, that has a subject.
func (t *tree) clause(i int) (Extraction, bool) {
	p := t.dependents(i)
	governor := t.borrowSubject(i, &p)
	// A relative clause: its subject is the noun it qualifies, for which
	// "who", "which", "that" stand ("the man who lives in Paris").
	antecedent := -1
	if (t.a.Deprel[i] == "acl:relcl" || t.a.Deprel[i] == "acl" && t.a.UPOS[i] == "VERB") && t.a.Head[i] > 0 {
		if p.subj < 0 || isRelative(t.words[p.subj]) {
			antecedent = t.a.Head[i] - 1
		}
	}
	if p.subj < 0 && antecedent < 0 {
		return Extraction{}, false
	}
	subj := func() string {
		if antecedent >= 0 {
			return t.span(antecedent, map[int]bool{i: true})
		}
		return t.span(p.subj, nil)
	}
	var e Extraction
	switch {
	case t.a.UPOS[i] == "VERB":
		e = t.verbal(i, p, governor, subj)
	case p.cop >= 0:
		e = t.copular(i, p, subj)
	default:
		return Extraction{}, false
	}
	if e.Relation == "" || len(e.Args) < 2 || e.Args[0] == "" || e.Args[1] == "" {
		return Extraction{}, false
	}
	return e, true
}

// clauseParts are the dependents of a clause's head that an extraction
// is made of (-1 for none).
type clauseParts struct {
	subj, obj, cop int
	obls           []int
	auxes          []int // auxiliaries, negations and particles: words of the relation
	passive        bool
}

// dependents reads the parts of the clause headed by word i off its
// children.
func (t *tree) dependents(i int) clauseParts {
	p := clauseParts{subj: -1, obj: -1, cop: -1}
	for _, c := range t.children[i] {
		switch t.a.Deprel[c] {
		case "nsubj", "nsubj:pass", "csubj":
			p.subj = c
			p.passive = p.passive || t.a.Deprel[c] == "nsubj:pass"
		case "obj":
			p.obj = c
		case "cop":
			p.cop = c
		case "aux", "aux:pass":
			p.auxes = append(p.auxes, c)
		}
		switch rel(t.a.Deprel[c]) {
		case "obl":
			p.obls = append(p.obls, c)
		case "advmod":
			if strings.EqualFold(t.words[c], "not") || strings.EqualFold(t.words[c], "n't") || strings.EqualFold(t.words[c], "never") {
				p.auxes = append(p.auxes, c)
			}
		case "compound":
			if t.a.Deprel[c] == "compound:prt" {
				p.auxes = append(p.auxes, c) // kept in order with the verb below
			}
		}
	}
	return p
}

// borrowSubject gives a clause without a subject the subject of the
// clause it depends on, where that one's subject is its own: a
// coordinated verb's, an open complement's, an adverbial clause's. It
// returns the governing words that join the relation (an open
// complement's governor and its auxiliaries).
func (t *tree) borrowSubject(i int, p *clauseParts) (governor []int) {
	if p.subj >= 0 || t.a.Head[i] <= 0 {
		return nil
	}
	h := t.a.Head[i] - 1
	switch {
	// A subject shared with a coordinated verb ("ate and left").
	case t.a.Deprel[i] == "conj":
		for _, c := range t.children[h] {
			if rel(t.a.Deprel[c]) == "nsubj" {
				p.subj = c
			}
		}
	// An open complement takes its governor's subject, and its governor
	// joins the relation: "Iran wants to build a reactor" → (Iran, wants
	// to build, a reactor).
	case t.a.Deprel[i] == "xcomp":
		for _, c := range t.children[h] {
			switch t.a.Deprel[c] {
			case "nsubj", "nsubj:pass":
				p.subj = c
			case "aux", "aux:pass":
				governor = append(governor, c)
			}
			if rel(t.a.Deprel[c]) == "advmod" && (strings.EqualFold(t.words[c], "not") || strings.EqualFold(t.words[c], "n't")) {
				governor = append(governor, c)
			}
		}
		governor = append(governor, h)
		for _, c := range t.children[i] {
			if t.a.Deprel[c] == "mark" {
				p.auxes = append(p.auxes, c)
			}
		}
	// A participle or infinitive clause without a subject shares its
	// governor's ("..., killing eleven people").
	case rel(t.a.Deprel[i]) == "advcl":
		for _, c := range t.children[h] {
			if t.a.Deprel[c] == "nsubj" {
				p.subj = c
			}
		}
	}
	return governor
}

// verbal makes the extraction of a verb: its subject, object and
// obliques.
func (t *tree) verbal(i int, p clauseParts, governor []int, subj func() string) Extraction {
	e := Extraction{Confidence: 0.5}
	relWords := append(append(p.auxes, governor...), i)
	sort.Ints(relWords)
	e.Relation = t.join(relWords)
	e.Args = []string{subj()}
	args := 0
	if p.obj >= 0 {
		e.Args = append(e.Args, t.span(p.obj, nil))
		args++
		e.Confidence += 0.3
	}
	for k, o := range p.obls {
		prep, np := t.splitCase(o)
		if p.obj < 0 && k == 0 {
			// "X lives in Y": the preposition joins the relation.
			e.Relation = strings.TrimSpace(e.Relation + " " + prep)
			e.Args = append(e.Args, np)
		} else {
			e.Args = append(e.Args, strings.TrimSpace(prep+" "+np))
		}
		args++
	}
	if args == 0 {
		e.Confidence -= 0.2
	}
	if p.passive {
		e.Confidence -= 0.05
	}
	return e
}

// copular makes the extraction of a nominal or adjectival predicate with
// a copula: the copula is the relation, the predicate its second argument.
func (t *tree) copular(i int, p clauseParts, subj func() string) Extraction {
	e := Extraction{Confidence: 0.6}
	relWords := append(p.auxes, p.cop)
	sort.Ints(relWords)
	e.Relation = t.join(relWords)
	// The predicate without its copula, subject and auxiliaries.
	skip := map[int]bool{p.cop: true, p.subj: true}
	for _, a := range p.auxes {
		skip[a] = true
	}
	// "is in Paris": the predicate's preposition joins the relation.
	pred := t.span(i, skip)
	if c := t.caseOf(i); c >= 0 {
		e.Relation += " " + t.words[c]
		skip[c] = true
		pred = t.span(i, skip)
	}
	e.Args = []string{subj(), pred}
	return e
}

func isRelative(w string) bool {
	switch strings.ToLower(w) {
	case "who", "which", "that", "whom":
		return true
	}
	return false
}

// appositions reads "X, the chief of Y," as (X, is, the chief of Y).
func (t *tree) appositions() []Extraction {
	var out []Extraction
	for i, r := range t.a.Deprel {
		if r != "appos" || t.a.Head[i] == 0 {
			continue
		}
		h := t.a.Head[i] - 1
		head := t.span(h, map[int]bool{i: true})
		if head == "" {
			continue
		}
		out = append(out, Extraction{Relation: "is", Args: []string{head, t.span(i, nil)}, Confidence: 0.4})
	}
	return out
}

// caseOf returns the case marker (preposition) of word i, or -1.
func (t *tree) caseOf(i int) int {
	for _, c := range t.children[i] {
		if t.a.Deprel[c] == "case" {
			return c
		}
	}
	return -1
}

// splitCase splits an oblique into its preposition and noun phrase.
func (t *tree) splitCase(i int) (string, string) {
	c := t.caseOf(i)
	if c < 0 {
		return "", t.span(i, nil)
	}
	return t.words[c], t.span(i, map[int]bool{c: true})
}

// span returns the words of the subtree of i, in order, without the
// subtrees rooted at skipped words, clauses hanging off it and trailing
// punctuation.
func (t *tree) span(i int, skip map[int]bool) string {
	var idx []int
	var walk func(n int, top bool)
	walk = func(n int, top bool) {
		if skip[n] {
			return
		}
		if !top {
			switch rel(t.a.Deprel[n]) {
			case "acl", "advcl", "parataxis", "punct", "ccomp", "conj", "cc", "appos":
				if rel(t.a.Deprel[n]) == "conj" || rel(t.a.Deprel[n]) == "cc" {
					break // coordinated words stay in the phrase
				}
				return
			}
		}
		idx = append(idx, n)
		for _, c := range t.children[n] {
			walk(c, false)
		}
	}
	walk(i, true)
	sort.Ints(idx)
	return t.join(idx)
}

func (t *tree) join(idx []int) string {
	parts := make([]string, len(idx))
	for k, i := range idx {
		parts[k] = t.words[i]
	}
	return strings.Join(parts, " ")
}
