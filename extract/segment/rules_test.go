package segment

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// testRules holds the rules of each language, read once.
var testRules sync.Map

// rulesOf returns the spelling rules the lexicon's language.tsv gives
// lang (read here as the lexicon reads them: the lexicon imports this
// package), or the zero Rules for a language without a lexicon.
func rulesOf(tb testing.TB, lang string) Rules {
	tb.Helper()
	if r, ok := testRules.Load(lang); ok {
		return r.(Rules)
	}
	var r Rules
	if lang == "" || strings.Trim(lang, "abcdefghijklmnopqrstuvwxyz") != "" {
		return r // fuzzed: no language's directory
	}
	f, err := os.Open(filepath.Join("..", "lexicon", lang, "language.tsv"))
	if os.IsNotExist(err) {
		return r
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, val, ok := strings.Cut(sc.Text(), "\t")
		if !ok || strings.HasPrefix(name, "#") {
			continue
		}
		if val == "-" {
			val = ""
		}
		switch name {
		case "elided":
			r.Elided = val
		case "inversion":
			r.Inversion = val == "yes"
		case "contractions":
			r.Contractions = val
		case "space-groups":
			r.SpaceGroups = val == "yes"
		case "abbreviations":
			r.Abbreviations = val
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	testRules.Store(lang, r)
	return r
}
