package storage_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

// BenchmarkPutDocument stores new documents of 0–30 triples (15 on
// average) in a store on disk.
func BenchmarkPutDocument(b *testing.B) {
	ctx := context.Background()
	s, err := storage.Open(b.TempDir(), storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	triples := 0
	i := 0
	for b.Loop() {
		doc, ents, ts := generate(i, 0)
		doc.ID = fmt.Sprint("bench-", i)
		for j := range ts {
			ts[j].Doc = doc.ID
		}
		if _, err := s.PutDocument(ctx, doc, ents, ts); err != nil {
			b.Fatal(err)
		}
		triples += len(ts)
		i++
	}
	b.ReportMetric(float64(triples)/b.Elapsed().Seconds(), "triples/s")
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkTriplesByPattern queries a store of 2000 documents (about 30 000
// triples over 50 entities).
func BenchmarkTriplesByPattern(b *testing.B) {
	ctx := context.Background()
	s, err := storage.Open(b.TempDir(), storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for i := range 2000 {
		doc, ents, ts := generate(i, 0)
		doc.ID = fmt.Sprintf("doc-%04d", i)
		for j := range ts {
			ts[j].Doc = doc.ID
		}
		if _, err := s.PutDocument(ctx, doc, ents, ts); err != nil {
			b.Fatal(err)
		}
	}
	patterns := []struct {
		name string
		p    storage.Pattern
	}{
		{"S", storage.Pattern{Subject: "Entity 07"}},
		{"alias", storage.Pattern{Subject: "e7"}},
		{"P", storage.Pattern{Predicate: "rules out"}},
		{"O", storage.Pattern{Object: "Entity 07"}},
		{"SP", storage.Pattern{Subject: "Entity 07", Predicate: "meets"}},
		{"SO", storage.Pattern{Subject: "Entity 07", Object: "Entity 12"}},
		{"PO", storage.Pattern{Predicate: "meets", Object: "Entity 12"}},
		{"SPO", storage.Pattern{Subject: "Entity 07", Predicate: "meets", Object: "Entity 12"}},
		{"all", storage.Pattern{}},
	}
	for _, pt := range patterns {
		b.Run(pt.name, func(b *testing.B) {
			n := 0
			for b.Loop() {
				n = 0
				err := s.Triples(ctx, pt.p, func(graph.Triple) error { n++; return nil })
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "triples/op")
		})
	}
	b.Run("Edges/S", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Edges(ctx, storage.Pattern{Subject: "Entity 07"}, false); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Edges/S/evidence", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Edges(ctx, storage.Pattern{Subject: "Entity 07"}, true); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Stats", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Stats(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}
