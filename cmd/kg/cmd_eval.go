package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/reader"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/ingest"
	"github.com/kgraph/kg/score"
	"github.com/kgraph/kg/score/plot"
)

func newEvalCmd(a *app) *cobra.Command {
	var opts evalOptions
	cmd := &cobra.Command{
		Use:   "eval GOLD.jsonl... (--corpus FILE... | --pred TRIPLES.jsonl) | eval --parallel A.jsonl B.jsonl",
		Short: "Score extracted triples against gold triples",
		Long: `Eval extracts the triples of the --corpus documents (without storing them),
or reads triples written by kg extract --emit jsonl (--pred), and scores them
against gold triples as the project's specification defines: precision,
recall and F1, with subject, object and predicate matched after normalising
case, accents, hyphens and articles; symmetric predicates either way; each
gold triple matched at most once. --show lists the missed gold triples and
the produced triples that match none; --lenient matches predicates on their
head only.

Eval also prints mention precision, the share of produced subjects and
objects that are names the gold triples of the same document give theirs,
and the figures again for only the triples of confidence at least 0, 0.1,
..., 0.9. --plot draws those as a precision–recall curve, PNG or SVG by the
file's extension.

--parallel measures cross-lingual agreement instead: given two JSON Lines
corpora whose documents are the two language versions of the same articles
(linked by their "parallel_id" field), it extracts both and reports the
share of entity pairs related on both sides among those related on either.`,
		Example: `  kg eval ../shared/eval/dev.gold.jsonl --corpus ../shared/eval/dev.articles.jsonl --show
  kg eval gold.jsonl --pred triples.jsonl --format json
  kg eval gold.jsonl --pred triples.jsonl --plot pr.svg
  kg eval --parallel ../shared/data/news/fr-wmt-newstest.jsonl ../shared/data/news/en-wmt-newstest.jsonl`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEval(cmd.Context(), a, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.corpus, "corpus", nil, "documents to extract and score (files or directories, as for extract)")
	f.StringVar(&opts.pred, "pred", "", "triples to score, as written by kg extract --emit jsonl")
	f.BoolVar(&opts.show, "show", false, "list missed gold triples and unmatched produced ones")
	f.BoolVar(&opts.lenient, "lenient", false, "match predicates on their head only")
	f.StringVar(&opts.plotPath, "plot", "", "draw the precision–recall curve by minimum confidence into FILE.png or FILE.svg")
	f.BoolVar(&opts.parallel, "parallel", false, "measure agreement between two language versions of the same articles")
	f.BoolVar(&opts.compare, "compare", false, "score the local and the llm backends on the same --corpus, side by side")
	f.String("backend", "local", "who reads the relations: local (kg, offline) or llm (the language model of the llm settings)")
	a.bind("extract.backend", f.Lookup("backend"))
	a.llmFlags(f)
	f.String("lang", "", "language of every document (ISO 639-1), instead of detecting it")
	a.bind("extract.lang", f.Lookup("lang"))
	f.Float64("min-confidence", 0, "keep triples of at least this confidence (0: the relation model's threshold)")
	a.bind("extract.min_confidence", f.Lookup("min-confidence"))
	f.String("relations", "learned", "who decides the relations: learned (the relation model) or rules")
	a.bind("extract.relations", f.Lookup("relations"))
	return cmd
}

// evalOptions are the flags of kg eval that are not settings.
type evalOptions struct {
	corpus                           []string
	pred, plotPath                   string
	show, lenient, parallel, compare bool
}

// runEval scores the triples of opts.corpus or opts.pred against the
// gold triples of goldFiles or, with opts.parallel, the agreement of the
// two corpora goldFiles names.
func runEval(ctx context.Context, a *app, opts evalOptions, goldFiles []string) error {
	if opts.parallel {
		if len(goldFiles) != 2 || len(opts.corpus) > 0 || opts.pred != "" || opts.plotPath != "" {
			return usageError("eval --parallel takes two JSON Lines corpora and nothing else")
		}
		return a.evalParallel(ctx, goldFiles[0], goldFiles[1])
	}
	if (len(opts.corpus) == 0) == (opts.pred == "") {
		return usageError("eval needs --corpus or --pred (one of them)")
	}
	if opts.compare {
		if len(opts.corpus) == 0 || opts.show || opts.plotPath != "" {
			return usageError("eval --compare needs --corpus, and takes neither --show nor --plot")
		}
		return a.evalCompare(ctx, goldFiles, opts.corpus, opts.lenient)
	}
	// Before extracting, which can take long.
	if opts.plotPath != "" {
		if _, err := plot.FormatOf(opts.plotPath); err != nil {
			return &exitError{code: exitUsage, err: err}
		}
	}
	gold, err := readGolds(goldFiles)
	if err != nil {
		return err
	}
	var triples []graph.Triple
	threshold := 0.0
	if opts.pred != "" {
		triples, err = readPred(opts.pred)
	} else {
		// Every triple the model scores, so that the curve reaches
		// below the threshold; the headline keeps only those from it.
		triples, threshold, err = a.extractCorpus(ctx, opts.corpus, true)
	}
	if err != nil {
		return err
	}
	so := score.Options{Lenient: opts.lenient}
	stated := triples
	if threshold > 0 {
		stated = score.Above(nil, triples, threshold)
	}
	r := score.Score(gold, stated, so)
	m := score.MentionPrecision(gold, stated)
	curve := score.Curve(gold, triples, so, score.Thresholds())
	if err := a.printEval(r, m, curve, threshold, opts.show); err != nil {
		return err
	}
	if opts.plotPath == "" {
		return nil
	}
	mode := "strict"
	if opts.lenient {
		mode = "lenient"
	}
	title := fmt.Sprintf("%s (%s): precision and recall", strings.Join(goldFiles, ", "), mode)
	if err := plot.WriteFile(ctx, opts.plotPath, title, curve); err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	return nil
}

// printEval writes the scores: kgscore's summary line (after its listing
// with show), mention precision and the curve; or all of it as one JSON
// object.
func (a *app) printEval(r score.Result, m score.Mentions, curve []score.Point, threshold float64, show bool) error {
	if a.cfg.Format == "json" || a.cfg.Format == "jsonl" {
		return json.NewEncoder(a.stdout).Encode(map[string]any{
			"gold": r.Gold, "produced": r.Produced, "matched": r.Matched,
			"precision": r.Precision, "recall": r.Recall, "f1": r.F1,
			"threshold": threshold, "mentions": m, "curve": curve,
		})
	}
	if show {
		if err := r.WriteShow(a.stdout); err != nil {
			return err
		}
	}
	if _, err := fmt.Fprintf(a.stdout, "%s\n%s\n", r, m); err != nil {
		return err
	}
	if threshold > 0 {
		// The headline counts the triples extraction states; the curve
		// below also those it scored under its threshold.
		if _, err := fmt.Fprintf(a.stdout, "(triples of confidence >= %.2f, the extractor's threshold)\n", threshold); err != nil {
			return err
		}
	}
	return score.WriteCurve(a.stdout, curve)
}

// readGolds reads the gold triples of every file, in order.
func readGolds(paths []string) ([]score.Gold, error) {
	var gold []score.Gold
	for _, p := range paths {
		g, err := readGold(p)
		if err != nil {
			return nil, err
		}
		gold = append(gold, g...)
	}
	return gold, nil
}

func readGold(path string) ([]score.Gold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usageError("gold: %v", err)
	}
	defer f.Close()
	g, err := score.ReadGold(f, path)
	if err != nil {
		return nil, usageError("gold: %v", err)
	}
	return g, nil
}

func readPred(path string) ([]graph.Triple, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usageError("--pred: %v", err)
	}
	defer f.Close()
	t, err := score.ReadTriples(f, path)
	if err != nil {
		return nil, usageError("--pred: %v", err)
	}
	return t, nil
}

// extractCorpus extracts the triples of documents without storing them,
// and returns the extractor's threshold; with all, also the triples
// below it.
func (a *app) extractCorpus(ctx context.Context, paths []string, all bool) ([]graph.Triple, float64, error) {
	return a.extractCorpusBy(ctx, paths, all, a.cfg.Extract.Backend)
}

// extractCorpusBy is extractCorpus with the given backend.
func (a *app) extractCorpusBy(ctx context.Context, paths []string, all bool, backend string) ([]graph.Triple, float64, error) {
	o := a.extractOptions()
	workers := a.cfg.Extract.Workers
	if backend == extract.BackendLLM {
		l, err := a.llmOptions()
		if err != nil {
			return nil, 0, err
		}
		o.Backend, o.LLM = backend, l
		workers = max(workers, a.cfg.LLM.Parallel)
	}
	x, err := extract.New(o)
	if err != nil {
		return nil, 0, &exitError{code: exitUsage, err: err}
	}
	threshold := x.Threshold()
	if all {
		x = x.KeepingAll()
	}
	var triples []graph.Triple
	_, err = ingest.Run(ctx, paths, x, nil, ingest.Options{
		Reader:  reader.Options{MaxBytes: a.cfg.Extract.MaxDocumentBytes, Languages: x.KnownLanguages()},
		Stdin:   a.stdin,
		NoStore: true,
		Workers: workers,
		Warn:    func(err error) { a.warnf("%v", err) },
		Emit:    func(t graph.Triple) error { triples = append(triples, t); return nil },
	})
	if err != nil {
		return nil, 0, &exitError{code: exitFailure, err: err}
	}
	return triples, threshold, nil
}

// evalCompare scores the local and the llm backends on the same corpus
// and gold, each at its own threshold.
func (a *app) evalCompare(ctx context.Context, goldFiles, corpus []string, lenient bool) error {
	gold, err := readGolds(goldFiles)
	if err != nil {
		return err
	}
	type row struct {
		Backend          string  `json:"backend"`
		Gold             int     `json:"gold"`
		Produced         int     `json:"produced"`
		Matched          int     `json:"matched"`
		Precision        float64 `json:"precision"`
		Recall           float64 `json:"recall"`
		F1               float64 `json:"f1"`
		MentionPrecision float64 `json:"mention_precision"`
	}
	var rows []row
	for _, b := range []string{extract.BackendLocal, extract.BackendLLM} {
		triples, threshold, err := a.extractCorpusBy(ctx, corpus, false, b)
		if err != nil {
			return err
		}
		if threshold > 0 {
			triples = score.Above(nil, triples, threshold)
		}
		name := b
		if b == extract.BackendLLM {
			name += " " + a.cfg.LLM.Model
		}
		r := score.Score(gold, triples, score.Options{Lenient: lenient})
		rows = append(rows, row{Backend: name, Gold: r.Gold, Produced: r.Produced, Matched: r.Matched, Precision: r.Precision, Recall: r.Recall, F1: r.F1,
			MentionPrecision: score.MentionPrecision(gold, triples).Precision})
	}
	if a.cfg.Format == "json" || a.cfg.Format == "jsonl" {
		return json.NewEncoder(a.stdout).Encode(map[string]any{"backends": rows})
	}
	fmt.Fprintf(a.stdout, "%-28s %6s %9s %8s %10s %7s %6s %10s\n", "backend", "gold", "produced", "matched", "precision", "recall", "F1", "mentions")
	for _, r := range rows {
		fmt.Fprintf(a.stdout, "%-28s %6d %9d %8d %10.3f %7.3f %6.3f %10.3f\n", r.Backend, r.Gold, r.Produced, r.Matched, r.Precision, r.Recall, r.F1, r.MentionPrecision)
	}
	return nil
}

// evalParallel extracts two parallel corpora and reports their agreement.
func (a *app) evalParallel(ctx context.Context, pathA, pathB string) error {
	var sides [2][]graph.Triple
	var ids [2]map[string]string
	for k, p := range []string{pathA, pathB} {
		f, err := os.Open(p)
		if err != nil {
			return usageError("--parallel: %v", err)
		}
		ids[k], err = score.ParallelIDs(f, p)
		f.Close()
		if err != nil {
			return usageError("--parallel: %v", err)
		}
		if sides[k], _, err = a.extractCorpus(ctx, []string{p}, false); err != nil {
			return err
		}
	}
	r := score.Parallel(sides[0], sides[1], ids[0], ids[1])
	if a.cfg.Format == "json" || a.cfg.Format == "jsonl" {
		return json.NewEncoder(a.stdout).Encode(r)
	}
	_, err := fmt.Fprintf(a.stdout, "articles %d  pairs %d / %d  on both sides %d  share %.3f\n", r.Articles, r.PairsA, r.PairsB, r.Both, r.Share)
	return err
}
