package graph

// Direction says which edges a walk follows from a node.
type Direction int

// The directions of Reach.
const (
	Both Direction = iota // edges in either direction
	Out                   // from subject to object
	In                    // from object to subject
)

// Reach returns the edges met walking up to depth hops from the focus
// names in direction dir, in input order. Names are compared under Fold.
// With Both it is Neighborhood.
func Reach(edges []Edge, focus []string, depth int, dir Direction) []Edge {
	if dir == Both {
		return Neighborhood(edges, focus, depth)
	}
	seen, frontier := map[string]bool{}, map[string]bool{}
	for _, f := range focus {
		seen[Fold(f)], frontier[Fold(f)] = true, true
	}
	keep := make([]bool, len(edges))
	for hop := 0; hop < depth && len(frontier) > 0; hop++ {
		next := map[string]bool{}
		for i, e := range edges {
			from, to := Fold(e.Subject), Fold(e.Object)
			if dir == In {
				from, to = to, from
			}
			if !frontier[from] {
				continue
			}
			keep[i] = true
			if !seen[to] {
				seen[to] = true
				next[to] = true
			}
		}
		frontier = next
	}
	var out []Edge
	for i, e := range edges {
		if keep[i] {
			out = append(out, e)
		}
	}
	return out
}
