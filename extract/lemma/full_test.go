package lemma

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/extract/tag"
	"github.com/kgraph/kg/internal/shareddata"
)

// The training mixes, as paths under the shared data's ud folder. Test
// splits never enter training; GUM and ParTUT (non-commercial) never do.
var (
	enMix = []string{"UD_English-EWT/en_ewt-ud-train.conllu"}
	frMix = []string{
		"UD_French-Sequoia/fr_sequoia-ud-train.conllu",
		"UD_French-GSD/fr_gsd-ud-dev.conllu",
		"UD_French-ParisStories/fr_parisstories-ud-train.conllu",
	}
)

// TestTrainFull trains tagger and lemmatizer on full treebanks and prints
// figures; it runs only with KG_TRAIN_FULL=1 (about a minute, and needs
// the shared data). Models go to $KG_MODEL_DIR (default: a temporary
// directory). KG_LANG picks one language; KG_TRAIN_MIX replaces its
// training files (space-separated, relative to the ud folder);
// KG_TAG_SECOND=1 trains the tagger's second pass.
func TestTrainFull(t *testing.T) {
	if os.Getenv("KG_TRAIN_FULL") == "" {
		t.Skip("set KG_TRAIN_FULL=1 to train on the full treebanks")
	}
	ud := shareddata.Path(t, "data", "ud")
	outDir := os.Getenv("KG_MODEL_DIR")
	if outDir == "" {
		outDir = t.TempDir()
	}
	type run struct {
		name     string
		train    []string
		dev      string
		tests    []string
		uposOnly bool // French treebanks' XPOS tags disagree
	}
	runs := []run{
		{"en", enMix, "UD_English-EWT/en_ewt-ud-dev.conllu",
			[]string{"UD_English-EWT/en_ewt-ud-dev.conllu", "UD_English-EWT/en_ewt-ud-test.conllu"}, false},
		{"fr", frMix, "UD_French-Sequoia/fr_sequoia-ud-dev.conllu",
			[]string{"UD_French-Sequoia/fr_sequoia-ud-dev.conllu", "UD_French-Sequoia/fr_sequoia-ud-test.conllu", "UD_French-GSD/fr_gsd-ud-test.conllu"}, true},
	}
	under := func(paths []string) []string {
		var out []string
		for _, p := range paths {
			out = append(out, filepath.Join(ud, p))
		}
		return out
	}
	for _, r := range runs {
		if only := os.Getenv("KG_LANG"); only != "" && only != r.name {
			continue
		}
		if mix := strings.Fields(os.Getenv("KG_TRAIN_MIX")); len(mix) > 0 {
			r.train = mix
		}
		train, err := tag.ReadTreebanks(under(r.train)...)
		if err != nil {
			t.Fatal(err)
		}
		dev, err := tag.ReadTreebanks(under([]string{r.dev})...)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: training on %s", r.name, strings.Join(r.train, " "))
		start := time.Now()
		tg, err := tag.Train(context.Background(), train, tag.TrainOptions{
			Seed: 1, Dev: dev, Iterations: 12, UPOSOnly: r.uposOnly, SecondPass: os.Getenv("KG_TAG_SECOND") != ""})
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
		for name, b := range map[string][]byte{r.name + ".tag": tb.Bytes(), r.name + ".lemma": lb.Bytes()} {
			if err := os.WriteFile(filepath.Join(outDir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
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
		for _, p := range r.tests {
			test, err := tag.ReadTreebanks(filepath.Join(ud, p))
			if err != nil {
				t.Fatal(err)
			}
			tags := func(words []string) []string { u, _ := tg.Tag(words); return u }
			ts1 := tag.Evaluate(tg, test)
			gold := Evaluate(lm, test, nil)
			start := time.Now()
			pred := Evaluate(lm, test, tags)
			el := time.Since(start)
			t.Logf("%s: %s: UPOS %.2f%% XPOS %.2f%%; Lemma %.2f%% (gold UPOS %.2f%%); tag+lemma %.0f words/s",
				r.name, filepath.Base(p), 100*ts1.UPOSAccuracy(), 100*ts1.XPOSAccuracy(), 100*pred.Accuracy(), 100*gold.Accuracy(), float64(pred.Words)/el.Seconds())
		}
	}
}
