package score

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/graph"
)

func conf(t graph.Triple, c float64) graph.Triple {
	t.Confidence = c
	return t
}

func TestCurve(t *testing.T) {
	sign := Gold{Doc: "d1", S: []string{"Ostland"}, P: []string{"signs"}, O: []string{"trade agreement"}}
	withdraw := Gold{Doc: "d1", S: []string{"Ostland"}, P: []string{"withdraws troops from"}, O: []string{"Vellmar"}}
	// Computed at run time, so not exactly 0.2 as the constant would be.
	a, b := 0.3, 0.1
	for _, tc := range []struct {
		name       string
		dir        string // a fixture in testdata; else gold and pred
		gold       []Gold
		pred       []graph.Triple
		lenient    bool
		thresholds []float64
		want       []Point
	}{
		{
			name: "fixture", dir: "confidence", thresholds: Thresholds(),
			want: []Point{
				{0, 9, 6, 5, 6.0 / 9, 5.0 / 6, 0},
				{0.1, 9, 6, 5, 6.0 / 9, 5.0 / 6, 0},
				// The copy of confidence 0.1 goes; the same triple at 0.7 counts.
				{0.2, 9, 6, 5, 6.0 / 9, 5.0 / 6, 0},
				{0.3, 7, 4, 4, 4.0 / 7, 4.0 / 6, 0},
				{0.4, 6, 4, 4, 4.0 / 6, 4.0 / 6, 0},
				{0.5, 5, 3, 3, 3.0 / 5, 3.0 / 6, 0},
				{0.6, 3, 2, 2, 2.0 / 3, 2.0 / 6, 0},
				{0.7, 2, 2, 2, 1, 2.0 / 6, 0},
				{0.8, 1, 1, 1, 1, 1.0 / 6, 0},
				// The only triple of 0.9 is on a document without gold.
				{0.9, 0, 0, 0, 0, 0, 0},
			},
		},
		{
			name: "rounded confidence reaches its threshold", gold: []Gold{sign},
			pred: []graph.Triple{conf(tr("d1", "Ostland", "signs", "trade agreement", false), a-b)}, thresholds: []float64{0.2, 0.21},
			want: []Point{{0.2, 1, 1, 1, 1, 1, 0}, {0.21, 0, 0, 0, 0, 0, 0}},
		},
		{
			name: "lenient kept", gold: []Gold{withdraw}, lenient: true,
			pred:       []graph.Triple{conf(tr("d1", "Ostland", "withdraws from", "Vellmar", false), 0.5)},
			thresholds: []float64{0, 0.6},
			want:       []Point{{0, 1, 1, 1, 1, 1, 0}, {0.6, 0, 0, 0, 0, 0, 0}},
		},
		{
			name: "strict kept", gold: []Gold{withdraw},
			pred:       []graph.Triple{conf(tr("d1", "Ostland", "withdraws from", "Vellmar", false), 0.5)},
			thresholds: []float64{0},
			want:       []Point{{0, 1, 0, 0, 0, 0, 0}},
		},
		{name: "no thresholds", gold: []Gold{sign}, want: []Point{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gold, pred := tc.gold, tc.pred
			if tc.dir != "" {
				gold = readFile(t, filepath.Join("testdata", tc.dir, "gold.jsonl"), ReadGold)
				pred = readFile(t, filepath.Join("testdata", tc.dir, "pred.jsonl"), ReadTriples)
			}
			for i := range tc.want {
				w := &tc.want[i]
				if w.Precision+w.Recall > 0 {
					w.F1 = 2 * w.Precision * w.Recall / (w.Precision + w.Recall)
				}
			}
			got := Curve(gold, pred, Options{Lenient: tc.lenient}, tc.thresholds)
			if len(got) != len(tc.want) {
				t.Fatalf("%d points, want %d", len(got), len(tc.want))
			}
			for i, p := range got {
				w := tc.want[i]
				if p.MinConfidence != w.MinConfidence || p.Produced != w.Produced || p.Correct != w.Correct || p.Matched != w.Matched ||
					!near(p.Precision, w.Precision) || !near(p.Recall, w.Recall) || !near(p.F1, w.F1) {
					t.Errorf("point %d = %+v, want %+v", i, p, w)
				}
			}
			// With every triple kept the curve starts where Score is.
			if len(tc.thresholds) > 0 && tc.thresholds[0] == 0 {
				r := Score(gold, pred, Options{Lenient: tc.lenient})
				if p := got[0]; p.Produced != r.Produced || p.Matched != r.Matched || p.Precision != r.Precision || p.Recall != r.Recall || p.F1 != r.F1 {
					t.Errorf("point at 0 = %+v, Score = %v", p, r)
				}
			}
		})
	}
}

func near(a, b float64) bool { return a-b < 1e-12 && b-a < 1e-12 }

// TestCurveGolden checks the text kg eval prints for a fixture: the
// summary, mention precision and the curve.
func TestCurveGolden(t *testing.T) {
	dir := filepath.Join("testdata", "confidence")
	gold := readFile(t, filepath.Join(dir, "gold.jsonl"), ReadGold)
	pred := readFile(t, filepath.Join(dir, "pred.jsonl"), ReadTriples)
	var b bytes.Buffer
	b.WriteString(Score(gold, pred, Options{}).String() + "\n")
	b.WriteString(MentionPrecision(gold, pred).String() + "\n")
	if err := WriteCurve(&b, Curve(gold, pred, Options{}, Thresholds())); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join(dir, "curve.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("output differs from %s:\n--- got\n%s--- want\n%s", golden, b.Bytes(), want)
	}
}

func TestThresholds(t *testing.T) {
	ts := Thresholds()
	if ts[0] != 0 {
		t.Errorf("first threshold %v, want 0 (every triple)", ts[0])
	}
	for i := 1; i < len(ts); i++ {
		if ts[i] <= ts[i-1] || ts[i] >= 1 {
			t.Errorf("thresholds %v: want increasing, below 1", ts)
		}
	}
	// Callers may keep and change what they are given.
	ts[0] = 0.5
	if Thresholds()[0] != 0 {
		t.Error("Thresholds returns a shared slice")
	}
}
