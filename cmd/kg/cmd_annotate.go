package main

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/llm/prompt"
	"github.com/kgraph/kg/extract/reader"
	"github.com/kgraph/kg/extract/relmodel"
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

// annotated is one document's outcome.
type annotated struct {
	doc  graph.Document
	anns []relmodel.Annotation
	res  extract.Result
	err  error
}

// annotate reads the corpus (keeping the sample), asks for the
// documents' annotations on llm.parallel goroutines and writes them in
// reading order.
func (a *app) annotate(ctx context.Context, x *extract.Extractor, paths []string, sample int, out, articles string) error {
	docs, err := a.readSample(ctx, paths, sample, x.KnownLanguages())
	if err != nil {
		return err
	}
	results := make([]annotated, len(docs))
	next := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	done, tokens, errs := 0, 0, 0
	for range max(a.cfg.LLM.Parallel, 1) {
		wg.Go(func() {
			for i := range next {
				r := annotated{doc: docs[i]}
				r.anns, r.res, r.err = x.Annotate(ctx, &r.doc)
				results[i] = r
				mu.Lock()
				done++
				tokens += r.res.LLM.Usage.Total()
				if r.err != nil {
					errs++
				}
				if a.progress {
					fmt.Fprintf(a.stderr, "\r\033[K%d of %d documents annotated, LLM %d tokens, %d errors", done, len(docs), tokens, errs)
				}
				mu.Unlock()
			}
		})
	}
	for i := range docs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if a.progress && len(docs) > 0 {
		fmt.Fprint(a.stderr, "\r\033[K")
	}
	if ctx.Err() != nil {
		return &exitError{code: exitSignaled, err: errors.New("interrupted; the answers so far are cached: run the same command again to resume")}
	}

	var ab, db bytes.Buffer
	enc, denc := json.NewEncoder(&ab), json.NewEncoder(&db)
	enc.SetEscapeHTML(false)
	denc.SetEscapeHTML(false)
	sum := ingest.Summary{LLM: &ingest.LLMSummary{}}
	failed := 0
	for _, r := range results {
		l := r.res.LLM
		if l.Cached {
			sum.LLM.Cached++
		} else if l.Requests > 0 {
			sum.LLM.Asked++
		}
		sum.LLM.Requests += l.Requests
		sum.LLM.PromptTokens += l.Usage.PromptTokens
		sum.LLM.CompletionTokens += l.Usage.CompletionTokens
		sum.LLM.Malformed += l.Malformed
		sum.LLM.Dropped += l.Dropped
		switch {
		case r.err != nil:
			failed++
			sum.LLM.Failed++
			a.warnf("document %s: %v", r.doc.ID, r.err)
			continue
		case r.res.Skipped != "":
			a.warnf("document %s not annotated: %s", r.doc.ID, r.res.Skipped)
			continue
		}
		for _, an := range r.anns {
			if err := enc.Encode(an); err != nil {
				return &exitError{code: exitFailure, err: err}
			}
		}
		sum.Triples += len(r.anns)
		sum.Added++
		if err := denc.Encode(articleLine{ID: r.doc.ID, Lang: r.doc.Lang, Title: r.doc.Title, Date: r.doc.Date, URL: r.doc.URL, Text: r.doc.Text}); err != nil {
			return &exitError{code: exitFailure, err: err}
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
		fmt.Fprintf(a.stderr, "kg: %d documents annotated, %d triples written to %s; %d documents failed\n", sum.Added, sum.Triples, out, failed)
		printLLMSummary(a, sum.LLM)
	}
	if failed > 0 {
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
	var e struct {
		Documents  int   `json:"documents"`
		Characters int64 `json:"characters"`
		prompt.Estimate
		PerDocument int `json:"system_prompt_tokens_per_document"`
	}
	e.PerDocument = prompt.Tokens(prompt.System)
	for _, d := range docs {
		x.Identify(&d)
		r := prompt.EstimateRequest(d)
		e.Documents++
		e.Characters += int64(utf8.RuneCountInString(d.Text))
		e.Prompt += r.Prompt
		e.Completion += r.Completion
	}
	if a.cfg.Format == "json" || a.cfg.Format == "jsonl" {
		return json.NewEncoder(a.stdout).Encode(e)
	}
	_, err = fmt.Fprintf(a.stdout, "documents          %d\ncharacters         %d\nprompt tokens      %d (the instructions: %d a document, %d in all)\ncompletion tokens  %d\ntotal              %d\n",
		e.Documents, e.Characters, e.Prompt, e.PerDocument, e.PerDocument*e.Documents, e.Completion, e.Prompt+e.Completion)
	return err
}

// articleLine is a document as kg model train --articles reads it.
type articleLine struct {
	ID    string `json:"id"`
	Lang  string `json:"lang,omitempty"`
	Title string `json:"title,omitempty"`
	Date  string `json:"date,omitempty"`
	URL   string `json:"url,omitempty"`
	Text  string `json:"text"`
}

// readSample reads the documents of paths; with n > 0, only the n whose
// ids hash lowest (SHA-256), in reading order, holding no more than n
// at a time.
func (a *app) readSample(ctx context.Context, paths []string, n int, langs []string) ([]graph.Document, error) {
	type held struct {
		doc  graph.Document
		hash [32]byte
		seq  int
	}
	var keep []held
	seq := 0
	warn := func(w reader.Warning) { a.warnf("%v", w) }
	err := reader.Read(ctx, paths, reader.Options{MaxBytes: a.cfg.Extract.MaxDocumentBytes, Languages: langs}, a.stdin,
		func(d graph.Document) error {
			h := held{doc: d, hash: sha256.Sum256([]byte(d.ID)), seq: seq}
			seq++
			if n == 0 {
				keep = append(keep, h)
				return nil
			}
			i, _ := slices.BinarySearchFunc(keep, h, func(a, b held) int { return bytes.Compare(a.hash[:], b.hash[:]) })
			if i >= n {
				return nil
			}
			keep = slices.Insert(keep, i, h)
			if len(keep) > n {
				keep = keep[:n]
			}
			return nil
		}, warn)
	if err != nil {
		if ctx.Err() != nil {
			return nil, &exitError{code: exitSignaled, err: errors.New("interrupted")}
		}
		return nil, &exitError{code: exitFailure, err: err}
	}
	slices.SortFunc(keep, func(a, b held) int { return cmp.Compare(a.seq, b.seq) })
	docs := make([]graph.Document, len(keep))
	for i, h := range keep {
		docs[i] = h.doc
	}
	return docs, nil
}
