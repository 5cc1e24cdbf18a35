package reader

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

var update = flag.Bool("update", false, "rewrite the .golden files")

// transcript runs Read and writes what it reports, documents and warnings
// in the order they came.
func transcript(t *testing.T, paths []string, opts Options, stdin io.Reader) []byte {
	t.Helper()
	var b bytes.Buffer
	fn := func(d graph.Document) error {
		j, err := json.Marshal(struct {
			graph.Document
			Text string `json:"text"`
		}{d, d.Text})
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "doc %s\n", j)
		return nil
	}
	warn := func(w Warning) { fmt.Fprintf(&b, "warn %v\n", w) }
	if err := Read(context.Background(), paths, opts, stdin, fn, warn); err != nil {
		t.Fatalf("Read(%q): %v", paths, err)
	}
	return b.Bytes()
}

func TestReadGolden(t *testing.T) {
	tests := []struct {
		name  string
		paths []string
		opts  Options
		stdin string // file under testdata
	}{
		{name: "dir", paths: []string{"testdata/corpus"}},
		{name: "files", paths: []string{"testdata/corpus/a.txt", "testdata/notes.rst", "testdata/corpus/d.jsonl", "testdata/nope.txt"}},
		{name: "order", paths: []string{"testdata/corpus/sub", "testdata/corpus/a.txt", "testdata/corpus/sub/f.txt"}},
		{name: "stdin-jsonl", paths: []string{"-"}, stdin: "stdin.jsonl"},
		{name: "stdin-text", paths: []string{"-"}, stdin: "stdin.txt"},
		{name: "dates", paths: []string{"testdata/dates.jsonl"}},
		{name: "duplicates", paths: []string{"testdata/dups.jsonl"}},
		{name: "langs", paths: []string{"testdata/langs.jsonl"}, opts: Options{Languages: []string{"de", "en", "fr"}}},
		{name: "stdin-id", paths: []string{"-"}, opts: Options{StdinID: "mine"}, stdin: "dups-stdin.txt"},
		{name: "maxbytes", paths: []string{"testdata/corpus/c.html", "testdata/corpus/d.jsonl", "-"}, opts: Options{MaxBytes: 100}, stdin: "notes.rst"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdin io.Reader
			if tt.stdin != "" {
				data, err := os.ReadFile(filepath.Join("testdata", tt.stdin))
				if err != nil {
					t.Fatal(err)
				}
				stdin = bytes.NewReader(data)
			}
			got := transcript(t, tt.paths, tt.opts, stdin)
			golden := filepath.Join("testdata", "golden", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Read(%q) differs from %s:\n%s", tt.paths, golden, got)
			}
		})
	}
}

// TestReadDeterministic reads the test corpus twice: the same documents
// must come in the same order.
func TestReadDeterministic(t *testing.T) {
	a := transcript(t, []string{"testdata/corpus", "testdata"}, Options{}, nil)
	b := transcript(t, []string{"testdata/corpus", "testdata"}, Options{}, nil)
	if !bytes.Equal(a, b) {
		t.Error("two reads of the same paths differ")
	}
}

func TestReadStops(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := Read(context.Background(), []string{"testdata/corpus"}, Options{}, nil, func(graph.Document) error {
		n++
		return stop
	}, nil)
	if err != stop || n != 1 {
		t.Errorf("Read with fn failing = %v after %d documents, want stop after 1", err, n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = Read(ctx, []string{"testdata/corpus"}, Options{}, nil, func(graph.Document) error {
		t.Error("fn called after cancel")
		return nil
	}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Read with cancelled context = %v, want context.Canceled", err)
	}
}

func TestWarning(t *testing.T) {
	tests := []struct {
		w    Warning
		want string
	}{
		{Warning{Path: "a/b.jsonl", Line: 3, Err: ErrEmpty}, "a/b.jsonl:3: empty document"},
		{Warning{Path: "c.txt", Err: ErrBinary}, "c.txt: binary file"},
	}
	for _, tt := range tests {
		if got := tt.w.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		if !errors.Is(tt.w, tt.w.Err) {
			t.Errorf("errors.Is(%v, %v) = false", tt.w, tt.w.Err)
		}
	}
}

func TestCheckText(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"Bonjour à tous.\n", nil},
		{"", ErrEmpty},
		{" \n\t", ErrEmpty},
		{"a\x00b", ErrBinary},
		{"\x01\x02\x03\x04abc", ErrBinary},
		{"caf\xe9", ErrInvalidUTF8},
	}
	for _, tt := range tests {
		if err := checkText([]byte(tt.in)); !errors.Is(err, tt.want) || (err == nil) != (tt.want == nil) {
			t.Errorf("checkText(%q) = %v, want %v", tt.in, err, tt.want)
		}
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct {
		in, title, text string
	}{
		{"# Title #\n\nSome *emphasis*, **strong** and __more__ text.", "Title", "Title\nSome emphasis, strong and more text."},
		{"Line one\nline two\n\nNext paragraph", "", "Line one line two\nNext paragraph"},
		{"See [the site](http://x.org) and ![pic](p.png) or [ref][1].\n\n[1]: http://y.org", "", "See the site and pic or ref."},
		{"snake_case and 2 * 3 and a_b_c", "", "snake_case and 2 * 3 and a_b_c"},
		{"Escaped \\*star\\* and `code` and ~~gone~~ and <https://x.org>", "", "Escaped *star* and code and gone and https://x.org"},
		{"## Second\n# First\ntext", "First", "Second\nFirst\ntext"},
		{"- a\n- b\n  continued\n\n1. c", "", "a\nb continued\nc"},
		{"> quoted\n> more\n\n***\n\nafter", "", "quoted more\nafter"},
		{"```\ncode\n```\ntext", "", "text"},
		{"#hashtag is not a heading", "", "#hashtag is not a heading"},
	}
	for _, tt := range tests {
		title, text := markdownText(tt.in)
		if title != tt.title || text != tt.text {
			t.Errorf("markdownText(%q) = %q, %q; want %q, %q", tt.in, title, text, tt.title, tt.text)
		}
	}
}

func TestHTML(t *testing.T) {
	tests := []struct {
		in, title, text string
	}{
		{"<title> A  title </title><p>One</p><p>Two &amp; three</p>", "A title", "One\nTwo & three"},
		{"<p>a<br>b</p><script>x</script><style>y</style><noscript>z</noscript><template>w</template>", "", "a\nb"},
		{"<div>in <b>line</b>\n  text</div>", "", "in line text"},
		{"<ul><li>x</li><li>y</li></ul><table><tr><td>1</td><td>2</td></tr></table>", "", "x\ny\n1\n2"},
		{"<pre>line 1\nline 2</pre>", "", "line 1\nline 2"},
		{"<p>10&nbsp;000 &laquo;&#160;ok&#160;&raquo;</p>", "", "10\u00a0000 «\u00a0ok\u00a0»"},
		{"<svg><title>icon</title></svg><p>text</p>", "", "text"},
		{"<head><meta name=x><link rel=y></head>hello", "", "hello"},
	}
	for _, tt := range tests {
		title, text := htmlText([]byte(tt.in))
		if title != tt.title || text != tt.text {
			t.Errorf("htmlText(%q) = %q, %q; want %q, %q", tt.in, title, text, tt.title, tt.text)
		}
	}
}

func TestLongJSONLLine(t *testing.T) {
	// Lines far past bufio.Scanner's 64 KiB default are read whole.
	long := strings.Repeat("mot ", 100_000)
	in := fmt.Sprintf("{\"id\":\"long\",\"text\":%q}\n{\"id\":\"after\",\"text\":\"x\"}\n", long)
	var ids []string
	var warns []string
	err := Read(context.Background(), []string{"-"}, Options{}, strings.NewReader(in), func(d graph.Document) error {
		ids = append(ids, fmt.Sprintf("%s:%d:%d", d.ID, d.Line, len(d.Text)))
		return nil
	}, func(w Warning) { warns = append(warns, w.Error()) })
	if err != nil || len(warns) != 0 {
		t.Fatalf("Read: %v, warnings %q", err, warns)
	}
	want := []string{fmt.Sprintf("long:1:%d", len(long)), "after:2:1"}
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("documents %q, want %q", ids, want)
	}

	// With a limit, the long line is skipped and reading goes on.
	ids, warns = nil, nil
	Read(context.Background(), []string{"-"}, Options{MaxBytes: 1000}, strings.NewReader(in), func(d graph.Document) error {
		ids = append(ids, d.ID)
		return nil
	}, func(w Warning) { warns = append(warns, w.Error()) })
	if strings.Join(ids, " ") != "after" || len(warns) != 1 || !strings.HasPrefix(warns[0], "-:1: document too large") {
		t.Errorf("with MaxBytes 1000: documents %q, warnings %q", ids, warns)
	}
}

// TestLinkedDirectory reads a directory named through a symbolic link,
// with ids relative to the link as to any directory argument.
func TestLinkedDirectory(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.MkdirAll(filepath.Join(real, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(real, "sub", "a.txt"), []byte("Paris is a city."), 0o644)
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	var got []string
	err := Read(context.Background(), []string{link}, Options{}, nil, func(d graph.Document) error {
		got = append(got, d.ID+" "+d.Path)
		return nil
	}, func(w Warning) { t.Errorf("warning: %v", w) })
	if err != nil {
		t.Fatal(err)
	}
	want := "sub/a.txt " + filepath.Join(link, "sub", "a.txt")
	if len(got) != 1 || got[0] != want {
		t.Errorf("read %q, want [%q]", got, want)
	}
}

// TestLinksOutside checks that a link in a directory to a file outside
// it is not followed unless asked, while links within it are.
func TestLinksOutside(t *testing.T) {
	dir := t.TempDir()
	corpus, secret := filepath.Join(dir, "corpus"), filepath.Join(dir, "private")
	os.MkdirAll(filepath.Join(corpus, "sub"), 0o755)
	os.MkdirAll(secret, 0o755)
	os.WriteFile(filepath.Join(corpus, "a.txt"), []byte("Velmora has a harbour."), 0o644)
	os.WriteFile(filepath.Join(secret, "passwd.txt"), []byte("root:x:0:0"), 0o644)
	links := map[string]string{
		filepath.Join(corpus, "sub", "in.txt"): filepath.Join("..", "a.txt"),
		filepath.Join(corpus, "out.txt"):       filepath.Join(secret, "passwd.txt"),
		filepath.Join(corpus, "rel-out.txt"):   filepath.Join("..", "private", "passwd.txt"),
		filepath.Join(dir, "corpus-link"):      corpus,
	}
	for link, target := range links {
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
	}
	tests := []struct {
		name   string
		path   string
		follow bool
		ids    string
		warns  int
	}{
		{"inside only", corpus, false, "a.txt sub/in.txt", 2},
		{"through a link to the directory", filepath.Join(dir, "corpus-link"), false, "a.txt sub/in.txt", 2},
		{"followed when asked", corpus, true, "a.txt out.txt rel-out.txt sub/in.txt", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ids []string
			var warns []string
			err := Read(context.Background(), []string{tt.path}, Options{FollowLinks: tt.follow}, nil, func(d graph.Document) error {
				ids = append(ids, d.ID)
				return nil
			}, func(w Warning) {
				warns = append(warns, w.Error())
				if !errors.Is(w, ErrLinkOutside) || !strings.Contains(w.Error(), filepath.Join(secret, "passwd.txt")) {
					t.Errorf("warning %v, want ErrLinkOutside naming the target", w)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(ids, " ") != tt.ids || len(warns) != tt.warns {
				t.Errorf("read %q with warnings %q; want %q and %d warnings", ids, warns, tt.ids, tt.warns)
			}
		})
	}
}
