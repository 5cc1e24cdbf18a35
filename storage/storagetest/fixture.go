package storagetest

import (
	"fmt"
	"strings"

	"github.com/kgraph/kg/graph"
)

// The fixture is an invented corpus: three extracted documents and one
// skipped, small enough that every expected result below is written out
// by hand.

// sentence is one sentence of a fixture document and the triples it states.
type sentence struct {
	text    string
	triples []graph.Triple // Doc, Sentence, Span and Lang are filled in
}

// fixtureDoc is a document with its entities and sentences.
type fixtureDoc struct {
	doc       graph.Document
	entities  []graph.Entity
	sentences []sentence
	skipped   string
}

// triples returns the document's triples with Doc, Sentence, Span and Lang
// set, and sets doc.Text to the sentences joined by spaces.
func (f *fixtureDoc) triples() []graph.Triple {
	var (
		text strings.Builder
		ts   []graph.Triple
	)
	for _, s := range f.sentences {
		if text.Len() > 0 {
			text.WriteByte(' ')
		}
		start := text.Len()
		text.WriteString(s.text)
		for _, t := range s.triples {
			t.Doc, t.Sentence, t.Lang = f.doc.ID, s.text, f.doc.Lang
			t.Span = graph.Span{Start: start, End: text.Len()}
			ts = append(ts, t)
		}
	}
	f.doc.Text = text.String()
	return ts
}

// label names a stored triple for comparisons: subject|predicate|object|
// doc:n, where n is the 1-based sentence the span points at and a negated
// predicate is written with a leading "!".
func (f *fixture) label(t graph.Triple) string {
	p := t.Predicate
	if t.Negated {
		p = "!" + p
	}
	return fmt.Sprintf("%s|%s|%s|%s:%d", t.Subject, p, t.Object, t.Doc, f.sentenceAt(t.Doc, t.Span.Start))
}

// fixture is the corpus, by document id.
type fixture struct {
	docs  []*fixtureDoc
	spans map[string][]int // doc → start of each sentence
}

func (f *fixture) sentenceAt(doc string, start int) int {
	for i, s := range f.spans[doc] {
		if s == start {
			return i + 1
		}
	}
	return 0
}

func (f *fixture) doc(id string) *fixtureDoc {
	for _, d := range f.docs {
		if d.doc.ID == id {
			return d
		}
	}
	panic("no fixture document " + id)
}

func tr(s string, st graph.EntityType, p, o string, ot graph.EntityType, neg bool, m graph.Modality) graph.Triple {
	return graph.Triple{Subject: s, SubjectType: st, Predicate: p, Object: o, ObjectType: ot,
		Negated: neg, Modality: m, Confidence: 0.75, Source: "lemma-" + p}
}

const (
	macron  = "Emmanuel Macron"
	merkel  = "Angela Merkel"
	germany = "Germany"
	russia  = "Russia"
)

// newFixture returns the corpus. Each call returns fresh values.
func newFixture() *fixture {
	f := &fixture{spans: make(map[string][]int)}
	f.docs = []*fixtureDoc{
		{
			doc: graph.Document{ID: "d1", Path: "corpus/d1.txt", Title: "Leaders meet in Berlin",
				Date: "2016-10-07", URL: "https://example.org/d1", Lang: "en"},
			entities: []graph.Entity{
				{Name: macron, Type: graph.Person, Aliases: []string{"Macron"}},
				{Name: merkel, Type: graph.Person, Aliases: []string{"Merkel"}},
				{Name: "Berlin", Type: graph.GPE},
				{Name: germany, Type: graph.GPE},
				{Name: russia, Type: graph.GPE},
			},
			sentences: []sentence{
				{"Emmanuel Macron met Angela Merkel in Berlin on Friday.", []graph.Triple{
					tr(macron, graph.Person, "meets", merkel, graph.Person, false, graph.Asserted),
					tr(macron, graph.Person, "visits", "Berlin", graph.GPE, false, graph.Asserted),
				}},
				{"Germany will not impose sanctions on Russia, Merkel said.", []graph.Triple{
					func() graph.Triple {
						t := tr(germany, graph.GPE, "imposes sanctions on", russia, graph.GPE, true, graph.Reported)
						t.Attribution = merkel
						return t
					}(),
				}},
			},
		},
		{
			doc: graph.Document{ID: "d2", Path: "corpus/d2.txt", Title: "Rencontre à Paris",
				Date: "2016-10-08", URL: "https://example.org/d2", Lang: "fr"},
			entities: []graph.Entity{
				{Name: macron, Type: graph.Person, Aliases: []string{"Macron", macron, ""}},
				{Name: merkel, Type: graph.Person, Aliases: []string{"Mme Merkel"}},
				{Name: germany, Type: graph.GPE, Aliases: []string{"les autorités allemandes", "l'Allemagne"}},
				{Name: russia, Type: graph.GPE, Aliases: []string{"la Russie"}},
			},
			sentences: []sentence{
				{"Emmanuel Macron a rencontré Angela Merkel à Paris.", []graph.Triple{
					tr(macron, graph.Person, "meets", merkel, graph.Person, false, graph.Asserted),
				}},
				{"Les autorités allemandes envisagent des sanctions contre la Russie.", []graph.Triple{
					tr(germany, graph.GPE, "considers", "sanctions", graph.Concept, false, graph.Considered),
					tr(germany, graph.GPE, "imposes sanctions on", russia, graph.GPE, false, graph.Considered),
				}},
			},
		},
		{
			doc: graph.Document{ID: "d3", Path: "corpus/d3.txt", Title: "A second meeting",
				Date: "2016-11-02", URL: "https://www.News.example.com/d3", Lang: "en"},
			entities: []graph.Entity{
				{Name: merkel, Type: graph.Person},
				{Name: macron, Type: graph.Person, Aliases: []string{"Macron"}},
				{Name: "Paris", Type: graph.GPE},
				{Name: "Paris Saint-Germain", Type: graph.Org, Aliases: []string{"Paris", "PSG"}},
			},
			sentences: []sentence{
				{"Angela Merkel met Emmanuel Macron again.", []graph.Triple{
					tr(merkel, graph.Person, "meets", macron, graph.Person, false, graph.Asserted),
				}},
				{"Macron and Merkel met for a second time.", []graph.Triple{
					tr(macron, graph.Person, "meets", merkel, graph.Person, false, graph.Asserted),
				}},
				{"Macron later met Merkel in Paris.", []graph.Triple{
					tr(macron, graph.Person, "meets", merkel, graph.Person, false, graph.Asserted),
					tr(macron, graph.Person, "visits", "Paris", graph.GPE, false, graph.Asserted),
				}},
			},
		},
		{
			doc: graph.Document{ID: "d4", Path: "corpus/d4.txt", Title: "Treffen in Berlin",
				Lang: "de", Date: "2016-10-09"},
			sentences: []sentence{{text: "Macron traf Merkel in Berlin."}},
			skipped:   "unsupported language de",
		},
	}
	for _, d := range f.docs {
		n := 0
		for _, s := range d.sentences {
			f.spans[d.doc.ID] = append(f.spans[d.doc.ID], n)
			n += len(s.text) + 1
		}
	}
	return f
}
