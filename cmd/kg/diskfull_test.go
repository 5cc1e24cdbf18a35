package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// TestWritesDiskFull runs rm, entities merge and entities split with the
// store's disk nearly full (told by a test hook, not a flag): each stops
// with exit status 4 and a message naming the store before writing
// anything. TestDiskFull fills a real disk, when it can mount one.
func TestWritesDiskFull(t *testing.T) {
	store := examplesStore(t)
	const full = 100 << 20
	// kgFree runs kg in process with the store's disk holding free bytes.
	kgFree := func(free int64, args ...string) (string, string, int) {
		t.Helper()
		var out, errb bytes.Buffer
		a := &app{ctx: context.Background(), stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
			diskFree: func(string) (int64, error) { return free, nil }}
		code := runApp(a, append([]string{"--store", store, "--format", "jsonl"}, args...))
		return out.String(), errb.String(), code
	}
	// snapshot is what the store answers, merges included.
	snapshot := func() string {
		t.Helper()
		var b strings.Builder
		for _, args := range [][]string{{"query", "--evidence"}, {"entities"}, {"entities", "merges"}} {
			out, stderr, code := kgFree(1<<40, args...)
			if code != exitOK && code != exitNoMatch {
				t.Fatalf("%v exit %d: %s", args, code, stderr)
			}
			b.WriteString(out)
		}
		return b.String()
	}
	tests := []struct {
		name   string
		before []string // run with room first
		args   []string
		msg    string // in stderr, after "kg: "
	}{
		{"rm", nil, []string{"rm", "lavrov-ayrault-fr.txt", trumpDoc3},
			"document lavrov-ayrault-fr.txt and those after it were not removed (0 removed before it; free some space and run kg rm again)"},
		{"merge", nil, []string{"entities", "merge", "House", "House of Representatives"},
			`merge "House" into "US House of Representatives": `},
		{"split", []string{"entities", "merge", "House", "House of Representatives"}, []string{"entities", "split", "House"},
			`split "House": `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.before != nil {
				if _, stderr, code := kgFree(1<<40, tt.before...); code != exitOK {
					t.Fatalf("%v exit %d: %s", tt.before, code, stderr)
				}
			}
			want := snapshot()
			_, stderr, code := kgFree(full, tt.args...)
			space := "store " + store + ": disk nearly full: 100 MiB free on its disk, under the 256 MiB kg keeps free"
			if code != exitFailure || !strings.Contains(stderr, space) || !strings.Contains(stderr, tt.msg) {
				t.Errorf("%v with the disk full: exit %d, %s; want %d and %q, %q", tt.args, code, stderr, exitFailure, space, tt.msg)
			}
			if got := snapshot(); got != want {
				t.Errorf("%v with the disk full changed the store", tt.args)
			}
			storedDocs(t, store) // verifies the store's records agree
		})
	}
}
