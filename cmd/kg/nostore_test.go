package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestNoStore runs every command that opens a store on a store that does
// not exist and on a directory of the user's: each fails with exit status
// 4 naming the directory, and none creates a store or writes a file.
func TestNoStore(t *testing.T) {
	dir, ex := isolate(t)
	missing := filepath.Join(dir, "nowhere")
	user := filepath.Join(dir, "documents")
	if err := os.Mkdir(user, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(user, "notes.txt"), []byte("Buy bread.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	commands := [][]string{
		{"rm", "a.txt"},
		{"entities", "merge", "Trump", "Donald Trump"},
		{"entities", "split", "Trump"},
		{"entities"},
		{"query", "--subject", "Lavrov"},
		{"query", "?x meets ?y"},
		{"neighbors", "Lavrov"},
		{"why", "Sergei Lavrov", "meets", "Jean-Marc Ayrault"},
		{"path", "Lavrov", "Moscow"},
		{"stats"},
		{"export", "--format", "dot"},
	}
	for _, tt := range []struct {
		store, want string
		cmds        [][]string
	}{
		{missing, "store " + missing + " does not exist (run kg extract first", commands},
		{user, "store " + user + " is a directory that is not a kg store (it holds notes.txt)",
			append(slices.Clone(commands), []string{"extract", ex})},
	} {
		for _, args := range tt.cmds {
			args = append([]string{"--store", tt.store}, args...)
			_, stderr, code := kg(t, args...)
			if code != exitFailure || !strings.Contains(stderr, tt.want) {
				t.Errorf("kg %s: exit %d, stderr %q; want exit %d and %q", strings.Join(args, " "), code, stderr, exitFailure, tt.want)
			}
		}
	}
	if _, err := os.Stat(missing); err == nil {
		t.Errorf("%s was created", missing)
	}
	if entries, _ := os.ReadDir(user); len(entries) != 1 {
		t.Errorf("%s holds %d files, want the user's one", user, len(entries))
	}
}

// TestRepairSaid reads a store whose writer was killed as it made a new
// memtable log: the read repairs it, and says so first.
func TestRepairSaid(t *testing.T) {
	dir, _ := isolate(t)
	store := filepath.Join(dir, "store")
	doc := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(doc, []byte("Prime Minister Karel Vondrak met Chancellor Ilse Marten in Velmora.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := kg(t, "--store", store, "extract", "--lang", "en", doc); code != exitOK {
		t.Fatalf("extract: exit %d, %s", code, stderr)
	}
	if err := os.WriteFile(filepath.Join(store, "00009.mem"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := kg(t, "--store", store, "stats")
	if want := "kg: warning: store " + store + " was not closed cleanly"; code != exitOK || !strings.HasPrefix(stderr, want) {
		t.Errorf("stats after a kill: exit %d, stderr %q; want exit 0 and %q", code, stderr, want)
	}
}
