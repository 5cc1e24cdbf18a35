package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/reader"
	"github.com/kgraph/kg/shard"
	"github.com/kgraph/kg/storage"
)

// LoadOptions tunes Load. The zero value loads quietly and refuses to
// mix fingerprints.
type LoadOptions struct {
	Stdin io.Reader // read for the path "-"
	// Warn is told of each document or line skipped, and of each
	// document stored without extraction (its language).
	Warn func(error)
	// Progress, when set, receives a one-line status redrawn in place.
	Progress io.Writer
	// Fingerprints are the extraction fingerprints of the store's
	// documents by language, as Fingerprints returns them. A document
	// extracted with another, or with another than the first of its
	// language in the shards, is skipped unless Mixed.
	Fingerprints map[string]string
	Mixed        bool
}

// ErrMixed means a shard document was extracted with other models or
// settings than the store's documents or the shards' first in its
// language.
var ErrMixed = errors.New("extracted with other models or settings")

// Load stores the documents of shards, written by kg extract with
// EmitDocument (package shard), as Run stores the documents it extracts:
// in order, each with its triples in one transaction, skipping those
// stored already with the same text, language and fingerprint, so that a
// store loaded from the shards of a corpus is the store of one Run over
// it, a second Load changes nothing and a killed one resumes when run
// again. "-" reads opts.Stdin.
//
// A document that cannot be read whole (a malformed or cut line, a
// shard cut short), one whose id an earlier one had, one of mixed
// fingerprints and a shard that cannot be read are skipped and named in
// the summary; the rest goes in. Load stops at the first store failure,
// and returns the summary so far with ctx.Err() when cancelled.
func Load(ctx context.Context, paths []string, st Store, opts LoadOptions) (Summary, error) {
	start := time.Now()
	var total int64
	if opts.Progress != nil {
		total = totalBytes(paths)
	}
	w := &writer{opts: Options{Warn: opts.Warn}, st: st, start: start, prog: newProgress(opts.Progress, total)}
	w.prog.documents = true
	defer w.prog.done()
	l := loader{w: w, opts: opts, seen: make(map[string]shard.Position), first: make(map[string]string)}
	for lang, fp := range opts.Fingerprints {
		l.first[lang] = fp
	}
	var err error
	for _, p := range paths {
		if err = l.file(ctx, p); err != nil {
			break
		}
	}
	w.sum.Elapsed = time.Since(start)
	return w.sum, err
}

// loader is the state of one Load.
type loader struct {
	w     *writer
	opts  LoadOptions
	read  int64                     // bytes of the shards done
	seen  map[string]shard.Position // documents handed to the store
	first map[string]string         // the fingerprint of each language
}

// file loads one shard.
func (l *loader) file(ctx context.Context, path string) error {
	r, name := l.opts.Stdin, "stdin"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			l.w.warn(Skip{Path: path, Reason: err.Error()}, fmt.Errorf("shard %w", err))
			return nil
		}
		defer f.Close()
		r, name = f, path
	}
	if r == nil {
		l.w.warn(Skip{Path: name, Reason: "no standard input"}, errors.New("shard -: no standard input"))
		return nil
	}
	sr := shard.NewReader(r, name)
	defer func() { l.read += sr.Offset() }()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, err := sr.Next()
		l.w.sum.Bytes = l.read + sr.Offset()
		var bad *shard.Error
		switch {
		case err == io.EOF:
			return nil
		case errors.As(err, &bad):
			l.w.warn(Skip{Path: bad.File, Line: bad.Line, Doc: bad.Doc, Reason: bad.Err.Error()}, bad)
			continue
		case err != nil:
			// The shard cannot be read on (a directory, an I/O error):
			// the other shards may.
			l.w.warn(Skip{Path: name, Line: sr.Line(), Reason: err.Error()}, fmt.Errorf("%w; the rest of it is skipped", err))
			return nil
		}
		if err := l.check(d); err != nil {
			e := &shard.Error{Position: d.At, Doc: d.ID, Err: err}
			l.w.warn(Skip{Path: d.At.File, Line: d.At.Line, Doc: d.ID, Reason: err.Error()}, e)
			continue
		}
		res := extract.Result{Triples: d.Triples, Entities: d.Entities, Sentences: d.Sentences, Tokens: d.Tokens, Skipped: d.Skipped}
		if err := l.w.commit(ctx, item{doc: d.Document, res: res, at: &d.At}); err != nil {
			return err
		}
	}
}

// check refuses a document whose id an earlier one had, which is kept as
// kg extract keeps the first of a run (keeping the last would have every
// load replace the first with it again), and one of mixed fingerprints.
func (l *loader) check(d shard.Document) error {
	if first, ok := l.seen[d.ID]; ok {
		return fmt.Errorf("%w: %q, first read at %s, which is kept", reader.ErrDuplicateID, d.ID, first)
	}
	if fp := d.Extraction; fp != "" {
		want, ok := l.first[d.Lang]
		switch {
		case !ok:
			l.first[d.Lang] = fp
		case fp != want && !l.opts.Mixed:
			return fmt.Errorf("%w (fingerprint %s) than the %s documents before it in the store or the shards (%s); kg load --allow-mixed stores it anyway",
				ErrMixed, fp, d.Lang, want)
		}
	}
	l.seen[d.ID] = d.At
	return nil
}

// Lister lists a store's documents; *storage.Store is one.
type Lister interface {
	Documents(ctx context.Context, fn func(storage.DocumentInfo) error) error
}

// Fingerprints returns, for each language of st's documents, the
// extraction fingerprint most of them were read with (of equally many,
// the first in sorted order), for LoadOptions.Fingerprints.
func Fingerprints(ctx context.Context, st Lister) (map[string]string, error) {
	counts := make(map[string]map[string]int)
	err := st.Documents(ctx, func(d storage.DocumentInfo) error {
		if d.Extraction == "" {
			return nil
		}
		if counts[d.Lang] == nil {
			counts[d.Lang] = make(map[string]int)
		}
		counts[d.Lang][d.Extraction]++
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("fingerprints of the stored documents: %w", err)
	}
	out := make(map[string]string, len(counts))
	for lang, fps := range counts {
		best := ""
		for fp, n := range fps {
			if best == "" || n > fps[best] || n == fps[best] && fp < best {
				best = fp
			}
		}
		out[lang] = best
	}
	return out, nil
}
