package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestSetupOutputsIgnored checks that what the README's set-up writes in
// the clone is ignored by git: otherwise a go install after it stamps
// the binary's version "+dirty".
func TestSetupOutputsIgnored(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, ".git")); err != nil {
		t.Skip("not a git checkout")
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, setup, ok := strings.Cut(string(readme), "## Set-up")
	if !ok {
		t.Fatal("README.md has no Set-up section")
	}
	setup, _, _ = strings.Cut(setup, "\n## ")
	outs := []string{"kg-data/MANIFEST"} // the default store
	for _, m := range regexp.MustCompile(`--out (\S+)`).FindAllStringSubmatch(setup, -1) {
		outs = append(outs, m[1])
	}
	if len(outs) < 2 {
		t.Fatal("README.md's Set-up writes no --out file: update this test")
	}
	for _, out := range outs {
		// --no-index: whether the file would be ignored, tracked or not.
		cmd := exec.Command(git, "check-ignore", "-q", "--no-index", out)
		cmd.Dir = root
		err := cmd.Run()
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit) && exit.ExitCode() == 1:
			t.Errorf("%s, written by the README's set-up, is not in .gitignore", out)
		case err != nil:
			t.Fatalf("git check-ignore %s: %v", out, err)
		}
	}
}
