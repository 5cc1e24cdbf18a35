package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Selection says which part of a graph to draw: the edges a Filter keeps,
// then those around focus entities or on the paths between two of them,
// then at most MaxNodes entities of those.
type Selection struct {
	Filter Filter
	// Focus, when not empty, keeps the edges within Depth hops of these
	// names (see Neighborhood).
	Focus []string
	Depth int
	// From and To, when both are not empty, keep instead the edges of the
	// PathCount shortest paths of at most PathLength edges between them
	// (see Paths).
	From, To   []string
	PathLength int
	PathCount  int
	// MaxNodes, when positive, prunes the result to that many entities,
	// keeping the focus or path ends (see Limit).
	MaxNodes int
}

// Selected is the result of Select.
type Selected struct {
	Edges []Edge
	// DroppedNodes and DroppedEdges count the entities and relations that
	// MaxNodes pruned: what the selection had beyond it.
	DroppedNodes, DroppedEdges int
}

// Select returns the part of edges that s describes, in input order. Its
// errors are those of Paths.
func Select(ctx context.Context, edges []Edge, s Selection) (Selected, error) {
	edges = s.Filter.Apply(edges)
	keep := s.Focus
	switch {
	case len(s.From) > 0 && len(s.To) > 0:
		var err error
		edges, err = pathEdges(ctx, edges, PathQuery{From: s.From, To: s.To, MaxDepth: s.PathLength, K: s.PathCount})
		if err != nil {
			return Selected{}, err
		}
		keep = append(slices.Clone(s.From), s.To...)
	case len(s.Focus) > 0:
		edges = Neighborhood(edges, s.Focus, s.Depth)
	}
	kept, dropped := Limit(edges, keep, s.MaxNodes)
	return Selected{Edges: kept, DroppedNodes: dropped, DroppedEdges: len(edges) - len(kept)}, nil
}

// pathEdges returns the edges on the paths q asks for, each once, in
// input order.
func pathEdges(ctx context.Context, edges []Edge, q PathQuery) ([]Edge, error) {
	paths, err := Paths(ctx, edges, q)
	if err != nil {
		return nil, err
	}
	on := make(map[Key]bool)
	for _, p := range paths {
		for _, e := range p {
			on[e.Key()] = true
		}
	}
	var out []Edge
	for _, e := range edges {
		if on[e.Key()] {
			out = append(out, e)
			delete(on, e.Key()) // an edge given twice is drawn once
		}
	}
	return out, nil
}

// String describes the selection in a few words, for a caption.
func (s Selection) String() string {
	var parts []string
	switch {
	case len(s.From) > 0 && len(s.To) > 0:
		parts = append(parts, fmt.Sprintf("paths from %s to %s (at most %d relations)",
			strings.Join(s.From, ", "), strings.Join(s.To, ", "), s.PathLength))
	case len(s.Focus) > 0:
		parts = append(parts, fmt.Sprintf("around %s, depth %d", strings.Join(s.Focus, ", "), s.Depth))
	}
	if f := s.Filter.String(); f != "" {
		parts = append(parts, f)
	}
	return strings.Join(parts, "; ")
}
