package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/annotate"
	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/reader"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/ingest"
	"github.com/kgraph/kg/internal/outfile"
)

func newAnnotateCmd(a *app) *cobra.Command {
	var opts annotateOptions
	cmd := &cobra.Command{
		Use:   "annotate CORPUS... --out FILE.jsonl",
		Short: "Annotate documents with a language model, for training kg's relation model",
		Long: `Annotate asks the language model of the llm settings for the triples of
each document (or of a sample of --sample documents), checks them as the
llm backend of kg extract does — a triple whose sentence is not in the
document is dropped, names go through kg's resolver and aliases, predicates
through its lexicon — and writes them to --out in the silver format that
kg model train --relations learns from: one JSON object a line with doc,
s, p and o (canonical form first, then the model's own wording when it
differs), neg, modality and sentence.

--articles writes the documents annotated, as JSON Lines with id, lang,
title, date, url and text: the --articles of kg model train.

--sample N annotates the N documents whose ids hash lowest: a sample
spread over the corpus, the same on every run, growing with N.

Answers are cached (llm.cache) by model, prompt version and document, so
running annotate again, or extract --backend llm on the same documents,
asks nothing twice. A document with no usable answer is named in a
warning and left out (exit status 3); the others are written.

--estimate asks nothing: it prints the tokens the run would send and
receive, by an approximation (a token per four characters; an answer of a
triple per 25 words), for the documents it would annotate. kg extract
--backend llm sends the same request per document.`,
		Example: `  kg annotate corpus/ --estimate
  kg annotate corpus/ --sample 200 --llm-model qwen2.5:7b --out sample.gold.jsonl --articles sample.articles.jsonl
  kg model train --relations --articles sample.articles.jsonl --gold sample.gold.jsonl --out mine.kgr`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAnnotate(cmd.Context(), a, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.out, "out", "", "file of the annotations (JSON Lines, the silver format)")
	f.StringVar(&opts.articles, "articles", "", "also write the documents annotated (JSON Lines), for kg model train --articles")
	f.IntVar(&opts.sample, "sample", 0, "annotate this many documents, a fixed sample spread over the corpus (0: all)")
	f.BoolVar(&opts.estimate, "estimate", false, "print the tokens the run would cost, asking nothing")
	f.String("lang", "", "language of every document (ISO 639-1), instead of detecting it")
	a.bind("extract.lang", f.Lookup("lang"))
	a.llmFlags(f)
	return cmd
}

// annotateOptions are the flags of kg annotate.
type annotateOptions struct {
	out, articles string
	sample        int
	estimate      bool
}

// runAnnotate annotates the documents of paths (or a sample of them) with
// the language model, or with opts.estimate prints what that would cost.
func runAnnotate(ctx context.Context, a *app, opts annotateOptions, paths []string) error {
	if opts.sample < 0 {
		return usageError("--sample %d: want a number of documents", opts.sample)
	}
	if opts.estimate {
		return a.estimate(ctx, paths, opts.sample)
	}
	if opts.out == "" {
		return usageError("annotate needs --out FILE.jsonl")
	}
	if err := outfile.Check(opts.out, a.cfg.Store); err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	if opts.articles != "" {
		if err := outfile.Check(opts.articles, a.cfg.Store); err != nil {
			return &exitError{code: exitUsage, err: err}
		}
	}
	l, err := a.llmOptions()
	if err != nil {
		return err
	}
	o := a.extractOptions()
	o.Backend, o.LLM = extract.BackendLLM, l
	x, err := extract.New(o)
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	return a.annotate(ctx, x, paths, opts.sample, opts.out, opts.articles)
}

// annotate reads the corpus (keeping the sample), has the model annotate
// it on llm.parallel goroutines and writes the annotations in reading
// order.
func (a *app) annotate(ctx context.Context, x *extract.Extractor, paths []string, sample int, out, articles string) error {
	docs, err := a.readSample(ctx, paths, sample, x.KnownLanguages())
	if err != nil {
		return err
	}
	var progress annotate.Progress
	if a.progress {
		progress = func(done, total, tokens, failed int) {
			fmt.Fprintf(a.stderr, "\r\033[K%d of %d documents annotated, LLM %d tokens, %d errors", done, total, tokens, failed)
		}
	}
	outcomes, err := annotate.Run(ctx, x, docs, a.cfg.LLM.Parallel, progress)
	if a.progress && len(docs) > 0 {
		fmt.Fprint(a.stderr, "\r\033[K")
	}
	if err != nil {
		return &exitError{code: exitSignaled, err: errors.New("interrupted; the answers so far are cached: run the same command again to resume")}
	}
	var ab, db bytes.Buffer
	var artW io.Writer
	if articles != "" {
		artW = &db
	}
	w, err := annotate.Write(outcomes, &ab, artW)
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	sum := &ingest.LLMSummary{}
	for _, o := range outcomes {
		sum.Add(o.Result.LLM, o.Err != nil)
		switch {
		case o.Err != nil:
			a.warnf("document %s: %v", o.Doc.ID, o.Err)
		case o.Result.Skipped != "":
			a.warnf("document %s not annotated: %s", o.Doc.ID, o.Result.Skipped)
		}
	}
	if err := outfile.Write(out, ab.Bytes(), a.cfg.Store); err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	if articles != "" {
		if err := outfile.Write(articles, db.Bytes(), a.cfg.Store); err != nil {
			return &exitError{code: exitFailure, err: err}
		}
	}
	if !a.cfg.Quiet {
		fmt.Fprintf(a.stderr, "kg: %d documents annotated, %d triples written to %s; %d documents failed\n", w.Documents, w.Triples, out, len(w.Failed))
		printLLMSummary(a, sum)
	}
	if len(w.Failed) > 0 {
		return &exitError{code: exitPartial}
	}
	return nil
}

// estimate prints the approximate tokens of annotating the documents.
func (a *app) estimate(ctx context.Context, paths []string, sample int) error {
	x, err := extract.New(a.extractOptions())
	if err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	docs, err := a.readSample(ctx, paths, sample, x.KnownLanguages())
	if err != nil {
		return err
	}
	e := annotate.EstimateOf(x, docs)
	if a.cfg.Format == "json" || a.cfg.Format == "jsonl" {
		return json.NewEncoder(a.stdout).Encode(e)
	}
	_, err = fmt.Fprintf(a.stdout, "documents          %d\ncharacters         %d\nprompt tokens      %d (the instructions: %d a document, %d in all)\ncompletion tokens  %d\ntotal              %d\n",
		e.Documents, e.Characters, e.Prompt, e.PerDocument, e.PerDocument*e.Documents, e.Completion, e.Prompt+e.Completion)
	return err
}

// readSample reads the documents of paths, or the sample of n of them
// (annotate.Sample).
func (a *app) readSample(ctx context.Context, paths []string, n int, langs []string) ([]graph.Document, error) {
	ro := reader.Options{MaxBytes: a.cfg.Extract.MaxDocumentBytes, Languages: langs}
	docs, err := annotate.Sample(ctx, paths, n, ro, a.stdin, func(w reader.Warning) { a.warnf("%v", w) })
	if err != nil {
		if ctx.Err() != nil {
			return nil, &exitError{code: exitSignaled, err: errors.New("interrupted")}
		}
		return nil, &exitError{code: exitFailure, err: err}
	}
	return docs, nil
}
