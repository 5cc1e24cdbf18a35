package reader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// TestLineReader reads lines around the spill and the limit, from a file
// (which is read again past the spill) and from a pipe (which is not).
func TestLineReader(t *testing.T) {
	const max, spill = 20, 8
	tests := []struct {
		name string
		in   string
		want []string // line or "too large N", in order
	}{
		{"empty", "", nil},
		{"short", "a\nbc\n", []string{"a", "bc"}},
		{"no final newline", "a\nbc", []string{"a", "bc"}},
		{"blank lines", "\n\na\n", []string{"", "", "a"}},
		{"at the spill", "12345678\nx", []string{"12345678", "x"}},
		{"past the spill", "123456789\nx", []string{"123456789", "x"}},
		{"at the limit", strings.Repeat("z", 20) + "\nx", []string{strings.Repeat("z", 20), "x"}},
		{"past the limit", strings.Repeat("z", 21) + "\nx", []string{"too large 21", "x"}},
		{"last line past the limit", "x\n" + strings.Repeat("z", 30), []string{"x", "too large 30"}},
		{"last line past the spill", "x\n" + strings.Repeat("z", 15), []string{"x", strings.Repeat("z", 15)}},
		{"crlf", "ab\r\n0123456789\r\n", []string{"ab\r", "0123456789\r"}},
		{"mixed", "1234567890123\n" + strings.Repeat("y", 50) + "\n\nab\n" + strings.Repeat("w", 19) + "\n",
			[]string{"1234567890123", "too large 50", "", "ab", strings.Repeat("w", 19)}},
	}
	for _, tt := range tests {
		for _, input := range []struct {
			name string
			rd   io.Reader
		}{
			{"file", strings.NewReader(tt.in)},
			{"pipe", struct{ io.Reader }{strings.NewReader(tt.in)}},
		} {
			t.Run(tt.name+"/"+input.name, func(t *testing.T) {
				lr := newLineReader(input.rd, max, spill)
				if seeks := lr.rs != nil; seeks != (input.name == "file") {
					t.Fatalf("reader seeks: %v", seeks)
				}
				var got []string
				for {
					line, size, err := lr.next()
					if err != nil && err != io.EOF {
						t.Fatal(err)
					}
					if err == io.EOF && size == 0 && len(line) == 0 {
						break
					}
					switch {
					case size > max:
						got = append(got, fmt.Sprintf("too large %d", size))
					case int64(len(line)) != size:
						t.Errorf("line %q of size %d", line, size)
					default:
						got = append(got, string(line))
					}
					if err == io.EOF {
						break
					}
				}
				if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
					t.Errorf("lines %q, want %q", got, tt.want)
				}
			})
		}
	}
}

// TestHugeDocuments reads a corpus with a 100 MB text file and a .jsonl
// file with a 100 MB line under the default limit: both are refused with
// a warning naming them, without holding them in memory, and the rest of
// the corpus is read.
func TestHugeDocuments(t *testing.T) {
	const huge = 100 << 20
	dir := t.TempDir()
	// The huge parts are holes in sparse files: NUL bytes that take no
	// disk. Size is what is refused before content is looked at.
	write := func(name, head string, holes int64, tail string) {
		t.Helper()
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if _, err := f.WriteString(head); err != nil {
			t.Fatal(err)
		}
		if _, err := f.Seek(holes, io.SeekCurrent); err != nil {
			t.Fatal(err)
		}
		if _, err := f.WriteString(tail); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "", huge, "\n")
	write("b.jsonl", `{"id":"one","text":"Paris."}`+"\n"+`{"id":"huge","text":"`, huge, `"}`+"\n"+`{"id":"three","text":"Londres."}`+"\n")
	write("c.txt", "Berlin.", 0, "")

	var docs, warns []string
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	err := Read(context.Background(), []string{dir}, Options{}, nil, func(d graph.Document) error {
		docs = append(docs, d.ID)
		return nil
	}, func(w Warning) {
		if !errors.Is(w, ErrTooLarge) {
			t.Errorf("warning %v is not ErrTooLarge", w)
		}
		warns = append(warns, w.Error())
	})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(docs, " "), "one three c.txt"; got != want {
		t.Errorf("documents %q, want %q", got, want)
	}
	want := []string{
		filepath.Join(dir, "a.txt") + fmt.Sprintf(": document too large: %d bytes, over the limit of %d", huge+1, DefaultMaxBytes),
		filepath.Join(dir, "b.jsonl") + fmt.Sprintf(":2: document too large: line of %d bytes, over the limit of %d", huge+len(`{"id":"huge","text":""}`), DefaultMaxBytes),
	}
	if fmt.Sprintf("%q", warns) != fmt.Sprintf("%q", want) {
		t.Errorf("warnings\n%q\nwant\n%q", warns, want)
	}
	// TotalAlloc only grows, so it bounds the peak of the heap too.
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 32<<20 {
		t.Errorf("reading allocated %d MB for documents refused by their size", grown>>20)
	} else {
		t.Logf("allocated %d kB", grown>>10)
	}
}

// TestLargeLineReadAgain reads a .jsonl line past the spill but within
// the limit from a file: it is read again whole, and the lines after it
// follow.
func TestLargeLineReadAgain(t *testing.T) {
	text := strings.Repeat("Paris est une ville. ", 100_000) // 2.1 MB
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\"id\":\"a\",\"text\":\"Rome.\"}\n{\"id\":\"large\",\"text\":%q}\n{\"id\":\"c\",\"text\":\"Oslo.\"}", text)
	path := filepath.Join(t.TempDir(), "large.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := Read(context.Background(), []string{path}, Options{MaxBytes: 4 << 20}, nil, func(d graph.Document) error {
		got = append(got, fmt.Sprintf("%s:%d:%d", d.ID, d.Line, len(d.Text)))
		if d.ID == "large" && d.Text != text {
			t.Errorf("the large line's text differs from what was written")
		}
		return nil
	}, func(w Warning) { t.Errorf("warning: %v", w) })
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("a:1:5 large:2:%d c:3:5", len(text)); strings.Join(got, " ") != want {
		t.Errorf("documents %q, want %q", got, want)
	}
}
