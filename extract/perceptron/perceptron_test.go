package perceptron

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// xorData is a small problem that is separable only with conjunction
// features: class = (a + 2b) mod 3 over categorical a, b.
func xorData() (feats [][]Feature, gold []int) {
	for a := range 6 {
		for b := range 6 {
			ha, hb, hab := NewHasher(1), NewHasher(2), NewHasher(3)
			ha.Int(a)
			hb.Int(b)
			hab.Int(a)
			hab.Int(b)
			bias := NewHasher(0)
			feats = append(feats, []Feature{bias.Sum(), ha.Sum(), hb.Sum(), hab.Sum()})
			gold = append(gold, (a+2*b)%3)
		}
	}
	return feats, gold
}

func train(t testing.TB, epochs int) (*Model, [][]Feature, []int) {
	feats, gold := xorData()
	m := New(3)
	r := rand.New(rand.NewPCG(1, 2))
	idx := make([]int, len(feats))
	for i := range idx {
		idx[i] = i
	}
	for range epochs {
		r.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
		for _, i := range idx {
			m.Update(feats[i], gold[i], m.Predict(feats[i], nil))
			m.Tick()
		}
	}
	return m, feats, gold
}

func accuracy(m *Model, feats [][]Feature, gold []int) int {
	n := 0
	for i, f := range feats {
		if m.Predict(f, nil) == gold[i] {
			n++
		}
	}
	return n
}

func TestLearnsSeparable(t *testing.T) {
	m, feats, gold := train(t, 10)
	if got := accuracy(m, feats, gold); got != len(gold) {
		t.Errorf("trained weights: %d/%d correct", got, len(gold))
	}
	m.Average()
	if got := accuracy(m, feats, gold); got != len(gold) {
		t.Errorf("averaged weights: %d/%d correct", got, len(gold))
	}
	if !m.Frozen() {
		t.Error("Average did not freeze the model")
	}
}

func TestAveragingDiffersFromLastWeights(t *testing.T) {
	m, feats, _ := train(t, 3)
	last := make([]float32, 3)
	avg := make([]float32, 3)
	a := m.Averaged()
	differ := false
	for _, f := range feats {
		m.Score(f, last)
		a.Score(f, avg)
		for c := range last {
			if math.Abs(float64(last[c]-avg[c])) > 1e-3 {
				differ = true
			}
		}
	}
	if !differ {
		t.Error("averaged scores equal the last weights' scores")
	}
	// Averaged leaves m trainable; Average twice is harmless.
	if m.Frozen() {
		t.Error("Averaged froze the model")
	}
	m.Average()
	w := m.Weights()
	m.Average()
	if m.Weights() != w {
		t.Error("second Average changed the model")
	}
}

func TestAverageByHand(t *testing.T) {
	// An update made while the counter c is 1, followed by four ticks
	// (c = 5), averages to w − u/c = 1 − 1/5 = 0.8.
	m := New(2)
	f := []Feature{7}
	m.Update(f, 1, 0)
	for range 4 {
		m.Tick()
	}
	out := make([]float32, 2)
	m.Average()
	m.Score(f, out)
	if math.Abs(float64(out[1])-0.8) > 1e-3 || math.Abs(float64(out[0])+0.8) > 1e-3 {
		t.Errorf("averaged scores %v, want [-0.8 0.8]", out)
	}
}

func TestRoundTrip(t *testing.T) {
	m, feats, _ := train(t, 5)
	m.Average()
	var buf bytes.Buffer
	n, err := m.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("WriteTo returned %d, wrote %d", n, buf.Len())
	}
	data := bytes.Clone(buf.Bytes())
	r, err := ReadModel(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if r.Classes() != 3 || r.Features() != m.Features() || r.Weights() != m.Weights() {
		t.Errorf("read %d classes %d features %d weights, wrote %d %d %d",
			r.Classes(), r.Features(), r.Weights(), m.Classes(), m.Features(), m.Weights())
	}
	a, b := make([]float32, 3), make([]float32, 3)
	for _, f := range feats {
		m.Score(f, a)
		r.Score(f, b)
		for c := range a {
			if a[c] != b[c] {
				t.Fatalf("scores differ after round trip: %v vs %v", a, b)
			}
		}
	}
	var again bytes.Buffer
	r.WriteTo(&again)
	if !bytes.Equal(again.Bytes(), data) {
		t.Error("writing a read model gives different bytes")
	}
	// Trailing data is left unread for the caller.
	br := bytes.NewReader(append(bytes.Clone(data), "tail"...))
	if _, err := ReadModel(br); err != nil {
		t.Fatal(err)
	}
	if br.Len() != 4 {
		t.Errorf("ReadModel left %d bytes, want 4", br.Len())
	}
}

func TestReadCorrupt(t *testing.T) {
	m, _, _ := train(t, 5)
	var buf bytes.Buffer
	m.WriteTo(&buf)
	good := buf.Bytes()
	flip := bytes.Clone(good)
	flip[len(flip)/2] ^= 0x10
	badVersion := bytes.Clone(good)
	badVersion[4] = 9
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"magic", append([]byte("XXXX"), good[4:]...)},
		{"version", badVersion},
		{"truncated header", good[:6]},
		{"truncated body", good[:len(good)/2]},
		{"truncated checksum", good[:len(good)-1]},
		{"bit flip", flip},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadModel(bytes.NewReader(tt.data))
			if !errors.Is(err, ErrCorrupt) {
				t.Errorf("error %v, want one wrapping ErrCorrupt", err)
			}
		})
	}
}

func TestPrune(t *testing.T) {
	m, feats, gold := train(t, 10)
	m.Average()
	before := m.Weights()
	m.Prune(0.5)
	if m.Weights() >= before {
		t.Errorf("Prune(0.5) kept %d of %d weights", m.Weights(), before)
	}
	if got := accuracy(m, feats, gold); got != len(gold) {
		t.Errorf("pruned model: %d/%d correct", got, len(gold))
	}
}

func TestPredictAllowed(t *testing.T) {
	m, feats, gold := train(t, 10)
	m.Average()
	for i, f := range feats {
		got := m.Predict(f, func(c int) bool { return c != gold[i] })
		if got == gold[i] || got < 0 {
			t.Fatalf("Predict with gold disallowed = %d", got)
		}
	}
	if got := m.Predict(feats[0], func(int) bool { return false }); got != -1 {
		t.Errorf("nothing allowed: Predict = %d, want -1", got)
	}
}

func TestHalf(t *testing.T) {
	for _, f := range []float32{0, 1, -1, 0.5, 1e-3, -1234.5, 65504, 6e-8, 3.14159} {
		got := fromHalf(toHalf(f))
		if d := math.Abs(float64(got - f)); d > math.Abs(float64(f))/1000+6e-8 {
			t.Errorf("half(%g) = %g", f, got)
		}
	}
	if got := fromHalf(toHalf(1e9)); got != 65504 {
		t.Errorf("half(1e9) = %g, want clamped 65504", got)
	}
}

func TestHasher(t *testing.T) {
	a, b := NewHasher(1), NewHasher(1)
	a.String("ab")
	a.String("c")
	b.String("a")
	b.String("bc")
	if a.Sum() == b.Sum() {
		t.Error(`("ab","c") and ("a","bc") hash alike`)
	}
	c, d := NewHasher(1), NewHasher(2)
	c.String("x")
	d.String("x")
	if c.Sum() == d.Sum() {
		t.Error("templates do not separate features")
	}
	l, s := NewHasher(3), NewHasher(3)
	l.Lower("ÉtÉ Paris")
	s.Lower("été paris")
	if l.Sum() != s.Sum() {
		t.Error("Lower is case-sensitive")
	}
	if n := testing.AllocsPerRun(100, func() {
		h := NewHasher(4)
		h.String("word")
		h.Lower("Word")
		h.Int(3)
		_ = h.Sum()
	}); n != 0 {
		t.Errorf("Hasher allocates %v times", n)
	}
}

// randomModel trains and averages a model on updates random updates of
// perUpdate features each, drawn from a pool of random features, which
// it returns too.
func randomModel(r *rand.Rand, classes, poolSize, perUpdate, updates int) (*Model, []Feature) {
	m := New(classes)
	pool := make([]Feature, poolSize)
	for i := range pool {
		pool[i] = Feature(r.Uint64())
	}
	feats := make([]Feature, perUpdate)
	for range updates {
		for i := range feats {
			feats[i] = pool[r.IntN(len(pool))]
		}
		m.Update(feats, r.IntN(classes), r.IntN(classes))
		m.Tick()
	}
	m.Average()
	return m, pool
}

// BenchmarkScore scores 40 features over 80 classes, the size of a
// labelled transition parser's decision.
func BenchmarkScore(b *testing.B) {
	const classes = 80
	m, pool := randomModel(rand.New(rand.NewPCG(3, 4)), classes, 200000, 40, 200000)
	feats := make([]Feature, 40)
	out := make([]float32, classes)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		for j := range feats {
			feats[j] = pool[(i*41+j*7919)%len(pool)]
		}
		m.Score(feats, out)
	}
}

// TestScoreMatchesSum checks the frozen table's scores against the sum
// of each feature's weights taken one by one, on more features than
// Score probes at a time and with features the model never saw.
func TestScoreMatchesSum(t *testing.T) {
	// 3 classes take the dense layout, 7 the sparse one.
	for _, classes := range []int{3, 7} {
		t.Run(strconv.Itoa(classes), func(t *testing.T) { scoreMatchesSum(t, classes) })
	}
}

func scoreMatchesSum(t *testing.T, classes int) {
	r := rand.New(rand.NewPCG(5, 6))
	m, pool := randomModel(r, classes, 500, 20, 2000)
	feats := make([]Feature, 150)
	if dense := m.dense != nil; dense != (classes <= denseClasses) {
		t.Fatalf("%d classes: dense layout %v", classes, dense)
	}
	// The same scores after a round trip through the file format.
	var file bytes.Buffer
	if _, err := m.WriteTo(&file); err != nil {
		t.Fatal(err)
	}
	read, err := ReadModel(&file)
	if err != nil {
		t.Fatal(err)
	}
	byKey := map[Feature]feature{}
	for _, f := range m.features() {
		byKey[f.key] = f
	}
	for _, n := range []int{0, 1, 63, 64, 65, 150} {
		for i := range feats[:n] {
			if i%5 == 0 {
				feats[i] = Feature(r.Uint64()) // unseen
			} else {
				feats[i] = pool[r.IntN(len(pool))]
			}
		}
		want := make([]float32, classes)
		for _, f := range feats[:n] {
			g := byKey[f]
			for j, c := range g.cls {
				want[c] += g.w[j]
			}
		}
		for _, mm := range []*Model{m, read} {
			got := make([]float32, classes)
			mm.Score(feats[:n], got)
			for c := range want {
				if got[c] != want[c] {
					t.Fatalf("%d features: class %d scores %v, want %v", n, c, got[c], want[c])
				}
			}
		}
	}
}
