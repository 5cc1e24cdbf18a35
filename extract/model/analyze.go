package model

// Analysis is what the model says of one sentence's words.
type Analysis struct {
	UPOS   []string
	XPOS   []string
	Lemma  []string
	Head   []int // 1-based; 0 for the root
	Deprel []string
}

// Analyze tags, lemmatizes and parses one sentence of syntactic words
// (multiword tokens already split: "du" as "de le"). It is safe for
// concurrent use.
func (m *Model) Analyze(words []string) Analysis {
	a := Analysis{
		UPOS: make([]string, len(words)), XPOS: make([]string, len(words)),
		Lemma: make([]string, len(words)), Head: make([]int, len(words)), Deprel: make([]string, len(words)),
	}
	m.Tagger.TagInto(words, a.UPOS, a.XPOS)
	for i, w := range words {
		a.Lemma[i] = m.Lemmatizer.Lemma(w, a.UPOS[i])
	}
	m.Parser.Parse(words, a.UPOS, a.Head, a.Deprel)
	return a
}
