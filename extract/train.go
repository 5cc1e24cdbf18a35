package extract

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/relmodel"
	"github.com/kgraph/kg/graph"
)

// TrainRelations analyses annotated documents (on one goroutine per CPU
// core) and trains a relation model on them. Documents without a language
// are detected; documents in a language the extractor does not read are
// left out. The model does not depend on the number of cores.
func (x *Extractor) TrainRelations(ctx context.Context, docs []graph.Document, anns []relmodel.Annotation, opts relmodel.TrainOptions) (*relmodel.Model, relmodel.Report, error) {
	kept, err := x.analyseAll(ctx, docs, opts.Progress)
	if err != nil {
		return nil, relmodel.Report{}, err
	}
	if opts.Lexicons == nil {
		opts.Lexicons = x.lexicons()
	}
	return relmodel.Train(ctx, kept, anns, opts)
}

// RelationCoverage measures how many annotations the relation model m
// can find at all in the documents: see relmodel.Model.Coverage.
func (x *Extractor) RelationCoverage(ctx context.Context, m *relmodel.Model, docs []graph.Document, anns []relmodel.Annotation) ([]relmodel.Coverage, error) {
	kept, err := x.analyseAll(ctx, docs, nil)
	if err != nil {
		return nil, err
	}
	return m.Coverage(kept, anns, x.lexicons()), nil
}

func (x *Extractor) lexicons() map[string]*lexicon.Lexicon {
	out := map[string]*lexicon.Lexicon{}
	for l, lg := range x.langs {
		out[l] = lg.lexicon
	}
	return out
}

// analyseAll analyses documents on one goroutine per core, leaving out
// those in languages the extractor does not read.
func (x *Extractor) analyseAll(ctx context.Context, docs []graph.Document, progress func(string)) ([]relmodel.Document, error) {
	analysed := make([]relmodel.Document, len(docs))
	errs := make([]error, len(docs))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				d := docs[i]
				if d.Lang == "" {
					d.Lang, _ = x.detector.Detect(d.Text)
				}
				if x.langs[d.Lang] == nil {
					continue
				}
				analysed[i], errs[i] = x.Analyse(ctx, &d)
			}
		}()
	}
	for i := range docs {
		if i%200 == 0 && progress != nil {
			progress(fmt.Sprintf("analysis: %d/%d documents", i, len(docs)))
		}
		select {
		case jobs <- i:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var kept []relmodel.Document
	for i, d := range analysed {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if d.ID != "" {
			kept = append(kept, d)
		}
	}
	return kept, nil
}
