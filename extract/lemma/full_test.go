package lemma

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/extract/conllu"
	"github.com/kgraph/kg/extract/tag"
	"github.com/kgraph/kg/internal/shareddata"
)

func readTreebank(t testing.TB, dir, name string) []*conllu.Sentence {
	t.Helper()
	p := shareddata.Path(t, "data", "ud", dir, name)
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := conllu.ReadAll(f, p)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestTrainFull trains tagger and lemmatizer on full treebanks and prints
// figures; it runs only with KG_TRAIN_FULL=1 (about a minute, and needs
// the shared data). Models go to $KG_MODEL_DIR (default: a temporary
// directory).
func TestTrainFull(t *testing.T) {
	if os.Getenv("KG_TRAIN_FULL") == "" {
		t.Skip("set KG_TRAIN_FULL=1 to train on the full treebanks")
	}
	outDir := os.Getenv("KG_MODEL_DIR")
	if outDir == "" {
		outDir = t.TempDir()
	}
	type run struct {
		name, dir, train, dev string
		tests                 [][2]string
	}
	runs := []run{
		{"en", "UD_English-EWT", "en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu",
			[][2]string{{"UD_English-EWT", "en_ewt-ud-dev.conllu"}, {"UD_English-EWT", "en_ewt-ud-test.conllu"}}},
		{"fr", "UD_French-Sequoia", "fr_sequoia-ud-train.conllu", "fr_sequoia-ud-dev.conllu",
			[][2]string{{"UD_French-Sequoia", "fr_sequoia-ud-dev.conllu"}, {"UD_French-Sequoia", "fr_sequoia-ud-test.conllu"}, {"UD_French-GSD", "fr_gsd-ud-test.conllu"}}},
	}
	for _, r := range runs {
		if only := os.Getenv("KG_LANG"); only != "" && only != r.name {
			continue
		}
		train := readTreebank(t, r.dir, r.train)
		if r.name == "fr" {
			// Extra free-licence French (never GUM or ParTUT), e.g.
			// KG_FR_EXTRA="UD_French-PUD/fr_pud-ud-test.conllu".
			for _, p := range strings.Fields(os.Getenv("KG_FR_EXTRA")) {
				dir, file, _ := strings.Cut(p, "/")
				train = append(train, readTreebank(t, dir, file)...)
			}
		}
		dev := readTreebank(t, r.dir, r.dev)
		start := time.Now()
		tg, err := tag.Train(context.Background(), train, tag.TrainOptions{Seed: 1, Dev: dev, Iterations: 12, UPOSOnly: r.name == "fr"})
		if err != nil {
			t.Fatal(err)
		}
		tagTime := time.Since(start)
		start = time.Now()
		lm, err := Train(context.Background(), train, TrainOptions{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: trained tagger in %v, lemmatizer in %v", r.name, tagTime.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
		var tb, lb bytes.Buffer
		if _, err := tg.WriteTo(&tb); err != nil {
			t.Fatal(err)
		}
		if _, err := lm.WriteTo(&lb); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(outDir, r.name+".tag"), tb.Bytes(), 0o644)
		os.WriteFile(filepath.Join(outDir, r.name+".lemma"), lb.Bytes(), 0o644)
		start = time.Now()
		tg, err = tag.Read(bytes.NewReader(tb.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		lm, err = Read(bytes.NewReader(lb.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: tagger %d bytes, lemmatizer %d bytes (%d rules), both load in %v", r.name, tb.Len(), lb.Len(), len(lm.rules), time.Since(start).Round(time.Microsecond))
		for _, ts := range r.tests {
			test := readTreebank(t, ts[0], ts[1])
			tags := func(words []string) []string { u, _ := tg.Tag(words); return u }
			ts1 := tag.Evaluate(tg, test)
			gold := Evaluate(lm, test, nil)
			start := time.Now()
			pred := Evaluate(lm, test, tags)
			el := time.Since(start)
			t.Logf("%s: %s: UPOS %.2f%% XPOS %.2f%%; Lemma %.2f%% (gold UPOS %.2f%%); tag+lemma %.0f words/s",
				r.name, ts[1], 100*ts1.UPOSAccuracy(), 100*ts1.XPOSAccuracy(), 100*pred.Accuracy(), 100*gold.Accuracy(), float64(pred.Words)/el.Seconds())
		}
	}
}
