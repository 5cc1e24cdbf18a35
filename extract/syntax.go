package extract

import (
	"strings"

	"github.com/kgraph/kg/extract/model"
	"github.com/kgraph/kg/extract/relate"
	"github.com/kgraph/kg/extract/segment"
)

// frenchContractions are the French tokens that UD splits into two
// syntactic words. "des" is left whole: it is also the plural indefinite
// article, one word, and only the tagger could tell them apart.
var frenchContractions = map[string][2]string{
	"au": {"à", "le"}, "aux": {"à", "les"}, "du": {"de", "le"},
	"auquel": {"à", "lequel"}, "auxquels": {"à", "lesquels"}, "auxquelles": {"à", "lesquelles"},
	"duquel": {"de", "lequel"}, "desquels": {"de", "lesquels"}, "desquelles": {"de", "lesquelles"},
}

// analyse runs the syntactic core on a sentence's tokens: multiword
// tokens are split as UD does (du = de le), and each word keeps the index
// of the token it came from.
func analyse(m *model.Model, lang string, toks []segment.Token) []relate.Word {
	words := make([]string, 0, len(toks)+4)
	from := make([]int, 0, len(toks)+4)
	for i, t := range toks {
		if lang == "fr" {
			if parts, ok := frenchContractions[strings.ToLower(t.Text)]; ok {
				words = append(words, parts[0], parts[1])
				from = append(from, i, i)
				continue
			}
		}
		words = append(words, t.Text)
		from = append(from, i)
	}
	a := m.Analyze(words)
	out := make([]relate.Word, len(words))
	for i := range words {
		out[i] = relate.Word{Token: from[i], Form: words[i], UPOS: a.UPOS[i], Lemma: a.Lemma[i], Head: a.Head[i], Deprel: a.Deprel[i]}
	}
	return out
}
