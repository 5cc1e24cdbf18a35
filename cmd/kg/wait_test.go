package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kgraph/kg/storage"
)

// TestWaitForStore holds the store as a writer here, as kg extract does,
// and runs kg stats in another process: it waits up to --wait, saying so,
// reads once the writer is gone, and stops on Ctrl-C.
func TestWaitForStore(t *testing.T) {
	skipShort(t)
	dir, ex := isolate(t)
	store := filepath.Join(dir, "store")
	exampleStoreAt(t, store, ex)
	tests := []struct {
		name   string
		wait   string
		after  time.Duration // when the writer closes, or SIGINT is sent
		sigint bool
		code   int
		took   time.Duration // at least
		stderr []string
	}{
		{name: "no wait", wait: "0", code: exitFailure,
			stderr: []string{"store " + store + " is in use by another kg process (process ", "--wait DURATION waits for it"}},
		{name: "wait runs out", wait: "700ms", code: exitFailure, took: 700 * time.Millisecond,
			stderr: []string{"waiting up to 700ms for it to finish (--wait 0 fails at once; Ctrl-C stops)", "after waiting 700ms"}},
		{name: "writer leaves", wait: "1m", after: 700 * time.Millisecond, code: exitOK, took: 700 * time.Millisecond,
			stderr: []string{"waiting up to 1m0s"}},
		{name: "ctrl-c", wait: "1m", after: 700 * time.Millisecond, sigint: true, code: exitSignaled, took: 700 * time.Millisecond,
			stderr: []string{"waiting up to 1m0s", "kg: interrupted"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := storage.Open(store, storage.Options{})
			if err != nil {
				t.Fatal(err)
			}
			closed := false
			defer func() {
				if !closed {
					w.Close()
				}
			}()
			cmd := exec.Command(os.Args[0], "--store", store, "--format", "jsonl", "--wait", tt.wait, "stats")
			cmd.Env = append(os.Environ(), "KG_TEST_AS_KG=1")
			var out, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &errb
			start := time.Now()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			if tt.after > 0 {
				time.Sleep(tt.after)
				if tt.sigint {
					cmd.Process.Signal(syscall.SIGINT)
				} else {
					closed = true
					if err := w.Close(); err != nil {
						t.Fatal(err)
					}
				}
			}
			cmd.Wait()
			took := time.Since(start)
			if code := cmd.ProcessState.ExitCode(); code != tt.code {
				t.Fatalf("exit %d, want %d:\n%s", code, tt.code, errb.String())
			}
			if took < tt.took || took > tt.took+5*time.Second {
				t.Errorf("took %s, want about %s", took, tt.took)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(errb.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, errb.String())
				}
			}
			if tt.code == exitOK && !strings.Contains(out.String(), `"documents":9,`) {
				t.Errorf("stats once the writer left:\n%s", out.String())
			}
		})
	}
}
