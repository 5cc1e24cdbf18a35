package query

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

// synth describes a synthetic corpus for benchmarks: documents of a
// fixed number of triples whose subjects and objects are drawn from a
// Zipf distribution over entities (a few are in every other article, most
// in a handful) and whose predicates from one over a list of verbs, over
// ten years of dates and twenty sites. The same synth gives the same
// corpus: document i depends on i alone.
type synth struct {
	docs, perDoc, entities int
}

// predicateNames are the synthetic predicates, most frequent first.
func predicateNames() []string {
	return []string{
		"says", "meets", "visits", "criticizes", "supports", "calls", "announces", "rejects",
		"accuses", "signs", "leads", "attacks", "praises", "warns", "sanctions", "thanks",
		"funds", "sues", "elects", "appoints", "arrests", "invites", "condemns", "backs",
		"blocks", "approves", "opposes", "joins", "leaves", "hosts", "threatens", "helps",
		"bans", "buys", "sells", "defeats", "interviews", "replaces", "questions", "welcomes",
	}
}

// entityName is the canonical name of the entity of rank k (0: the most
// frequent).
func entityName(k int) string { return fmt.Sprintf("Entity %05d", k) }

func (g synth) triples() int { return g.docs * g.perDoc }

// doc returns document i and its triples.
func (g synth) doc(i int) (graph.Document, []graph.Triple) {
	rng := rand.New(rand.NewPCG(uint64(i), 0x6b67))
	ents := rand.NewZipf(rng, 1.1, 10, uint64(g.entities-1))
	preds := predicateNames()
	pz := rand.NewZipf(rng, 1.2, 3, uint64(len(preds)-1))
	day := time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i*3650/g.docs)
	lang := "en"
	if i%3 == 0 {
		lang = "fr"
	}
	doc := graph.Document{
		ID:   fmt.Sprintf("doc-%07d", i),
		URL:  fmt.Sprintf("https://site%02d.example/%d", i%20, i),
		Date: day.Format(time.DateOnly),
		Lang: lang,
		Hash: fmt.Sprintf("%064x", i),
	}
	types := graph.EntityTypes
	ts := make([]graph.Triple, g.perDoc)
	for j := range ts {
		s, o := int(ents.Uint64()), int(ents.Uint64())
		for o == s {
			o = int(ents.Uint64())
		}
		p := preds[pz.Uint64()]
		modality := graph.Asserted
		switch rng.IntN(10) {
		case 0:
			modality = graph.Reported
		case 1:
			modality = graph.Considered
		}
		ts[j] = graph.Triple{
			Subject: entityName(s), SubjectType: types[s%len(types)],
			Predicate: p,
			Object:    entityName(o), ObjectType: types[o%len(types)],
			Negated:  rng.IntN(30) == 0,
			Modality: modality,
			Doc:      doc.ID,
			Sentence: entityName(s) + " " + p + " " + entityName(o) + ".",
			Span:     graph.Span{Start: j * 40, End: j*40 + 39},
			Lang:     lang, Confidence: 0.8, Source: p,
		}
	}
	return doc, ts
}

// build writes the corpus into a new store in dir.
func (g synth) build(tb testing.TB, dir string) {
	tb.Helper()
	st, err := storage.Open(dir, storage.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	ctx := context.Background()
	for i := range g.docs {
		doc, ts := g.doc(i)
		if _, err := st.PutDocument(ctx, doc, nil, ts); err != nil {
			st.Close()
			tb.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		tb.Fatal(err)
	}
}

// TestSynth checks that the generator is deterministic and spreads its
// triples as the benchmarks expect.
func TestSynth(t *testing.T) {
	g := synth{docs: 200, perDoc: 20, entities: 2000}
	d1, t1 := g.doc(7)
	d2, t2 := g.doc(7)
	if fmt.Sprint(d1) != fmt.Sprint(d2) || len(t1) != 20 || fmt.Sprint(t1) != fmt.Sprint(t2) {
		t.Fatalf("doc 7 differs between calls")
	}
	mentions := make(map[string]int)
	for i := range g.docs {
		_, ts := g.doc(i)
		for _, tr := range ts {
			mentions[tr.Subject]++
			if tr.Subject == tr.Object {
				t.Fatalf("doc %d: %s relates to itself", i, tr.Subject)
			}
		}
	}
	// The most frequent entity is in about one triple in twenty-five; most
	// entities are rare.
	if n := mentions[entityName(0)]; n < 80 || n > 240 {
		t.Errorf("%s is the subject of %d of 4000 triples", entityName(0), n)
	}
	if len(mentions) < 500 {
		t.Errorf("only %d distinct subjects", len(mentions))
	}
}
