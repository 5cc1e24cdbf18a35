package tag

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/kgraph/kg/extract/conllu"
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

// TestTrainFull trains on full treebanks and prints figures; it runs only
// with KG_TRAIN_FULL=1 (minutes, and needs the shared data). Models are
// written to $KG_MODEL_DIR (default: the test's temporary directory).
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
			[][2]string{{"UD_English-EWT", "en_ewt-ud-test.conllu"}}},
		{"fr", "UD_French-Sequoia", "fr_sequoia-ud-train.conllu", "fr_sequoia-ud-dev.conllu",
			[][2]string{{"UD_French-Sequoia", "fr_sequoia-ud-test.conllu"}, {"UD_French-GSD", "fr_gsd-ud-test.conllu"}}},
	}
	for _, r := range runs {
		if only := os.Getenv("KG_LANG"); only != "" && only != r.name {
			continue
		}
		train := readTreebank(t, r.dir, r.train)
		dev := readTreebank(t, r.dir, r.dev)
		start := time.Now()
		tg, err := Train(context.Background(), train, TrainOptions{Seed: 1, Dev: dev, Iterations: 12, Log: t.Logf})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: trained in %v; %d features, %d weights", r.name, time.Since(start).Round(time.Millisecond), tg.model.Features(), tg.model.Weights())
		var buf bytes.Buffer
		if _, err := tg.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(outDir, r.name+".tag")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		start = time.Now()
		tg2, err := Read(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: model %s: %d bytes, loads in %v", r.name, path, buf.Len(), time.Since(start).Round(time.Microsecond))
		for _, ts := range r.tests {
			test := readTreebank(t, ts[0], ts[1])
			start = time.Now()
			sc := Evaluate(tg2, test)
			el := time.Since(start)
			t.Logf("%s: %s: UPOS %.2f%% XPOS %.2f%% (%d words, %.0f words/s)", r.name, ts[1],
				100*sc.UPOSAccuracy(), 100*sc.XPOSAccuracy(), sc.Words, float64(sc.Words)/el.Seconds())
		}
	}
}
