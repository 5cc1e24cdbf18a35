// Package dottest finds the system's Graphviz dot for the tests that
// compare with it, and skips them when it is absent or broken: a dot
// without its plugins or configuration (dot -c not run), or a wrapper
// that fails, says nothing about kg. It is for tests only.
package dottest

import (
	"bytes"
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Native returns the path of dot after checking that it renders a small
// graph as format (png, svg), or skips tb saying why not.
func Native(tb testing.TB, format string) string {
	tb.Helper()
	path, err := exec.LookPath("dot")
	if err != nil {
		tb.Skip("native Graphviz dot is not on PATH")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "-T"+format)
	cmd.Stdin = strings.NewReader("digraph { a -> b }")
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil || out.Len() == 0 {
		tb.Skipf("native Graphviz %s does not render %s (%v): %s", path, format, err, strings.TrimSpace(stderr.String()))
	}
	return path
}
