package graph

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// edge builds an edge "s p o" with the given support; types are PERSON
// unless the name starts with "org:".
func edge(s, p, o string, support int) Edge {
	typ := func(n string) EntityType {
		if strings.HasPrefix(n, "org:") {
			return Org
		}
		return Person
	}
	return Edge{Subject: s, SubjectType: typ(s), Predicate: p, Object: o, ObjectType: typ(o), Support: support}
}

// show writes edges as "s-o" joined by spaces, to compare them at a glance.
func show(edges []Edge) string {
	var parts []string
	for _, e := range edges {
		parts = append(parts, e.Subject+"-"+e.Object)
	}
	return strings.Join(parts, " ")
}

// chain is a-b-c-d-e plus a separate x-y, with a loop on c.
var chain = []Edge{
	edge("a", "p", "b", 1),
	edge("c", "p", "b", 1),
	edge("c", "p", "d", 1),
	edge("d", "p", "e", 1),
	edge("x", "p", "y", 1),
	edge("c", "p", "c", 1),
}

func TestNeighborhood(t *testing.T) {
	tests := []struct {
		focus []string
		depth int
		want  string
	}{
		{nil, 1, "a-b c-b c-d d-e x-y c-c"},
		{[]string{"c"}, 1, "c-b c-d c-c"},
		{[]string{"c"}, 2, "a-b c-b c-d d-e c-c"},
		{[]string{"c"}, 9, "a-b c-b c-d d-e c-c"},
		{[]string{"a"}, 1, "a-b"},
		{[]string{"a"}, 2, "a-b c-b"},
		{[]string{"a"}, 3, "a-b c-b c-d c-c"},
		{[]string{"a", "y"}, 1, "a-b x-y"},
		{[]string{"a", "b"}, 0, "a-b"},
		{[]string{"a", "c"}, 0, "c-c"},
		{[]string{"nobody"}, 3, ""},
		{[]string{"C"}, 1, "c-b c-d c-c"}, // folded
	}
	for _, tt := range tests {
		name := fmt.Sprintf("%v/%d", tt.focus, tt.depth)
		if got := show(Neighborhood(chain, tt.focus, tt.depth)); got != tt.want {
			t.Errorf("Neighborhood(%s) = %q, want %q", name, got, tt.want)
		}
	}
}

func TestNeighborhoodFold(t *testing.T) {
	edges := []Edge{
		edge("Jean-Marc Ayrault", "meets", "Sergei Lavrov", 2),
		edge("Sergei Lavrov", "visits", "Paris", 1),
		edge("François Hollande", "meets", "Angela Merkel", 1),
	}
	got := show(Neighborhood(edges, []string{"jean marc ayrault"}, 1))
	if want := "Jean-Marc Ayrault-Sergei Lavrov"; got != want {
		t.Errorf("Neighborhood(jean marc ayrault, 1) = %q, want %q", got, want)
	}
	got = show(Neighborhood(edges, []string{"FRANCOIS HOLLANDE"}, 1))
	if want := "François Hollande-Angela Merkel"; got != want {
		t.Errorf("Neighborhood(FRANCOIS HOLLANDE, 1) = %q, want %q", got, want)
	}
}

func TestNodes(t *testing.T) {
	edges := []Edge{
		edge("b", "p", "org:z", 3),
		edge("Éric", "p", "b", 2),
		edge("b", "q", "b", 1),
		edge("Eric", "p", "a", 1),
		{Subject: "a", Predicate: "p", Object: "b", ObjectType: Person, Support: 4}, // a untyped here
	}
	want := []Node{
		{Name: "a", Type: Person, Degree: 2, Support: 5},
		{Name: "b", Type: Person, Degree: 4, Support: 10},
		{Name: "Eric", Type: Person, Degree: 1, Support: 1},
		{Name: "Éric", Type: Person, Degree: 1, Support: 2},
		{Name: "org:z", Type: Org, Degree: 1, Support: 3},
	}
	if got := Nodes(edges); !slices.Equal(got, want) {
		t.Errorf("Nodes =\n%v\nwant\n%v", got, want)
	}
	if got := Nodes(nil); len(got) != 0 {
		t.Errorf("Nodes(nil) = %v, want none", got)
	}
}

func TestLimit(t *testing.T) {
	// A star around hub (support 5 each), a pair p-q of high support that is
	// not connected to it, and a tail hub-t1-t2 of low support.
	edges := []Edge{
		edge("hub", "p", "s1", 5),
		edge("hub", "p", "s2", 5),
		edge("hub", "p", "s3", 4),
		edge("p", "p", "q", 20),
		edge("hub", "p", "t1", 1),
		edge("t1", "p", "t2", 1),
	}
	tests := []struct {
		focus       []string
		max         int
		want        string
		wantDropped int
	}{
		{nil, 0, "hub-s1 hub-s2 hub-s3 p-q hub-t1 t1-t2", 0},
		{nil, 8, "hub-s1 hub-s2 hub-s3 p-q hub-t1 t1-t2", 0},
		{nil, 100, "hub-s1 hub-s2 hub-s3 p-q hub-t1 t1-t2", 0},
		// p and q lead on support (20 each), then hub (15), then its
		// neighbours by support.
		{nil, 2, "p-q", 6},
		{nil, 3, "p-q", 6}, // hub is alone: its neighbours do not fit
		{nil, 4, "hub-s1 p-q", 4},
		{nil, 5, "hub-s1 hub-s2 p-q", 3},
		{nil, 7, "hub-s1 hub-s2 hub-s3 p-q hub-t1", 1},
		// The focus comes first and grows through its neighbours.
		{[]string{"t2"}, 2, "t1-t2", 6},
		{[]string{"t2"}, 3, "hub-t1 t1-t2", 5},
		{[]string{"t2"}, 4, "hub-s1 hub-t1 t1-t2", 4},
		{[]string{"HUB"}, 3, "hub-s1 hub-s2", 5},
		// The focus is kept beyond the limit.
		{[]string{"s1", "s2", "s3"}, 2, "", 8},
		{[]string{"hub", "s3", "q"}, 1, "hub-s3", 6},
	}
	for _, tt := range tests {
		kept, dropped := Limit(edges, tt.focus, tt.max)
		if got := show(kept); got != tt.want || dropped != tt.wantDropped {
			t.Errorf("Limit(%v, %d) = %q, %d; want %q, %d", tt.focus, tt.max, got, dropped, tt.want, tt.wantDropped)
		}
	}
}

// TestLimitDeterministic checks that ties are broken by name, not by input
// order.
func TestLimitDeterministic(t *testing.T) {
	edges := []Edge{
		edge("c", "p", "d", 1),
		edge("a", "p", "b", 1),
		edge("e", "p", "f", 1),
	}
	rev := slices.Clone(edges)
	slices.Reverse(rev)
	k1, _ := Limit(edges, nil, 2)
	k2, _ := Limit(rev, nil, 2)
	if show(k1) != "a-b" || show(k2) != "a-b" {
		t.Errorf("Limit kept %q and %q (reversed input), want a-b both", show(k1), show(k2))
	}
}
