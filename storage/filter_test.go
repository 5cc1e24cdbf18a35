package storage

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/kgraph/kg/graph"
)

// TestEdgesWhereDates checks that the store keeps by date the sentences
// graph.Filter.Apply keeps, documents dated to the month or the year
// included, and that EdgesWhere applies the rules on edges too.
func TestEdgesWhereDates(t *testing.T) {
	ctx := context.Background()
	s, err := Open("", Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	dates := map[string]string{"day": "2016-10-08", "clock": "2016-10-31T23:00:00Z", "month": "2016-10", "year": "2016", "next": "2016-11-01", "undated": ""}
	for _, id := range slices.Sorted(maps.Keys(dates)) {
		tr := graph.Triple{Subject: "A", SubjectType: graph.Person, Predicate: "meets", Object: "B", ObjectType: graph.Person,
			Modality: graph.Asserted, Sentence: "A meets B.", Span: graph.Span{End: 10}, Lang: "en", Confidence: 0.7, Source: "meet"}
		doc := graph.Document{ID: id, Text: id, Lang: "en", Date: dates[id]}
		if _, err := s.PutDocument(ctx, doc, nil, []graph.Triple{tr}); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.Edges(ctx, Pattern{}, true)
	if err != nil {
		t.Fatal(err)
	}
	day := func(date string, last bool) graph.Filter {
		first, end, err := graph.ParseDate(date)
		if err != nil {
			t.Fatal(err)
		}
		if last {
			return graph.Filter{Until: end}
		}
		return graph.Filter{Since: first}
	}
	tests := []struct {
		name string
		f    graph.Filter
		want string
	}{
		{"none", graph.Filter{}, "[clock day month next undated year]"},
		{"since a month", day("2016-10", false), "[clock day month next]"},
		{"since a day", day("2016-10-08", false), "[clock day next]"},
		{"until a day", day("2016-10-08", true), "[day month year]"},
		{"until a month", day("2016-10", true), "[clock day month year]"},
		{"until a year", day("2016", true), "[clock day month next year]"},
	}
	for _, tt := range tests {
		got, err := s.EdgesWhere(ctx, Pattern{}, tt.f, true)
		if err != nil {
			t.Fatal(err)
		}
		if g := docsOf(got); g != tt.want {
			t.Errorf("%s: EdgesWhere kept %s, want %s", tt.name, g, tt.want)
		}
		if g := docsOf(tt.f.Apply(all)); g != tt.want {
			t.Errorf("%s: Apply kept %s, want %s", tt.name, g, tt.want)
		}
	}
	// MinSupport counts the documents that pass, as Apply does.
	f := day("2016-10-08", true)
	f.MinSupport = 4
	if got, err := s.EdgesWhere(ctx, Pattern{}, f, false); err != nil || len(got) != 0 {
		t.Errorf("EdgesWhere(%v) = %v, %v; want nothing", f, got, err)
	}
	f = graph.Filter{Predicates: []string{"visits"}}
	if got, err := s.EdgesWhere(ctx, Pattern{}, f, false); err != nil || len(got) != 0 {
		t.Errorf("EdgesWhere(%v) = %v, %v; want nothing", f, got, err)
	}
}

// docsOf returns the documents of the evidence of edges, sorted.
func docsOf(edges []graph.Edge) string {
	var docs []string
	for _, e := range edges {
		for _, ev := range e.Evidence {
			docs = append(docs, ev.Doc)
		}
	}
	slices.Sort(docs)
	return fmt.Sprint(docs)
}
