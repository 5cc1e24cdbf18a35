package relmodel

import (
	"bytes"
	"compress/gzip"
	"testing"

	"github.com/kgraph/kg/extract/lexicon"
)

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// loadLexicon loads the embedded lexicon of lang.
func loadLexicon(t *testing.T, lang string) *lexicon.Lexicon {
	t.Helper()
	lex, err := lexicon.Load(lang)
	if err != nil {
		t.Fatal(err)
	}
	return lex
}

// argNames returns what side gives of each argument of a, in order.
func argNames(a *analysed, side func(arg) string) []string {
	var out []string
	for _, x := range a.args {
		out = append(out, side(x))
	}
	return out
}
