package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestGraphvizStart runs kg as a process, whose start-up loaded
// go-graphviz's WebAssembly module (and panicked on a cache it could not
// read) before the fork in third_party/go-graphviz: every command works
// whatever another user or a killed process left in the caches, and
// commands that draw nothing load no module (they touch no cache).
func TestGraphvizStart(t *testing.T) {
	skipShort(t)
	dir, ex := isolate(t)
	store := filepath.Join(dir, "store")
	if _, stderr, code := kg(t, "--quiet", "--store", store, "extract", filepath.Join(ex, "lavrov-ayrault-fr.txt")); code != exitOK {
		t.Fatalf("extract exit %d: %s", code, stderr)
	}
	bin := filepath.Join(dir, "kg.test")
	if err := copyFile(os.Args[0], bin); err != nil {
		t.Fatal(err)
	}
	drawNothing := [][]string{{"version"}, {"--help"}, {"--store", store, "stats"}, {"--store", store, "export", "--format", "dot"}}
	draw := []string{"--store", store, "export", "--focus", "Lavrov", "--format", "svg"}

	// asAnotherUser leaves the caches as a root run leaves them where
	// nobody's will be, with the directories below closed (mode 0700),
	// and returns nobody's uid.
	asAnotherUser := func(t *testing.T, env []string, closed []string) int {
		const nobody = 65534
		if os.Geteuid() != 0 {
			t.Skip("needs root to run kg as another user")
		}
		runKG(t, bin, -1, env, draw...)
		for _, d := range closed {
			closeDirs(t, filepath.Join(d, "go-graphviz"))
		}
		giveTo(t, nobody, dir, store)
		return nobody
	}
	tests := []struct {
		name string
		// prepare leaves the caches in tmp and cache as the case has them,
		// and returns the user kg runs as (-1: this one).
		prepare func(t *testing.T, env []string, tmp, cache string) int
	}{
		{"empty caches", func(*testing.T, []string, string, string) int { return -1 }},
		{"another user's cache", func(t *testing.T, env []string, tmp, cache string) int {
			return asAnotherUser(t, env, nil)
		}},
		{"another user's cache, closed", func(t *testing.T, env []string, tmp, cache string) int {
			return asAnotherUser(t, env, []string{tmp, cache})
		}},
		{"truncated cache files", func(t *testing.T, env []string, tmp, cache string) int {
			runKG(t, bin, -1, env, draw...)
			n := 0
			for _, d := range []string{tmp, cache} {
				filepath.WalkDir(filepath.Join(d, "go-graphviz"), func(p string, e fs.DirEntry, err error) error {
					if err == nil && e.Type().IsRegular() {
						n++
						if err := os.Truncate(p, 1000); err != nil {
							t.Fatal(err)
						}
					}
					return nil
				})
			}
			if n == 0 {
				t.Fatal("the first run left no cache file to truncate")
			}
			return -1
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			tmp, cache := filepath.Join(home, "tmp"), filepath.Join(home, "cache")
			for _, d := range []string{filepath.Dir(home), home, tmp, cache} {
				if err := os.MkdirAll(d, 0o777); err != nil {
					t.Fatal(err)
				}
				if err := os.Chmod(d, 0o777|fs.ModeSticky); err != nil {
					t.Fatal(err)
				}
			}
			env := []string{"TMPDIR=" + tmp, "XDG_CACHE_HOME=" + cache, "HOME=" + home}
			uid := tt.prepare(t, env, tmp, cache)
			before := cacheEntries(t, tmp, cache)
			for _, args := range drawNothing {
				out, stderr, code := runKG(t, bin, uid, env, args...)
				if code != exitOK || strings.Contains(stderr, "panic") {
					t.Fatalf("kg %s: exit %d:\n%s", strings.Join(args, " "), code, stderr)
				}
				if args[len(args)-1] == "dot" && !strings.HasPrefix(out, "digraph") {
					t.Errorf("kg %s wrote no DOT:\n%s", strings.Join(args, " "), out)
				}
			}
			if after := cacheEntries(t, tmp, cache); after != before {
				t.Errorf("commands that draw nothing touched the caches: before\n%s\nafter\n%s", before, after)
			}
			for range 2 { // the second run reads what the first cached
				out, stderr, code := runKG(t, bin, uid, env, draw...)
				if code != exitOK || !strings.Contains(out, "</svg>") {
					t.Fatalf("kg %s: exit %d:\n%s", strings.Join(draw, " "), code, stderr)
				}
			}
		})
	}
}

// runKG runs bin, a copy of this test binary, as kg with env, as the user
// uid unless it is -1.
func runKG(t *testing.T, bin string, uid int, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = filepath.Dir(bin)
	cmd.Env = append(append(os.Environ(), "KG_TEST_AS_KG=1"), env...)
	if uid >= 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(uid)}}
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil && !errors.As(err, new(*exec.ExitError)) {
		if uid >= 0 {
			t.Skipf("cannot run kg as user %d: %v", uid, err)
		}
		t.Fatal(err)
	}
	return out.String(), errb.String(), cmd.ProcessState.ExitCode()
}

// closeDirs makes every directory below root, root included, 0700; a
// missing root is left missing.
func closeDirs(t *testing.T, root string) {
	t.Helper()
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == root {
			return nil
		}
		if err != nil || !e.IsDir() {
			return err
		}
		return os.Chmod(p, 0o700)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// giveTo lets uid run the test binary in dir and read the store.
func giveTo(t *testing.T, uid int, dir, store string) {
	t.Helper()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	err := filepath.WalkDir(store, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chown(p, uid, uid)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// cacheEntries lists what tmp and cache hold, with sizes.
func cacheEntries(t *testing.T, roots ...string) string {
	t.Helper()
	var b strings.Builder
	for _, root := range roots {
		filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if fi, err := e.Info(); err == nil {
				b.WriteString(p + " " + fi.Mode().String())
				if fi.Mode().IsRegular() {
					b.WriteString(" " + strings.Repeat("+", min(int(fi.Size()>>20), 20)))
				}
				b.WriteByte('\n')
			}
			return nil
		})
	}
	return b.String()
}
