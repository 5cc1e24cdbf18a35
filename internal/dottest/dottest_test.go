package dottest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestNative(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, script string
	}{
		{"fails", "#!/bin/sh\necho 'dot: cannot load plugins' >&2\nexit 1\n"},
		{"writes nothing", "#!/bin/sh\nexit 0\n"},
		{"no dot", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bin := filepath.Join(dir, tt.name)
			os.Mkdir(bin, 0o755)
			if tt.script != "" {
				if err := os.WriteFile(filepath.Join(bin, "dot"), []byte(tt.script), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			t.Setenv("PATH", bin)
			Native(t, "png")
			t.Errorf("Native did not skip with a dot that %s", tt.name)
		})
	}
}
