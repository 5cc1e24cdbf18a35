package extract

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/segment"
	"github.com/kgraph/kg/graph"
)

// TestConceptPhrasesKeepTheirWords checks that a concept phrase is joined
// back from whole tokens: no word loses its first letters to a slipped
// offset, and an elided article, whatever its apostrophe, takes no space
// after it ("l’usage", not "l’ usage"). The example article is checked
// too: its "reprise du ialogue" is the article's own spelling.
func TestConceptPhrasesKeepTheirWords(t *testing.T) {
	x := newExtractor(t)
	docs := readDocs(t, filepath.Join("..", "examples", "lavrov-ayrault-fr.txt"))
	docs = append(docs,
		graph.Document{ID: "straight", Lang: "fr", Text: "Pierre Martin a demandé la reprise du dialogue avec l'opposition."},
		graph.Document{ID: "curly", Lang: "fr", Text: "Paul Durand a appelé à la reprise d’un dialogue avec l’opposition."},
		graph.Document{ID: "elided", Lang: "fr", Text: "Jean Moreau a proposé l’interdiction de l’usage des armes chimiques."},
	)
	// The guard itself: a letter lost after "du" is caught.
	if _, _, ok := clipped("reprise du ialogue", "la reprise du dialogue", "fr"); !ok {
		t.Error("clipped misses a lost first letter")
	}
	dialogue := map[string]bool{}
	for _, d := range docs {
		res, err := x.Extract(context.Background(), &d)
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range res.Triples {
			if tr.ObjectType != graph.Concept {
				continue
			}
			if strings.Contains(tr.Object, "dialogue") {
				dialogue[d.ID] = true
			}
			if strings.Contains(tr.Object, "' ") || strings.Contains(tr.Object, "’ ") {
				t.Errorf("%s: object %q has a space after an elision", d.ID, tr.Object)
			}
			if w, tok, ok := clipped(tr.Object, tr.Sentence, d.Lang); ok {
				t.Errorf("%s: object %q has %q where the sentence has %q", d.ID, tr.Object, w, tok)
			}
		}
	}
	for _, id := range []string{"straight", "curly"} {
		if !dialogue[id] {
			t.Errorf("%s: no concept object with dialogue", id)
		}
	}
}

// clipped reports a word of phrase that is not a token of sentence but a
// token with one or two of its first letters missing.
func clipped(phrase, sentence, lang string) (word, token string, ok bool) {
	toks := map[string]bool{}
	for _, tk := range segment.Tokenize(sentence, spelling(lang)) {
		toks[graph.Fold(tk.Text)] = true
	}
	for _, tk := range segment.Tokenize(phrase, spelling(lang)) {
		w := graph.Fold(tk.Text)
		if toks[w] || len(w) < 4 {
			continue
		}
		for tok := range toks {
			if n := len(tok) - len(w); n >= 1 && n <= 2 && strings.HasSuffix(tok, w) {
				return tk.Text, tok, true
			}
		}
	}
	return "", "", false
}

// spellings holds the tokenizer rules of each language's embedded
// lexicon, loaded once.
var spellings sync.Map

// spelling returns the tokenizer rules of lang's embedded lexicon.
func spelling(lang string) segment.Rules {
	if r, ok := spellings.Load(lang); ok {
		return r.(segment.Rules)
	}
	lex, err := lexicon.Load(lang)
	if err != nil {
		panic(err)
	}
	spellings.Store(lang, lex.Traits().Spelling)
	return lex.Traits().Spelling
}
