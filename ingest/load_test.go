package ingest

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/shard"
	"github.com/kgraph/kg/storage"
)

func dumpStore(t *testing.T, st *storage.Store) string {
	t.Helper()
	var b strings.Builder
	if err := st.Dump(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestLoad writes the test corpus as a shard while storing it, loads the
// shard into another store and compares every record of the two.
func TestLoad(t *testing.T) {
	ctx := context.Background()
	x := newExtractor(t)
	dir := copyCorpus(t)
	want := openStore(t)
	var sh bytes.Buffer
	w := shard.NewWriter(&sh)
	if _, err := Run(ctx, []string{dir}, x, want, Options{EmitDocument: w.Write, Workers: 2}); err != nil {
		t.Fatal(err)
	}
	got := openStore(t)
	sum, err := Load(ctx, []string{"-"}, got, LoadOptions{Stdin: bytes.NewReader(sh.Bytes())})
	if err != nil {
		t.Fatal(err)
	}
	if c := countsOf(sum); c != (counts{Documents: len(docIDs), Added: len(docIDs), Unsupported: 1}) || len(sum.Skipped) > 0 {
		t.Errorf("load: %+v, skipped %s", c, formatSkips(sum.Skipped))
	}
	if g, w := dumpStore(t, got), dumpStore(t, want); g != w {
		t.Errorf("the loaded store differs from the extracted one:\n%s\nwant\n%s", g, w)
	}
}

// TestLoadRefuses checks the documents Load skips, and that the others go
// in: a duplicate id, another fingerprint than the store's, a document
// the store finds invalid.
func TestLoadRefuses(t *testing.T) {
	ctx := context.Background()
	doc := func(id, lang, fp string, subject string) shard.Document {
		return shard.Document{
			Document: graph.Document{ID: id, Lang: lang, Hash: "h-" + id, Extraction: fp},
			Triples: []graph.Triple{{Subject: subject, SubjectType: graph.Person, Predicate: "meets",
				Object: "Carl Dunn", ObjectType: graph.Person, Modality: graph.Asserted, Doc: id,
				Sentence: subject + " met Carl Dunn.", Span: graph.Span{End: 20}, Lang: lang, Confidence: 0.5}},
		}
	}
	var sh bytes.Buffer
	w := shard.NewWriter(&sh)
	for _, d := range []shard.Document{
		doc("a", "en", "f1", "Anna Berg"),
		doc("b", "en", "f2", "Anna Berg"),    // another fingerprint than the store's en
		doc("a", "en", "f1", "Anna Berg"),    // a again
		doc("c", "fr", "f3", "Anna Berg"),    // no fr in the store: f3 is fr's now
		doc("d", "fr", "f4", "Anna Berg"),    // not f3
		doc("e", "en", "f1", "Anna\x00Berg"), // no NUL in names
		doc("f", "en", "f1", "Eva Holm"),
	} {
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name  string
		opts  LoadOptions
		added int
		skips []Skip
	}{
		{"refusing", LoadOptions{Fingerprints: map[string]string{"en": "f1"}}, 3, []Skip{
			{Path: "stdin", Line: 3, Doc: "b", Reason: "extracted with other models or settings (fingerprint f2) than the en documents before it in the store or the shards (f1)"},
			{Path: "stdin", Line: 5, Doc: "a", Reason: `duplicate document id: "a", first read at stdin:1, which is kept`},
			{Path: "stdin", Line: 9, Doc: "d", Reason: "(fingerprint f4) than the fr documents before it in the store or the shards (f3)"},
			{Path: "stdin", Line: 11, Doc: "e", Reason: "invalid document"},
		}},
		{"mixed", LoadOptions{Fingerprints: map[string]string{"en": "f1"}, Mixed: true}, 5, []Skip{
			{Path: "stdin", Line: 5, Doc: "a", Reason: "duplicate document id"},
			{Path: "stdin", Line: 11, Doc: "e", Reason: "invalid document"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.Stdin = bytes.NewReader(sh.Bytes())
			sum, err := Load(ctx, []string{"-"}, openStore(t), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Added != tt.added {
				t.Errorf("%d added, want %d", sum.Added, tt.added)
			}
			checkSkips(t, sum.Skipped, tt.skips)
		})
	}
}

// lister lists documents of given languages and fingerprints.
type lister []graph.Document

func (l lister) Documents(ctx context.Context, fn func(storage.DocumentInfo) error) error {
	for _, d := range l {
		if err := fn(storage.DocumentInfo{Document: d}); err != nil {
			return err
		}
	}
	return nil
}

func TestFingerprints(t *testing.T) {
	docs := lister{
		{Lang: "en", Extraction: "b"}, {Lang: "en", Extraction: "a"}, {Lang: "en", Extraction: "b"},
		{Lang: "fr", Extraction: "d"}, {Lang: "fr", Extraction: "c"},
		{Lang: "de"}, // not extracted
	}
	got, err := Fingerprints(context.Background(), docs)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got["en"] != "b" || got["fr"] != "c" {
		t.Errorf("Fingerprints = %v, want en b (most), fr c (first of a tie)", got)
	}
	if _, err := Fingerprints(context.Background(), failingLister{}); !errors.Is(err, errList) {
		t.Errorf("Fingerprints of a failing store: %v", err)
	}
}

var errList = errors.New("cannot list")

type failingLister struct{}

func (failingLister) Documents(context.Context, func(storage.DocumentInfo) error) error {
	return errList
}
