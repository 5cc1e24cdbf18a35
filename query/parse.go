package query

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// Pos is a place in a query: which of the texts given to Parse (from 1)
// and the column in it (from 1, in characters).
type Pos struct {
	Query, Column int
}

// Error is a query that cannot be read, and where.
type Error struct {
	Pos  Pos
	Msg  string
	Text string // the text of query Pos.Query
}

func (e *Error) Error() string {
	return fmt.Sprintf("query %d, column %d: %s", e.Pos.Query, e.Pos.Column, e.Msg)
}

// Caret returns the query's text and below it a caret under the column,
// each line indented by two spaces: what a terminal shows under Error.
func (e *Error) Caret() string {
	text := strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' ' // one column each, as lex counts them
		}
		return r
	}, e.Text)
	return "  " + text + "\n  " + strings.Repeat(" ", max(e.Pos.Column-1, 0)) + "^"
}

func errorf(p Pos, format string, args ...any) *Error {
	return &Error{Pos: p, Msg: fmt.Sprintf(format, args...)}
}

// Kind is the kind of a term.
type Kind uint8

// The kinds of terms.
const (
	Any  Kind = iota // * or _: anything, not reported
	Var              // ?name
	Name             // a name or predicate
)

// Term is one of the three places of a pattern.
type Term struct {
	Kind Kind
	Text string // a variable's name without '?', or the name
	Pos  Pos
}

// String returns the term as a query would write it.
func (t Term) String() string {
	switch t.Kind {
	case Any:
		return "*"
	case Var:
		return "?" + t.Text
	}
	special := func(r rune) bool { return unicode.IsSpace(r) || r == ';' || r == '"' || r == '\\' }
	if t.Text == "" || t.Text == "*" || t.Text == "_" || t.Text[0] == '?' || strings.EqualFold(t.Text, "not") ||
		strings.ContainsFunc(t.Text, special) {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(t.Text) + `"`
	}
	return t.Text
}

// Pattern is one subject–predicate–object pattern.
type Pattern struct {
	Subject, Predicate, Object Term
	// Negated matches relations stated as denied ("not" before the
	// predicate).
	Negated bool
}

// String returns the pattern as a query would write it.
func (p Pattern) String() string {
	not := ""
	if p.Negated {
		not = "not "
	}
	return p.Subject.String() + " " + not + p.Predicate.String() + " " + p.Object.String()
}

func (p Pattern) terms() [3]Term { return [3]Term{p.Subject, p.Predicate, p.Object} }

// Query is a parsed query: patterns to join on their shared variables.
type Query struct {
	Patterns []Pattern
	// Vars are the variables' names, in order of first appearance.
	Vars []string
}

// String returns the query as one text, its patterns separated by " ; ".
func (q *Query) String() string {
	s := make([]string, len(q.Patterns))
	for i, p := range q.Patterns {
		s[i] = p.String()
	}
	return strings.Join(s, " ; ")
}

// Parse reads a query: each text holds one or more patterns separated by
// ';' (a last ';' may end a text). known reports whether a predicate is
// in the store; it splits runs of bare words that could be read several
// ways (see the package documentation) and may be nil, leaving such runs
// an error. A query that cannot be read is an *Error.
func Parse(texts []string, known func(predicate string) bool) (*Query, error) {
	if len(texts) == 0 {
		return nil, errors.New("no pattern")
	}
	q := &Query{}
	for i, text := range texts {
		if err := q.parseText(i+1, text, known); err != nil {
			var e *Error
			if errors.As(err, &e) {
				e.Text = text
			}
			return nil, err
		}
	}
	seen := make(map[string]bool)
	for _, p := range q.Patterns {
		for _, t := range p.terms() {
			if t.Kind == Var && !seen[t.Text] {
				seen[t.Text] = true
				q.Vars = append(q.Vars, t.Text)
			}
		}
	}
	return q, nil
}

func (q *Query) parseText(n int, text string, known func(string) bool) error {
	toks, err := lex(n, text)
	if err != nil {
		return err
	}
	if len(toks) == 0 {
		return errorf(Pos{n, 1}, "empty query")
	}
	var atoms []token
	for i, t := range toks {
		if t.kind != tokSemi {
			atoms = append(atoms, t)
			continue
		}
		if len(atoms) == 0 {
			return errorf(t.pos, "empty pattern before ;")
		}
		p, err := parsePattern(atoms, known)
		if err != nil {
			return err
		}
		q.Patterns = append(q.Patterns, p)
		atoms = nil
		if i == len(toks)-1 {
			return nil // a closing ;
		}
	}
	if len(atoms) == 0 {
		return nil
	}
	p, err := parsePattern(atoms, known)
	if err != nil {
		return err
	}
	q.Patterns = append(q.Patterns, p)
	return nil
}

// role names place i of a pattern in messages.
func role(i int) string {
	return [...]string{"a subject", "a predicate", "an object"}[i]
}

// maxAtoms bounds the words and terms of a pattern: its readings grow as
// the square of a run of bare words, each asked of the store.
const maxAtoms = 40

// parsePattern reads the tokens of one pattern.
func parsePattern(atoms []token, known func(string) bool) (Pattern, error) {
	if len(atoms) > maxAtoms {
		return Pattern{}, errorf(atoms[maxAtoms].pos, "pattern too long (at most %d words and terms; quote multiword names)", maxAtoms)
	}
	not := -1
	for i, a := range atoms {
		if !a.isNot() {
			continue
		}
		if not >= 0 {
			return Pattern{}, errorf(a.pos, `a second "not" (quote a name containing the word)`)
		}
		not = i
	}
	var readings []Pattern
	if not < 0 {
		rs, err := split(atoms, 0)
		if err != nil {
			return Pattern{}, err
		}
		for _, r := range rs {
			readings = append(readings, Pattern{Subject: r[0], Predicate: r[1], Object: r[2]})
		}
	} else {
		n := atoms[not]
		if not == 0 {
			return Pattern{}, errorf(n.pos, `expected a subject before "not"`)
		}
		if g := groups(atoms[:not]); len(g) > 1 {
			return Pattern{}, errorf(g[1][0].pos, `unexpected %s: "not" goes right before the predicate`, g[1][0].src)
		}
		subject := termOf(atoms[:not])
		rest := atoms[not+1:]
		if len(rest) == 0 {
			return Pattern{}, errorf(Pos{n.pos.Query, n.end}, `expected a predicate after "not"`)
		}
		rs, err := split(rest, 1)
		if err != nil {
			return Pattern{}, err
		}
		for _, r := range rs {
			readings = append(readings, Pattern{Subject: subject, Predicate: r[0], Object: r[1], Negated: true})
		}
	}
	for _, t := range readings[0].terms() {
		// Every reading has the same quoted strings.
		if t.Kind == Name && strings.TrimSpace(t.Text) == "" {
			return Pattern{}, errorf(t.Pos, "empty name")
		}
	}
	if len(readings) == 1 {
		return readings[0], nil
	}
	// Several ways to split runs of bare words: keep those whose
	// predicate the store knows.
	var fit []Pattern
	var preds []string
	for _, r := range readings {
		if known != nil && known(r.Predicate.Text) {
			fit = append(fit, r)
		}
		preds = append(preds, fmt.Sprintf("%q", r.Predicate.Text))
	}
	src := make([]string, len(atoms))
	for i, a := range atoms {
		src[i] = a.src
	}
	text := strings.Join(src, " ")
	switch len(fit) {
	case 1:
		return fit[0], nil
	case 0:
		return Pattern{}, errorf(atoms[0].pos, `cannot tell subject, predicate and object apart in %q: no predicate known among %s; quote the names, as in '"Sergei Lavrov" meets ?y'`,
			text, strings.Join(preds, ", "))
	}
	alt := make([]string, len(fit))
	for i, r := range fit {
		alt[i] = "(" + r.Subject.String() + " | " + r.Predicate.String() + " | " + r.Object.String() + ")"
	}
	return Pattern{}, errorf(atoms[0].pos, "%q reads %d ways: %s; quote the names", text, len(fit), strings.Join(alt, " or "))
}

// split returns every way to read atoms as the places of a pattern from
// roles[from] on: each place one quoted string, variable or wildcard, or
// a run of bare words. It returns an error, placed at the trouble, if
// there is no way.
func split(atoms []token, from int) ([][]Term, error) {
	k := 3 - from
	g := groups(atoms)
	if len(g) > k {
		extra := g[k][0]
		prev := g[k-1]
		return nil, errorf(extra.pos, "unexpected %s after the object %s (separate patterns with ;)", extra.src, prev[len(prev)-1].src)
	}
	if len(atoms) < k {
		last := atoms[len(atoms)-1]
		return nil, errorf(Pos{last.pos.Query, last.end}, "expected %s after %s", role(from+len(atoms)), last.src)
	}
	return splits(atoms, k), nil
}

// splits returns the ways to read atoms as k places.
func splits(atoms []token, k int) [][]Term {
	if k == 0 || len(atoms) == 0 {
		if k == 0 && len(atoms) == 0 {
			return [][]Term{nil}
		}
		return nil
	}
	n := 1 // atoms making the first place
	if atoms[0].kind == tokWord {
		for n < len(atoms) && atoms[n].kind == tokWord {
			n++
		}
	}
	var out [][]Term
	for i := 1; i <= n; i++ {
		first := termOf(atoms[:i])
		for _, rest := range splits(atoms[i:], k-1) {
			out = append(out, append([]Term{first}, rest...))
		}
	}
	return out
}

// groups returns atoms in groups that no reading splits: each run of
// bare words, and each other atom.
func groups(atoms []token) [][]token {
	var g [][]token
	for i, a := range atoms {
		if a.kind == tokWord && i > 0 && atoms[i-1].kind == tokWord {
			g[len(g)-1] = append(g[len(g)-1], a)
			continue
		}
		g = append(g, []token{a})
	}
	return g
}

// termOf returns the term made of one atom or a run of bare words.
func termOf(atoms []token) Term {
	a := atoms[0]
	t := Term{Pos: a.pos, Text: a.text}
	switch a.kind {
	case tokVar:
		t.Kind = Var
	case tokAny:
		t.Kind = Any
	case tokQuoted:
		t.Kind = Name
	default:
		t.Kind = Name
		words := make([]string, len(atoms))
		for i, w := range atoms {
			words[i] = w.text
		}
		t.Text = strings.Join(words, " ")
	}
	return t
}
