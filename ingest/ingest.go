package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/reader"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/shard"
	"github.com/kgraph/kg/storage"
)

// Extractor turns a document into triples; *extract.Extractor is one.
type Extractor interface {
	// Identify sets the language and extraction fingerprint that Extract
	// will read a document with, which decide, with its text, whether the
	// stored version is current.
	Identify(doc *graph.Document)
	Extract(ctx context.Context, doc *graph.Document) (extract.Result, error)
}

// Store keeps documents with their triples; *storage.Store is one.
type Store interface {
	HasDocument(ctx context.Context, doc graph.Document) (bool, error)
	PutDocument(ctx context.Context, doc graph.Document, entities []graph.Entity, triples []graph.Triple) (storage.PutResult, error)
	PutSkipped(ctx context.Context, doc graph.Document, reason string) (storage.PutResult, error)
}

// Options tunes a run. The zero value stores every document quietly.
type Options struct {
	Reader reader.Options
	Stdin  io.Reader
	// Emit, when set, is given every triple extracted, also from
	// documents already in the store (which are extracted again for it).
	Emit func(graph.Triple) error
	// EmitDocument, when set, is given every document extracted or not
	// extracted (its language) as the store would keep it, also those
	// already in the store: the shards kg load stores.
	EmitDocument func(shard.Document) error
	// Warn is told of each skipped document or line, and of each
	// document read without a part of it (reader.Warning.Kept).
	Warn func(error)
	// Progress, when set, receives a one-line status redrawn in place.
	Progress io.Writer
	// NoStore extracts without writing to the store.
	NoStore bool
	// Workers extract in parallel; 0 means one per CPU core.
	Workers int
}

// Skip is an input that did not go in, and why.
type Skip struct {
	Path   string `json:"path"`
	Line   int    `json:"line,omitempty"`
	Doc    string `json:"doc,omitempty"`
	Reason string `json:"reason"`
}

// Summary counts what a run did.
type Summary struct {
	Documents   int           `json:"documents"`   // read
	Added       int           `json:"added"`       // new in the store
	Replaced    int           `json:"replaced"`    // same id, new content, language or extraction
	Unchanged   int           `json:"unchanged"`   // already stored with this content, read the same way
	Unsupported int           `json:"unsupported"` // stored, language not extracted
	Sentences   int           `json:"sentences"`
	Tokens      int           `json:"tokens"`
	Triples     int           `json:"triples"`
	Bytes       int64         `json:"bytes"`
	Skipped     []Skip        `json:"skipped,omitempty"`
	Elapsed     time.Duration `json:"elapsed_ns"`
	// LLM is what the llm backend did; nil when no document went to it.
	LLM *LLMSummary `json:"llm,omitempty"`
}

// LLMSummary counts the llm backend's work in a run.
type LLMSummary struct {
	Asked            int `json:"asked"`  // documents the model was asked about
	Cached           int `json:"cached"` // documents answered from the cache
	Requests         int `json:"requests"`
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
	Malformed        int `json:"malformed"` // answers that could not be read
	Dropped          int `json:"dropped"`   // triples whose sentence is not in the document
	Failed           int `json:"failed"`    // documents not stored: no usable answer
}

// addLLM counts one document's llm statistics.
func (s *Summary) addLLM(st extract.LLMStats, failed bool) {
	if st == (extract.LLMStats{}) && !failed {
		return
	}
	if s.LLM == nil {
		s.LLM = &LLMSummary{}
	}
	s.LLM.Add(st, failed)
}

// Add counts one document's llm statistics; failed says it got no usable
// answer.
func (l *LLMSummary) Add(st extract.LLMStats, failed bool) {
	switch {
	case st.Cached:
		l.Cached++
	case st.Requests > 0:
		l.Asked++
	}
	l.Requests += st.Requests
	l.PromptTokens += st.Usage.PromptTokens
	l.CompletionTokens += st.Usage.CompletionTokens
	l.Malformed += st.Malformed
	l.Dropped += st.Dropped
	if failed {
		l.Failed++
	}
}

// item is one input in reading order: a document, or a warning about an
// input that did not become one.
type item struct {
	seq  int
	doc  graph.Document
	warn *reader.Warning
	// at, when set, is where the document was read, for messages, if
	// not doc.Path and doc.Line: the line of a shard.
	at *shard.Position
	// Filled by a worker:
	have bool // already stored with this content
	res  extract.Result
	err  error // extraction failed
	fail error // the store could not be asked
}

// Run reads paths, extracts and stores every document. Extraction runs
// on opts.Workers goroutines while one writer stores the documents in
// reading order, so the store ends the same whatever the number of
// workers. It returns the summary so far with ctx.Err() when cancelled,
// and stops at the first store failure: a document is either stored
// whole or not at all.
func Run(ctx context.Context, paths []string, x Extractor, st Store, opts Options) (Summary, error) {
	start := time.Now()
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	items := make(chan item, 2*workers)
	done := make(chan item, 2*workers)
	readErr := make(chan error, 1)
	go func() {
		seq := 0
		send := func(it item) error {
			it.seq = seq
			seq++
			select {
			case items <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		err := reader.Read(ctx, paths, opts.Reader, opts.Stdin,
			func(doc graph.Document) error { return send(item{doc: doc}) },
			func(w reader.Warning) { send(item{warn: &w}) })
		close(items)
		readErr <- err
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				if it.warn == nil {
					if err := ctx.Err(); err != nil {
						it.err = err // never extracted: the run stops here
					} else {
						extractItem(ctx, &it, x, st, opts)
					}
				}
				done <- it
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()

	// The size of the inputs, for the estimate, is walked for only when
	// progress is drawn.
	var total int64
	if opts.Progress != nil {
		total = totalBytes(paths)
	}
	w := writer{opts: opts, st: st, start: start, prog: newProgress(opts.Progress, total)}
	defer w.prog.done()
	pending := map[int]item{}
	next := 0
	var failed error
	for it := range done {
		if failed != nil {
			continue // drain: the workers stop as ctx is cancelled
		}
		pending[it.seq] = it
		for {
			cur, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := w.commit(ctx, cur); err != nil {
				failed = err
				cancel()
				break
			}
		}
	}
	err := <-readErr
	if failed != nil {
		err = failed
	}
	w.sum.Elapsed = time.Since(start)
	return w.sum, err
}

// extractItem does a worker's part for one document: is it stored
// already, and if not, what does it state.
func extractItem(ctx context.Context, it *item, x Extractor, st Store, opts Options) {
	if !opts.NoStore && opts.Emit == nil && opts.EmitDocument == nil {
		// A document stored from the same text is extracted again when
		// it would now be read in another language or by another model.
		x.Identify(&it.doc)
		have, err := st.HasDocument(ctx, it.doc)
		if err != nil {
			it.fail = fmt.Errorf("store: document %s: %w", it.doc.ID, err)
			return
		}
		if have {
			it.have = true
			return
		}
	}
	it.res, it.err = x.Extract(ctx, &it.doc)
	if err := ctx.Err(); err != nil && it.err == nil {
		// Cancelled while extracting: the result may lack sentences.
		it.err = err
	}
}

// stopper is an extraction error that every document after it would
// meet too, such as a language model's server refusing the key: the run
// stops at it rather than failing each document in turn.
type stopper interface {
	error
	StopsRun() bool
}

// writer is the one goroutine that counts, emits and stores.
type writer struct {
	opts  Options
	st    Store
	sum   Summary
	start time.Time
	prog  *progress
}

func (w *writer) warn(s Skip, err error) {
	w.sum.Skipped = append(w.sum.Skipped, s)
	if w.opts.Warn != nil {
		w.opts.Warn(err)
	}
}

// commit takes one input in reading order.
func (w *writer) commit(ctx context.Context, it item) error {
	if it.warn != nil && it.warn.Kept {
		// The document follows; nothing of the input was skipped.
		if w.opts.Warn != nil {
			w.opts.Warn(*it.warn)
		}
		return nil
	}
	if it.warn != nil {
		w.warn(Skip{Path: it.warn.Path, Line: it.warn.Line, Reason: it.warn.Err.Error()}, *it.warn)
		return nil
	}
	// Documents extracted before a cancellation are still stored: the
	// run stops at the first one the cancellation reached.
	doc, res, opts, sum := it.doc, it.res, w.opts, &w.sum
	path, line := doc.Path, doc.Line
	if it.at != nil {
		path, line = it.at.File, it.at.Line
	}
	sum.Documents++
	sum.Bytes += int64(len(doc.Text))
	defer func() { w.prog.update(*sum, time.Since(w.start)) }()
	if it.fail != nil {
		return it.fail
	}
	if it.have {
		sum.Unchanged++
		return nil
	}
	if it.err != nil {
		if errors.Is(it.err, context.Canceled) || errors.Is(it.err, context.DeadlineExceeded) {
			sum.addLLM(res.LLM, false) // spent, though the document waits for the next run
			return it.err
		}
		sum.addLLM(res.LLM, res.LLM.Requests > 0)
		if s, ok := errors.AsType[stopper](it.err); ok && s.StopsRun() {
			return fmt.Errorf("document %s: %w", doc.ID, it.err)
		}
		w.warn(Skip{Path: path, Line: line, Doc: doc.ID, Reason: it.err.Error()},
			reader.Warning{Path: path, Line: line, Err: fmt.Errorf("document %s: %w", doc.ID, it.err)})
		return nil
	}
	sum.addLLM(res.LLM, false)
	sum.Sentences += res.Sentences
	sum.Tokens += res.Tokens
	sum.Triples += len(res.Triples)
	// Counted once stored, so that a run stopped by a store failure
	// does not count the document it failed to keep.
	unsupported := func(what string) {
		if res.Skipped == "" {
			return
		}
		sum.Unsupported++
		if opts.Warn != nil {
			opts.Warn(reader.Warning{Path: path, Line: line, Err: fmt.Errorf("document %s %s: %s", doc.ID, what, res.Skipped)})
		}
	}
	if opts.Emit != nil {
		for _, t := range res.Triples {
			if err := opts.Emit(t); err != nil {
				return fmt.Errorf("emit: document %s: %w", doc.ID, err)
			}
		}
	}
	if opts.EmitDocument != nil {
		d := shard.Document{Document: doc, Entities: res.Entities, Triples: res.Triples,
			Sentences: res.Sentences, Tokens: res.Tokens, Skipped: res.Skipped}
		if err := opts.EmitDocument(d); err != nil {
			return fmt.Errorf("emit: document %s: %w", doc.ID, err)
		}
	}
	if opts.NoStore {
		unsupported("not extracted")
		return nil
	}
	// A document extracted whole is stored even when the run is being
	// cancelled: the write is one short transaction.
	wctx := context.WithoutCancel(ctx)
	var put storage.PutResult
	var err error
	if res.Skipped != "" {
		put, err = w.st.PutSkipped(wctx, doc, res.Skipped)
	} else {
		put, err = w.st.PutDocument(wctx, doc, res.Entities, res.Triples)
	}
	if errors.Is(err, storage.ErrTooBig) || errors.Is(err, storage.ErrInvalid) {
		// Nothing of it was written, and the store is as it was: the
		// rest of the corpus can go in.
		w.warn(Skip{Path: path, Line: line, Doc: doc.ID, Reason: err.Error()},
			reader.Warning{Path: path, Line: line, Err: fmt.Errorf("document %s: %w", doc.ID, err)})
		return nil
	}
	var full *storage.DiskFullError
	if errors.As(err, &full) {
		// The store refused to write before its disk fills (Badger dies
		// on a full one): the run stops, and resumes once there is room.
		return fmt.Errorf("%w; document %s and those after it were not stored (free some space and run again to resume)", full, doc.ID)
	}
	if err != nil {
		return fmt.Errorf("store: document %s: %w", doc.ID, err)
	}
	unsupported("stored, not extracted")
	switch put {
	case storage.Added:
		sum.Added++
	case storage.Replaced:
		sum.Replaced++
	case storage.Unchanged:
		sum.Unchanged++
	}
	return nil
}

// totalBytes sums the sizes of the named inputs, for the progress line's
// estimate; 0 when unknown (stdin).
func totalBytes(paths []string) int64 {
	var n int64
	for _, p := range paths {
		if p == "-" {
			return 0
		}
		n += dirSize(p)
	}
	return n
}

// dirSize sums the sizes of the regular files under p as reader.Read
// walks it: without following symbolic links to directories, which could
// loop (a link to "." made this walk exponential), and skipping hidden
// names.
func dirSize(p string) int64 {
	var n int64
	filepath.WalkDir(p, func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // an estimate: leave out what cannot be read
		}
		if name != p && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		fi, err := os.Stat(name) // follows a link to a file, as the reader does
		if err == nil && fi.Mode().IsRegular() {
			n += fi.Size()
		}
		return nil
	})
	return n
}
