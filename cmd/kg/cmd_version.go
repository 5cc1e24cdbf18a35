package main

import (
	"fmt"
	"io"
	"runtime/debug"

	"github.com/spf13/cobra"
)

func newVersionCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print kg's version and the Go version it was built with",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runVersion(a.stdout)
		},
	}
}

// runVersion writes kg's version, from the build's module or VCS
// information, and the Go version it was built with.
func runVersion(w io.Writer) error {
	version, goVersion := "(devel)", ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVersion = bi.GoVersion
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && version == "(devel)" {
				version = "(devel " + s.Value[:min(12, len(s.Value))] + ")"
			}
		}
	}
	_, err := fmt.Fprintf(w, "kg %s %s\n", version, goVersion)
	return err
}
