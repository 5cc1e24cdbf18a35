package outfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	other := filepath.Join(dir, "other")
	for _, d := range []string{store, other} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name string, mode fs.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("old"), mode); err != nil {
			t.Fatal(err)
		}
		os.Chmod(p, mode) // whatever the umask
		return p
	}
	write("store/MANIFEST", 0o644)
	write("private.svg", 0o600)
	write("shared.svg", 0o664)
	write("other/linked.svg", 0o640)
	os.Symlink(filepath.Join(other, "linked.svg"), filepath.Join(dir, "link.svg"))
	os.Symlink(store, filepath.Join(dir, "store-link"))
	os.Symlink(filepath.Join(store, "MANIFEST"), filepath.Join(dir, "manifest-link"))
	t.Chdir(other)

	tests := []struct {
		name    string
		path    string
		file    string      // the file that must hold the data
		mode    fs.FileMode // its mode after
		errWant string      // in the error, which names path
	}{
		{"new file", filepath.Join(dir, "new.svg"), filepath.Join(dir, "new.svg"), 0o644, ""},
		{"keeps a private mode", filepath.Join(dir, "private.svg"), filepath.Join(dir, "private.svg"), 0o600, ""},
		{"keeps a shared mode", filepath.Join(dir, "shared.svg"), filepath.Join(dir, "shared.svg"), 0o664, ""},
		{"through a link", filepath.Join(dir, "link.svg"), filepath.Join(other, "linked.svg"), 0o640, ""},
		{"relative", "rel.svg", filepath.Join(other, "rel.svg"), 0o644, ""},
		{"a directory", other, "", 0, "is a directory"},
		{"missing parent", filepath.Join(dir, "none", "x.svg"), "", 0, "does not exist"},
		{"in the store", filepath.Join(store, "MANIFEST"), "", 0, ErrForbidden.Error()},
		{"in the store, new", filepath.Join(store, "x.svg"), "", 0, ErrForbidden.Error()},
		{"in the store, relative", filepath.Join("..", "store", "MANIFEST"), "", 0, ErrForbidden.Error()},
		{"in the store through a directory link", filepath.Join(dir, "store-link", "MANIFEST"), "", 0, ErrForbidden.Error()},
		{"in the store through a file link", filepath.Join(dir, "manifest-link"), "", 0, ErrForbidden.Error()},
		{"a device", os.DevNull, "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte("new " + tt.name)
			err := Check(tt.path, store)
			if werr := Write(tt.path, data, store); (werr == nil) != (err == nil) {
				t.Fatalf("Check = %v but Write = %v", err, werr)
			}
			if tt.errWant != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errWant) || !strings.Contains(err.Error(), tt.path) || strings.Contains(err.Error(), ".kg-export") {
					t.Errorf("error %v, want one naming %s with %q", err, tt.path, tt.errWant)
				}
				if b, _ := os.ReadFile(filepath.Join(store, "MANIFEST")); string(b) != "old" {
					t.Errorf("the store's MANIFEST was overwritten")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.file == "" {
				return
			}
			b, err := os.ReadFile(tt.file)
			if err != nil || string(b) != string(data) {
				t.Errorf("%s holds %q, %v; want %q", tt.file, b, err, data)
			}
			if fi, err := os.Stat(tt.file); err != nil || fi.Mode().Perm() != tt.mode {
				t.Errorf("%s mode %v, want %v", tt.file, fi.Mode().Perm(), tt.mode)
			}
		})
	}
	if fi, err := os.Lstat(filepath.Join(dir, "link.svg")); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("link.svg is no longer a link")
	}
	for _, d := range []string{dir, other, store} {
		if m, _ := filepath.Glob(filepath.Join(d, ".kg-export-*")); len(m) > 0 {
			t.Errorf("temporary files left: %v", m)
		}
	}
	if !errors.Is(Check(filepath.Join(store, "x"), store), ErrForbidden) {
		t.Errorf("Check in the store: want ErrForbidden")
	}
}

func TestCheckDir(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	os.Mkdir(store, 0o755)
	os.WriteFile(filepath.Join(dir, "file"), nil, 0o644)
	os.Symlink(store, filepath.Join(dir, "store-link"))
	tests := []struct {
		dir     string
		errWant string
	}{
		{filepath.Join(dir, "out"), ""},
		{filepath.Join(dir, "out", "deeper"), ""},
		{dir, ""},
		{filepath.Join(dir, "file"), "not a directory"},
		{store, ErrForbidden.Error()},
		{filepath.Join(store, "neo4j"), ErrForbidden.Error()},
		{filepath.Join(dir, "store-link", "a", "b"), ErrForbidden.Error()},
	}
	for _, tt := range tests {
		err := CheckDir(tt.dir, store)
		if (tt.errWant == "") != (err == nil) || err != nil && (!strings.Contains(err.Error(), tt.errWant) || !strings.Contains(err.Error(), tt.dir)) {
			t.Errorf("CheckDir(%s) = %v, want %q", tt.dir, err, tt.errWant)
		}
	}
}

func TestPut(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{"", "-"} {
		var b strings.Builder
		if err := Put(&b, path, []byte("data"), dir); err != nil || b.String() != "data" {
			t.Errorf("Put(%q) wrote %q, %v; want data to w", path, b.String(), err)
		}
	}
	var b strings.Builder
	file := filepath.Join(dir, "out.dot")
	if err := Put(&b, file, []byte("data")); err != nil || b.Len() != 0 {
		t.Fatalf("Put(%q) = %v, wrote %q to w; want the file only", file, err, b.String())
	}
	if got, _ := os.ReadFile(file); string(got) != "data" {
		t.Errorf("%s holds %q, want data", file, got)
	}
	if err := Put(&b, filepath.Join(dir, "x.dot"), []byte("data"), dir); !errors.Is(err, ErrForbidden) {
		t.Errorf("Put into a forbidden directory = %v, want ErrForbidden", err)
	}
}
