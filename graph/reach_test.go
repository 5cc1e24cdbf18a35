package graph

import (
	"reflect"
	"testing"
)

func TestReach(t *testing.T) {
	e := func(s, o string) Edge { return Edge{Subject: s, Predicate: "p", Object: o} }
	edges := []Edge{e("A", "B"), e("B", "C"), e("D", "A"), e("C", "E"), e("F", "G")}
	tests := []struct {
		dir   Direction
		depth int
		want  []Edge
	}{
		{Out, 1, []Edge{e("A", "B")}},
		{Out, 2, []Edge{e("A", "B"), e("B", "C")}},
		{Out, 3, []Edge{e("A", "B"), e("B", "C"), e("C", "E")}},
		{In, 1, []Edge{e("D", "A")}},
		{In, 5, []Edge{e("D", "A")}},
		{Both, 1, []Edge{e("A", "B"), e("D", "A")}},
		{Out, 0, nil},
	}
	for _, tt := range tests {
		if got := Reach(edges, []string{"a"}, tt.depth, tt.dir); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Reach(dir %d, depth %d) = %v, want %v", tt.dir, tt.depth, got, tt.want)
		}
	}
}
