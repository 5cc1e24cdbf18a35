//go:build unix

package graphvizcache

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestMain gives TMPDIR back first, as package export does in kg: this
// package's init set it to the cache, or to /dev/null, where t.TempDir
// would fail.
func TestMain(m *testing.M) {
	Done()
	os.Exit(m.Run())
}

// entryPath is where wazero keeps an entry, relative to the cache.
const entryPath = "go-graphviz/wazero-v0-amd64-linux/65d05e8bbea8a6610d0686e4cb2ab62ff93a257de48b3587eb75f15ddf3c84ca"

// warm prepares a cache in a new directory, writes an entry into it as
// go-graphviz would and records it, as kg's first run does. It returns
// the cache directory.
func warm(t *testing.T) string {
	t.Helper()
	base := filepath.Join(t.TempDir(), "kg")
	dir, entries, clean, err := prepare(base, "v", os.Geteuid())
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 0 || !clean {
		t.Fatalf("new cache: entries %v, clean %v", entries, clean)
	}
	for _, d := range []string{base, dir} {
		if fi, err := os.Stat(d); err != nil || fi.Mode().Perm() != 0o700 {
			t.Fatalf("%s: %v, %v; want mode 0700", d, fi.Mode(), err)
		}
	}
	writeFile(t, filepath.Join(dir, entryPath), bytes.Repeat([]byte("wazevo"), 1000))
	if err := record(dir, entries, clean); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// reprepare checks the cache dir again, as the next run does, and
// returns its entries.
func reprepare(t *testing.T, dir string) map[string]entry {
	t.Helper()
	got, entries, _, err := prepare(filepath.Dir(dir), filepath.Base(dir), os.Geteuid())
	if err != nil {
		t.Fatal(err)
	}
	if got != dir {
		t.Fatalf("prepare returned %s, want %s", got, dir)
	}
	return entries
}

func TestRecordedEntryKept(t *testing.T) {
	dir := warm(t)
	manifest := filepath.Join(dir, manifestName)
	before, err := os.Stat(manifest)
	if err != nil {
		t.Fatal(err)
	}
	_, entries, clean, err := prepare(filepath.Dir(dir), filepath.Base(dir), os.Geteuid())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := entries[entryPath]; !ok || len(entries) != 1 || !clean {
		t.Fatalf("entries %v, clean %v; want %s alone, clean", entries, clean, entryPath)
	}
	// Nothing changed: the manifest is not written again.
	if err := record(dir, entries, clean); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(manifest)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(before, after) {
		t.Error("manifest rewritten though nothing changed")
	}
}

func TestBadEntriesRemoved(t *testing.T) {
	old := time.Now().Add(-2 * staleAge)
	tests := []struct {
		name   string
		damage func(t *testing.T, entry string)
	}{
		{"truncated", func(t *testing.T, entry string) {
			if err := os.Truncate(entry, 100); err != nil {
				t.Fatal(err)
			}
		}},
		{"overwritten", func(t *testing.T, entry string) {
			writeFile(t, entry, bytes.Repeat([]byte("WAZEVO"), 1000))
		}},
		{"unlisted", func(t *testing.T, entry string) {
			writeFile(t, entry+"0", []byte("left by a run that died"))
		}},
		{"directory", func(t *testing.T, entry string) {
			if err := os.Remove(entry); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(entry, "x"), nil)
		}},
		{"symlink", func(t *testing.T, entry string) {
			if err := os.Remove(entry); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("/dev/zero", entry); err != nil {
				t.Fatal(err)
			}
		}},
		{"stale temporary", func(t *testing.T, entry string) {
			writeFile(t, entry+".123.tmp", []byte("half an entry"))
			if err := os.Chtimes(entry+".123.tmp", old, old); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := warm(t)
			entry := filepath.Join(dir, entryPath)
			tt.damage(t, entry)
			entries := reprepare(t, dir)
			err := filepath.WalkDir(filepath.Dir(entry), func(path string, d os.DirEntry, err error) error {
				if err == nil && path != filepath.Dir(entry) && !(path == entry && d.Type().IsRegular()) {
					t.Errorf("%s left in the cache", path)
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := entries[entryPath]; ok != (tt.name == "unlisted" || tt.name == "stale temporary") {
				t.Errorf("entries %v", entries)
			}
		})
	}
}

// TestRunningWriterKept: a temporary file may be another kg's entry
// being written.
func TestRunningWriterKept(t *testing.T) {
	dir := warm(t)
	tmp := filepath.Join(dir, entryPath+".456.tmp")
	writeFile(t, tmp, []byte("being written"))
	reprepare(t, dir)
	if _, err := os.Stat(tmp); err != nil {
		t.Error(err)
	}
}

// TestChangedEntryNotRecorded: an entry changed between the check and
// Done is left out of the manifest, and so removed by the next run.
func TestChangedEntryNotRecorded(t *testing.T) {
	dir := warm(t)
	_, entries, clean, err := prepare(filepath.Dir(dir), filepath.Base(dir), os.Geteuid())
	if err != nil {
		t.Fatal(err)
	}
	entry := filepath.Join(dir, entryPath)
	if err := os.Truncate(entry, 100); err != nil {
		t.Fatal(err)
	}
	if err := record(dir, entries, clean); err != nil {
		t.Fatal(err)
	}
	if listed := readManifest(filepath.Join(dir, manifestName)); len(listed) != 0 {
		t.Errorf("manifest lists %v", listed)
	}
	reprepare(t, dir)
	if _, err := os.Stat(entry); err == nil {
		t.Error("changed entry kept")
	}
}

func TestUnsafeDirectoryRefused(t *testing.T) {
	t.Run("writable by others", func(t *testing.T) {
		dir := warm(t)
		sub := filepath.Dir(filepath.Join(dir, entryPath))
		if err := os.Chmod(sub, 0o777); err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := prepare(filepath.Dir(dir), filepath.Base(dir), os.Geteuid()); err == nil {
			t.Error("accepted a directory others can write")
		}
	})
	t.Run("symlink", func(t *testing.T) {
		base := filepath.Join(t.TempDir(), "kg")
		if err := os.Symlink(t.TempDir(), base); err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := prepare(base, "v", os.Geteuid()); err == nil {
			t.Error("accepted a symlink")
		}
	})
	t.Run("not a directory", func(t *testing.T) {
		base := filepath.Join(t.TempDir(), "kg")
		writeFile(t, base, nil)
		if _, _, _, err := prepare(base, "v", os.Geteuid()); err == nil {
			t.Error("accepted a file")
		}
	})
}

// TestOtherUsersRefused needs root to make files of another user.
func TestOtherUsersRefused(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give files to another user")
	}
	const other = 65534
	t.Run("entry", func(t *testing.T) {
		dir := warm(t)
		if err := os.Lchown(filepath.Join(dir, entryPath), other, other); err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := prepare(filepath.Dir(dir), filepath.Base(dir), 0); err == nil {
			t.Error("accepted another user's entry")
		}
	})
	t.Run("cache", func(t *testing.T) {
		dir := warm(t)
		if err := os.Chown(filepath.Dir(dir), other, other); err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := prepare(filepath.Dir(dir), filepath.Base(dir), 0); err == nil {
			t.Error("accepted another user's cache")
		}
	})
	t.Run("parent", func(t *testing.T) {
		parent := t.TempDir()
		if err := os.Chown(parent, other, other); err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := prepare(filepath.Join(parent, "a", "kg"), "v", 0); err == nil {
			t.Error("made a cache in another user's directory")
		}
		if _, err := os.Stat(filepath.Join(parent, "a")); err == nil {
			t.Error("made a directory in another user's directory")
		}
	})
	t.Run("sticky parent", func(t *testing.T) {
		parent := t.TempDir()
		if err := os.Chown(parent, other, other); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(parent, 0o777|os.ModeSticky); err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := prepare(filepath.Join(parent, "kg-0"), "v", 0); err != nil {
			t.Errorf("refused a sticky directory such as /tmp: %v", err)
		}
	})
}
