package parse

import (
	"strings"
	"time"

	"github.com/kgraph/kg/extract/conllu"
)

// Scores are attachment scores in percent, counted per syntactic word
// as in the CoNLL 2018 shared task: punctuation included, LAS comparing
// only the universal part of the relation (before ":").
type Scores struct {
	UAS, LAS     float64
	Tokens       int     // syntactic words scored
	TokensPerSec float64 // parsing speed, tagging excluded
}

// Evaluate parses gold's words with the tags given by upos (the gold
// UPOS when upos is nil) and scores the result against gold's trees.
func Evaluate(p *Parser, gold []*conllu.Sentence, upos func(*conllu.Sentence) []string) Scores {
	var sc Scores
	var ua, la int
	var elapsed time.Duration
	var words, tags, deprels []string
	var heads []int
	for _, s := range gold {
		n := len(s.Words)
		words, tags = words[:0], tags[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
			tags = append(tags, w.UPOS)
		}
		if upos != nil {
			tags = upos(s)
		}
		heads = append(heads[:0], make([]int, n)...)
		deprels = append(deprels[:0], make([]string, n)...)
		start := time.Now()
		p.Parse(words, tags, heads, deprels)
		elapsed += time.Since(start)
		for i, w := range s.Words {
			if heads[i] != w.Head {
				continue
			}
			ua++
			if universal(deprels[i]) == universal(w.Deprel) {
				la++
			}
		}
		sc.Tokens += n
	}
	if sc.Tokens > 0 {
		sc.UAS = 100 * float64(ua) / float64(sc.Tokens)
		sc.LAS = 100 * float64(la) / float64(sc.Tokens)
	}
	if elapsed > 0 {
		sc.TokensPerSec = float64(sc.Tokens) / elapsed.Seconds()
	}
	return sc
}

func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}
