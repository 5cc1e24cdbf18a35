package query

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokenKind is the kind of a lexical token.
type tokenKind uint8

const (
	tokWord   tokenKind = iota // a bare word
	tokQuoted                  // "..."
	tokVar                     // ?name
	tokAny                     // * or _
	tokSemi                    // ;
)

// token is one lexical token of a query text.
type token struct {
	kind tokenKind
	text string // the word, the unquoted string, or the variable's name
	src  string // as written
	pos  Pos    // of its first character
	end  int    // column after its last character
}

// isNot reports whether t is the negation marker.
func (t token) isNot() bool { return t.kind == tokWord && strings.EqualFold(t.text, "not") }

// lex splits the text of query n (1-based) into tokens. Columns count
// characters, not bytes, so that a caret under an accented text lines up.
func lex(n int, text string) ([]token, error) {
	var toks []token
	col := 1
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		start := Pos{Query: n, Column: col}
		switch {
		case r == utf8.RuneError && size == 1:
			return nil, errorf(start, "invalid UTF-8")
		case unicode.IsSpace(r):
			i += size
			col++
			continue
		case r == ';':
			toks = append(toks, token{kind: tokSemi, text: ";", src: ";", pos: start, end: col + 1})
			i += size
			col++
			continue
		case r == '"':
			s, j, c, ok := lexQuoted(text, i)
			if !ok {
				return nil, errorf(start, "quote not closed")
			}
			toks = append(toks, token{kind: tokQuoted, text: s, src: text[i:j], pos: start, end: col + c})
			i, col = j, col+c
			if i < len(text) && !isBoundary(text[i:]) {
				return nil, errorf(Pos{n, col}, "expected a space after the closing quote")
			}
			continue
		}
		j, c := i, 0
		for j < len(text) && !isBoundary(text[j:]) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if r == utf8.RuneError && size == 1 {
				return nil, errorf(Pos{n, col + c}, "invalid UTF-8")
			}
			if r == '"' {
				return nil, errorf(Pos{n, col + c}, "quote inside a word (put a space before it)")
			}
			j += size
			c++
		}
		w := text[i:j]
		t := token{kind: tokWord, text: w, src: w, pos: start, end: col + c}
		switch {
		case w == "*" || w == "_":
			t.kind = tokAny
		case w[0] == '?':
			t.kind, t.text = tokVar, w[1:]
			if t.text == "" {
				return nil, errorf(start, "expected a variable name after ?")
			}
			for k, r := range t.text {
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
					return nil, errorf(Pos{n, col + 1 + utf8.RuneCountInString(t.text[:k])},
						"unexpected %q in variable %q (letters, digits and _ only)", r, w)
				}
			}
		}
		toks = append(toks, t)
		i, col = j, col+c
	}
	return toks, nil
}

// isBoundary reports whether s starts with what ends a bare word.
func isBoundary(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r) || r == ';'
}

// lexQuoted reads the string whose opening quote is text[i], returning
// its unescaped content, the index after the closing quote and the
// number of characters read.
func lexQuoted(text string, i int) (s string, end, chars int, ok bool) {
	var b strings.Builder
	chars = 1
	for j := i + 1; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		j += size
		chars++
		switch r {
		case '"':
			return b.String(), j, chars, true
		case '\\':
			if j < len(text) && (text[j] == '"' || text[j] == '\\') {
				b.WriteByte(text[j])
				j++
				chars++
				continue
			}
		}
		b.WriteRune(r)
	}
	return "", 0, 0, false
}
