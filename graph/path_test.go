package graph

import (
	"fmt"
	"testing"
)

func TestPaths(t *testing.T) {
	e := func(s, p, o string) Edge { return Edge{Subject: s, Predicate: p, Object: o} }
	edges := []Edge{
		e("Ayrault", "meets", "Lavrov"), e("Lavrov", "talks with", "Kerry"),
		e("Ayrault", "visits", "Moscow"), e("Kerry", "visits", "Moscow"),
		e("Kerry", "criticizes", "Iran"), e("Merkel", "meets", "Obama"),
	}
	show := func(ps [][]Edge) string {
		s := ""
		for _, p := range ps {
			s += "["
			for _, x := range p {
				s += fmt.Sprintf("(%s %s %s)", x.Subject, x.Predicate, x.Object)
			}
			s += "]"
		}
		return s
	}
	tests := []struct {
		from, to string
		depth, k int
		want     string
	}{
		{"Ayrault", "Kerry", 3, 1, "[(Ayrault meets Lavrov)(Lavrov talks with Kerry)]"},
		{"ayrault", "KERRY", 3, 5, "[(Ayrault meets Lavrov)(Lavrov talks with Kerry)][(Ayrault visits Moscow)(Kerry visits Moscow)]"},
		{"Ayrault", "Iran", 2, 3, ""},
		{"Ayrault", "Iran", 3, 1, "[(Ayrault meets Lavrov)(Lavrov talks with Kerry)(Kerry criticizes Iran)]"},
		{"Ayrault", "Obama", 6, 3, ""},
		{"Kerry", "Lavrov", 1, 3, "[(Lavrov talks with Kerry)]"},
	}
	for _, tt := range tests {
		if got := show(Paths(edges, []string{tt.from}, []string{tt.to}, tt.depth, tt.k)); got != tt.want {
			t.Errorf("Paths(%s, %s, %d, %d) = %s, want %s", tt.from, tt.to, tt.depth, tt.k, got, tt.want)
		}
	}
}
