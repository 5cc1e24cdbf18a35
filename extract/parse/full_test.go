package parse

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kgraph/kg/extract/conllu"
	"github.com/kgraph/kg/internal/shareddata"
)

func readTreebank(tb testing.TB, elem ...string) []*conllu.Sentence {
	tb.Helper()
	path := shareddata.Path(tb, append([]string{"data", "ud"}, elem...)...)
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	s, err := conllu.ReadAll(f, filepath.Base(path))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestTrainFull trains the English and French models on the full
// treebanks and checks the targets with gold UPOS. It takes
// about two minutes, so it runs only with KG_TRAIN_FULL=1; the figures
// with kg's own tags come from kg model eval (see the README).
func TestTrainFull(t *testing.T) {
	if os.Getenv("KG_TRAIN_FULL") == "" {
		t.Skip("set KG_TRAIN_FULL=1 to train on the full treebanks")
	}
	tests := []struct {
		name           string
		train, dev     []string
		test           [][]string
		minUAS, minLAS float64
		iterations     int
	}{
		{"en", []string{"UD_English-EWT", "en_ewt-ud-train.conllu"}, []string{"UD_English-EWT", "en_ewt-ud-dev.conllu"},
			[][]string{{"UD_English-EWT", "en_ewt-ud-test.conllu"}}, 83, 79, 15},
		{"fr", []string{"UD_French-Sequoia", "fr_sequoia-ud-train.conllu"}, []string{"UD_French-Sequoia", "fr_sequoia-ud-dev.conllu"},
			[][]string{{"UD_French-Sequoia", "fr_sequoia-ud-test.conllu"}, {"UD_French-GSD", "fr_gsd-ud-test.conllu"}}, 85, 82, 15},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			p, err := Train(context.Background(), readTreebank(t, tc.train...), TrainOptions{
				Iterations: tc.iterations, Seed: 1, Dev: readTreebank(t, tc.dev...), Log: func(s string) { t.Log(s) },
			})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("trained in %s", time.Since(start).Round(time.Second))
			for i, test := range tc.test {
				sc := Evaluate(p, readTreebank(t, test...), nil)
				t.Logf("%s gold UPOS: UAS %.2f LAS %.2f, %d words, %.0f words/s", test[1], sc.UAS, sc.LAS, sc.Tokens, sc.TokensPerSec)
				if i == 0 && (sc.UAS < tc.minUAS || sc.LAS < tc.minLAS) {
					t.Errorf("%s: UAS %.2f LAS %.2f, want ≥ %.1f and ≥ %.1f", test[1], sc.UAS, sc.LAS, tc.minUAS, tc.minLAS)
				}
			}
		})
	}
}

// BenchmarkParse parses the Sequoia test split with a model read from
// KG_PARSE_MODEL or, without it, trained for three passes on Sequoia
// train (a smaller model, so somewhat faster than a shipped one).
func BenchmarkParse(b *testing.B) {
	test := readTreebank(b, "UD_French-Sequoia", "fr_sequoia-ud-test.conllu")
	var p *Parser
	if path := os.Getenv("KG_PARSE_MODEL"); path != "" {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		if p, err = Read(f); err != nil {
			b.Fatal(err)
		}
	} else {
		var err error
		p, err = Train(context.Background(), readTreebank(b, "UD_French-Sequoia", "fr_sequoia-ud-train.conllu"), TrainOptions{Iterations: 3, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
	}
	type input struct {
		words, upos, rels []string
		heads             []int
	}
	var in []input
	words := 0
	for _, s := range test {
		var x input
		for _, w := range s.Words {
			x.words = append(x.words, w.Form)
			x.upos = append(x.upos, w.UPOS)
		}
		x.heads = make([]int, len(x.words))
		x.rels = make([]string, len(x.words))
		in = append(in, x)
		words += len(x.words)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, x := range in {
			p.Parse(x.words, x.upos, x.heads, x.rels)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
