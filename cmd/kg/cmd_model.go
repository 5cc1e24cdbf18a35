package main

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/extract/conllu"
	"github.com/kgraph/kg/extract/model"
	"github.com/kgraph/kg/extract/relmodel"
)

func newModelCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "model",
		Short: "Train and evaluate the tagger, lemmatizer and parser of a language",
		Long: `Model trains a language's syntactic core — UPOS tagger, lemmatizer and
dependency parser — on Universal Dependencies treebanks, and evaluates a
model on a treebank split with the measures of the CoNLL 2018 shared task
(gold tokenization).`,
	}
	cmd.AddCommand(newModelTrainCmd(a), newModelEvalCmd(a))
	return cmd
}

// treebankFiles turns --treebank arguments into CoNLL-U files: a file is
// itself; a UD folder gives its file of the split ("train", "dev", "test").
func treebankFiles(args []string, split string) ([]string, error) {
	var out []string
	for _, p := range args {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, usageError("--treebank %s: %v", p, err)
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		m, _ := filepath.Glob(filepath.Join(p, "*-ud-"+split+".conllu"))
		if len(m) == 0 {
			return nil, usageError("--treebank %s: no *-ud-%s.conllu in it", p, split)
		}
		out = append(out, m...)
	}
	return out, nil
}

func readTreebanks(files []string) ([]*conllu.Sentence, error) {
	var all []*conllu.Sentence
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, &exitError{code: exitFailure, err: err}
		}
		s, err := conllu.ReadAll(fh, f)
		fh.Close()
		if err != nil {
			return nil, &exitError{code: exitUsage, err: fmt.Errorf("treebank: %w", err)}
		}
		all = append(all, s...)
	}
	return all, nil
}

// readIDs reads the --exclude files into one set of sentence ids.
func readIDs(files []string) (map[string]bool, error) {
	all := map[string]bool{}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			return nil, usageError("--exclude: %v", err)
		}
		ids, err := conllu.ReadIDs(fh, f)
		fh.Close()
		if err != nil {
			return nil, usageError("--exclude: %v", err)
		}
		maps.Copy(all, ids)
	}
	return all, nil
}

func newModelTrainCmd(a *app) *cobra.Command {
	var opts modelTrainOptions
	cmd := &cobra.Command{
		Use:   "train --treebank DIR|FILE... --lang LANG --out FILE | --relations --articles FILE... --gold FILE... --out FILE",
		Short: "Train a syntactic model on treebanks, or the relation model on annotated articles",
		Long: `Train trains a language's syntactic core on the train splits of Universal
Dependencies treebanks.

With --relations it trains the relation model instead: --articles are the
documents (JSON Lines: id, lang, text), --gold the triples annotated in them
in the silver format (doc, s, p, o, neg, modality and the verbatim sentence
that states each). Training is deterministic; it prints the share of
annotations some candidate covers (the ceiling of recall) and the
out-of-fold precision and recall at each confidence threshold. Use the
model with extract.relation_model (KG_EXTRACT_RELATION_MODEL).`,
		Example: `  kg model train --treebank ../shared/data/ud/UD_English-EWT --dev ../shared/data/ud/UD_English-EWT --lang en --out en.kgm
  kg model train --relations --articles ../shared/eval/silver/train.articles.jsonl --gold ../shared/eval/silver/train.gold.jsonl --out relations.kgr`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runModelTrain(cmd.Context(), a, opts)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.treebanks, "treebank", nil, "UD treebank folder (its train split) or CoNLL-U file; repeat for several")
	f.StringSliceVar(&opts.dev, "dev", nil, "folder (its dev split) or file to choose the best training pass on")
	f.StringVar(&opts.lang, "lang", "", "language of the model (ISO 639-1)")
	f.StringVar(&opts.out, "out", "", "model file to write")
	f.Int64Var(&opts.seed, "seed", 1, "seed of the training shuffles (--relations too: other seeds tell a change's effect from retraining noise)")
	f.BoolVar(&opts.uposOnly, "upos-only", false, "do not learn XPOS (treebanks with mixed or no XPOS)")
	f.StringSliceVar(&opts.exclude, "exclude", nil, "sentences to leave out of training and --dev: a file of sent_ids, one a line, or JSON Lines documents with ids \"treebank:sent_id\" (an evaluation split); repeat for several")
	f.Float32Var(&opts.prune, "prune", 0, "drop parser weights below this, for a smaller, faster-loading model")
	f.BoolVar(&opts.relations, "relations", false, "train the relation model on annotated articles")
	f.StringSliceVar(&opts.rt.articles, "articles", nil, "with --relations: annotated documents (JSON Lines); repeat for several")
	f.StringSliceVar(&opts.rt.gold, "gold", nil, "with --relations: their annotations, silver format; repeat for several")
	f.Float64Var(&opts.rt.minPrecision, "min-precision", relmodel.DefaultMinPrecision, "with --relations: out-of-fold precision the default threshold must reach")
	f.Float64Var(&opts.rt.fraction, "fraction", 1, "with --relations: learn from this share of the documents (learning curves)")
	f.StringVar(&opts.rt.alignments, "alignments", "", "with --relations: write the annotations no candidate covers or states, for error analysis")
	f.IntVar(&opts.rt.folds, "folds", 5, "cross-validation folds (--relations: for calibration; else: jackknifed tags)")
	return cmd
}

func newModelEvalCmd(a *app) *cobra.Command {
	var opts modelEvalOptions
	cmd := &cobra.Command{
		Use:   "eval --treebank DIR|FILE... [--model FILE] [--split test]",
		Short: "Score a model on a treebank split: UPOS, XPOS, Lemma, UAS, LAS, tokens/s",
		Long: `Eval analyses each sentence of the treebank from its words alone (gold
tokenization: predicted tags feed the lemmatizer and the parser) and prints
the CoNLL 2018 measures per syntactic word, with LAS on universal relations,
and the speed of tagging, lemmatizing and parsing together on one core.
Without --model it evaluates the built-in model of --lang, or of the
language the treebank's file names start with.

With --relations it measures the relation model instead (the built-in
one, or extract.relation_model): per language and kind of document, the
share of annotations some candidate covers (its subject and object
related in the annotated sentence) and the share some candidate's
predicate option states as strict scoring wants — the ceilings of recall.`,
		Example: `  kg model eval --treebank ../shared/data/ud/UD_English-EWT --split test
  kg model eval --treebank ../shared/data/ud/UD_French-GSD --model fr.kgm
  kg model eval --relations --articles ../shared/eval/silver/dev.articles.jsonl --gold ../shared/eval/silver/dev.gold.jsonl`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runModelEval(cmd.Context(), a, opts)
		},
	}
	f := cmd.Flags()
	f.StringSliceVar(&opts.treebanks, "treebank", nil, "UD treebank folder or CoNLL-U file")
	f.StringVar(&opts.split, "split", "test", "split of a treebank folder: train, dev or test")
	f.StringVar(&opts.path, "model", "", "model file (default: the built-in model of the language)")
	f.StringVar(&opts.lang, "lang", "", "refuse a model for another language")
	f.BoolVar(&opts.relations, "relations", false, "measure the relation model's candidate coverage of annotated articles instead (model: extract.relation_model)")
	f.StringSliceVar(&opts.rt.articles, "articles", nil, "with --relations: annotated documents (JSON Lines)")
	f.StringSliceVar(&opts.rt.gold, "gold", nil, "with --relations: their annotations, silver format")
	return cmd
}

// modelTrainOptions are the flags of kg model train.
type modelTrainOptions struct {
	treebanks, dev []string
	exclude        []string
	lang, out      string
	seed           int64
	uposOnly       bool
	prune          float32
	relations      bool
	rt             relationTraining
}

// runModelTrain trains a language's syntactic model on treebanks or,
// with opts.relations, the relation model on annotated articles.
func runModelTrain(ctx context.Context, a *app, opts modelTrainOptions) error {
	if opts.relations {
		if opts.out == "" {
			return usageError("model train --relations needs --out")
		}
		opts.rt.seed = uint64(opts.seed)
		return a.trainRelations(ctx, opts.rt, opts.out)
	}
	if opts.lang == "" || opts.out == "" || len(opts.treebanks) == 0 {
		return usageError("model train needs --treebank, --lang and --out")
	}
	files, err := treebankFiles(opts.treebanks, "train")
	if err != nil {
		return err
	}
	train, err := readTreebanks(files)
	if err != nil {
		return err
	}
	var devSents []*conllu.Sentence
	if len(opts.dev) > 0 {
		devFiles, err := treebankFiles(opts.dev, "dev")
		if err != nil {
			return err
		}
		if devSents, err = readTreebanks(devFiles); err != nil {
			return err
		}
	}
	held, err := readIDs(opts.exclude)
	if err != nil {
		return err
	}
	train, dropped := conllu.Without(train, held)
	devSents, devDropped := conllu.Without(devSents, held)
	if len(held) > 0 && !a.cfg.Quiet {
		fmt.Fprintf(a.stderr, "kg: --exclude left out %d training and %d dev sentences\n", dropped, devDropped)
	}
	to := model.TrainOptions{Seed: opts.seed, Dev: devSents, UPOSOnly: opts.uposOnly, Folds: opts.rt.folds, Prune: opts.prune}
	if !a.cfg.Quiet {
		to.Log = func(format string, args ...any) {
			fmt.Fprintf(a.stderr, "kg: "+format+"\n", args...)
		}
	}
	start := time.Now()
	m, err := model.Train(ctx, opts.lang, train, to)
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	if err := m.Save(opts.out); err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	if !a.cfg.Quiet {
		fi, _ := os.Stat(opts.out)
		fmt.Fprintf(a.stderr, "kg: wrote %s (%.1f MB) from %d sentences in %s\n", opts.out, float64(fi.Size())/1e6, len(train), time.Since(start).Round(time.Second))
	}
	return nil
}

// modelEvalOptions are the flags of kg model eval.
type modelEvalOptions struct {
	treebanks         []string
	split, path, lang string
	relations         bool
	rt                relationTraining
}

// runModelEval scores a syntactic model on a treebank split or, with
// opts.relations, the relation model's coverage of annotated articles.
func runModelEval(ctx context.Context, a *app, opts modelEvalOptions) error {
	if opts.relations {
		return a.relationCoverage(ctx, opts.rt)
	}
	if len(opts.treebanks) == 0 {
		return usageError("model eval needs --treebank")
	}
	files, err := treebankFiles(opts.treebanks, opts.split)
	if err != nil {
		return err
	}
	gold, err := readTreebanks(files)
	if err != nil {
		return err
	}
	var m *model.Model
	path, lang := opts.path, opts.lang
	if path != "" {
		m, err = model.Load(path, lang)
	} else {
		// The built-in model of --lang, or of the language the
		// treebank's file names start with (en_ewt-ud-test.conllu).
		if lang == "" {
			lang, _, _ = strings.Cut(filepath.Base(files[0]), "_")
		}
		path = "built-in"
		m, err = model.Builtin(lang)
	}
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	s := model.Evaluate(m, gold)
	switch a.cfg.Format {
	case "json", "jsonl":
		return json.NewEncoder(a.stdout).Encode(struct {
			Treebank string `json:"treebank"`
			Model    string `json:"model"`
			model.Scores
		}{strings.Join(files, ","), path, s})
	}
	xpos := "n/a (the treebank has none)"
	if s.XPOSWords > 0 {
		xpos = fmt.Sprintf("%.2f", s.XPOS)
	}
	fmt.Fprintf(a.stdout, "treebank  %s\nmodel     %s (%s)\nwords     %d\nUPOS      %.2f\nXPOS      %s\nLemma     %.2f\nUAS       %.2f\nLAS       %.2f\ntokens/s  %.0f\n",
		strings.Join(files, ", "), path, m.Lang, s.Words, s.UPOS, xpos, s.Lemma, s.UAS, s.LAS, s.TokensPerSec)
	return nil
}
