//go:build unix

package graphvizcache

// Every import here must be one that wazero's package imports too, or
// this package could be initialized after go-graphviz (see doc.go; the
// test of cmd/kg checks the order in the built binary).
import (
	"cmp"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// noCache is TMPDIR when no directory will do: go-graphviz cannot make
// its go-graphviz directory in a file, so it compiles without a cache.
const noCache = "/dev/null"

// manifestName is the file, in the cache directory, listing the entries
// a kg run started with or saw written and that were sound then.
const manifestName = "manifest"

// probeSize is the room a cold cache must have: go-graphviz's module
// compiles to about 6 MB, and wazero failing to write it (a full disk, a
// quota, a read-only file system) makes go-graphviz's init panic.
const probeSize = 8 << 20

// staleAge is the age past which a temporary file (wazero's entries and
// the manifest are written as *.tmp, then renamed) is a dead writer's.
const staleAge = time.Hour

// maxDepth is how deep go-graphviz and wazero make directories in the
// cache directory: go-graphviz/wazero-VERSION-ARCH-OS.
const maxDepth = 2

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// state carries what init found to Done, which runs after go-graphviz's
// init.
var state struct {
	tmpdir    string
	hadTmpdir bool
	dir       string           // the cache directory, "" for none
	entries   map[string]entry // the sound entries init found in it
	clean     bool             // the manifest lists those and no more
}

// entry is a file of the cache: its size, modification time (nanoseconds
// since 1970) and CRC-32C.
type entry struct {
	size  int64
	mtime int64
	crc   uint32
}

func init() {
	state.tmpdir, state.hadTmpdir = os.LookupEnv("TMPDIR")
	euid, name := os.Geteuid(), version()
	for _, base := range bases(euid) {
		dir, entries, clean, err := prepare(base, name, euid)
		if err == nil {
			state.dir, state.entries, state.clean = dir, entries, clean
			break
		}
	}
	if state.dir == "" {
		os.Setenv("TMPDIR", noCache)
		return
	}
	os.Setenv("TMPDIR", state.dir)
}

// Done puts back the TMPDIR the process was started with, for kg's own
// temporary files and the programs it runs, and records the entries of
// the cache as sound. Call it once, from the init of a package that
// imports go-graphviz: that go-graphviz's init returned shows that the
// entries it read were sound and those it wrote complete.
func Done() {
	if state.hadTmpdir {
		os.Setenv("TMPDIR", state.tmpdir)
	} else {
		os.Unsetenv("TMPDIR")
	}
	if state.dir != "" {
		// Best effort: an entry left out is compiled again next time.
		_ = record(state.dir, state.entries, state.clean)
	}
}

// bases returns where the cache may go, best first: kg's directory in the
// user's cache directory, then one of the user's own in the temporary
// directory, for users with no home (nobody, services).
func bases(euid int) []string {
	var bs []string
	if d, err := os.UserCacheDir(); err == nil && filepath.IsAbs(d) {
		bs = append(bs, filepath.Join(d, "kg"))
	}
	if d := os.TempDir(); filepath.IsAbs(d) {
		bs = append(bs, filepath.Join(d, "kg-"+strconv.Itoa(euid)))
	}
	return bs
}

// version names the cache directory for the go-graphviz and wazero that
// fill it, so that another kg build never reads this one's entries.
func version() string {
	gv, wz := "unknown", "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			v := m.Version
			if m.Replace != nil {
				v = cmp.Or(m.Replace.Version, "replaced")
			}
			switch m.Path {
			case "github.com/goccy/go-graphviz":
				gv = v
			case "github.com/tetratelabs/wazero":
				wz = v
			}
		}
	}
	name := "graphviz-" + gv + "-wazero-" + wz
	return strings.Map(func(r rune) rune {
		if r == '/' || r == os.PathSeparator {
			return '_'
		}
		return r
	}, name)
}

// prepare makes the cache directory name in base and checks it: it
// returns the directory, its sound entries, and whether its manifest
// lists exactly those. It removes the entries no kg run vouched for.
func prepare(base, name string, euid int) (dir string, entries map[string]entry, clean bool, err error) {
	if err := makeDir(base, euid); err != nil {
		return "", nil, false, err
	}
	dir = filepath.Join(base, name)
	if err := makeDir(dir, euid); err != nil {
		return "", nil, false, err
	}
	entries, clean, err = check(dir, euid)
	if err != nil {
		return "", nil, false, err
	}
	if len(entries) == 0 {
		// go-graphviz will compile and write an entry.
		if err := probe(dir); err != nil {
			return "", nil, false, err
		}
	}
	return dir, entries, clean, nil
}

// makeDir makes dir, mode 0700, unless it exists, and fails unless it is
// safe to run code from: a directory, not a link to one, of the user's
// own, that no one else can write, in a directory where no one else can
// rename or replace it (the user's own, or a sticky one such as /tmp).
// Root checks alike: it must not run code another user could write.
func makeDir(dir string, euid int) error {
	up := filepath.Dir(dir)
	for {
		fi, err := os.Stat(up)
		if err == nil {
			if !fi.IsDir() {
				return fmt.Errorf("%s: not a directory", up)
			}
			if owner(fi) != euid && fi.Mode()&fs.ModeSticky == 0 {
				return fmt.Errorf("%s: belongs to user %d", up, owner(fi))
			}
			break
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(up) == up {
			return err
		}
		up = filepath.Dir(up)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s: not a directory", dir)
	}
	return private(dir, fi, euid)
}

// private fails unless fi, of path, belongs to the user and, if a
// directory, is writable by no one else.
func private(path string, fi fs.FileInfo, euid int) error {
	if owner(fi) != euid {
		return fmt.Errorf("%s: belongs to user %d", path, owner(fi))
	}
	if fi.IsDir() && fi.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("%s: writable by others (mode %v)", path, fi.Mode().Perm())
	}
	return nil
}

func owner(fi fs.FileInfo) int {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return int(st.Uid)
	}
	return -1
}

// check walks the cache directory dir. It keeps the entries that the
// manifest lists with their size and checksum, and the temporary files of
// writers that may still be running; it removes every other file: wazero
// writes an entry whole and renames it into place, but a file can still
// be cut short or overwritten afterwards, and a bad one makes go-graphviz
// panic where a missing one is only compiled again. It fails if anything
// in dir is another user's or writable by others.
func check(dir string, euid int) (entries map[string]entry, clean bool, err error) {
	listed := readManifest(filepath.Join(dir, manifestName))
	entries = map[string]entry{}
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path == dir {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		if err := private(path, fi, euid); err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, filepath.Clean(path))
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case fi.IsDir() && strings.Count(rel, "/") >= maxDepth:
			// Where an entry goes: wazero would fail to read it.
			if err := os.RemoveAll(path); err != nil {
				return err
			}
			return fs.SkipDir
		case fi.IsDir() || rel == manifestName:
			return nil
		case fi.Mode().IsRegular() && strings.HasSuffix(rel, ".tmp") && time.Since(fi.ModTime()) < staleAge:
			return nil
		case fi.Mode().IsRegular():
			if e, ok := listed[rel]; ok && e.size == fi.Size() {
				if crc, err := checksum(path); err == nil && crc == e.crc {
					entries[rel] = entry{size: e.size, mtime: fi.ModTime().UnixNano(), crc: crc}
					return nil
				}
			}
		}
		return os.Remove(path)
	})
	if err != nil {
		return nil, false, err
	}
	return entries, len(listed) == len(entries), nil
}

// probe checks that dir takes probeSize bytes.
func probe(dir string) error {
	f, err := os.CreateTemp(dir, "probe.*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(make([]byte, probeSize))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

func checksum(path string) (uint32, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	h := crc32.New(crcTable)
	if _, err := io.Copy(h, f); err != nil {
		return 0, err
	}
	return h.Sum32(), nil
}

// readManifest returns the entries the manifest at path lists, none if
// it is missing or unreadable. A line is "size crc path", crc in hex.
func readManifest(path string) map[string]entry {
	listed := map[string]entry{}
	data, err := os.ReadFile(path)
	if err != nil {
		return listed
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 {
			continue
		}
		size, err1 := strconv.ParseInt(f[0], 10, 64)
		crc, err2 := strconv.ParseUint(f[1], 16, 32)
		if err1 != nil || err2 != nil {
			continue
		}
		listed[f[2]] = entry{size: size, crc: uint32(crc)}
	}
	return listed
}

// record writes the manifest of dir after go-graphviz's init: the
// entries check found, unless changed since, and those written since,
// which wazero renamed into place whole. It writes nothing if that is what
// the manifest already lists (clean).
func record(dir string, found map[string]entry, clean bool) error {
	now := map[string]entry{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == manifestName || strings.HasSuffix(rel, ".tmp") || strings.ContainsAny(rel, " \t\r\n") {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		e := entry{size: fi.Size(), mtime: fi.ModTime().UnixNano()}
		switch old, ok := found[rel]; {
		case ok && old.size == e.size && old.mtime == e.mtime:
			now[rel] = old
		case !ok:
			if e.crc, err = checksum(path); err == nil {
				now[rel] = e
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if clean && same(now, found) {
		return nil
	}
	var b strings.Builder
	names := make([]string, 0, len(now))
	for name := range now {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		fmt.Fprintf(&b, "%d %08x %s\n", now[name].size, now[name].crc, name)
	}
	f, err := os.CreateTemp(dir, manifestName+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name()) // after a failure; renamed away otherwise
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), filepath.Join(dir, manifestName))
}

// same reports whether a and b hold the same entries.
func same(a, b map[string]entry) bool {
	if len(a) != len(b) {
		return false
	}
	for name, e := range a {
		if f, ok := b[name]; !ok || f != e {
			return false
		}
	}
	return true
}
