package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// ErrNotStore means a directory holds files that are not a store's: Open
// refuses to write Badger's files among a user's.
var ErrNotStore = errors.New("not a kg store")

// Exists reports whether dir holds a store, without opening or creating
// it: nil if it does, else an error wrapping ErrNotFound (no directory, or
// one that is empty) or ErrNotStore (a directory of other files).
func Exists(dir string) error { return checkDir(dir, true) }

// checkDir reports why dir cannot be opened as a store, or, unless
// mustExist, created as one: a store has Badger's MANIFEST, and a new
// store goes in a directory that does not exist, is empty, or holds only
// what Badger leaves of a store it was creating when killed.
func checkDir(dir string, mustExist bool) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if mustExist {
			return &storeError{dir, "does not exist", ErrNotFound}
		}
		return nil
	case err != nil:
		fi, serr := os.Stat(dir)
		if serr == nil && !fi.IsDir() {
			return &storeError{dir, "is a file, not a kg store", ErrNotStore}
		}
		return fmt.Errorf("open store %s: %w", dir, err)
	}
	var others []string
	for _, e := range entries {
		if e.Name() == badger.ManifestFilename {
			return nil
		}
		if !badgerFile(e.Name()) {
			others = append(others, e.Name())
		}
	}
	if len(others) > 0 {
		slices.Sort(others)
		if len(others) > 3 {
			others = append(others[:3], "...")
		}
		return &storeError{dir, fmt.Sprintf("is a directory that is not a kg store (it holds %s); name a new or empty directory", strings.Join(others, ", ")), ErrNotStore}
	}
	if mustExist {
		return &storeError{dir, "holds no kg store", ErrNotFound}
	}
	return nil
}

// badgerFile reports whether name is one of the files Badger makes in a
// store's directory.
func badgerFile(name string) bool {
	switch name {
	case "KEYREGISTRY", "DISCARD", "LOCK":
		return true
	}
	if strings.HasPrefix(name, badger.ManifestFilename) {
		return true // MANIFEST-REWRITE, while Badger rewrites the manifest
	}
	switch filepath.Ext(name) {
	case ".sst", ".vlog", ".mem":
		return true
	}
	return false
}
