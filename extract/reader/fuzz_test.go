package reader

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
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
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &run{ctx: context.Background(), max: 1 << 16, warn: func(w Warning) {
			if w.Line < 1 || w.Err == nil {
				t.Errorf("bad warning %+v", w)
			}
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
			}
			return nil
		}
		if err := r.jsonl(bytes.NewReader(data), "-", "stdin"); err != nil {
			t.Errorf("jsonl: %v", err)
		}
	})
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte("<html><head><title>T</title><script>x</script></head><body><p>a &amp; b<br>c</p></body></html>"))
	f.Add([]byte("<pre>a\n\nb</pre><svg><title>i</title><p>d</svg><template><p>e"))
	f.Add([]byte("<p>10&nbsp;000 &laquo; x &raquo;</p><ul><li>1<li>2</ul><!-- c -->"))
	f.Fuzz(func(t *testing.T, data []byte) {
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
