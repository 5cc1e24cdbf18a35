package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/model"
	"github.com/kgraph/kg/extract/relate"
	"github.com/kgraph/kg/extract/segment"
)

func TestAnalyseSplitsContractions(t *testing.T) {
	m, err := model.Builtin("fr")
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Load("fr")
	if err != nil {
		t.Fatal(err)
	}
	text := "Il parle du projet au ministre."
	words := analyse(m, lex, segment.Tokenize(text, lex.Traits().Spelling))
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

// TestAnalyseParentheticals checks that the locutions between a French
// auxiliary and its participle are left out of the parse and that the
// other words keep their tokens.
func TestAnalyseParentheticals(t *testing.T) {
	m, err := model.Builtin("fr")
	if err != nil {
		t.Fatal(err)
	}
	lex, err := lexicon.Load("fr")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text  string
		forms []string
	}{
		{"Le Sénat a pour sa part rejeté le texte.", []string{"Le", "Sénat", "a", "rejeté", "le", "texte", "."}},
		{"Le Sénat a, de son côté, rejeté le texte.", []string{"Le", "Sénat", "a", "rejeté", "le", "texte", "."}},
		// A day name before "que" is set aside too.
		{"Renault indiquait mardi qu'il partait.", []string{"Renault", "indiquait", "qu'", "il", "partait", "."}},
		// Guillemets around a phrase inside a clause are set aside;
		// before a speech verb they stay.
		{"Il a dénoncé « une provocation » et menacé Paris.", []string{"Il", "a", "dénoncé", "une", "provocation", "et", "menacé", "Paris", "."}},
		{"« Nous partons » déclare Paul.", []string{"«", "Nous", "partons", "»", "déclare", "Paul", "."}},
		// Not after an auxiliary: the phrase is the sentence's own.
		{"Pour sa part, le Sénat rejette le texte.", []string{"Pour", "sa", "part", ",", "le", "Sénat", "rejette", "le", "texte", "."}},
	}
	for _, tt := range tests {
		toks := segment.Tokenize(tt.text, lex.Traits().Spelling)
		words := analyse(m, lex, toks)
		var forms []string
		for _, w := range words {
			forms = append(forms, w.Form)
			if toks[w.Token].Text != w.Form {
				t.Errorf("%q: word %q points at token %q", tt.text, w.Form, toks[w.Token].Text)
			}
		}
		if !reflect.DeepEqual(forms, tt.forms) {
			t.Errorf("%q: words %q, want %q", tt.text, forms, tt.forms)
		}
	}
}

func TestSemicolonParts(t *testing.T) {
	tests := []struct {
		words string
		want  [][2]int
	}{
		{"a b c d ; e f g h", [][2]int{{0, 5}, {5, 9}}},
		{"a b ; c d e f g", [][2]int{{0, 8}}}, // first clause too short
		{"a b c d e ; f g", [][2]int{{0, 8}}}, // last clause too short
		{"a b c d ; e f g h ; i j k l", [][2]int{{0, 5}, {5, 10}, {10, 14}}},
	}
	for _, tt := range tests {
		if got := semicolonParts(strings.Fields(tt.words)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("semicolonParts(%q) = %v, want %v", tt.words, got, tt.want)
		}
	}
}

func TestMendVerbLemmas(t *testing.T) {
	lex, err := lexicon.Load("en")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ form, lemma, want string }{
		{"competed", "compet", "compete"},
		{"carried", "carri", "carry"},
		{"planned", "plann", "plan"},
		{"resuming", "resum", "resume"},
		{"says", "say", "say"},     // a verb already
		{"xyzzed", "xyzz", "xyzz"}, // nothing better known
	}
	for _, tt := range tests {
		words := []relate.Word{{Form: tt.form, UPOS: "VERB", Lemma: tt.lemma}, {Form: tt.form, UPOS: "NOUN", Lemma: tt.lemma}}
		mendVerbLemmas(words, lex)
		if words[0].Lemma != tt.want {
			t.Errorf("%s/%s: lemma %q, want %q", tt.form, tt.lemma, words[0].Lemma, tt.want)
		}
		if words[1].Lemma != tt.lemma {
			t.Errorf("%s: a noun's lemma changed to %q", tt.form, words[1].Lemma)
		}
	}
	fr, err := lexicon.Load("fr")
	if err != nil {
		t.Fatal(err)
	}
	// French has no verb list: only the lexicon's inflected forms mend.
	for _, tt := range []struct{ form, lemma, want string }{
		{"sortira", "sortirer", "sortir"},
		{"regrettent", "regrettre", "regretter"},
		{"bidulons", "bidulonser", "bidulonser"}, // a verb the lexicon lacks
		{"suis", "suir", "suir"},                 // être or suivre: ambiguous
	} {
		words := []relate.Word{{Form: tt.form, UPOS: "VERB", Lemma: tt.lemma}}
		if mendVerbLemmas(words, fr); words[0].Lemma != tt.want {
			t.Errorf("%s/%s: lemma %q, want %q", tt.form, tt.lemma, words[0].Lemma, tt.want)
		}
	}
}

func TestSpeakerLabel(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"((WN)) Did you sign it?", 5},
		{"((Jane Doe)) We signed it.", 6},
		{"(AFP) We signed it.", 0},
		{"We signed it ((twice)).", 0},
	}
	for _, tt := range tests {
		if got := speakerLabel(segment.Tokenize(tt.text, spelling("en"))); got != tt.want {
			t.Errorf("speakerLabel(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestRaiseInvertedGovernors(t *testing.T) {
	// w builds a word: form, UPOS, lemma, 1-based head and relation.
	w := func(form, upos, lemma string, head int, rel string) relate.Word {
		return relate.Word{Form: form, UPOS: upos, Lemma: lemma, Head: head, Deprel: rel}
	}
	tests := []struct {
		name  string
		words []relate.Word
		want  [][2]any // head and relation of each word after mending
	}{
		{
			// "Si X affirmait ne plus exclure Y , Z a déclaré": affirmait
			// hung under exclure, exclure under déclaré.
			name: "inverted",
			words: []relate.Word{
				w("Si", "SCONJ", "si", 3, "mark"), w("X", "PROPN", "X", 3, "nsubj"), w("affirmait", "VERB", "affirmer", 6, "advcl"),
				w("ne", "ADV", "ne", 6, "advmod"), w("plus", "ADV", "plus", 6, "advmod"), w("exclure", "VERB", "exclure", 9, "advcl"),
				w("Y", "PROPN", "Y", 6, "obj"), w("Z", "PROPN", "Z", 9, "nsubj"), w("déclaré", "VERB", "déclarer", 0, "root"),
			},
			want: [][2]any{{3, "mark"}, {3, "nsubj"}, {9, "advcl"}, {6, "advmod"}, {6, "advmod"}, {3, "xcomp"}, {6, "obj"}, {9, "nsubj"}, {0, "root"}},
		},
		{
			// "affirmant partir": the verb before the infinitive has no
			// subject of its own; nothing moves.
			name: "no subject",
			words: []relate.Word{
				w("affirmant", "VERB", "affirmer", 2, "advcl"), w("partir", "VERB", "partir", 0, "root"),
			},
			want: [][2]any{{2, "advcl"}, {0, "root"}},
		},
		{
			// A finite verb after the clause ("X affirmait , Y part"):
			// written otherwise than its lemma, it is no infinitive.
			name: "finite",
			words: []relate.Word{
				w("X", "PROPN", "X", 2, "nsubj"), w("affirmait", "VERB", "affirmer", 3, "advcl"), w("part", "VERB", "partir", 0, "root"),
			},
			want: [][2]any{{2, "nsubj"}, {3, "advcl"}, {0, "root"}},
		},
	}
	for _, tt := range tests {
		raiseInvertedGovernors(tt.words)
		for i, x := range tt.words {
			if x.Head != tt.want[i][0] || x.Deprel != tt.want[i][1] {
				t.Errorf("%s: word %d %q: head %d %s, want %v %v", tt.name, i+1, x.Form, x.Head, x.Deprel, tt.want[i][0], tt.want[i][1])
			}
		}
	}
}

func TestUnhookFromTimeWords(t *testing.T) {
	fr, err := lexicon.Load("fr")
	if err != nil {
		t.Fatal(err)
	}
	w := func(form, upos string, head int, rel string) relate.Word {
		return relate.Word{Form: form, UPOS: upos, Lemma: strings.ToLower(form), Head: head, Deprel: rel}
	}
	// "La Turquie avait menacé la veille d'envahir la Syrie", envahir
	// parsed under veille; and "le plan de paix d'envahir", no time word.
	words := []relate.Word{
		w("Turquie", "PROPN", 2, "nsubj"), w("menacé", "VERB", 0, "root"), w("veille", "NOUN", 2, "obj"),
		w("d'", "ADP", 5, "mark"), w("envahir", "VERB", 3, "acl"), w("Syrie", "PROPN", 5, "obj"),
		w("plan", "NOUN", 2, "obl"), w("de", "ADP", 9, "mark"), w("envahir", "VERB", 7, "acl"),
	}
	unhookFromTimeWords(words, fr)
	if words[4].Head != 2 || words[4].Deprel != "xcomp" {
		t.Errorf("envahir under veille: head %d %s, want 2 xcomp", words[4].Head, words[4].Deprel)
	}
	if words[8].Head != 7 || words[8].Deprel != "acl" {
		t.Errorf("envahir under plan: head %d %s, want 7 acl (no time word)", words[8].Head, words[8].Deprel)
	}
}
