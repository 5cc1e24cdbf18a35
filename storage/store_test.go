package storage_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
	"github.com/kgraph/kg/storage/storagetest"
)

func openDisk(t *testing.T) *storage.Store {
	t.Helper()
	return openAt(t, t.TempDir(), storage.Options{})
}

func openAt(t *testing.T, dir string, opts storage.Options) *storage.Store {
	t.Helper()
	s, err := storage.Open(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

func TestDisk(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) storagetest.Store { return openDisk(t) })
}

func TestMemory(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) storagetest.Store {
		return openAt(t, "", storage.Options{InMemory: true})
	})
}

// TestReopen checks that what one Store writes another reads.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := storage.Open(dir, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	doc, ents, ts := generate(1, 0)
	if _, err := s.PutDocument(ctx, doc, ents, ts); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, dir, storage.Options{ReadOnly: true})
	if info, err := s.Document(ctx, doc.ID); err != nil || info.Triples != len(ts) {
		t.Errorf("Document after reopen = %+v, %v; want %d triples", info, err, len(ts))
	}
	if _, err := s.PutDocument(ctx, graph.Document{ID: "x"}, nil, nil); !errors.Is(err, storage.ErrReadOnly) {
		t.Errorf("PutDocument on read-only store: %v, want ErrReadOnly", err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Error(err)
	}
}

func TestReadOnlyMissing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg-data")
	_, err := storage.Open(dir, storage.Options{ReadOnly: true})
	if !errors.Is(err, storage.ErrNotFound) || err.Error() != "store "+dir+" does not exist" {
		t.Errorf("Open(missing, read-only) error = %v", err)
	}
	if _, statErr := os.Stat(dir); statErr == nil {
		t.Error("read-only open created the directory")
	}
}

// TestLocked opens a store twice in one process: Badger's flock is per
// open file, so the second open is refused as it would be in another
// process.
func TestLocked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg-data")
	openAt(t, dir, storage.Options{})
	for _, opts := range []storage.Options{{}, {ReadOnly: true}} {
		s, err := storage.Open(dir, opts)
		if err == nil {
			s.Close()
			t.Fatalf("second Open(%+v) succeeded", opts)
		}
		if want := "store " + dir + " is in use by another kg process"; !errors.Is(err, storage.ErrLocked) || err.Error() != want {
			t.Errorf("second Open(%+v) error = %q, want %q (ErrLocked)", opts, err, want)
		}
	}
}

// TestLockedByProcess holds a store open in a child process.
func TestLockedByProcess(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg-data")
	cmd, out := helper(t, "hold", dir)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitReady(t, out)
	_, err = storage.Open(dir, storage.Options{})
	if !errors.Is(err, storage.ErrLocked) {
		t.Errorf("Open while another process holds the store: %v, want ErrLocked", err)
	}
	stdin.Close() // the child closes the store and exits
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	s := openAt(t, dir, storage.Options{})
	if _, err := s.Document(context.Background(), "held"); err != nil {
		t.Errorf("the child's document: %v", err)
	}
}

// helper returns a command running TestHelperProcess in role on dir, and
// its standard output.
func helper(t *testing.T, role, dir string) (*exec.Cmd, *bufio.Reader) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "KG_STORAGE_HELPER="+role, "KG_STORAGE_DIR="+dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	return cmd, bufio.NewReader(out)
}

func waitReady(t *testing.T, out *bufio.Reader) {
	t.Helper()
	for {
		line, err := out.ReadString('\n')
		if err != nil {
			t.Fatalf("child exited before opening the store: %v", err)
		}
		if line == "ready\n" {
			return
		}
	}
}

// TestHelperProcess is not a test: it is the child process of
// TestLockedByProcess and TestKill.
func TestHelperProcess(t *testing.T) {
	role, dir := os.Getenv("KG_STORAGE_HELPER"), os.Getenv("KG_STORAGE_DIR")
	if role == "" {
		t.Skip("child process only")
	}
	ctx := context.Background()
	s, err := storage.Open(dir, storage.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	switch role {
	case "hold":
		_, err = s.PutDocument(ctx, graph.Document{ID: "held"}, nil, nil)
		fmt.Println("ready")
		if err == nil {
			_, err = io.Copy(io.Discard, os.Stdin)
		}
	case "write":
		fmt.Println("ready")
		// Write until killed, replacing documents as often as adding them.
		for i := 0; err == nil; i++ {
			doc, ents, ts := generate(rand.IntN(40), i)
			_, err = s.PutDocument(ctx, doc, ents, ts)
		}
	}
	err = errors.Join(err, s.Close())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// generate returns document n in its version v: up to 30 triples over a
// pool of 50 entities, with aliases, so that versions differ in triples,
// entities and aliases.
func generate(n, v int) (graph.Document, []graph.Entity, []graph.Triple) {
	rng := rand.New(rand.NewPCG(uint64(n), uint64(v)))
	id := fmt.Sprintf("doc-%03d", n)
	doc := graph.Document{ID: id, Title: fmt.Sprintf("%d", v), Lang: "en",
		Text: fmt.Sprintf("document %d version %d", n, v)}
	preds := []string{"meets", "visits", "says", "rules out", "imposes sanctions on"}
	name := func(i int) string { return fmt.Sprintf("Entity %02d", i) }
	nt := rng.IntN(31)
	var (
		ts   []graph.Triple
		ents []graph.Entity
	)
	for i := range nt {
		s, o := rng.IntN(50), rng.IntN(50)
		ts = append(ts, graph.Triple{
			Subject: name(s), SubjectType: graph.Person,
			Predicate: preds[rng.IntN(len(preds))],
			Object:    name(o), ObjectType: graph.EntityTypes[o%len(graph.EntityTypes)],
			Negated: rng.IntN(5) == 0, Modality: graph.Asserted, Doc: id,
			Sentence: fmt.Sprintf("Sentence %d of %s, version %d, naming %s and %s.", i, id, v, name(s), name(o)),
			Span:     graph.Span{Start: i * 60, End: i*60 + 59}, Confidence: rng.Float64(),
		})
		if rng.IntN(3) == 0 {
			ents = append(ents, graph.Entity{Name: name(s), Type: graph.Person,
				Aliases: []string{fmt.Sprintf("E%d", s), fmt.Sprintf("alias %d/%d", s, rng.IntN(3))}})
		}
	}
	return doc, ents, ts
}

// TestKill kills a child process writing documents at a random moment,
// several times, and checks that the store it leaves is consistent: every
// document has all its triples and the indexes agree with them.
func TestKill(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "kg-data")
	for round := range 4 {
		cmd, out := helper(t, "write", dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitReady(t, out)
		delay := 50 + rand.IntN(200)
		time.Sleep(time.Duration(delay) * time.Millisecond)
		if err := cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		if err := cmd.Wait(); err == nil || !strings.Contains(err.Error(), "killed") {
			t.Fatalf("round %d: child ended with %v before it was killed", round, err)
		}
		// Read-only opens repair the log the killed writer left.
		opts := storage.Options{ReadOnly: round%2 == 0}
		s, err := storage.Open(dir, opts)
		if err != nil {
			t.Fatalf("round %d: reopen (%+v) after kill: %v", round, opts, err)
		}
		if err := s.Verify(ctx); err != nil {
			t.Errorf("round %d (killed after %d ms): %v", round, delay, err)
		}
		// Each stored document is the whole of some version.
		docs := 0
		err = s.Documents(ctx, func(d storage.DocumentInfo) error {
			docs++
			var n, v int
			if _, err := fmt.Sscanf(d.ID, "doc-%d", &n); err != nil {
				return err
			}
			if _, err := fmt.Sscanf(d.Title, "%d", &v); err != nil {
				return err
			}
			_, _, ts := generate(n, v)
			got := 0
			err := s.Triples(ctx, storage.Pattern{}, func(tr graph.Triple) error {
				if tr.Doc == d.ID {
					got++
				}
				return nil
			})
			if err == nil && (got != len(ts) || d.Triples != len(ts)) {
				err = fmt.Errorf("document %s version %d has %d triples (record says %d), want %d", d.ID, v, got, d.Triples, len(ts))
			}
			return err
		})
		if err != nil {
			t.Errorf("round %d: %v", round, err)
		}
		t.Logf("round %d: killed after %d ms, %d documents", round, delay, docs)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
