package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/entity"
	"github.com/kgraph/kg/extract/lexicon"
)

// The texts are written for the test.
func TestScan(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             map[string][2]int // folded first name → m, f
	}{
		{
			name: "en honorifics",
			lang: "en", text: "Mrs Zelda Quibble met Mr. Ozzy Quark and Ms Ida Fenn. Mr Quark left.",
			want: map[string][2]int{"zelda": {0, 1}, "ozzy": {1, 0}, "ida": {0, 1}},
		},
		{
			name: "fr honorifics",
			lang: "fr", text: "Mme Zelda Quibble a reçu M. Ozzy Quark.",
			want: map[string][2]int{"zelda": {0, 1}, "ozzy": {1, 0}},
		},
		{
			name: "the first pronoun after a full name opening the sentence",
			lang: "en", text: "Dorsa Farrow had decided and told the federation she would go. She left.",
			want: map[string][2]int{"dorsa": {0, 1}},
		},
		{
			name: "a pronoun in the next sentence",
			lang: "fr", text: "Ozzy Quark est arrivé mardi. Il a parlé.",
			want: map[string][2]int{"ozzy": {1, 0}},
		},
		{
			name: "someone else named before the pronoun",
			lang: "en", text: "Zelda Quibble met Ozzy Quark on Monday. He left.",
			want: map[string][2]int{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := evidence{names: map[string]*tally{}, lower: map[string]bool{}}
			lex, err := lexicon.Load(tt.lang)
			if err != nil {
				t.Fatal(err)
			}
			scan(tt.text, lex.Traits().Spelling, ev)
			got := map[string][2]int{}
			for k, v := range ev.names {
				got[k] = [2]int{v.m, v.f}
			}
			if len(got) != len(tt.want) {
				t.Errorf("evidence %v, want %v", got, tt.want)
			}
			for k, w := range tt.want {
				if got[k] != w {
					t.Errorf("evidence for %q: %v, want %v (all: %v)", k, got[k], w, got)
				}
			}
			if !ev.lower["met"] && !ev.lower["a"] && !ev.lower["had"] && !ev.lower["est"] {
				t.Errorf("no lower-case word recorded")
			}
		})
	}
}

func TestReport(t *testing.T) {
	ev := evidence{
		names: map[string]*tally{
			"hillary": {form: "Hillary", f: 3},
			"barack":  {form: "Barack", f: 2},
			"andrea":  {form: "Andrea", m: 1, f: 1},
			"zelda":   {form: "Zelda", f: 1, m: 0},
			"ozzy":    {form: "Ozzy", m: 1},
			"will":    {form: "Will", m: 2},
		},
		lower: map[string]bool{"ozzy": true},
	}
	table := entity.FirstNames{"hillary": entity.Feminine, "barack": entity.Masculine, "andrea": 0}
	var b bytes.Buffer
	report(&b, ev, table, 1)
	want := "agrees\tAndrea\tm=1 f=1\nCONFLICT\tBarack\tm=0 f=2\nagrees\tHillary\tm=0 f=3\nnew\tWill\tm=2 f=0\nnew\tZelda\tm=0 f=1\n"
	if got := b.String(); got != want {
		t.Errorf("report:\n%s\nwant:\n%s", got, want)
	}
	b.Reset()
	report(&b, ev, table, 2)
	if got := b.String(); strings.Contains(got, "Zelda") {
		t.Errorf("report with min 2 lists a name seen once:\n%s", got)
	}
}
