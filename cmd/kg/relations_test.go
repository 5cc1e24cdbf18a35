package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestModelTrainRelations trains a relation model through the CLI on the
// invented annotated articles of extract/testdata/relations, measures its
// coverage, and extracts with it; a threshold above every confidence keeps
// nothing, and a bad annotation file names its line.
func TestModelTrainRelations(t *testing.T) {
	data, err := filepath.Abs(filepath.Join("..", "..", "extract", "testdata", "relations"))
	if err != nil {
		t.Fatal(err)
	}
	dir, _ := isolate(t)
	arts, gold := filepath.Join(data, "articles.jsonl"), filepath.Join(data, "gold.jsonl")
	model := filepath.Join(dir, "mine.kgr")
	out, stderr, code := kg(t, "-q", "model", "train", "--relations", "--folds", "4", "--articles", arts, "--gold", gold, "--out", model)
	if code != exitOK {
		t.Fatalf("train exit %d: %s", code, stderr)
	}
	for _, want := range []string{"annotations   32", "covered", "reachable", "threshold", "wrote " + model} {
		if !strings.Contains(out, want) {
			t.Errorf("training report lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(model); err != nil {
		t.Fatal(err)
	}

	t.Setenv("KG_EXTRACT_RELATION_MODEL", model)
	out, stderr, code = kg(t, "--format", "json", "model", "eval", "--relations", "--articles", arts, "--gold", gold)
	if code != exitOK {
		t.Fatalf("model eval exit %d: %s", code, stderr)
	}
	var cov []struct {
		Group                           string
		Annotations, Covered, Reachable int
	}
	if err := json.Unmarshal([]byte(out), &cov); err != nil || len(cov) == 0 {
		t.Fatalf("coverage %q: %v", out, err)
	}
	if all := cov[len(cov)-1]; all.Group != "all" || all.Annotations != 32 || all.Reachable < 24 || all.Covered < all.Reachable {
		t.Errorf("coverage = %+v, want 32 annotations, at least 24 reachable, covered ≥ reachable", all)
	}

	text := filepath.Join(dir, "new.txt")
	if err := os.WriteFile(text, []byte("Hanna Kowalski visited Namur on Friday. Hanna Kowalski met Lucas Meyer at the town hall."), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code = kg(t, "extract", "--lang", "en", "--no-store", "--emit", "jsonl", text)
	if code != exitOK || !strings.Contains(out, `"object":"Lucas Meyer"`) {
		t.Fatalf("extract with the trained model: exit %d, %s\n%s", code, stderr, out)
	}
	out, _, code = kg(t, "extract", "--lang", "en", "--no-store", "--emit", "jsonl", "--min-confidence", "0.999", text)
	if code != exitOK || strings.TrimSpace(out) != "" {
		t.Errorf("--min-confidence 0.999 kept %q (exit %d)", out, code)
	}

	bad := filepath.Join(dir, "bad.gold.jsonl")
	os.WriteFile(bad, []byte("{\"doc\":\"d\",\"s\":[\"a\"],\"p\":[\"b\"],\"o\":[\"c\"],\"sentence\":\"a b c\"}\n{\"doc\":\"d\"}\n"), 0o644)
	_, stderr, code = kg(t, "model", "train", "--relations", "--articles", arts, "--gold", bad, "--out", model)
	if code != exitUsage || !strings.Contains(stderr, "bad.gold.jsonl:2") {
		t.Errorf("bad annotations: exit %d, %q; want %d naming line 2", code, stderr, exitUsage)
	}
	_, stderr, code = kg(t, "extract", "--relations", "maybe", text)
	if code != exitUsage || !strings.Contains(stderr, "extract.relations") {
		t.Errorf("--relations maybe: exit %d, %q", code, stderr)
	}
}
