package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/reader"
	"github.com/kgraph/kg/extract/relmodel"
	"github.com/kgraph/kg/graph"
)

// relationTraining are the flags of kg model train --relations.
type relationTraining struct {
	articles, gold []string
	fraction       float64
	folds          int
	seed           uint64 // of the learner's shuffles (--seed)
	minPrecision   float64
	alignments     string // file for the annotations no candidate states
}

// trainRelations trains a relation model on annotated articles and
// writes it to out.
func (a *app) trainRelations(ctx context.Context, rt relationTraining, out string) error {
	if len(rt.articles) == 0 || len(rt.gold) == 0 {
		return usageError("model train --relations needs --articles and --gold")
	}
	docs, anns, err := a.readAnnotated(ctx, rt)
	if err != nil {
		return err
	}
	opts := a.extractOptions()
	opts.Relations = "rules" // the candidates' rules, not an earlier model
	x, err := extract.New(opts)
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	to := relmodel.TrainOptions{Folds: rt.folds, Fraction: rt.fraction, MinPrecision: rt.minPrecision, Seed: rt.seed}
	if !a.cfg.Quiet {
		to.Progress = func(s string) { fmt.Fprintf(a.stderr, "kg: %s\n", s) }
	}
	if rt.alignments != "" {
		f, err := os.Create(rt.alignments)
		if err != nil {
			return &exitError{code: exitFailure, err: err}
		}
		defer f.Close()
		to.Debug = f
	}
	start := time.Now()
	m, rep, err := x.TrainRelations(ctx, docs, anns, to)
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	if err := m.Save(out); err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	if a.cfg.Format == "json" || a.cfg.Format == "jsonl" {
		return json.NewEncoder(a.stdout).Encode(rep)
	}
	fi, _ := os.Stat(out)
	fmt.Fprintf(a.stdout, "documents     %d\nannotations   %d\ncovered       %d (%.1f%%: some candidate relates subject and object)\n",
		rep.Documents, rep.Annotations, rep.Covered, 100*rep.Info.Aligned)
	for l, n := range rep.ByLang {
		fmt.Fprintf(a.stdout, "  %s          %d of %d (%.1f%%)\n", l, n[1], n[0], 100*float64(n[1])/float64(max(n[0], 1)))
	}
	fmt.Fprintf(a.stdout, "reachable     %d (%.1f%%: some candidate states as annotated)\n", rep.Reachable, 100*float64(rep.Reachable)/float64(max(rep.Annotations, 1)))
	fmt.Fprintf(a.stdout, "candidates    %d, %d with their predicate options (%d match an annotation as stated)\nthreshold     %.2f\n", rep.Candidates, rep.Examples, rep.Positives, rep.Info.Threshold)
	fmt.Fprintf(a.stdout, "out of fold   threshold  precision  recall  F1\n")
	for _, p := range rep.Info.Curve {
		fmt.Fprintf(a.stdout, "              %.2f       %.3f      %.3f   %.3f\n", p.Threshold, p.Precision, p.Recall, p.F1)
	}
	fmt.Fprintf(a.stdout, "wrote %s (%.1f MB) in %s\n", out, float64(fi.Size())/1e6, time.Since(start).Round(time.Second))
	return nil
}

// readAnnotated reads the documents and annotations of --articles and
// --gold.
func (a *app) readAnnotated(ctx context.Context, rt relationTraining) ([]graph.Document, []relmodel.Annotation, error) {
	var docs []graph.Document
	warn := func(w reader.Warning) { a.warnf("%v", w) }
	err := reader.Read(ctx, rt.articles, reader.Options{MaxBytes: a.cfg.Extract.MaxDocumentBytes}, a.stdin,
		func(d graph.Document) error { docs = append(docs, d); return nil }, warn)
	if err != nil {
		return nil, nil, &exitError{code: exitFailure, err: err}
	}
	var anns []relmodel.Annotation
	for _, g := range rt.gold {
		f, err := os.Open(g)
		if err != nil {
			return nil, nil, usageError("--gold: %v", err)
		}
		as, err := relmodel.ReadAnnotations(f, g)
		f.Close()
		if err != nil {
			return nil, nil, usageError("--gold: %v", err)
		}
		anns = append(anns, as...)
	}
	return docs, anns, nil
}

// relationCoverage prints how many annotations the relation model's
// candidates cover, and how many one of their predicate options states
// as annotated: the ceilings of recall.
func (a *app) relationCoverage(ctx context.Context, rt relationTraining) error {
	if len(rt.articles) == 0 || len(rt.gold) == 0 {
		return usageError("model eval --relations needs --articles and --gold")
	}
	docs, anns, err := a.readAnnotated(ctx, rt)
	if err != nil {
		return err
	}
	x, err := extract.New(a.extractOptions())
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	m := x.RelationModel()
	if m == nil {
		return usageError("model eval --relations: no relation model (extract.relations is rules)")
	}
	cov, err := x.RelationCoverage(ctx, m, docs, anns)
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	if a.cfg.Format == "json" || a.cfg.Format == "jsonl" {
		return json.NewEncoder(a.stdout).Encode(cov)
	}
	fmt.Fprintf(a.stdout, "%-14s %11s %8s %6s %9s %6s\n", "documents", "annotations", "covered", "share", "reachable", "share")
	for _, c := range cov {
		n := float64(max(c.Annotations, 1))
		fmt.Fprintf(a.stdout, "%-14s %11d %8d %6.3f %9d %6.3f\n", c.Group, c.Annotations, c.Covered, float64(c.Covered)/n, c.Reachable, float64(c.Reachable)/n)
	}
	return nil
}
