package main

import (
	"bytes"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

// TestGraphvizCache runs the built kg with go-graphviz's compilation
// cache in the states that made go-graphviz's package init panic, before
// main, for every command (issue 13): another user's $TMPDIR/go-graphviz,
// entries cut short or unreadable. Package internal/graphvizcache points
// go-graphviz at a cache of the user's own instead; these check that
// every command works whatever the temporary directory holds, that a
// damaged cache heals, and that the order of package initialization it
// rests on holds in the real binary.
func TestGraphvizCache(t *testing.T) {
	skipShort(t)
	bin := buildKG(t)
	store, _ := exampleStore(t)

	t.Run("initialization order", func(t *testing.T) {
		r := kgRunner{bin: bin, env: cacheEnv("GODEBUG=inittrace=1", "TMPDIR="+t.TempDir(), "XDG_CACHE_HOME="+t.TempDir())}
		_, stderr, code := r.run(t, t.TempDir(), "version")
		if code != exitOK {
			t.Fatalf("version: exit %d: %s", code, stderr)
		}
		// Each package with work to initialize prints "init PATH @...".
		var order []string
		for line := range strings.Lines(stderr) {
			if f := strings.Fields(line); len(f) > 2 && f[0] == "init" {
				order = append(order, f[1])
			}
		}
		want := []string{
			"github.com/kgraph/kg/internal/graphvizcache",
			"github.com/goccy/go-graphviz/internal/wasm",
			"github.com/kgraph/kg/export",
		}
		var at []int
		for _, pkg := range want {
			at = append(at, slices.Index(order, pkg))
		}
		if at[0] < 0 || !slices.IsSorted(at) {
			t.Errorf("%q initialized in the places %v of %d; want them in this order", want, at, len(order))
		}
	})

	// An entry cut short, or a directory where an entry should be (as
	// wazero sees an entry it may not read: it opens, then fails).
	damages := map[string]func(t *testing.T, entry string){
		"truncated": func(t *testing.T, entry string) {
			fi, err := os.Stat(entry)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(entry, fi.Size()/2); err != nil {
				t.Fatal(err)
			}
		},
		"unreadable": func(t *testing.T, entry string) {
			if err := os.Remove(entry); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(entry, 0o700); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, damage := range damages {
		t.Run(name+" entries", func(t *testing.T) {
			tmp, cache := t.TempDir(), t.TempDir()
			r := kgRunner{bin: bin, env: cacheEnv("TMPDIR="+tmp, "XDG_CACHE_HOME="+cache)}
			if _, stderr, code := r.run(t, t.TempDir(), "version"); code != exitOK {
				t.Fatalf("version: exit %d: %s", code, stderr)
			}
			// go-graphviz's own layout in TMPDIR too, as an earlier kg
			// left it there.
			if wazero := cacheEntries(t, tmp, cache)[0].dir; !strings.HasPrefix(wazero, tmp) {
				copyWazeroDir(t, wazero, filepath.Join(tmp, "go-graphviz", filepath.Base(wazero)))
			}
			entries := cacheEntries(t, tmp, cache)
			for _, e := range entries {
				damage(t, e.path)
			}
			worksWith(t, r, store)
			// Healed: the cache holds its entry whole again, and the
			// next run reads it rather than compiling again.
			for _, e := range cacheEntries(t, cache) {
				if e.info.Size() != entries[0].info.Size() {
					t.Errorf("%s: %d bytes, want %d", e.path, e.info.Size(), entries[0].info.Size())
				}
				if _, stderr, code := r.run(t, t.TempDir(), "version"); code != exitOK {
					t.Fatalf("version: exit %d: %s", code, stderr)
				}
				if fi, err := os.Stat(e.path); err != nil || !os.SameFile(fi, e.info) {
					t.Errorf("%s written again by a warm run", e.path)
				}
			}
		})
	}

	// A root run leaves $TMPDIR/go-graphviz to root, and wazero's
	// directory in it readable by root alone.
	t.Run("another user's cache in TMPDIR", func(t *testing.T) {
		tmp := t.TempDir()
		if err := os.Chmod(tmp, 0o777|os.ModeSticky); err != nil {
			t.Fatal(err)
		}
		seed := t.TempDir()
		r := kgRunner{bin: bin, env: cacheEnv("TMPDIR="+seed, "XDG_CACHE_HOME="+seed)}
		if _, stderr, code := r.run(t, t.TempDir(), "version"); code != exitOK {
			t.Fatalf("version: exit %d: %s", code, stderr)
		}
		wazero := cacheEntries(t, seed)[0].dir
		copyWazeroDir(t, wazero, filepath.Join(tmp, "go-graphviz", filepath.Base(wazero)))
		nobody := nobodyDir(t, bin)
		nstore := filepath.Join(nobody, "store")
		if err := os.CopyFS(nstore, os.DirFS(store)); err != nil {
			t.Fatal(err)
		}
		chownAll(t, nobody)
		for name, home := range map[string]string{"own home": nobody, "no home": "/nonexistent"} {
			t.Run(name, func(t *testing.T) {
				r := kgRunner{bin: bin, env: cacheEnv("TMPDIR="+tmp, "HOME="+home), uid: nobodyUID}
				worksWith(t, r, nstore)
			})
		}
		// The first in the user's cache directory, the second, with no
		// home, in one of the user's own in TMPDIR.
		cacheEntries(t, filepath.Join(nobody, ".cache", "kg"))
		cacheEntries(t, filepath.Join(tmp, "kg-65534"))
	})

	// Root must not run code that another user could have written.
	t.Run("another user's cache directory", func(t *testing.T) {
		if os.Geteuid() != 0 {
			t.Skip("needs root to give a directory to another user")
		}
		cache, tmp := t.TempDir(), t.TempDir()
		theirs := filepath.Join(cache, "kg")
		if err := os.Mkdir(theirs, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(theirs, nobodyUID, nobodyUID); err != nil {
			t.Fatal(err)
		}
		r := kgRunner{bin: bin, env: cacheEnv("TMPDIR="+tmp, "XDG_CACHE_HOME="+cache)}
		if _, stderr, code := r.run(t, t.TempDir(), "version"); code != exitOK {
			t.Fatalf("version: exit %d: %s", code, stderr)
		}
		if names, err := os.ReadDir(theirs); err != nil || len(names) != 0 {
			t.Errorf("another user's cache directory used: %v, %v", names, err)
		}
		cacheEntries(t, filepath.Join(tmp, "kg-0"))
	})

	t.Run("no cache to be had", func(t *testing.T) {
		r := kgRunner{bin: bin, env: cacheEnv("TMPDIR=/proc", "HOME=/proc", "XDG_CACHE_HOME=/proc/kg-none")}
		worksWith(t, r, store)
	})

	// kg's own temporary files and the programs it runs see the user's
	// TMPDIR, not the cache: here the "dot" of --renderer native.
	t.Run("TMPDIR given back", func(t *testing.T) {
		fake, out := t.TempDir(), t.TempDir()
		seen := filepath.Join(out, "tmpdir")
		script := "#!/bin/sh\nprintf '%s' \"${TMPDIR-unset}\" >\"$KG_TEST_SEEN\"\ncat >/dev/null\nprintf PNG\n"
		if err := os.WriteFile(filepath.Join(fake, "dot"), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
		cache, tmp := t.TempDir(), t.TempDir()
		path := "PATH=" + fake + string(os.PathListSeparator) + os.Getenv("PATH")
		for _, want := range []string{tmp, "unset"} {
			env := cacheEnv(path, "KG_TEST_SEEN="+seen, "XDG_CACHE_HOME="+cache)
			if want != "unset" {
				env = append(env, "TMPDIR="+want)
			}
			r := kgRunner{bin: bin, env: env}
			_, stderr, code := r.run(t, out, "--store", store, "export", "--renderer", "native", "--out", filepath.Join(out, "graph.png"))
			if code != exitOK {
				t.Fatalf("export: exit %d: %s", code, stderr)
			}
			if got, err := os.ReadFile(seen); err != nil || string(got) != want {
				t.Errorf("dot saw TMPDIR %q (%v), want %q", got, err, want)
			}
		}
	})
}

// nobodyUID is the user nobody, whom root runs kg as.
const nobodyUID = 65534

// buildKG builds kg into a new directory and returns its path.
func buildKG(t *testing.T) string {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build kg with")
	}
	bin := filepath.Join(t.TempDir(), "kg")
	cmd := exec.Command(goCmd, "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// cacheEnv returns this process's environment with none of the
// variables that place the cache, and vars.
func cacheEnv(vars ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "TMPDIR", "HOME", "XDG_CACHE_HOME", "GODEBUG":
			continue
		}
		env = append(env, kv)
	}
	return append(env, vars...)
}

// kgRunner runs the built kg with env, as user uid when not 0.
type kgRunner struct {
	bin string
	env []string
	uid int
}

func (r kgRunner) run(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(r.bin, args...)
	cmd.Dir, cmd.Env = dir, r.env
	if r.uid != 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(r.uid), Gid: uint32(r.uid)}}
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil && !errors.As(err, new(*exec.ExitError)) {
		if r.uid != 0 {
			t.Skipf("cannot run kg as user %d: %v", r.uid, err)
		}
		t.Fatalf("%q: %v", args, err)
	}
	return out.String(), errb.String(), cmd.ProcessState.ExitCode()
}

// worksWith checks that kg version, kg --help and an SVG export of store
// work, as the commands that go-graphviz's init broke.
func worksWith(t *testing.T, r kgRunner, store string) {
	t.Helper()
	out := filepath.Dir(store)
	if r.uid == 0 {
		out = t.TempDir()
	}
	svg := filepath.Join(out, "graph.svg")
	for _, args := range [][]string{
		{"version"},
		{"--help"},
		{"--store", store, "export", "--max-nodes", "10", "--out", svg},
	} {
		stdout, stderr, code := r.run(t, out, args...)
		if code != exitOK || strings.Contains(stderr, "panic") {
			t.Fatalf("kg %s: exit %d:\n%s", strings.Join(args, " "), code, stderr)
		}
		if args[0] == "--help" && !strings.Contains(stdout, "Usage:") {
			t.Errorf("kg --help printed %q", stdout)
		}
	}
	if data, err := os.ReadFile(svg); err != nil || !bytes.Contains(data, []byte("<svg")) {
		t.Errorf("export wrote no SVG: %v", err)
	}
}

// cacheEntry is a file of wazero's compilation cache.
type cacheEntry struct {
	path, dir string
	info      fs.FileInfo
}

// cacheEntries returns the entries of wazero's cache in dirs, failing if
// there are none: files named by 64 hexadecimal digits, whatever the
// layout of the directories holding them.
func cacheEntries(t *testing.T, dirs ...string) []cacheEntry {
	t.Helper()
	var entries []cacheEntry
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() || len(d.Name()) != 64 {
				return err
			}
			if _, err := hex.DecodeString(d.Name()); err != nil {
				return nil
			}
			fi, err := d.Info()
			entries = append(entries, cacheEntry{path: path, dir: filepath.Dir(path), info: fi})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(entries) == 0 {
		t.Fatalf("no compilation cache in %q", dirs)
	}
	return entries
}

// copyWazeroDir copies wazero's cache directory src to dst as go-graphviz
// and wazero lay it out: go-graphviz's directory mode 0755, wazero's
// 0700, its entries 0600.
func copyWazeroDir(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dst, 0o700); err != nil {
		t.Fatal(err)
	}
}

// nobodyDir returns a new directory for the user nobody, skipping the
// test unless root runs it, and lets nobody run bin.
func nobodyDir(t *testing.T, bin string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to run kg as another user")
	}
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir, filepath.Dir(filepath.Dir(bin)), filepath.Dir(bin)} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// chownAll gives dir and all it holds to nobody.
func chownAll(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(path, nobodyUID, nobodyUID)
	})
	if err != nil {
		t.Fatal(err)
	}
}
