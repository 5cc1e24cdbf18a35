package bench

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/reader"
)

// TestMain lets the test binary be the child process of TestExec: with
// BENCH_TEST_CHILD set to a number of MiB, it holds that much memory and
// prints a sample.
func TestMain(m *testing.M) {
	if mb := os.Getenv("BENCH_TEST_CHILD"); mb != "" {
		os.Exit(child(mb))
	}
	os.Exit(m.Run())
}

func child(mb string) int {
	n, err := strconv.Atoi(mb)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child: bad size", mb)
		return 1
	}
	mem := make([]byte, n<<20)
	for i := range mem {
		mem[i] = byte(i) // touched, so resident
	}
	workers, _ := strconv.Atoi(os.Args[len(os.Args)-1])
	json.NewEncoder(os.Stdout).Encode(Sample{Workers: workers, Documents: int(mem[1]), Seconds: 1})
	return 0
}

func writeCorpus(t *testing.T, docs ...string) string {
	t.Helper()
	dir := t.TempDir()
	for i, d := range docs {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(d), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRun(t *testing.T) {
	corpus := writeCorpus(t, "Paris.", "Londres.")
	cpus := runtime.NumCPU()
	samples := map[int]Sample{
		1: {Workers: 1, Documents: 100, Tokens: 10_000, Triples: 200, Seconds: 2, StoreBytes: 1 << 20},
		2: {Workers: 2, Documents: 100, Tokens: 10_000, Triples: 200, Seconds: 1.25, StoreBytes: 1 << 20},
		4: {Workers: 4, Documents: 100, Tokens: 10_000, Triples: 0, Seconds: 1},
	}
	var asked []int
	sampler := func(_ context.Context, w int) (Sample, error) {
		asked = append(asked, w)
		return samples[w], nil
	}
	rep, err := Run(context.Background(), []string{corpus}, reader.Options{}, []int{1, 2, 4}, sampler)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(asked) != "[1 2 4]" {
		t.Errorf("samples taken in order %v", asked)
	}
	if rep.CPUs != cpus || rep.GoVersion != runtime.Version() || rep.Corpus.Documents != 2 || rep.Corpus.Bytes != int64(len("Paris.Londres.")) {
		t.Errorf("report %+v", rep)
	}
	want := []Row{
		{Sample: samples[1], DocumentsPerSec: 50, TokensPerSec: 5000, TokensPerSecPerCore: 5000, Speedup: 1, StoreBytesPerMTriples: 1 << 20 * 5000},
		{Sample: samples[2], DocumentsPerSec: 80, TokensPerSec: 8000, TokensPerSecPerCore: 8000 / float64(min(2, cpus)), Speedup: 1.6, StoreBytesPerMTriples: 1 << 20 * 5000},
		{Sample: samples[4], DocumentsPerSec: 100, TokensPerSec: 10000, TokensPerSecPerCore: 10000 / float64(min(4, cpus)), Speedup: 2},
	}
	if len(rep.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rep.Rows), len(want))
	}
	for i, r := range rep.Rows {
		if !closeRows(r, want[i]) {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, r, want[i])
		}
	}
}

func closeRows(a, b Row) bool {
	near := func(x, y float64) bool { return math.Abs(x-y) <= 1e-9*math.Max(1, math.Abs(y)) }
	return a.Sample == b.Sample && near(a.DocumentsPerSec, b.DocumentsPerSec) && near(a.TokensPerSec, b.TokensPerSec) &&
		near(a.TokensPerSecPerCore, b.TokensPerSecPerCore) && near(a.Speedup, b.Speedup) && near(a.StoreBytesPerMTriples, b.StoreBytesPerMTriples)
}

func TestRunErrors(t *testing.T) {
	corpus := writeCorpus(t, "Paris.")
	ok := func(_ context.Context, w int) (Sample, error) { return Sample{Workers: w, Seconds: 1}, nil }
	failing := func(context.Context, int) (Sample, error) { return Sample{}, errors.New("no memory") }
	tests := []struct {
		name    string
		paths   []string
		workers []int
		sample  Sampler
		want    string
	}{
		{"no workers", []string{corpus}, nil, ok, "no worker count"},
		{"zero workers", []string{corpus}, []int{1, 0}, ok, "0 workers: want 1 or more"},
		{"sample fails", []string{corpus}, []int{1}, failing, "1 workers: no memory"},
		{"empty corpus", []string{t.TempDir()}, []int{1}, ok, "no document in"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Run(context.Background(), tt.paths, reader.Options{}, tt.workers, tt.sample)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one with %q", err, tt.want)
			}
		})
	}
}

// TestExec runs samples as child processes: this test binary, holding
// some memory.
func TestExec(t *testing.T) {
	tmp := t.TempDir()
	var stores []string
	command := func(mb string) func(context.Context, int, string) *exec.Cmd {
		return func(ctx context.Context, w int, store string) *exec.Cmd {
			stores = append(stores, store)
			cmd := exec.CommandContext(ctx, os.Args[0], strconv.Itoa(w))
			cmd.Env = append(os.Environ(), "BENCH_TEST_CHILD="+mb)
			return cmd
		}
	}
	ctx := context.Background()
	small, err := Exec(tmp, command("1"))(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	large, err := Exec(tmp, command("64"))(ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	if small.Workers != 3 || small.Documents != 1 || small.Seconds != 1 {
		t.Errorf("sample %+v", small)
	}
	if runtime.GOOS == "linux" {
		if small.PeakRSS <= 0 || large.PeakRSS < 64<<20 || large.PeakRSS-small.PeakRSS < 60<<20 {
			t.Errorf("peak RSS %d and %d bytes, want the second 64 MiB more", small.PeakRSS, large.PeakRSS)
		}
	}
	for _, s := range stores {
		if filepath.Dir(filepath.Dir(s)) != tmp {
			t.Errorf("store %s not in a directory of its own under %s", s, tmp)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("%d temporary directories left", len(left))
	}
	if _, err := Exec(tmp, command("x"))(ctx, 1); err == nil || !strings.Contains(err.Error(), "bad size x") {
		t.Errorf("failed child: error %v, want its stderr", err)
	}
}

// TestExtract takes one sample in process on the example articles, with
// one and two workers: the same documents and triples.
func TestExtract(t *testing.T) {
	ex, err := filepath.Abs(filepath.Join("..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New(extract.Options{Languages: []string{"fr", "en"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []Sample
	for _, w := range []int{1, 2} {
		dir := filepath.Join(t.TempDir(), "store")
		s, err := Extract(context.Background(), []string{ex}, w, dir, x, reader.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if s.Workers != w || s.Documents != 9 || s.Tokens <= 0 || s.Triples <= 0 || s.Seconds <= 0 || s.StoreBytes <= 0 || s.PeakRSS != 0 {
			t.Errorf("sample %+v", s)
		}
		got = append(got, s)
		// A second run into the same store would measure nothing.
		if _, err := Extract(context.Background(), []string{ex}, w, dir, x, reader.Options{}); err == nil || !strings.Contains(err.Error(), "not empty") {
			t.Errorf("run into a used store: error %v", err)
		}
	}
	if got[0].Tokens != got[1].Tokens || got[0].Triples != got[1].Triples {
		t.Errorf("1 and 2 workers differ: %+v, %+v", got[0], got[1])
	}
}
