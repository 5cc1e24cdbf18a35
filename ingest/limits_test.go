package ingest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/storage"
)

// TestDiskFull stops a run when the store refuses to write because its
// disk runs out of room: the documents before are stored, the error names
// the store and the first document not stored, and a disk whose free
// space is unknown is not checked.
func TestDiskFull(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		name   string
		free   []int64 // free bytes told at each write, the last repeated
		err    error
		stored int // documents stored
	}{
		{"room", []int64{1 << 40}, nil, len(docIDs)},
		{"full at once", []int64{100 << 20}, storage.ErrDiskFull, 0},
		{"fills", []int64{300 << 20, 300 << 20, 256 << 20, 255 << 20}, storage.ErrDiskFull, 3},
		{"unknown", nil, nil, len(docIDs)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var dirs []string
			free := func(dir string) (int64, error) {
				dirs = append(dirs, dir)
				if tt.free == nil {
					return 0, errors.ErrUnsupported
				}
				n := tt.free[min(len(dirs), len(tt.free))-1]
				return n, nil
			}
			// The guard is the store's, so the store is on disk.
			dir := t.TempDir()
			st, err := storage.Open(dir, storage.Options{DiskFree: free})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			sum, err := Run(context.Background(), []string{corpus}, x, st, Options{})
			if !errors.Is(err, tt.err) {
				t.Fatalf("Run: %v, want %v", err, tt.err)
			}
			if err != nil {
				next := docIDs[tt.stored]
				if msg := err.Error(); !strings.HasPrefix(msg, "store "+dir+": disk nearly full: ") || !strings.Contains(msg, "document "+next+" and those after") {
					t.Errorf("error %q does not name the store and document %s", msg, next)
				}
			}
			if sum.Added != tt.stored {
				t.Errorf("%d documents added, want %d", sum.Added, tt.stored)
			}
			if got := storeContents(t, st).ids(); !slices.Equal(got, sortedPrefix(tt.stored)) {
				t.Errorf("store holds %q, want %q", got, sortedPrefix(tt.stored))
			}
			if len(dirs) == 0 || dirs[0] != dir {
				t.Errorf("free space asked of %q", dirs)
			}
		})
	}
}

// TestTooBig skips a document the store refuses as too big for one
// transaction, with a warning naming it, and stores the rest.
func TestTooBig(t *testing.T) {
	st := openStore(t)
	tooBig := fmt.Errorf("put document %q: nothing written: %w", "page.html", storage.ErrTooBig)
	var warns []string
	sum, err := Run(context.Background(), []string{corpus}, newExtractor(t), broken{st, "PutDocument", "page.html", tooBig},
		Options{Warn: func(err error) { warns = append(warns, err.Error()) }})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	want := slices.DeleteFunc(slices.Clone(docIDs), func(id string) bool { return id == "page.html" })
	slices.Sort(want)
	if got := storeContents(t, st).ids(); !slices.Equal(got, want) {
		t.Errorf("store holds %q, want %q", got, want)
	}
	i := slices.IndexFunc(sum.Skipped, func(s Skip) bool { return s.Doc == "page.html" })
	if i < 0 || !strings.Contains(sum.Skipped[i].Reason, "too big") || !strings.HasSuffix(sum.Skipped[i].Path, "page.html") {
		t.Errorf("skips %+v lack page.html", sum.Skipped)
	}
	if !slices.ContainsFunc(warns, func(w string) bool { return strings.Contains(w, "page.html: document page.html: ") }) {
		t.Errorf("no warning naming page.html in %q", warns)
	}
}
