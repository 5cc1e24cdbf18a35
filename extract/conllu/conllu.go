package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one syntactic word of a sentence (a line with an integer id).
type Word struct {
	ID     int // 1-based position in the sentence
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string // "Gender=Fem|Number=Sing", "_" kept as ""
	Head   int    // 0 for the root
	Deprel string
	Deps   string
	Misc   string
}

// Token is a multiword token: surface form Form covers words First..Last
// ("du" → "de", "le").
type Token struct {
	First, Last int
	Form        string
	Misc        string
}

// Sentence is one sentence of a treebank.
type Sentence struct {
	Comments []string // lines starting with "#", without the "# "
	Words    []Word
	Tokens   []Token // multiword tokens, in order
	// Empty holds the lines of empty nodes ("8.1"), kept verbatim: kg does
	// not use enhanced dependencies.
	Empty []string
}

// ID returns the sent_id comment, if any.
func (s *Sentence) ID() string { return s.comment("sent_id") }

// Text returns the text comment, if any.
func (s *Sentence) Text() string { return s.comment("text") }

func (s *Sentence) comment(key string) string {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// Validate reports the first problem that makes the sentence unusable
// as a tree: ids out of order, a head out of range, no root or a cycle.
func (s *Sentence) Validate() error {
	roots := 0
	for i, w := range s.Words {
		if w.ID != i+1 {
			return fmt.Errorf("word %d has id %d", i+1, w.ID)
		}
		if w.Head < 0 || w.Head > len(s.Words) {
			return fmt.Errorf("word %d: head %d out of range", w.ID, w.Head)
		}
		if w.Head == w.ID {
			return fmt.Errorf("word %d is its own head", w.ID)
		}
		if w.Head == 0 {
			roots++
		}
	}
	if roots == 0 && len(s.Words) > 0 {
		return errors.New("no root")
	}
	// Every word must reach the root.
	for i := range s.Words {
		seen := 0
		for h := s.Words[i].Head; h != 0; h = s.Words[h-1].Head {
			if seen++; seen > len(s.Words) {
				return fmt.Errorf("word %d is on a cycle", i+1)
			}
		}
	}
	return nil
}

// Reader reads sentences from a CoNLL-U stream.
type Reader struct {
	r    *bufio.Reader
	name string
	line int
}

// NewReader returns a reader of r; name is used in errors.
func NewReader(r io.Reader, name string) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 1<<16), name: name}
}

// Read returns the next sentence, or io.EOF after the last. A malformed
// line is an error naming the stream and line.
func (r *Reader) Read() (*Sentence, error) {
	var s Sentence
	started := false
	for {
		line, err := r.r.ReadString('\n')
		if line == "" && err != nil {
			if err == io.EOF && started {
				return &s, nil
			}
			return nil, err
		}
		r.line++
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if started {
				return &s, nil
			}
			continue
		}
		started = true
		if strings.HasPrefix(line, "#") {
			s.Comments = append(s.Comments, strings.TrimSpace(strings.TrimPrefix(line, "#")))
			continue
		}
		if perr := s.parseLine(line); perr != nil {
			return nil, fmt.Errorf("%s:%d: %w", r.name, r.line, perr)
		}
	}
}

func (s *Sentence) parseLine(line string) error {
	f := strings.Split(line, "\t")
	if len(f) != 10 {
		return fmt.Errorf("want 10 tab-separated columns, have %d", len(f))
	}
	id := f[0]
	if strings.Contains(id, ".") {
		s.Empty = append(s.Empty, line)
		return nil
	}
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, err1 := strconv.Atoi(a)
		last, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || last < first {
			return fmt.Errorf("bad multiword token range %q", id)
		}
		s.Tokens = append(s.Tokens, Token{First: first, Last: last, Form: f[1], Misc: blank(f[9])})
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil {
		return fmt.Errorf("bad id %q", id)
	}
	head := 0
	if f[6] != "_" {
		if head, err = strconv.Atoi(f[6]); err != nil {
			return fmt.Errorf("bad head %q", f[6])
		}
	}
	s.Words = append(s.Words, Word{
		ID: n, Form: f[1], Lemma: blank(f[2]), UPOS: blank(f[3]), XPOS: blank(f[4]),
		Feats: blank(f[5]), Head: head, Deprel: blank(f[7]), Deps: blank(f[8]), Misc: blank(f[9]),
	})
	return nil
}

// blank turns CoNLL-U's "_" into "". A lemma or form that is really an
// underscore is written "_" too; the form column keeps it.
func blank(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

func underscore(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// ReadAll reads every sentence of r.
func ReadAll(r io.Reader, name string) ([]*Sentence, error) {
	cr := NewReader(r, name)
	var out []*Sentence
	for {
		s, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// Write writes sentences in CoNLL-U.
func Write(w io.Writer, sents []*Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		for _, c := range s.Comments {
			fmt.Fprintf(bw, "# %s\n", c)
		}
		t := 0
		for _, wd := range s.Words {
			for t < len(s.Tokens) && s.Tokens[t].First == wd.ID {
				tk := s.Tokens[t]
				fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", tk.First, tk.Last, tk.Form, underscore(tk.Misc))
				t++
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", wd.ID, wd.Form, underscore(wd.Lemma),
				underscore(wd.UPOS), underscore(wd.XPOS), underscore(wd.Feats), wd.Head,
				underscore(wd.Deprel), underscore(wd.Deps), underscore(wd.Misc))
		}
		for _, e := range s.Empty {
			fmt.Fprintln(bw, e)
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}
