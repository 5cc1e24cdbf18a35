package model

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/conllu"
	"github.com/kgraph/kg/internal/shareddata"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestBuiltinLanguages(t *testing.T) {
	if got := strings.Join(BuiltinLanguages(), ","); got != "en,fr" {
		t.Errorf("built-in languages %q, want en,fr", got)
	}
	if _, err := Builtin("de"); !errors.Is(err, ErrNoModel) {
		t.Errorf("Builtin(de) = %v, want ErrNoModel", err)
	}
}

// TestBuiltinParses checks the shipped models' analysis of fixed
// sentences against testdata/builtin.golden (-update rewrites it after a
// retraining, to be reviewed).
func TestBuiltinParses(t *testing.T) {
	sentences := []struct{ lang, text string }{
		{"en", "The German government did not rule out new sanctions against Russia ."},
		{"en", "Sergei Lavrov met John Kerry in Geneva on Monday ."},
		{"fr", "Le ministre français des Affaires étrangères s' est rendu à Moscou ."},
		{"fr", "Les autorités allemandes envisageaient d' imposer de nouvelles sanctions contre la Russie ."},
	}
	var b bytes.Buffer
	models := map[string]*Model{}
	for _, s := range sentences {
		m := models[s.lang]
		if m == nil {
			var err error
			if m, err = Builtin(s.lang); err != nil {
				t.Fatal(err)
			}
			models[s.lang] = m
		}
		words := strings.Fields(s.text)
		a := m.Analyze(words)
		fmt.Fprintf(&b, "# %s: %s\n", s.lang, s.text)
		for i, w := range words {
			fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%d\t%s\n", i+1, w, a.Lemma[i], a.UPOS[i], a.Head[i], a.Deprel[i])
		}
		b.WriteString("\n")
	}
	golden := filepath.Join("testdata", "builtin.golden")
	if *update {
		os.WriteFile(golden, b.Bytes(), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("built-in analyses differ from %s:\n%s", golden, b.String())
	}
}

// BenchmarkBuiltin measures loading a shipped model.
func BenchmarkBuiltin(b *testing.B) {
	for _, lang := range BuiltinLanguages() {
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				if _, err := Builtin(lang); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAnalyze tags, lemmatizes and parses the test split of a
// treebank with the built-in model, on one goroutine, in tokens/s.
func BenchmarkAnalyze(b *testing.B) {
	for _, tb := range []struct{ lang, file string }{
		{"en", "UD_English-EWT/en_ewt-ud-test.conllu"},
		{"fr", "UD_French-Sequoia/fr_sequoia-ud-test.conllu"},
	} {
		b.Run(tb.lang, func(b *testing.B) {
			path := shareddata.Path(b, "data", "ud", tb.file)
			f, err := os.Open(path)
			if err != nil {
				b.Fatal(err)
			}
			gold, err := conllu.ReadAll(f, path)
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
			m, err := Builtin(tb.lang)
			if err != nil {
				b.Fatal(err)
			}
			sentences := make([][]string, len(gold))
			tokens := 0
			for i, s := range gold {
				for _, w := range s.Words {
					sentences[i] = append(sentences[i], w.Form)
				}
				tokens += len(s.Words)
			}
			b.ResetTimer()
			for b.Loop() {
				for _, words := range sentences {
					m.Analyze(words)
				}
			}
			b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}
