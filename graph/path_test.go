package graph

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
	"time"
)

func showPaths(ps [][]Edge) string {
	s := ""
	for _, p := range ps {
		s += "["
		for _, x := range p {
			not := ""
			if x.Negated {
				not = "not "
			}
			s += fmt.Sprintf("(%s %s%s %s)", x.Subject, not, x.Predicate, x.Object)
		}
		s += "]"
	}
	return s
}

func TestPaths(t *testing.T) {
	e := func(s, p, o string) Edge { return Edge{Subject: s, Predicate: p, Object: o} }
	edges := []Edge{
		e("Ayrault", "meets", "Lavrov"), e("Lavrov", "talks with", "Kerry"),
		e("Ayrault", "visits", "Moscow"), e("Kerry", "visits", "Moscow"),
		e("Kerry", "criticizes", "Iran"), e("Merkel", "meets", "Obama"),
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
		{"Kerry", "Lavrov", 1000000, 3, "[(Lavrov talks with Kerry)][(Kerry visits Moscow)(Ayrault visits Moscow)(Ayrault meets Lavrov)]"},
		{"Kerry", "Nobody", 3, 3, ""},
		{"Kerry", "Kerry", 3, 3, ""},
	}
	for _, tt := range tests {
		got, err := Paths(context.Background(), edges, PathQuery{From: []string{tt.from}, To: []string{tt.to}, MaxDepth: tt.depth, K: tt.k})
		if err != nil || showPaths(got) != tt.want {
			t.Errorf("Paths(%s, %s, %d, %d) = %s, %v; want %s", tt.from, tt.to, tt.depth, tt.k, showPaths(got), err, tt.want)
		}
	}
}

// allPaths enumerates every simple path, as Paths once did, and sorts
// them in the order Paths promises: the oracle for TestPathsOrder.
func allPaths(edges []Edge, from, to []string, maxDepth int) [][]Edge {
	adj := map[string][]int{}
	for i, e := range edges {
		s, o := Fold(e.Subject), Fold(e.Object)
		adj[s] = append(adj[s], i)
		if o != s {
			adj[o] = append(adj[o], i)
		}
	}
	other := func(i int, n string) string {
		if s := Fold(edges[i].Subject); s != n {
			return s
		}
		return Fold(edges[i].Object)
	}
	target := map[string]bool{}
	for _, t := range to {
		target[Fold(t)] = true
	}
	var out [][]Edge
	var walk func(n string, path []int, seen map[string]bool)
	walk = func(n string, path []int, seen map[string]bool) {
		if target[n] && len(path) > 0 {
			p := make([]Edge, len(path))
			for j, i := range path {
				p[j] = edges[i]
			}
			out = append(out, p)
			return
		}
		if len(path) == maxDepth {
			return
		}
		for _, i := range adj[n] {
			if m := other(i, n); !seen[m] {
				seen[m] = true
				walk(m, append(path, i), seen)
				delete(seen, m)
			}
		}
	}
	var done []string
	for _, f := range from {
		n := Fold(f)
		if slices.Contains(done, n) {
			continue
		}
		done = append(done, n)
		walk(n, nil, map[string]bool{n: true})
	}
	key := func(p []Edge) string {
		var b []byte
		for _, e := range p {
			b = fmt.Appendf(b, "%s\x00%s\x00%s\x01", e.Subject, e.Predicate, e.Object)
		}
		return string(b)
	}
	sort.SliceStable(out, func(a, b int) bool {
		if len(out[a]) != len(out[b]) {
			return len(out[a]) < len(out[b])
		}
		return key(out[a]) < key(out[b])
	})
	return out
}

// TestPathsOrder checks Paths against every simple path sorted, on random
// graphs with names equal under Fold, parallel and denied edges, loops,
// and ends that are both sources and targets.
func TestPathsOrder(t *testing.T) {
	names := []string{"a", "A", "b", "c", "d", "e", "f", "g", "h"}
	preds := []string{"p", "q"}
	r := rand.New(rand.NewPCG(1, 13))
	for round := range 300 {
		var edges []Edge
		for range 4 + r.IntN(14) {
			edges = append(edges, Edge{
				Subject:   names[r.IntN(len(names))],
				Predicate: preds[r.IntN(len(preds))],
				Object:    names[r.IntN(len(names))],
				Negated:   r.IntN(4) == 0,
			})
		}
		pick := func() []string {
			var out []string
			for range 1 + r.IntN(2) {
				out = append(out, names[r.IntN(len(names))])
			}
			return out
		}
		from, to := pick(), pick()
		depth := 1 + r.IntN(6)
		all := allPaths(edges, from, to, depth)
		for _, k := range []int{1, 2, 5, 1000} {
			got, err := Paths(context.Background(), edges, PathQuery{From: from, To: to, MaxDepth: depth, K: k})
			want := all[:min(k, len(all))]
			if err != nil || showPaths(got) != showPaths(want) {
				t.Fatalf("round %d: edges %v\nPaths(%v, %v, %d, %d) = %s, %v\nwant %s", round, showPaths([][]Edge{edges}), from, to, depth, k, showPaths(got), err, showPaths(want))
			}
		}
	}
}

// ladder returns a graph of n rungs of width w where every node of a rung
// meets every node of the next: w^n paths from one end to the other.
func ladder(n, w int) []Edge {
	var edges []Edge
	name := func(i, j int) string { return fmt.Sprintf("n%d.%d", i, j) }
	for j := range w {
		edges = append(edges, Edge{Subject: "start", Predicate: "meets", Object: name(0, j)})
		edges = append(edges, Edge{Subject: name(n-1, j), Predicate: "meets", Object: "end"})
	}
	for i := range n - 1 {
		for j := range w {
			for l := range w {
				edges = append(edges, Edge{Subject: name(i, j), Predicate: "meets", Object: name(i+1, l)})
			}
		}
	}
	// A one-hop answer that the enumeration of every longer path would
	// not find sooner.
	return append(edges, Edge{Subject: "start", Predicate: "sees", Object: "end"})
}

// TestPathsBounded checks that the work does not grow with MaxDepth, that
// the budget stops a search that asks too much, and that a cancelled
// context stops it.
func TestPathsBounded(t *testing.T) {
	edges := ladder(30, 6)
	q := PathQuery{From: []string{"start"}, To: []string{"end"}, MaxDepth: 1000000, K: 3}
	done := make(chan struct{})
	var got [][]Edge
	var err error
	go func() {
		got, err = Paths(context.Background(), edges, q)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Paths on a ladder of 6^30 paths did not return in 20 s")
	}
	if err != nil || len(got) != 3 || len(got[0]) != 1 || len(got[1]) != 31 {
		t.Fatalf("Paths = %d paths (%s...), %v; want 3, of 1 then 31 edges", len(got), showPaths(got[:min(1, len(got))]), err)
	}

	q.K = 1000000
	q.Budget = 100000
	got, err = Paths(context.Background(), edges, q)
	if !errors.Is(err, ErrPathBudget) || len(got) == 0 {
		t.Errorf("Paths with K %d and a budget of %d = %d paths, %v; want some paths and ErrPathBudget", q.K, q.Budget, len(got), err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	q.Budget = 0
	if _, err := Paths(ctx, ladder(30, 30), q); !errors.Is(err, context.Canceled) {
		t.Errorf("Paths with a cancelled context: %v, want context.Canceled", err)
	}
}

func BenchmarkPaths(b *testing.B) {
	edges := ladder(20, 20)
	for _, k := range []int{1, 10, 100} {
		b.Run(fmt.Sprintf("k=%d", k), func(b *testing.B) {
			q := PathQuery{From: []string{"start"}, To: []string{"end"}, MaxDepth: 1000000, K: k}
			for b.Loop() {
				if _, err := Paths(context.Background(), edges, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
