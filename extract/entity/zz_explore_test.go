package entity

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/gazetteer"
	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/segment"
)

func TestZZExplore(t *testing.T) {
	f := os.Getenv("EXPLORE")
	if f == "" {
		t.Skip()
	}
	lang := os.Getenv("EXPLORE_LANG")
	b, _ := os.ReadFile(f)
	gaz, _ := gazetteer.New()
	lex, _ := lexicon.Load(lang)
	rec, _ := NewRecognizer(lang, gaz, lex)
	tr, _ := LoadTranslit()
	for _, text := range strings.Split(strings.TrimSpace(string(b)), "\n===\n") {
		res := NewResolver(tr)
		sents := segment.Split(text, lang)
		var all [][]Mention
		for _, s := range sents {
			ms := rec.Sentence(text, s.Tokens, func(w string) bool { return os.Getenv("CAP") != "" })
			all = append(all, ms)
			res.Prime(ms)
		}
		for i, s := range sents {
			fmt.Println("S:", s.Text)
			for _, m := range all[i] {
				fmt.Printf("  %q %s name=%q type=%s role=%q of=%q country=%q cap=%q known=%v plural=%v [%d,%d)", m.Text, m.Kind, m.Name, m.Type, m.Role, m.RoleOf, m.Country, m.Capital, m.Known, m.Plural, m.Start, m.End)
				ok := res.Resolve(&m, i)
				fmt.Printf("  => %v %q %s\n", ok, m.Name, m.Type)
			}
		}
		fmt.Printf("ENT %+v\nROLES %+v\n---\n", res.Entities(), res.Roles())
	}
}
