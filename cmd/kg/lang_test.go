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

// TestUnknownLang checks that a language kg does not know is refused on
// the command line, and warned about and detected instead in a .jsonl
// line, rather than stored as the document's for good.
func TestUnknownLang(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	doc := filepath.Join(dir, "short.txt")
	lines := filepath.Join(dir, "wire.jsonl")
	files := map[string]string{
		doc:   "Then Ahmed al-Muhandis met Vladimir Putin.\n",
		lines: `{"id":"w1","lang":"zz","text":"Prime Minister Karel Vondrak met Chancellor Ilse Marten in Velmora on Monday, where the two leaders discussed the new bridge over the river and the trade between their countries."}` + "\n",
	}
	for name, text := range files {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		args       []string
		code       int
		out, warns string
	}{
		{[]string{"extract", "--no-store", "--emit", "jsonl", "--lang", "zz", doc}, 2, "", "de, en, es, fr, it, nl, pt"},
		{[]string{"extract", "--no-store", "--emit", "jsonl", lines}, 0, `"lang":"en"`, lines + `:1: lang "zz": kg knows de, en, es, fr, it, nl, pt; the document's language is detected instead`},
	} {
		out, stderr, code := kg(t, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.out) || !strings.Contains(stderr, tt.warns) {
			t.Errorf("kg %s: exit %d, stdout %q, stderr %q; want exit %d, %s on stdout and %s on stderr",
				strings.Join(tt.args, " "), code, out, stderr, tt.code, tt.out, tt.warns)
		}
	}
}

// TestLangChange checks that a document stored in a wrong language is
// extracted again when its language changes, as it is when the relation
// model does.
func TestLangChange(t *testing.T) {
	isolate(t)
	doc := filepath.Join(t.TempDir(), "short.txt")
	if err := os.WriteFile(doc, []byte("Then Ahmed al-Muhandis met Vladimir Putin.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--lang", "de"}, "1 added, 0 replaced, 0 unchanged, 1 not extracted"},
		{[]string{"--lang", "en"}, "0 added, 1 replaced, 0 unchanged, 0 not extracted"},
		{[]string{"--lang", "en"}, "0 added, 0 replaced, 1 unchanged"},
		{[]string{"--lang", "en", "--relations", "rules"}, "0 added, 1 replaced, 0 unchanged"},
	} {
		args := append(append([]string{"extract"}, tt.args...), doc)
		_, stderr, code := kg(t, args...)
		if code != 0 || !strings.Contains(stderr, tt.want) {
			t.Errorf("kg %s: exit %d, stderr %q; want %s", strings.Join(args, " "), code, stderr, tt.want)
		}
	}
	out, _, code := kg(t, "query", "--subject", "Ahmed al-Muhandis")
	if code != 0 || !strings.Contains(out, "meets") {
		t.Errorf("kg query --subject Ahmed al-Muhandis after the change: exit %d, %q; want the meets relation", code, out)
	}
}
