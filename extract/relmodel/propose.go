package relmodel

import (
	"slices"
	"strings"
	"unicode"

	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/graph"
)

// predKey names what decides a candidate's predicate, from the most
// specific level to the least: the trigger with its particle and
// preposition and the relations of both sides to it; the trigger with
// particle and preposition; the trigger alone. A direct link has no
// trigger: its key is the link and the argument types.
type predKey [3]string

// analysed is a sentence with what every candidate of it shares.
type analysed struct {
	s    *Sentence
	t    *tree
	args []arg
	// named counts, for the whole document, the sentences that name
	// each entity as an argument: its salience there. Set by countNamed.
	named map[string]int
	// title is the document's title in folded words; nil for none.
	title []string
	// titled says, for each argument, how the title names it (inTitle);
	// nil when there is no title.
	titled []string
}

// countNamed gives the analysed sentences of one document their count of
// the sentences that name each entity.
func countNamed(an []*analysed) {
	named := map[string]int{}
	for _, a := range an {
		if a == nil {
			continue
		}
		seen := map[string]bool{}
		for _, x := range a.args {
			if x.kind != argConcept && !seen[x.name] {
				seen[x.name] = true
				named[x.name]++
			}
		}
	}
	for _, a := range an {
		if a != nil {
			a.named = named
		}
	}
}

// propose returns the candidates of a sentence: every ordered pair of
// arguments within MaxPath edges in the tree, then the rules' triples.
func propose(s *Sentence, lex *lexicon.Lexicon, sent int) (*analysed, []candidate) {
	a := analyse(s, lex)
	return a, a.candidates(lex, sent)
}

// analyse reads a sentence's tree and arguments; nil for no words.
func analyse(s *Sentence, lex *lexicon.Lexicon) *analysed {
	if len(s.Words) == 0 {
		return nil
	}
	t := newTree(s)
	a := &analysed{s: s, t: t, args: args(s, t, lex), title: foldedWords(s.Title)}
	// Once an argument, not once a candidate: a sentence's arguments
	// pair up into many candidates.
	if a.title != nil {
		a.titled = make([]string, len(a.args))
		for i, x := range a.args {
			a.titled[i] = a.inTitle(x)
		}
	}
	return a
}

// foldedWords returns the words of s, folded (lower case, no accents),
// split at every character that is no letter or digit; nil for none.
func foldedWords(s string) []string {
	ws := strings.FieldsFunc(graph.Fold(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(ws) == 0 {
		return nil
	}
	return ws
}

// inTitle says how the document's title names an argument: "full" (all
// its words in a row), "last" (its last word: a surname, the head of a
// phrase) or "no".
func (a *analysed) inTitle(x arg) string {
	name := foldedWords(x.name)
	if len(name) == 0 {
		return "no"
	}
	for i := 0; i+len(name) <= len(a.title); i++ {
		if slices.Equal(a.title[i:i+len(name)], name) {
			return "full"
		}
	}
	if len(name) > 1 && slices.Contains(a.title, name[len(name)-1]) {
		return "last"
	}
	return "no"
}

// candidates returns the candidates of an analysed sentence (nil for
// none), sentence sent of its document.
func (a *analysed) candidates(lex *lexicon.Lexicon, sent int) []candidate {
	if a == nil {
		return nil
	}
	s, t, as := a.s, a.t, a.args
	var out []candidate
	for i := range as {
		for j := range as {
			if i == j || as[i].kind == argConcept && as[j].kind == argConcept || as[i].name == as[j].name {
				continue
			}
			up, down, ok := t.path(as[i].word, as[j].word)
			// Phrases relate within four edges; names, rarer, within five.
			if !ok || len(up)+len(down) > 5 && (as[i].kind == argConcept || as[j].kind == argConcept) {
				continue
			}
			if len(up) > 2 && possessorOfActor(t, up, lex) {
				continue
			}
			c := candidate{sent: sent, subj: i, obj: j, rule: -1, agree: -1}
			a.fill(&c, up, down, lex)
			out = append(out, c)
		}
	}
	for r := range s.Rules {
		obj := s.Rules[r].Object
		if loneLetter(s.Rules[r].Subject) || loneLetter(obj) {
			continue
		}
		// The tree's arguments hold no amount ("mln dlrs"), nor do
		// the rules' ("pct stake" is the stake).
		if s.Rules[r].ObjectType == graph.Concept {
			if obj = unamount(obj, lex); obj == "" {
				continue
			}
		}
		if i := a.find(s.Rules[r].Subject); i >= 0 {
			w, j := as[i].word, a.find(obj)
			if h := t.parent[w]; h >= 0 && (j < 0 || as[j].word != h) && possessorOfActor(t, []int{w, h}, lex) {
				continue
			}
		}
		out = append(out, a.ruleCandidate(r, obj, sent, lex, out))
	}
	return out
}

// unamount returns a concept name without the numbers and measure words
// that open it and the "of" after them: "pct stake" is "stake", "mln
// dlrs of securities" "securities", "mln dlrs" "".
func unamount(name string, lex *lexicon.Lexicon) string {
	if lex == nil {
		return name
	}
	ws := strings.Fields(name)
	i := 0
	for i < len(ws) {
		w := strings.ToLower(ws[i])
		if !measureWord(lex, w, lex.NounLemma(w)) && strings.Trim(w, "0123456789.,-") != "" {
			break
		}
		i++
	}
	if i > 0 && i < len(ws) {
		switch strings.ToLower(ws[i]) {
		case "of", "de", "d'":
			i++
		}
	}
	return strings.Join(ws[i:], " ")
}

// possessorOfActor reports a subject side that is the possessor or
// complement of the noun that acts ("Polanski's lawyer asked", "la
// famille de Gupta a déposé"): the lawyer asks, not Polanski. A noun that
// stands for what it names (its government, spokesman, members: lexicon
// class authority) lets the possessor act. up starts with the subject's
// word and its head.
func possessorOfActor(t *tree, up []int, lex *lexicon.Lexicon) bool {
	w, head := t.words[up[0]], t.words[up[1]]
	if w.Deprel != "nmod:poss" && w.Deprel != "nmod" || !strings.HasPrefix(head.Deprel, "nsubj") || head.UPOS != "NOUN" {
		return false
	}
	if lex == nil {
		return false
	}
	l := strings.ToLower(head.Lemma)
	for _, c := range []lexicon.WordClass{lexicon.Authority, lexicon.Actor, lexicon.Collective, lexicon.Government} {
		if lex.Is(c, l) {
			return false
		}
	}
	return true
}

// fill sets what a tree candidate is made of: its sides, trigger, path
// and predicate key.
func (a *analysed) fill(c *candidate, up, down []int, lex *lexicon.Lexicon) {
	s, t := a.s, a.t
	sa, oa := a.args[c.subj], a.args[c.obj]
	c.sName, c.sType, c.sKind = sa.name, sa.typ, sa.kind
	c.oName, c.oText, c.oType, c.oKind = oa.name, oa.text, oa.typ, oa.kind
	seq := append(append([]int(nil), up...), down...)
	lca := len(up) - 1
	c.length = len(seq) - 1
	ti := -1
	switch {
	case lca > 0 && lca < len(seq)-1:
		ti = lca
	case lca == 0 && len(seq) > 2:
		ti = 1
	case lca == len(seq)-1 && len(seq) > 2:
		ti = len(seq) - 2
	}
	c.path, c.lexPath = pathString(t, seq)
	if ti < 0 {
		c.trigger = -1
		k := "|" + c.path + "|" + string(sa.typ) + "|" + string(oa.typ)
		c.trigs = []trig{{word: -1, key: predKey{k, k, k}, pos: "link", mid: -1}}
	} else {
		c.trigger = seq[ti]
		c.trigs = []trig{a.trigAt(seq, ti, "head")}
		// Other content words on the path may carry the relation
		// instead: "decided to cancel the primaries" is cancels.
		for k := 1; k < len(seq)-1; k++ {
			if k == ti {
				continue
			}
			switch s.Words[seq[k]].UPOS {
			case "VERB", "NOUN", "ADJ":
				pos := "toward-object"
				if k < ti {
					pos = "toward-subject"
				}
				c.trigs = append(c.trigs, a.trigAt(seq, k, pos))
			}
		}
	}
	// A demonym object ("sculpteur français", "the Polish police") is
	// read by its own phrasings too, learned over every word it
	// qualifies.
	if oa.kind == argDemonym {
		k := demonymPos + "|" + string(sa.typ)
		c.trigs = append(c.trigs, trig{word: -1, key: predKey{k, k, k}, pos: demonymPos, mid: -1})
	}
	c.neg, c.modality = a.mood(c.trigger, lex)
}

// demonymPos names the trigger of a demonym object's own phrasings.
const demonymPos = "demonym"

// trigAt makes word seq[k] of a path a trigger: its predicate key from
// its lemma and particle, the preposition toward the object and the
// links of both sides.
func (a *analysed) trigAt(seq []int, k int, pos string) trig {
	t, tw := a.t, seq[k]
	lemma := strings.ToLower(t.words[tw].Lemma)
	if prt := childLemma(t, tw, "compound:prt"); prt != "" {
		lemma += " " + prt
	}
	prep := caseOf(t, seq[k+1])
	if t.parent[seq[k+1]] != tw {
		prep = "^" + caseOf(t, tw)
	}
	aRel, bRel := link(t, seq[k-1], tw), link(t, tw, seq[k+1])
	tg := trig{word: tw, pos: pos, key: predKey{lemma + "|" + prep + "|" + aRel + "|" + bRel, lemma + "|" + prep, lemma}, mid: -1}
	if k+2 == len(seq)-1 && t.parent[seq[k+1]] == tw && t.parent[seq[k+2]] == seq[k+1] {
		switch x := t.words[seq[k+1]]; {
		case x.Deprel == "obj" && x.UPOS == "NOUN", x.Deprel == "xcomp" && (x.UPOS == "ADJ" || x.UPOS == "VERB"):
			tg.mid, tg.midPrep = seq[k+1], caseOf(t, seq[k+2])
		}
	}
	switch aRel {
	case "nsubj:pass↑", "csubj:pass↑":
		tg.passive = true
	case "acl↓":
		// A participle modifying the subject: "the minister accused of".
		f := strings.ToLower(t.words[tw].Form)
		tg.passive = t.words[tw].UPOS == "VERB" && f != strings.ToLower(t.words[tw].Lemma) && !strings.HasSuffix(f, "ing")
	}
	if !strings.HasPrefix(prep, "^") {
		tg.prep = prep
	}
	return tg
}

// pathString names the steps of a path, "nsubj↑ obj↓", and the same with
// the lemmas of its inner words, "nsubj↑ meet obj↓".
func pathString(t *tree, seq []int) (path, lexPath string) {
	var p, lp strings.Builder
	for k := 0; k < len(seq)-1; k++ {
		if k > 0 {
			lp.WriteString(" " + strings.ToLower(t.words[seq[k]].Lemma) + " ")
			p.WriteByte(' ')
		}
		step := link(t, seq[k], seq[k+1])
		p.WriteString(step)
		lp.WriteString(step)
	}
	return p.String(), lp.String()
}

// link names the step from word x to its neighbour y in the tree:
// "nsubj↑" going up from a subject, "obj↓" going down to an object.
func link(t *tree, x, y int) string {
	if t.parent[x] == y {
		return t.words[x].Deprel + "↑"
	}
	return t.words[y].Deprel + "↓"
}

// childLemma returns the lemma of w's first child with deprel rel.
func childLemma(t *tree, w int, rel string) string {
	for _, k := range t.kids[w] {
		if t.words[k].Deprel == rel {
			return strings.ToLower(t.words[k].Lemma)
		}
	}
	return ""
}

// caseOf returns the prepositions (case and mark children) of w, joined.
func caseOf(t *tree, w int) string {
	var ps []string
	for _, k := range t.kids[w] {
		if r := t.words[k].Deprel; r == "case" || r == "mark" {
			ps = append(ps, strings.ToLower(t.words[k].Form))
		}
	}
	return strings.Join(ps, " ")
}

// mood reads negation and modality off the trigger: a negation among its
// children or its auxiliaries', a modal auxiliary, and a governing verb of
// speech.
func (a *analysed) mood(w int, lex *lexicon.Lexicon) (neg bool, m graph.Modality) {
	m = graph.Asserted
	if w < 0 || lex == nil {
		return false, m
	}
	t := a.t
	for _, k := range t.kids[w] {
		f := strings.ToLower(t.words[k].Form)
		switch t.words[k].Deprel {
		case "advmod", "neg", "advmod:neg":
			if lex.IsNegation(f) || lex.NegationKind(f) == "post" && hasNe(t, w) {
				neg = true
			}
		case "aux", "aux:pass":
			if md, ok := lex.Modality(f); ok {
				m = md
			}
		}
	}
	if a.conditional(w, lex) {
		m = graph.Hypothetical
	}
	for c, p, steps := w, t.parent[w], 0; p >= 0 && steps < 3; c, p, steps = p, t.parent[p], steps+1 {
		lemma := strings.ToLower(t.words[p].Lemma)
		// "hopes to overcome" is an intention, "hopes that" speech:
		// the row of the governing verb whose preposition marks the
		// clause, else its first that is no plain action.
		var row *lexicon.Predicate
		rows := lex.Verbs(lemma)
		marker := caseOf(t, c)
		for i := range rows {
			r := &rows[i]
			if r.Class == lexicon.Action || r.Class == lexicon.Aspect {
				continue
			}
			if row == nil || r.Prep != "" && r.Prep == marker && row.Prep != marker {
				row = r
			}
		}
		if row != nil {
			if row.Class == lexicon.Neg {
				neg = !neg
			} else {
				m = row.Class.Modality()
			}
			return neg, m
		}
	}
	return neg, m
}

// conditional reports a word whose clause a conditional conjunction
// opens: "if the Commission eased restrictions" states no easing.
func (a *analysed) conditional(w int, lex *lexicon.Lexicon) bool {
	if w < 0 || lex == nil {
		return false
	}
	for _, k := range a.t.kids[w] {
		if a.t.words[k].Deprel == "mark" {
			if md, ok := lex.Modality(strings.ToLower(a.t.words[k].Form)); ok && md == graph.Hypothetical {
				return true
			}
		}
	}
	return false
}

// hasNe reports French "ne" before a verb, which "plus" or "jamais" need
// to negate.
func hasNe(t *tree, w int) bool {
	for _, k := range t.kids[w] {
		if f := strings.ToLower(t.words[k].Form); f == "ne" || f == "n'" {
			return true
		}
	}
	return false
}

// ruleCandidate turns a rule triple into a candidate, obj its object's
// name. When a tree
// candidate relates the same two arguments, both learn of each other.
func (a *analysed) ruleCandidate(r int, obj string, sent int, lex *lexicon.Lexicon, tree []candidate) candidate {
	rt := a.s.Rules[r]
	c := candidate{sent: sent, subj: a.find(rt.Subject), obj: a.find(obj), rule: r, agree: -1, trigger: -1,
		sName: rt.Subject, sType: rt.SubjectType, oName: obj, oText: obj, oType: rt.ObjectType,
		sKind: argName, oKind: argName, neg: rt.Negated, modality: rt.Modality, pred: rt.Predicate}
	if rt.ObjectType == graph.Concept {
		c.oKind = argConcept
	}
	src := strings.ToLower(rt.Source)
	c.trigs = []trig{{word: -1, key: predKey{"rule|" + src + "|" + rt.Predicate, "rule|" + src, "rule|" + src}, pos: "rule", mid: -1}}
	if c.subj >= 0 {
		c.sKind = a.args[c.subj].kind
	}
	if c.obj >= 0 {
		c.oKind = a.args[c.obj].kind
	}
	if c.subj >= 0 && c.obj >= 0 {
		if up, down, ok := a.t.path(a.args[c.subj].word, a.args[c.obj].word); ok {
			seq := append(append([]int(nil), up...), down...)
			c.path, _ = pathString(a.t, seq)
			c.length = len(seq) - 1
		}
	}
	for i := range tree {
		if tree[i].rule < 0 && tree[i].sent == sent && tree[i].sName == rt.Subject && tree[i].oName == obj {
			tree[i].ruleAgrees = true
			tree[i].agree = r
			// The rule read negation and modality with more care, but
			// not a condition on the clause.
			tree[i].neg, tree[i].modality = rt.Negated, rt.Modality
			if a.conditional(tree[i].trigger, lex) {
				tree[i].modality, c.modality = graph.Hypothetical, graph.Hypothetical
			}
			c.ruleAgrees = true
		}
	}
	return c
}

// find returns the argument named name, or -1.
func (a *analysed) find(name string) int {
	for i, x := range a.args {
		if x.name == name {
			return i
		}
	}
	return -1
}

// contractWords reports a language whose words are the contract's own
// (lexicon language.tsv): its verbs are their own predicates, its
// phrases their own concepts.
func contractWords(lex *lexicon.Lexicon) bool {
	return lex != nil && lex.Traits().ContractWords
}
