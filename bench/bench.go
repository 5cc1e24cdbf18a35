package bench

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"

	"github.com/kgraph/kg/extract/reader"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/ingest"
	"github.com/kgraph/kg/storage"
)

// Sample is what one run of extraction measured.
type Sample struct {
	Workers   int `json:"workers"`
	Documents int `json:"documents"`
	Tokens    int `json:"tokens"`
	Triples   int `json:"triples"`
	// Seconds is the time of reading, extracting and storing the
	// corpus; loading the models and opening the store are not in it.
	Seconds    float64 `json:"seconds"`
	StoreBytes int64   `json:"store_bytes"`    // disk space of the store once closed
	PeakRSS    int64   `json:"peak_rss_bytes"` // of the whole run; 0 when unknown
}

// Row is a Sample with the rates derived from it.
type Row struct {
	Sample
	DocumentsPerSec float64 `json:"documents_per_sec"`
	TokensPerSec    float64 `json:"tokens_per_sec"`
	// TokensPerSecPerCore divides by the cores the workers could use:
	// min(workers, CPUs).
	TokensPerSecPerCore float64 `json:"tokens_per_sec_per_core"`
	// Speedup is TokensPerSec over that of the first row.
	Speedup float64 `json:"speedup"`
	// StoreBytesPerMTriples is StoreBytes per million triples; 0 when
	// no triple was extracted.
	StoreBytesPerMTriples float64 `json:"store_bytes_per_million_triples"`
}

// Report is the outcome of Run.
type Report struct {
	CPUs      int    `json:"cpus"`
	CPU       string `json:"cpu,omitempty"` // model name, where the system tells
	GoVersion string `json:"go_version"`
	Corpus    Corpus `json:"corpus"`
	Rows      []Row  `json:"runs"`
}

// Corpus describes what was measured.
type Corpus struct {
	Paths     []string `json:"paths"`
	Documents int      `json:"documents"` // read, before extraction
	Bytes     int64    `json:"bytes"`     // of document text
}

// A Sampler takes one sample of extraction with the given number of
// workers.
type Sampler func(ctx context.Context, workers int) (Sample, error)

// Run reads the corpus once (which also brings it into the page cache,
// so that the first sample does not pay for the disk), then takes one
// sample per entry of workers, in order, and derives the rates.
func Run(ctx context.Context, paths []string, opts reader.Options, workers []int, sample Sampler) (Report, error) {
	if len(workers) == 0 {
		return Report{}, errors.New("bench: no worker count to measure")
	}
	rep := Report{
		CPUs:      runtime.NumCPU(),
		CPU:       cpuModel(),
		GoVersion: runtime.Version(),
		Corpus:    Corpus{Paths: paths},
	}
	err := reader.Read(ctx, paths, opts, nil, func(d graph.Document) error {
		rep.Corpus.Documents++
		rep.Corpus.Bytes += int64(len(d.Text))
		return nil
	}, nil)
	if err != nil {
		return Report{}, fmt.Errorf("bench: read corpus: %w", err)
	}
	if rep.Corpus.Documents == 0 {
		return Report{}, fmt.Errorf("bench: no document in %s", strings.Join(paths, ", "))
	}
	for _, w := range workers {
		if w < 1 {
			return Report{}, fmt.Errorf("bench: %d workers: want 1 or more", w)
		}
		s, err := sample(ctx, w)
		if err != nil {
			return Report{}, fmt.Errorf("bench: %d workers: %w", w, err)
		}
		rep.Rows = append(rep.Rows, derive(s, rep.CPUs))
	}
	base := rep.Rows[0].TokensPerSec
	for i := range rep.Rows {
		if base > 0 {
			rep.Rows[i].Speedup = rep.Rows[i].TokensPerSec / base
		}
	}
	return rep, nil
}

// derive computes a sample's rates, but for the speed-up.
func derive(s Sample, cpus int) Row {
	r := Row{Sample: s}
	if s.Seconds > 0 {
		r.DocumentsPerSec = float64(s.Documents) / s.Seconds
		r.TokensPerSec = float64(s.Tokens) / s.Seconds
		r.TokensPerSecPerCore = r.TokensPerSec / float64(min(s.Workers, cpus))
	}
	if s.Triples > 0 {
		r.StoreBytesPerMTriples = float64(s.StoreBytes) / float64(s.Triples) * 1e6
	}
	return r
}

// Extract is one sample's work: it extracts paths with x on the given
// number of workers into a new store in dir, closes the store and
// measures it. It leaves the store in dir and the peak RSS unset.
func Extract(ctx context.Context, paths []string, workers int, dir string, x ingest.Extractor, opts reader.Options) (Sample, error) {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		// A store already there would make the run measure nothing.
		return Sample{}, fmt.Errorf("bench: store directory %s is not empty", dir)
	}
	st, err := storage.Open(dir, storage.Options{})
	if err != nil {
		return Sample{}, err
	}
	sum, err := ingest.Run(ctx, paths, x, st, ingest.Options{Reader: opts, Workers: workers})
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return Sample{}, err
	}
	size, err := storage.DiskUsage(dir)
	if err != nil {
		return Sample{}, fmt.Errorf("bench: size of store %s: %w", dir, err)
	}
	return Sample{
		Workers:    workers,
		Documents:  sum.Documents,
		Tokens:     sum.Tokens,
		Triples:    sum.Triples,
		Seconds:    sum.Elapsed.Seconds(),
		StoreBytes: size,
	}, nil
}

// cpuModel returns the processor's model name from /proc/cpuinfo, or "".
func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return ""
	}
	for line := range strings.Lines(string(data)) {
		k, v, ok := strings.Cut(line, ":")
		if ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return ""
}
