package graph

import (
	"cmp"
	"container/heap"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrPathBudget is returned, wrapped, by Paths when finding the paths
// asked for would take more work than the query's budget.
var ErrPathBudget = errors.New("path search budget exhausted")

// DefaultPathBudget is the work Paths does at most when PathQuery.Budget
// is zero, counted in adjacency entries scanned and path steps kept: about
// a second and 50 MB on a store of 40,000 relations, whatever the query.
const DefaultPathBudget = 100_000_000

// PathQuery says which paths Paths looks for.
type PathQuery struct {
	// From and To are the names the paths run between, compared under
	// Fold; a path starts at any of From and ends at the first of To it
	// meets.
	From, To []string
	// MaxDepth is the most edges a path may have, K the number of paths.
	MaxDepth, K int
	// Budget bounds the work of the search (DefaultPathBudget when zero).
	Budget int
}

// Paths returns the q.K shortest simple paths of at most q.MaxDepth edges
// between any of q.From and any of q.To, following edges in either
// direction; each path is its edges in order. Shorter paths come first,
// then by the names along them (subject, predicate, object of each edge
// in turn), then by the order of q.From and of edges, so the result is the
// same for the same edges.
//
// It is Yen's algorithm over breadth-first searches, each stopped at the
// depth of the first answer, so that its work grows with q.K and the size
// of the graph, not with the number of paths of q.MaxDepth edges. When the
// work would exceed the budget it returns the paths found so far and an
// error wrapping ErrPathBudget; when ctx is done, those and ctx.Err().
func Paths(ctx context.Context, edges []Edge, q PathQuery) ([][]Edge, error) {
	if q.K <= 0 || q.MaxDepth <= 0 {
		return nil, nil
	}
	s := newPathSearch(ctx, edges, q)
	found, err := s.run()
	out := make([][]Edge, len(found))
	for i, p := range found {
		out[i] = make([]Edge, len(p.edges))
		for j, e := range p.edges {
			out[i][j] = edges[e]
		}
	}
	return out, err
}

// foundPath is a path as node and edge indices: nodes[0] is its source,
// the source of rank rank in PathQuery.From, and edges[i] joins nodes[i]
// and nodes[i+1].
type foundPath struct {
	rank  int
	nodes []int32
	edges []int32
}

// pathSearch is one run of Paths: the graph as integers and the scratch
// space of its searches, reused from one to the next by stamping.
type pathSearch struct {
	ctx      context.Context
	q        PathQuery
	budget   int
	work     int
	ends     [][2]int32 // of each edge: its subject's and object's nodes
	keys     []string   // of each edge: what paths are ordered by
	adj      [][]int32  // of each node: its edges, by key then index
	sources  []int32    // in the order of q.From, each once
	targets  []int32
	stamp    uint32
	seen     []uint32 // a node has dist in this search when seen == stamp
	dist     []int32  // edges to the nearest target
	blocked  []uint32 // a node is off limits when blocked == stamp
	want     []uint32 // a node is a next step of the spur node when want == stamp
	eblocked []uint32 // an edge is off limits when eblocked == stamp
	frontier []int32
	next     []int32
}

func newPathSearch(ctx context.Context, edges []Edge, q PathQuery) *pathSearch {
	s := &pathSearch{ctx: ctx, q: q, budget: q.Budget}
	if s.budget <= 0 {
		s.budget = DefaultPathBudget
	}
	ids := make(map[string]int32)
	node := func(name string) int32 {
		f := Fold(name)
		id, ok := ids[f]
		if !ok {
			id = int32(len(ids))
			ids[f] = id
			s.adj = append(s.adj, nil)
		}
		return id
	}
	s.ends = make([][2]int32, len(edges))
	s.keys = make([]string, len(edges))
	for i, e := range edges {
		a, b := node(e.Subject), node(e.Object)
		s.ends[i] = [2]int32{a, b}
		s.keys[i] = e.Subject + "\x00" + e.Predicate + "\x00" + e.Object + "\x01"
		s.adj[a] = append(s.adj[a], int32(i))
		if b != a {
			s.adj[b] = append(s.adj[b], int32(i))
		}
	}
	// Sorted adjacency makes the first fitting edge the least, which is
	// what the greedy walk of spur wants.
	for _, l := range s.adj {
		slices.SortFunc(l, func(x, y int32) int {
			if c := strings.Compare(s.keys[x], s.keys[y]); c != 0 {
				return c
			}
			return cmp.Compare(x, y)
		})
	}
	pick := func(names []string) []int32 {
		var out []int32
		for _, n := range names {
			if id, ok := ids[Fold(n)]; ok && !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
		return out
	}
	s.sources, s.targets = pick(q.From), pick(q.To)
	n := len(ids)
	s.seen, s.dist, s.blocked, s.want = make([]uint32, n), make([]int32, n), make([]uint32, n), make([]uint32, n)
	s.eblocked = make([]uint32, len(edges))
	return s
}

func (s *pathSearch) other(e, n int32) int32 {
	if a := s.ends[e][0]; a != n {
		return a
	}
	return s.ends[e][1]
}

// spend counts work and says whether the search must stop.
func (s *pathSearch) spend(n int) error {
	s.work += n
	if s.work > s.budget {
		return fmt.Errorf("%w after %d steps", ErrPathBudget, s.work)
	}
	if s.work&0xfff < n || n > 0xfff {
		return s.ctx.Err()
	}
	return nil
}

func (s *pathSearch) compare(a, b *foundPath) int {
	if c := cmp.Compare(len(a.edges), len(b.edges)); c != 0 {
		return c
	}
	for i := range a.edges {
		if c := strings.Compare(s.keys[a.edges[i]], s.keys[b.edges[i]]); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(a.rank, b.rank); c != 0 {
		return c
	}
	return slices.Compare(a.edges, b.edges)
}

// run is Yen's algorithm: each path found in turn is the least of the
// candidates, and gives new candidates that leave it at each of its
// nodes by an edge no path found so far takes from there.
func (s *pathSearch) run() ([]*foundPath, error) {
	if len(s.sources) == 0 || len(s.targets) == 0 {
		return nil, nil
	}
	var found []*foundPath
	// What the found paths take, for the roots of the next candidates:
	// the sources they start from and, from each, the tree of their edges.
	started := make([]bool, len(s.sources))
	taken := make([]*edgeTree, len(s.sources))
	for i := range taken {
		taken[i] = &edgeTree{}
	}
	cands := &pathHeap{s: s}
	queued := make(map[string]bool)
	for {
		var next []*foundPath
		if len(found) == 0 {
			p, err := s.fromSources(started)
			if err != nil {
				return nil, err
			}
			if p != nil {
				next = append(next, p)
			}
		} else {
			var err error
			if next, err = s.deviations(found[len(found)-1], started, taken); err != nil {
				return found, err
			}
		}
		for _, p := range next {
			k := pathID(p)
			if queued[k] {
				continue
			}
			// A kept path costs more than a scanned edge: it holds
			// three words a step until the search ends.
			if err := s.spend(8 * len(p.edges)); err != nil {
				return found, err
			}
			queued[k] = true
			heap.Push(cands, p)
		}
		if cands.Len() == 0 {
			return found, nil
		}
		p := heap.Pop(cands).(*foundPath)
		found = append(found, p)
		started[p.rank] = true
		taken[p.rank].add(p.edges)
		if len(found) == s.q.K {
			return found, nil
		}
	}
}

// pathID identifies a path among the candidates.
func pathID(p *foundPath) string {
	b := binary.LittleEndian.AppendUint32(make([]byte, 0, 4*(len(p.edges)+1)), uint32(p.rank))
	for _, e := range p.edges {
		b = binary.LittleEndian.AppendUint32(b, uint32(e))
	}
	return string(b)
}

// edgeTree is the edges of the paths found from one source, as a tree of
// their prefixes: the children of the node of a prefix are the edges the
// paths with that prefix take next.
type edgeTree struct {
	next map[int32]*edgeTree
}

func (t *edgeTree) add(edges []int32) {
	for _, e := range edges {
		c := t.next[e]
		if c == nil {
			if t.next == nil {
				t.next = make(map[int32]*edgeTree)
			}
			c = &edgeTree{}
			t.next[e] = c
		}
		t = c
	}
}

// deviations returns the candidates that leave last, the last path found,
// at each of its nodes, or before its source; started and taken say what
// the paths found so far take.
func (s *pathSearch) deviations(last *foundPath, started []bool, taken []*edgeTree) ([]*foundPath, error) {
	var out []*foundPath
	p, err := s.fromSources(started)
	if err != nil {
		return nil, err
	}
	if p != nil {
		out = append(out, p)
	}
	at := taken[last.rank]
	var next []int32
	for i := range last.edges {
		// The root is last's first i edges; no candidate may take the
		// edge a found path with that root takes next.
		next = next[:0]
		for e := range at.next {
			next = append(next, e)
		}
		at = at.next[last.edges[i]]
		nodes, edges, err := s.spur(last.nodes[i], last.nodes[:i], next, s.q.MaxDepth-i)
		if err != nil {
			return nil, err
		}
		if nodes == nil {
			continue
		}
		out = append(out, &foundPath{
			rank:  last.rank,
			nodes: append(slices.Clip(last.nodes[:i]), nodes...),
			edges: append(slices.Clip(last.edges[:i]), edges...),
		})
	}
	return out, nil
}

// fromSources returns the least path from a source that no found path
// starts from, or nil.
func (s *pathSearch) fromSources(started []bool) (*foundPath, error) {
	var best *foundPath
	for rank, src := range s.sources {
		if started[rank] {
			continue
		}
		nodes, edges, err := s.spur(src, nil, nil, s.q.MaxDepth)
		if err != nil {
			return nil, err
		}
		if nodes == nil {
			continue
		}
		p := &foundPath{rank: rank, nodes: nodes, edges: edges}
		if best == nil || s.compare(p, best) < 0 {
			best = p
		}
	}
	return best, nil
}

// spur returns the least path of at most limit edges from u to a target
// that avoids the nodes root and, as its first step, the edges taken;
// nodes starts with u. A breadth-first search from the targets, which
// stops at the depth where it meets a neighbour of u, gives each node its
// distance; the path then goes down the distances by the least edge.
func (s *pathSearch) spur(u int32, root, taken []int32, limit int) (nodes, edges []int32, err error) {
	if limit <= 0 {
		return nil, nil, nil
	}
	s.stamp++
	st := s.stamp
	for _, n := range root {
		s.blocked[n] = st
	}
	s.blocked[u] = st
	for _, e := range taken {
		s.eblocked[e] = st
	}
	step := func(e int32) (int32, bool) {
		m := s.other(e, u)
		return m, s.eblocked[e] != st && s.blocked[m] != st
	}
	reachable := false
	for _, e := range s.adj[u] {
		if m, ok := step(e); ok {
			s.want[m] = st
			reachable = true
		}
	}
	if err := s.spend(len(s.adj[u])); err != nil || !reachable {
		return nil, nil, err
	}
	frontier, next := s.frontier[:0], s.next[:0]
	defer func() { s.frontier, s.next = frontier, next }()
	met := false
	for _, t := range s.targets {
		if s.blocked[t] == st {
			continue
		}
		s.seen[t], s.dist[t] = st, 0
		frontier = append(frontier, t)
		met = met || s.want[t] == st
	}
	// Level d+1 is searched only when a path through it fits in limit.
	for d := int32(0); !met && len(frontier) > 0 && int(d)+2 <= limit; d++ {
		next = next[:0]
		for _, n := range frontier {
			for _, e := range s.adj[n] {
				m := s.other(e, n)
				if s.seen[m] == st || s.blocked[m] == st {
					continue
				}
				s.seen[m], s.dist[m] = st, d+1
				next = append(next, m)
				met = met || s.want[m] == st
			}
			if err := s.spend(len(s.adj[n])); err != nil {
				return nil, nil, err
			}
		}
		frontier, next = next, frontier
	}
	if !met {
		return nil, nil, nil
	}
	best := int32(-1)
	for _, e := range s.adj[u] {
		if m, ok := step(e); ok && s.seen[m] == st && (best < 0 || s.dist[m] < best) {
			best = s.dist[m]
		}
	}
	nodes = append(nodes, u)
	cur := u
	for want := best; ; want-- {
		to := int32(-1)
		for _, e := range s.adj[cur] {
			m := s.other(e, cur)
			if cur == u {
				if _, ok := step(e); !ok {
					continue
				}
			}
			if m != cur && s.seen[m] == st && s.dist[m] == want {
				to = m
				edges = append(edges, e)
				break
			}
		}
		if err := s.spend(len(s.adj[cur])); err != nil {
			return nil, nil, err
		}
		nodes = append(nodes, to)
		cur = to
		if want == 0 {
			return nodes, edges, nil
		}
	}
}

// pathHeap orders candidate paths, least first.
type pathHeap struct {
	s     *pathSearch
	paths []*foundPath
}

func (h *pathHeap) Len() int           { return len(h.paths) }
func (h *pathHeap) Less(i, j int) bool { return h.s.compare(h.paths[i], h.paths[j]) < 0 }
func (h *pathHeap) Swap(i, j int)      { h.paths[i], h.paths[j] = h.paths[j], h.paths[i] }
func (h *pathHeap) Push(x any)         { h.paths = append(h.paths, x.(*foundPath)) }
func (h *pathHeap) Pop() any {
	p := h.paths[len(h.paths)-1]
	h.paths = h.paths[:len(h.paths)-1]
	return p
}
