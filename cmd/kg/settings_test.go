package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// shellWords splits a command line of the README as sh would, for the
// quoting it uses: words, 'single' and "double" quotes.
func shellWords(line string) []string {
	var words []string
	var cur strings.Builder
	in, quote := false, rune(0)
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			cur.WriteRune(r)
		case r == '\'' || r == '"':
			quote, in = r, true
		case r == ' ' || r == '\t':
			if in {
				words = append(words, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if in {
		words = append(words, cur.String())
	}
	return words
}

// TestReadmeSourceQuery runs the README's example of kg query --source
// on the example store: it must give rows.
func TestReadmeSourceQuery(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var example string
	for line := range strings.Lines(string(readme)) {
		if strings.HasPrefix(line, "kg query ") && strings.Contains(line, "--source") {
			example, _, _ = strings.Cut(strings.TrimSpace(line), "#")
			break
		}
	}
	if example == "" {
		t.Fatal("no kg query --source example in the README")
	}
	store, _ := exampleStore(t)
	args := shellWords(example)[1:]
	out, stderr, code := kg(t, append([]string{"--store", store}, args...)...)
	if code != exitOK || strings.Count(out, "\n") < 2 {
		t.Errorf("README example %s: exit %d, %s%s", example, code, out, stderr)
	}
}

// TestSettingsChecked checks that settings that would do nothing, or
// harm, are refused or bounded, with messages naming them.
func TestSettingsChecked(t *testing.T) {
	dir, ex := isolate(t)
	cfg := filepath.Join(dir, "kg.yaml")
	os.WriteFile(cfg, []byte("extract:\n  lexicons: ["+filepath.Join(dir, "nonexistent")+"]\n"), 0o644)
	doc := filepath.Join(ex, "lavrov-ayrault-fr.txt")
	_, stderr, code := kg(t, "--config", cfg, "--store", filepath.Join(dir, "s1"), "extract", doc)
	if code != exitUsage || !strings.Contains(stderr, "lexicon directory "+filepath.Join(dir, "nonexistent")+" (extract.lexicons)") {
		t.Errorf("extract with a lexicon directory that does not exist: exit %d, %s", code, stderr)
	}
	for _, args := range [][]string{{"extract", "--workers", "1000000", doc}, {"extract", doc}} {
		t.Setenv("KG_EXTRACT_WORKERS", "1000000")
		_, stderr, code := kg(t, append([]string{"--store", filepath.Join(dir, "s2")}, args...)...)
		if code != exitOK || !strings.Contains(stderr, "extract.workers 1000000 is more than") {
			t.Errorf("%v with a million workers: exit %d, %s; want a warning", args, code, stderr)
		}
	}
	os.WriteFile(cfg, []byte("store: ./x\nformat: table\n\textract: 1\n"), 0o644)
	if _, stderr, code := kg(t, "--config", cfg, "stats"); code != exitUsage || !strings.Contains(stderr, cfg+": line 3: ") {
		t.Errorf("a tab on line 3 of the config: exit %d, %s", code, stderr)
	}
}
