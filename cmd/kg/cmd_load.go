package main

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/ingest"
)

// loadOptions are kg load's flags.
type loadOptions struct {
	mixed bool // --allow-mixed
}

func newLoadCmd(a *app) *cobra.Command {
	var opts loadOptions
	cmd := &cobra.Command{
		Use:   "load SHARD...",
		Short: "Store the documents and triples kg extract --emit shard wrote",
		Long: `Load stores shards: what kg extract --emit shard wrote elsewhere, on other
machines or by any engine that runs a command over parts of a corpus (a
Kubernetes Job, GNU parallel, Spark's pipe). Documents go in with their
records, entities, triples, sentences and dates unchanged, through the
writes kg extract makes, so that the shards of a corpus loaded in any order
make the store kg extract makes of the whole corpus. "-" reads standard
input; a missing store is created.

A document stored already with the same text, language and fingerprint is
left as it is: loading a shard twice changes nothing, and a load that was
interrupted resumes when run again. A document whose id an earlier one of
the run had is skipped, keeping the first, as kg extract does.

Every document of a language must have been extracted with the same
models and settings (the extraction fingerprint) as the store's documents
of that language, or, in an empty store, as the first one loaded: a shard
made with another relation model, lexicon or --min-confidence would mix
two extractions in one graph, and a later kg extract would read its
documents again. Such documents are skipped with a warning;
--allow-mixed stores them anyway (to replace the store's documents by
those of a new model, say).

A malformed line, a shard cut short (a writer killed), a triple of another
document or a line of kg extract --emit jsonl (triples without their
documents) skips the document it belongs to, with a warning naming the
file and line; the rest goes in.

Exit status: 0 when everything was stored, 3 when some document or shard
was skipped (each named in a warning), 4 on a store failure, 130 when
interrupted (run it again to resume).`,
		Example: `  kg load part-1.shard.jsonl part-2.shard.jsonl part-3.shard.jsonl
  ls corpus/*.jsonl | parallel 'kg extract -q --no-store --emit shard {} > {/.}.shard.jsonl' && kg load *.shard.jsonl
  ssh worker 'kg extract --no-store --emit shard corpus/' | kg load -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runLoad(cmd.Context(), a, opts, args)
		},
	}
	cmd.Flags().BoolVar(&opts.mixed, "allow-mixed", false, "store documents extracted with other models or settings than the store's")
	return cmd
}

// runLoad stores the documents of the shards at paths.
func runLoad(ctx context.Context, a *app, opts loadOptions, paths []string) error {
	s, err := a.openStore(false)
	if err != nil {
		return err
	}
	defer s.Close()
	lo := ingest.LoadOptions{
		Stdin: a.stdin,
		Warn:  func(err error) { a.warnf("%v", err) },
		Mixed: opts.mixed,
	}
	if !opts.mixed {
		if lo.Fingerprints, err = ingest.Fingerprints(ctx, s); err != nil {
			return failure(ctx, err)
		}
	}
	if a.progress {
		lo.Progress = a.stderr
	}
	var st ingest.Store = s
	if wrapStore != nil {
		st = wrapStore(st)
	}
	sum, err := ingest.Load(ctx, paths, st, lo)
	if !a.cfg.Quiet {
		printLoadSummary(a, sum)
	}
	return ingestExit(ctx, sum, err)
}

func printLoadSummary(a *app, s ingest.Summary) {
	rate := 0.0
	if sec := s.Elapsed.Seconds(); sec > 0 {
		rate = float64(s.Documents) / sec
	}
	printDocuments(a, "loaded", s)
	fmt.Fprintf(a.stderr, "kg: %d triples in %s (%.0f documents/s)\n", s.Triples, s.Elapsed.Round(time.Millisecond), rate)
	printSkipped(a, s.Skipped)
}
