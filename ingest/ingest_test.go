package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

// corpus is the test corpus (see testdata/SOURCES.md). Read in lexical
// order, it gives these documents, the German one not extracted:
//
//	de-wahl.txt en-summit.txt fr-visite.txt page.html wire-1 wire-3 wire-6
//
// and these skips: empty.txt (empty), latin1.txt (invalid UTF-8),
// wire.jsonl:2 (malformed JSON), wire.jsonl:5 (empty text).
var corpus = filepath.Join("testdata", "corpus")

// docIDs are the ids of the corpus's documents, in reading order.
var docIDs = []string{"de-wahl.txt", "en-summit.txt", "fr-visite.txt", "page.html", "wire-1", "wire-3", "wire-6"}

// corpusSkips are the inputs of the corpus that do not go in, with part
// of the reason, for a corpus under dir.
func corpusSkips(dir string) []Skip {
	return []Skip{
		{Path: filepath.Join(dir, "empty.txt"), Reason: "empty document"},
		{Path: filepath.Join(dir, "latin1.txt"), Reason: "invalid UTF-8"},
		{Path: filepath.Join(dir, "wire.jsonl"), Line: 2, Reason: "malformed JSON"},
		{Path: filepath.Join(dir, "wire.jsonl"), Line: 5, Reason: "empty document"},
	}
}

func newExtractor(t testing.TB) *extract.Extractor {
	t.Helper()
	x, err := extract.New(extract.Options{Languages: []string{"fr", "en"}, CapitalAsState: true})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func openStore(t testing.TB) *storage.Store {
	t.Helper()
	st, err := storage.Open("", storage.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// copyCorpus copies the corpus to a temporary directory that a test may
// change.
func copyCorpus(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "corpus")
	if err := os.CopyFS(dir, os.DirFS(corpus)); err != nil {
		t.Fatal(err)
	}
	return dir
}

// contents is all a store holds: its documents and its edges with their
// evidence.
type contents struct {
	Docs  []storage.DocumentInfo
	Edges []graph.Edge
}

func storeContents(t *testing.T, st *storage.Store) contents {
	t.Helper()
	ctx := context.Background()
	var c contents
	err := st.Documents(ctx, func(d storage.DocumentInfo) error {
		c.Docs = append(c.Docs, d)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if c.Edges, err = st.Edges(ctx, storage.Pattern{}, true); err != nil {
		t.Fatal(err)
	}
	return c
}

func (c contents) ids() []string {
	var ids []string
	for _, d := range c.Docs {
		ids = append(ids, d.ID)
	}
	slices.Sort(ids)
	return ids
}

// triples counts the triples stored, one per evidence of each edge.
func (c contents) triples() int {
	n := 0
	for _, e := range c.Edges {
		n += len(e.Evidence)
	}
	return n
}

// counts is the part of a Summary that a test can state exactly.
type counts struct {
	Documents, Added, Replaced, Unchanged, Unsupported int
}

func countsOf(s Summary) counts {
	return counts{s.Documents, s.Added, s.Replaced, s.Unchanged, s.Unsupported}
}

// checkSkips compares skips with want, whose Reason need only be part of
// the reason given.
func checkSkips(t *testing.T, got, want []Skip) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		g, w := got[i], want[i]
		ok = g.Path == w.Path && g.Line == w.Line && g.Doc == w.Doc && strings.Contains(g.Reason, w.Reason)
	}
	if !ok {
		t.Errorf("skipped:\n%s\nwant:\n%s", formatSkips(got), formatSkips(want))
	}
}

func formatSkips(ss []Skip) string {
	var b strings.Builder
	for _, s := range ss {
		fmt.Fprintf(&b, "\t%s:%d doc %q: %s\n", s.Path, s.Line, s.Doc, s.Reason)
	}
	return b.String()
}

// TestRun runs the corpus into one store again and again, changing it
// between runs, and checks what each run counts and the store holds.
func TestRun(t *testing.T) {
	x := newExtractor(t)
	st := openStore(t)
	dir := copyCorpus(t)
	edit := func(name, text string) func(t *testing.T) {
		return func(t *testing.T) {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	appendLine := func(t *testing.T) {
		f, err := os.OpenFile(filepath.Join(dir, "wire.jsonl"), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString(`{"id":"wire-7","text":"Italian Prime Minister Mario Monti visited Berlin on Thursday."}` + "\n"); err != nil {
			t.Fatal(err)
		}
	}
	const newSummit = "Canadian Prime Minister Stephen Harper met Mexican President Felipe Calderón in Ottawa on Monday.\n"
	steps := []struct {
		name      string
		change    func(t *testing.T)
		want      counts
		extracted bool     // some document was extracted
		docs      []string // ids in the store afterwards
	}{
		{"first", nil, counts{Documents: 7, Added: 7, Unsupported: 1}, true, docIDs},
		{"again", nil, counts{Documents: 7, Unchanged: 7}, false, docIDs},
		{"edited", edit("en-summit.txt", newSummit), counts{Documents: 7, Replaced: 1, Unchanged: 6}, true, docIDs},
		{"German edited", edit("de-wahl.txt", "Die Regierung in Berlin hat am Montag einen neuen Haushalt für das nächste Jahr vorgestellt, sagte der Sprecher.\n"),
			counts{Documents: 7, Replaced: 1, Unchanged: 6, Unsupported: 1}, false, docIDs},
		{"line added", appendLine, counts{Documents: 8, Added: 1, Unchanged: 7}, true, append(slices.Clone(docIDs), "wire-7")},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			if step.change != nil {
				step.change(t)
			}
			before := storeContents(t, st)
			var warnings []string
			opts := Options{Warn: func(err error) { warnings = append(warnings, err.Error()) }}
			sum, err := Run(context.Background(), []string{dir}, x, st, opts)
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			if got := countsOf(sum); got != step.want {
				t.Errorf("counts %+v, want %+v", got, step.want)
			}
			checkSkips(t, sum.Skipped, corpusSkips(dir))
			// One warning a skip, and one a document stored unextracted.
			if len(warnings) != len(sum.Skipped)+sum.Unsupported {
				t.Errorf("%d warnings for %d skips and %d unsupported:\n%s", len(warnings), len(sum.Skipped), sum.Unsupported, strings.Join(warnings, "\n"))
			}
			if sum.Unsupported > 0 && !slices.ContainsFunc(warnings, func(w string) bool {
				return strings.Contains(w, "de-wahl.txt") && strings.Contains(w, `language "de" is not extracted`)
			}) {
				t.Errorf("no warning that de-wahl.txt was not extracted:\n%s", strings.Join(warnings, "\n"))
			}
			if step.extracted != (sum.Sentences > 0 && sum.Tokens > 0) {
				t.Errorf("%d sentences, %d tokens extracted; want some: %v", sum.Sentences, sum.Tokens, step.extracted)
			}
			after := storeContents(t, st)
			if got := after.ids(); !slices.Equal(got, step.docs) {
				t.Errorf("store holds %q, want %q", got, step.docs)
			}
			if step.want.Added+step.want.Replaced == 0 && !reflect.DeepEqual(before, after) {
				t.Errorf("a run that changed nothing changed the store")
			}
			if step.name == "first" {
				if sum.Triples == 0 || sum.Triples != after.triples() {
					t.Errorf("%d triples extracted, %d stored", sum.Triples, after.triples())
				}
				for _, d := range after.Docs {
					if (d.Skipped != "") != (d.ID == "de-wahl.txt") {
						t.Errorf("document %s stored with skip reason %q", d.ID, d.Skipped)
					}
				}
			}
		})
	}
	// The edited document's old triples are gone, its new ones there.
	var subjects []string
	for _, e := range storeContents(t, st).Edges {
		for _, ev := range e.Evidence {
			if ev.Doc == "en-summit.txt" {
				subjects = append(subjects, e.Subject)
			}
		}
	}
	if slices.Contains(subjects, "David Cameron") || !slices.Contains(subjects, "Stephen Harper") {
		t.Errorf("subjects of the edited document: %q; want Stephen Harper, not David Cameron", subjects)
	}
}

// tripleID is what identifies a triple in the store, for comparing what
// Emit is given with what is stored.
type tripleID struct {
	Doc, Subject, Predicate, Object string
	Negated                         bool
	Span                            graph.Span
	Sentence                        string
}

func storedTriples(t *testing.T, st *storage.Store) []tripleID {
	t.Helper()
	var ids []tripleID
	for _, e := range storeContents(t, st).Edges {
		for _, ev := range e.Evidence {
			ids = append(ids, tripleID{ev.Doc, e.Subject, e.Predicate, e.Object, e.Negated, ev.Span, ev.Sentence})
		}
	}
	return sortIDs(ids)
}

func sortIDs(ids []tripleID) []tripleID {
	slices.SortFunc(ids, func(a, b tripleID) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	return ids
}

// TestEmit checks that Emit is given every triple, also those of
// documents already stored, and that NoStore writes nothing.
func TestEmit(t *testing.T) {
	x := newExtractor(t)
	ref := openStore(t)
	if _, err := Run(context.Background(), []string{corpus}, x, ref, Options{}); err != nil {
		t.Fatal(err)
	}
	want := storedTriples(t, ref)
	tests := []struct {
		name    string
		store   func(t *testing.T) Store // nil: none
		noStore bool
		counts  counts
	}{
		{"new store", func(t *testing.T) Store { return openStore(t) }, false,
			counts{Documents: 7, Added: 7, Unsupported: 1}},
		{"all stored", func(t *testing.T) Store { return ref }, false,
			counts{Documents: 7, Unchanged: 7, Unsupported: 1}},
		{"no store", func(t *testing.T) Store { return refuse{t} }, true,
			counts{Documents: 7, Unsupported: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []tripleID
			opts := Options{NoStore: tt.noStore, Emit: func(tr graph.Triple) error {
				got = append(got, tripleID{tr.Doc, tr.Subject, tr.Predicate, tr.Object, tr.Negated, tr.Span, tr.Sentence})
				return nil
			}}
			st := tt.store(t)
			sum, err := Run(context.Background(), []string{corpus}, x, st, opts)
			if err != nil {
				t.Fatal(err)
			}
			if c := countsOf(sum); c != tt.counts {
				t.Errorf("counts %+v, want %+v", c, tt.counts)
			}
			if sum.Triples != len(got) {
				t.Errorf("summary counts %d triples, %d emitted", sum.Triples, len(got))
			}
			if got = sortIDs(got); !slices.Equal(got, want) {
				t.Errorf("emitted %d triples:\n%v\nwant the %d stored:\n%v", len(got), got, len(want), want)
			}
			if s, ok := st.(*storage.Store); ok {
				if stored := storedTriples(t, s); !slices.Equal(stored, want) {
					t.Errorf("store holds %d triples, want %d", len(stored), len(want))
				}
			}
		})
	}
	t.Run("emit fails", func(t *testing.T) {
		st := openStore(t)
		errEmit := errors.New("disk full")
		sum, err := Run(context.Background(), []string{corpus}, x, st, Options{Emit: func(graph.Triple) error { return errEmit }})
		if !errors.Is(err, errEmit) {
			t.Fatalf("Run: %v, want %v", err, errEmit)
		}
		// The German document has no triples to emit; the next fails.
		if sum.Documents != 2 || sum.Added != 1 {
			t.Errorf("counts %+v, want 2 documents read, 1 added", countsOf(sum))
		}
	})
}

// refuse is a Store that must not be used.
type refuse struct{ t *testing.T }

func (r refuse) HasDocument(ctx context.Context, doc graph.Document) (bool, error) {
	r.t.Errorf("HasDocument(%s) with NoStore", doc.ID)
	return false, nil
}

func (r refuse) PutDocument(ctx context.Context, doc graph.Document, _ []graph.Entity, _ []graph.Triple) (storage.PutResult, error) {
	r.t.Errorf("PutDocument(%s) with NoStore", doc.ID)
	return storage.Added, nil
}

func (r refuse) PutSkipped(ctx context.Context, doc graph.Document, reason string) (storage.PutResult, error) {
	r.t.Errorf("PutSkipped(%s) with NoStore", doc.ID)
	return storage.Added, nil
}

// cancelling is an Extractor that cancels the run when asked for its
// n-th document (1-based), then extracts it with the cancelled context.
type cancelling struct {
	x      Extractor
	n      int
	cancel context.CancelFunc
	calls  int
}

func (c *cancelling) Identify(doc *graph.Document) { c.x.Identify(doc) }

func (c *cancelling) Extract(ctx context.Context, doc *graph.Document) (extract.Result, error) {
	c.calls++
	if c.calls == c.n {
		c.cancel()
	}
	return c.x.Extract(ctx, doc)
}

// TestCancel cancels a run at each document in turn and checks that the
// run returns the context's error with what it did so far, and that a
// second run completes the store as one uninterrupted run would have.
func TestCancel(t *testing.T) {
	x := newExtractor(t)
	ref := openStore(t)
	if _, err := Run(context.Background(), []string{corpus}, x, ref, Options{}); err != nil {
		t.Fatal(err)
	}
	want := storeContents(t, ref)
	// at 0 is a context cancelled before the run.
	for at := 0; at <= len(docIDs); at++ {
		t.Run(fmt.Sprintf("at %d", at), func(t *testing.T) {
			st := openStore(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if at == 0 {
				cancel()
			}
			// One worker: the documents before the cancelled one are all
			// extracted, and so stored; with more, fewer may be.
			sum, err := Run(ctx, []string{corpus}, &cancelling{x: x, n: at, cancel: cancel}, st, Options{Workers: 1})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Run: %v, want %v", err, context.Canceled)
			}
			// The document being extracted when cancelled is not stored.
			stored := max(at-1, 0)
			if sum.Documents != at || sum.Added != stored {
				t.Errorf("cancelled run: %+v, want %d documents read and %d added", countsOf(sum), at, stored)
			}
			if got := storeContents(t, st).ids(); !slices.Equal(got, sortedPrefix(stored)) {
				t.Errorf("cancelled run stored %q", got)
			}
			sum, err = Run(context.Background(), []string{corpus}, x, st, Options{})
			if err != nil {
				t.Fatalf("second Run: %v", err)
			}
			if sum.Added != len(docIDs)-stored || sum.Unchanged != stored {
				t.Errorf("second run: %+v, want %d added and %d unchanged", countsOf(sum), len(docIDs)-stored, stored)
			}
			if got := storeContents(t, st); !reflect.DeepEqual(got, want) {
				t.Errorf("store after resuming differs from one run's:\n%+v\nwant:\n%+v", got, want)
			}
		})
	}
}

// sortedPrefix returns the ids of the first n documents, sorted.
func sortedPrefix(n int) []string {
	ids := slices.Clone(docIDs[:n])
	slices.Sort(ids)
	if len(ids) == 0 {
		return nil
	}
	return ids
}

// failing is an Extractor that fails on one document.
type failing struct {
	x   Extractor
	doc string
	err error
}

func (f failing) Identify(doc *graph.Document) { f.x.Identify(doc) }

func (f failing) Extract(ctx context.Context, doc *graph.Document) (extract.Result, error) {
	if doc.ID == f.doc {
		return extract.Result{}, f.err
	}
	return f.x.Extract(ctx, doc)
}

// TestExtractError checks that a document extraction fails on is skipped
// with a warning naming it, and the others go in.
func TestExtractError(t *testing.T) {
	x := newExtractor(t)
	for _, id := range []string{"de-wahl.txt", "fr-visite.txt", "wire-6"} {
		t.Run(id, func(t *testing.T) {
			st := openStore(t)
			var warnings []error
			opts := Options{Warn: func(err error) { warnings = append(warnings, err) }}
			errRule := errors.New("rule failed")
			sum, err := Run(context.Background(), []string{corpus}, failing{x, id, errRule}, st, opts)
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			unsupported := 1
			if id == "de-wahl.txt" {
				unsupported = 0
			}
			want := counts{Documents: 7, Added: 6, Unsupported: unsupported}
			if c := countsOf(sum); c != want {
				t.Errorf("counts %+v, want %+v", c, want)
			}
			var path string
			if id == "wire-6" {
				path = filepath.Join(corpus, "wire.jsonl")
			} else {
				path = filepath.Join(corpus, id)
			}
			skip := Skip{Path: path, Doc: id, Reason: errRule.Error()}
			if id == "wire-6" {
				skip.Line = 6
			}
			skips := append(corpusSkips(corpus), skip)
			slices.SortStableFunc(skips, func(a, b Skip) int {
				return cmpPos(a, b)
			})
			checkSkips(t, sum.Skipped, skips)
			if !slices.ContainsFunc(warnings, func(w error) bool {
				return errors.Is(w, errRule) && strings.Contains(w.Error(), id)
			}) {
				t.Errorf("no warning naming %s and wrapping %v in %q", id, errRule, warnings)
			}
			want2 := slices.DeleteFunc(slices.Clone(docIDs), func(s string) bool { return s == id })
			slices.Sort(want2)
			if got := storeContents(t, st).ids(); !slices.Equal(got, want2) {
				t.Errorf("store holds %q, want %q", got, want2)
			}
		})
	}
}

// cmpPos orders skips as the reader meets them: by path, then line.
func cmpPos(a, b Skip) int {
	if c := strings.Compare(a.Path, b.Path); c != 0 {
		return c
	}
	return a.Line - b.Line
}

// broken is a Store whose method fails on one document.
type broken struct {
	*storage.Store
	method, doc string
	err         error
}

func (b broken) HasDocument(ctx context.Context, doc graph.Document) (bool, error) {
	if b.method == "HasDocument" && doc.ID == b.doc {
		return false, b.err
	}
	return b.Store.HasDocument(ctx, doc)
}

func (b broken) PutDocument(ctx context.Context, doc graph.Document, es []graph.Entity, ts []graph.Triple) (storage.PutResult, error) {
	if b.method == "PutDocument" && doc.ID == b.doc {
		return 0, b.err
	}
	return b.Store.PutDocument(ctx, doc, es, ts)
}

func (b broken) PutSkipped(ctx context.Context, doc graph.Document, reason string) (storage.PutResult, error) {
	if b.method == "PutSkipped" && doc.ID == b.doc {
		return 0, b.err
	}
	return b.Store.PutSkipped(ctx, doc, reason)
}

// TestStoreError checks that a run stops at the first store failure with
// an error naming the document, having stored the documents before it.
func TestStoreError(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		method, doc string
		before      int // documents stored before it
	}{
		{"PutDocument", "page.html", 3},
		{"PutDocument", "wire-6", 6},
		{"HasDocument", "en-summit.txt", 1},
		{"PutSkipped", "de-wahl.txt", 0},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.doc, func(t *testing.T) {
			st := openStore(t)
			errDisk := errors.New("disk failure")
			sum, err := Run(context.Background(), []string{corpus}, x, broken{st, tt.method, tt.doc, errDisk}, Options{})
			if !errors.Is(err, errDisk) || !strings.Contains(err.Error(), tt.doc) {
				t.Fatalf("Run: %v; want an error naming %s and wrapping %v", err, tt.doc, errDisk)
			}
			if sum.Documents != tt.before+1 || sum.Added != tt.before {
				t.Errorf("counts %+v, want %d documents read, %d added", countsOf(sum), tt.before+1, tt.before)
			}
			if sum.Unsupported != 0 && tt.doc == "de-wahl.txt" {
				t.Errorf("the German document counted unsupported (stored) but not stored")
			}
			if got := storeContents(t, st).ids(); !slices.Equal(got, sortedPrefix(tt.before)) {
				t.Errorf("store holds %q, want %q", got, sortedPrefix(tt.before))
			}
		})
	}
}

// TestTotalBytes checks the size estimate of the progress line, which
// must not follow a link back up the tree.
func TestTotalBytes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "12345")
	write("sub/b.jsonl", "1234567")
	write(".hidden/c.txt", "123")
	// Following this link, as the estimate once did, counted the tree
	// 40 times over (until ELOOP); two such links took forever.
	if err := os.Symlink(".", filepath.Join(dir, "loop")); err != nil {
		t.Skipf("no symbolic links: %v", err)
	}
	tests := []struct {
		paths []string
		want  int64
	}{
		{[]string{dir}, 12},
		{[]string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "sub")}, 12},
		{[]string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "missing")}, 5},
		{[]string{filepath.Join(dir, "a.txt"), "-"}, 0},
		{nil, 0},
	}
	for _, tt := range tests {
		if got := totalBytes(tt.paths); got != tt.want {
			t.Errorf("totalBytes(%q) = %d, want %d", tt.paths, got, tt.want)
		}
	}
}

// TestWorkersSameStore runs the corpus with one and with four workers:
// the stores must be the same.
func TestWorkersSameStore(t *testing.T) {
	x := newExtractor(t)
	var stores []any
	for _, n := range []int{1, 4} {
		st := openStore(t)
		if _, err := Run(context.Background(), []string{corpus}, x, st, Options{Workers: n}); err != nil {
			t.Fatal(err)
		}
		stores = append(stores, storeContents(t, st))
	}
	if !reflect.DeepEqual(stores[0], stores[1]) {
		t.Errorf("the store of 4 workers differs from one worker's")
	}
}

// TestReadAgain runs the corpus into one store with extractors that read
// it differently: a document stored from the same text is extracted again,
// replacing its triples, when its language or the extraction changed, and
// once when it was stored before kg kept fingerprints.
func TestReadAgain(t *testing.T) {
	st := openStore(t)
	with := func(opts extract.Options) Extractor {
		opts.Languages, opts.CapitalAsState = []string{"fr", "en"}, true
		x, err := extract.New(opts)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	detect := with(extract.Options{})
	// forget makes each document look stored by an older kg: same text
	// and language, no fingerprint.
	forget := func(t *testing.T) {
		ctx := context.Background()
		var docs []storage.DocumentInfo
		if err := st.Documents(ctx, func(d storage.DocumentInfo) error { docs = append(docs, d); return nil }); err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			d.Extraction = ""
			var err error
			if d.Skipped != "" {
				_, err = st.PutSkipped(ctx, d.Document, d.Skipped)
			} else {
				_, err = st.PutDocument(ctx, d.Document, nil, nil)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	steps := []struct {
		name   string
		x      Extractor
		before func(t *testing.T)
		want   counts
	}{
		// A wrong --lang: stored, not extracted.
		{"as German", with(extract.Options{Lang: "de"}), nil, counts{Documents: 7, Added: 7, Unsupported: 7}},
		{"detected", detect, nil, counts{Documents: 7, Replaced: 6, Unchanged: 1}},
		{"again", detect, nil, counts{Documents: 7, Unchanged: 7}},
		{"by the rules", with(extract.Options{Relations: "rules"}), nil, counts{Documents: 7, Replaced: 6, Unchanged: 1}},
		{"stricter", with(extract.Options{Relations: "rules", MinConfidence: 0.9}), nil, counts{Documents: 7, Replaced: 6, Unchanged: 1}},
		{"stored before fingerprints", detect, forget, counts{Documents: 7, Replaced: 6, Unchanged: 1}},
		{"after", detect, nil, counts{Documents: 7, Unchanged: 7}},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			if step.before != nil {
				step.before(t)
			}
			sum, err := Run(context.Background(), []string{corpus}, step.x, st, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := countsOf(sum); got != step.want {
				t.Errorf("counts %+v, want %+v", got, step.want)
			}
			ctx := context.Background()
			info, err := st.Document(ctx, "en-summit.txt")
			if err != nil {
				t.Fatal(err)
			}
			want := graph.Document{Lang: "en"}
			step.x.Identify(&want)
			if info.Lang != want.Lang || info.Extraction != want.Extraction {
				t.Errorf("en-summit.txt stored as %s/%s, want %s/%s", info.Lang, info.Extraction, want.Lang, want.Extraction)
			}
		})
	}
}
