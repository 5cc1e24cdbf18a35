package tag

import (
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/kgraph/kg/extract/conllu"
)

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

func trainSample(t testing.TB) (*Tagger, []byte) {
	t.Helper()
	tg, err := Train(context.Background(), readSample(t, "train.conllu"), TrainOptions{Seed: 1, Iterations: 5})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := tg.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return tg, buf.Bytes()
}

// TestTrainSample pins the score of a tagger trained on 60 sentences, so
// that any change to features or training is noticed.
func TestTrainSample(t *testing.T) {
	tg, data := trainSample(t)
	eval := readSample(t, "eval.conllu")
	got := Evaluate(tg, eval)
	want := Score{Words: 807, UPOS: 653, XPOS: 636}
	if got != want {
		t.Errorf("Evaluate = %+v, want %+v", got, want)
	}
	_, again := trainSample(t)
	if !bytes.Equal(data, again) {
		t.Error("training twice with one seed gives different models")
	}
	train := readSample(t, "train.conllu")
	if acc := Evaluate(tg, train).UPOSAccuracy(); acc < 0.97 {
		t.Errorf("UPOS accuracy on the training sample %.3f, want ≥ 0.97", acc)
	}
}

func TestRoundTrip(t *testing.T) {
	tg, data := trainSample(t)
	rt, err := Read(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range readSample(t, "eval.conllu") {
		var words []string
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		u1, x1 := tg.Tag(words)
		u2, x2 := rt.Tag(words)
		for i := range words {
			if u1[i] != u2[i] || x1[i] != x2[i] {
				t.Fatalf("%s: word %d %q: %s/%s before writing, %s/%s after", s.ID(), i+1, words[i], u1[i], x1[i], u2[i], x2[i])
			}
		}
	}
	var again bytes.Buffer
	rt.WriteTo(&again)
	if !bytes.Equal(again.Bytes(), data) {
		t.Error("writing a read tagger gives different bytes")
	}
}

func TestReadCorrupt(t *testing.T) {
	_, data := trainSample(t)
	bad := bytes.Clone(data)
	bad[0] = 'X'
	for _, tt := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"magic", bad},
		{"truncated", data[:len(data)/2]},
		{"no checksum", data[:len(data)-2]},
	} {
		if _, err := Read(bytes.NewReader(tt.data)); err == nil {
			t.Errorf("%s: Read succeeded", tt.name)
		}
	}
}

func TestTagEmptyAndUnknown(t *testing.T) {
	tg, _ := trainSample(t)
	if u, x := tg.Tag(nil); len(u) != 0 || len(x) != 0 {
		t.Errorf("Tag(nil) = %v %v", u, x)
	}
	u, _ := tg.Tag([]string{"Zzyzx", "qwertyuiop", "1234"})
	for i, tag := range u {
		if tag == "" {
			t.Errorf("word %d has no tag", i)
		}
	}
}

func TestTagIntoAllocs(t *testing.T) {
	tg, _ := trainSample(t)
	words := []string{"The", "cat", "sat", "on", "the", "mat", "."}
	u, x := make([]string, len(words)), make([]string, len(words))
	tg.TagInto(words, u, x)
	if n := testing.AllocsPerRun(100, func() { tg.TagInto(words, u, x) }); n > 0 {
		t.Errorf("TagInto allocates %v times", n)
	}
}

func BenchmarkTag(b *testing.B) {
	tg, _ := trainSample(b)
	var sents [][]string
	n := 0
	for _, s := range readSample(b, "eval.conllu") {
		var words []string
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		sents = append(sents, words)
		n += len(words)
	}
	u, x := make([]string, 200), make([]string, 200)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			tg.TagInto(s, u[:len(s)], x[:len(s)])
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "words/s")
}

// TestSecondPass pins the score of a two-pass tagger on the sample and
// checks that its second pass survives writing and reading.
func TestSecondPass(t *testing.T) {
	train := readSample(t, "train.conllu")
	tg, err := Train(context.Background(), train, TrainOptions{Seed: 1, Iterations: 5, SecondPass: true, Folds: 3})
	if err != nil {
		t.Fatal(err)
	}
	if tg.right == nil {
		t.Fatal("no second pass trained")
	}
	eval := readSample(t, "eval.conllu")
	got := Evaluate(tg, eval)
	want := Score{Words: 807, UPOS: 652, XPOS: 630}
	if got != want {
		t.Errorf("Evaluate = %+v, want %+v", got, want)
	}
	var buf bytes.Buffer
	if _, err := tg.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	rt, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if rt.right == nil || Evaluate(rt, eval) != got {
		t.Error("the read tagger differs from the written one")
	}
}

func TestReadTreebanks(t *testing.T) {
	one, err := ReadTreebanks("testdata/train.conllu")
	if err != nil {
		t.Fatal(err)
	}
	two, err := ReadTreebanks("testdata/train.conllu", "testdata/eval.conllu")
	if err != nil {
		t.Fatal(err)
	}
	ev := readSample(t, "eval.conllu")
	if len(one) == 0 || len(two) != len(one)+len(ev) {
		t.Errorf("read %d and %d sentences, want %d and %d", len(one), len(two), len(one), len(one)+len(ev))
	}
	if _, err := ReadTreebanks("testdata/absent.conllu"); err == nil {
		t.Error("reading an absent file succeeded")
	}
}
