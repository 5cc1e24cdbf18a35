package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Exec returns a Sampler that runs each sample as a child process, so
// that the peak RSS is the sample's own (the process's high-water mark
// only grows). command makes the process for a number of workers and a
// store directory; the process writes its Sample as JSON on stdout (see
// Extract). The store is made in a new directory under tmp ("" for the
// system's temporary directory) and removed afterwards.
func Exec(tmp string, command func(ctx context.Context, workers int, store string) *exec.Cmd) Sampler {
	return func(ctx context.Context, workers int) (Sample, error) {
		dir, err := os.MkdirTemp(tmp, "kg-bench-")
		if err != nil {
			return Sample{}, err
		}
		defer os.RemoveAll(dir)
		cmd := command(ctx, workers, filepath.Join(dir, "store"))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			return Sample{}, fmt.Errorf("%s: %w: %s", cmd.Path, err, strings.TrimSpace(stderr.String()))
		}
		var s Sample
		if err := json.Unmarshal(stdout.Bytes(), &s); err != nil {
			return Sample{}, fmt.Errorf("%s: output %.200q: %w", cmd.Path, stdout.Bytes(), err)
		}
		if s.Workers != workers {
			return Sample{}, fmt.Errorf("%s: sample of %d workers, asked for %d", cmd.Path, s.Workers, workers)
		}
		s.PeakRSS = peakRSS(cmd.ProcessState)
		return s, nil
	}
}
