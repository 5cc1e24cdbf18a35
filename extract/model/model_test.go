package model

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/conllu"
)

func readTreebank(t *testing.T, name string) []*conllu.Sentence {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := conllu.ReadAll(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func trainSample(t *testing.T) *Model {
	t.Helper()
	m, err := Train(context.Background(), "en", readTreebank(t, "train.conllu"), TrainOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func encode(t *testing.T, m *Model) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestTrainDeterministic trains twice on the sample: the same bytes, and
// scores on held-out sentences that do not move unnoticed.
func TestTrainDeterministic(t *testing.T) {
	a, b := trainSample(t), trainSample(t)
	if !bytes.Equal(encode(t, a), encode(t, b)) {
		t.Fatal("two trainings with the same seed differ")
	}
	s := Evaluate(a, readTreebank(t, "eval.conllu"))
	t.Logf("sample scores: %+v", s)
	if s.Words != 807 {
		t.Errorf("words %d, want 807", s.Words)
	}
	// A model trained on 60 sentences is weak; these bounds only say it
	// learned something from each component.
	if s.UPOS < 60 || s.Lemma < 80 || s.UAS < 30 || s.LAS < 20 {
		t.Errorf("scores too low: %+v", s)
	}
}

func TestRoundTrip(t *testing.T) {
	m := trainSample(t)
	data := encode(t, m)
	got, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if got.Lang != "en" {
		t.Errorf("lang %q", got.Lang)
	}
	words := strings.Fields("The president met the minister in Paris on Monday .")
	a, b := m.Analyze(words), got.Analyze(words)
	for i := range words {
		if a.UPOS[i] != b.UPOS[i] || a.Lemma[i] != b.Lemma[i] || a.Head[i] != b.Head[i] || a.Deprel[i] != b.Deprel[i] {
			t.Errorf("word %d %q differs after a round trip: %v/%v %v/%v", i, words[i], a.UPOS[i], b.UPOS[i], a.Head[i], b.Head[i])
		}
	}
	if !bytes.Equal(encode(t, got), data) {
		t.Error("re-encoding a read model changes its bytes")
	}
}

func TestReadErrors(t *testing.T) {
	data := encode(t, trainSample(t))
	flipped := bytes.Clone(data)
	flipped[len(flipped)/2] ^= 0xff
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrFormat},
		{"text", []byte("hello, world\n"), ErrFormat},
		{"truncated", data[:len(data)/3], ErrCorrupt},
		{"flipped byte", flipped, ErrCorrupt},
	}
	for _, tt := range tests {
		if _, err := Read(bytes.NewReader(tt.in)); !errors.Is(err, tt.want) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.want)
		}
	}
}

func TestLoadChecksLanguage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "en.kgm")
	if err := trainSample(t).Save(path); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(path, "en"); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path, "fr")
	if err == nil || !strings.Contains(err.Error(), `"en"`) || !strings.Contains(err.Error(), `"fr"`) {
		t.Errorf("loading an English model as French: %v", err)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "none.kgm"), "en"); err == nil {
		t.Error("no error for a missing file")
	}
}
