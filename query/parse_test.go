package query

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// knownPreds stands for a store's predicates in parser tests.
func knownPreds(p string) bool {
	return slices.Contains([]string{"meets", "visits", "rules out", "is president of", "lavrov"}, strings.ToLower(p))
}

func TestParse(t *testing.T) {
	tests := []struct {
		texts []string
		want  string // Query.String
		vars  string
	}{
		{[]string{"?x meets ?y"}, "?x meets ?y", "x y"},
		{[]string{"?x meets ?y", "?y visits Moscow"}, "?x meets ?y ; ?y visits Moscow", "x y"},
		{[]string{"?x meets ?y; ?y visits Moscow;"}, "?x meets ?y ; ?y visits Moscow", "x y"},
		{[]string{"?x meets ?y ;?y visits ?z ; ?z visits ?x"}, "?x meets ?y ; ?y visits ?z ; ?z visits ?x", "x y z"},
		// Quoted names, escapes, wildcards.
		{[]string{`"Sergei Lavrov" meets ?y`}, `"Sergei Lavrov" meets ?y`, "y"},
		{[]string{`* "rules out" _`}, `* "rules out" *`, ""},
		{[]string{`"say \"hi\"" meets "a\\b"`}, `"say \"hi\"" meets "a\\b"`, ""},
		{[]string{`"not" meets "?x"`}, `"not" meets "?x"`, ""},
		// Bare words: one term between other terms, split by known
		// predicates otherwise.
		{[]string{"?x is president of ?y"}, `?x "is president of" ?y`, "x y"},
		{[]string{"Sergei Lavrov meets ?y"}, `"Sergei Lavrov" meets ?y`, "y"},
		{[]string{"Jean-Marc Ayrault visits Moscow"}, `"Jean-Marc Ayrault" visits Moscow`, ""},
		{[]string{"Lavrov  meets\tAyrault"}, "Lavrov meets Ayrault", ""},
		{[]string{"?x visits Côte d'Ivoire"}, `?x visits "Côte d'Ivoire"`, "x"},
		{[]string{"?p_1 ?é ?x2"}, "?p_1 ?é ?x2", "p_1 é x2"},
		// Negation.
		{[]string{`"United States" not "rules out" ?x`}, `"United States" not "rules out" ?x`, "x"},
		{[]string{"United States NOT rules out military force"}, `"United States" not "rules out" "military force"`, ""},
		{[]string{"?x not ?p ?y"}, "?x not ?p ?y", "x p y"},
		// Variables in order of first appearance, across texts.
		{[]string{"?b meets ?a", "?c visits ?a"}, "?b meets ?a ; ?c visits ?a", "b a c"},
		{[]string{"?x meets ?x"}, "?x meets ?x", "x"},
	}
	for _, tt := range tests {
		q, err := Parse(tt.texts, knownPreds)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.texts, err)
			continue
		}
		if got := q.String(); got != tt.want {
			t.Errorf("Parse(%q) = %s, want %s", tt.texts, got, tt.want)
		}
		if got := strings.Join(q.Vars, " "); got != tt.vars {
			t.Errorf("Parse(%q) vars = %q, want %q", tt.texts, got, tt.vars)
		}
		// The string form reads back the same.
		if q2, err := Parse([]string{q.String()}, knownPreds); err != nil || q2.String() != q.String() {
			t.Errorf("Parse(%q) = %v, %v; want %s", q.String(), q2, err, q.String())
		}
	}
}

func TestParsePositions(t *testing.T) {
	q, err := Parse([]string{`?x meets "Jean-Marc Ayrault"`, "  Lavrov ; ?é visits ?y"}, nil)
	if err == nil {
		t.Fatalf("Parse = %s, want an error", q)
	}
	q, err = Parse([]string{`?x meets "Jean-Marc Ayrault"`, "  ?z rules ?x ; ?é visits ?y"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []Pos
	for _, p := range q.Patterns {
		for _, t := range p.terms() {
			got = append(got, t.Pos)
		}
	}
	want := []Pos{{1, 1}, {1, 4}, {1, 10}, {2, 3}, {2, 6}, {2, 12}, {2, 17}, {2, 20}, {2, 27}}
	if !slices.Equal(got, want) {
		t.Errorf("positions = %v, want %v", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		texts []string
		known bool   // use knownPreds; else nil
		want  string // Error()
		caret string // Caret(), for some
	}{
		{[]string{"?x"}, true, `query 1, column 3: expected a predicate after ?x`, "  ?x\n    ^"},
		{[]string{"?x meets"}, true, `query 1, column 9: expected an object after meets`, "  ?x meets\n          ^"},
		{[]string{"?x meets ?y", "?y ?z"}, true, `query 2, column 6: expected an object after ?z`, ""},
		{[]string{"?x meets ?y ?z"}, true, `query 1, column 13: unexpected ?z after the object ?y (separate patterns with ;)`, "  ?x meets ?y ?z\n              ^"},
		{[]string{`"Sergueï Lavrov" meets ?y "x"`}, true, `query 1, column 27: unexpected "x" after the object ?y (separate patterns with ;)`, "  \"Sergueï Lavrov\" meets ?y \"x\"\n                            ^"},
		{[]string{`?x meets "Jean-Marc`}, true, `query 1, column 10: quote not closed`, ""},
		{[]string{`?x meets "a"b`}, true, `query 1, column 13: expected a space after the closing quote`, ""},
		{[]string{`?x meets a"b"`}, true, `query 1, column 11: quote inside a word (put a space before it)`, ""},
		{[]string{"? meets ?y"}, true, `query 1, column 1: expected a variable name after ?`, ""},
		{[]string{"?x-y meets ?y"}, true, `query 1, column 3: unexpected '-' in variable "?x-y" (letters, digits and _ only)`, ""},
		{[]string{""}, true, `query 1, column 1: empty query`, ""},
		{[]string{"   "}, true, `query 1, column 1: empty query`, ""},
		{[]string{"?x meets ?y;; ?y visits ?z"}, true, `query 1, column 13: empty pattern before ;`, ""},
		{[]string{"; ?x meets ?y"}, true, `query 1, column 1: empty pattern before ;`, ""},
		{[]string{`?x meets ""`}, true, `query 1, column 10: empty name`, ""},
		{[]string{"not meets ?y"}, true, `query 1, column 1: expected a subject before "not"`, ""},
		{[]string{"?x not"}, true, `query 1, column 7: expected a predicate after "not"`, ""},
		{[]string{"?x not meets"}, true, `query 1, column 13: expected an object after meets`, ""},
		{[]string{"?x ?p not ?y"}, true, `query 1, column 4: unexpected ?p: "not" goes right before the predicate`, ""},
		{[]string{"?x not meets not ?y"}, true, `query 1, column 14: a second "not" (quote a name containing the word)`, ""},
		// Bare words that split no way or several ways.
		{[]string{"Sergei Lavrov meets ?y"}, false,
			`query 1, column 1: cannot tell subject, predicate and object apart in "Sergei Lavrov meets ?y": no predicate known among "Lavrov meets", "meets"; quote the names, as in '"Sergei Lavrov" meets ?y'`, ""},
		{[]string{"Sergei Ivanov sings Ayrault"}, true,
			`query 1, column 1: cannot tell subject, predicate and object apart in "Sergei Ivanov sings Ayrault": no predicate known among "Ivanov", "Ivanov sings", "sings"; quote the names, as in '"Sergei Lavrov" meets ?y'`, ""},
		{[]string{"?x meets Sergei Lavrov ?y visits ?z"}, true,
			`query 1, column 27: unexpected visits after the object ?y (separate patterns with ;)`, ""},
		{[]string{"Sergei Lavrov meets Ayrault"}, true,
			`query 1, column 1: "Sergei Lavrov meets Ayrault" reads 2 ways: (Sergei | Lavrov | "meets Ayrault") or ("Sergei Lavrov" | meets | Ayrault); quote the names`, ""},
		{[]string{"a\xffb"}, true, `query 1, column 2: invalid UTF-8`, ""},
		{[]string{"?x " + strings.Repeat("w ", 45)}, true, `query 1, column 82: pattern too long (at most 40 words and terms; quote multiword names)`, ""},
	}
	for _, tt := range tests {
		known := knownPreds
		if !tt.known {
			known = nil
		}
		q, err := Parse(tt.texts, known)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("Parse(%q) = %v, %v; want error %s", tt.texts, q, err, tt.want)
			continue
		}
		if e.Error() != tt.want {
			t.Errorf("Parse(%q) error\n\t%s\nwant\n\t%s", tt.texts, e.Error(), tt.want)
		}
		if e.Text != tt.texts[e.Pos.Query-1] {
			t.Errorf("Parse(%q) error text %q", tt.texts, e.Text)
		}
		if tt.caret != "" && e.Caret() != tt.caret {
			t.Errorf("Parse(%q) caret\n%s\nwant\n%s", tt.texts, e.Caret(), tt.caret)
		}
	}
}

// FuzzParse checks that any text parses or fails with a position inside
// it, and that what parses prints as a query that parses the same.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"?x meets ?y; ?y visits Moscow", `"Sergei Lavrov" not "rules out" *`, "Sergei Lavrov meets ?y",
		`?x "a\"b" _ ;`, "?x-y", "not not", ";;", "?é ?p Côte d'Ivoire",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		q, err := Parse([]string{text}, knownPreds)
		var e *Error
		switch {
		case errors.As(err, &e):
			if n := utf8.RuneCountInString(text); e.Pos.Query != 1 || e.Pos.Column < 1 || e.Pos.Column > n+1 {
				t.Errorf("Parse(%q): error at %v, outside the text of %d characters: %v", text, e.Pos, n, e)
			}
		case err != nil:
			t.Errorf("Parse(%q): %v, not an *Error", text, err)
		default:
			q2, err := Parse([]string{q.String()}, knownPreds)
			if err != nil || q2.String() != q.String() {
				t.Errorf("Parse(%q) = %s, which parses as %v, %v", text, q, q2, err)
			}
		}
	})
}
