package relate

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/entity"
	"github.com/kgraph/kg/extract/gazetteer"
	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/segment"
)

// TestDebug prints the analysis of $KG_DEBUG_TEXT in $KG_DEBUG_LANG.
func TestDebug(t *testing.T) {
	text := os.Getenv("KG_DEBUG_TEXT")
	if text == "" {
		t.Skip("set KG_DEBUG_TEXT (and KG_DEBUG_LANG) to print an analysis")
	}
	lang := os.Getenv("KG_DEBUG_LANG")
	if lang == "" {
		lang = "fr"
	}
	gaz, _ := gazetteer.New()
	lex, err := lexicon.Load(lang)
	if err != nil {
		t.Fatal(err)
	}
	rec, _ := entity.NewRecognizer(lang, gaz, lex)
	tr, _ := entity.LoadTranslit()
	res := entity.NewResolver(tr)
	r := New(lang, lex, true)
	for si, s := range segment.Split(text, lang) {
		ms := rec.Sentence(text, s.Tokens, func(string) bool { return false })
		res.Prime(ms)
		var resolved []entity.Mention
		for _, m := range ms {
			if res.Resolve(&m, si) {
				resolved = append(resolved, m)
			}
		}
		var toks []string
		for _, tk := range s.Tokens {
			toks = append(toks, tk.Text)
		}
		fmt.Println(strings.Join(toks, "|"))
		for _, m := range resolved {
			fmt.Printf("  mention [%d,%d) %q %s → %s %s role=%q of=%q\n", m.Start, m.End, m.Text, m.Kind, m.Name, m.Type, m.Role, m.RoleOf)
		}
		sent := Sentence{Src: text, Tokens: s.Tokens, Mentions: resolved}
		st := &state{r: r, s: sent, low: make([]string, len(s.Tokens)), mention: make([]int, len(s.Tokens)), trigAt: make([]int, len(s.Tokens))}
		for i, tk := range s.Tokens {
			st.low[i] = strings.ToLower(tk.Text)
			st.mention[i] = -1
			st.trigAt[i] = -1
		}
		for k, m := range resolved {
			for i := m.Start; i < m.End; i++ {
				st.mention[i] = k
			}
		}
		st.findTriggers()
		for k := range st.trig {
			st.subject(k)
		}
		for k := range st.trig {
			st.governor(k)
		}
		for k := range st.trig {
			st.object(k)
		}
		for _, tg := range st.trig {
			fmt.Printf("  trigger %q lemma=%s pred=%q prep=%q class=%s nonfinite=%v passive=%v neg=%v mod=%s subj=%v from=%d obj=%v concept=%q\n",
				st.low[tg.head], tg.lemma, tg.pred.Predicate, tg.pred.Prep, tg.pred.Class, tg.nonFinite, tg.passive, tg.negated, tg.modality, tg.subj, tg.subjFrom, tg.objMention, tg.objConcept)
		}
		for _, x := range r.Relations(sent) {
			fmt.Printf("  => (%s, %s, %s) neg=%v %s %s\n", x.Subject, x.Predicate, x.Object, x.Negated, x.Modality, x.Attribution)
		}
	}
}
