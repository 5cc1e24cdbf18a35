package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/internal/dottest"
)

func TestExportPNG(t *testing.T) {
	dir, ex := isolate(t)
	store := filepath.Join(dir, "store")
	if _, stderr, code := kg(t, "--store", store, "extract", ex); code != exitOK {
		t.Fatalf("extract exit %d: %s", code, stderr)
	}
	decode := func(t *testing.T, data []byte) image.Image {
		t.Helper()
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("not a PNG: %v", err)
		}
		return img
	}

	// The format comes from --out; the resolution is 150 dpi.
	file := filepath.Join(dir, "lavrov.png")
	if _, stderr, code := kg(t, "--store", store, "export", "--focus", "Lavrov", "--out", file); code != exitOK {
		t.Fatalf("export exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	at150 := decode(t, data).Bounds().Size()

	out, stderr, code := kg(t, "--store", store, "export", "--focus", "Lavrov", "--format", "png", "--dpi", "300")
	if code != exitOK {
		t.Fatalf("export --dpi 300 exit %d: %s", code, stderr)
	}
	at300 := decode(t, []byte(out)).Bounds().Size()
	if d := at300.Sub(at150.Mul(2)); max(d.X, -d.X, d.Y, -d.Y) > 2 {
		t.Errorf("PNG at 150 and 300 dpi: %v and %v, want double", at150, at300)
	}

	t.Run("native", func(t *testing.T) {
		dottest.Native(t, "png")
		out, stderr, code := kg(t, "--store", store, "export", "--focus", "Lavrov", "--format", "png", "--renderer", "native")
		if code != exitOK {
			t.Fatalf("export --renderer native exit %d: %s", code, stderr)
		}
		decode(t, []byte(out))
	})

	tests := []struct {
		name  string
		args  []string
		noDot bool // run with an empty PATH
		want  int
		msg   string
	}{
		{"dpi", []string{"--format", "png", "--dpi", "0"}, false, exitUsage, "--dpi 0"},
		{"huge dpi", []string{"--out", "x.png", "--dpi", "5000"}, false, exitUsage, "--dpi 5000"},
		{"renderer", []string{"--format", "png", "--renderer", "cairo"}, false, exitUsage, `--renderer "cairo"`},
		{"no dot", []string{"--format", "png", "--renderer", "native"}, true, exitFailure, "not on PATH"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.noDot {
				t.Setenv("PATH", t.TempDir())
			}
			_, stderr, code := kg(t, append([]string{"--store", store, "export", "--focus", "Lavrov"}, tt.args...)...)
			if code != tt.want || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d (want %d), stderr %q (want %q in it)", code, tt.want, stderr, tt.msg)
			}
		})
	}
}
