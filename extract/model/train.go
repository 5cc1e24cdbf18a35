package model

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/kgraph/kg/extract/conllu"
	"github.com/kgraph/kg/extract/lemma"
	"github.com/kgraph/kg/extract/parse"
	"github.com/kgraph/kg/extract/tag"
)

// TrainOptions tunes Train. The zero value trains with each component's
// defaults.
type TrainOptions struct {
	Seed int64
	// Dev, when set, picks each component's best training pass.
	Dev []*conllu.Sentence
	// TagIterations, LemmaIterations and ParseIterations override the
	// components' numbers of passes (0: their defaults).
	TagIterations, LemmaIterations, ParseIterations int
	// UPOSOnly ignores XPOS (for treebanks without one XPOS scheme).
	UPOSOnly bool
	// Folds is the number of parts the training set is cut into to give
	// the parser tags as wrong as at run time: each part is tagged by a
	// tagger trained on the others (jackknifing). 0 means 5; negative
	// trains the parser on gold tags.
	Folds int
	// Prune drops parser weights smaller than it, to bound the model's
	// size and load time (0: keep all).
	Prune float32
	// Log, when set, receives progress lines.
	Log func(format string, args ...any)
}

// Train trains a model for lang on the training sentences. It is
// deterministic given opts.Seed.
func Train(ctx context.Context, lang string, train []*conllu.Sentence, opts TrainOptions) (*Model, error) {
	if len(train) == 0 {
		return nil, fmt.Errorf("model %s: no training sentences", lang)
	}
	logf := opts.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	logf("tagger: %d sentences", len(train))
	tg, err := tag.Train(ctx, train, tag.TrainOptions{
		Iterations: opts.TagIterations, Seed: opts.Seed, Dev: opts.Dev, UPOSOnly: opts.UPOSOnly, Log: opts.Log,
	})
	if err != nil {
		return nil, fmt.Errorf("model %s: tagger: %w", lang, err)
	}
	logf("lemmatizer")
	lm, err := lemma.Train(ctx, train, lemma.TrainOptions{Iterations: opts.LemmaIterations, Seed: opts.Seed, Log: opts.Log})
	if err != nil {
		return nil, fmt.Errorf("model %s: lemmatizer: %w", lang, err)
	}
	parseTrain := train
	if folds := cmp.Or(opts.Folds, 5); folds > 1 {
		logf("parser: tagging the training set in %d folds", folds)
		if parseTrain, err = jackknife(ctx, train, folds, tag.TrainOptions{
			Iterations: opts.TagIterations, Seed: opts.Seed, UPOSOnly: opts.UPOSOnly,
		}); err != nil {
			return nil, fmt.Errorf("model %s: tagger fold: %w", lang, err)
		}
	}
	logf("parser: %d sentences", len(parseTrain))
	ps, err := parse.Train(ctx, parseTrain, parse.TrainOptions{
		Iterations: opts.ParseIterations, Seed: uint64(opts.Seed), Dev: retag(tg, opts.Dev),
		Prune: opts.Prune, Log: func(s string) { logf("%s", s) },
	})
	if err != nil {
		return nil, fmt.Errorf("model %s: parser: %w", lang, err)
	}
	return &Model{Lang: lang, Tagger: tg, Lemmatizer: lm, Parser: ps}, nil
}

// jackknife retags each of k parts of train with a tagger trained on the
// others, so that the parser learns from tags as wrong as at run time.
func jackknife(ctx context.Context, train []*conllu.Sentence, k int, opts tag.TrainOptions) ([]*conllu.Sentence, error) {
	out := make([]*conllu.Sentence, 0, len(train))
	for f := range k {
		var rest, part []*conllu.Sentence
		for i, s := range train {
			if i%k == f {
				part = append(part, s)
			} else {
				rest = append(rest, s)
			}
		}
		t, err := tag.Train(ctx, rest, opts)
		if err != nil {
			return nil, err
		}
		out = append(out, retag(t, part)...)
	}
	return out, nil
}

// retag returns copies of ss with the tagger's UPOS in place of the gold.
func retag(t *tag.Tagger, ss []*conllu.Sentence) []*conllu.Sentence {
	if len(ss) == 0 {
		return nil
	}
	out := make([]*conllu.Sentence, len(ss))
	for i, s := range ss {
		c := *s
		c.Words = slices.Clone(s.Words)
		words := make([]string, len(c.Words))
		for j, w := range c.Words {
			words[j] = w.Form
		}
		upos, _ := t.Tag(words)
		for j := range c.Words {
			c.Words[j].UPOS = upos[j]
		}
		out[i] = &c
	}
	return out
}
