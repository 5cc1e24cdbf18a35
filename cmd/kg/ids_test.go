package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDocumentIDs checks that documents do not replace each other by
// accident: a repeated id in a corpus is reported and the first kept,
// and each text piped in is a document of its own.
func TestDocumentIDs(t *testing.T) {
	dir, _ := isolate(t)
	store := filepath.Join(dir, "store")
	corpus := filepath.Join(dir, "dups.jsonl")
	os.WriteFile(corpus, []byte(`{"id": "a", "lang": "en", "text": "Orvane Tillk met Brisa Quellmann in Geneva on Monday."}
{"id": "a", "lang": "en", "text": "Orvane Tillk met Dorn Abbel in Geneva on Tuesday."}
`), 0o644)
	_, stderr, code := kg(t, "--store", store, "extract", corpus)
	if code != exitPartial || !strings.Contains(stderr, corpus+`:2: duplicate document id: "a", first read at `+corpus+":1, which is kept") {
		t.Errorf("extract of a repeated id: exit %d, %s; want %d and a warning naming line 2", code, stderr, exitPartial)
	}
	out, _, _ := kg(t, "--store", store, "--format", "csv", "query", "--subject", "Orvane Tillk")
	if !strings.Contains(out, "Brisa Quellmann") || strings.Contains(out, "Dorn Abbel") {
		t.Errorf("the first document is not the one kept:\n%s", out)
	}

	pipe := func(text string) (string, int) {
		var o, e bytes.Buffer
		code := run(context.Background(), []string{"--store", store, "extract", "--lang", "en", "-"}, strings.NewReader(text), &o, &e)
		return e.String(), code
	}
	for _, tt := range []struct {
		text, summary string
	}{
		{"Orvane Tillk met Brisa Quellmann in Geneva on Monday.", "1 added"},
		{"Dorn Abbel met Brisa Quellmann in Geneva on Friday.", "1 added"},
		{"Orvane Tillk met Brisa Quellmann in Geneva on Monday.", "1 unchanged"},
	} {
		if stderr, code := pipe(tt.text); code != exitOK || !strings.Contains(stderr, tt.summary) {
			t.Errorf("extract - of %q: exit %d, %s; want %s", tt.text, code, stderr, tt.summary)
		}
	}
	out, _, _ = kg(t, "--store", store, "--format", "csv", "query", "--object", "Brisa Quellmann", "--evidence")
	if strings.Count(out, "stdin:") != 2 {
		t.Errorf("want both piped documents, with stdin: ids, in\n%s", out)
	}
}

func TestStdinID(t *testing.T) {
	dir, _ := isolate(t)
	store := filepath.Join(dir, "store")
	var o, e bytes.Buffer
	if code := run(context.Background(), []string{"--store", store, "extract", "--lang", "en", "--id", "mine", "-"}, strings.NewReader("Orvane Tillk met Brisa Quellmann in Geneva on Monday."), &o, &e); code != exitOK {
		t.Fatalf("extract --id: exit %d, %s", code, e.String())
	}
	if _, stderr, code := kg(t, "--store", store, "rm", "mine"); code != exitOK {
		t.Errorf("rm of the document named by --id: exit %d, %s", code, stderr)
	}
}

func TestFollowSymlinks(t *testing.T) {
	dir, _ := isolate(t)
	corpus := filepath.Join(dir, "corpus")
	os.Mkdir(corpus, 0o755)
	os.WriteFile(filepath.Join(corpus, "a.txt"), []byte("Orvane Tillk met Brisa Quellmann in Geneva on Monday."), 0o644)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("Dorn Abbel met Brisa Quellmann in Geneva on Friday."), 0o644)
	if err := os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(corpus, "b.txt")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	_, stderr, code := kg(t, "--store", filepath.Join(dir, "s1"), "extract", "--lang", "en", corpus)
	if code != exitPartial || !strings.Contains(stderr, "b.txt: symbolic link out of the directory") || !strings.Contains(stderr, "--follow-symlinks") || !strings.Contains(stderr, "1 added") {
		t.Errorf("extract of a directory with a link out of it: exit %d, %s", code, stderr)
	}
	_, stderr, code = kg(t, "--store", filepath.Join(dir, "s2"), "extract", "--lang", "en", "--follow-symlinks", corpus)
	if code != exitOK || !strings.Contains(stderr, "2 added") {
		t.Errorf("extract --follow-symlinks: exit %d, %s", code, stderr)
	}
}
