package storage

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// dumpAll returns every key and value of the store, merge rules and log
// included.
func dumpAll(t *testing.T, s *Store) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := s.Dump(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestDiskFull refuses every kind of write when the store's disk is
// nearly full, before writing anything, and does it once there is room
// again: the store ends as if the disk had never filled.
func TestDiskFull(t *testing.T) {
	ctx := context.Background()
	docs := mergeDocs()
	changed := docs[0]
	changed.doc.Text = "a, again"
	tests := []struct {
		name   string
		merged bool // "Sergey Lavrov" merged into "Sergei Lavrov" first
		room   int  // writes with room before the disk is full
		op     func(s *Store) error
		whole  bool // a refused op leaves the store unchanged
	}{
		{"put new", false, 0, func(s *Store) error {
			_, err := s.PutDocument(ctx, docs[2].doc, docs[2].entities, docs[2].triples)
			return err
		}, true},
		{"put replacement", false, 0, func(s *Store) error {
			_, err := s.PutDocument(ctx, changed.doc, changed.entities, changed.triples)
			return err
		}, true},
		{"put skipped", false, 0, func(s *Store) error {
			_, err := s.PutSkipped(ctx, graph.Document{ID: "d", Text: "d", Lang: "xx"}, "unsupported language")
			return err
		}, true},
		{"rm", false, 0, func(s *Store) error { return s.DeleteDocument(ctx, "a") }, true},
		{"merge", false, 0, func(s *Store) error {
			_, err := s.MergeEntities(ctx, "Sergey Lavrov", "Sergei Lavrov")
			return err
		}, true},
		// The rule goes in, then the disk fills before the documents
		// are stored again: running the merge again finishes it.
		{"merge fills midway", false, 1, func(s *Store) error {
			_, err := s.MergeEntities(ctx, "Sergey Lavrov", "Sergei Lavrov")
			return err
		}, false},
		{"split", true, 0, func(s *Store) error {
			_, err := s.SplitEntity(ctx, "Sergey Lavrov")
			return err
		}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setup := func(s *Store) {
				t.Helper()
				for _, d := range docs[:2] {
					if _, err := s.PutDocument(ctx, d.doc, d.entities, d.triples); err != nil {
						t.Fatal(err)
					}
				}
				if tt.merged {
					if _, err := s.MergeEntities(ctx, "Sergey Lavrov", "Sergei Lavrov"); err != nil {
						t.Fatal(err)
					}
				}
			}
			// The store as it is when the disk never fills.
			want, err := Open("", Options{InMemory: true})
			if err != nil {
				t.Fatal(err)
			}
			defer want.Close()
			setup(want)
			if err := tt.op(want); err != nil {
				t.Fatalf("with room: %v", err)
			}

			const full = 100 << 20
			room := -1 // no limit while setting up
			var asked []string
			free := func(dir string) (int64, error) {
				asked = append(asked, dir)
				if room == 0 {
					return full, nil
				}
				room--
				return 1 << 40, nil
			}
			dir := t.TempDir()
			s, err := Open(dir, Options{DiskFree: free})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			setup(s)
			before := dumpAll(t, s)

			room = tt.room
			err = tt.op(s)
			var df *DiskFullError
			if !errors.Is(err, ErrDiskFull) || !errors.As(err, &df) {
				t.Fatalf("with the disk full: %v, want %v", err, ErrDiskFull)
			}
			if df.Dir != dir || df.Free != full || df.Need != DefaultMinFree {
				t.Errorf("error %+v, want store %s, %d free, %d needed", df, dir, full, DefaultMinFree)
			}
			if msg := err.Error(); !strings.Contains(msg, "store "+dir+": disk nearly full: 100 MiB free on its disk, under the 256 MiB") {
				t.Errorf("error %q does not name the store and the space", msg)
			}
			if asked[len(asked)-1] != dir {
				t.Errorf("free space asked of %q, want %s", asked[len(asked)-1], dir)
			}
			if err := s.Verify(ctx); err != nil {
				t.Errorf("store after the refusal: %v", err)
			}
			if after := dumpAll(t, s); tt.whole && !bytes.Equal(after, before) {
				t.Errorf("the refused write changed the store:\n%s\nwas\n%s", after, before)
			}

			room = -1
			if err := tt.op(s); err != nil {
				t.Fatalf("with room again: %v", err)
			}
			if err := s.Verify(ctx); err != nil {
				t.Error(err)
			}
			if got, want := dump(t, s), dump(t, want); !bytes.Equal(got, want) {
				t.Errorf("store after resuming:\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestMinFree checks the margin the store keeps, and that a disk whose
// free space is unknown, or an in-memory store, is not checked.
func TestMinFree(t *testing.T) {
	ctx := context.Background()
	d := mergeDocs()[0]
	tests := []struct {
		name     string
		inMemory bool
		minFree  int64
		free     int64
		freeErr  error
		err      error
	}{
		{"default, room", false, 0, DefaultMinFree, nil, nil},
		{"default, full", false, 0, DefaultMinFree - 1, nil, ErrDiskFull},
		{"larger margin", false, 1 << 30, 512 << 20, nil, ErrDiskFull},
		{"smaller margin", false, 1 << 20, 2 << 20, nil, nil},
		{"unknown", false, 0, 0, errors.ErrUnsupported, nil},
		{"in memory", true, 0, 0, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			free := func(string) (int64, error) { return tt.free, tt.freeErr }
			dir := ""
			if !tt.inMemory {
				dir = t.TempDir()
			}
			s, err := Open(dir, Options{InMemory: tt.inMemory, MinFree: tt.minFree, DiskFree: free})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := s.PutDocument(ctx, d.doc, d.entities, d.triples); !errors.Is(err, tt.err) {
				t.Errorf("PutDocument: %v, want %v", err, tt.err)
			}
		})
	}
}

func TestDiskFree(t *testing.T) {
	n, err := DiskFree(t.TempDir())
	if errors.Is(err, errors.ErrUnsupported) {
		t.Skip(err)
	}
	if err != nil || n <= 0 {
		t.Errorf("DiskFree = %d, %v", n, err)
	}
	if _, err := DiskFree("/no/such/dir"); err == nil || !strings.Contains(err.Error(), "/no/such/dir") {
		t.Errorf("DiskFree of a missing directory: %v", err)
	}
}
