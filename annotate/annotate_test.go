package annotate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/reader"
	"github.com/kgraph/kg/extract/relmodel"
	"github.com/kgraph/kg/graph"
)

// corpus writes n invented documents, d0 … d(n-1), as JSON Lines.
func corpus(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"id":"d%d","lang":"en","text":"Ada Pell met Ben Ostrow in town number %d."}`+"\n", i, i)
	}
	p := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func ids(docs []graph.Document) []string {
	var out []string
	for _, d := range docs {
		out = append(out, d.ID)
	}
	return out
}

func TestSample(t *testing.T) {
	path := corpus(t, 20)
	read := func(n int) []string {
		t.Helper()
		docs, err := Sample(context.Background(), []string{path}, n, reader.Options{}, nil, func(w reader.Warning) { t.Errorf("warning %v", w) })
		if err != nil {
			t.Fatal(err)
		}
		return ids(docs)
	}
	all := read(0)
	if len(all) != 20 || all[0] != "d0" || all[19] != "d19" {
		t.Fatalf("Sample(0) = %q, want every document in reading order", all)
	}
	prev := []string{}
	for _, n := range []int{1, 3, 8, 20, 50} {
		got := read(n)
		if len(got) != min(n, 20) {
			t.Errorf("Sample(%d) has %d documents", n, len(got))
		}
		// In reading order, and a larger sample keeps a smaller one's.
		if !slices.IsSortedFunc(got, func(a, b string) int { return slices.Index(all, a) - slices.Index(all, b) }) {
			t.Errorf("Sample(%d) = %q: not in reading order", n, got)
		}
		for _, id := range prev {
			if !slices.Contains(got, id) {
				t.Errorf("Sample(%d) = %q lacks %s of the smaller sample", n, got, id)
			}
		}
		if again := read(n); !slices.Equal(again, got) {
			t.Errorf("Sample(%d) = %q, then %q", n, got, again)
		}
		prev = got
	}
}

// fake annotates "dK" with K annotations; ids in fail fail, ids in skip
// are in a language it does not read.
type fake struct {
	fail, skip map[string]bool
}

func (f fake) Annotate(ctx context.Context, doc *graph.Document) ([]relmodel.Annotation, extract.Result, error) {
	var res extract.Result
	res.LLM.Usage.PromptTokens, res.LLM.Usage.CompletionTokens = 100, 10
	if f.fail[doc.ID] {
		return nil, res, errors.New("no usable answer")
	}
	if f.skip[doc.ID] {
		res.Skipped = "language xx"
		return nil, res, nil
	}
	var k int
	fmt.Sscanf(doc.ID, "d%d", &k)
	anns := make([]relmodel.Annotation, k%3)
	for i := range anns {
		anns[i] = relmodel.Annotation{Doc: doc.ID, S: []string{"Ada Pell"}, P: []string{"meets"}, O: []string{"Ben Ostrow"}}
	}
	return anns, res, nil
}

func TestRunAndWrite(t *testing.T) {
	var docs []graph.Document
	for i := range 9 {
		docs = append(docs, graph.Document{ID: fmt.Sprintf("d%d", i), Lang: "en", Text: "Ada Pell met Ben Ostrow."})
	}
	f := fake{fail: map[string]bool{"d4": true}, skip: map[string]bool{"d5": true}}
	calls, last := 0, [4]int{}
	outcomes, err := Run(context.Background(), f, docs, 3, func(done, total, tokens, failed int) {
		calls++
		last = [4]int{done, total, tokens, failed}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ids(docsOf(outcomes)), ids(docs)) {
		t.Errorf("outcomes in order %q, want %q", ids(docsOf(outcomes)), ids(docs))
	}
	if calls != 9 || last != [4]int{9, 9, 9 * 110, 1} {
		t.Errorf("progress called %d times, last %v", calls, last)
	}
	var anns, arts bytes.Buffer
	w, err := Write(outcomes, &anns, &arts)
	if err != nil {
		t.Fatal(err)
	}
	// d0..d8 but d4 (failed) and d5 (skipped): k%3 annotations each.
	wantTriples := 0 + 1 + 2 + 0 + 1 + 2 + 0
	if w.Documents != 7 || w.Triples != wantTriples || len(w.Failed) != 1 || len(w.Skipped) != 1 ||
		strings.Count(anns.String(), "\n") != wantTriples || strings.Count(arts.String(), "\n") != 7 {
		t.Errorf("wrote %+v, %d annotation lines, %d articles", w, strings.Count(anns.String(), "\n"), strings.Count(arts.String(), "\n"))
	}
	if strings.Contains(arts.String(), `"id":"d4"`) || !strings.Contains(arts.String(), `"id":"d8"`) {
		t.Errorf("articles:\n%s", arts.String())
	}
	// No articles wanted.
	if _, err := Write(outcomes, &bytes.Buffer{}, nil); err != nil {
		t.Error(err)
	}
}

func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	docs := []graph.Document{{ID: "d1"}, {ID: "d2"}}
	if _, err := Run(ctx, fake{}, docs, 2, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("Run on a cancelled context: %v", err)
	}
}

func docsOf(outcomes []Outcome) []graph.Document {
	var out []graph.Document
	for _, o := range outcomes {
		out = append(out, o.Doc)
	}
	return out
}

type langOf string

func (l langOf) Identify(doc *graph.Document) { doc.Lang = string(l) }

func TestEstimateOf(t *testing.T) {
	docs := []graph.Document{{ID: "a", Text: "Ada Pell met Ben Ostrow."}, {ID: "b", Text: "Élise Marten visited Porto."}}
	e := EstimateOf(langOf("en"), docs)
	if e.Documents != 2 || e.Characters != int64(len([]rune(docs[0].Text))+len([]rune(docs[1].Text))) ||
		e.PerDocument <= 0 || e.Prompt < 2*e.PerDocument || e.Completion <= 0 {
		t.Errorf("estimate %+v", e)
	}
}
