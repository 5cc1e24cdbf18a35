package openie

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/model"
	"github.com/kgraph/kg/internal/shareddata"
)

func builtinEN(t *testing.T) *model.Model {
	t.Helper()
	m, err := model.Builtin("en")
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestExtract(t *testing.T) {
	m := builtinEN(t)
	tests := []struct {
		sentence string
		want     []string // relation | arg1 | arg2 ...
	}{
		{"John Kerry met Sergei Lavrov in Geneva .", []string{"met | John Kerry | Sergei Lavrov | in Geneva"}},
		{"The minister arrived in Paris on Monday .", []string{"arrived in | The minister | Paris | on Monday"}},
		{"Iran wants to build a reactor .", []string{"wants to build | Iran | a reactor"}},
		{"The treaty signed in 1990 ended the war .", []string{"signed in | The treaty | 1990", "ended | The treaty | the war"}},
		{"Paris is the capital of France .", []string{"is | Paris | the capital of France"}},
		{"The treaty was not signed by Russia .", []string{"was not signed by | The treaty | Russia"}},
		{"Angela Merkel , the German chancellor , visited Moscow .", []string{"visited | Angela Merkel | Moscow", "is | Angela Merkel | the German chancellor"}},
	}
	for _, tt := range tests {
		var got []string
		for _, e := range Extract(m, strings.Fields(tt.sentence)) {
			got = append(got, e.Relation+" | "+strings.Join(e.Args, " | "))
		}
		for _, w := range tt.want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				t.Errorf("%q: missing %q in %q", tt.sentence, w, got)
			}
		}
	}
}

func TestWriteCaRB(t *testing.T) {
	var out bytes.Buffer
	in := "John Kerry met Sergei Lavrov .\n\nParis is the capital of France .\n"
	if err := WriteCaRB(context.Background(), builtinEN(t), strings.NewReader(in), "in", &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines:\n%s", len(lines), out.String())
	}
	if f := strings.Split(lines[0], "\t"); len(f) < 5 || f[0] != "John Kerry met Sergei Lavrov ." || f[2] != "met" || f[3] != "John Kerry" || f[4] != "Sergei Lavrov" {
		t.Errorf("line %q", lines[0])
	}
}

// TestCaRBDev scores the CaRB dev split with the shared carbscore tool
// and checks the figure has not fallen (it is 0.458 F1).
func TestCaRBDev(t *testing.T) {
	if testing.Short() {
		t.Skip("scores 641 sentences; skipped with -short")
	}
	dev := shareddata.Path(t, "eval", "carb", "dev.txt")
	tool := shareddata.Path(t, "tools", "carbscore")
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not on PATH")
	}
	f, err := os.Open(dev)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sys := filepath.Join(t.TempDir(), "sys.tsv")
	var out bytes.Buffer
	if err := WriteCaRB(context.Background(), builtinEN(t), f, dev, &out); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(sys, out.Bytes(), 0o644)
	res, err := exec.Command("python3", tool, "--gold", filepath.Join(filepath.Dir(dev), "dev.gold.tsv"), "--system", sys, "--json").Output()
	if err != nil {
		t.Fatal(err)
	}
	var score struct{ F1 float64 }
	if err := jsonUnmarshal(res, &score); err != nil {
		t.Fatalf("%v: %s", err, res)
	}
	t.Logf("CaRB dev F1 %.3f", score.F1)
	if score.F1 < 0.45 {
		t.Errorf("CaRB dev F1 %.3f, below 0.45", score.F1)
	}
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
