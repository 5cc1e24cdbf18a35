package relate

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kg/extract/entity"
	"github.com/kgraph/kg/extract/gazetteer"
	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/segment"
	"github.com/kgraph/kg/graph"
)

// front builds the stages before relate once for all tests.
var front = sync.OnceValues(func() (map[string]*frontEnd, error) {
	gaz, err := gazetteer.New()
	if err != nil {
		return nil, err
	}
	tr, err := entity.LoadTranslit()
	if err != nil {
		return nil, err
	}
	out := map[string]*frontEnd{}
	for _, lang := range []string{"fr", "en"} {
		lex, err := lexicon.Load(lang)
		if err != nil {
			return nil, err
		}
		rec, err := entity.NewRecognizer(lang, gaz, lex)
		if err != nil {
			return nil, err
		}
		out[lang] = &frontEnd{rec: rec, tr: tr, rel: New(lang, lex, true)}
	}
	return out, nil
})

type frontEnd struct {
	rec *entity.Recognizer
	tr  entity.Translit
	rel *Relater
}

// relations runs text (one or more sentences of one document) through
// segmentation, recognition, resolution and relate.
func relations(t *testing.T, lang, text string) []graph.Triple {
	t.Helper()
	fe, err := front()
	if err != nil {
		t.Fatal(err)
	}
	f := fe[lang]
	sents := segment.Split(text, f.rel.traits.Spelling)
	mentions := make([][]entity.Mention, len(sents))
	res := entity.NewResolver(f.tr)
	for i, s := range sents {
		mentions[i] = f.rec.Sentence(text, s.Tokens, func(string) bool { return false })
		res.Prime(mentions[i])
	}
	var out []graph.Triple
	for i, s := range sents {
		var resolved []entity.Mention
		for _, m := range mentions[i] {
			if res.Resolve(&m, i) {
				resolved = append(resolved, m)
			}
		}
		out = append(out, f.rel.Relations(Sentence{Src: text, Tokens: s.Tokens, Mentions: resolved})...)
	}
	return out
}

func show(t graph.Triple) string {
	s := fmt.Sprintf("(%s, %s, %s)", t.Subject, t.Predicate, t.Object)
	if t.Negated {
		s += " negated"
	}
	if t.Modality != graph.Asserted {
		s += " " + string(t.Modality)
	}
	if t.Attribution != "" {
		s += " by " + t.Attribution
	}
	return s
}

// TestRelations checks the position rules on sentences written for the
// purpose: each wants some triples (written as show writes them) and
// rules out others.
func TestRelations(t *testing.T) {
	tests := []struct {
		lang, text string
		want, not  []string
	}{
		// Subject, verb, object.
		{"fr", "Vladimir Poutine a rencontré Angela Merkel à Berlin.",
			[]string{"(Vladimir Putin, meets, Angela Merkel)"}, []string{"(Vladimir Putin, meets, Berlin)"}},
		{"en", "Angela Merkel met Emmanuel Macron in Paris on Monday.",
			[]string{"(Angela Merkel, meets, Emmanuel Macron)"}, nil},
		// Coordinated subjects and objects.
		{"fr", "La France et l'Allemagne soutiennent l'Ukraine.",
			[]string{"(France, supports, Ukraine)", "(Germany, supports, Ukraine)"}, nil},
		{"en", "Canada condemned Russia and Belarus.",
			[]string{"(Canada, condemns, Russia)", "(Canada, condemns, Belarus)"}, nil},
		// Commas alone make an apposition, not a list.
		{"fr", "Le maire de Paris, Anne Hidalgo, a critiqué le gouvernement allemand.",
			[]string{"(Anne Hidalgo, criticizes, Germany)"}, []string{"(Paris, criticizes, Germany)"}},
		// Negation.
		{"fr", "La Chine n'a pas condamné la Russie.",
			[]string{"(China, condemns, Russia) negated"}, nil},
		{"en", "Japan did not sanction Iran.",
			[]string{"(Japan, sanctions, Iran) negated"}, nil},
		{"fr", "Les Etats-Unis n'excluent plus une intervention militaire.",
			[]string{"(United States, rules out, military intervention) negated"}, nil},
		// A preposition the lexicon expects, and one it does not.
		{"fr", "L'Union européenne appelle au dialogue.",
			[]string{"(European Union, calls for, dialogue)"}, nil},
		{"en", "Amnesty International called for the release of the journalists.",
			[]string{"(Amnesty International, calls for, release)"}, nil},
		{"fr", "Jean Dupont a déclaré à l'AFP que la Belgique soutient le projet.",
			[]string{"(Belgium, supports, project) reported by Jean Dupont"}, []string{"(Jean Dupont, declares, Agence France-Presse)"}},
		// Light verbs and modality of an infinitive under a modal verb.
		{"fr", "L'Allemagne envisage d'imposer des sanctions contre l'Iran.",
			[]string{"(Germany, imposes sanctions on, Iran) considered", "(Germany, considers, sanctions)"}, nil},
		{"en", "Britain plans to impose sanctions on Syria.",
			[]string{"(United Kingdom, imposes sanctions on, Syria) intended"}, nil},
		// Reported speech keeps the speaker.
		{"en", "Boris Johnson said that France supports the agreement.",
			[]string{"(France, supports, agreement) reported by Boris Johnson"}, nil},
		// Passives: the agent is the subject.
		{"en", "Navalny was arrested by the Russian police.",
			nil, []string{"(Navalny, arrests, Russia)"}},
		{"fr", "Le traité a été signé par la Russie.",
			nil, []string{"(treaty, signs, Russia)"}},
		// An infinitive shares its governor's subject.
		{"fr", "Emmanuel Macron s'est rendu à Kiev pour soutenir l'Ukraine.",
			[]string{"(Emmanuel Macron, visits, Kyiv)", "(Emmanuel Macron, supports, Ukraine)"}, []string{"(Kyiv, supports, Ukraine)"}},
		// A relative pronoun stands for the name before it.
		{"en", "Pope Francis met Joe Biden, who criticized China.",
			[]string{"(Joe Biden, criticizes, China)"}, nil},
		// Event nouns.
		{"fr", "Lors de leur rencontre, Vladimir Poutine et Recep Tayyip Erdogan ont parlé de la Syrie.",
			[]string{"(Vladimir Putin, meets, Recep Tayyip Erdogan)"}, nil},
		{"fr", "La visite de Xi Jinping à Moscou a duré trois jours.",
			[]string{"(Xi Jinping, visits, Moscow)"}, nil},
		{"en", "The talks between Israel and Egypt resumed.",
			[]string{"(Israel, talks with, Egypt)"}, nil},
		// A capital acting as a state, but not as a place visited.
		{"fr", "Moscou accuse Washington.",
			[]string{"(Russia, accuses, Washington)"}, nil},
		// After a determiner or a preposition a verb form is a noun.
		{"fr", "Lors d'une conférence de presse, la Pologne a critiqué la Hongrie.",
			[]string{"(Poland, criticizes, Hungary)"}, []string{"(Poland, urges, Hungary)"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := map[string]bool{}
			var all []string
			for _, tr := range relations(t, tt.lang, tt.text) {
				got[show(tr)] = true
				all = append(all, show(tr))
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("missing %s; got %s", w, strings.Join(all, "; "))
				}
			}
			for _, n := range tt.not {
				for g := range got {
					if strings.HasPrefix(g, strings.TrimSuffix(n, ")")) {
						t.Errorf("unwanted %s; got %s", g, strings.Join(all, "; "))
					}
				}
			}
		})
	}
}
