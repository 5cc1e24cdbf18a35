package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLangFlag checks that extract's --lang overrides detection: extract
// and eval both bind a --lang flag to extract.lang, and the one on the
// command line must be the one read.
func TestLangFlag(t *testing.T) {
	isolate(t)
	// Too short for detection to call it English.
	doc := filepath.Join(t.TempDir(), "short.txt")
	if err := os.WriteFile(doc, []byte("Then Ahmed al-Muhandis met Vladimir Putin.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"extract", "--no-store", "--emit", "jsonl", "--lang", "en", doc}, `"lang":"en"`},
		{[]string{"extract", "--no-store", "--emit", "jsonl", "--lang=en", doc}, `"predicate":"meets"`},
	} {
		out, stderr, code := kg(t, tt.args...)
		if code != 0 || !strings.Contains(out, tt.want) {
			t.Errorf("kg %s: exit %d, stdout %q, stderr %q; want %s", strings.Join(tt.args, " "), code, out, stderr, tt.want)
		}
	}
}
