package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// TestPathBounded checks that kg path and export --path answer at once
// whatever --max-depth and --k, and stop when interrupted.
func TestPathBounded(t *testing.T) {
	store, _ := exampleStore(t)
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"path unbounded depth", []string{"--format", "csv", "path", "Lavrov", "Moscow", "--max-depth", "1000000", "--k", "1000000"}, exitOK, "1,1,Sergei Lavrov,meets,Jean-Marc Ayrault\n1,2,Jean-Marc Ayrault,visits,Moscow\n"},
		{"export unbounded depth", []string{"export", "--path", "Lavrov", "Moscow", "--max-depth", "1000000", "--k", "1000000"}, exitOK, "digraph"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := kg(t, append([]string{"--store", store}, tt.args...)...)
			if code != tt.code || !strings.Contains(out, tt.want) {
				t.Errorf("exit %d (want %d), output lacks %q:\n%s%s", code, tt.code, tt.want, out, stderr)
			}
		})
	}

	// A cancelled context is Ctrl-C: main cancels it on SIGINT and SIGTERM.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, args := range [][]string{
		{"path", "Lavrov", "Moscow", "--max-depth", "1000000"},
		{"export", "--path", "Lavrov", "Moscow", "--max-depth", "1000000"},
	} {
		var out, errb bytes.Buffer
		code := run(ctx, append([]string{"--store", store}, args...), strings.NewReader(""), &out, &errb)
		if code != exitSignaled || !strings.Contains(errb.String(), "interrupted") {
			t.Errorf("%s interrupted: exit %d, %s", args[0], code, errb.String())
		}
	}
}

func TestPathError(t *testing.T) {
	err := pathError(fmt.Errorf("%w after 12 steps", graph.ErrPathBudget))
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != exitUsage || !strings.Contains(err.Error(), "--k") {
		t.Errorf("pathError(budget) = %v, want a usage error naming --k", err)
	}
	if err := pathError(context.Canceled); err != context.Canceled {
		t.Errorf("pathError(context.Canceled) = %v, want it unchanged", err)
	}
}
