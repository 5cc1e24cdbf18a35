package wasm

// This file is kg's, not go-graphviz's: see ../../KG-FORK.md.

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/tetratelabs/wazero"
)

var (
	loadOnce sync.Once
	loadErr  error
)

// Load compiles and instantiates Graphviz's WebAssembly module, once per
// process; every later call returns the first call's error. Everything
// else in the module needs it done: cgraph.Init and gvc.New call it.
func Load() error {
	loadOnce.Do(func() { loadErr = loadCached() })
	return loadErr
}

// loadCached instantiates the module with wazero's compilation cache in a
// directory only this user can write (upstream used $TMPDIR/go-graphviz,
// which panics when another user made it, or when a file in it is
// truncated). A cache that fails compilation is emptied and filled again;
// with no usable directory the module is compiled without one (slower,
// never wrong).
func loadCached() error {
	dir := cacheDir()
	if dir == "" {
		return instantiate(nil)
	}
	if err := instantiateIn(dir); err == nil {
		return nil
	}
	// A damaged entry: a process killed while writing it, or a file
	// changed by hand.
	if err := os.RemoveAll(dir); err == nil && instantiateIn(dir) == nil {
		return nil
	}
	return instantiate(nil)
}

func instantiateIn(dir string) error {
	cache, err := wazero.NewCompilationCacheWithDir(dir)
	if err != nil {
		return err
	}
	return instantiate(cache)
}

// cacheDir returns the user's cache directory for compiled code, made if
// needed, or "" when none is both the user's and closed to others: the
// user cache directory ($XDG_CACHE_HOME, ~/.cache) or else
// $TMPDIR/go-graphviz-UID.
func cacheDir() string {
	var dirs []string
	if base, err := os.UserCacheDir(); err == nil {
		dirs = append(dirs, filepath.Join(base, "go-graphviz"))
	}
	dirs = append(dirs, filepath.Join(os.TempDir(), "go-graphviz-"+strconv.Itoa(os.Geteuid())))
	for _, dir := range dirs {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			continue
		}
		fi, err := os.Lstat(dir)
		if err != nil || !fi.IsDir() || fi.Mode().Perm()&0o022 != 0 || !ownedBySelf(fi) {
			continue
		}
		return dir
	}
	return ""
}
