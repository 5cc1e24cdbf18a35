package main

import (
	"strings"
	"testing"
)

// TestLookups checks, on the examples' store, that every lookup of a name
// finding no entity says so, with exit status 1 and nothing on stdout,
// and that a person is looked up with the surname stored as a person of
// its own: "Trump" states in one article what "Donald Trump" states in
// others.
func TestLookups(t *testing.T) {
	store := examplesStore(t)
	const nobody = `kg: no entity named "Zelda Nobody" in the store`
	for _, tt := range []struct {
		args []string
		code int
		out  string // in stdout, "" for none
		err  string // in stderr
	}{
		{[]string{"query", "--subject", "Zelda Nobody"}, exitNoMatch, "", nobody},
		{[]string{"query", "--object", "Zelda Nobody", "--predicate", "meets"}, exitNoMatch, "", nobody},
		{[]string{"query", "--subject", "Sergei Lavrov", "--object", "Zelda Nobody"}, exitNoMatch, "", nobody},
		{[]string{"neighbors", "Zelda Nobody"}, exitNoMatch, "", nobody},
		{[]string{"why", "Zelda Nobody", "meets", "Jean-Marc Ayrault"}, exitNoMatch, "", nobody},
		{[]string{"why", "Sergei Lavrov", "meets", "Zelda Nobody"}, exitNoMatch, "", nobody},
		{[]string{"path", "Zelda Nobody", "Moscow"}, exitNoMatch, "", nobody},
		{[]string{"export", "--format", "dot", "--focus", "Zelda Nobody"}, exitNoMatch, "", nobody},
		{[]string{"query", "Zelda Nobody * ?x"}, exitNoMatch, "", `kg: no entity named "Zelda Nobody" in the store (query 1, column 1)`},
		// The 2019-01-06 article says "Trump", the others "Donald Trump".
		{[]string{"why", "Donald Trump", "is president of", "United States"}, exitOK, "2019-01-06", ""},
		{[]string{"query", "--subject", "Donald Trump", "--predicate", "expresses"}, exitOK, "Trump", ""},
		{[]string{"query", "--subject", "Trump", "--predicate", "declares"}, exitOK, "Donald Trump", ""},
		{[]string{"query", `"Donald Trump" expresses ?what`}, exitOK, "favorable interest", ""},
		{[]string{"neighbors", "Donald Trump"}, exitOK, "favorable interest", ""},
	} {
		args := append([]string{"--store", store}, tt.args...)
		out, stderr, code := kg(t, args...)
		if code != tt.code || tt.out == "" && out != "" || !strings.Contains(out, tt.out) || !strings.Contains(stderr, tt.err) {
			t.Errorf("kg %s: exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q",
				strings.Join(tt.args, " "), code, out, stderr, tt.code, tt.out, tt.err)
		}
	}
}
