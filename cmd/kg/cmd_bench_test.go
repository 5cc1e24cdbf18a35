package main

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"
)

// TestBench measures the example articles with one and two workers, each
// run in a child process: this test binary acting as kg.
func TestBench(t *testing.T) {
	skipShort(t)
	_, ex := isolate(t)
	t.Setenv("KG_TEST_AS_KG", "1") // for the children only: TestMain has run
	out, stderr, code := kg(t, "--format", "json", "bench", "--workers-list", "1,2", ex)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var rep struct {
		CPUs      int    `json:"cpus"`
		GoVersion string `json:"go_version"`
		Corpus    struct {
			Documents int   `json:"documents"`
			Bytes     int64 `json:"bytes"`
		} `json:"corpus"`
		Runs []map[string]float64 `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if rep.CPUs < 1 || rep.GoVersion == "" || rep.Corpus.Documents != 9 || rep.Corpus.Bytes <= 0 || len(rep.Runs) != 2 {
		t.Fatalf("report:\n%s", out)
	}
	positive := []string{"documents", "tokens", "triples", "seconds", "store_bytes", "documents_per_sec",
		"tokens_per_sec", "tokens_per_sec_per_core", "speedup", "store_bytes_per_million_triples"}
	if runtime.GOOS == "linux" {
		positive = append(positive, "peak_rss_bytes")
	}
	for i, r := range rep.Runs {
		if r["workers"] != float64(i+1) || r["documents"] != 9 {
			t.Errorf("run %d: %v", i, r)
		}
		for _, k := range positive {
			if v, ok := r[k]; !ok || v <= 0 {
				t.Errorf("run %d: %s = %v", i, k, v)
			}
		}
		if r["tokens"] != rep.Runs[0]["tokens"] || r["triples"] != rep.Runs[0]["triples"] {
			t.Errorf("run %d extracted otherwise than run 0: %v, %v", i, r, rep.Runs[0])
		}
	}
	if rep.Runs[0]["speedup"] != 1 {
		t.Errorf("speed-up of the first run %v", rep.Runs[0]["speedup"])
	}

	out, stderr, code = kg(t, "bench", "--workers-list", "1", ex)
	lines := strings.Split(out, "\n")
	if code != exitOK || len(lines) != 6 || !strings.HasPrefix(lines[0], "machine: ") || !strings.HasPrefix(lines[1], "corpus: 9 documents") ||
		!strings.HasPrefix(lines[3], "WORKERS  DOCUMENTS  TOKENS") || !strings.Contains(lines[4], " 1.00 ") {
		t.Errorf("table: exit %d, %s\n%s", code, stderr, out)
	}
}

func TestBenchUsage(t *testing.T) {
	_, ex := isolate(t)
	for _, args := range [][]string{
		{"bench", "--workers-list", "1,0", ex},
		{"bench", "--workers-list", "one", ex},
		{"bench", "-"},
		{"bench"},
	} {
		if _, stderr, code := kg(t, args...); code != exitUsage {
			t.Errorf("%q: exit %d, want %d: %s", args, code, exitUsage, stderr)
		}
	}
}
