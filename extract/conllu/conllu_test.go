package conllu

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/internal/shareddata"
)

func TestRoundTrip(t *testing.T) {
	data, err := os.ReadFile("testdata/sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	sents, err := ReadAll(bytes.NewReader(data), "sample")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("%d sentences, want 2", len(sents))
	}
	s := sents[0]
	if s.ID() != "t1" || s.Text() != "Il parle du projet." {
		t.Errorf("comments: id %q text %q", s.ID(), s.Text())
	}
	if len(s.Words) != 6 || len(s.Tokens) != 1 || s.Tokens[0] != (Token{First: 3, Last: 4, Form: "du"}) {
		t.Errorf("words %d tokens %+v", len(s.Words), s.Tokens)
	}
	if w := s.Words[4]; w.Form != "projet" || w.Head != 2 || w.Deprel != "obl" || w.Misc != "SpaceAfter=No" || w.XPOS != "" {
		t.Errorf("word 5 = %+v", w)
	}
	for _, s := range sents {
		if err := s.Validate(); err != nil {
			t.Errorf("%s: %v", s.ID(), err)
		}
	}
	var out bytes.Buffer
	if err := Write(&out, sents); err != nil {
		t.Fatal(err)
	}
	if out.String() != string(data) {
		t.Errorf("round trip differs:\n%s", out.String())
	}
}

func TestErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1\tIl\til\tPRON\n", "x:1: want 10"},
		{"# c\nx\tIl\til\tPRON\t_\t_\t2\tnsubj\t_\t_\n", "x:2: bad id"},
		{"1\tIl\til\tPRON\t_\t_\tz\tnsubj\t_\t_\n", "bad head"},
		{"3-1\tdu\t_\t_\t_\t_\t_\t_\t_\t_\n", "multiword"},
	}
	for _, tt := range tests {
		_, err := ReadAll(strings.NewReader(tt.in), "x")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestValidate(t *testing.T) {
	tree := func(heads ...int) *Sentence {
		s := &Sentence{}
		for i, h := range heads {
			s.Words = append(s.Words, Word{ID: i + 1, Head: h})
		}
		return s
	}
	tests := []struct {
		s    *Sentence
		want string
	}{
		{tree(2, 0, 2), ""},
		{tree(2, 3, 1), "no root"},
		{tree(0, 3, 2), "cycle"},
		{tree(0, 5), "out of range"},
		{tree(0, 2), "own head"},
	}
	for _, tt := range tests {
		err := tt.s.Validate()
		if (err == nil) != (tt.want == "") || err != nil && !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Validate = %v, want %q", err, tt.want)
		}
	}
}

// TestTreebanks reads every treebank of the shared data and checks that
// each sentence is a tree.
func TestTreebanks(t *testing.T) {
	dir := shareddata.Path(t, "data", "ud")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.conllu"))
	if len(files) == 0 {
		t.Skip("no treebanks")
	}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sents, err := ReadAll(fh, f)
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sents {
			if err := s.Validate(); err != nil {
				t.Errorf("%s %s: %v", f, s.ID(), err)
				break
			}
		}
	}
}
