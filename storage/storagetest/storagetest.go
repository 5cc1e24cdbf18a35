package storagetest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

// Store is what the suite calls of a store, so that it can check any
// that claims to be one; *storage.Store is the one kg has. Snapshot
// returns storage's own type because the suite checks that type too.
type Store interface {
	PutDocument(ctx context.Context, doc graph.Document, entities []graph.Entity, triples []graph.Triple) (storage.PutResult, error)
	PutSkipped(ctx context.Context, doc graph.Document, reason string) (storage.PutResult, error)
	DeleteDocument(ctx context.Context, id string) error
	HasDocument(ctx context.Context, doc graph.Document) (bool, error)
	Document(ctx context.Context, id string) (storage.DocumentInfo, error)
	Documents(ctx context.Context, fn func(storage.DocumentInfo) error) error
	Triples(ctx context.Context, p storage.Pattern, fn func(graph.Triple) error) error
	Edges(ctx context.Context, p storage.Pattern, evidence bool) ([]graph.Edge, error)
	EdgesWhere(ctx context.Context, p storage.Pattern, f graph.Filter, evidence bool) ([]graph.Edge, error)
	Resolve(ctx context.Context, name string) ([]string, error)
	Entity(ctx context.Context, name string) (storage.EntityStat, error)
	Entities(ctx context.Context, typ graph.EntityType, fn func(storage.EntityStat) error) error
	Stats(ctx context.Context) (storage.Stats, error)
	Snapshot() *storage.Snapshot
	Verify(ctx context.Context) error
}

// Run runs the suite. open must return a new, empty store and close it
// when the test ends (t.Cleanup).
func Run(t *testing.T, open func(t *testing.T) Store) {
	tests := []struct {
		name string
		fn   func(*testing.T, Store)
	}{
		{"PutGet", testPutGet},
		{"Idempotent", testIdempotent},
		{"Replace", testReplace},
		{"Skipped", testSkipped},
		{"Delete", testDelete},
		{"Patterns", testPatterns},
		{"TripleFields", testTripleFields},
		{"Resolve", testResolve},
		{"Edges", testEdges},
		{"EdgeEvidence", testEdgeEvidence},
		{"EdgeCoverage", testEdgeCoverage},
		{"EdgesWhere", testEdgesWhere},
		{"Snapshot", testSnapshot},
		{"Entities", testEntities},
		{"Entity", testEntity},
		{"Stats", testStats},
		{"Invalid", testInvalid},
		{"Concurrent", testConcurrent},
		{"Canceled", testCanceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			tt.fn(t, s)
			if err := s.Verify(context.Background()); err != nil {
				t.Errorf("Verify after test: %v", err)
			}
		})
	}
}

// load stores the fixture, checking that every document is Added.
func load(t *testing.T, s Store) *fixture {
	t.Helper()
	f := newFixture()
	for _, d := range f.docs {
		if got := put(t, s, d); got != storage.Added {
			t.Fatalf("put %s = %v, want added", d.doc.ID, got)
		}
	}
	return f
}

func put(t *testing.T, s Store, d *fixtureDoc) storage.PutResult {
	t.Helper()
	ctx := context.Background()
	ts := d.triples()
	var (
		res storage.PutResult
		err error
	)
	if d.skipped != "" {
		res, err = s.PutSkipped(ctx, d.doc, d.skipped)
	} else {
		res, err = s.PutDocument(ctx, d.doc, d.entities, ts)
	}
	if err != nil {
		t.Fatalf("put %s: %v", d.doc.ID, err)
	}
	return res
}

// labels returns the sorted labels of the triples matching p.
func labels(t *testing.T, s Store, f *fixture, p storage.Pattern) []string {
	t.Helper()
	got := []string{}
	err := s.Triples(context.Background(), p, func(tr graph.Triple) error {
		got = append(got, f.label(tr))
		return nil
	})
	if err != nil {
		t.Fatalf("Triples(%v): %v", p, err)
	}
	slices.Sort(got)
	return got
}

func stats(t *testing.T, s Store) storage.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if st.SizeBytes < 0 {
		t.Errorf("SizeBytes = %d", st.SizeBytes)
	}
	st.SizeBytes = 0 // differs between disk and memory
	return st
}

func hash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

func testPutGet(t *testing.T, s Store) {
	ctx := context.Background()
	f := load(t, s)
	d1 := f.doc("d1")
	got, err := s.Document(ctx, "d1")
	if err != nil {
		t.Fatal(err)
	}
	want := d1.doc
	want.Text, want.Hash = "", hash(d1.doc.Text)
	if !reflect.DeepEqual(got.Document, want) || got.Triples != 3 || got.Skipped != "" {
		t.Errorf("Document(d1) = %+v, want %+v with 3 triples", got, want)
	}
	if _, err := s.Document(ctx, "nope"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Document(nope) error = %v, want ErrNotFound", err)
	}
	// A document is had only with the same text read the same way: the
	// language and the extraction fingerprint count too.
	for _, c := range []struct {
		name string
		edit func(*graph.Document)
		want bool
	}{
		{"same", func(*graph.Document) {}, true},
		{"other text", func(d *graph.Document) { d.Hash = hash("other") }, false},
		{"other language", func(d *graph.Document) { d.Lang = "de" }, false},
		{"other extraction", func(d *graph.Document) { d.Extraction = "0123456789abcdef" }, false},
		{"other id", func(d *graph.Document) { d.ID = "nope" }, false},
	} {
		doc := want
		c.edit(&doc)
		if got, err := s.HasDocument(ctx, doc); err != nil || got != c.want {
			t.Errorf("HasDocument(d1, %s) = %v, %v; want %v", c.name, got, err, c.want)
		}
	}
	var docs []string
	err = s.Documents(ctx, func(d storage.DocumentInfo) error {
		docs = append(docs, fmt.Sprintf("%s/%s/%d/%s/%t", d.ID, d.Lang, d.Triples, d.Skipped, d.Text == ""))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	wantDocs := []string{"d1/en/3//true", "d2/fr/3//true", "d3/en/4//true", "d4/de/0/unsupported language de/true"}
	if !slices.Equal(docs, wantDocs) {
		t.Errorf("Documents = %q, want %q", docs, wantDocs)
	}
	stop := errors.New("stop")
	n := 0
	err = s.Documents(ctx, func(storage.DocumentInfo) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Documents stopping: %v after %d calls, want stop after 1", err, n)
	}
}

func testIdempotent(t *testing.T, s Store) {
	f := load(t, s)
	before := stats(t, s)
	for _, d := range f.docs {
		if got := put(t, s, d); got != storage.Unchanged {
			t.Errorf("second put %s = %v, want unchanged", d.doc.ID, got)
		}
	}
	// Same hash, other metadata and triples: still unchanged.
	d1 := f.doc("d1")
	d1.doc.Hash = hash(d1.doc.Text)
	d1.doc.Title = "Retitled"
	d1.sentences = d1.sentences[:1]
	if got := put(t, s, d1); got != storage.Unchanged {
		t.Errorf("put d1 with same hash = %v, want unchanged", got)
	}
	if after := stats(t, s); !reflect.DeepEqual(before, after) {
		t.Errorf("stats changed by re-put:\n%+v\n%+v", before, after)
	}
	// Same hash read another way (another language, or another model):
	// the triples may differ, so the document is replaced.
	for _, edit := range []func(*graph.Document){
		func(d *graph.Document) { d.Extraction = "0123456789abcdef" },
		func(d *graph.Document) { d.Lang = "fr" },
	} {
		d1 := f.doc("d1")
		edit(&d1.doc)
		if got := put(t, s, d1); got != storage.Replaced {
			t.Errorf("put d1 as %s/%s = %v, want replaced", d1.doc.Lang, d1.doc.Extraction, got)
		}
		info, err := s.Document(context.Background(), "d1")
		if err != nil || info.Lang != d1.doc.Lang || info.Extraction != d1.doc.Extraction {
			t.Errorf("Document(d1) = %+v, %v; want language %s, extraction %s", info, err, d1.doc.Lang, d1.doc.Extraction)
		}
	}
}

// replacement is a new version of d2.
func replacement() *fixtureDoc {
	return &fixtureDoc{
		doc: graph.Document{ID: "d2", Title: "Appel", Lang: "fr"},
		entities: []graph.Entity{
			{Name: macron, Type: graph.Person},
		},
		sentences: []sentence{{"Emmanuel Macron a appelé Angela Merkel.", []graph.Triple{
			tr(macron, graph.Person, "calls", merkel, graph.Person, false, graph.Asserted),
		}}},
	}
}

func testReplace(t *testing.T, s Store) {
	ctx := context.Background()
	f := load(t, s)
	before := stats(t, s)
	if got := put(t, s, replacement()); got != storage.Replaced {
		t.Fatalf("put new d2 = %v, want replaced", got)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	info, err := s.Document(ctx, "d2")
	if err != nil || info.Title != "Appel" || info.Triples != 1 {
		t.Errorf("Document(d2) = %+v, %v; want the new version", info, err)
	}
	for _, alias := range []string{"Mme Merkel", "la Russie", "les autorités allemandes", "sanctions"} {
		if got, err := s.Resolve(ctx, alias); err != nil || len(got) != 0 {
			t.Errorf("Resolve(%q) = %q, %v; want nothing after replace", alias, got, err)
		}
	}
	if got := labels(t, s, f, storage.Pattern{Predicate: "considers"}); len(got) != 0 {
		t.Errorf("considers after replace: %q", got)
	}
	want := []string{"Emmanuel Macron|calls|Angela Merkel|d2:1"}
	if got := labels(t, s, f, storage.Pattern{Subject: "macron", Object: "merkel", Predicate: "calls"}); !slices.Equal(got, want) {
		t.Errorf("calls after replace = %q, want %q", got, want)
	}
	if _, err := s.Entity(ctx, "sanctions"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Entity(sanctions) error = %v, want ErrNotFound", err)
	}
	g, err := s.Entity(ctx, germany)
	if err != nil || len(g.Aliases) != 0 || g.Documents != 1 || g.Mentions != 1 || g.Triples != 1 {
		t.Errorf("Entity(Germany) = %+v, %v; want d1's only", g, err)
	}
	edges, err := s.Edges(ctx, storage.Pattern{Subject: macron, Predicate: "meets", Object: merkel}, false)
	if err != nil || len(edges) != 1 || edges[0].Support != 2 {
		t.Errorf("Edges(meets) = %+v, %v; want support 2", edges, err)
	}
	mid := stats(t, s)
	if mid.Documents != 4 || mid.Triples != 8 || mid.Edges != 6 || mid.Entities != 7 {
		t.Errorf("stats after replace = %+v, want 4 documents, 8 triples, 6 edges, 7 entities", mid)
	}
	// Putting the first version back restores every count.
	if got := put(t, s, newFixture().doc("d2")); got != storage.Replaced {
		t.Fatalf("put old d2 = %v, want replaced", got)
	}
	if after := stats(t, s); !reflect.DeepEqual(before, after) {
		t.Errorf("stats after replacing back:\n%+v\nwant\n%+v", after, before)
	}
}

func testSkipped(t *testing.T, s Store) {
	ctx := context.Background()
	f := load(t, s)
	info, err := s.Document(ctx, "d4")
	if err != nil || info.Skipped != "unsupported language de" || info.Triples != 0 || info.Lang != "de" {
		t.Fatalf("Document(d4) = %+v, %v", info, err)
	}
	// Extracting it later, same text: replaced, no longer skipped.
	d4 := f.doc("d4")
	d4.skipped = ""
	d4.sentences[0].triples = []graph.Triple{tr(macron, graph.Person, "meets", merkel, graph.Person, false, graph.Asserted)}
	if got := put(t, s, d4); got != storage.Replaced {
		t.Fatalf("put extracted d4 = %v, want replaced", got)
	}
	info, err = s.Document(ctx, "d4")
	if err != nil || info.Skipped != "" || info.Triples != 1 {
		t.Errorf("Document(d4) = %+v, %v; want extracted", info, err)
	}
	if st := stats(t, s); st.Extracted != 4 || st.Triples != 11 {
		t.Errorf("stats = %+v, want 4 extracted, 11 triples", st)
	}
}

func testDelete(t *testing.T, s Store) {
	ctx := context.Background()
	f := load(t, s)
	if err := s.DeleteDocument(ctx, "d3"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteDocument(ctx, "d3"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("second delete: %v, want ErrNotFound", err)
	}
	if got, _ := s.Resolve(ctx, "PSG"); len(got) != 0 {
		t.Errorf("Resolve(PSG) = %q after delete", got)
	}
	if got := labels(t, s, f, storage.Pattern{Subject: macron}); len(got) != 3 {
		t.Errorf("Macron's triples after delete = %q, want d1's and d2's", got)
	}
	if st := stats(t, s); st.Documents != 3 || st.Triples != 6 || st.Entities != 6 {
		t.Errorf("stats after delete = %+v, want 3 documents, 6 triples, 6 entities", st)
	}
	// What d3 shared with others lost d3's support, sources and dates;
	// what d3 alone stated is gone.
	got := coverage(t, s)
	want := []string{
		"Emmanuel Macron|meets|Angela Merkel 2 1 2016-10-07 2016-10-08",
		"Emmanuel Macron|visits|Berlin 1 1 2016-10-07 2016-10-07",
		"Germany|considers|sanctions 1 1 2016-10-08 2016-10-08",
		"Germany|imposes sanctions on|Russia 1 1 2016-10-08 2016-10-08",
		"Germany|!imposes sanctions on|Russia 1 1 2016-10-07 2016-10-07",
	}
	if !slices.Equal(got, want) {
		t.Errorf("edges after delete =\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if _, err := s.Entity(ctx, "Paris"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Entity(Paris), named by d3 only: %v, want ErrNotFound", err)
	}
	m, err := s.Entity(ctx, macron)
	if err != nil || m.Documents != 2 || m.Mentions != 3 {
		t.Errorf("Entity(Macron) = %+v, %v; want 2 documents, 3 mentions", m, err)
	}
	// Deleting the rest empties the store.
	for _, id := range []string{"d1", "d2", "d4"} {
		if err := s.DeleteDocument(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if st := stats(t, s); st.Documents != 0 || st.Triples != 0 || st.Entities != 0 || len(st.ByPredicate) != 0 {
		t.Errorf("stats after deleting all = %+v, want nothing", st)
	}
}

// coverage lists the store's edges by coverageLabel.
func coverage(t *testing.T, s Store) []string {
	t.Helper()
	edges, err := s.Edges(context.Background(), storage.Pattern{}, false)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range edges {
		got = append(got, coverageLabel(e))
	}
	return got
}

// coverageLabel names an edge with its support, sources and dates.
func coverageLabel(e graph.Edge) string {
	p := e.Predicate
	if e.Negated {
		p = "!" + p
	}
	return fmt.Sprintf("%s|%s|%s %d %d %s %s", e.Subject, p, e.Object, e.Support, e.Sources, e.First, e.Last)
}

func testEdgeCoverage(t *testing.T, s Store) {
	load(t, s)
	got := coverage(t, s)
	// d1 and d2 are from example.org, d3 from news.example.com.
	want := []string{
		"Emmanuel Macron|meets|Angela Merkel 3 2 2016-10-07 2016-11-02",
		"Angela Merkel|meets|Emmanuel Macron 1 1 2016-11-02 2016-11-02",
		"Emmanuel Macron|visits|Berlin 1 1 2016-10-07 2016-10-07",
		"Emmanuel Macron|visits|Paris 1 1 2016-11-02 2016-11-02",
		"Germany|considers|sanctions 1 1 2016-10-08 2016-10-08",
		"Germany|imposes sanctions on|Russia 1 1 2016-10-08 2016-10-08",
		"Germany|!imposes sanctions on|Russia 1 1 2016-10-07 2016-10-07",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Edges =\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// firstDay and lastDay return the first and last days of a date as
// --since and --until read it.
func firstDay(t *testing.T, date string) time.Time {
	t.Helper()
	d, _, err := graph.ParseDate(date)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func lastDay(t *testing.T, date string) time.Time {
	t.Helper()
	_, d, err := graph.ParseDate(date)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func testEdgesWhere(t *testing.T, s Store) {
	load(t, s)
	tests := []struct {
		name string
		p    storage.Pattern
		f    graph.Filter
		want []string
	}{
		{"stated", storage.Pattern{Object: russia}, graph.Filter{Polarity: graph.Stated}, []string{
			"Germany|imposes sanctions on|Russia 1 1 2016-10-08 2016-10-08",
		}},
		{"denied", storage.Pattern{Object: russia}, graph.Filter{Polarity: graph.Denied}, []string{
			"Germany|!imposes sanctions on|Russia 1 1 2016-10-07 2016-10-07",
		}},
		{"since", storage.Pattern{Predicate: "meets"}, graph.Filter{Since: firstDay(t, "2016-10-08")}, []string{
			"Emmanuel Macron|meets|Angela Merkel 2 2 2016-10-08 2016-11-02",
			"Angela Merkel|meets|Emmanuel Macron 1 1 2016-11-02 2016-11-02",
		}},
		{"until a month", storage.Pattern{Predicate: "meets"}, graph.Filter{Until: lastDay(t, "2016-10")}, []string{
			"Emmanuel Macron|meets|Angela Merkel 2 1 2016-10-07 2016-10-08",
		}},
		{"until a year", storage.Pattern{Predicate: "meets"}, graph.Filter{Until: lastDay(t, "2016")}, []string{
			"Emmanuel Macron|meets|Angela Merkel 3 2 2016-10-07 2016-11-02",
			"Angela Merkel|meets|Emmanuel Macron 1 1 2016-11-02 2016-11-02",
		}},
		{"lang", storage.Pattern{Subject: macron}, graph.Filter{Lang: "fr"}, []string{
			"Emmanuel Macron|meets|Angela Merkel 1 1 2016-10-08 2016-10-08",
		}},
		{"modality", storage.Pattern{}, graph.Filter{Modality: graph.Considered}, []string{
			"Germany|considers|sanctions 1 1 2016-10-08 2016-10-08",
			"Germany|imposes sanctions on|Russia 1 1 2016-10-08 2016-10-08",
		}},
		{"lemma", storage.Pattern{}, graph.Filter{Lemma: "LEMMA-VISITS"}, []string{
			"Emmanuel Macron|visits|Berlin 1 1 2016-10-07 2016-10-07",
			"Emmanuel Macron|visits|Paris 1 1 2016-11-02 2016-11-02",
		}},
		{"nothing passes", storage.Pattern{Subject: macron}, graph.Filter{Lang: "de"}, nil},
	}
	for _, tt := range tests {
		edges, err := s.EdgesWhere(context.Background(), tt.p, tt.f, true)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range edges {
			got = append(got, coverageLabel(e))
			for _, ev := range e.Evidence {
				if !tt.f.KeepsDate(ev.Date) || tt.f.Lang != "" && ev.Lang != tt.f.Lang {
					t.Errorf("%s: evidence %+v does not pass the filter", tt.name, ev)
				}
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: EdgesWhere(%v, %+v) =\n\t%s\nwant\n\t%s", tt.name, tt.p, tt.f, strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
		}
	}
}

func testSnapshot(t *testing.T, s Store) {
	ctx := context.Background()
	load(t, s)
	sn := s.Snapshot()
	defer sn.Close()
	// Writes after the snapshot are not in it.
	if err := s.DeleteDocument(ctx, "d1"); err != nil {
		t.Fatal(err)
	}
	if got, err := sn.Predicates(ctx, "MEETS"); err != nil || !slices.Equal(got, []string{"meets"}) {
		t.Errorf("Predicates(MEETS) = %q, %v", got, err)
	}
	if got, err := sn.Predicates(ctx, "meet"); err != nil || len(got) != 0 {
		t.Errorf("Predicates(meet) = %q, %v; want none", got, err)
	}
	if got, err := sn.Resolve(ctx, "macron"); err != nil || !slices.Equal(got, []string{macron}) {
		t.Errorf("Resolve(macron) = %q, %v", got, err)
	}
	counts := []struct {
		sel       storage.Select
		max, want int
	}{
		{storage.Select{}, 100, 10},
		{storage.Select{}, 4, 4},
		{storage.Select{Subject: macron}, 100, 6},
		{storage.Select{Predicate: "meets", Object: merkel}, 100, 4},
		{storage.Select{Subject: "macron"}, 100, 0}, // names are exact
	}
	for _, c := range counts {
		if got, err := sn.Count(ctx, c.sel, c.max); err != nil || got != c.want {
			t.Errorf("Count(%+v, %d) = %d, %v; want %d", c.sel, c.max, got, err, c.want)
		}
	}
	var rels []string
	err := sn.Relations(ctx, storage.Select{Subject: macron}, graph.Filter{Since: firstDay(t, "2016-10-08")}, func(k graph.Key, docs []string) error {
		rels = append(rels, fmt.Sprintf("%s|%s|%s %v", k.Subject, k.Predicate, k.Object, docs))
		return nil
	})
	if want := []string{"Emmanuel Macron|meets|Angela Merkel [d2 d3]", "Emmanuel Macron|visits|Paris [d3]"}; err != nil || !slices.Equal(rels, want) {
		t.Errorf("Relations = %q, %v; want %q", rels, err, want)
	}
	for _, c := range []struct {
		sel  storage.Select
		f    graph.Filter
		want []string
	}{
		{storage.Select{Predicate: "meets"}, graph.Filter{}, []string{
			"Emmanuel Macron|meets|Angela Merkel [d1 d2 d3]", "Angela Merkel|meets|Emmanuel Macron [d3]"}},
		{storage.Select{Object: russia}, graph.Filter{Polarity: graph.Denied}, []string{
			"Germany|imposes sanctions on|Russia [d1]"}},
		{storage.Select{Object: russia}, graph.Filter{Polarity: graph.Stated}, []string{
			"Germany|imposes sanctions on|Russia [d2]"}},
		{storage.Select{Subject: germany}, graph.Filter{Modality: graph.Considered}, []string{
			"Germany|considers|sanctions [d2]", "Germany|imposes sanctions on|Russia [d2]"}},
	} {
		rels = nil
		err := sn.Relations(ctx, c.sel, c.f, func(k graph.Key, docs []string) error {
			rels = append(rels, fmt.Sprintf("%s|%s|%s %v", k.Subject, k.Predicate, k.Object, docs))
			return nil
		})
		if err != nil || !slices.Equal(rels, c.want) {
			t.Errorf("Relations(%+v, %+v) = %q, %v; want %q", c.sel, c.f, rels, err, c.want)
		}
	}
	e, err := sn.Edge(ctx, graph.Key{Subject: macron, Predicate: "meets", Object: merkel}, graph.Filter{Lang: "en"}, true)
	if err != nil || coverageLabel(e) != "Emmanuel Macron|meets|Angela Merkel 2 2 2016-10-07 2016-11-02" || len(e.Evidence) != 3 {
		t.Errorf("Edge = %s with %d sentences, %v", coverageLabel(e), len(e.Evidence), err)
	}
	e, err = sn.Edge(ctx, graph.Key{Subject: macron, Predicate: "meets", Object: merkel, Negated: true}, graph.Filter{}, false)
	if err != nil || e.Support != 0 {
		t.Errorf("Edge of a denial never stated = %+v, %v", e, err)
	}
	c, err := sn.Coverage(ctx, []string{"d3", "d1", "d3", "d2"})
	if want := (storage.Coverage{Documents: 3, Sources: 2, First: "2016-10-07", Last: "2016-11-02"}); err != nil || c != want {
		t.Errorf("Coverage = %+v, %v; want %+v", c, err, want)
	}
}

func testPatterns(t *testing.T, s Store) {
	f := load(t, s)
	var (
		d1meets   = "Emmanuel Macron|meets|Angela Merkel|d1:1"
		d1visits  = "Emmanuel Macron|visits|Berlin|d1:1"
		d1imposes = "Germany|!imposes sanctions on|Russia|d1:2"
		d2meets   = "Emmanuel Macron|meets|Angela Merkel|d2:1"
		d2cons    = "Germany|considers|sanctions|d2:2"
		d2imposes = "Germany|imposes sanctions on|Russia|d2:2"
		d3meets1  = "Angela Merkel|meets|Emmanuel Macron|d3:1"
		d3meets2  = "Emmanuel Macron|meets|Angela Merkel|d3:2"
		d3meets3  = "Emmanuel Macron|meets|Angela Merkel|d3:3"
		d3visits  = "Emmanuel Macron|visits|Paris|d3:3"
	)
	sorted := func(ss ...string) []string { slices.Sort(ss); return ss }
	tests := []struct {
		p    storage.Pattern
		want []string
	}{
		// The eight combinations of bound fields.
		{storage.Pattern{}, sorted(d1meets, d1visits, d1imposes, d2meets, d2cons, d2imposes, d3meets1, d3meets2, d3meets3, d3visits)},
		{storage.Pattern{Subject: "macron"}, sorted(d1meets, d1visits, d2meets, d3meets2, d3meets3, d3visits)},
		{storage.Pattern{Predicate: "Meets"}, sorted(d1meets, d2meets, d3meets1, d3meets2, d3meets3)},
		{storage.Pattern{Object: "ANGELA MERKEL"}, sorted(d1meets, d2meets, d3meets2, d3meets3)},
		{storage.Pattern{Subject: macron, Predicate: "visits"}, sorted(d1visits, d3visits)},
		{storage.Pattern{Subject: "l’Allemagne", Object: russia}, sorted(d1imposes, d2imposes)},
		{storage.Pattern{Predicate: "imposes sanctions on", Object: "la russie"}, sorted(d1imposes, d2imposes)},
		{storage.Pattern{Subject: "Emmanuel-Macron", Predicate: "meets", Object: "Merkel"}, sorted(d1meets, d2meets, d3meets2, d3meets3)},
		// Names resolving to several entities, and to none.
		{storage.Pattern{Object: "paris"}, sorted(d3visits)},
		{storage.Pattern{Subject: "nobody"}, nil},
		{storage.Pattern{Predicate: "meet"}, nil},
		{storage.Pattern{Subject: merkel, Object: "Berlin"}, nil},
		// A prefix of a name is not the name.
		{storage.Pattern{Subject: "Emmanuel"}, nil},
	}
	for _, tt := range tests {
		got := labels(t, s, f, tt.p)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Triples(%v) =\n\t%q\nwant\n\t%q", tt.p, got, tt.want)
		}
	}
}

func testTripleFields(t *testing.T, s Store) {
	f := load(t, s)
	want := f.doc("d1").triples()[2]
	var got []graph.Triple
	err := s.Triples(context.Background(), storage.Pattern{Subject: germany, Object: russia, Predicate: "imposes sanctions on"},
		func(tr graph.Triple) error {
			if tr.Doc == "d1" {
				got = append(got, tr)
			}
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !reflect.DeepEqual(got[0], want) {
		t.Errorf("stored triple =\n\t%+v\nwant\n\t%+v", got, want)
	}
}

func testResolve(t *testing.T, s Store) {
	load(t, s)
	tests := []struct {
		name string
		want []string
	}{
		{"Emmanuel Macron", []string{macron}},
		{"macron", []string{macron}},
		{"EMMANUEL MACRON", []string{macron}},
		{"Emmanuel-Macron", []string{macron}},
		{"les autorites allemandes", []string{germany}},
		{"l’Allemagne", []string{germany}},
		{"Mme  Merkel", []string{merkel}},
		{"paris", []string{"Paris", "Paris Saint-Germain"}},
		{"psg", []string{"Paris Saint-Germain"}},
		{"SANCTIONS", []string{"sanctions"}},
		{"Emmanuel", nil},
		{"nobody", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got, err := s.Resolve(context.Background(), tt.name)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("Resolve(%q) = %q, %v; want %q", tt.name, got, err, tt.want)
		}
	}
}

func edgeLabel(e graph.Edge) string {
	p := e.Predicate
	if e.Negated {
		p = "!" + p
	}
	return fmt.Sprintf("%s/%s|%s|%s/%s %d %s", e.Subject, e.SubjectType, p, e.Object, e.ObjectType, e.Support, e.Modality)
}

func testEdges(t *testing.T, s Store) {
	load(t, s)
	tests := []struct {
		p    storage.Pattern
		want []string
	}{
		{storage.Pattern{}, []string{
			"Emmanuel Macron/PERSON|meets|Angela Merkel/PERSON 3 asserted",
			"Angela Merkel/PERSON|meets|Emmanuel Macron/PERSON 1 asserted",
			"Emmanuel Macron/PERSON|visits|Berlin/GPE 1 asserted",
			"Emmanuel Macron/PERSON|visits|Paris/GPE 1 asserted",
			"Germany/GPE|considers|sanctions/CONCEPT 1 considered",
			"Germany/GPE|imposes sanctions on|Russia/GPE 1 considered",
			"Germany/GPE|!imposes sanctions on|Russia/GPE 1 reported",
		}},
		{storage.Pattern{Object: "Russia"}, []string{
			"Germany/GPE|imposes sanctions on|Russia/GPE 1 considered",
			"Germany/GPE|!imposes sanctions on|Russia/GPE 1 reported",
		}},
		{storage.Pattern{Predicate: "meets"}, []string{
			"Emmanuel Macron/PERSON|meets|Angela Merkel/PERSON 3 asserted",
			"Angela Merkel/PERSON|meets|Emmanuel Macron/PERSON 1 asserted",
		}},
		{storage.Pattern{Subject: "nobody"}, nil},
	}
	for _, tt := range tests {
		edges, err := s.Edges(context.Background(), tt.p, false)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range edges {
			got = append(got, edgeLabel(e))
			if len(e.Evidence) != 0 {
				t.Errorf("Edges(%v, false): %s has evidence", tt.p, edgeLabel(e))
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Edges(%v) =\n\t%q\nwant\n\t%q", tt.p, got, tt.want)
		}
	}
}

func testEdgeEvidence(t *testing.T, s Store) {
	f := load(t, s)
	edges, err := s.Edges(context.Background(), storage.Pattern{Subject: "macron", Predicate: "meets"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(edges) != 1 || edges[0].Support != 3 || len(edges[0].Evidence) != 4 {
		t.Fatalf("Edges = %+v, want one edge with support 3 and 4 sentences", edges)
	}
	d1 := f.doc("d1")
	first := d1.triples()[0]
	want := graph.Evidence{Doc: "d1", Title: d1.doc.Title, Date: d1.doc.Date, URL: d1.doc.URL,
		Sentence: first.Sentence, Span: first.Span, Lang: "en", Confidence: 0.75,
		Source: "lemma-meets", Modality: graph.Asserted}
	if got := edges[0].Evidence[0]; got != want {
		t.Errorf("first evidence =\n\t%+v\nwant\n\t%+v", got, want)
	}
	var docs []string
	for _, e := range edges[0].Evidence {
		docs = append(docs, fmt.Sprintf("%s:%d", e.Doc, f.sentenceAt(e.Doc, e.Span.Start)))
	}
	if want := []string{"d1:1", "d2:1", "d3:2", "d3:3"}; !slices.Equal(docs, want) {
		t.Errorf("evidence from %q, want %q", docs, want)
	}
}

func statLabel(e storage.EntityStat) string {
	return fmt.Sprintf("%s/%s %q m%d d%d t%d", e.Name, e.Type, e.Aliases, e.Mentions, e.Documents, e.Triples)
}

func testEntities(t *testing.T, s Store) {
	load(t, s)
	all := []string{
		`Angela Merkel/PERSON ["Merkel" "Mme Merkel"] m5 d3 t2`,
		`Berlin/GPE [] m1 d1 t1`,
		`Emmanuel Macron/PERSON ["Macron"] m7 d3 t4`,
		`Germany/GPE ["l'Allemagne" "les autorités allemandes"] m3 d2 t3`,
		`Paris/GPE [] m1 d1 t1`,
		`Paris Saint-Germain/ORG ["PSG" "Paris"] m0 d1 t0`,
		`Russia/GPE ["la Russie"] m2 d2 t2`,
		`sanctions/CONCEPT [] m1 d1 t1`,
	}
	tests := []struct {
		typ  graph.EntityType
		want []string
	}{
		{"", all},
		{graph.GPE, []string{all[1], all[3], all[4], all[6]}},
		{graph.Person, []string{all[0], all[2]}},
		{graph.Org, []string{all[5]}},
		{graph.Event, nil},
	}
	for _, tt := range tests {
		var got []string
		err := s.Entities(context.Background(), tt.typ, func(e storage.EntityStat) error {
			got = append(got, statLabel(e))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Entities(%q) =\n\t%s\nwant\n\t%s", tt.typ, got, tt.want)
		}
	}
}

func testEntity(t *testing.T, s Store) {
	load(t, s)
	tests := []struct {
		name string
		want string
		err  error
	}{
		{macron, `Emmanuel Macron/PERSON ["Macron"] m7 d3 t4`, nil},
		{"mme merkel", `Angela Merkel/PERSON ["Merkel" "Mme Merkel"] m5 d3 t2`, nil},
		{"Paris", `Paris/GPE [] m1 d1 t1`, nil},
		{"paris", "", storage.ErrAmbiguous},
		{"nobody", "", storage.ErrNotFound},
	}
	for _, tt := range tests {
		e, err := s.Entity(context.Background(), tt.name)
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("Entity(%q) error = %v, want %v", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || statLabel(e) != tt.want {
			t.Errorf("Entity(%q) = %s, %v; want %s", tt.name, statLabel(e), err, tt.want)
		}
	}
}

func testStats(t *testing.T, s Store) {
	if got := stats(t, s); got.Documents != 0 || got.Triples != 0 || got.Entities != 0 {
		t.Errorf("empty store stats = %+v", got)
	}
	load(t, s)
	want := storage.Stats{
		Documents: 4, Extracted: 3, Triples: 10, Edges: 7, Entities: 8,
		ByLang:       map[string]int{"en": 2, "fr": 1, "de": 1},
		ByPredicate:  map[string]int{"meets": 5, "visits": 2, "imposes sanctions on": 2, "considers": 1},
		ByEntityType: map[graph.EntityType]int{graph.Person: 2, graph.GPE: 4, graph.Concept: 1, graph.Org: 1},
	}
	if got := stats(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("Stats =\n\t%+v\nwant\n\t%+v", got, want)
	}
}

func testInvalid(t *testing.T, s Store) {
	ctx := context.Background()
	ok := tr(macron, graph.Person, "meets", merkel, graph.Person, false, graph.Asserted)
	with := func(f func(*graph.Triple)) []graph.Triple {
		t2 := ok
		f(&t2)
		return []graph.Triple{ok, t2}
	}
	tests := []struct {
		name     string
		doc      graph.Document
		entities []graph.Entity
		triples  []graph.Triple
	}{
		{"empty id", graph.Document{}, nil, nil},
		{"NUL in id", graph.Document{ID: "a\x00b"}, nil, nil},
		{"other document", graph.Document{ID: "x"}, nil, with(func(t *graph.Triple) { t.Doc = "y" })},
		{"empty predicate", graph.Document{ID: "x"}, nil, with(func(t *graph.Triple) { t.Predicate = "" })},
		{"empty object", graph.Document{ID: "x"}, nil, with(func(t *graph.Triple) { t.Object = "" })},
		{"NUL in subject", graph.Document{ID: "x"}, nil, with(func(t *graph.Triple) { t.Subject = "a\x00" })},
		{"long subject", graph.Document{ID: "x"}, nil, with(func(t *graph.Triple) { t.Subject = strings.Repeat("a", 5000) })},
		{"empty entity", graph.Document{ID: "x"}, []graph.Entity{{Type: graph.Person}}, nil},
		{"NUL in alias", graph.Document{ID: "x"}, []graph.Entity{{Name: "a", Aliases: []string{"\x00"}}}, nil},
	}
	for _, tt := range tests {
		if _, err := s.PutDocument(ctx, tt.doc, tt.entities, tt.triples); err == nil {
			t.Errorf("%s: PutDocument succeeded", tt.name)
		}
	}
	if st := stats(t, s); st.Documents != 0 || st.Triples != 0 || st.Entities != 0 {
		t.Errorf("invalid documents left records: %+v", st)
	}
}

func testConcurrent(t *testing.T, s Store) {
	const writers, docs = 4, 10
	var wg sync.WaitGroup
	errs := make(chan error, writers*docs)
	for w := range writers {
		wg.Go(func() {
			for i := range docs {
				id := fmt.Sprintf("w%d-%d", w, i)
				// Every writer names the same entities, so their counters
				// are updated concurrently.
				triples := []graph.Triple{
					tr(macron, graph.Person, "meets", merkel, graph.Person, false, graph.Asserted),
					tr(fmt.Sprintf("Person %d", i), graph.Person, "visits", "Berlin", graph.GPE, false, graph.Asserted),
				}
				_, err := s.PutDocument(context.Background(), graph.Document{ID: id, Text: id}, nil, triples)
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	st := stats(t, s)
	if st.Documents != writers*docs || st.Triples != 2*writers*docs || st.Entities != 3+docs {
		t.Errorf("stats = %+v, want %d documents, %d triples, %d entities", st, writers*docs, 2*writers*docs, 3+docs)
	}
	e, err := s.Entity(context.Background(), "Berlin")
	if err != nil || e.Documents != writers*docs || e.Mentions != writers*docs {
		t.Errorf("Entity(Berlin) = %+v, %v", e, err)
	}
}

func testCanceled(t *testing.T, s Store) {
	load(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := s.Triples(ctx, storage.Pattern{}, func(graph.Triple) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Triples with canceled context: %v", err)
	}
	if _, err := s.Edges(ctx, storage.Pattern{}, true); !errors.Is(err, context.Canceled) {
		t.Errorf("Edges with canceled context: %v", err)
	}
	if _, err := s.PutDocument(ctx, graph.Document{ID: "late"}, nil, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("PutDocument with canceled context: %v", err)
	}
}
