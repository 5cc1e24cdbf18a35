package storage_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/kgraph/kg/storage"
)

// TestOpenDir opens directories of every kind in every mode: only a
// write that may create opens a missing or empty one, and none writes
// among a user's files.
func TestOpenDir(t *testing.T) {
	write, create, read := storage.Options{MustExist: true}, storage.Options{}, storage.Options{ReadOnly: true}
	dirs := map[string]func(t *testing.T, dir string){
		"missing": func(t *testing.T, dir string) {},
		"empty":   func(t *testing.T, dir string) { mkdir(t, dir) },
		"user's": func(t *testing.T, dir string) {
			mkdir(t, dir)
			writeFile(t, filepath.Join(dir, "notes.txt"), "Buy bread.\n")
			mkdir(t, filepath.Join(dir, "photos"))
		},
		"file": func(t *testing.T, dir string) { writeFile(t, dir, "Buy bread.\n") },
		"store": func(t *testing.T, dir string) {
			s, err := storage.Open(dir, storage.Options{})
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
		},
	}
	for _, tt := range []struct {
		dir  string
		opts storage.Options
		want error // nil: opens
	}{
		{"missing", create, nil},
		{"missing", write, storage.ErrNotFound},
		{"missing", read, storage.ErrNotFound},
		{"empty", create, nil},
		{"empty", write, storage.ErrNotFound},
		{"empty", read, storage.ErrNotFound},
		{"user's", create, storage.ErrNotStore},
		{"user's", write, storage.ErrNotStore},
		{"user's", read, storage.ErrNotStore},
		{"file", create, storage.ErrNotStore},
		{"file", read, storage.ErrNotStore},
		{"store", create, nil},
		{"store", write, nil},
		{"store", read, nil},
	} {
		dir := filepath.Join(t.TempDir(), "kg-data")
		dirs[tt.dir](t, dir)
		before := list(dir)
		s, err := storage.Open(dir, tt.opts)
		if err == nil {
			s.Close()
		}
		if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("Open(%s, %+v) error = %v, want %v", tt.dir, tt.opts, err, tt.want)
		}
		if got := list(dir); tt.want != nil && !slices.Equal(got, before) {
			t.Errorf("Open(%s, %+v) failed but changed the directory: %q, was %q", tt.dir, tt.opts, got, before)
		}
		if exists := storage.Exists(dir); (exists == nil) != (err == nil) {
			t.Errorf("Exists(%s) after Open(%+v) = %v", tt.dir, tt.opts, exists)
		}
	}
}

// list returns the names in dir, or nil when it is no directory.
func list(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
