package ingest

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/reader"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

// Extractor turns a document into triples; *extract.Extractor is one.
type Extractor interface {
	Extract(ctx context.Context, doc *graph.Document) (extract.Result, error)
}

// Store keeps documents with their triples; *storage.Store is one.
type Store interface {
	HasDocument(ctx context.Context, id, hash string) (bool, error)
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
	// Warn is told of each skipped document or line.
	Warn func(error)
	// Progress, when set, receives a one-line status redrawn in place.
	Progress io.Writer
	// NoStore extracts without writing to the store.
	NoStore bool
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
	Replaced    int           `json:"replaced"`    // same id, new content
	Unchanged   int           `json:"unchanged"`   // already stored with this content
	Unsupported int           `json:"unsupported"` // stored, language not extracted
	Sentences   int           `json:"sentences"`
	Tokens      int           `json:"tokens"`
	Triples     int           `json:"triples"`
	Bytes       int64         `json:"bytes"`
	Skipped     []Skip        `json:"skipped,omitempty"`
	Elapsed     time.Duration `json:"elapsed_ns"`
}

// Run reads paths, extracts and stores every document. It returns the
// summary so far with ctx.Err() when cancelled, and stops at the first
// store failure: a document is either stored whole or not at all.
func Run(ctx context.Context, paths []string, x Extractor, st Store, opts Options) (Summary, error) {
	start := time.Now()
	var sum Summary
	prog := newProgress(opts.Progress, totalBytes(paths))
	defer prog.done()
	warn := func(s Skip, err error) {
		sum.Skipped = append(sum.Skipped, s)
		if opts.Warn != nil {
			opts.Warn(err)
		}
	}
	handle := func(doc graph.Document) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		sum.Documents++
		sum.Bytes += int64(len(doc.Text))
		defer func() { prog.update(sum, time.Since(start)) }()
		if !opts.NoStore && opts.Emit == nil {
			have, err := st.HasDocument(ctx, doc.ID, doc.Hash)
			if err != nil {
				return fmt.Errorf("store: document %s: %w", doc.ID, err)
			}
			if have {
				sum.Unchanged++
				return nil
			}
		}
		res, err := x.Extract(ctx, &doc)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			warn(Skip{Path: doc.Path, Line: doc.Line, Doc: doc.ID, Reason: err.Error()},
				reader.Warning{Path: doc.Path, Line: doc.Line, Err: fmt.Errorf("document %s: %w", doc.ID, err)})
			return nil
		}
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
				opts.Warn(reader.Warning{Path: doc.Path, Line: doc.Line, Err: fmt.Errorf("document %s %s: %s", doc.ID, what, res.Skipped)})
			}
		}
		if opts.Emit != nil {
			for _, t := range res.Triples {
				if err := opts.Emit(t); err != nil {
					return fmt.Errorf("emit: document %s: %w", doc.ID, err)
				}
			}
		}
		if opts.NoStore {
			unsupported("not extracted")
			return nil
		}
		var put storage.PutResult
		if res.Skipped != "" {
			put, err = st.PutSkipped(ctx, doc, res.Skipped)
		} else {
			put, err = st.PutDocument(ctx, doc, res.Entities, res.Triples)
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
	readerWarn := func(w reader.Warning) {
		warn(Skip{Path: w.Path, Line: w.Line, Reason: w.Err.Error()}, w)
	}
	err := reader.Read(ctx, paths, opts.Reader, opts.Stdin, handle, readerWarn)
	sum.Elapsed = time.Since(start)
	return sum, err
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
