package tag

import (
	"fmt"
	"os"

	"github.com/kgraph/kg/extract/conllu"
)

// ReadTreebanks reads CoNLL-U files and returns their sentences in order:
// the training mix of a tagger or lemmatizer is data, a list of files,
// so that the same code trains on any set of treebanks.
func ReadTreebanks(paths ...string) ([]*conllu.Sentence, error) {
	var all []*conllu.Sentence
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("reading treebank: %w", err)
		}
		s, err := conllu.ReadAll(f, p)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("reading treebank: %w", err)
		}
		all = append(all, s...)
	}
	return all, nil
}
