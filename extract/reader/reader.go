package reader

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

// DefaultMaxBytes is the size limit of one document when Options.MaxBytes
// is 0.
const DefaultMaxBytes = 4 << 20

// Reasons for skipping a document, wrapped in a Warning's Err.
var (
	ErrEmpty       = errors.New("empty document")
	ErrBinary      = errors.New("binary file")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrTooLarge    = errors.New("document too large")
	ErrDuplicateID = errors.New("duplicate document id")
	ErrLinkOutside = errors.New("symbolic link out of the directory")
)

// Warning reports a document, or a line of a .jsonl file, that was
// skipped, or, when Kept, read without the part Err names.
type Warning struct {
	Path string // file as found, "-" for standard input
	Line int    // line of a .jsonl file, 1-based; 0 otherwise
	Err  error
	// Kept says that the document was read all the same: only what Err
	// names (an invalid date, say) was dropped.
	Kept bool
}

// Error returns "path:line: message", without the line when it is 0.
func (w Warning) Error() string {
	if w.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", w.Path, w.Line, w.Err)
	}
	return fmt.Sprintf("%s: %v", w.Path, w.Err)
}

func (w Warning) Unwrap() error { return w.Err }

// pathWarning is a Warning for an error of the file system, without the
// path repeated inside the message.
func pathWarning(name string, err error) Warning {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == name {
		err = pe.Err
	}
	return Warning{Path: name, Err: err}
}

// Options configures Read.
type Options struct {
	// MaxBytes limits the size of one document (one file, or one line of
	// a .jsonl file); larger ones are skipped with a warning.
	// 0 means DefaultMaxBytes.
	MaxBytes int64
	// StdinID is the id of a text document read from standard input;
	// "" gives it "stdin:" and the first 12 hex digits of the SHA-256 of
	// its text, as every document of standard input without an id, so
	// that two texts piped in are two documents.
	StdinID string
	// FollowLinks follows the symbolic links found in a directory to
	// files outside it. Without it such a link is skipped with a warning
	// (ErrLinkOutside): a link in a corpus to /etc/passwd would otherwise
	// store it. Links that stay inside the directory are always followed.
	FollowLinks bool
	// Languages are the codes a .jsonl line's "lang" may give (matched
	// in any case, and "en-GB" as "en"); another is warned about and
	// dropped, the document's language then detected, since a language
	// kg does not know would keep the document from being extracted. Nil
	// accepts any.
	Languages []string
}

// Read streams every document found under paths to fn: files,
// directories (recursively, in lexical order, skipping hidden names and
// files of other extensions) and "-" for stdin. The order is that of
// paths, then of the files, then of the lines of a .jsonl file, so it is
// the same on every run.
//
// A document or line that cannot be read is reported to warn (which may
// be nil) and skipped, as is a path that does not exist, and a document
// whose id an earlier one of the same call had: the first is kept, since
// keeping the last would have a second run replace the first document
// with it again each time. Read returns the
// first error from fn, ctx.Err() when ctx is done, and otherwise nil.
func Read(ctx context.Context, paths []string, opts Options, stdin io.Reader, fn func(graph.Document) error, warn func(Warning)) error {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if warn == nil {
		warn = func(Warning) {}
	}
	r := &run{ctx: ctx, max: opts.MaxBytes, spill: spillBytes, fn: fn, warn: warn, stdinID: opts.StdinID, followLinks: opts.FollowLinks, langs: opts.Languages}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if p == "-" {
			err = r.stdin(stdin)
		} else {
			err = r.path(p)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// run is one call of Read.
type run struct {
	ctx   context.Context
	max   int64
	spill int64 // of a .jsonl line, see lineReader
	fn    func(graph.Document) error
	warn  func(Warning)
	// stdinID is Options.StdinID; seen maps the id of each document
	// read to where it was read.
	stdinID     string
	seen        map[string]string
	followLinks bool
	langs       []string // Options.Languages
}

// format is how a file is read, chosen by its extension.
type format int

const (
	plain format = iota
	markdown
	htmlDoc
	jsonl
	unknown
)

func formatOf(name string) format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt":
		return plain
	case ".md", ".markdown":
		return markdown
	case ".html", ".htm", ".xhtml":
		return htmlDoc
	case ".jsonl":
		return jsonl
	}
	return unknown
}

// path reads a path argument: a file, whatever its extension, or a
// directory.
func (r *run) path(p string) error {
	fi, err := os.Stat(p)
	if err != nil {
		r.warn(pathWarning(p, err))
		return nil
	}
	if !fi.IsDir() {
		f := formatOf(p)
		if f == unknown {
			f = plain // named explicitly, so the user wants it read
		}
		return r.file(p, filepath.Base(p), f)
	}
	// WalkDir does not follow a link given as its root: walk what it
	// points to, and keep names (and so ids) under p.
	root := p
	if resolved, err := filepath.EvalSymlinks(p); err == nil && resolved != p {
		root = resolved
	}
	// The tree's real place, against which links are judged.
	realRoot, err := filepath.Abs(root)
	if err != nil {
		realRoot = root
	}
	return filepath.WalkDir(root, func(name string, d fs.DirEntry, err error) error {
		isRoot := name == root
		if root != p {
			if rel, rerr := filepath.Rel(root, name); rerr == nil {
				name = filepath.Join(p, rel)
			}
		}
		if err != nil {
			r.warn(pathWarning(name, err))
			return nil // WalkDir skips what it could not read
		}
		if !isRoot && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return r.ctx.Err()
		}
		f := formatOf(name)
		if f == unknown {
			return nil
		}
		if !d.Type().IsRegular() {
			// Follow symbolic links to files, not to directories (which
			// could loop), and leave devices and pipes alone.
			fi, err := os.Stat(name)
			if err != nil || !fi.Mode().IsRegular() {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 && !r.followLinks {
				if target, ok := outside(name, realRoot); ok {
					r.warn(Warning{Path: name, Err: fmt.Errorf("%w: it points to %s, not followed", ErrLinkOutside, target)})
					return nil
				}
			}
		}
		rel, err := filepath.Rel(p, name)
		if err != nil {
			rel = d.Name()
		}
		return r.file(name, filepath.ToSlash(rel), f)
	})
}

// outside returns the file the link name points to, and whether it lies
// outside the directory root (absolute, with no links).
func outside(name, root string) (string, bool) {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return name, true
	}
	if target, err = filepath.Abs(target); err != nil {
		return name, true
	}
	rel, err := filepath.Rel(root, target)
	return target, err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// file reads the file name, whose document id is id, as format f.
func (r *run) file(name, id string, f format) error {
	fh, err := os.Open(name)
	if err != nil {
		r.warn(pathWarning(name, err))
		return nil
	}
	defer fh.Close()
	if f == jsonl {
		return r.jsonl(fh, name, id)
	}
	// A file known to be too large is refused without reading it; the
	// size of others only sizes the buffer, as a file may grow.
	var size int64
	if fi, err := fh.Stat(); err == nil && fi.Mode().IsRegular() {
		size = fi.Size()
		if size > r.max {
			r.warn(Warning{Path: name, Err: fmt.Errorf("%w: %d bytes, over the limit of %d", ErrTooLarge, size, r.max)})
			return nil
		}
	}
	data, err := readLimited(fh, r.max, size)
	if err != nil {
		r.warn(Warning{Path: name, Err: err})
		return nil
	}
	return r.whole(data, name, id, f)
}

// stdin reads standard input: JSON Lines when its first non-space byte is
// '{', else one text document with id r.stdinID, or one from its hash.
func (r *run) stdin(in io.Reader) error {
	if in == nil {
		r.warn(Warning{Path: "-", Err: errors.New("no standard input")})
		return nil
	}
	br := bufio.NewReader(in)
	var lead []byte // leading space, given back to whichever reader follows
	for {
		c, err := br.ReadByte()
		if err != nil {
			break
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			br.UnreadByte()
			if c == '{' {
				return r.jsonl(io.MultiReader(bytes.NewReader(lead), br), "-", "")
			}
			break
		}
		if int64(len(lead)) >= r.max {
			break
		}
		lead = append(lead, c)
	}
	data, err := readLimited(io.MultiReader(bytes.NewReader(lead), br), r.max, 0)
	if err != nil {
		r.warn(Warning{Path: "-", Err: err})
		return nil
	}
	return r.whole(data, "-", r.stdinID, plain)
}

// whole makes one document of a whole file.
func (r *run) whole(data []byte, name, id string, f format) error {
	if err := checkText(data); err != nil {
		if f == htmlDoc && (errors.Is(err, ErrInvalidUTF8) || errors.Is(err, ErrBinary)) {
			// An HTML page may declare another charset.
			if d, ok := decodeDeclared(data); ok {
				data, err = d, checkText(d)
			}
		}
		if err != nil {
			r.warn(Warning{Path: name, Err: err})
			return nil
		}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // a byte-order mark is no text
	doc := graph.Document{ID: id, Path: name}
	switch f {
	case markdown:
		doc.Title, doc.Text = markdownText(string(data))
	case htmlDoc:
		doc.Title, doc.Text = htmlText(data)
	default:
		doc.Text = string(data)
	}
	return r.emit(doc, 0)
}

// emit hands doc to fn once its text is known to be worth extracting.
func (r *run) emit(doc graph.Document, line int) error {
	if strings.TrimSpace(doc.Text) == "" {
		r.warn(Warning{Path: doc.Path, Line: line, Err: ErrEmpty})
		return nil
	}
	if err := r.ctx.Err(); err != nil {
		return err
	}
	sum := sha256.Sum256([]byte(doc.Text))
	doc.Hash = hex.EncodeToString(sum[:])
	if doc.ID == "" {
		doc.ID = "stdin:" + doc.Hash[:12]
	}
	at := doc.Path
	if line > 0 {
		at = fmt.Sprintf("%s:%d", doc.Path, line)
	}
	if first, ok := r.seen[doc.ID]; ok {
		r.warn(Warning{Path: doc.Path, Line: line, Err: fmt.Errorf("%w: %q, first read at %s, which is kept", ErrDuplicateID, doc.ID, first)})
		return nil
	}
	if r.seen == nil {
		r.seen = make(map[string]string)
	}
	r.seen[doc.ID] = at
	return r.fn(doc)
}

// readLimited reads all of rd, or fails with ErrTooLarge past max bytes.
// size, when known, is what rd holds, so that the buffer is allocated once.
func readLimited(rd io.Reader, max, size int64) ([]byte, error) {
	if size <= 0 || size > max {
		size = 512
	}
	// One byte more than the size, so that the read that sees EOF does
	// not grow the buffer.
	data := make([]byte, 0, size+1)
	lr := io.LimitReader(rd, max+1)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := lr.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: over the limit of %d bytes", ErrTooLarge, max)
	}
	return data, nil
}

// checkText reports why data is not a text document: NUL bytes or mostly
// control characters (binary), invalid UTF-8, or nothing but space.
func checkText(data []byte) error {
	if bytes.IndexByte(data, 0) >= 0 {
		return ErrBinary
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			off += n
		}
		return fmt.Errorf("%w at byte %d", ErrInvalidUTF8, off)
	}
	controls, runes := 0, 0
	for _, r := range string(data) {
		runes++
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' || r == 0x7F || 0x80 <= r && r < 0xA0 {
			controls++
		}
	}
	if controls*10 > runes {
		return ErrBinary
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	return nil
}
