package storage_test

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

// TestDump checks that the dump tells stores apart by their records
// alone: the same documents written in any order, or one replaced and
// put back, dump the same; a document more, or one triple's confidence
// changed, does not.
func TestDump(t *testing.T) {
	ctx := context.Background()
	dump := func(s *storage.Store) string {
		t.Helper()
		var b bytes.Buffer
		if err := s.Dump(ctx, &b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	fill := func(order []int, change func(int, []graph.Triple)) *storage.Store {
		t.Helper()
		s := openAt(t, "", storage.Options{InMemory: true})
		for _, n := range order {
			doc, ents, ts := generate(n, 0)
			if change != nil {
				change(n, ts)
			}
			if _, err := s.PutDocument(ctx, doc, ents, ts); err != nil {
				t.Fatal(err)
			}
		}
		return s
	}
	want := dump(fill([]int{1, 2, 3, 4}, nil))
	if !strings.Contains(want, "\"ddoc-001\"\t") || strings.Count(want, "\n") < 20 {
		t.Fatalf("dump lacks the document record of doc-001:\n%.2000s", want)
	}

	reordered := fill([]int{4, 2, 1, 3}, nil)
	if got := dump(reordered); got != want {
		t.Errorf("documents put in another order dump otherwise")
	}
	// Replaced by another version and put back.
	doc, ents, ts := generate(2, 1)
	if _, err := reordered.PutDocument(ctx, doc, ents, ts); err != nil {
		t.Fatal(err)
	}
	doc, ents, ts = generate(2, 0)
	if _, err := reordered.PutDocument(ctx, doc, ents, ts); err != nil {
		t.Fatal(err)
	}
	if got := dump(reordered); got != want {
		t.Errorf("a document replaced and put back dumps otherwise")
	}

	if got := dump(fill([]int{1, 2, 3, 4, 5}, nil)); got == want {
		t.Errorf("a store with one more document dumps the same")
	}
	changed := fill([]int{1, 2, 3, 4}, func(n int, ts []graph.Triple) {
		if n == 3 && len(ts) > 0 {
			ts[0].Confidence += 1e-9
		}
	})
	if got := dump(changed); got == want {
		t.Errorf("a store with a triple's confidence changed dumps the same")
	}
}

// TestPutInvalid checks that what cannot be stored is told apart from
// a failing store, with nothing written.
func TestPutInvalid(t *testing.T) {
	ctx := context.Background()
	s := openAt(t, "", storage.Options{InMemory: true})
	doc := graph.Document{ID: "a", Text: "text", Lang: "en"}
	for _, ts := range [][]graph.Triple{
		{{Subject: "", Predicate: "meets", Object: "B"}},
		{{Subject: "A", Predicate: "meets", Object: "B\x00"}},
		{{Subject: "A", Predicate: "meets", Object: "B", Doc: "other"}},
	} {
		if _, err := s.PutDocument(ctx, doc, nil, ts); !errors.Is(err, storage.ErrInvalid) {
			t.Errorf("PutDocument(%+v) = %v, want ErrInvalid", ts[0], err)
		}
	}
	if _, err := s.PutDocument(ctx, graph.Document{}, nil, nil); !errors.Is(err, storage.ErrInvalid) {
		t.Errorf("PutDocument without an id = %v, want ErrInvalid", err)
	}
	if _, err := s.Document(ctx, "a"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("an invalid document was stored: %v", err)
	}
}
