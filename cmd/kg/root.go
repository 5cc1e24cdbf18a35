package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/kgraph/kg/config"
)

// Exit codes, documented in main.go and the README.
const (
	exitOK       = 0
	exitNoMatch  = 1
	exitUsage    = 2
	exitPartial  = 3
	exitFailure  = 4
	exitSignaled = 130
)

// exitError carries an exit code up to run.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

// failure is err as exit status 4, unless ctx was cancelled (Ctrl-C),
// which run reports as interrupted.
func failure(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return err
	}
	return &exitError{code: exitFailure, err: err}
}

func usageError(format string, args ...any) error {
	return &exitError{code: exitUsage, err: fmt.Errorf(format, args...)}
}

// app is what every command is given: the loaded settings and the
// process's streams.
type app struct {
	ctx      context.Context // the command's: Ctrl-C ends waits for the store
	cfg      config.Config
	stdin    io.Reader
	stdout   io.Writer
	stderr   io.Writer
	progress bool // stderr is a terminal and not --quiet
	// bindings are the flags bound to each config key; several commands
	// may bind their own flag to one key (extract --lang, eval --lang).
	bindings map[string][]*pflag.Flag
	cfgFile  string
	// diskFree, when set, replaces the store's measure of its disk's
	// free space: tests fill the disk with it.
	diskFree func(dir string) (int64, error)
}

// bind makes a flag set the config key.
func (a *app) bind(key string, f *pflag.Flag) {
	if f == nil {
		panic("bind: no flag for " + key)
	}
	a.bindings[key] = append(a.bindings[key], f)
}

// flags returns, for each bound key, the flag the command line set, or
// else one of the key's flags (which then counts for nothing).
func (a *app) flags() map[string]*pflag.Flag {
	out := make(map[string]*pflag.Flag, len(a.bindings))
	for key, fs := range a.bindings {
		out[key] = fs[0]
		for _, f := range fs {
			if f.Changed {
				out[key] = f
			}
		}
	}
	return out
}

func (a *app) warnf(format string, args ...any) {
	if !a.cfg.Quiet {
		fmt.Fprintf(a.stderr, "kg: warning: "+format+"\n", args...)
	}
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runApp(&app{ctx: ctx, stdin: stdin, stdout: stdout, stderr: stderr}, args)
}

// runApp runs kg with a's context and streams, and its test hooks.
func runApp(a *app, args []string) int {
	ctx, stdin, stdout, stderr := a.ctx, a.stdin, a.stdout, a.stderr
	a.bindings = map[string][]*pflag.Flag{}
	root := newRootCmd(a)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "kg:", ee.err)
		}
		return ee.code
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "kg: interrupted")
		return exitSignaled
	}
	fmt.Fprintln(stderr, "kg:", err)
	// cobra's own errors are about flags and arguments.
	if isCobraUsage(err) {
		return exitUsage
	}
	return exitFailure
}

// isCobraUsage tells flag and argument errors, which cobra returns as
// plain errors, from failures; commands return failures wrapped in
// exitError or as errors from RunE after arguments were accepted.
func isCobraUsage(err error) bool {
	var u *usageErr
	return errors.As(err, &u)
}

type usageErr struct{ error }

func (u *usageErr) Unwrap() error { return u.error }

func newRootCmd(a *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "kg",
		Short: "Build a knowledge graph of who did what to whom from news articles",
		Long: `kg reads news articles (French and English), extracts relations such as
(Sergei Lavrov, meets, Jean-Marc Ayrault) with the sentence each came from,
keeps them in an embedded store, and queries and draws them.

Settings come from flags, then KG_* environment variables, then config.yaml
(or --config), then built-in defaults.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Name() == "version" || cmd.Name() == "completion" || cmd.Name() == cobra.ShellCompRequestCmd {
				return nil
			}
			return a.loadConfig()
		},
	}
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &usageErr{fmt.Errorf("%w (see kg %s --help)", err, cmd.Name())}
	})
	pf := root.PersistentFlags()
	pf.StringVar(&a.cfgFile, "config", "", "config file (default ./config.yaml, or $KG_CONFIG)")
	pf.String("store", "./kg-data", "directory of the embedded store")
	pf.String("format", "table", "output of listings: table, json, jsonl or csv")
	pf.BoolP("quiet", "q", false, "print nothing on stderr but errors")
	pf.Duration("wait", 10*time.Second, "wait this long for a store another kg process holds (0: fail at once)")
	a.bind("store", pf.Lookup("store"))
	a.bind("format", pf.Lookup("format"))
	a.bind("quiet", pf.Lookup("quiet"))
	a.bind("wait", pf.Lookup("wait"))
	root.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(config.Formats, cobra.ShellCompDirectiveNoFileComp))

	root.AddCommand(
		newExtractCmd(a),
		newAnnotateCmd(a),
		newLoadCmd(a),
		newQueryCmd(a),
		newNeighborsCmd(a),
		newPathCmd(a),
		newWhyCmd(a),
		newRmCmd(a),
		newEntitiesCmd(a),
		newStatsCmd(a),
		newExportCmd(a),
		newEvalCmd(a),
		newModelCmd(a),
		newBenchCmd(a),
		newVersionCmd(a),
	)
	// cobra validates positional arguments itself; mark those errors as usage.
	for _, c := range root.Commands() {
		if c.Args != nil {
			check := c.Args
			c.Args = func(cmd *cobra.Command, args []string) error {
				if err := check(cmd, args); err != nil {
					return &usageErr{err}
				}
				return nil
			}
		}
	}
	return root
}

func (a *app) loadConfig() error {
	src := config.Source{File: a.cfgFile, Explicit: a.cfgFile != "", Flags: a.flags()}
	if src.File == "" {
		src.File = config.DefaultFile()
		src.Explicit = os.Getenv("KG_CONFIG") != ""
	}
	cfg, warnings, err := config.Load(src)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	a.cfg = cfg
	for _, w := range warnings {
		a.warnf("%s", w)
	}
	if f, ok := a.stderr.(*os.File); ok && !cfg.Quiet {
		a.progress = isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd())
	}
	return nil
}
