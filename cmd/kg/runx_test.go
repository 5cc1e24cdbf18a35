package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/kgraph/kg/config"
)

// testApp is an app as loadConfig leaves it, for calling a runX function
// without cobra: the default settings on store, output in CSV.
func testApp(ctx context.Context, store string) (a *app, stdout, stderr *bytes.Buffer) {
	cfg := config.Default()
	cfg.Store = store
	cfg.Format = "csv"
	stdout, stderr = new(bytes.Buffer), new(bytes.Buffer)
	return &app{ctx: ctx, cfg: cfg, stdin: strings.NewReader(""), stdout: stdout, stderr: stderr}, stdout, stderr
}

func exitCode(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if err != nil {
		return exitFailure
	}
	return exitOK
}

// TestRunWithoutCobra calls the runX functions directly and checks that
// they do what the commands do.
func TestRunWithoutCobra(t *testing.T) {
	store := examplesStore(t)
	ctx := context.Background()

	a, stdout, _ := testApp(ctx, store)
	opts := neighborsOptions{depth: 1, out: true}
	if err := runNeighbors(ctx, a, opts, "Lavrov"); err != nil {
		t.Fatalf("runNeighbors: %v", err)
	}
	want, _, code := kg(t, "--store", store, "--format", "csv", "neighbors", "Lavrov", "--out")
	if code != exitOK || stdout.String() != want {
		t.Errorf("runNeighbors wrote\n%s\nkg neighbors (exit %d) writes\n%s", stdout, code, want)
	}
	a, _, _ = testApp(ctx, store)
	if err := runNeighbors(ctx, a, neighborsOptions{in: true, out: true}, "Lavrov"); exitCode(err) != exitUsage {
		t.Errorf("runNeighbors with in and out: %v, want a usage error", err)
	}

	a, stdout, _ = testApp(ctx, store)
	if err := runWhy(ctx, a, "Sergei Lavrov", "meets", "Jean-Marc Ayrault"); err != nil {
		t.Fatalf("runWhy: %v", err)
	}
	want, _, code = kg(t, "--store", store, "--format", "csv", "why", "Sergei Lavrov", "meets", "Jean-Marc Ayrault")
	if code != exitOK || stdout.String() != want {
		t.Errorf("runWhy wrote\n%s\nkg why (exit %d) writes\n%s", stdout, code, want)
	}
	a, _, _ = testApp(ctx, store)
	if err := runWhy(ctx, a, "Nobody Known", "meets", "Lavrov"); exitCode(err) != exitNoMatch {
		t.Errorf("runWhy of an unknown name: %v, want exit 1", err)
	}

	a, _, stderr := testApp(ctx, store)
	err := runRm(ctx, a, []string{trumpDoc3, "no-such-document", trumpDoc3})
	if exitCode(err) != exitNoMatch || !strings.Contains(stderr.String(), "kg: 1 removed, 1 not in the store") {
		t.Errorf("runRm: exit %d, %s", exitCode(err), stderr)
	}

	var b bytes.Buffer
	if err := runVersion(&b); err != nil || !strings.HasPrefix(b.String(), "kg ") {
		t.Errorf("runVersion wrote %q, %v", b.String(), err)
	}
}
