package graph

import (
	"context"
	"testing"
	"time"
)

// dated returns e with one evidence per (doc, date, lang) triple.
func dated(e Edge, ev ...[3]string) Edge {
	for i, d := range ev {
		m := Asserted
		if i > 0 {
			m = Reported
		}
		e.Evidence = append(e.Evidence, Evidence{Doc: d[0], Date: d[1], Lang: d[2], Modality: m})
	}
	return e
}

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// news has two predicates, an ORG, and dated evidence in two languages.
var news = []Edge{
	dated(edge("a", "meets", "b", 3), [3]string{"d1", "2016-01-10", "fr"}, [3]string{"d2", "2016-02-10T08:00:00Z", "en"}, [3]string{"d3", "2016-03-10", "en"}),
	dated(edge("b", "visits", "org:c", 1), [3]string{"d2", "2016-02-10", "en"}),
	dated(edge("a", "Meets", "org:c", 2), [3]string{"d4", "", "fr"}, [3]string{"d4", "2016-13-01", "fr"}, [3]string{"d5", "2015-12-31", "fr"}),
	dated(edge("org:c", "visits", "d", 1), [3]string{"d1", "2016-01-10", "fr"}),
}

func TestFilterApply(t *testing.T) {
	tests := []struct {
		name string
		f    Filter
		want string
	}{
		{"zero", Filter{}, "a-b b-org:c a-org:c org:c-d"},
		{"min support", Filter{MinSupport: 2}, "a-b a-org:c"},
		{"predicates folded", Filter{Predicates: []string{"MEETS"}}, "a-b a-org:c"},
		{"types both ends", Filter{Types: []EntityType{Person}}, "a-b"},
		{"types several", Filter{Types: []EntityType{Person, Org}}, "a-b b-org:c a-org:c org:c-d"},
		{"since", Filter{Since: date("2016-02-10")}, "a-b b-org:c"},
		{"until", Filter{Until: date("2016-01-10")}, "a-b a-org:c org:c-d"},
		{"range", Filter{Since: date("2016-01-01"), Until: date("2016-01-31")}, "a-b org:c-d"},
		{"lang", Filter{Lang: "EN"}, "a-b b-org:c"},
		{"recounted support", Filter{Lang: "en", MinSupport: 2}, "a-b"},
		{"nothing", Filter{Since: date("2020-01-01")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := show(tt.f.Apply(news)); got != tt.want {
				t.Errorf("Apply = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFilterRecount(t *testing.T) {
	got := Filter{Lang: "en"}.Apply(news[:1])
	if len(got) != 1 {
		t.Fatalf("Apply = %d edges, want 1", len(got))
	}
	e := got[0]
	if e.Support != 2 || len(e.Evidence) != 2 || e.Modality != Reported || e.Evidence[0].Doc != "d2" {
		t.Errorf("edge = support %d, %d evidence, modality %s, first doc %s; want 2, 2, reported, d2",
			e.Support, len(e.Evidence), e.Modality, e.Evidence[0].Doc)
	}
	if news[0].Support != 3 || len(news[0].Evidence) != 3 {
		t.Errorf("Apply changed its input")
	}
	// Without evidence, a filter on evidence keeps nothing.
	if got := (Filter{Lang: "fr"}).Apply(chain); len(got) != 0 {
		t.Errorf("Apply(no evidence) = %s, want nothing", show(got))
	}
}

func TestNeedsEvidence(t *testing.T) {
	tests := []struct {
		f    Filter
		want bool
	}{
		{Filter{}, false},
		{Filter{MinSupport: 3, Predicates: []string{"p"}, Types: []EntityType{Org}}, false},
		{Filter{Lang: "fr"}, true},
		{Filter{Since: date("2016-01-01")}, true},
		{Filter{Until: date("2016-01-01")}, true},
	}
	for _, tt := range tests {
		if got := tt.f.NeedsEvidence(); got != tt.want {
			t.Errorf("%+v.NeedsEvidence() = %t, want %t", tt.f, got, tt.want)
		}
	}
}

func TestSelect(t *testing.T) {
	// star is hub linked to s1..s4 with supports 4..1, plus s1-s2.
	star := []Edge{
		edge("hub", "p", "s1", 4),
		edge("hub", "p", "s2", 3),
		edge("hub", "p", "s3", 2),
		edge("hub", "p", "s4", 1),
		edge("s1", "q", "s2", 1),
	}
	tests := []struct {
		name          string
		edges         []Edge
		s             Selection
		want          string
		nodes, rels   int
		wantDescribed string
	}{
		{"all", chain, Selection{}, "a-b c-b c-d d-e x-y c-c", 0, 0, ""},
		{"focus", chain, Selection{Focus: []string{"c"}, Depth: 1}, "c-b c-d c-c", 0, 0, "around c, depth 1"},
		{"filter then focus", chain, Selection{Focus: []string{"a"}, Depth: 2, Filter: Filter{MinSupport: 2}}, "", 0, 0, "around a, depth 2; support ≥ 2"},
		{"path", chain, Selection{From: []string{"a"}, To: []string{"e"}, PathLength: 4, PathCount: 3}, "a-b c-b c-d d-e", 0, 0, "paths from a to e (at most 4 relations)"},
		{"path too long", chain, Selection{From: []string{"a"}, To: []string{"e"}, PathLength: 3, PathCount: 3}, "", 0, 0, "paths from a to e (at most 3 relations)"},
		{"path wins over focus", chain, Selection{Focus: []string{"x"}, Depth: 1, From: []string{"a"}, To: []string{"b"}, PathLength: 1, PathCount: 1}, "a-b", 0, 0, "paths from a to b (at most 1 relations)"},
		{"prune by support", star, Selection{MaxNodes: 3}, "hub-s1 hub-s2 s1-s2", 2, 2, ""},
		{"prune keeps focus", star, Selection{Focus: []string{"s4"}, Depth: 2, MaxNodes: 2}, "hub-s4", 3, 3, "around s4, depth 2"},
		{"prune keeps path ends", chain, Selection{From: []string{"a"}, To: []string{"d"}, PathLength: 3, PathCount: 1, MaxNodes: 2}, "", 4, 3, "paths from a to d (at most 3 relations)"},
		{"no pruning needed", star, Selection{MaxNodes: 5}, "hub-s1 hub-s2 hub-s3 hub-s4 s1-s2", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Select(context.Background(), tt.edges, tt.s)
			if err != nil {
				t.Fatal(err)
			}
			if show(got.Edges) != tt.want || got.DroppedNodes != tt.nodes || got.DroppedEdges != tt.rels {
				t.Errorf("Select = %q, dropped %d nodes %d edges; want %q, %d, %d",
					show(got.Edges), got.DroppedNodes, got.DroppedEdges, tt.want, tt.nodes, tt.rels)
			}
			if d := tt.s.String(); d != tt.wantDescribed {
				t.Errorf("String() = %q, want %q", d, tt.wantDescribed)
			}
		})
	}
}

func TestFilterString(t *testing.T) {
	tests := []struct {
		f    Filter
		want string
	}{
		{Filter{}, ""},
		{Filter{MinSupport: 1}, ""},
		{Filter{Predicates: []string{"meets", "visits"}, Types: []EntityType{Person, Org}, MinSupport: 2},
			"predicates meets, visits; types PERSON, ORG; support ≥ 2"},
		{Filter{Since: date("2016-01-01"), Until: date("2016-12-31"), Lang: "fr"}, "from 2016-01-01 to 2016-12-31; lang fr"},
		{Filter{Since: date("2016-01-01")}, "since 2016-01-01"},
		{Filter{Until: date("2016-12-31")}, "until 2016-12-31"},
	}
	for _, tt := range tests {
		if got := tt.f.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}
