package shard

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/kgraph/kg/graph"
)

// Version is the shard format this package writes and reads.
const Version = 1

// MaxLine is the longest line a Reader reads, 64 MiB: a header or a
// triple of a document far over kg extract's default limit of 4 MiB.
const MaxLine = 64 << 20

// Document is one document of a shard: what a store keeps of it.
type Document struct {
	graph.Document // its record; the text is neither written nor read
	Entities       []graph.Entity
	Triples        []graph.Triple
	Sentences      int
	Tokens         int
	// Skipped says why the document was not extracted (its language);
	// empty when it was.
	Skipped string
	// At is where a Reader read the document's header.
	At Position
}

// Position is a line of a shard.
type Position struct {
	File string
	Line int
}

func (p Position) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Error is a document of a shard that could not be read, or a line that
// is not part of a document; Reader.Next goes on after it.
type Error struct {
	Position
	Doc string // the document's id, when known
	Err error
}

func (e *Error) Error() string {
	if e.Doc != "" {
		return fmt.Sprintf("%s: document %q: %v", e.Position, e.Doc, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Position, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// header is the line that starts a document.
type header struct {
	Shard     int             `json:"shard"`
	Document  *graph.Document `json:"document"`
	Entities  []graph.Entity  `json:"entities"`
	Sentences int             `json:"sentences"`
	Tokens    int             `json:"tokens"`
	Triples   int             `json:"triples"`
	Skipped   string          `json:"skipped,omitempty"`
}

// Writer writes documents to a shard.
type Writer struct {
	enc *json.Encoder
}

// NewWriter returns a Writer writing to w, which it does not buffer.
func NewWriter(w io.Writer) *Writer {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &Writer{enc: enc}
}

// Write writes d's header and triples.
func (w *Writer) Write(d Document) error {
	doc := d.Document
	doc.Text = ""
	h := header{Shard: Version, Document: &doc, Entities: d.Entities, Sentences: d.Sentences,
		Tokens: d.Tokens, Triples: len(d.Triples), Skipped: d.Skipped}
	if err := w.enc.Encode(h); err != nil {
		return fmt.Errorf("shard: document %s: %w", doc.ID, err)
	}
	for _, t := range d.Triples {
		if err := w.enc.Encode(t); err != nil {
			return fmt.Errorf("shard: document %s: %w", doc.ID, err)
		}
	}
	return nil
}

// Reader reads the documents of a shard in order.
type Reader struct {
	r    *bufio.Reader
	file string
	max  int   // longest line read, MaxLine but in tests
	line int   // lines read
	off  int64 // bytes read
	buf  []byte
	// next is a header line read as the end of the document before it.
	next     []byte
	nextLine int
	// skipping is set after an error: lines up to the next header are
	// part of what the error skipped.
	skipping bool
}

// NewReader returns a Reader of r, named file in errors.
func NewReader(r io.Reader, file string) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 1<<16), file: file, max: MaxLine}
}

// Line returns the number of lines read so far.
func (r *Reader) Line() int { return r.line }

// Offset returns the number of bytes read so far.
func (r *Reader) Offset() int64 { return r.off }

// errTooLong marks a line over the limit, read and dropped.
var errTooLong = errors.New("line over the limit")

// readLine returns the next line that is not blank, without its end, and
// its number; io.EOF at the end. A line over r.max is read through and
// dropped, with errTooLong. The line is valid until the next call.
func (r *Reader) readLine() ([]byte, int, error) {
	if r.next != nil {
		b, n := r.next, r.nextLine
		r.next = nil
		return b, n, nil
	}
	for {
		r.buf = r.buf[:0]
		tooLong := false
		var err error
		for {
			var chunk []byte
			chunk, err = r.r.ReadSlice('\n')
			r.off += int64(len(chunk))
			if len(r.buf)+len(chunk) > r.max+1 {
				tooLong = true
			}
			if !tooLong {
				r.buf = append(r.buf, chunk...)
			}
			if !errors.Is(err, bufio.ErrBufferFull) {
				break
			}
		}
		if err != nil && err != io.EOF {
			return nil, 0, err
		}
		if err == io.EOF && len(r.buf) == 0 && !tooLong {
			return nil, 0, io.EOF
		}
		r.line++
		if tooLong {
			return nil, r.line, fmt.Errorf("%w of %d bytes", errTooLong, r.max)
		}
		if b := bytes.TrimSpace(r.buf); len(b) > 0 {
			return b, r.line, nil
		}
	}
}

// line is a line of a shard: a header or a triple.
type line struct {
	header
	graph.Triple
}

func (l *line) isHeader() bool { return l.Shard != 0 || l.Document != nil }

// check returns what makes a header unusable.
func (h *header) check() error {
	switch {
	case h.Shard > Version:
		return fmt.Errorf("shard format %d, newer than this kg reads (%d): upgrade kg", h.Shard, Version)
	case h.Shard != Version:
		return fmt.Errorf("a document header with \"shard\": %d, want %d", h.Shard, Version)
	case h.Document == nil:
		return errors.New("a document header without \"document\"")
	case h.Document.ID == "":
		return errors.New("a document without an id")
	case h.Document.Hash == "":
		return errors.New("a document without the hash of its text")
	case h.Triples < 0:
		return fmt.Errorf("a document of %d triples", h.Triples)
	case h.Skipped != "" && h.Triples > 0:
		return fmt.Errorf("a document skipped (%s) with %d triples", h.Skipped, h.Triples)
	}
	return nil
}

// Next returns the next document of the shard, and io.EOF after the
// last. A document that cannot be read whole, a line that cannot be read
// and lines that belong to no document give an *Error; the next call goes
// on after them, without another error for the triples of a document
// already reported. Any other error is reading the shard, which ends it.
func (r *Reader) Next() (Document, error) {
	for {
		b, n, err := r.readLine()
		if err == io.EOF {
			return Document{}, io.EOF
		}
		at := Position{r.file, n}
		var l line
		switch {
		case errors.Is(err, errTooLong):
			r.skipping = true
			return Document{}, &Error{Position: at, Err: err}
		case err != nil:
			return Document{}, fmt.Errorf("shard %s: %w", r.file, err)
		}
		if err := json.Unmarshal(b, &l); err != nil {
			r.skipping = true
			return Document{}, &Error{Position: at, Err: fmt.Errorf("not a JSON object: %w", err)}
		}
		if !l.isHeader() {
			if r.skipping {
				continue // a triple of a document already reported
			}
			r.skipping = true
			if l.Subject == "" {
				return Document{}, &Error{Position: at, Err: errors.New("neither a document header nor a triple")}
			}
			return Document{}, &Error{Position: at, Err: errors.New("a triple where a document header was expected " +
				"(kg load reads what kg extract --emit shard writes, not --emit jsonl)")}
		}
		r.skipping = false
		if err := l.check(); err != nil {
			r.skipping = true
			id := ""
			if l.Document != nil {
				id = l.Document.ID
			}
			return Document{}, &Error{Position: at, Doc: id, Err: err}
		}
		return r.triples(l.header, at)
	}
}

// triples reads the triples of the document h, whose header is at.
func (r *Reader) triples(h header, at Position) (Document, error) {
	d := Document{Document: *h.Document, Entities: h.Entities, Sentences: h.Sentences,
		Tokens: h.Tokens, Skipped: h.Skipped, At: at}
	id := d.ID
	fail := func(n int, err error) (Document, error) {
		r.skipping = true
		return Document{}, &Error{Position: Position{r.file, n}, Doc: id, Err: err}
	}
	for len(d.Triples) < h.Triples {
		b, n, err := r.readLine()
		switch {
		case err == io.EOF:
			return fail(at.Line, fmt.Errorf("the shard ends after %d of its %d triples", len(d.Triples), h.Triples))
		case errors.Is(err, errTooLong):
			return fail(n, fmt.Errorf("%w; the document (line %d) is skipped", err, at.Line))
		case err != nil:
			return Document{}, fmt.Errorf("shard %s: %w", r.file, err)
		}
		var l line
		if err := json.Unmarshal(b, &l); err != nil {
			return fail(n, fmt.Errorf("not a JSON object: %w; the document (line %d) is skipped", err, at.Line))
		}
		if l.isHeader() {
			r.next, r.nextLine = bytes.Clone(b), n
			return fail(at.Line, fmt.Errorf("%d of its %d triples before the next document, line %d", len(d.Triples), h.Triples, n))
		}
		t := l.Triple
		switch {
		case t.Subject == "" || t.Predicate == "" || t.Object == "":
			return fail(n, fmt.Errorf("a triple without a subject, predicate or object; the document (line %d) is skipped", at.Line))
		case t.Doc == "":
			t.Doc = id
		case t.Doc != id:
			return fail(n, fmt.Errorf("a triple of document %q among those of the document of line %d, which is skipped", t.Doc, at.Line))
		}
		d.Triples = append(d.Triples, t)
	}
	return d, nil
}
