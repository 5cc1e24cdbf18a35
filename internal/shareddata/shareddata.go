// Package shareddata finds the project's shared data folder — treebanks,
// news corpora, gold triples — for the tests and benchmarks that use it.
//
// The folder is "shared", beside the repository root. A user's fresh
// clone has none, so every test that needs it skips with a message
// saying so. It is for tests only.
package shareddata

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared data folder, or skips tb when there is none.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for ; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(filepath.Dir(dir), "shared")
			if fi, err := os.Stat(filepath.Join(shared, "data")); err != nil || !fi.IsDir() {
				tb.Skipf("the shared data folder %s is absent (a fresh clone has none); skipping", shared)
			}
			return shared
		}
		if filepath.Dir(dir) == dir {
			tb.Skip("no go.mod above the package directory; cannot find the shared data folder")
		}
	}
}

// Path returns a path inside the shared data folder, or skips tb when
// the folder or the path is absent.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{Dir(tb)}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s is absent from the shared data folder; skipping", p)
	}
	return p
}
