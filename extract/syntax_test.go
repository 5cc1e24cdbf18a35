package extract

import (
	"reflect"
	"testing"

	"github.com/kgraph/kg/extract/model"
	"github.com/kgraph/kg/extract/segment"
)

func TestAnalyseSplitsContractions(t *testing.T) {
	m, err := model.Builtin("fr")
	if err != nil {
		t.Fatal(err)
	}
	text := "Il parle du projet au ministre."
	words := analyse(m, "fr", segment.Tokenize(text, "fr"))
	var forms []string
	var tokens []int
	for _, w := range words {
		forms = append(forms, w.Form)
		tokens = append(tokens, w.Token)
	}
	wantForms := []string{"Il", "parle", "de", "le", "projet", "à", "le", "ministre", "."}
	wantTokens := []int{0, 1, 2, 2, 3, 4, 4, 5, 6}
	if !reflect.DeepEqual(forms, wantForms) || !reflect.DeepEqual(tokens, wantTokens) {
		t.Errorf("words %q tokens %v, want %q %v", forms, tokens, wantForms, wantTokens)
	}
	if words[1].UPOS != "VERB" || words[1].Lemma != "parler" || words[1].Head != 0 {
		t.Errorf("parle = %+v, want the root verb parler", words[1])
	}
}
