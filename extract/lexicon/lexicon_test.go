package lexicon

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/kgraph/kg/extract/segment"
	"github.com/kgraph/kg/graph"
)

func mustLoad(t *testing.T, lang string) *Lexicon {
	t.Helper()
	l, err := Load(lang)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLanguages(t *testing.T) {
	if got := Languages(); !slices.Equal(got, []string{"en", "fr"}) {
		t.Errorf("Languages() = %v, want [en fr]", got)
	}
	if _, err := Load("de"); err == nil {
		t.Error(`Load("de"): want an error`)
	}
}

// TestVerbChain follows a surface form to its predicate: form → lemma →
// row with the expected preposition.
func TestVerbChain(t *testing.T) {
	tests := []struct {
		lang, form, lemma, prep, pred string
		class                         Class
		reflexive                     bool
		particle                      string
		sym                           bool
	}{
		{"fr", "rencontré", "rencontrer", "", "meets", Action, false, "", true},
		{"fr", "Rencontrent", "rencontrer", "", "meets", Action, false, "", true},
		{"fr", "envisageaient", "envisager", "", "considers", Considered, false, "", false},
		{"fr", "envisagee", "envisager", "de", "considers", Considered, false, "", false}, // accents lost
		{"fr", "exclu", "exclure", "", "rules out", Action, false, "", false},
		{"fr", "rendu", "rendre", "à", "visits", Action, true, "", false},
		{"fr", "entretenus", "entretenir", "avec", "talks with", Action, true, "", true},
		{"fr", "appelle", "appeler", "à", "calls for", Action, false, "", false},
		{"fr", "refusé", "refuser", "de", "refuses", Neg, false, "", false},
		{"fr", "veut", "vouloir", "", "wants", Intended, false, "", false},
		{"fr", "élu", "élire", "", "elects", Action, false, "", false},
		{"fr", "condamnera", "condamner", "", "condemns", Action, false, "", false},
		{"fr", "évoqué", "évoquer", "", "mentions", Speech, false, "", false},
		{"fr", "pris", "prendre", "à", "attacks", Action, true, "en", false},
		{"fr", "œuvrent", "œuvrer", "à", "works to", Action, false, "", false},
		{"fr", "oeuvrent", "œuvrer", "à", "works to", Action, false, "", false},
		{"en", "met", "meet", "", "meets", Action, false, "", true},
		{"en", "imposed", "impose", "", "imposes", Action, false, "", false},
		{"en", "ruled", "rule", "", "rules out", Action, false, "out", false},
		{"en", "Calling", "call", "for", "calls for", Action, false, "", false},
		{"en", "sought", "seek", "to", "seeks to", Intended, false, "", false},
		{"en", "re-elected", "re-elect", "", "re-elects", Action, false, "", false},
		{"en", "withdrew", "withdraw", "from", "withdraws from", Action, false, "", false},
		{"en", "refused", "refuse", "to", "refuses", Neg, false, "", false},
		{"en", "criticised", "criticise", "", "criticizes", Action, false, "", false},
		{"en", "denied", "deny", "", "denies", Neg, false, "", false},
	}
	lex := map[string]*Lexicon{"fr": mustLoad(t, "fr"), "en": mustLoad(t, "en")}
	for _, tt := range tests {
		l := lex[tt.lang]
		lemmas := l.Lemma(tt.form)
		if !slices.Contains(lemmas, tt.lemma) {
			t.Errorf("%s Lemma(%q) = %v, want %q", tt.lang, tt.form, lemmas, tt.lemma)
			continue
		}
		var found bool
		for _, p := range l.Verbs(tt.lemma) {
			if p.Prep == tt.prep && p.Reflexive == tt.reflexive && p.Particle == tt.particle {
				found = true
				if p.Predicate != tt.pred || p.Class != tt.class || p.Symmetric != tt.sym {
					t.Errorf("%s Verbs(%q) prep %q = %q %s sym=%v, want %q %s sym=%v", tt.lang, tt.lemma, tt.prep, p.Predicate, p.Class, p.Symmetric, tt.pred, tt.class, tt.sym)
				}
			}
		}
		if !found {
			t.Errorf("%s Verbs(%q): no row with prep %q reflexive=%v particle %q", tt.lang, tt.lemma, tt.prep, tt.reflexive, tt.particle)
		}
	}
}

func TestVerbsEntry(t *testing.T) {
	fr := mustLoad(t, "fr")
	all := fr.Verbs("rendre")
	refl := fr.Verbs("se rendre")
	if len(refl) == 0 || len(refl) > len(all) {
		t.Fatalf(`Verbs("se rendre") = %v, Verbs("rendre") = %v`, refl, all)
	}
	for _, p := range refl {
		if !p.Reflexive || p.Entry != "se rendre" || p.Lemma != "rendre" {
			t.Errorf(`Verbs("se rendre") row %+v: want reflexive entry "se rendre" of lemma "rendre"`, p)
		}
	}
	en := mustLoad(t, "en")
	for _, p := range en.Verbs("rule out") {
		if p.Particle != "out" || p.Predicate != "rules out" {
			t.Errorf(`Verbs("rule out") row %+v`, p)
		}
	}
	if got := en.Verbs("rule out"); len(got) != 1 {
		t.Errorf(`Verbs("rule out") = %v, want one row`, got)
	}
}

func TestNounsAndLight(t *testing.T) {
	fr, en := mustLoad(t, "fr"), mustLoad(t, "en")
	nouns := []struct {
		l                *Lexicon
		form, prep, pred string
		sym              bool
	}{
		{fr, "rencontres", "avec", "meets", true},
		{fr, "visite", "à", "visits", false},
		{fr, "sanctions", "contre", "imposes sanctions on", false},
		{fr, "pourparlers", "avec", "negotiates with", true},
		{en, "meetings", "with", "meets", true},
		{en, "sanctions", "on", "imposes sanctions on", false},
		{en, "talks", "with", "talks with", true},
	}
	for _, tt := range nouns {
		lemma := tt.l.NounLemma(tt.form)
		var ok bool
		for _, p := range tt.l.Nouns(lemma) {
			if p.Prep == tt.prep {
				ok = p.Predicate == tt.pred && p.Symmetric == tt.sym
			}
		}
		if !ok {
			t.Errorf("%s Nouns(NounLemma(%q) = %q) prep %q: want %q sym=%v; rows %v", tt.l.Lang(), tt.form, lemma, tt.prep, tt.pred, tt.sym, tt.l.Nouns(lemma))
		}
	}
	light := []struct {
		l                      *Lexicon
		verb, noun, prep, pred string
	}{
		{fr, "imposer", "sanction", "contre", "imposes sanctions on"},
		{fr, "faire", "pression", "sur", "pressures"},
		{fr, "prendre", "part", "à", "takes part in"},
		{fr, "porter", "candidat", "à", "runs for"},
		{en, "impose", "sanction", "on", "imposes sanctions on"},
		{en, "put", "pressure", "on", "pressures"},
		{en, "take", "part", "in", "takes part in"},
		{en, "hold", "talk", "with", "talks with"},
	}
	for _, tt := range light {
		var ok bool
		for _, v := range tt.l.Light(tt.verb, tt.noun) {
			ok = ok || (v.Prep == tt.prep && v.Predicate == tt.pred)
		}
		if !ok {
			t.Errorf("%s Light(%q, %q): want prep %q → %q; got %v", tt.l.Lang(), tt.verb, tt.noun, tt.prep, tt.pred, tt.l.Light(tt.verb, tt.noun))
		}
	}
}

func TestConceptsAndTitles(t *testing.T) {
	fr, en := mustLoad(t, "fr"), mustLoad(t, "en")
	concepts := []struct {
		l            *Lexicon
		phrase, want string
	}{
		{fr, "sanctions", "sanctions"},
		{fr, "nouvelles sanctions économiques", "sanctions"},
		{fr, "de nouvelles sanctions", "sanctions"},
		{fr, "force militaire", "military force"},
		{fr, "l'usage de la force", "use of force"},
		{fr, "projets de résolution", "draft resolution"},
		{fr, "une quelconque décision militaire", "military decision"},
		{fr, "Etat d'urgence", "state of emergency"},
		{fr, "cessez-le-feu", "ceasefire"},
		{fr, "amendements", "amendments"},
		{en, "new economic sanctions", "sanctions"},
		{en, "the draft resolutions", "draft resolution"},
		{en, "face veils", "face veils"},
		{en, "crises", "crisis"},
	}
	for _, tt := range concepts {
		if got, ok := tt.l.Concept(tt.phrase); !ok || got != tt.want {
			t.Errorf("%s Concept(%q) = %q, %v; want %q", tt.l.Lang(), tt.phrase, got, ok, tt.want)
		}
	}
	if got, ok := fr.Concept("table basse"); ok {
		t.Errorf(`Concept("table basse") = %q, want none`, got)
	}
	titles := []struct {
		l            *Lexicon
		phrase, want string
	}{
		{fr, "ministre des Affaires étrangères", "foreign minister"},
		{fr, "chef de la diplomatie", "foreign minister"},
		{fr, "secrétaire d'Etat", "secretary of state"},
		{fr, "secrétaire d'État", "secretary of state"},
		{fr, "homologue", "counterpart"},
		{fr, "chancelière", "chancellor"},
		{fr, "ministres", "minister"},
		{en, "Foreign Minister", "foreign minister"},
		{en, "secretary-general", "secretary-general"},
		{en, "spokesmen", "spokesperson"},
	}
	for _, tt := range titles {
		if got, ok := tt.l.Title(tt.phrase); !ok || got != tt.want {
			t.Errorf("%s Title(%q) = %q, %v; want %q", tt.l.Lang(), tt.phrase, got, ok, tt.want)
		}
	}
	if n := fr.TitleMaxWords(); n < 5 {
		t.Errorf("TitleMaxWords() = %d, want at least 5 (ministre de l'économie et des finances)", n)
	}
}

func TestFunctionWords(t *testing.T) {
	fr, en := mustLoad(t, "fr"), mustLoad(t, "en")
	for _, w := range []string{"ne", "n'", "n’", "pas", "jamais", "aucune"} {
		if !fr.IsNegation(w) {
			t.Errorf("fr IsNegation(%q) = false", w)
		}
	}
	if fr.IsNegation("plus") || fr.NegationKind("plus") != "post" || fr.NegationKind("que") != "restrict" {
		t.Errorf(`fr "plus" negates only after ne, "que" restricts`)
	}
	for _, w := range []string{"not", "n't", "never", "didn't"} {
		if !en.IsNegation(w) {
			t.Errorf("en IsNegation(%q) = false", w)
		}
	}
	for _, w := range []string{"a", "est", "été", "avait", "sera", "pourrait"} {
		if !fr.IsAux(w) {
			t.Errorf("fr IsAux(%q) = false", w)
		}
	}
	for _, w := range []string{"has", "was", "been", "would", "did"} {
		if !en.IsAux(w) {
			t.Errorf("en IsAux(%q) = false", w)
		}
	}
	if fr.IsAux("rencontré") || en.IsAux("met") {
		t.Error("IsAux true for a main verb")
	}
	modal := []struct {
		l    *Lexicon
		word string
		want graph.Modality
	}{
		{fr, "pourrait", graph.Hypothetical},
		{fr, "peuvent", graph.Hypothetical},
		{fr, "imposerait", graph.Hypothetical}, // conditional mood
		{fr, "selon", graph.Reported},
		{fr, "aurait", graph.Reported},
		{fr, "doit", graph.Intended},
		{en, "could", graph.Hypothetical},
		{en, "according to", graph.Reported},
		{en, "reportedly", graph.Reported},
	}
	for _, tt := range modal {
		if got, ok := tt.l.Modality(tt.word); !ok || got != tt.want {
			t.Errorf("%s Modality(%q) = %q, %v; want %q", tt.l.Lang(), tt.word, got, ok, tt.want)
		}
	}
	if m, ok := fr.Modality("rencontre"); ok {
		t.Errorf(`Modality("rencontre") = %q, want none`, m)
	}
	for w, want := range map[string]string{"au": "à", "du": "de", "avec": "avec", "auprès de": "auprès de"} {
		if got, ok := fr.Prep(w); !ok || got != want {
			t.Errorf("fr Prep(%q) = %q, %v; want %q", w, got, ok, want)
		}
	}
	if !fr.IsForm("imposerait", "imposer", "cond") || fr.IsForm("impose", "imposer", "pp") {
		t.Error("IsForm tags wrong for imposer")
	}
	for form, want := range map[string]string{"travaux": "travail", "pourparlers": "pourparlers", "procès": "procès", "négociations": "négociation", "chevaux": "cheval"} {
		if got := fr.NounLemma(form); got != want {
			t.Errorf("fr NounLemma(%q) = %q, want %q", form, got, want)
		}
	}
	for form, want := range map[string]string{"crises": "crisis", "policies": "policy", "spokesmen": "spokesman", "bills": "bill", "boxes": "box"} {
		if got := en.NounLemma(form); got != want {
			t.Errorf("en NounLemma(%q) = %q, want %q", form, got, want)
		}
	}
}

func TestUserExtension(t *testing.T) {
	l, err := LoadDirs("fr", filepath.Join("testdata", "extra"))
	if err != nil {
		t.Fatal(err)
	}
	if got := l.Verbs("rencontrer"); len(got) == 0 || got[0].Predicate != "encounters" || got[0].Symmetric {
		t.Errorf(`user row should override rencontrer: got %v`, got)
	}
	if got := l.Verbs("exclure"); len(got) != 0 {
		t.Errorf(`user row "-" should remove exclure: got %v`, got)
	}
	// A user verb gets its forms conjugated at load time.
	if got := l.Lemma("marchandé"); !slices.Contains(got, "marchander") {
		t.Errorf(`Lemma("marchandé") = %v, want marchander`, got)
	}
	if got := l.Verbs("marchander"); len(got) != 1 || got[0].Predicate != "bargains with" || !got[0].Symmetric {
		t.Errorf(`Verbs("marchander") = %v`, got)
	}
	if c, _ := l.Concept("bouclier fiscal"); c != "tax shield" {
		t.Errorf(`Concept("bouclier fiscal") = %q`, c)
	}
	if c, _ := l.Concept("sanctions économiques"); c != "sanctions" {
		t.Errorf(`embedded rows the user does not override stay: Concept("sanctions économiques") = %q`, c)
	}
	if c, _ := l.Concept("sanction"); c != "penalties" {
		t.Errorf(`Concept("sanction") = %q, want the user's "penalties"`, c)
	}
	if r, _ := l.Title("haut fonctionnaire"); r != "senior official" {
		t.Errorf(`Title("haut fonctionnaire") = %q`, r)
	}
	base := mustLoad(t, "fr")
	if got := base.Verbs("rencontrer"); got[0].Predicate != "meets" {
		t.Errorf("extension leaked into a later Load: %v", got)
	}
	if l.Stats()["verbs"] != base.Stats()["verbs"] { // one added, one removed
		t.Errorf("Stats verbs = %d, want %d", l.Stats()["verbs"], base.Stats()["verbs"])
	}

	en, err := Load("en", fstest.MapFS{"en/verbs.tsv": {Data: []byte("stonewall\t-\tstonewalls\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if got := en.Lemma("stonewalled"); !slices.Contains(got, "stonewall") {
		t.Errorf(`Lemma("stonewalled") = %v`, got)
	}
}

func TestUserErrors(t *testing.T) {
	_, err := LoadDirs("fr", filepath.Join("testdata", "bad"))
	if err == nil {
		t.Fatal("malformed user row: want an error")
	}
	if want := filepath.Join("testdata", "bad", "fr", "verbs.tsv") + ":3:"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not name %s", err, want)
	}
	bad := map[string]string{
		"fr/verbs.tsv":     "rencontrer\t-\tmeets\tfriendly\t0\n",
		"fr/nouns.tsv":     "visite\tà\tvisits\taction\t2\n",
		"fr/light.tsv":     "faire\n",
		"fr/concepts.tsv":  "sanction\n",
		"fr/negation.tsv":  "pas\tmaybe\n",
		"fr/modal.tsv":     "selon\tdoubtful\tform\n",
		"fr/stop.tsv":      "le\tarticle\t-\n",
		"fr/forms.tsv":     "rencontrai\trencontrer\tadverb\tps\n",
		"fr/titles.tsv":    "\tpresident\n",
		"fr/grammar.tsv":   "que\tboundry\n",
		"fr/verbgloss.tsv": "atterrir\tlanded\t-\n",
	}
	for file, data := range bad {
		_, err := Load("fr", fstest.MapFS{file: {Data: []byte("# header\n" + data)}})
		if err == nil || !strings.Contains(err.Error(), file+":2:") {
			t.Errorf("%s with %q: error %v, want one naming %s:2", file, data, err, file)
		}
	}
	dup := "rencontrer\t-\tmeets\taction\t1\nrencontrer\t-\tencounters\taction\t1\n"
	if _, err := Load("fr", fstest.MapFS{"fr/verbs.tsv": {Data: []byte(dup)}}); err == nil || !strings.Contains(err.Error(), "conflicts with line 1") {
		t.Errorf("conflicting duplicate rows: error %v", err)
	}
}

func TestGlosses(t *testing.T) {
	fr := mustLoad(t, "fr")
	byRefl := map[bool]string{}
	for _, g := range fr.Glosses("situer") {
		byRefl[g.Reflexive] = g.Predicate + "/" + g.Passive
	}
	if byRefl[false] != "places/is located" || byRefl[true] != "is located/" {
		t.Errorf(`Glosses("situer") = %v, want the plain verb (places, is located) and se situer (is located)`, fr.Glosses("situer"))
	}
	if v, _ := fr.ClassValue(VerbPrep, "à"); v != "to|in" {
		t.Errorf(`verbprep of "à" = %q, want "to|in"`, v)
	}
	user, err := Load("fr", fstest.MapFS{"fr/verbgloss.tsv": {Data: []byte("amerrir\tsplashes down\t-\nsituer\t-\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if g := user.Glosses("amerrir"); len(g) != 1 || g[0].Predicate != "splashes down" || g[0].Passive != "" {
		t.Errorf(`user gloss: Glosses("amerrir") = %v`, g)
	}
	for _, g := range user.Glosses("situer") {
		if !g.Reflexive {
			t.Errorf(`user row "-" should remove situer's gloss: got %v`, g)
		}
	}
	if g := mustLoad(t, "en").Glosses("meet"); len(g) != 0 {
		t.Errorf("English needs no glosses: got %v", g)
	}
}

func TestWordClasses(t *testing.T) {
	fr, en := mustLoad(t, "fr"), mustLoad(t, "en")
	tests := []struct {
		l     *Lexicon
		class WordClass
		word  string
		want  bool
	}{
		{fr, Boundary, "lorsqu'", true},
		{en, Boundary, "because", true},
		{fr, Boundary, "because", false}, // each language its own words
		{fr, Reflexive, "s'", true},
		{en, Determiner, "the", true},
		{fr, Determiner, "the", false},
		{fr, Boundary, "\"", true},
		{fr, Actor, "manifestant", true},
		{en, Authority, "spokesperson", true},
		{en, PlainVerb, "be", true},
		{fr, PlainVerb, "être", false},
		{fr, Receiving, "recevoir", true},
	}
	for _, tt := range tests {
		if got := tt.l.Is(tt.class, tt.word); got != tt.want {
			t.Errorf("%s Is(%s, %q) = %v, want %v", tt.l.Lang(), tt.class, tt.word, got, tt.want)
		}
	}
	values := []struct {
		l          *Lexicon
		class      WordClass
		word, want string
	}{
		{fr, PrepForm, "au", "à"},
		{fr, CompoundPrep, "contre", "against"},
		{fr, CompoundPrep, "a", ""}, // depends on the target
		{en, CompoundPrep, "towards", "toward"},
		{fr, Relational, "capitale", "is capital of"},
		{en, Government, "administration", "administration"},
		{fr, Holding, "quitter", "was"},
		{en, Holding, "take up", "is"},
	}
	for _, tt := range values {
		if got, ok := tt.l.ClassValue(tt.class, tt.word); !ok || got != tt.want {
			t.Errorf("%s ClassValue(%s, %q) = %q, %v; want %q", tt.l.Lang(), tt.class, tt.word, got, ok, tt.want)
		}
	}
	bad := []struct{ file, row, want string }{
		{"fr/grammar.tsv", "que\tboundry\n", `class "boundry": not a class of grammar.tsv`},
		{"fr/grammar.tsv", "au\tprepform\n", "want prepform=value"},
		{"fr/grammar.tsv", "que\tboundary=1\n", "takes no value"},
		{"fr/grammar.tsv", "que\tboundary,boundary\n", "twice"},
		{"fr/nounclass.tsv", "manifestant\tboundary\n", `class "boundary": not a class of nounclass.tsv`},
		{"fr/verbclass.tsv", "quitter\tholding\n", "want holding=value"},
		{"fr/verbclass.tsv", "\tplain\n", "empty word"},
		{"fr/language.tsv", "complement-depth\tdeux\n", "want a number"},
		{"fr/language.tsv", "word-order\tsvo\n", `property "word-order"`},
		{"fr/language.tsv", "inflection\tklingon\n", "want one of english, french"},
		{"fr/language.tsv", "verb-entries\tyes\n", "want reflexive or phrasal"},
		{"fr/language.tsv", "infinitive-marker\tto be\n", "want one word"},
	}
	for _, tt := range bad {
		_, err := Load("fr", fstest.MapFS{tt.file: {Data: []byte("# header\n" + tt.row)}})
		if err == nil || !strings.Contains(err.Error(), tt.file+":2: ") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s row %q: error %v, want %s:2 and %q", tt.file, tt.row, err, tt.file, tt.want)
		}
	}
	traits := []struct {
		l    *Lexicon
		want Traits
	}{
		{fr, Traits{ContractWords: false, ComplementDepth: 2, TwoPartNegation: true, ReflexiveEntries: true,
			ModifierAfterNoun: true, SentenceCaseNames: true, CapitalisedCommonNouns: true, ContentInComplement: true,
			InfinitiveEndings: "er,ir,re", Participle: "ant", GerundMarker: "en", AdverbEnding: "ment",
			PastEndings: "ait,aient", CompoundPast: true, PerfectBe: true, Guillemets: true,
			Spelling: segment.Rules{Elided: "l,d,qu,jusqu,lorsqu,puisqu,quoiqu,s,n,j,m,t,c", Inversion: true, SpaceGroups: true,
				Abbreviations: "M,MM,Mme,Mmes,Mlle,Mlles,Me,Pr,Vve,Sts,av,apr,env,janv,févr,fév,avr,juil,déc,boul,bd,tél,Tél"}}},
		{en, Traits{ContractWords: true, ComplementDepth: 1, TwoPartNegation: false, BareClause: true,
			InfinitiveMarker: "to", Participle: "ing", AdverbEnding: "ly",
			Spelling: segment.Rules{Contractions: "s,re,ve,ll,d,m", Abbreviations: "Mr,Mrs,Ms,Mar,Cpl,Supt,Ave,Blvd"}}},
	}
	for _, tt := range traits {
		if got := tt.l.Traits(); got != tt.want {
			t.Errorf("%s Traits() = %+v, want %+v", tt.l.Lang(), got, tt.want)
		}
	}
	l, err := Load("fr", fstest.MapFS{"fr/grammar.tsv": {Data: []byte("que\t-\nhormis\tprep\n")}})
	if err != nil {
		t.Fatal(err)
	}
	if l.Is(Boundary, "que") || !l.Is(Preposition, "hormis") || !l.Is(Preposition, "dans") {
		t.Error(`a user row "-" removes a word, a new row extends, the others stay`)
	}
}

func TestUserDirErrors(t *testing.T) {
	file := filepath.Join(t.TempDir(), "verbs.tsv")
	os.WriteFile(file, nil, 0o644)
	tests := []struct {
		dir, want string
	}{
		{filepath.Join("testdata", "nonexistent"), "lexicon directory " + filepath.Join("testdata", "nonexistent") + " (extract.lexicons): file does not exist"},
		{file, "not a directory"},
		{filepath.Join("testdata", "extra", "fr"), "holds none of"},
	}
	for _, tt := range tests {
		if _, err := LoadDirs("fr", tt.dir); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("LoadDirs(%s) = %v, want an error with %q", tt.dir, err, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Rencontré", "rencontré"},
		{"  Meets ", "meets"},
		{"l’accord", "l'accord"},
		{"aujourd‘hui", "aujourd'hui"},
		{"l\u02bcaccord", "l'accord"},
		{"rules  out", "rules out"},
		{"rules\tout", "rules out"},
		{"rules\nout", "rules out"},
		{"mise\u00a0en place", "mise en place"},
		{"Élysée  Palace", "élysée palace"},
		{"a b", "a b"},
	} {
		if got := key(tt.in); got != tt.want {
			t.Errorf("key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// BenchmarkLoad measures loading a language's embedded lexicon, which
// every extraction pays once: time and the bytes allocated on the way.
func BenchmarkLoad(b *testing.B) {
	for _, lang := range Languages() {
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Load(lang); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
