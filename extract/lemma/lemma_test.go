package lemma

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/conllu"
)

func TestRuleFor(t *testing.T) {
	tests := []struct {
		form, lemma string
		want        rule
	}{
		{"cats", "cat", rule{Strip: "s"}},
		{"studies", "study", rule{Strip: "ies", Add: "y"}},
		{"went", "go", rule{Strip: "went", Add: "go"}},
		{"The", "the", rule{Lower: true}},
		{"Paris", "Paris", rule{}},
		{"mangeaient", "manger", rule{Strip: "aient", Add: "r"}},
		{"été", "être", rule{Strip: "été", Add: "être"}},
		{"Élus", "élu", rule{Lower: true, Strip: "s"}},
	}
	for _, tt := range tests {
		got := ruleFor(tt.form, tt.lemma)
		if got != tt.want {
			t.Errorf("ruleFor(%q, %q) = %+v, want %+v", tt.form, tt.lemma, got, tt.want)
		}
		if l := got.apply(strings.ToLower(tt.form), tt.form); l != tt.lemma {
			t.Errorf("rule %+v on %q gives %q, want %q", got, tt.form, l, tt.lemma)
		}
	}
}

func readSample(t testing.TB, name string) []*conllu.Sentence {
	t.Helper()
	f, err := os.Open("testdata/" + name)
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

func trainSample(t testing.TB) (*Lemmatizer, []byte) {
	t.Helper()
	l, err := Train(context.Background(), readSample(t, "train.conllu"), TrainOptions{Seed: 1, Iterations: 5})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := l.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return l, buf.Bytes()
}

// TestTrainSample pins the score of a lemmatizer trained on 60 sentences
// (gold UPOS), so that any change is noticed.
func TestTrainSample(t *testing.T) {
	l, data := trainSample(t)
	got := Evaluate(l, readSample(t, "eval.conllu"), nil)
	want := Score{Words: 807, Lemma: 750}
	if got != want {
		t.Errorf("Evaluate = %+v, want %+v", got, want)
	}
	if sc := Evaluate(l, readSample(t, "train.conllu"), nil); sc.Lemma != sc.Words {
		t.Errorf("training sample: %d of %d lemmas right; the lexicon should know all", sc.Lemma, sc.Words)
	}
	_, again := trainSample(t)
	if !bytes.Equal(data, again) {
		t.Error("training twice with one seed gives different models")
	}
}

func TestUnknownWords(t *testing.T) {
	l, _ := trainSample(t)
	for _, tt := range []struct{ form, upos, want string }{
		{"Zorblax", "PROPN", "Zorblax"},
		{"forms", "NOUN", "form"},
	} {
		if got := l.Lemma(tt.form, tt.upos); got != tt.want {
			t.Errorf("Lemma(%q, %s) = %q, want %q", tt.form, tt.upos, got, tt.want)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	l, data := trainSample(t)
	rt, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range readSample(t, "eval.conllu") {
		for _, w := range s.Words {
			if a, b := l.Lemma(w.Form, w.UPOS), rt.Lemma(w.Form, w.UPOS); a != b {
				t.Fatalf("%q/%s: %q before writing, %q after", w.Form, w.UPOS, a, b)
			}
		}
	}
	var again bytes.Buffer
	rt.WriteTo(&again)
	if !bytes.Equal(again.Bytes(), data) {
		t.Error("writing a read lemmatizer gives different bytes")
	}
	bad := bytes.Clone(data)
	bad[0] = 'X'
	for _, d := range [][]byte{nil, bad, data[:len(data)/2], data[:len(data)-1]} {
		if _, err := Read(bytes.NewReader(d)); err == nil {
			t.Errorf("Read of %d corrupt bytes succeeded", len(d))
		}
	}
}
