package relmodel

import (
	"slices"
	"sort"

	"github.com/kgraph/kg/extract/lexicon"
)

// Coverage says how much of a set of annotations a model's candidates
// can find at all: recall cannot exceed it.
type Coverage struct {
	Group       string `json:"group"` // language and kind: "en articles", "fr sentences"
	Annotations int    `json:"annotations"`
	// Covered annotations have a candidate relating their subject and
	// object in the sentence that states them.
	Covered int `json:"covered"`
	// Reachable annotations have a candidate with a predicate option
	// that states them as strict scoring wants.
	Reachable int `json:"reachable"`
}

// Coverage measures, per language and kind of document (one sentence or
// an article), the annotations the model's candidates cover and those
// some predicate option reaches. The last group is the total.
func (m *Model) Coverage(docs []Document, anns []Annotation, lexicons map[string]*lexicon.Lexicon) []Coverage {
	byDoc := goldByDoc(anns)
	groups := map[string]*Coverage{}
	total := &Coverage{Group: "all"}
	var opts []option
	for di := range docs {
		d := &docs[di]
		gold := byDoc[d.ID]
		if len(gold) == 0 {
			continue
		}
		kind := " articles"
		if len(d.Sentences) == 1 {
			kind = " sentences"
		}
		cg := groups[d.Lang+kind]
		if cg == nil {
			cg = &Coverage{Group: d.Lang + kind}
			groups[d.Lang+kind] = cg
		}
		lex := lexicons[d.Lang]
		an := make([]*analysed, len(d.Sentences))
		var cands []candidate
		for si := range d.Sentences {
			a, cs := propose(&d.Sentences[si], lex, si)
			an[si] = a
			cands = append(cands, cs...)
		}
		for _, g := range gold {
			g.sents = overlapping(d, g.Sentence)
		}
		covered := map[*goldTriple]bool{}
		reached := map[*goldTriple]bool{}
		for ci := range cands {
			c := cands[ci]
			if an[c.sent] == nil {
				continue
			}
			names := namesOf(&c, an[c.sent])
			for _, g := range gold {
				if slices.Contains(g.sents, c.sent) && names.cover(g) {
					covered[g] = true
				}
			}
			opts = m.tables.options(&c, an[c.sent], d.Lang, lex, opts, nil)
			for _, o := range opts {
				c.pred = o.pred
				if g := match(&c, gold); g != nil {
					reached[g] = true
				}
			}
		}
		for _, c := range []*Coverage{cg, total} {
			c.Annotations += len(gold)
			c.Covered += len(covered)
			c.Reachable += len(reached)
		}
	}
	var out []Coverage
	for _, c := range groups {
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Group < out[j].Group })
	return append(out, *total)
}
