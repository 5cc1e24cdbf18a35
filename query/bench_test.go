package query

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/ingest"
	"github.com/kgraph/kg/internal/shareddata"
	"github.com/kgraph/kg/storage"
)

// synthStore names a directory that keeps the 1M-triple store of
// BenchmarkSynth between runs, and for timing the kg command on it:
//
//	go test ./query -run '^$' -bench Synth -synthstore /tmp/kg-1m
//
// builds it there if the directory is empty, else opens it.
var synthStore = flag.String("synthstore", "", "keep BenchmarkSynth's 1M-triple store in this directory")

// million is the corpus of BenchmarkSynth: 50,000 documents of 20
// triples over 20,000 entities.
func million() synth { return synth{docs: 50_000, perDoc: 20, entities: 20_000} }

// millionStore returns the store of million(), built in a temporary
// directory or in -synthstore.
func millionStore(b *testing.B) *storage.Store {
	g := million()
	dir := *synthStore
	if dir == "" {
		dir = b.TempDir()
	} else if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return reopen(b, dir)
	}
	start := time.Now()
	g.build(b, dir)
	b.Logf("built %d triples in %s", g.triples(), time.Since(start).Round(time.Second))
	return reopen(b, dir)
}

// reopen opens the store in dir read-only, as kg query does.
func reopen(b *testing.B, dir string) *storage.Store {
	st, err := storage.Open(dir, storage.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// sample returns n entities drawn as the corpus draws them: the entities
// a reader of the news asks about, often the frequent ones.
func (g synth) sample(n int) []string {
	rng := rand.New(rand.NewPCG(1, 2))
	z := rand.NewZipf(rng, 1.1, 10, uint64(g.entities-1))
	names := make([]string, n)
	for i := range names {
		names[i] = entityName(int(z.Uint64()))
	}
	return names
}

// uniform returns n entities drawn evenly from all: typical entities,
// named in a few dozen triples.
func (g synth) uniform(n int) []string {
	rng := rand.New(rand.NewPCG(3, 4))
	names := make([]string, n)
	for i := range names {
		names[i] = entityName(rng.IntN(g.entities))
	}
	return names
}

// querySet is a kind of query, made with the i-th of a list of names.
type querySet struct {
	name string
	make func(i int) []string
}

// BenchmarkSynth builds a store of one million triples (about 50 s on
// one core, not timed) and times queries of each kind as a kg command
// would run them — a new snapshot, parse, plan, join and complete every
// row — each with one of 200 entities: "frequent" ones drawn as the
// corpus draws them (a typical one names about 1,300 triples), and
// "typical" ones drawn evenly (about 20). It reports the median (p50-ms)
// and 90th percentile (p90-ms) of the queries' times, and the rows they
// give. Paths between frequent entities are left out: there are hundreds
// of thousands.
func BenchmarkSynth(b *testing.B) {
	g := million()
	st := millionStore(b)
	for _, s := range []struct {
		name  string
		names []string
	}{{"frequent", g.sample(200)}, {"typical", g.uniform(200)}} {
		name := func(i int) string { return `"` + s.names[i%len(s.names)] + `"` }
		sets := []querySet{
			{s.name + "/one/S", func(i int) []string { return []string{name(i) + " * ?o"} }},
			{s.name + "/one/SP", func(i int) []string { return []string{name(i) + " meets ?o"} }},
			{s.name + "/one/PO", func(i int) []string { return []string{"?s visits " + name(i)} }},
			{s.name + "/join", func(i int) []string { return []string{"?x meets ?y", "?y visits " + name(i)} }},
		}
		if s.name == "typical" {
			sets = append(sets, querySet{s.name + "/path3", func(i int) []string {
				return []string{name(i) + " * ?x", "?x * ?y", "?y * " + name(i+1)}
			}})
		}
		benchQueries(b, st, sets)
	}
}

// BenchmarkNews builds the store of the whole news corpus of the shared
// data folder with the ingest package (about a minute on two cores, not
// timed), then times queries of each kind about the 200 entities the
// most triples name.
func BenchmarkNews(b *testing.B) {
	news := filepath.Join(shareddata.Dir(b), "data", "news")
	paths, err := filepath.Glob(filepath.Join(news, "*.jsonl"))
	if err != nil || len(paths) == 0 {
		b.Skipf("no corpus in %s: %v", news, err)
	}
	dir := b.TempDir()
	st, err := storage.Open(dir, storage.Options{})
	if err != nil {
		b.Fatal(err)
	}
	x, err := extract.New(extract.Options{Languages: []string{"fr", "en"}, CapitalAsState: true})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	start := time.Now()
	sum, err := ingest.Run(ctx, paths, x, st, ingest.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("built %d documents, %d triples in %s", sum.Documents, sum.Triples, time.Since(start).Round(time.Second))
	if err := st.Close(); err != nil {
		b.Fatal(err)
	}
	st = reopen(b, dir)
	var ents []storage.EntityStat
	err = st.Entities(ctx, "", func(e storage.EntityStat) error {
		ents = append(ents, e)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	slices.SortFunc(ents, func(a, b storage.EntityStat) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), strings.Compare(a.Name, b.Name))
	})
	ents = ents[:min(200, len(ents))]
	name := func(i int) string { return fmt.Sprintf("%q", ents[i%len(ents)].Name) }
	benchQueries(b, st, []querySet{
		{"one/S", func(i int) []string { return []string{name(i) + " * ?o"} }},
		{"one/O", func(i int) []string { return []string{"?s * " + name(i)} }},
		{"join", func(i int) []string { return []string{"?x * ?y", "?y * " + name(i)} }},
		{"path3", func(i int) []string {
			return []string{name(i) + " * ?x", "?x * ?y", "?y * " + name(i+1)}
		}},
	})
}

// benchQueries times each set of queries.
func benchQueries(b *testing.B, st *storage.Store, sets []querySet) {
	ctx := context.Background()
	for _, set := range sets {
		b.Run(set.name, func(b *testing.B) {
			var times []time.Duration
			rows := 0
			i := 0
			for b.Loop() {
				start := time.Now()
				sn := st.Snapshot()
				q, err := Parse(set.make(i), KnownPredicates(ctx, sn, false))
				if err != nil {
					b.Fatal(err)
				}
				res, err := Run(ctx, sn, q, Options{})
				sn.Close()
				if err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
				rows += len(res.Rows)
				i++
			}
			slices.Sort(times)
			ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
			b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
			b.ReportMetric(ms(times[len(times)*9/10]), "p90-ms")
			b.ReportMetric(float64(rows)/float64(i), "rows/op")
		})
	}
}
