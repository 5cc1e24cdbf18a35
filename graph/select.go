package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Filter says which relations to keep, whatever their place in the graph.
// The zero Filter keeps every edge as it is.
type Filter struct {
	// MinSupport drops the edges stated by fewer documents.
	MinSupport int
	// Predicates, when not empty, keeps only these predicates (under Fold).
	Predicates []string
	// Types, when not empty, keeps only the edges whose two ends have one
	// of these types.
	Types []EntityType
	// Since and Until, when not zero, keep only the evidence dated within
	// [Since, Until], by calendar date; evidence with no date or one that
	// does not start with YYYY-MM-DD is outside any such range.
	Since, Until time.Time
	// Lang, when not empty, keeps only the evidence in that language.
	Lang string
}

// NeedsEvidence reports whether the filter reads the evidence of edges:
// edges given to Apply without their evidence are then all dropped.
func (f Filter) NeedsEvidence() bool {
	return !f.Since.IsZero() || !f.Until.IsZero() || f.Lang != ""
}

// Apply returns the edges f keeps, in input order.
//
// With a filter on evidence, an edge is kept when some of its evidence
// passes, and it is given only that evidence: its Support becomes the
// number of distinct documents among it and its Modality that of the
// first. MinSupport then applies to that recounted support.
func (f Filter) Apply(edges []Edge) []Edge {
	preds := make(map[string]bool, len(f.Predicates))
	for _, p := range f.Predicates {
		preds[Fold(p)] = true
	}
	types := make(map[EntityType]bool, len(f.Types))
	for _, t := range f.Types {
		types[t] = true
	}
	var out []Edge
	for _, e := range edges {
		if len(preds) > 0 && !preds[Fold(e.Predicate)] {
			continue
		}
		if len(types) > 0 && !(types[e.SubjectType] && types[e.ObjectType]) {
			continue
		}
		if f.NeedsEvidence() {
			var ok bool
			if e, ok = f.keepEvidence(e); !ok {
				continue
			}
		}
		if e.Support < f.MinSupport {
			continue
		}
		out = append(out, e)
	}
	return out
}

// keepEvidence returns e with only the evidence f keeps, recounted, and
// whether any was kept.
func (f Filter) keepEvidence(e Edge) (Edge, bool) {
	var kept []Evidence
	docs := make(map[string]bool)
	for _, ev := range e.Evidence {
		if f.Lang != "" && !strings.EqualFold(ev.Lang, f.Lang) {
			continue
		}
		if !f.Since.IsZero() || !f.Until.IsZero() {
			d, ok := evidenceDate(ev.Date)
			if !ok || (!f.Since.IsZero() && d.Before(day(f.Since))) || (!f.Until.IsZero() && d.After(day(f.Until))) {
				continue
			}
		}
		kept = append(kept, ev)
		docs[ev.Doc] = true
	}
	if len(kept) == 0 {
		return Edge{}, false
	}
	e.Evidence = kept
	e.Support = len(docs)
	e.Modality = kept[0].Modality
	return e, true
}

// evidenceDate reads the calendar date a document's date starts with, as
// sources give it: 2016-03-01 or 2016-03-01T10:00:00Z.
func evidenceDate(s string) (time.Time, bool) {
	if len(s) < len(time.DateOnly) {
		return time.Time{}, false
	}
	d, err := time.Parse(time.DateOnly, s[:len(time.DateOnly)])
	return d, err == nil
}

// day returns t's calendar date at midnight UTC, so that a date is
// compared as a day whatever clock time or zone t carries.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// String describes the filter in a few words, for a caption: "" for the
// zero Filter.
func (f Filter) String() string {
	var parts []string
	if len(f.Predicates) > 0 {
		parts = append(parts, "predicates "+strings.Join(f.Predicates, ", "))
	}
	if len(f.Types) > 0 {
		ts := make([]string, len(f.Types))
		for i, t := range f.Types {
			ts[i] = string(t)
		}
		parts = append(parts, "types "+strings.Join(ts, ", "))
	}
	if f.MinSupport > 1 {
		parts = append(parts, fmt.Sprintf("support ≥ %d", f.MinSupport))
	}
	switch {
	case !f.Since.IsZero() && !f.Until.IsZero():
		parts = append(parts, "from "+f.Since.Format(time.DateOnly)+" to "+f.Until.Format(time.DateOnly))
	case !f.Since.IsZero():
		parts = append(parts, "since "+f.Since.Format(time.DateOnly))
	case !f.Until.IsZero():
		parts = append(parts, "until "+f.Until.Format(time.DateOnly))
	}
	if f.Lang != "" {
		parts = append(parts, "lang "+f.Lang)
	}
	return strings.Join(parts, "; ")
}

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
