package relate

import (
	"strings"

	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/graph"
)

// nouns returns the relations event nouns state with their complements in
// the tree: "la visite de X à Moscou", "X's attack on Y", "la destruction
// des mausolées par X", "talks between X and Y", and with a possessive the
// subject of the verb governing the noun ("X a annoncé sa visite à Y").
func (c *clauses) nouns() []graph.Triple {
	var out []graph.Triple
	for k, w := range c.w {
		if w.UPOS != "NOUN" || c.ment[k] >= 0 {
			continue
		}
		for _, p := range c.st.nounRows(w.Token) {
			if p.Class != lexicon.Action || p.Prep == "" {
				continue
			}
			r := row{p, -1}
			if c.is(lexicon.Between, graph.Fold(p.Prep)) {
				out = append(out, c.between(k, r, mood{modality: graph.Asserted}, 0.15)...)
				continue
			}
			var objs []arg
			objWord := -1
			for _, d := range c.kids[k] {
				if c.rel(d, "nmod") && c.caseOf(d) == graph.Fold(p.Prep) {
					objs, objWord = c.args(d, false), d
					break
				}
			}
			if len(objs) == 0 {
				continue
			}
			for _, a := range c.nounAgents(k, p.Agent, objWord) {
				for _, o := range objs {
					if t, ok := c.triple(a, o, r, mood{modality: graph.Asserted}); ok {
						t.Confidence = round2(t.Confidence - 0.15)
						out = append(out, t)
					}
				}
			}
		}
	}
	return out
}

// between reads the two sides "entre" / "between" introduces under word
// k — an event noun ("talks between X and Y", "la rencontre entre X et
// Y") or a symmetric verb ("l'accord négocié entre X et Y") — and states
// relation r between them, with its confidence lowered by drop.
func (c *clauses) between(k int, r row, m mood, drop float64) []graph.Triple {
	for _, d := range c.kids[k] {
		if !(c.rel(d, "nmod") || c.rel(d, "obl")) || !c.is(lexicon.Between, c.caseOf(d)) {
			continue
		}
		var sides []arg
		for _, a := range c.args(d, true) {
			if a.entity() && !a.actor {
				sides = append(sides, a)
			}
		}
		if len(sides) < 2 {
			return nil
		}
		if t, ok := c.triple(sides[0], sides[1], r, m); ok {
			t.Confidence = round2(t.Confidence - drop)
			return []graph.Triple{t}
		}
	}
	return nil
}

// nounAgents returns who does what an event noun names: a possessive name
// ("Iran's attack"), the complement its agent preposition introduces
// ("de", "by"; never the object's own complement), or, after a
// possessive determiner, the subject of the verb governing the noun.
func (c *clauses) nounAgents(k int, agent string, objWord int) []arg {
	possessive := false
	for _, d := range c.kids[k] {
		if d == objWord {
			continue
		}
		switch {
		case c.rel(d, "nmod:poss") && c.ment[d] >= 0:
			return []arg{{mention: c.ment[d]}}
		case c.rel(d, "nmod") && agent != "" && c.caseOf(d) == graph.Fold(agent):
			var out []arg
			for _, a := range c.args(d, true) {
				if a.entity() {
					out = append(out, a)
				}
			}
			return out
		case c.rel(d, "det") && c.is(lexicon.Possessive, strings.ToLower(c.w[d].Form)), c.rel(d, "nmod:poss") && c.w[d].UPOS == "PRON":
			possessive = true
		}
	}
	if possessive {
		if v := c.head(k); v >= 0 && c.w[v].UPOS == "VERB" && (c.rel(k, "obj") || c.rel(k, "obl")) {
			return c.subjects(v)
		}
	}
	return nil
}
