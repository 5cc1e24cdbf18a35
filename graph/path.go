package graph

import "sort"

// Paths returns up to k shortest simple paths of at most maxDepth edges
// between any of the names from and any of the names to, following edges
// in either direction; each path is its edges in order. Shorter paths
// come first, then by the names along them, so the result is the same
// for the same edges. Names are compared under Fold.
func Paths(edges []Edge, from, to []string, maxDepth, k int) [][]Edge {
	if k <= 0 || maxDepth <= 0 {
		return nil
	}
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
	// Distances to the targets bound the search: a walk only goes where
	// the targets can still be reached in the hops left.
	dist := map[string]int{}
	var queue []string
	for _, t := range to {
		f := Fold(t)
		if _, ok := dist[f]; !ok {
			dist[f] = 0
			queue = append(queue, f)
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, i := range adj[n] {
			if m := other(i, n); !hasKey(dist, m) {
				dist[m] = dist[n] + 1
				queue = append(queue, m)
			}
		}
	}
	var out [][]Edge
	var walk func(n string, path []int, seen map[string]bool, left int)
	walk = func(n string, path []int, seen map[string]bool, left int) {
		if d, ok := dist[n]; ok && d == 0 && len(path) > 0 {
			p := make([]Edge, len(path))
			for j, i := range path {
				p[j] = edges[i]
			}
			out = append(out, p)
			return
		}
		if left == 0 {
			return
		}
		for _, i := range adj[n] {
			m := other(i, n)
			if d, ok := dist[m]; !ok || d > left-1 || seen[m] {
				continue
			}
			seen[m] = true
			walk(m, append(path, i), seen, left-1)
			delete(seen, m)
		}
	}
	for _, f := range from {
		n := Fold(f)
		if _, ok := dist[n]; !ok {
			continue
		}
		walk(n, nil, map[string]bool{n: true}, maxDepth)
	}
	sort.SliceStable(out, func(a, b int) bool {
		if len(out[a]) != len(out[b]) {
			return len(out[a]) < len(out[b])
		}
		return pathKey(out[a]) < pathKey(out[b])
	})
	if len(out) > k {
		out = out[:k]
	}
	return out
}

func hasKey(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}

func pathKey(p []Edge) string {
	var b []byte
	for _, e := range p {
		b = append(b, e.Subject...)
		b = append(b, 0)
		b = append(b, e.Predicate...)
		b = append(b, 0)
		b = append(b, e.Object...)
		b = append(b, 1)
	}
	return string(b)
}
