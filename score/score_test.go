package score

import (
	"bytes"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func tr(doc, s, p, o string, neg bool) graph.Triple {
	return graph.Triple{Doc: doc, Subject: s, Predicate: p, Object: o, Negated: neg}
}

func TestScore(t *testing.T) {
	meet := Gold{Doc: "d1", S: []string{"Ana Kovač", "Kovač"}, P: []string{"meets"}, O: []string{"Tomas Varga"}}
	sign := Gold{Doc: "d1", S: []string{"Ostland"}, P: []string{"signs"}, O: []string{"trade agreement"}}
	withdraw := Gold{Doc: "d1", S: []string{"Ostland"}, P: []string{"withdraws troops from"}, O: []string{"Vellmar"}}
	refuse := Gold{Doc: "d1", S: []string{"Ostland"}, P: []string{"ratifies"}, O: []string{"treaty"}, Neg: true}
	for _, tc := range []struct {
		name     string
		gold     []Gold
		pred     []graph.Triple
		lenient  bool
		produced int
		matched  int
		fp       []int // indexes into pred of the false positives
	}{
		{"accents hyphens articles", []Gold{meet}, []graph.Triple{tr("d1", "the Ana Kovac", "meet", "tomas-varga", false)}, false, 1, 1, nil},
		{"plural predicate", []Gold{sign}, []graph.Triple{tr("d1", "Ostland", "sign", "trade agreement", false)}, false, 1, 1, nil},
		{"symmetric reversed", []Gold{meet}, []graph.Triple{tr("d1", "Varga", "meet", "Kovač", false)}, false, 1, 1, nil},
		{"asymmetric reversed", []Gold{sign}, []graph.Triple{tr("d1", "trade agreement", "signs", "Ostland", false)}, false, 1, 0, []int{0}},
		{"whole-word suffix", []Gold{meet}, []graph.Triple{tr("d1", "Mrs Ana Kovač", "meets", "Varga", false), tr("d1", "Akovač", "meets", "Varga", false)}, false, 2, 1, []int{1}},
		{"negation must agree", []Gold{refuse}, []graph.Triple{tr("d1", "Ostland", "ratifies", "treaty", false), tr("d1", "Ostland", "ratifies", "treaty", true)}, false, 2, 1, []int{0}},
		{"doc id suffix", []Gold{sign}, []graph.Triple{tr("corpus/d1", "Ostland", "signs", "trade agreement", false)}, false, 1, 1, nil},
		{"doc absent from gold ignored", []Gold{sign}, []graph.Triple{tr("d2", "Ostland", "signs", "trade agreement", false)}, false, 0, 0, nil},
		{"repeats count once", []Gold{sign}, []graph.Triple{tr("d1", "Ostland", "signs", "trade agreement", false), tr("d1", "the Ostland", "sign", "Trade-Agreement", false)}, false, 1, 1, nil},
		// The second triple matches the gold one already taken: correct for
		// precision, nothing more for recall.
		{"gold matched once", []Gold{sign}, []graph.Triple{tr("d1", "Ostland", "signs", "trade agreement", false), tr("d1", "Ostland", "signs", "new trade agreement", false)}, false, 2, 1, nil},
		{"first unmatched gold taken", []Gold{sign, sign}, []graph.Triple{tr("d1", "Ostland", "signs", "trade agreement", false), tr("d1", "Ostland", "signs", "new trade agreement", false)}, false, 2, 2, nil},
		{"strict head-only miss", []Gold{withdraw}, []graph.Triple{tr("d1", "Ostland", "withdraws from", "Vellmar", false)}, false, 1, 0, []int{0}},
		{"lenient head match", []Gold{withdraw}, []graph.Triple{tr("d1", "Ostland", "withdraws from", "Vellmar", false)}, true, 1, 1, nil},
		{"lenient keeps be + word", []Gold{{Doc: "d1", S: []string{"Kovač"}, P: []string{"is president of"}, O: []string{"Ostland"}}}, []graph.Triple{tr("d1", "Kovač", "is president", "Ostland", false), tr("d1", "Kovač", "is leader of", "Ostland", false)}, true, 2, 1, []int{1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(tc.gold, tc.pred, Options{Lenient: tc.lenient})
			if r.Gold != len(tc.gold) || r.Produced != tc.produced || r.Matched != tc.matched {
				t.Errorf("gold %d produced %d matched %d, want %d %d %d", r.Gold, r.Produced, r.Matched, len(tc.gold), tc.produced, tc.matched)
			}
			var fp []graph.Triple
			for _, i := range tc.fp {
				fp = append(fp, tc.pred[i])
			}
			if !reflect.DeepEqual(r.FalsePositives, fp) {
				t.Errorf("false positives %v, want %v", r.FalsePositives, fp)
			}
			if len(r.Missed) != r.Gold-r.Matched {
				t.Errorf("%d missed, want %d", len(r.Missed), r.Gold-r.Matched)
			}
		})
	}
}

func TestScoreFigures(t *testing.T) {
	for _, tc := range []struct {
		name     string
		gold     []Gold
		pred     []graph.Triple
		p, r, f1 float64
	}{
		{"empty", nil, nil, 0, 0, 0},
		{"no produced", []Gold{{Doc: "d", S: []string{"a"}, P: []string{"b"}, O: []string{"c"}}}, nil, 0, 0, 0},
		{"half", []Gold{{Doc: "d", S: []string{"a"}, P: []string{"b"}, O: []string{"c"}}, {Doc: "d", S: []string{"x"}, P: []string{"b"}, O: []string{"c"}}},
			[]graph.Triple{tr("d", "a", "b", "c", false), tr("d", "a", "b", "z", false), tr("d", "a", "b", "y", false), tr("d", "a", "b", "w", false)}, 0.25, 0.5, 1.0 / 3},
	} {
		r := Score(tc.gold, tc.pred, Options{})
		if r.Precision != tc.p || r.Recall != tc.r || r.F1 != tc.f1 {
			t.Errorf("%s: P %v R %v F1 %v, want %v %v %v", tc.name, r.Precision, r.Recall, r.F1, tc.p, tc.r, tc.f1)
		}
	}
}

func TestReadGold(t *testing.T) {
	good := "{\"doc\": \"d\", \"s\": [\"a\"], \"p\": [\"b\"], \"o\": [\"c\"], \"neg\": true, \"note\": 1}\r\n\n  \r{\"doc\": \"e\", \"s\": [\"a\", \"A\"], \"p\": [\"b\"], \"o\": [\"c\"]}"
	gold, err := ReadGold(strings.NewReader(good), "g.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	want := []Gold{{Doc: "d", S: []string{"a"}, P: []string{"b"}, O: []string{"c"}, Neg: true}, {Doc: "e", S: []string{"a", "A"}, P: []string{"b"}, O: []string{"c"}}}
	if !reflect.DeepEqual(gold, want) {
		t.Errorf("ReadGold = %+v, want %+v", gold, want)
	}

	for _, tc := range []struct{ in, want string }{
		{"\n{oops", "g.jsonl:2: not JSON"},
		{`{"s": ["a"], "p": ["b"], "o": ["c"]}`, `g.jsonl:1: gold triple: no "doc"`},
		{`{"Doc": "d", "s": ["a"], "p": ["b"], "o": ["c"]}`, `g.jsonl:1: gold triple: no "doc"`},
		{`{"doc": 3, "s": ["a"], "p": ["b"], "o": ["c"]}`, `g.jsonl:1: gold triple: "doc" is 3, want a string`},
		{`{"doc": "d", "s": "a", "p": ["b"], "o": ["c"]}`, `g.jsonl:1: gold triple: "s" is "a", want a list of strings`},
		{`{"doc": "d", "s": ["a"], "p": [], "o": ["c"]}`, `g.jsonl:1: gold triple: "p" lists no form`},
		{`{"doc": "d", "s": ["a"], "p": ["b"], "o": null}`, `g.jsonl:1: gold triple: "o" is null, want a list of strings`},
		{"\r\r" + `{"doc": "d", "s": ["a"], "p": ["b"], "o": ["c"], "neg": null}`, `g.jsonl:3: gold triple: "neg" is null, want true or false`},
	} {
		_, err := ReadGold(strings.NewReader(tc.in), "g.jsonl")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("ReadGold(%q): error %v, want one starting %q", tc.in, err, tc.want)
		}
	}
}

// fixtures lists the fixture directories under testdata.
func fixtures(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join("testdata", "*", "gold.jsonl"))
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no fixtures in testdata (%v)", err)
	}
	for i, d := range dirs {
		dirs[i] = filepath.Dir(d)
	}
	return dirs
}

// scoreFixture scores a fixture directory and returns the result and its
// listing as kgscore --show prints it.
func scoreFixture(t *testing.T, dir string, opts Options) (Result, string) {
	t.Helper()
	gold := readFile(t, filepath.Join(dir, "gold.jsonl"), ReadGold)
	pred := readFile(t, filepath.Join(dir, "pred.jsonl"), ReadTriples)
	r := Score(gold, pred, opts)
	var b bytes.Buffer
	if err := r.WriteShow(&b); err != nil {
		t.Fatal(err)
	}
	b.WriteString(r.String() + "\n")
	return r, b.String()
}

func readFile[T any](t *testing.T, name string, read func(io.Reader, string) ([]T, error)) []T {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := read(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestGolden(t *testing.T) {
	for _, dir := range fixtures(t) {
		for _, opts := range []Options{{}, {Lenient: true}} {
			golden := filepath.Join(dir, goldenName(opts))
			t.Run(golden, func(t *testing.T) {
				_, got := scoreFixture(t, dir, opts)
				if *update {
					if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatal(err)
				}
				if got != string(want) {
					t.Errorf("listing differs from %s:\n--- got\n%s--- want\n%s", golden, got, want)
				}
			})
		}
	}
}

func goldenName(opts Options) string {
	if opts.Lenient {
		return "show-lenient.golden"
	}
	return "show.golden"
}
