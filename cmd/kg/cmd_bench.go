package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/bench"
	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/reader"
	"github.com/kgraph/kg/listing"
)

func newBenchCmd(a *app) *cobra.Command {
	var opts benchOptions
	cmd := &cobra.Command{
		Use:   "bench CORPUS...",
		Short: "Measure extraction speed, memory and store size on a corpus",
		Long: `Bench extracts the corpus once per worker count of --workers-list, each
time into a new temporary store (removed after) in a new kg process, and
reports for each run: documents and tokens a second, tokens a second per
core (divided by the workers or the cores, whichever is fewer), the speed-up
over the first run, the peak resident memory of the process, and the size of
the store on disk, also per million triples. Times are of reading,
extracting and storing; loading the models is not in them.

Extraction settings are those of kg extract (config file, KG_* variables).
Temporary stores go under --tmp; on a tmpfs they take memory.`,
		Example: `  kg bench examples/
  kg bench --workers-list 1,2,4 --format json ../shared/data/news`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runBench(cmd.Context(), a, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.workersList, "workers-list", defaultWorkersList(), "worker counts to measure, in order, comma-separated")
	f.StringVar(&opts.tmp, "tmp", "", "directory for the temporary stores (default: the system's)")
	// A run of the benchmark in a process of its own, started by bench.
	f.IntVar(&opts.sampleWorkers, "sample-workers", 0, "")
	f.MarkHidden("sample-workers")
	return cmd
}

// benchOptions are the flags of kg bench.
type benchOptions struct {
	workersList string
	tmp         string
	// sampleWorkers, when set, makes this process the one run of the
	// benchmark with that many workers.
	sampleWorkers int
}

// runBench measures the extraction of the corpus at paths with each
// worker count of opts.workersList, one child process a run.
func runBench(ctx context.Context, a *app, opts benchOptions, paths []string) error {
	ropts := reader.Options{MaxBytes: a.cfg.Extract.MaxDocumentBytes}
	for _, p := range paths {
		if p == "-" {
			return usageError("bench reads files, not standard input")
		}
	}
	if opts.sampleWorkers > 0 {
		return benchSample(ctx, a, paths, opts.sampleWorkers, ropts)
	}
	workers, err := parseWorkers(opts.workersList)
	if err != nil {
		return usageError("--workers-list: %v", err)
	}
	exe, err := os.Executable()
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	sample := bench.Exec(opts.tmp, func(ctx context.Context, w int, store string) *exec.Cmd {
		cargs := []string{"--quiet", "--store", store}
		if a.cfgFile != "" {
			cargs = append(cargs, "--config", a.cfgFile)
		}
		cargs = append(cargs, "bench", "--sample-workers", strconv.Itoa(w), "--")
		return exec.CommandContext(ctx, exe, append(cargs, paths...)...)
	})
	if a.progress {
		inner := sample
		sample = func(ctx context.Context, w int) (bench.Sample, error) {
			fmt.Fprintf(a.stderr, "kg: bench: extracting with %d workers\n", w)
			return inner(ctx, w)
		}
	}
	rep, err := bench.Run(ctx, paths, ropts, workers, sample)
	if err != nil {
		if ctx.Err() != nil {
			return &exitError{code: exitSignaled, err: fmt.Errorf("interrupted")}
		}
		return &exitError{code: exitFailure, err: err}
	}
	return writeBench(a, rep)
}

// benchSample is the child process of kg bench: one extraction into the
// configured store, its sample written as JSON on stdout.
func benchSample(ctx context.Context, a *app, paths []string, workers int, ropts reader.Options) error {
	x, err := extract.New(a.extractOptions())
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	s, err := bench.Extract(ctx, paths, workers, a.cfg.Store, x, ropts)
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	return json.NewEncoder(a.stdout).Encode(s)
}

func defaultWorkersList() string {
	if n := runtime.NumCPU(); n > 1 {
		return "1," + strconv.Itoa(n)
	}
	return "1"
}

func parseWorkers(list string) ([]int, error) {
	var ws []int
	for f := range strings.SplitSeq(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q is not a number of workers (1 or more)", f)
		}
		ws = append(ws, n)
	}
	return ws, nil
}

func writeBench(a *app, rep bench.Report) error {
	if a.cfg.Format == "json" {
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	if a.cfg.Format == "table" || a.cfg.Format == "" {
		cpu := rep.CPU
		if cpu == "" {
			cpu = "unknown CPU"
		}
		fmt.Fprintf(a.stdout, "machine: %s, %d cores, %s\ncorpus: %d documents, %.1f MB of text\n\n",
			cpu, rep.CPUs, rep.GoVersion, rep.Corpus.Documents, float64(rep.Corpus.Bytes)/1e6)
	}
	f0 := func(x float64) string { return strconv.FormatFloat(x, 'f', 0, 64) }
	mb := func(n float64) string { return strconv.FormatFloat(n/1e6, 'f', 1, 64) }
	cols := []listing.Column[bench.Row]{
		{Name: "workers", Value: func(r bench.Row) string { return strconv.Itoa(r.Workers) }},
		{Name: "documents", Value: func(r bench.Row) string { return strconv.Itoa(r.Documents) }},
		{Name: "tokens", Value: func(r bench.Row) string { return strconv.Itoa(r.Tokens) }},
		{Name: "triples", Value: func(r bench.Row) string { return strconv.Itoa(r.Triples) }},
		{Name: "seconds", Value: func(r bench.Row) string { return strconv.FormatFloat(r.Seconds, 'f', 2, 64) }},
		{Name: "docs/s", Value: func(r bench.Row) string { return f0(r.DocumentsPerSec) }},
		{Name: "tokens/s", Value: func(r bench.Row) string { return f0(r.TokensPerSec) }},
		{Name: "tokens/s/core", Value: func(r bench.Row) string { return f0(r.TokensPerSecPerCore) }},
		{Name: "speed-up", Value: func(r bench.Row) string { return strconv.FormatFloat(r.Speedup, 'f', 2, 64) }},
		{Name: "peak RSS MB", Value: func(r bench.Row) string { return mb(float64(r.PeakRSS)) }},
		{Name: "store MB", Value: func(r bench.Row) string { return mb(float64(r.StoreBytes)) }},
		{Name: "MB/M triples", Value: func(r bench.Row) string { return mb(r.StoreBytesPerMTriples) }},
	}
	return listing.Write(a.stdout, a.cfg.Format, cols, rep.Rows)
}
