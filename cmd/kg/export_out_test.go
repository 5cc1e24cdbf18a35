package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExportOut checks that export --out never harms what it replaces:
// the mode is kept, the store is refused, nothing is written when nothing
// matched, and errors name the user's path.
func TestExportOut(t *testing.T) {
	store, dir := exampleStore(t)
	manifest := filepath.Join(store, "MANIFEST")
	before, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	private := filepath.Join(dir, "private.dot")
	os.WriteFile(private, []byte("mine"), 0o600)
	os.Chmod(private, 0o600)
	os.Symlink(store, filepath.Join(dir, "store-link"))
	tests := []struct {
		name string
		args []string
		code int
		msg  string // in stderr
		file string // must still hold "mine" (or be absent) after a failure
	}{
		{"a store file", []string{"--out", manifest}, exitUsage, "output " + manifest + ": inside", ""},
		{"a store file through a link", []string{"--out", filepath.Join(dir, "store-link", "MANIFEST")}, exitUsage, "(the store)", ""},
		{"relative into the store", []string{"--out", filepath.Join("store", "new.svg")}, exitUsage, "(the store)", ""},
		{"neo4j into the store", []string{"--format", "neo4j", "--out", filepath.Join(store, "neo4j")}, exitUsage, "(the store)", ""},
		{"nothing matched", []string{"--predicates", "no such predicate", "--out", private}, exitNoMatch, "nothing written", private},
		{"nothing matched, neo4j", []string{"--predicates", "no such predicate", "--format", "neo4j", "--out", filepath.Join(dir, "neo")}, exitNoMatch, "nothing written", filepath.Join(dir, "neo")},
		{"a directory", []string{"--out", dir}, exitFailure, "output " + dir + ": is a directory", ""},
		{"a missing parent", []string{"--out", filepath.Join(dir, "none", "x.svg")}, exitFailure, "output " + filepath.Join(dir, "none", "x.svg") + ": directory", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := kg(t, append([]string{"--store", store, "export"}, tt.args...)...)
			if code != tt.code || !strings.Contains(stderr, tt.msg) || strings.Contains(stderr, ".kg-export") || out != "" {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d and %q", code, out, stderr, tt.code, tt.msg)
			}
			if tt.file != "" {
				if b, err := os.ReadFile(tt.file); err == nil && string(b) != "mine" {
					t.Errorf("%s was overwritten", tt.file)
				}
			}
		})
	}
	if after, _ := os.ReadFile(manifest); !bytes.Equal(before, after) {
		t.Fatal("the store's MANIFEST changed")
	}
	if _, stderr, code := kg(t, "--store", store, "stats"); code != exitOK {
		t.Fatalf("the store no longer opens: %s", stderr)
	}
	if out, _, code := kg(t, "--store", store, "export", "--predicates", "no such predicate"); code != exitNoMatch || out != "" {
		t.Errorf("nothing matched on stdout: exit %d, %q; want exit 1 and nothing", code, out)
	}

	// A file replaced keeps its mode.
	if _, stderr, code := kg(t, "--store", store, "export", "--out", private); code != exitOK {
		t.Fatalf("export exit %d: %s", code, stderr)
	}
	fi, err := os.Stat(private)
	if err != nil || fi.Mode().Perm() != fs.FileMode(0o600) {
		t.Errorf("%s: mode %v, %v; want 0600 kept", private, fi.Mode().Perm(), err)
	}
	if b, _ := os.ReadFile(private); !bytes.HasPrefix(b, []byte("digraph")) {
		t.Errorf("%s not replaced by the diagram", private)
	}
}
