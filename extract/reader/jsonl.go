package reader

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
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
// fileID the id of the file, from which lines without an id get theirs.
func (r *run) jsonl(rd io.Reader, name, fileID string) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	var buf []byte
	for n := 1; ; n++ {
		if err := r.ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, buf[:0], r.max)
		buf = line
		if err != nil && err != io.EOF {
			r.warn(Warning{Path: name, Line: n, Err: err})
			return nil
		}
		if tooLong {
			r.warn(Warning{Path: name, Line: n, Err: fmt.Errorf("%w: line over %d bytes", ErrTooLarge, r.max)})
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
	if id == "" {
		id = fileID + ":" + strconv.Itoa(n)
	}
	if rec.Text == nil {
		return fail(fmt.Errorf("%w: no \"text\" field", ErrEmpty))
	}
	if err := checkText([]byte(*rec.Text)); err != nil {
		return fail(err)
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

// readLine appends the next line of br (without its newline) to buf. A line
// longer than max is read to its end but not kept, and tooLong is set. err
// is io.EOF after the last line.
func readLine(br *bufio.Reader, buf []byte, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > max+1 { // +1 for the newline
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch err {
		case bufio.ErrBufferFull:
			continue
		case nil:
			return bytes.TrimSuffix(buf, []byte("\n")), tooLong, nil
		default:
			if err == io.EOF && len(buf) == 0 && !tooLong {
				return buf, false, io.EOF
			}
			return buf, tooLong, err
		}
	}
}
