package inflect

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// goldenVerbs cover every irregular model and each spelling change of the
// first group.
var goldenVerbs = []string{
	"rencontrer", "commencer", "protéger", "lever", "céder", "célébrer", "appeler", "jeter", "acheter",
	"démanteler", "employer", "payer", "appuyer", "créer", "étudier", "finir", "répartir",
	"être", "avoir", "aller", "envoyer", "faire", "dire", "interdire", "élire", "décrire", "sourire",
	"conduire", "nuire", "craindre", "atteindre", "rejoindre", "rendre", "comprendre", "résoudre",
	"dissoudre", "rompre", "soumettre", "combattre", "reconnaître", "paraître", "poursuivre", "vivre",
	"exclure", "inclure", "convaincre", "croire", "plaire", "taire", "extraire", "intervenir", "obtenir",
	"partir", "ressortir", "sentir", "démentir", "servir", "découvrir", "offrir", "secourir", "mourir",
	"conquérir", "accueillir", "assaillir", "fuir", "voir", "prévoir", "recevoir", "devoir", "pouvoir",
	"vouloir", "savoir", "valoir", "promouvoir",
}

func TestFrenchGolden(t *testing.T) {
	var b strings.Builder
	for _, v := range goldenVerbs {
		fs, err := French(v)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s\n", v)
		var tags []string
		byTag := map[string][]string{}
		for _, f := range fs {
			if _, ok := byTag[f.Tag]; !ok {
				tags = append(tags, f.Tag)
			}
			byTag[f.Tag] = append(byTag[f.Tag], f.Word)
		}
		for _, tag := range tags {
			fmt.Fprintf(&b, "\t%s: %s\n", tag, strings.Join(byTag[tag], " "))
		}
	}
	golden := filepath.Join("testdata", "french.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("French conjugations differ from %s; review the diff and run go test -update:\n%s", golden, firstDiff(got, string(want)))
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got %s\nwant %s", i+1, g[i], w[i])
		}
	}
	return fmt.Sprintf("got %d lines, want %d", len(g), len(w))
}

func TestFrench(t *testing.T) {
	tests := []struct {
		verb, tag string
		want      []string
	}{
		{"rencontrer", PP, []string{"rencontré", "rencontrée", "rencontrés", "rencontrées"}},
		{"envisager", Imperf, []string{"envisageais", "envisageais", "envisageait", "envisagions", "envisagiez", "envisageaient"}},
		{"exclure", PP, []string{"exclu", "exclue", "exclus", "exclues"}},
		{"inclure", PP, []string{"inclus", "incluse", "incluses"}},
		{"devoir", PP, []string{"dû", "due", "dus", "dues"}},
		{"être", PP, []string{"été"}},
		{"élire", PS, []string{"élus", "élus", "élut", "élûmes", "élûtes", "élurent"}},
		{"considérer", Pres, []string{"considère", "considères", "considère", "considérons", "considérez", "considèrent"}},
		{"considérer", Fut, []string{"considérerai", "considéreras", "considérera", "considérerons", "considérerez", "considéreront", "considèrerai", "considèreras", "considèrera", "considèrerons", "considèrerez", "considèreront"}},
		{"annexer", Pres, []string{"annexe", "annexes", "annexe", "annexons", "annexez", "annexent"}},
		{"installer", Pres, []string{"installe", "installes", "installe", "installons", "installez", "installent"}},
		{"soutenir", Cond, []string{"soutiendrais", "soutiendrais", "soutiendrait", "soutiendrions", "soutiendriez", "soutiendraient"}},
		{"renvoyer", Fut, []string{"renverrai", "renverras", "renverra", "renverrons", "renverrez", "renverront"}},
		{"répartir", Pres, []string{"répartis", "répartis", "répartit", "répartissons", "répartissez", "répartissent"}},
	}
	for _, tt := range tests {
		fs, err := French(tt.verb)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fs {
			if f.Tag == tt.tag {
				got = append(got, f.Word)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("French(%q) %s = %v, want %v", tt.verb, tt.tag, got, tt.want)
		}
	}
	for _, bad := range []string{"se rendre", "xyz", ""} {
		if _, err := French(bad); err == nil {
			t.Errorf("French(%q): want an error", bad)
		}
	}
}

func TestEnglish(t *testing.T) {
	tests := []struct {
		verb string
		want []string // base, 3s, ed, ing
	}{
		{"meet", []string{"meet", "meets", "meeted", "meeting"}}, // irregulars come from verb.exc
		{"impose", []string{"impose", "imposes", "imposed", "imposing"}},
		{"ban", []string{"ban", "bans", "banned", "banning"}},
		{"visit", []string{"visit", "visits", "visited", "visiting"}},
		{"commit", []string{"commit", "commits", "committed", "committing"}},
		{"rally", []string{"rally", "rallies", "rallied", "rallying"}},
		{"veto", []string{"veto", "vetoes", "vetoed", "vetoing"}},
		{"push", []string{"push", "pushes", "pushed", "pushing"}},
		{"agree", []string{"agree", "agrees", "agreed", "agreeing"}},
		{"die", []string{"die", "dies", "died", "dying"}},
		{"obey", []string{"obey", "obeys", "obeyed", "obeying"}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range English(tt.verb) {
			got = append(got, f.Word)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("English(%q) = %v, want %v", tt.verb, got, tt.want)
		}
	}
}

func TestPlurals(t *testing.T) {
	fr := map[string]string{"sanction": "sanctions", "journal": "journaux", "travail": "travaux", "procès": "procès",
		"prix": "prix", "enjeu": "enjeux", "bureau": "bureaux", "festival": "festivals", "international": "internationaux"}
	for sg, pl := range fr {
		if got := FrenchPlural(sg); !slices.Contains(got, pl) {
			t.Errorf("FrenchPlural(%q) = %v, want %q", sg, got, pl)
		}
	}
	en := map[string]string{"sanction": "sanctions", "policy": "policies", "tax": "taxes", "spokesman": "spokesmen", "human": "humans", "day": "days"}
	for sg, pl := range en {
		if got := EnglishPlural(sg); got != pl {
			t.Errorf("EnglishPlural(%q) = %q, want %q", sg, got, pl)
		}
	}
}
