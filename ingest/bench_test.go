package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/internal/shareddata"
	"github.com/kgraph/kg/storage"
)

// newsFiles are the Wikinews corpora of the shared data folder (CC BY
// 2.5), French and English, that BenchmarkRun reads.
var newsFiles = []string{"fr-wikinews-keyphrase100.jsonl", "en-wikinews-vanatteveldt.jsonl"}

// BenchmarkRun runs the whole pipeline (read, extract, store on disk)
// over the Wikinews corpora into a new store each time. Opening and
// closing the store are not timed.
func BenchmarkRun(b *testing.B) {
	news := filepath.Join(shareddata.Dir(b), "data", "news")
	var paths []string
	for _, name := range newsFiles {
		p := filepath.Join(news, name)
		if _, err := os.Stat(p); err != nil {
			b.Skipf("corpus missing: %v", err)
		}
		paths = append(paths, p)
	}
	x := newExtractor(b)
	ctx := context.Background()
	var docs, tokens, triples int
	var nbytes int64
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		st, err := storage.Open(b.TempDir(), storage.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := Run(ctx, paths, x, st, Options{})
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		if sum.Added != sum.Documents || len(sum.Skipped) > 0 {
			b.Fatalf("%d documents read, %d added, %d skipped", sum.Documents, sum.Added, len(sum.Skipped))
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		docs += sum.Documents
		tokens += sum.Tokens
		triples += sum.Triples
		nbytes += sum.Bytes
		b.StartTimer()
	}
	b.StopTimer()
	secs := b.Elapsed().Seconds()
	b.SetBytes(nbytes / int64(b.N))
	b.ReportMetric(float64(docs)/secs, "docs/s")
	b.ReportMetric(float64(tokens)/secs, "tokens/s")
	b.ReportMetric(float64(triples)/float64(b.N), "triples/op")
}
