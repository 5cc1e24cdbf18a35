package subgraph

import (
	"context"
	"fmt"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

// Store is what Select reads of a store; *storage.Store is one.
type Store interface {
	Edges(ctx context.Context, p storage.Pattern, evidence bool) ([]graph.Edge, error)
	Resolve(ctx context.Context, name string) ([]string, error)
}

// UnknownError is the error of Select for a name that is no entity's
// name or alias in the store.
type UnknownError struct {
	Name string
}

func (e *UnknownError) Error() string {
	return fmt.Sprintf("no entity named %q in the store", e.Name)
}

// Result is what Select picked.
type Result struct {
	graph.Selected
	// Selection is the one asked for, with the names resolved: what the
	// caption describes.
	Selection graph.Selection
}

// Select returns the relations of st that sel selects, with focus the
// names or aliases to centre on and ends, when two, those to draw the
// paths between; evidence asks for the sentences of each relation. A
// name the store does not know is an *UnknownError; the other errors
// are those of st and of graph.Select.
func Select(ctx context.Context, st Store, sel graph.Selection, focus, ends []string, evidence bool) (Result, error) {
	all, err := st.Edges(ctx, storage.Pattern{}, evidence)
	if err != nil {
		return Result{}, err
	}
	for _, f := range focus {
		resolved, err := resolve(ctx, st, f)
		if err != nil {
			return Result{}, err
		}
		sel.Focus = append(sel.Focus, resolved...)
	}
	if len(ends) == 2 {
		if sel.From, err = resolve(ctx, st, ends[0]); err != nil {
			return Result{}, err
		}
		if sel.To, err = resolve(ctx, st, ends[1]); err != nil {
			return Result{}, err
		}
	}
	picked, err := graph.Select(ctx, all, sel)
	if err != nil {
		return Result{}, err
	}
	return Result{Selected: picked, Selection: sel}, nil
}

func resolve(ctx context.Context, st Store, name string) ([]string, error) {
	names, err := st.Resolve(ctx, name)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, &UnknownError{Name: name}
	}
	return names, nil
}

// Caption says what r shows: the store named store, its documents and
// triples as stats counts them, the selection, and what MaxNodes pruned.
func (r Result) Caption(store string, stats storage.Stats) string {
	caption := fmt.Sprintf("store %s: %d documents, %d triples", store, stats.Documents, stats.Triples)
	if d := r.Selection.String(); d != "" {
		caption += "\n" + d
	}
	if r.DroppedNodes > 0 {
		kept := len(graph.Nodes(r.Edges))
		caption += fmt.Sprintf("\nthe %d entities of most support, of %d", kept, kept+r.DroppedNodes)
	}
	return caption
}
