package storage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph"
)

// mergeDocs are three documents naming one man in two spellings.
func mergeDocs() []struct {
	doc      graph.Document
	entities []graph.Entity
	triples  []graph.Triple
} {
	tr := func(s, p, o string) graph.Triple {
		return graph.Triple{Subject: s, SubjectType: graph.Person, Predicate: p, Object: o, ObjectType: graph.Person,
			Modality: graph.Asserted, Sentence: s + " " + p + " " + o + ".", Span: graph.Span{Start: 0, End: 10}, Lang: "en", Confidence: 0.7, Source: p}
	}
	type d = struct {
		doc      graph.Document
		entities []graph.Entity
		triples  []graph.Triple
	}
	return []d{
		{graph.Document{ID: "a", Text: "a", Lang: "en"},
			[]graph.Entity{{Name: "Sergey Lavrov", Type: graph.Person, Aliases: []string{"Lavrov"}}},
			[]graph.Triple{tr("Sergey Lavrov", "meets", "John Kerry"), tr("John Kerry", "calls", "Sergey Lavrov")}},
		{graph.Document{ID: "b", Text: "b", Lang: "en"},
			[]graph.Entity{{Name: "Sergei Lavrov", Type: graph.Person, Aliases: []string{"Sergueï Lavrov"}}},
			[]graph.Triple{tr("Sergei Lavrov", "meets", "John Kerry"), tr("Sergei Lavrov", "visits", "Jean-Marc Ayrault")}},
		{graph.Document{ID: "c", Text: "c", Lang: "en"},
			nil,
			[]graph.Triple{tr("Sergey Lavrov", "criticizes", "Jean-Marc Ayrault")}},
	}
}

// dump returns every key and value of the store but the merge rules and
// log.
func dump(t *testing.T, s *Store) []byte {
	t.Helper()
	var b bytes.Buffer
	err := s.db.View(func(txn *badger.Txn) error {
		return each(context.Background(), txn, nil, true, func(k []byte, item *badger.Item) error {
			if k[0] == tableMerge || k[0] == tableLog {
				return nil
			}
			return item.Value(func(v []byte) error {
				fmt.Fprintf(&b, "%q=%q\n", k, v)
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func edgeList(t *testing.T, s *Store) []string {
	t.Helper()
	edges, err := s.Edges(context.Background(), Pattern{}, false)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range edges {
		out = append(out, fmt.Sprintf("%s|%s|%s|%d", e.Subject, e.Predicate, e.Object, e.Support))
	}
	slices.Sort(out)
	return out
}

func TestMergeAndSplit(t *testing.T) {
	ctx := context.Background()
	open := func() *Store {
		s, err := Open("", Options{InMemory: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	docs := mergeDocs()
	// The store as it would be without any merge, for comparing.
	plain := open()
	for _, d := range docs {
		if _, err := plain.PutDocument(ctx, d.doc, d.entities, d.triples); err != nil {
			t.Fatal(err)
		}
	}

	s := open()
	for _, d := range docs[:2] {
		if _, err := s.PutDocument(ctx, d.doc, d.entities, d.triples); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.MergeEntities(ctx, "Sergey Lavrov", "Sergei Lavrov")
	if err != nil || n != 1 {
		t.Fatalf("merge: %d documents, %v; want 1", n, err)
	}
	want := []string{
		"John Kerry|calls|Sergei Lavrov|1",
		"Sergei Lavrov|meets|John Kerry|2",
		"Sergei Lavrov|visits|Jean-Marc Ayrault|1",
	}
	if got := edgeList(t, s); !slices.Equal(got, want) {
		t.Errorf("after merge: edges\n%q\nwant\n%q", got, want)
	}
	for _, name := range []string{"Sergey Lavrov", "sergey lavrov", "Lavrov"} {
		if got, err := s.Resolve(ctx, name); err != nil || !slices.Equal(got, []string{"Sergei Lavrov"}) {
			t.Errorf("Resolve(%q) = %q, %v; want Sergei Lavrov", name, got, err)
		}
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("after merge: %v", err)
	}
	// A document stored later obeys the rule.
	if _, err := s.PutDocument(ctx, docs[2].doc, docs[2].entities, docs[2].triples); err != nil {
		t.Fatal(err)
	}
	want = append(want, "Sergei Lavrov|criticizes|Jean-Marc Ayrault|1")
	slices.Sort(want)
	if got := edgeList(t, s); !slices.Equal(got, want) {
		t.Errorf("after a later document: edges\n%q\nwant\n%q", got, want)
	}
	// Merging again is harmless (it finishes an interrupted merge).
	if n, err := s.MergeEntities(ctx, "Sergey Lavrov", "Sergei Lavrov"); err != nil || n != 0 {
		t.Errorf("merge again: %d documents, %v; want 0, nil", n, err)
	}

	n, err = s.SplitEntity(ctx, "Sergey Lavrov")
	if err != nil || n != 2 {
		t.Fatalf("split: %d documents, %v; want 2", n, err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("after split: %v", err)
	}
	if got, want := dump(t, s), dump(t, plain); !bytes.Equal(got, want) {
		t.Errorf("after merge and split the store differs from one never merged:\n%s\nwant\n%s", got, want)
	}
	if _, err := s.SplitEntity(ctx, "Sergey Lavrov"); !errors.Is(err, ErrNotFound) {
		t.Errorf("split again: %v, want ErrNotFound", err)
	}

	log, err := s.MergeLog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	for _, e := range log {
		ops = append(ops, fmt.Sprintf("%d %s %s→%s %d", e.Seq, e.Op, e.From, e.Into, e.Documents))
	}
	wantOps := []string{"1 merge Sergey Lavrov→Sergei Lavrov 1", "2 merge Sergey Lavrov→Sergei Lavrov 0", "3 split Sergey Lavrov→Sergei Lavrov 2"}
	if !slices.Equal(ops, wantOps) {
		t.Errorf("log %q, want %q", ops, wantOps)
	}
}

func TestMergeErrors(t *testing.T) {
	ctx := context.Background()
	s, err := Open("", Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, d := range mergeDocs() {
		if _, err := s.PutDocument(ctx, d.doc, d.entities, d.triples); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		from, into string
		want       error
	}{
		{"Sergei Lavrov", "Sergei Lavrov", ErrMerge},
		{"Nobody", "Sergei Lavrov", ErrNotFound},
		{"Sergei Lavrov", "Nobody", ErrNotFound},
	}
	for _, tt := range tests {
		if _, err := s.MergeEntities(ctx, tt.from, tt.into); !errors.Is(err, tt.want) {
			t.Errorf("merge %q into %q: %v, want %v", tt.from, tt.into, err, tt.want)
		}
	}
	if _, err := s.MergeEntities(ctx, "Sergey Lavrov", "Sergei Lavrov"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergeEntities(ctx, "Sergey Lavrov", "John Kerry"); !errors.Is(err, ErrMerge) {
		t.Errorf("merge a merged entity elsewhere: %v, want ErrMerge", err)
	}
	// A chain ends at its last entity: Sergei Lavrov into John Kerry takes
	// Sergey Lavrov along.
	if _, err := s.MergeEntities(ctx, "Sergei Lavrov", "John Kerry"); err != nil {
		t.Fatal(err)
	}
	rules, err := s.Merges(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rules {
		got = append(got, r.From+"→"+r.Into)
	}
	if want := []string{"Sergei Lavrov→John Kerry", "Sergey Lavrov→John Kerry"}; !slices.Equal(got, want) {
		t.Errorf("rules %q, want %q", got, want)
	}
	if err := s.Verify(ctx); err != nil {
		t.Error(err)
	}
	if _, err := s.SplitEntity(ctx, "Jean-Marc Ayrault"); !errors.Is(err, ErrNotFound) {
		t.Errorf("split an unmerged entity: %v, want ErrNotFound", err)
	}
}
