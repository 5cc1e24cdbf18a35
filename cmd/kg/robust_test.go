package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/kgraph/kg/storage"
)

// skipShort skips tests that run kg processes with -short, as
// TestKillAndResume does.
func skipShort(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs kg processes; skipped with -short")
	}
}

// kgProcess runs this test binary as kg in a process of its own and
// returns stdout, stderr and its state. wrap, when not empty, is a
// command that runs kg (prlimit ...).
func kgProcess(t *testing.T, wrap []string, args ...string) (string, string, *os.ProcessState) {
	t.Helper()
	argv := append(append(slices.Clone(wrap), os.Args[0]), args...)
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), "KG_TEST_AS_KG=1")
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil && !errors.As(err, new(*exec.ExitError)) {
		t.Fatalf("%q: %v", argv, err)
	}
	return out.String(), errb.String(), cmd.ProcessState
}

// storedDocs opens store read-only, verifies that its records agree and
// returns its documents' ids, sorted.
func storedDocs(t *testing.T, dir string) []string {
	t.Helper()
	st, err := storage.Open(dir, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("store after the failure: %v", err)
	}
	defer st.Close()
	ctx := context.Background()
	if err := st.Verify(ctx); err != nil {
		t.Errorf("store after the failure: %v", err)
	}
	var ids []string
	err = st.Documents(ctx, func(d storage.DocumentInfo) error {
		ids = append(ids, d.ID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	return ids
}

// exampleStoreAt extracts the example articles into a new store at dir
// and returns their ids.
func exampleStoreAt(t *testing.T, dir, ex string) []string {
	t.Helper()
	if _, stderr, code := kg(t, "--quiet", "--store", dir, "extract", ex); code != exitOK {
		t.Fatalf("extract exit %d: %s", code, stderr)
	}
	ids := storedDocs(t, dir)
	if len(ids) != 9 {
		t.Fatalf("example store has %d documents", len(ids))
	}
	return ids
}

// TestDiskFull fills no disk: it runs kg on a small tmpfs, mounted in a
// mount namespace of its own (which needs root), and checks that kg stops
// before writing, with a message naming the store, and that the store
// holds what it held, whole.
func TestDiskFull(t *testing.T) {
	skipShort(t)
	if _, err := exec.LookPath("unshare"); err != nil {
		t.Skip("unshare (util-linux) not found: cannot mount a small file system")
	}
	dir, ex := isolate(t)
	mnt := filepath.Join(dir, "mnt")
	if err := os.Mkdir(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	probe := exec.Command("unshare", "-m", "sh", "-c", `mount -t tmpfs -o size=1m kgprobe "$1"`, "sh", mnt)
	if out, err := probe.CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs in a mount namespace (needs root): %v: %s", err, out)
	}
	before := filepath.Join(dir, "before")
	want := exampleStoreAt(t, before, ex)
	corpus := filepath.Join(dir, "more.jsonl")
	writeCorpus(t, ex, corpus, 50)

	// 64 MiB is enough for Badger's files (sparse) but under the free
	// space kg keeps: the first write is refused. The store is copied out
	// of the tmpfs, which goes with the namespace.
	after := filepath.Join(dir, "after")
	script := `mount -t tmpfs -o size=64m kgtest "$1" && cp -a "$2" "$1/store" || exit 100
KG_TEST_AS_KG=1 "$3" --store "$1/store" extract "$4"
rc=$?
cp -a "$1/store" "$5" || exit 101
exit $rc`
	cmd := exec.Command("unshare", "-m", "sh", "-c", script, "sh", mnt, before, os.Args[0], corpus, after)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Run()
	code := cmd.ProcessState.ExitCode()
	if code == 100 || code == 101 {
		t.Fatalf("setting up the tmpfs: %s", stderr.String())
	}
	msg := "store " + filepath.Join(mnt, "store") + ": disk nearly full"
	if code != exitFailure || !strings.Contains(stderr.String(), msg) {
		t.Errorf("exit %d, want %d and a message with %q:\n%s", code, exitFailure, msg, stderr.String())
	}
	if got := storedDocs(t, after); !slices.Equal(got, want) {
		t.Errorf("store after the failure holds %q, want %q", got, want)
	}
}

// TestFileSizeLimit runs kg with a file size limit smaller than Badger's
// files, as a full disk: kg must not die of SIGXFSZ but report which
// store it could not open, and the store must stay whole and usable.
func TestFileSizeLimit(t *testing.T) {
	skipShort(t)
	prlimit, err := exec.LookPath("prlimit")
	if err != nil {
		t.Skip("prlimit (util-linux) not found: cannot limit the file size of kg")
	}
	dir, ex := isolate(t)
	store := filepath.Join(dir, "store")
	want := exampleStoreAt(t, store, ex)
	corpus := filepath.Join(dir, "more.jsonl")
	writeCorpus(t, ex, corpus, 50)

	_, stderr, ps := kgProcess(t, []string{prlimit, "--fsize=1048576", "--"}, "--store", store, "extract", corpus)
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		t.Fatalf("kg was killed by %v: %s", ws.Signal(), stderr)
	}
	if code := ps.ExitCode(); code != exitFailure || !strings.Contains(stderr, "open store "+store) || !strings.Contains(stderr, "file too large") {
		t.Errorf("exit %d, want %d and a message naming the store and the limit:\n%s", code, exitFailure, stderr)
	}
	if got := storedDocs(t, store); !slices.Equal(got, want) {
		t.Errorf("store after the failure holds %q, want %q", got, want)
	}
	// Without the limit, the run completes the store.
	if _, stderr, ps := kgProcess(t, nil, "--quiet", "--store", store, "extract", corpus); ps.ExitCode() != exitOK {
		t.Fatalf("extract without the limit: exit %d: %s", ps.ExitCode(), stderr)
	}
	if got := storedDocs(t, store); len(got) != len(want)+50 {
		t.Errorf("store holds %d documents, want %d", len(got), len(want)+50)
	}
}

// TestReadOnlyStore opens a store whose directory its user cannot write:
// kg extract fails naming it, kg stats still reads it. Run as root, kg
// runs as the user nobody, for whom permissions hold.
func TestReadOnlyStore(t *testing.T) {
	skipShort(t)
	dir, ex := isolate(t)
	store := filepath.Join(dir, "store")
	want := exampleStoreAt(t, store, ex)
	run := func(args ...string) (string, string, int) { return kg(t, args...) }
	if os.Geteuid() == 0 {
		run = asNobody(t, dir, store)
	}
	if err := os.Chmod(store, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(store, 0o755) }) // so that it can be removed
	_, stderr, code := run("--store", store, "extract", filepath.Join(ex, "wikinews-en.jsonl"))
	if code != exitFailure || !strings.Contains(stderr, "open store "+store) || !strings.Contains(stderr, "permission denied") {
		t.Errorf("extract: exit %d, want %d and a message naming the store:\n%s", code, exitFailure, stderr)
	}
	out, stderr, code := run("--store", store, "--format", "jsonl", "stats")
	if code != exitOK || !strings.Contains(out, `"documents":9,`) {
		t.Errorf("stats of a read-only store: exit %d: %s\n%s", code, stderr, out)
	}
	if got := storedDocs(t, store); !slices.Equal(got, want) {
		t.Errorf("store holds %q, want %q", got, want)
	}
}

// asNobody returns a runner of kg as the user nobody (uid 65534), with a
// copy of this test binary it can run, and gives it store; it skips the
// test when the system does not let root change user.
func asNobody(t *testing.T, dir, store string) func(args ...string) (string, string, int) {
	t.Helper()
	const nobody = 65534
	home := filepath.Join(dir, "nobody")
	tmp := filepath.Join(home, "tmp") // go-graphviz's cache, which root's would not serve
	if err := os.MkdirAll(tmp, 0o777); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{filepath.Dir(dir), dir, home, tmp} {
		if err := os.Chmod(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(home, "kg.test")
	if err := copyFile(os.Args[0], bin); err != nil {
		t.Fatal(err)
	}
	if err := filepath.WalkDir(store, func(p string, _ os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Chown(p, nobody, nobody)
	}); err != nil {
		t.Fatal(err)
	}
	return func(args ...string) (string, string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = home
		cmd.Env = append(os.Environ(), "KG_TEST_AS_KG=1", "TMPDIR="+tmp, "HOME="+home)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil && !errors.As(err, new(*exec.ExitError)) {
			t.Skipf("cannot run kg as user %d: %v", nobody, err)
		}
		return out.String(), errb.String(), cmd.ProcessState.ExitCode()
	}
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// TestStoreInUse opens the store as a writer here and runs kg in another
// process: writing and reading are both refused with a message naming
// the store, and work once the writer is gone.
func TestStoreInUse(t *testing.T) {
	skipShort(t)
	dir, ex := isolate(t)
	store := filepath.Join(dir, "store")
	want := exampleStoreAt(t, store, ex)
	st, err := storage.Open(store, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	msg := "store " + store + " is in use by another kg process"
	t.Setenv("KG_WAIT", "0") // refused at once; TestWaitForStore tests waiting
	for _, args := range [][]string{{"extract", filepath.Join(ex, "wikinews-en.jsonl")}, {"stats"}} {
		_, stderr, ps := kgProcess(t, nil, append([]string{"--store", store}, args...)...)
		if ps.ExitCode() != exitFailure || !strings.Contains(stderr, msg) {
			t.Errorf("%s while another process writes: exit %d, want %d and %q:\n%s", args[0], ps.ExitCode(), exitFailure, msg, stderr)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if out, stderr, ps := kgProcess(t, nil, "--store", store, "--format", "jsonl", "stats"); ps.ExitCode() != exitOK || !strings.Contains(out, `"documents":`+strconv.Itoa(len(want))+`,`) {
		t.Errorf("stats once the writer is gone: exit %d: %s\n%s", ps.ExitCode(), stderr, out)
	}
}
