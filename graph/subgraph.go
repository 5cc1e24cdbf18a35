package graph

import (
	"cmp"
	"container/heap"
	"slices"
)

// Neighborhood returns the edges within depth hops of any focus name,
// following edges in both directions, in input order. Names are compared
// under Fold.
//
// Depth 1 is the edges that touch a focus name; depth N adds the edges that
// touch a name reached in N-1 hops. Depth 0 (or less) is the edges that run
// between two focus names. An empty focus selects every edge.
func Neighborhood(edges []Edge, focus []string, depth int) []Edge {
	if len(focus) == 0 {
		return slices.Clone(edges)
	}
	reached := make(map[string]bool, len(focus))
	for _, f := range focus {
		reached[Fold(f)] = true
	}
	subj := make([]string, len(edges))
	obj := make([]string, len(edges))
	for i, e := range edges {
		subj[i], obj[i] = Fold(e.Subject), Fold(e.Object)
	}
	if depth <= 0 {
		var out []Edge
		for i, e := range edges {
			if reached[subj[i]] && reached[obj[i]] {
				out = append(out, e)
			}
		}
		return out
	}
	in := make([]bool, len(edges))
	for range depth {
		// Expand from the names reached before this hop only, so that one
		// pass over the edges is exactly one hop.
		var next []string
		for i := range edges {
			if in[i] || !(reached[subj[i]] || reached[obj[i]]) {
				continue
			}
			in[i] = true
			next = append(next, subj[i], obj[i])
		}
		if len(next) == 0 {
			break
		}
		for _, n := range next {
			reached[n] = true
		}
	}
	var out []Edge
	for i, e := range edges {
		if in[i] {
			out = append(out, e)
		}
	}
	return out
}

// Node is an entity as an endpoint of edges.
type Node struct {
	Name string
	Type EntityType // from the first edge naming it with a type
	// Degree is the number of edges that touch the node (a loop counts once).
	Degree int
	// Support is the sum of the Support of those edges.
	Support int
}

// Nodes returns the distinct endpoints of edges, sorted by folded name and
// then by name. Names are distinct as written, not under Fold: edges carry
// canonical names, and two spellings are two nodes in a diagram.
func Nodes(edges []Edge) []Node {
	index := make(map[string]int)
	var nodes []Node
	add := func(name string, typ EntityType, support int) {
		i, ok := index[name]
		if !ok {
			i = len(nodes)
			index[name] = i
			nodes = append(nodes, Node{Name: name})
		}
		n := &nodes[i]
		if n.Type == "" {
			n.Type = typ
		}
		n.Degree++
		n.Support += support
	}
	for _, e := range edges {
		add(e.Subject, e.SubjectType, e.Support)
		if e.Object != e.Subject {
			add(e.Object, e.ObjectType, e.Support)
		}
	}
	// Fold first, so that Éric sorts next to Eric, then bytes, so that
	// the order is total.
	folded := make(map[string]string, len(nodes))
	for _, n := range nodes {
		folded[n.Name] = Fold(n.Name)
	}
	slices.SortFunc(nodes, func(a, b Node) int {
		return cmp.Or(cmp.Compare(folded[a.Name], folded[b.Name]), cmp.Compare(a.Name, b.Name))
	})
	return nodes
}

// Limit keeps at most maxNodes nodes of edges and the edges between them,
// in input order; dropped is the number of nodes of edges that kept lacks.
// maxNodes <= 0 keeps everything.
//
// The focus names (under Fold) are kept first, even beyond maxNodes. Then,
// so that the diagram stays connected, the node added is the best one next
// to a kept node — highest support, then degree, then name — or, when no
// node is next to the kept ones, the best node left. The result depends only
// on the input.
func Limit(edges []Edge, focus []string, maxNodes int) (kept []Edge, dropped int) {
	nodes := Nodes(edges)
	if maxNodes <= 0 || len(nodes) <= maxNodes {
		return slices.Clone(edges), 0
	}
	index := make(map[string]int, len(nodes))
	for i, n := range nodes {
		index[n.Name] = i
	}
	adj := make([][]int, len(nodes))
	for _, e := range edges {
		s, o := index[e.Subject], index[e.Object]
		if s != o {
			adj[s] = append(adj[s], o)
			adj[o] = append(adj[o], s)
		}
	}

	// rank[i] is node i's place in the order of preference.
	order := make([]int, len(nodes))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		na, nb := nodes[a], nodes[b]
		return cmp.Or(cmp.Compare(nb.Support, na.Support), cmp.Compare(nb.Degree, na.Degree), cmp.Compare(a, b))
	})
	rank := make([]int, len(nodes))
	for r, i := range order {
		rank[i] = r
	}

	keep := make([]bool, len(nodes))
	count := 0
	frontier := &rankHeap{rank: rank}
	take := func(i int) {
		if keep[i] {
			return
		}
		keep[i] = true
		count++
		for _, j := range adj[i] {
			if !keep[j] {
				heap.Push(frontier, j)
			}
		}
	}
	folded := make(map[string]bool, len(focus))
	for _, f := range focus {
		folded[Fold(f)] = true
	}
	for i, n := range nodes {
		if folded[Fold(n.Name)] {
			take(i)
		}
	}
	next := 0 // into order, for when the frontier is empty
	for count < maxNodes {
		i := -1
		for frontier.Len() > 0 {
			if j := heap.Pop(frontier).(int); !keep[j] {
				i = j
				break
			}
		}
		for i < 0 && next < len(order) {
			if j := order[next]; !keep[j] {
				i = j
			}
			next++
		}
		if i < 0 {
			break
		}
		take(i)
	}

	for _, e := range edges {
		if keep[index[e.Subject]] && keep[index[e.Object]] {
			kept = append(kept, e)
		}
	}
	return kept, len(nodes) - len(Nodes(kept))
}

// rankHeap is a min-heap of node indexes by rank.
type rankHeap struct {
	rank []int
	a    []int
}

func (h *rankHeap) Len() int           { return len(h.a) }
func (h *rankHeap) Less(i, j int) bool { return h.rank[h.a[i]] < h.rank[h.a[j]] }
func (h *rankHeap) Swap(i, j int)      { h.a[i], h.a[j] = h.a[j], h.a[i] }
func (h *rankHeap) Push(x any)         { h.a = append(h.a, x.(int)) }
func (h *rankHeap) Pop() any {
	x := h.a[len(h.a)-1]
	h.a = h.a[:len(h.a)-1]
	return x
}
