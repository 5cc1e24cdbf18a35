package model

import (
	"strings"
	"time"

	"github.com/kgraph/kg/extract/conllu"
)

// Scores are the CoNLL 2018 shared task's measures on gold tokenization:
// per syntactic word, in percent.
type Scores struct {
	Words        int     `json:"words"`
	UPOS         float64 `json:"upos"`
	XPOS         float64 `json:"xpos,omitempty"` // over words with a gold XPOS; 0 when none has
	XPOSWords    int     `json:"xpos_words"`
	Lemma        float64 `json:"lemma"`
	UAS          float64 `json:"uas"`
	LAS          float64 `json:"las"`
	TokensPerSec float64 `json:"tokens_per_sec"` // tagging, lemmatizing and parsing together
}

// Evaluate analyses every gold sentence from its words alone — predicted
// tags feed the lemmatizer and the parser, as in use — and scores the
// result. LAS compares universal relations (the part before ":").
func Evaluate(m *Model, gold []*conllu.Sentence) Scores {
	var s Scores
	var upos, xpos, lem, uas, las int
	var elapsed time.Duration
	words := make([]string, 0, 64)
	for _, g := range gold {
		words = words[:0]
		for _, w := range g.Words {
			words = append(words, w.Form)
		}
		start := time.Now()
		a := m.Analyze(words)
		elapsed += time.Since(start)
		for i, w := range g.Words {
			s.Words++
			if a.UPOS[i] == w.UPOS {
				upos++
			}
			if w.XPOS != "" {
				s.XPOSWords++
				if a.XPOS[i] == w.XPOS {
					xpos++
				}
			}
			if a.Lemma[i] == w.Lemma {
				lem++
			}
			if a.Head[i] == w.Head {
				uas++
				if universal(a.Deprel[i]) == universal(w.Deprel) {
					las++
				}
			}
		}
	}
	if s.Words == 0 {
		return s
	}
	pct := func(n int) float64 { return 100 * float64(n) / float64(s.Words) }
	s.UPOS, s.Lemma, s.UAS, s.LAS = pct(upos), pct(lem), pct(uas), pct(las)
	if s.XPOSWords > 0 {
		s.XPOS = 100 * float64(xpos) / float64(s.XPOSWords)
	}
	if elapsed > 0 {
		s.TokensPerSec = float64(s.Words) / elapsed.Seconds()
	}
	return s
}

func universal(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}
