package reader

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

// record is one line of a .jsonl file; other fields are ignored.
type record struct {
	ID    json.RawMessage `json:"id"` // a string, or a number written as is
	Text  *string         `json:"text"`
	Title string          `json:"title"`
	Date  string          `json:"date"`
	URL   string          `json:"url"`
	Lang  string          `json:"lang"`
}

// jsonl reads one document a line from rd. name is the file as found and
// fileID the id of the file, from which lines without an id get theirs;
// "" (standard input) leaves it to emit.
func (r *run) jsonl(rd io.Reader, name, fileID string) error {
	lr := newLineReader(rd, r.max, r.spill)
	for n := 1; ; n++ {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		line, size, err := lr.next()
		if err != nil && err != io.EOF {
			r.warn(Warning{Path: name, Line: n, Err: err})
			return nil
		}
		if size > r.max {
			r.warn(Warning{Path: name, Line: n, Err: fmt.Errorf("%w: line of %d bytes, over the limit of %d", ErrTooLarge, size, r.max)})
		} else if doc, ok := r.parseLine(line, name, fileID, n); ok {
			if err := r.emit(doc, n); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// parseLine makes a document of line n, or warns and reports false.
func (r *run) parseLine(line []byte, name, fileID string, n int) (graph.Document, bool) {
	if n == 1 {
		line = bytes.TrimPrefix(line, []byte("\uFEFF"))
	}
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return graph.Document{}, false // blank lines separate nothing
	}
	fail := func(err error) (graph.Document, bool) {
		r.warn(Warning{Path: name, Line: n, Err: err})
		return graph.Document{}, false
	}
	if !utf8.Valid(line) {
		return fail(ErrInvalidUTF8)
	}
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		return fail(fmt.Errorf("malformed JSON: %w", err))
	}
	id, err := recordID(rec.ID)
	if err != nil {
		return fail(err)
	}
	if id == "" && fileID != "" {
		id = fileID + ":" + strconv.Itoa(n)
	}
	if rec.Text == nil {
		return fail(fmt.Errorf("%w: no \"text\" field", ErrEmpty))
	}
	if err := checkText([]byte(*rec.Text)); err != nil {
		return fail(err)
	}
	// A date that cannot be read would pass or fail date filters at
	// random (as text, "yesterday" comes after every year): the document
	// is better undated.
	if rec.Date != "" {
		if err := graph.CheckDocumentDate(rec.Date); err != nil {
			r.warn(Warning{Path: name, Line: n, Err: fmt.Errorf("%w; the document is kept, undated", err), Kept: true})
			rec.Date = ""
		}
	}
	if rec.Lang != "" {
		l, ok := r.language(rec.Lang)
		if !ok {
			r.warn(Warning{Path: name, Line: n, Err: fmt.Errorf("lang %q: kg knows %s; the document's language is detected instead", rec.Lang, strings.Join(r.langs, ", ")), Kept: true})
		}
		rec.Lang = l
	}
	return graph.Document{
		ID:    id,
		Path:  name,
		Line:  n,
		Title: rec.Title,
		Date:  rec.Date,
		URL:   rec.URL,
		Lang:  rec.Lang,
		Text:  *rec.Text,
	}, true
}

// language returns the code of a line's lang field ("EN", "en-GB" →
// "en"), or "" and false when it is not one of r.langs.
func (r *run) language(lang string) (string, bool) {
	if r.langs == nil {
		return lang, true
	}
	l := strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	if !slices.Contains(r.langs, l) {
		return "", false
	}
	return l, true
}

// recordID reads an id given as a string or a number; it is "" when
// absent or null.
func recordID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("id: %w", err)
		}
		return s, nil
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return string(raw), nil
	}
	return "", errors.New("id is neither a string nor a number")
}

// spillBytes is how much of a .jsonl line is held in memory while it is
// read from a file; see lineReader.
const spillBytes = 1 << 20

// lineReader reads the lines of a .jsonl file holding at most max bytes
// of one line in memory, and, when the file can seek, at most spill bytes
// of a line that turns out to be over max: a line longer than spill is
// counted to its end without being kept, then read again, whole and
// into a buffer of its size, if it is within max. So a line of 100 MB is
// refused after reading it once with a constant memory, and one of 10 MB
// costs 10 MB, not the growth of a buffer to it.
type lineReader struct {
	br    *bufio.Reader
	rs    io.ReadSeeker // nil when the input cannot seek (a pipe, stdin)
	off   int64         // offset in rs of the next line
	max   int64
	spill int64
	buf   []byte // reused between lines of at most spill bytes
}

func newLineReader(rd io.Reader, max, spill int64) *lineReader {
	l := &lineReader{br: bufio.NewReaderSize(rd, 64<<10), max: max, spill: max}
	if rs, ok := rd.(io.ReadSeeker); ok && spill > 0 && spill < max {
		// Seek fails on pipes and terminals even when rd has the method.
		if off, err := rs.Seek(0, io.SeekCurrent); err == nil {
			l.rs, l.off, l.spill = rs, off, spill
		}
	}
	return l
}

// next returns the next line without its newline and its size in bytes.
// A line over max is returned empty, with its size. err is io.EOF with
// the last line, or on its own after it.
func (l *lineReader) next() (line []byte, size int64, err error) {
	start := l.off
	buf := l.buf[:0]
	keep := true
	var n int64 // bytes read of the line, its newline included
	for {
		chunk, err := l.br.ReadSlice('\n')
		n += int64(len(chunk))
		if keep {
			if int64(len(buf)+len(chunk)) > l.spill+1 { // +1 for the newline
				keep, buf = false, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		l.off += n
		if err != nil && err != io.EOF {
			return nil, 0, err
		}
		if err == io.EOF && n == 0 {
			return nil, 0, io.EOF
		}
		size = n
		if len(chunk) > 0 && chunk[len(chunk)-1] == '\n' {
			size--
		}
		if keep {
			l.buf = buf
			return buf[:size], size, err
		}
		if size > l.max || l.rs == nil {
			return nil, size, err
		}
		line, rerr := l.reread(start, size)
		if rerr != nil {
			return nil, size, rerr
		}
		return line, size, err
	}
}

// reread reads again the size bytes of the line at offset start, then
// goes on after it.
func (l *lineReader) reread(start, size int64) ([]byte, error) {
	if _, err := l.rs.Seek(start, io.SeekStart); err != nil {
		return nil, err
	}
	line := make([]byte, size)
	if _, err := io.ReadFull(l.rs, line); err != nil {
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			err = errors.New("file changed while being read")
		}
		return nil, err
	}
	if _, err := l.rs.Seek(l.off, io.SeekStart); err != nil {
		return nil, err
	}
	l.br.Reset(l.rs)
	return line, nil
}
