package reader

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"Bonjour.","title":"t","date":"2012","url":"u","lang":"fr"}` + "\n" + `{"text":"x"}`))
	f.Add([]byte("{\"id\": 1e3, \"text\": \"a\"}\r\n\n{\"text\":\"\\u0000\"}\n[1]\n{"))
	f.Add([]byte("\uFEFF{\"id\":null,\"text\":\"\xff\"}"))
	f.Add([]byte(`{"id":"long","text":"` + strings.Repeat("mot ", 60) + `"}` + "\n" + `{"text":"court"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		// A small limit and spill so that lines are refused, and read
		// again from a file, often. Read as a file and as a pipe, the
		// input must give the same documents and warnings.
		seekable := jsonlTranscript(t, bytes.NewReader(data))
		pipe := jsonlTranscript(t, struct{ io.Reader }{bytes.NewReader(data)})
		if seekable != pipe {
			t.Errorf("read from a file:\n%s\nfrom a pipe:\n%s", seekable, pipe)
		}
	})
}

// jsonlTranscript reads rd as a .jsonl file with a limit of 200 bytes a
// line, checks what it reports and writes it down.
func jsonlTranscript(t *testing.T, rd io.Reader) string {
	var b strings.Builder
	r := &run{ctx: context.Background(), max: 200, spill: 16, warn: func(w Warning) {
		if w.Line < 1 || w.Err == nil {
			t.Errorf("bad warning %+v", w)
		}
		fmt.Fprintf(&b, "warn %v\n", w)
	}}
	r.fn = func(d graph.Document) error {
		sum := sha256.Sum256([]byte(d.Text))
		switch {
		case d.ID == "" || d.Line < 1 || d.Path != "-":
			t.Errorf("bad document %+v", d)
		case strings.TrimSpace(d.Text) == "" || !utf8.ValidString(d.Text):
			t.Errorf("document %q: empty or invalid text %q", d.ID, d.Text)
		case d.Hash != hex.EncodeToString(sum[:]):
			t.Errorf("document %q: wrong hash", d.ID)
		case len(d.Text) > 200:
			t.Errorf("document %q: %d bytes, over the limit", d.ID, len(d.Text))
		}
		fmt.Fprintf(&b, "doc %q %d %q\n", d.ID, d.Line, d.Text)
		return nil
	}
	if err := r.jsonl(rd, "-", "stdin"); err != nil {
		t.Errorf("jsonl: %v", err)
	}
	return b.String()
}

// FuzzStdin reads standard input, which is JSON Lines or one text
// document as its first byte says.
func FuzzStdin(f *testing.F) {
	f.Add([]byte("Le président a rencontré son homologue.\n"))
	f.Add([]byte(" \n\t{\"text\":\"Paris.\"}\n{\"text\":1}"))
	f.Add([]byte("\uFEFFtexte \x00 binaire"))
	f.Add([]byte("\r\n  \xc3\xa9t\xc3"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &run{ctx: context.Background(), max: 1 << 10, spill: 64, warn: func(w Warning) {
			if w.Path != "-" || w.Err == nil {
				t.Errorf("bad warning %+v", w)
			}
		}}
		docs := 0
		r.fn = func(d graph.Document) error {
			docs++
			sum := sha256.Sum256([]byte(d.Text))
			switch {
			case d.ID == "" || d.Path != "-":
				t.Errorf("bad document %+v", d)
			case strings.TrimSpace(d.Text) == "" || !utf8.ValidString(d.Text):
				t.Errorf("document %q: empty or invalid text %q", d.ID, d.Text)
			case d.Hash != hex.EncodeToString(sum[:]):
				t.Errorf("document %q: wrong hash", d.ID)
			case len(d.Text) > 1<<10:
				t.Errorf("document %q: %d bytes, over the limit", d.ID, len(d.Text))
			}
			return nil
		}
		if err := r.stdin(bytes.NewReader(data)); err != nil {
			t.Errorf("stdin: %v", err)
		}
		if rest := bytes.TrimLeft(data, " \t\r\n"); len(rest) > 0 && rest[0] != '{' && docs > 1 {
			t.Errorf("text input gave %d documents", docs)
		}
	})
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte("<html><head><title>T</title><script>x</script></head><body><p>a &amp; b<br>c</p></body></html>"))
	f.Add([]byte("<pre>a\n\nb</pre><svg><title>i</title><p>d</svg><template><p>e"))
	f.Add([]byte("<p>10&nbsp;000 &laquo; x &raquo;</p><ul><li>1<li>2</ul><!-- c -->"))
	f.Add([]byte("<meta charset=\"iso-8859-1\"><title>Caf\xe9</title><p>\xe9t\xe9</p>"))
	f.Add([]byte("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>\x93x\x94\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// The whole path of an .html file: checks, charset, text.
		r := &run{ctx: context.Background(), max: 1 << 20, warn: func(w Warning) {
			if w.Err == nil {
				t.Errorf("bad warning %+v", w)
			}
		}}
		r.fn = func(d graph.Document) error {
			if strings.TrimSpace(d.Text) == "" || !utf8.ValidString(d.Text) || !utf8.ValidString(d.Title) {
				t.Errorf("document with empty or invalid text %q, title %q", d.Text, d.Title)
			}
			return nil
		}
		if err := r.whole(data, "-", "page.html", htmlDoc); err != nil {
			t.Errorf("whole: %v", err)
		}

		title, text := htmlText(data)
		if !utf8.Valid(data) {
			return
		}
		if strings.ContainsAny(title, "\n\t") {
			t.Errorf("title %q has line breaks", title)
		}
		if text == "" {
			return
		}
		for _, line := range strings.Split(text, "\n") {
			if strings.TrimFunc(line, unicode.IsSpace) != line || line == "" {
				t.Errorf("paragraph %q is empty or not trimmed", line)
			}
		}
	})
}

func FuzzMarkdown(f *testing.F) {
	f.Add("# T\n\n*a* [b](c) `d`\n- e\n\n```\nf\n```")
	f.Add("---\nx: y\n---\n> q\n1) z ![i](j) <http://k> \\*")
	f.Fuzz(func(t *testing.T, src string) {
		markdownText(src)
	})
}
