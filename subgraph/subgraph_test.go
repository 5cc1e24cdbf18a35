package subgraph

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

var _ Store = (*storage.Store)(nil)

// fakeStore resolves a name to itself when an edge has it.
type fakeStore struct{ edges []graph.Edge }

func (f fakeStore) Edges(context.Context, storage.Pattern, bool) ([]graph.Edge, error) {
	return f.edges, nil
}

func (f fakeStore) Resolve(_ context.Context, name string) ([]string, error) {
	for _, n := range graph.Nodes(f.edges) {
		if n.Name == name {
			return []string{name}, nil
		}
	}
	return nil, nil
}

func edge(s, p, o string) graph.Edge {
	return graph.Edge{Subject: s, SubjectType: graph.Person, Predicate: p, Object: o, ObjectType: graph.Person, Support: 1}
}

func TestSelect(t *testing.T) {
	st := fakeStore{edges: []graph.Edge{edge("A", "meets", "B"), edge("B", "meets", "C"), edge("D", "meets", "E")}}
	r, err := Select(context.Background(), st, graph.Selection{Depth: 1}, []string{"A"}, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range r.Edges {
		got = append(got, e.Subject+">"+e.Object)
	}
	if want := []string{"A>B"}; !slices.Equal(got, want) {
		t.Errorf("around A: %v, want %v", got, want)
	}
	want := "store s: 3 documents, 2 triples\naround A, depth 1"
	if c := r.Caption("s", storage.Stats{Documents: 3, Triples: 2}); c != want {
		t.Errorf("caption %q, want %q", c, want)
	}

	_, err = Select(context.Background(), st, graph.Selection{}, nil, []string{"A", "Z"}, false)
	var u *UnknownError
	if !errors.As(err, &u) || u.Name != "Z" {
		t.Errorf("path to an unknown name: %v, want an UnknownError for Z", err)
	}
}
