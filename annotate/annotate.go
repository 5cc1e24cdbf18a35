package annotate

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/reader"
	"github.com/kgraph/kg/extract/relmodel"
	"github.com/kgraph/kg/graph"
)

// Sample reads the documents of paths; with n > 0 only the n whose ids
// hash lowest (SHA-256), so that the sample is spread over the corpus,
// the same on every run, and a larger n keeps a smaller one's documents.
// They come back in reading order, and no more than n are held at once.
func Sample(ctx context.Context, paths []string, n int, ro reader.Options, stdin io.Reader, warn func(reader.Warning)) ([]graph.Document, error) {
	type held struct {
		doc  graph.Document
		hash [32]byte
		seq  int
	}
	var keep []held
	seq := 0
	err := reader.Read(ctx, paths, ro, stdin, func(d graph.Document) error {
		h := held{doc: d, hash: sha256.Sum256([]byte(d.ID)), seq: seq}
		seq++
		if n <= 0 {
			keep = append(keep, h)
			return nil
		}
		i, _ := slices.BinarySearchFunc(keep, h, func(a, b held) int { return bytes.Compare(a.hash[:], b.hash[:]) })
		if i >= n {
			return nil
		}
		keep = slices.Insert(keep, i, h)
		if len(keep) > n {
			keep = keep[:n]
		}
		return nil
	}, warn)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(keep, func(a, b held) int { return cmp.Compare(a.seq, b.seq) })
	docs := make([]graph.Document, len(keep))
	for i, h := range keep {
		docs[i] = h.doc
	}
	return docs, nil
}

// Annotator annotates one document: extract.Extractor with the llm
// backend.
type Annotator interface {
	Annotate(ctx context.Context, doc *graph.Document) ([]relmodel.Annotation, extract.Result, error)
}

// Outcome is one document's annotation.
type Outcome struct {
	Doc         graph.Document
	Annotations []relmodel.Annotation
	Result      extract.Result
	Err         error
}

// Progress is told, after each document, how many are done of how many,
// the model's tokens so far and the documents that failed.
type Progress func(done, total, tokens, failed int)

// Run annotates docs on parallel goroutines (at least one) and returns
// their outcomes in the order of docs. A cancelled run returns what it
// has, with ctx's error: the outcomes of documents never asked are zero.
func Run(ctx context.Context, an Annotator, docs []graph.Document, parallel int, progress Progress) ([]Outcome, error) {
	out := make([]Outcome, len(docs))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done, tokens, failed := 0, 0, 0
	for range max(parallel, 1) {
		wg.Go(func() {
			for i := range next {
				o := Outcome{Doc: docs[i]}
				o.Annotations, o.Result, o.Err = an.Annotate(ctx, &o.Doc)
				out[i] = o
				mu.Lock()
				done++
				tokens += o.Result.LLM.Usage.Total()
				if o.Err != nil {
					failed++
				}
				if progress != nil {
					progress(done, len(docs), tokens, failed)
				}
				mu.Unlock()
			}
		})
	}
	for i := range docs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out, ctx.Err()
}

// Article is a document as kg model train --articles reads it.
type Article struct {
	ID    string `json:"id"`
	Lang  string `json:"lang,omitempty"`
	Title string `json:"title,omitempty"`
	Date  string `json:"date,omitempty"`
	URL   string `json:"url,omitempty"`
	Text  string `json:"text"`
}

// Written counts what Write wrote.
type Written struct {
	Documents int // annotated and written
	Triples   int
	Failed    []Outcome // no usable answer
	Skipped   []Outcome // not annotated (a language kg does not read)
}

// Write writes the annotations of the outcomes that have some answer to
// anns, one a line, and their documents to articles (when not nil), in
// order.
func Write(outcomes []Outcome, anns, articles io.Writer) (Written, error) {
	var w Written
	enc := json.NewEncoder(anns)
	enc.SetEscapeHTML(false)
	var denc *json.Encoder
	if articles != nil {
		denc = json.NewEncoder(articles)
		denc.SetEscapeHTML(false)
	}
	for _, o := range outcomes {
		switch {
		case o.Err != nil:
			w.Failed = append(w.Failed, o)
			continue
		case o.Result.Skipped != "":
			w.Skipped = append(w.Skipped, o)
			continue
		}
		for _, a := range o.Annotations {
			if err := enc.Encode(a); err != nil {
				return w, fmt.Errorf("annotations: %w", err)
			}
		}
		w.Triples += len(o.Annotations)
		w.Documents++
		if denc != nil {
			d := o.Doc
			if err := denc.Encode(Article{ID: d.ID, Lang: d.Lang, Title: d.Title, Date: d.Date, URL: d.URL, Text: d.Text}); err != nil {
				return w, fmt.Errorf("articles: %w", err)
			}
		}
	}
	return w, nil
}
