package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/model"
	"github.com/kgraph/kg/extract/openie"
	"github.com/kgraph/kg/extract/reader"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/ingest"
	"github.com/kgraph/kg/shard"
)

// wrapStore, when set, wraps the store kg extract writes to. Only tests
// set it: TestKillAndResume stops the process at a document count.
var wrapStore func(ingest.Store) ingest.Store

func newExtractCmd(a *app) *cobra.Command {
	var opts extractFlags
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Read documents, extract triples and store them",
		Long: `Extract reads .txt, .md, .html and .jsonl files, directories (recursively,
in sorted order) and "-" for standard input, extracts triples from every
document in a supported language and stores each document with its triples
in one transaction. Documents already stored with the same content, read
in the same language by the same models and settings, are skipped, so an
interrupted run resumes where it stopped; one whose language or
extraction changed is extracted again. A symbolic link in
a directory to a file outside it is skipped with a warning, unless
--follow-symlinks.

--emit jsonl also writes every triple to standard output, one JSON object a
line in the form of the triple contract (documents already stored are
extracted again for it).

--emit shard writes every document as the store keeps it (its record, the
entities resolved in it) followed by its triples, for kg load to store
elsewhere: run kg extract --no-store --emit shard over parts of a corpus,
on any machines, then kg load the shards into one store.

--emit carb reads files of English sentences, one a line and tokenized,
and writes open extractions (relation and arguments in the sentence's own
words, read off the dependency tree) in the tab-separated format of the
CaRB benchmark, storing nothing.

Exit status: 0 when everything was read, 3 when some input was skipped
(each named in a warning with its file and line), 4 on a store failure.`,
		Example: `  kg extract examples/
  kg extract --emit jsonl articles.jsonl > triples.jsonl
  kg extract --no-store --emit shard part-1.jsonl > part-1.shard.jsonl
  cat article.txt | kg extract --lang fr --id article-42 -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(cmd.Context(), a, opts, args)
		},
	}
	f := cmd.Flags()
	f.String("lang", "", "language of every document (ISO 639-1: de, en, es, fr, it, nl, pt), instead of detecting it")
	a.bind("extract.lang", f.Lookup("lang"))
	f.Int("workers", 0, "documents extracted in parallel (0: one per CPU core; at most 4 per core)")
	a.bind("extract.workers", f.Lookup("workers"))
	f.Float64("min-confidence", 0, "keep triples of at least this confidence (0: the relation model's threshold)")
	a.bind("extract.min_confidence", f.Lookup("min-confidence"))
	f.String("relations", "learned", "who decides the relations: learned (the relation model) or rules")
	a.bind("extract.relations", f.Lookup("relations"))
	f.String("backend", "local", "who reads the relations: local (kg, offline) or llm (the language model of the llm settings)")
	a.bind("extract.backend", f.Lookup("backend"))
	a.llmFlags(f)
	f.StringVar(&opts.emit, "emit", "", "also write to stdout: jsonl (the triples), shard (documents and triples, for kg load); or carb (open extractions of sentences, not stored)")
	f.BoolVar(&opts.noStore, "no-store", false, "extract without writing to the store (with --emit)")
	f.BoolVar(&opts.followLinks, "follow-symlinks", false, "follow symbolic links in directories to files outside them")
	f.StringVar(&opts.stdinID, "id", "", `id of a text read from "-" (default: stdin: and 12 hex digits of its SHA-256)`)
	cmd.RegisterFlagCompletionFunc("emit", cobra.FixedCompletions([]string{"jsonl", "shard", "carb"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// extractFlags are the flags of kg extract that are not settings
// (a.extractOptions gives those).
type extractFlags struct {
	emit, stdinID        string
	noStore, followLinks bool
}

// runExtract extracts the triples of the documents at paths and stores
// them, or writes them as opts.emit says.
func runExtract(ctx context.Context, a *app, opts extractFlags, paths []string) error {
	switch opts.emit {
	case "", "jsonl", "shard":
	case "carb":
		return a.emitCaRB(ctx, paths)
	default:
		return usageError("--emit %q: want jsonl, shard or carb", opts.emit)
	}
	xo, err := a.backendOptions()
	if err != nil {
		return err
	}
	x, err := extract.New(xo)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	var st ingest.Store
	if !opts.noStore {
		s, err := a.openStore(false)
		if err != nil {
			return err
		}
		defer s.Close()
		st = s
		if wrapStore != nil {
			st = wrapStore(st)
		}
	}
	iopts := ingest.Options{
		Reader:  reader.Options{MaxBytes: a.cfg.Extract.MaxDocumentBytes, StdinID: opts.stdinID, FollowLinks: opts.followLinks, Languages: x.KnownLanguages()},
		Stdin:   a.stdin,
		NoStore: opts.noStore,
		Workers: a.workers(),
		Warn: func(err error) {
			if errors.Is(err, reader.ErrLinkOutside) {
				a.warnf("%v (--follow-symlinks follows it)", err)
				return
			}
			a.warnf("%v", err)
		},
	}
	if a.progress {
		iopts.Progress = a.stderr
	}
	w := bufio.NewWriter(a.stdout)
	switch opts.emit {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		iopts.Emit = func(t graph.Triple) error { return enc.Encode(t) }
	case "shard":
		iopts.EmitDocument = shard.NewWriter(w).Write
	}
	sum, err := ingest.Run(ctx, paths, x, st, iopts)
	if ferr := w.Flush(); ferr != nil && err == nil {
		err = fmt.Errorf("emit: %w", ferr)
	}
	if !a.cfg.Quiet {
		printSummary(a, sum)
	}
	return ingestExit(ctx, sum, err)
}

// ingestExit gives a run of extract or load its exit status: interrupted
// (resumable), failed, some inputs skipped, or all stored.
func ingestExit(ctx context.Context, sum ingest.Summary, err error) error {
	if err != nil {
		if ctx.Err() != nil {
			return &exitError{code: exitSignaled, err: errors.New("interrupted; run the same command again to resume")}
		}
		return &exitError{code: exitFailure, err: err}
	}
	if len(sum.Skipped) > 0 {
		return &exitError{code: exitPartial}
	}
	return nil
}

// printDocuments says what became of the documents of a run, read by kg
// extract or loaded by kg load.
func printDocuments(a *app, verb string, s ingest.Summary) {
	fmt.Fprintf(a.stderr, "kg: %d documents %s: %d added, %d replaced, %d unchanged, %d not extracted (language), %d skipped\n",
		s.Documents, verb, s.Added, s.Replaced, s.Unchanged, s.Unsupported, len(s.Skipped))
}

func printSummary(a *app, s ingest.Summary) {
	rate := 0.0
	if sec := s.Elapsed.Seconds(); sec > 0 {
		rate = float64(s.Tokens) / sec
	}
	printDocuments(a, "read", s)
	fmt.Fprintf(a.stderr, "kg: %d sentences, %d tokens, %d triples in %s (%.0f tokens/s)\n",
		s.Sentences, s.Tokens, s.Triples, s.Elapsed.Round(time.Millisecond), rate)
	printLLMSummary(a, s.LLM)
	printSkipped(a, s.Skipped)
}

// printSkipped names each input skipped, with its file and line.
func printSkipped(a *app, skipped []ingest.Skip) {
	for _, sk := range skipped {
		loc := sk.Path
		if sk.Line > 0 {
			loc = fmt.Sprintf("%s:%d", sk.Path, sk.Line)
		}
		fmt.Fprintf(a.stderr, "kg: skipped %s: %s\n", loc, sk.Reason)
	}
}

// extractOptions are the extraction settings of the configuration.
func (a *app) extractOptions() extract.Options {
	return extract.Options{
		Lang:           a.cfg.Extract.Lang,
		Languages:      a.cfg.Extract.Languages,
		CapitalAsState: a.cfg.Extract.CapitalAsState,
		MinConfidence:  a.cfg.Extract.MinConfidence,
		Lexicons:       a.cfg.Extract.Lexicons,
		Models:         a.cfg.Extract.Models,
		NoSyntax:       !a.cfg.Extract.Syntax,
		Aliases:        a.cfg.Extract.Aliases,
		Relations:      a.cfg.Extract.Relations,
		RelationModel:  a.cfg.Extract.RelationModel,
	}
}

// emitCaRB writes the open extractions of files of English sentences.
func (a *app) emitCaRB(ctx context.Context, paths []string) error {
	var m *model.Model
	var err error
	if p := a.cfg.Extract.Models["en"]; p != "" {
		m, err = model.Load(p, "en")
	} else {
		m, err = model.Builtin("en")
	}
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	for _, p := range paths {
		r, name := a.stdin, "stdin"
		if p != "-" {
			f, err := os.Open(p)
			if err != nil {
				return &exitError{code: exitFailure, err: err}
			}
			defer f.Close()
			r, name = f, p
		}
		if err := openie.WriteCaRB(ctx, m, r, name, a.stdout); err != nil {
			return &exitError{code: exitFailure, err: err}
		}
	}
	return nil
}
