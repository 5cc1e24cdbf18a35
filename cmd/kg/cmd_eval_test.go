package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalCurve scores invented triples of several confidences (--pred,
// no extraction) and checks the curve, mention precision and --plot.
func TestEvalCurve(t *testing.T) {
	dir, _ := isolate(t)
	gold := filepath.Join(dir, "gold.jsonl")
	pred := filepath.Join(dir, "pred.jsonl")
	os.WriteFile(gold, []byte(
		`{"doc":"fx","s":["Ana Kovač"],"p":["meets"],"o":["Tomas Varga"],"neg":false}`+"\n"+
			`{"doc":"fx","s":["Ostland"],"p":["signs"],"o":["trade agreement"],"neg":false}`+"\n"), 0o644)
	os.WriteFile(pred, []byte(
		`{"subject":"Ana Kovač","predicate":"meets","object":"Tomas Varga","doc":"fx","confidence":0.8}`+"\n"+
			`{"subject":"Ostland","predicate":"signs","object":"trade agreement","doc":"fx","confidence":0.4}`+"\n"+
			`{"subject":"harbour","predicate":"signs","object":"Ostland","doc":"fx","confidence":0.2}`+"\n"), 0o644)

	out, stderr, code := kg(t, "--format", "json", "eval", gold, "--pred", pred)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r struct {
		Produced int
		Mentions struct {
			Mentions, Matched int
			Precision         float64
		}
		Curve []struct {
			MinConfidence float64 `json:"min_confidence"`
			Produced      int
			Recall        float64
		}
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if r.Produced != 3 || r.Mentions.Mentions != 6 || r.Mentions.Matched != 5 {
		t.Errorf("produced %d, mentions %+v; want 3 triples, 5 of 6 mentions matched", r.Produced, r.Mentions)
	}
	var produced []int
	for _, p := range r.Curve {
		produced = append(produced, p.Produced)
	}
	if got, _ := json.Marshal(produced); string(got) != "[3,3,3,2,2,1,1,1,1,0]" || r.Curve[5].MinConfidence != 0.5 || r.Curve[5].Recall != 0.5 {
		t.Errorf("curve %+v: want triples kept 3,3,3,2,2,1,1,1,1,0 by thresholds 0 to 0.9", r.Curve)
	}

	svg := filepath.Join(dir, "pr.svg")
	out, stderr, code = kg(t, "eval", gold, "--pred", pred, "--plot", svg)
	if code != exitOK {
		t.Fatalf("--plot: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"gold 2  produced 3", "mention precision 0.833", "0.4         2        2"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if data, err := os.ReadFile(svg); err != nil || !strings.Contains(string(data), gold) {
		t.Errorf("plot %s (%v) is not titled with the gold:\n%.300s", svg, err, data)
	}

	bad := filepath.Join(dir, "pr.jpg")
	if _, stderr, code := kg(t, "eval", gold, "--pred", pred, "--plot", bad); code != exitUsage || !strings.Contains(stderr, bad) {
		t.Errorf("--plot %s: exit %d, %s; want usage error naming the file", bad, code, stderr)
	}
	missing := filepath.Join(dir, "no", "pr.png")
	if _, stderr, code := kg(t, "eval", gold, "--pred", pred, "--plot", missing); code != exitFailure || !strings.Contains(stderr, missing) {
		t.Errorf("--plot %s: exit %d, %s; want failure naming the file", missing, code, stderr)
	}
}
