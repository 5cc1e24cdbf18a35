package relate

import (
	"strings"

	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/graph"
)

// mood is what governs a clause.
type mood struct {
	negated  bool
	modality graph.Modality
	speaker  string
	skip     bool // the clause is only the content of a noun or question
}

// modality reads negation and modality of the clause of verb v and of
// the verbs governing it through xcomp ("refuse de rencontrer"), and the
// speaker of a clause that is a speech verb's complement.
func (c *clauses) modality(v int) mood {
	st := c.st
	lex := st.r.lex
	m := mood{negated: c.negated(v), modality: c.modal(v)}
	cur := v
	for depth := 0; depth < 6; depth++ {
		g := c.head(cur)
		if g < 0 {
			break
		}
		switch {
		case (c.rel(cur, "ccomp") || c.rel(cur, "parataxis")) && c.w[g].UPOS == "VERB" && c.speech(g):
			m.modality, m.speaker = graph.Reported, c.speakerOf(g)
			return m
		case c.rel(cur, "xcomp"), c.rel(cur, "ccomp") && c.infinitive(cur), c.rel(cur, "advcl") && c.mark(cur) == "":
			// "refuse to meet", "envisage de", "ne plus exclure".
			if c.w[g].UPOS != "VERB" {
				return m
			}
			neg := c.negated(g)
			classes := map[lexicon.Class]bool{}
			for _, p := range lex.Verbs(c.verbLemma(g)) {
				classes[p.Class] = true
			}
			switch {
			case classes[lexicon.Speech] && !classes[lexicon.Neg] && !classes[lexicon.Considered] && !classes[lexicon.Intended]:
				// "affirmait ne plus exclure": what a speech verb's
				// infinitive says is its subject's word ("promettre
				// de", "menacer de" are intentions).
				m.modality, m.speaker = graph.Reported, c.speakerOf(g)
				if neg {
					m.negated = !m.negated
				}
				return m
			case classes[lexicon.Neg]:
				neg = !neg
			case classes[lexicon.Considered] && m.modality == graph.Asserted:
				m.modality = graph.Considered
			case classes[lexicon.Intended] && m.modality == graph.Asserted:
				m.modality = graph.Intended
			case m.modality == graph.Asserted:
				// "doit remporter", "might attack": a modal verb the
				// lexicon lists as such.
				m.modality = c.modal(g)
			}
			if neg {
				m.negated = !m.negated
			}
			cur = g
			continue
		}
		break
	}
	if st.source != "" && m.modality == graph.Asserted {
		m.modality, m.speaker = graph.Reported, st.source
	}
	return m
}

// speakerOf returns the name of the speaker of speech verb g: its
// subject's, when a mention; else "".
func (c *clauses) speakerOf(g int) string {
	if s := c.subjects(g); len(s) > 0 && s[0].mention >= 0 {
		return c.st.name(c.st.s.Mentions[s[0].mention], true)
	}
	return ""
}

// speech reports a verb the lexicon lists as a speech verb.
func (c *clauses) speech(v int) bool {
	for _, p := range c.st.r.lex.Verbs(c.lemma(v)) {
		if p.Class == lexicon.Speech {
			return true
		}
	}
	return false
}

// mark returns the subordinating word of a clause (que, that, if), folded.
func (c *clauses) mark(v int) string {
	if d := c.child(v, "mark"); d >= 0 {
		return graph.Fold(c.w[d].Form)
	}
	return ""
}

// negated reports a clause negated by its own words: "not", "never",
// "ne ... pas", "sans" before an infinitive.
func (c *clauses) negated(v int) bool {
	lex := c.st.r.lex
	ne, neg := false, false
	for _, d := range c.kids[v] {
		f := strings.ToLower(c.w[d].Form)
		switch {
		case f == "ne" || f == "n'":
			ne = true
		case c.rel(d, "advmod") || c.rel(d, "advmod:neg") || c.rel(d, "neg") || c.rel(d, "det"):
			switch lex.NegationKind(f) {
			case "neg":
				neg = true
			case "post":
				if !c.st.r.traits.TwoPartNegation {
					neg = true
				} else {
					ne = ne || neg
					neg = true
				}
			}
		case c.rel(d, "mark") && (f == "sans" || f == "without"):
			return true
		}
	}
	if c.st.r.traits.TwoPartNegation {
		return ne && neg
	}
	return neg
}

// modal returns the modality a verb's own form or auxiliaries give its
// clause ("could", "pourrait", "doit", a French conditional), else
// asserted.
func (c *clauses) modal(v int) graph.Modality {
	forms := []int{v}
	for _, d := range c.kids[v] {
		if c.rel(d, "aux") {
			forms = append(forms, d)
		}
	}
	for _, k := range forms {
		if mod, ok := c.st.r.lex.Modality(strings.ToLower(c.w[k].Form)); ok {
			return mod
		}
	}
	return graph.Asserted
}
