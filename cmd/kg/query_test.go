package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// examplesStore extracts the bundled examples into a new store.
func examplesStore(t *testing.T) string {
	t.Helper()
	dir, ex := isolate(t)
	store := filepath.Join(dir, "store")
	if _, stderr, code := kg(t, "--quiet", "--store", store, "extract", ex); code != exitOK {
		t.Fatalf("extract exit %d: %s", code, stderr)
	}
	return store
}

// The Wikinews articles of the examples that state (Donald Trump, is
// president of, United States).
const (
	trumpDoc1 = "enwikinews:U.S._House_formalizes_rules_for_Trump_impeachment_proceedings"
	trumpDoc3 = "enwikinews:US_President_Trump_declares_COVID-19_national_emergency"
)

func TestQueryPatterns(t *testing.T) {
	store := examplesStore(t)
	tests := []struct {
		name   string
		args   []string
		code   int
		out    string
		stderr string // in stderr
	}{
		{"join", []string{"--format", "csv", "query", "?x meets ?y", "?y visits Moscow"}, exitOK,
			"?x,?y,support,sources,first,last\nSergei Lavrov,Jean-Marc Ayrault,1,1,,\n", ""},
		{"join in one argument, aliases", []string{"--format", "jsonl", "query", "sergueï lavrov meets ?y; ?y visits moscou"}, exitOK,
			`{"?y":"Jean-Marc Ayrault","support":1,"sources":1}` + "\n", ""},
		{"json", []string{"--format", "json", "query", `"Donald Trump" "is president of" ?country`}, exitOK,
			"[\n  {\n    \"?country\": \"United States\",\n    \"support\": 3,\n    \"sources\": 1,\n    \"first\": \"2019-01-06\",\n    \"last\": \"2020-03-16\"\n  }\n]\n", ""},
		{"date filter", []string{"--format", "csv", "query", "Mike Pompeo blames ?what", "--since", "2019-09-15", "--until", "2019-09"}, exitOK,
			"?what,support,sources,first,last\nIran,1,1,2019-09-15,2019-09-15\n", ""},
		{"date filter leaves nothing", []string{"--format", "csv", "query", "Mike Pompeo blames ?what", "--until", "2018"}, exitNoMatch,
			"?what,support,sources,first,last\n", ""},
		{"modality filter", []string{"--format", "csv", "query", "?who considers ?what", "--modality", "reported"}, exitOK,
			"?who,?what,support,sources,first,last\nGermany,sanctions,1,1,,\n", ""},
		{"min support", []string{"--format", "csv", "query", `?who "is president of" "United States"`, "--min-support", "2"}, exitOK,
			"?who,support,sources,first,last\nDonald Trump,3,1,2019-01-06,2020-03-16\n", ""},
		{"flags filtered", []string{"--format", "csv", "query", "--predicate", "is president of", "--min-support", "2"}, exitOK,
			"subject,predicate,object,support,sources,first,last,modality\nDonald Trump,is president of,United States,3,1,2019-01-06,2020-03-16,asserted\n", ""},
		{"unknown names", []string{"query", "Nobody meets ?y", "?y sings ?z"}, exitNoMatch, "",
			`kg: no entity named "Nobody" in the store (query 1, column 1); no predicate named "sings" in the store (query 2, column 4)`},
		{"bad query", []string{"query", "?x meets ?y", `?y visits "Moscow`}, exitUsage, "",
			"kg: query 2, column 11: quote not closed\n  ?y visits \"Moscow\n            ^\n"},
		{"missing object", []string{"query", "?x meets"}, exitUsage, "",
			"kg: query 1, column 9: expected an object after meets\n  ?x meets\n          ^\n"},
		{"patterns and flags", []string{"query", "?x meets ?y", "--subject", "Lavrov"}, exitUsage, "", "not both"},
		{"bad date", []string{"query", "?x meets ?y", "--since", "2019-1"}, exitUsage, "", "--since"},
		{"bad modality", []string{"query", "?x meets ?y", "--modality", "said"}, exitUsage, "", "--modality"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := kg(t, append([]string{"--store", store}, tt.args...)...)
			if code != tt.code || tt.out != "" && out != tt.out || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d (want %d)\nstdout:\n%s\nwant:\n%s\nstderr:\n%s\nwant in it:\n%s", code, tt.code, out, tt.out, stderr, tt.stderr)
			}
		})
	}
}

func TestRm(t *testing.T) {
	store := examplesStore(t)
	q := func(args ...string) (string, int) {
		t.Helper()
		out, _, code := kg(t, append([]string{"--store", store, "--format", "csv", "query"}, args...)...)
		return out, code
	}
	const trump = `"Donald Trump" "is president of" ?country`
	// Donald Trump with the article that calls him Trump (2019-01-06).
	if out, _ := q(trump); out != "?country,support,sources,first,last\nUnited States,3,1,2019-01-06,2020-03-16\n" {
		t.Fatalf("before rm:\n%s", out)
	}
	// One of three documents: the relation loses its support and last
	// date; what that document alone stated goes, entities too.
	_, stderr, code := kg(t, "--store", store, "rm", trumpDoc3)
	if code != exitOK || stderr != "kg: 1 removed, 0 not in the store\n" {
		t.Errorf("rm exit %d: %s", code, stderr)
	}
	if out, _ := q(trump); out != "?country,support,sources,first,last\nUnited States,2,1,2019-01-06,2019-11-01\n" {
		t.Errorf("after rm:\n%s", out)
	}
	if _, stderr, code := kg(t, "--store", store, "query", "FEMA * ?x"); code != exitNoMatch || !strings.Contains(stderr, `no entity named "FEMA"`) {
		t.Errorf("FEMA after rm: exit %d, %s", code, stderr)
	}
	// A document not in the store is exit 1; the others still go.
	_, stderr, code = kg(t, "--store", store, "rm", "lavrov-ayrault-fr.txt", trumpDoc3, trumpDoc1)
	if code != exitNoMatch || !strings.Contains(stderr, `kg: no document "`+trumpDoc3+`" in the store`) || !strings.Contains(stderr, "2 removed, 1 not in the store") {
		t.Errorf("rm with a missing document: exit %d, %s", code, stderr)
	}
	// Moscow went with the document: said, not shown as an empty table.
	if out, code := q("?x meets ?y", "?y visits Moscow"); code != exitNoMatch || out != "" {
		t.Errorf("join after rm of its document: exit %d\n%s", code, out)
	}
	// The article that calls him President Trump still names Donald
	// Trump (a known politician's lone surname): his relation keeps
	// that article's support alone.
	if out, code := q(trump); code != exitOK || out != "?country,support,sources,first,last\nUnited States,1,1,2019-01-06,2019-01-06\n" {
		t.Errorf("after the second rm: exit %d\n%s", code, out)
	}
	if _, _, code := kg(t, "--store", store, "rm"); code != exitUsage {
		t.Errorf("rm without documents: exit %d", code)
	}
}
