// Command train trains a parser on CoNLL-U treebanks and prints its
// scores on test sets: how kg's parser models are built and measured.
//
//	go run ./extract/parse/internal/train -train en_ewt-ud-train.conllu \
//		-dev en_ewt-ud-dev.conllu -test en_ewt-ud-test.conllu -o /tmp/en.parse
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/kgraph/kg/extract/conllu"
	"github.com/kgraph/kg/extract/parse"
	"github.com/kgraph/kg/extract/tag"
)

func main() {
	trainFiles := flag.String("train", "", "comma-separated training treebanks")
	devFile := flag.String("dev", "", "development treebank (chooses the best pass)")
	testFiles := flag.String("test", "", "comma-separated test treebanks")
	iters := flag.Int("iter", 15, "training passes")
	seed := flag.Uint64("seed", 1, "random seed")
	explore := flag.Float64("explore", 0.9, "exploration probability")
	out := flag.String("o", "", "write the model here")
	modelIn := flag.String("model", "", "test this model instead of training one")
	sweep := flag.String("sweep", "", "comma-separated prune thresholds to try on the written model, scored on -dev")
	prune := flag.Float64("prune", 0, "drop weights below this magnitude")
	tagged := flag.Bool("tag", false, "also train a tagger on -train and score with its UPOS")
	folds := flag.Int("jackknife", 0, "train the parser on UPOS from a tagger trained on the other of this many parts (needs -tag)")
	flag.Parse()
	if *trainFiles == "" {
		log.Fatal("train: -train is required")
	}
	var train []*conllu.Sentence
	for _, f := range strings.Split(*trainFiles, ",") {
		train = append(train, read(f)...)
	}
	var dev []*conllu.Sentence
	if *devFile != "" {
		dev = read(*devFile)
	}
	var tagger *tag.Tagger
	if *tagged {
		t0 := time.Now()
		var err error
		tagger, err = tag.Train(context.Background(), train, tag.TrainOptions{})
		if err != nil {
			log.Fatal(err)
		}
		log.Printf("tagger trained in %s", time.Since(t0).Round(time.Second))
		if dev != nil {
			dev = retag(tagger, dev)
		}
		if *folds > 1 {
			train = jackknife(train, *folds)
			log.Printf("jackknifed tags in %s", time.Since(t0).Round(time.Second))
		}
	}
	var p *parse.Parser
	if *modelIn != "" {
		// Test or sweep an existing model; the tagger is still trained.
		p = load(*modelIn)
		*out = *modelIn
	} else {
		p = trainParser(train, dev, parse.TrainOptions{
			Iterations: *iters, Seed: *seed, Explore: *explore, Dev: dev, Prune: float32(*prune),
		}, *out)
	}
	if *testFiles != "" {
		for _, f := range strings.Split(*testFiles, ",") {
			sc := parse.Evaluate(p, read(f), nil)
			fmt.Printf("%s gold UPOS: UAS %.2f LAS %.2f (%d words, %.0f words/s)\n", f, sc.UAS, sc.LAS, sc.Tokens, sc.TokensPerSec)
			if tagger != nil {
				gold := read(f)
				t0 := time.Now()
				sc := parse.Evaluate(p, gold, func(s *conllu.Sentence) []string {
					words := make([]string, len(s.Words))
					for i, w := range s.Words {
						words[i] = w.Form
					}
					upos, _ := tagger.Tag(words)
					return upos
				})
				both := float64(sc.Tokens) / time.Since(t0).Seconds()
				ts := tag.Evaluate(tagger, gold)
				fmt.Printf("%s kg UPOS (%.2f%%): UAS %.2f LAS %.2f; tagging+parsing %.0f words/s\n", f, 100*ts.UPOSAccuracy(), sc.UAS, sc.LAS, both)
			}
		}
	}
	if *sweep != "" && *out != "" && dev != nil {
		for _, v := range strings.Split(*sweep, ",") {
			x, err := strconv.ParseFloat(v, 32)
			if err != nil {
				log.Fatal(err)
			}
			q := load(*out)
			q.Prune(float32(x))
			var buf bytes.Buffer
			q.WriteTo(&buf)
			t := time.Now()
			if _, err := parse.Read(bytes.NewReader(buf.Bytes())); err != nil {
				log.Fatal(err)
			}
			load := time.Since(t)
			sc := parse.Evaluate(q, dev, nil)
			fmt.Printf("prune %s: %.1f MB, loads in %s, dev UAS %.2f LAS %.2f, %.0f words/s\n", v, float64(buf.Len())/1e6, load.Round(time.Millisecond), sc.UAS, sc.LAS, sc.TokensPerSec)
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	log.Printf("heap in use %.0f MB, total obtained from the OS %.0f MB", float64(ms.HeapInuse)/1e6, float64(ms.Sys)/1e6)
}

// retag returns copies of ss with the UPOS of tagger.
func retag(tagger *tag.Tagger, ss []*conllu.Sentence) []*conllu.Sentence {
	out := make([]*conllu.Sentence, len(ss))
	for i, s := range ss {
		c := *s
		c.Words = slices.Clone(s.Words)
		words := make([]string, len(c.Words))
		for j, w := range c.Words {
			words[j] = w.Form
		}
		upos, _ := tagger.Tag(words)
		for j := range c.Words {
			c.Words[j].UPOS = upos[j]
		}
		out[i] = &c
	}
	return out
}

// jackknife retags each of k parts of train with a tagger trained on the
// others, so that the parser learns from tags as wrong as at run time.
func jackknife(train []*conllu.Sentence, k int) []*conllu.Sentence {
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
		t, err := tag.Train(context.Background(), rest, tag.TrainOptions{})
		if err != nil {
			log.Fatal(err)
		}
		out = append(out, retag(t, part)...)
	}
	return out
}

func trainParser(train, dev []*conllu.Sentence, opts parse.TrainOptions, out string) *parse.Parser {
	start := time.Now()
	opts.Log = func(s string) { log.Printf("%s (%s)", s, time.Since(start).Round(time.Second)) }
	p, err := parse.Train(context.Background(), train, opts)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("trained on %d sentences in %s", len(train), time.Since(start).Round(time.Second))
	if out == "" {
		return p
	}
	f, err := os.Create(out)
	if err != nil {
		log.Fatal(err)
	}
	n, err := p.WriteTo(f)
	if err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	t := time.Now()
	load(out)
	log.Printf("model %s: %.1f MB, loads in %s", out, float64(n)/1e6, time.Since(t).Round(time.Millisecond))
	return p
}

func load(path string) *parse.Parser {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	p, err := parse.Read(f)
	if err != nil {
		log.Fatal(err)
	}
	return p
}

func read(path string) []*conllu.Sentence {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	s, err := conllu.ReadAll(f, path)
	if err != nil {
		log.Fatal(err)
	}
	return s
}
