package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDates checks that every command reads dates alike, refuses those
// that do not exist, and that a document's unreadable date is dropped
// with a warning, the document kept.
func TestDates(t *testing.T) {
	store, dir := exampleStore(t)
	tests := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"export", "--since", "2019", "--format", "jsonl"}, exitOK, ""},
		{[]string{"export", "--since", "2019-01", "--until", "2019", "--format", "jsonl"}, exitOK, ""},
		{[]string{"query", "--since", "2019"}, exitOK, ""},
		{[]string{"export", "--since", "2019-13"}, exitUsage, `--since: invalid date "2019-13": there is no month 13`},
		{[]string{"query", "--since", "2019-13"}, exitUsage, `--since: invalid date "2019-13": there is no month 13`},
		{[]string{"query", "--until", "2019-02-29"}, exitUsage, "February 2019 has no day 29"},
		{[]string{"export", "--until", "2019-02-29"}, exitUsage, "February 2019 has no day 29"},
		{[]string{"query", "--since", "yesterday"}, exitUsage, "want YYYY, YYYY-MM or YYYY-MM-DD"},
		{[]string{"export", "--since", "2019-02", "--until", "2019-01"}, exitUsage, "--until 2019-01 is before --since 2019-02"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, stderr, code := kg(t, append([]string{"--store", store}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, stderr, tt.code, tt.msg)
			}
		})
	}

	corpus := filepath.Join(dir, "dated.jsonl")
	os.WriteFile(corpus, []byte(`{"id": "y1", "text": "Orvane Tillk met Brisa Quellmann in Geneva on Monday.", "date": "yesterday", "lang": "en"}`+"\n"), 0o644)
	other := filepath.Join(dir, "other")
	_, stderr, code := kg(t, "--store", other, "extract", corpus)
	if code != exitOK || !strings.Contains(stderr, corpus+`:1: invalid date "yesterday"`) || !strings.Contains(stderr, "1 added") {
		t.Errorf("extract of a document dated yesterday: exit %d, %s; want 0, a warning naming the line, the document added", code, stderr)
	}
	if _, _, code := kg(t, "--store", other, "query", "--since", "2020"); code != exitNoMatch {
		t.Errorf("query --since 2020 of an undated document: exit %d, want %d", code, exitNoMatch)
	}
	if out, _, code := kg(t, "--store", other, "--format", "csv", "query", "--subject", "Orvane Tillk"); code != exitOK || !strings.Contains(out, "meets,Brisa Quellmann,1,1,,,") {
		t.Errorf("query of the undated document: exit %d,\n%s", code, out)
	}
}
