package score

import (
	"fmt"

	"github.com/kgraph/kg/graph"
)

// Mentions is mention precision: how many of the names produced triples
// give their subjects and objects are names the gold triples of the same
// document give theirs. It tells a wrong entity from a wrong relation
// between the right entities.
type Mentions struct {
	Mentions        int     `json:"mentions"`         // subjects and objects: two per produced triple
	Matched         int     `json:"matched"`          // of Mentions, those matching a gold name
	SubjectsMatched int     `json:"subjects_matched"` // of Matched, subjects
	ObjectsMatched  int     `json:"objects_matched"`  // of Matched, objects
	Precision       float64 `json:"precision"`        // Matched/Mentions; 0 when there is none
}

// MentionPrecision counts the subject and the object of each produced
// triple Score counts (the distinct triples on the gold documents) and
// matches each against every s and o form of the gold triples of its
// document, as Score matches a subject or an object: the same
// normalisation, equal or one ending with the other as whole words.
func MentionPrecision(golds []Gold, pred []graph.Triple) Mentions {
	names := make(map[string][]string) // gold doc → normalised s and o forms
	for _, g := range golds {
		names[g.Doc] = append(append(names[g.Doc], normAll(g.S)...), normAll(g.O)...)
	}
	docs := make(map[string]bool, len(names))
	for d := range names {
		docs[d] = true
	}
	// A produced doc id may name several gold docs (docMatch); their
	// names pool, computed once per id.
	pools := make(map[string][]string)
	pool := func(doc string) []string {
		if p, ok := pools[doc]; ok {
			return p
		}
		var p []string
		for d, forms := range names {
			if docMatch(doc, d) {
				p = append(p, forms...)
			}
		}
		pools[doc] = p
		return p
	}

	var m Mentions
	ps, _ := distinct(pred, docs)
	for _, p := range ps {
		forms := pool(p.doc)
		m.Mentions += 2
		if nameMatch(p.s, forms) {
			m.SubjectsMatched++
		}
		if nameMatch(p.o, forms) {
			m.ObjectsMatched++
		}
	}
	m.Matched = m.SubjectsMatched + m.ObjectsMatched
	if m.Mentions > 0 {
		m.Precision = float64(m.Matched) / float64(m.Mentions)
	}
	return m
}

// String is a summary line in the manner of Result's.
func (m Mentions) String() string {
	return fmt.Sprintf("mentions %d  matching a gold name %d  mention precision %.3f  subjects %d/%d  objects %d/%d",
		m.Mentions, m.Matched, m.Precision, m.SubjectsMatched, m.Mentions/2, m.ObjectsMatched, m.Mentions/2)
}
