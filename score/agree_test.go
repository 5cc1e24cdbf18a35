package score

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/kgraph/kg/internal/shareddata"
)

// TestAgreement scores every fixture with kgscore itself and checks that
// both scorers agree on the counts, the rounded figures and the listing.
func TestAgreement(t *testing.T) {
	kgscore := shareddata.Path(t, "tools", "kgscore")
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on PATH; cannot run kgscore")
	}
	for _, dir := range fixtures(t) {
		for _, opts := range []Options{{}, {Lenient: true}} {
			t.Run(filepath.Join(dir, goldenName(opts)), func(t *testing.T) {
				args := []string{kgscore, filepath.Join(dir, "gold.jsonl"), "--pred", filepath.Join(dir, "pred.jsonl")}
				if opts.Lenient {
					args = append(args, "--lenient")
				}
				r, show := scoreFixture(t, dir, opts)

				out := run(t, python, append(args, "--json")...)
				var py struct {
					Gold, Produced, Matched int
					Precision, Recall, F1   float64
				}
				var raw map[string]json.RawMessage
				if err := json.Unmarshal(out, &raw); err != nil {
					t.Fatalf("kgscore --json: %v: %s", err, out)
				}
				for key, dest := range map[string]any{"gold": &py.Gold, "produced": &py.Produced, "matched_gold": &py.Matched,
					"precision": &py.Precision, "recall": &py.Recall, "f1": &py.F1} {
					if err := json.Unmarshal(raw[key], dest); err != nil {
						t.Fatalf("kgscore --json %q: %v: %s", key, err, out)
					}
				}
				if r.Gold != py.Gold || r.Produced != py.Produced || r.Matched != py.Matched {
					t.Errorf("gold %d produced %d matched %d, kgscore %d %d %d", r.Gold, r.Produced, r.Matched, py.Gold, py.Produced, py.Matched)
				}
				for _, f := range []struct {
					name    string
					go_, py float64
				}{{"precision", r.Precision, py.Precision}, {"recall", r.Recall, py.Recall}, {"F1", r.F1, py.F1}} {
					if round4(f.go_) != f.py {
						t.Errorf("%s %v rounds to %v, kgscore %v", f.name, f.go_, round4(f.go_), f.py)
					}
				}

				if want := string(run(t, python, append(args, "--show")...)); show != want {
					t.Errorf("listing differs from kgscore --show:\n--- go\n%s--- kgscore\n%s", show, want)
				}
			})
		}
	}
}

// round4 rounds as Python's round(x, 4) does: correctly, halves to even.
func round4(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	return v
}

func run(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return out
}
