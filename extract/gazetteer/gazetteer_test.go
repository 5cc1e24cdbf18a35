package gazetteer

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"unicode"

	"github.com/kgraph/kg/graph"
)

// newTest builds the embedded gazetteer once per test binary.
var newTest = sync.OnceValues(New)

func gaz(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := newTest()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestLookup(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		phrase  string
		name    string // "" = no match
		kind    Kind
		country string
		acronym bool
	}{
		{"allemandes", "Germany", Demonym, "Germany", false},
		{"Etats-Unis", "United States", Country, "", false},
		{"États-Unis", "United States", Country, "", false},
		{"les Etats-Unis", "United States", Country, "", false},
		{"aux Etats-Unis", "", 0, "", false}, // prepositions are the recogniser's
		{"US", "United States", Country, "", true},
		{"U.S.", "United States", Country, "", true},
		{"us", "", 0, "", false},
		{"Us", "", 0, "", false},
		{"America", "United States", Country, "", false},
		{"the States", "United States", Country, "", false},
		{"States", "", 0, "", false},
		{"Britain", "United Kingdom", Country, "", false},
		{"Royaume-Uni", "United Kingdom", Country, "", false},
		{"Russian Federation", "Russia", Country, "", false},
		{"Russie", "Russia", Country, "", false},
		{"la Russie", "Russia", Country, "", false},
		{"RUSSIE", "Russia", Country, "", false},
		{"la France", "France", Country, "", false},
		{"l'Allemagne", "Germany", Country, "", false},
		{"l’Allemagne", "Germany", Country, "", false},
		{"Syrian Arab Republic", "Syria", Country, "", false},
		{"Corée du Nord", "North Korea", Country, "", false},
		{"Czechia", "Czech Republic", Country, "", false},
		{"Türkiye", "Turkey", Country, "", false},
		{"Turkey", "Turkey", Country, "", false},
		{"turkey", "", 0, "", false},
		{"Cisjordanie", "West Bank", Region, "Palestine", false},
		{"Kosovo", "Kosovo", Country, "", false},
		{"URSS", "Soviet Union", Country, "", true},
		{"la Réunion", "Réunion Island", Country, "", false},
		{"Réunion", "", 0, "", false},
		{"New Jersey", "New Jersey", Region, "United States", false},
		{"the Amazon", "Amazon rainforest", Place, "", false},
		{"Amazon", "Amazon", Org, "", false},
		{"le cap", "", 0, "", false},
		{"Hollande", "", 0, "", false},
		{"the states", "", 0, "", false},
		{"total", "", 0, "", false},
		{"paris", "", 0, "", false}, // bets
		{"l'équateur", "", 0, "", false},
		{"l'Équateur", "Ecuador", Country, "", false},
		{"argentine", "Argentina", Demonym, "Argentina", false},
		{"Argentine", "Argentina", Country, "", false},
		{"modem", "", 0, "", false},
		{"MoDem", "MoDem", Org, "", true},
		{"la réunion", "", 0, "", false},
		{"Moscou", "Moscow", Capital, "Russia", false},
		{"Pékin", "Beijing", Capital, "China", false},
		{"Kiev", "Kyiv", Capital, "Ukraine", false},
		{"Londres", "London", Capital, "United Kingdom", false},
		{"Le Caire", "Cairo", Capital, "Egypt", false},
		{"La Haye", "The Hague", City, "Netherlands", false},
		{"The Hague", "The Hague", City, "Netherlands", false},
		{"Hague", "", 0, "", false}, // William Hague
		{"Alep", "Aleppo", City, "Syria", false},
		{"Saint-Pétersbourg", "Saint Petersburg", City, "Russia", false},
		{"Genève", "Geneva", City, "Switzerland", false},
		{"Crimée", "Crimea", Region, "Ukraine", false},
		{"Moyen-Orient", "Middle East", Place, "", false},
		{"Méditerranée", "Mediterranean", Place, "", false},
		{"ONU", "United Nations", Org, "", true},
		{"l'ONU", "United Nations", Org, "", true},
		{"Nations unies", "United Nations", Org, "", false},
		{"the United Nations", "United Nations", Org, "", false},
		{"Conseil de sécurité de l'ONU", "United Nations Security Council", Org, "", false},
		{"conseil de sécurité", "United Nations Security Council", Org, "", false},
		{"OTAN", "NATO", Org, "", true},
		{"Otan", "NATO", Org, "", false},
		{"UE", "European Union", Org, "", true},
		{"Union européenne", "European Union", Org, "", false},
		{"CPI", "International Criminal Court", Org, "", true},
		{"Daech", "Islamic State", Org, "", false},
		{"Fed", "Federal Reserve", Org, "", true},
		{"the Fed", "Federal Reserve", Org, "", true},
		{"fed", "", 0, "", false},
		{"Kremlin", "Kremlin", Org, "Russia", false},
		{"le Kremlin", "Kremlin", Org, "Russia", false},
		{"Maison Blanche", "White House", Org, "United States", false},
		{"Quai d'Orsay", "Quai d'Orsay", Org, "France", false},
		{"Le Monde", "Le Monde", Org, "", false},
		{"le Monde", "Le Monde", Org, "", false},
		{"le monde", "", 0, "", false},
		{"Monde", "", 0, "", false},
		{"German", "Germany", Demonym, "Germany", false},
		{"Polish", "Poland", Demonym, "Poland", false},
		{"polish", "", 0, "", false},
		{"les Allemands", "Germany", Demonym, "Germany", false},
		// One party, however the article names it.
		{"United States Democratic Party", "Democratic Party", Org, "", false},
		{"Parti démocrate américain", "Democratic Party", Org, "", false},
		{"U.S. Republican Party", "Republican Party", Org, "", false},
		{"British Conservative Party", "Conservative Party", Org, "", false},
		// Legislatures, lest their names pass for persons'.
		{"Sejm", "Sejm", Org, "", false},
		{"la Rada", "Verkhovna Rada", Org, "", false},
		{"", "", 0, "", false},
		{"the", "", 0, "", false},
	}
	for _, tt := range tests {
		e, ok := g.Lookup(tt.phrase)
		if tt.name == "" {
			if ok {
				t.Errorf("Lookup(%q) = %+v, want no match", tt.phrase, e)
			}
			continue
		}
		want := Entry{Name: tt.name, Kind: tt.kind, Country: tt.country, Acronym: tt.acronym}
		want.Type = graph.GPE
		switch tt.kind {
		case Place:
			want.Type = graph.Loc
		case Org:
			want.Type = graph.Org
		}
		if !ok || e != want {
			t.Errorf("Lookup(%q) = %+v, %v; want %+v", tt.phrase, e, ok, want)
		}
	}
}

func TestDemonym(t *testing.T) {
	g := gaz(t)
	tests := []struct{ word, country string }{
		{"allemand", "Germany"}, {"allemande", "Germany"}, {"allemands", "Germany"}, {"allemandes", "Germany"},
		{"Allemands", "Germany"}, {"German", "Germany"}, {"Germans", "Germany"},
		{"américain", "United States"}, {"américaine", "United States"}, {"américains", "United States"}, {"américaines", "United States"},
		{"American", "United States"},
		{"russe", "Russia"}, {"russes", "Russia"}, {"Russian", "Russia"},
		{"britannique", "United Kingdom"}, {"British", "United Kingdom"},
		{"chinois", "China"}, {"chinoise", "China"}, {"chinoises", "China"},
		{"syrien", "Syria"}, {"syrienne", "Syria"}, {"syriens", "Syria"}, {"syriennes", "Syria"},
		{"français", "France"}, {"française", "France"}, {"françaises", "France"}, {"Frenchman", "France"},
		{"turc", "Turkey"}, {"turque", "Turkey"}, {"turcs", "Turkey"}, {"turques", "Turkey"},
		{"grecque", "Greece"}, {"ouzbèkes", "Uzbekistan"},
		{"israélienne", "Israel"}, {"ukrainiennes", "Ukraine"}, {"iraniens", "Iran"},
		{"nord-coréen", "North Korea"}, {"sud-africaine", "South Africa"}, {"émiraties", "United Arab Emirates"},
		{"Saudi", "Saudi Arabia"}, {"Emirati", "United Arab Emirates"},
		{"polish", ""}, {"german", ""}, {"french", ""}, {"coréen", ""}, {"Korean", ""}, {"table", ""}, {"", ""},
	}
	for _, tt := range tests {
		got, ok := g.Demonym(tt.word)
		if got != tt.country || ok != (tt.country != "") {
			t.Errorf("Demonym(%q) = %q, %v; want %q", tt.word, got, ok, tt.country)
		}
	}
}

func TestFrInflect(t *testing.T) {
	tests := []struct {
		m, fem string
		want   [4]string
	}{
		{"allemand", "", [4]string{"allemand", "allemande", "allemands", "allemandes"}},
		{"syrien", "", [4]string{"syrien", "syrienne", "syriens", "syriennes"}},
		{"coréen", "", [4]string{"coréen", "coréenne", "coréens", "coréennes"}},
		{"russe", "", [4]string{"russe", "russe", "russes", "russes"}},
		{"chinois", "", [4]string{"chinois", "chinoise", "chinois", "chinoises"}},
		{"kirghiz", "", [4]string{"kirghiz", "kirghize", "kirghiz", "kirghizes"}},
		{"turc", "", [4]string{"turc", "turque", "turcs", "turques"}},
		{"grec", "", [4]string{"grec", "grecque", "grecs", "grecques"}},
		{"émirati", "", [4]string{"émirati", "émiratie", "émiratis", "émiraties"}},
		{"letton", "lettonne", [4]string{"letton", "lettonne", "lettons", "lettonnes"}},
	}
	for _, tt := range tests {
		if got := frInflect(tt.m, tt.fem); got != tt.want {
			t.Errorf("frInflect(%q, %q) = %q, want %q", tt.m, tt.fem, got, tt.want)
		}
	}
}

// TestAliasesRoundTrip checks that every surface form finds its own entry:
// no alias is shadowed by another entry, a case rule or an article.
func TestAliasesRoundTrip(t *testing.T) {
	g := gaz(t)
	for _, e := range g.Entries() {
		forms := g.Aliases(e.Name)
		if !slices.Contains(forms, e.Name) {
			t.Errorf("Aliases(%q) = %q lacks the name itself", e.Name, forms)
		}
		for _, f := range forms {
			got, ok := g.Lookup(f)
			if !ok || got.Name != e.Name {
				t.Errorf("Lookup(%q) = %+v, %v; want %q, its alias", f, got, ok, e.Name)
			}
		}
	}
	if g.Aliases("Atlantis") != nil {
		t.Error("Aliases of an unknown name is not nil")
	}
}

// TestDemonymsAgree checks that a demonym that Lookup resolves as a name
// (the English "Vatican") names the demonym's own country or a place in it.
func TestDemonymsAgree(t *testing.T) {
	g := gaz(t)
	for form, n := range g.demonyms {
		e, ok := g.Lookup(form)
		if !ok {
			if n.fr {
				t.Errorf("Lookup(%q) found nothing, want %s", form, n.country)
			}
			continue
		}
		if e.Name != n.country && e.Country != n.country {
			t.Errorf("demonym %q of %s is also an alias of %+v", form, n.country, e)
		}
	}
}

func TestEntries(t *testing.T) {
	g := gaz(t)
	es := g.Entries()
	if !slices.IsSortedFunc(es, func(a, b Entry) int { return strings.Compare(a.Name, b.Name) }) {
		t.Error("Entries not sorted by name")
	}
	count := make(map[Kind]int)
	capitals := make(map[string]bool)
	for _, e := range es {
		count[e.Kind]++
		if e.Kind == Capital {
			if capitals[e.Country] {
				t.Errorf("%s has two capitals", e.Country)
			}
			capitals[e.Country] = true
		}
		switch {
		case e.Kind == Org && e.Type != graph.Org,
			e.Kind == Place && e.Type != graph.Loc,
			e.Kind != Org && e.Kind != Place && e.Type != graph.GPE:
			t.Errorf("%s: kind %v with type %s", e.Name, e.Kind, e.Type)
		case e.Kind == Capital && e.Country == "":
			t.Errorf("capital %s has no country", e.Name)
		}
	}
	for k, least := range map[Kind]int{Country: 249, Capital: 190, City: 100, Region: 40, Place: 30, Org: 200} {
		if count[k] < least {
			t.Errorf("%d entries of kind %v, want at least %d", count[k], k, least)
		}
	}
	// Every country with a capital (the sovereign states) has demonyms in
	// both languages.
	en := make(map[string]bool)
	fr := make(map[string]bool)
	for _, n := range g.demonyms {
		en[n.country] = en[n.country] || n.en
		fr[n.country] = fr[n.country] || n.fr
	}
	for c := range capitals {
		ambiguous := c == "Republic of the Congo" || c == "Democratic Republic of the Congo" // Congolese, congolais
		if !ambiguous && (!en[c] || !fr[c]) {
			t.Errorf("%s has a capital but no English or French demonym", c)
		}
	}
	if w := g.MaxWords(); w < 5 || w > 20 {
		t.Errorf("MaxWords() = %d, want between 5 and 20", w)
	}
	t.Logf("entries by kind: %v; demonym forms: %d; max words: %d", count, len(g.demonyms), g.MaxWords())
}

// TestDataFormat checks what New cannot: the header line documents the
// columns, and aliases are tidy and their markers can ever match.
func TestDataFormat(t *testing.T) {
	// places.tsv has an optional sixth column, the seat, named in the header.
	files := map[string]int{"countries.tsv": 4, "places.tsv": 6, "orgs.tsv": 4, "demonyms.tsv": 3}
	for file, ncols := range files {
		b, err := data.ReadFile("data/" + file)
		if err != nil {
			t.Fatal(err)
		}
		head, _, _ := strings.Cut(string(b), "\n")
		if !strings.HasPrefix(head, "# ") || len(strings.Split(head, "\t")) != ncols {
			t.Errorf("%s: header %.60q… does not name %d columns", file, head, ncols)
		}
		for n, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "#") || line == "" {
				continue
			}
			cols := strings.Split(line, "\t")
			first := map[string]int{"countries.tsv": 2, "places.tsv": 3, "orgs.tsv": 2, "demonyms.tsv": 1}[file]
			if file == "places.tsv" && len(cols) > 5 {
				cols = cols[:5] // the seat is a name, not an alias
			}
			for _, col := range cols[first:] {
				for _, a := range split(col) {
					checkAlias(t, file, n+1, a)
				}
			}
		}
	}
}

func checkAlias(t *testing.T, file string, line int, a string) {
	t.Helper()
	form, ru := parseAlias(a)
	if form == "" || form != strings.TrimSpace(form) || strings.Contains(form, "  ") {
		t.Errorf("%s:%d: untidy alias %q", file, line, a)
		return
	}
	if strings.ContainsAny(form, "^=") {
		t.Errorf("%s:%d: misplaced marker in %q", file, line, a)
	}
	bare, _ := cutArticle(form)
	switch ru {
	case initialCap:
		if !startsUpper(bare) {
			t.Errorf("%s:%d: %q requires a capital it lacks", file, line, a)
		}
	case exactCase:
		if !strings.ContainsFunc(form, unicode.IsUpper) {
			t.Errorf("%s:%d: case-sensitive alias %q has no capital", file, line, a)
		}
	}
}

// TestLoadErrors feeds load broken data: each must be refused.
func TestLoadErrors(t *testing.T) {
	const (
		countries = "# code\tname\ten\tfr\nFR\tFrance\tFrance\tFrance\nDE\tGermany\t\tAllemagne\n"
		places    = "# kind\tname\tcountry\ten\tfr\ncapital\tParis\tFrance\t\tParis\n"
		orgs      = "# name\tcountry\ten\tfr\nUnited Nations\t\tUN\tONU\n"
		demonyms  = "# country\ten\tfr\nGermany\tGerman\tallemand\n"
	)
	good := fstest.MapFS{
		"countries.tsv": {Data: []byte(countries)},
		"places.tsv":    {Data: []byte(places)},
		"orgs.tsv":      {Data: []byte(orgs)},
		"demonyms.tsv":  {Data: []byte(demonyms)},
	}
	if _, err := load(good); err != nil {
		t.Fatalf("good data: %v", err)
	}
	tests := []struct{ name, file, text, want string }{
		{"alias conflict", "places.tsv", places + "city\tParis, Texas\tUnited States\t\tParis\n", "unknown country"},
		{"alias conflict", "orgs.tsv", orgs + "Paris Club\t\tParis\t\n", "names both"},
		{"acronym conflict", "orgs.tsv", orgs + "Union of Nations\t\t\tUN\n", "names both"},
		{"unknown capital country", "places.tsv", places + "capital\tBerne\tSwitzerland\t\t\n", "unknown country"},
		{"capital without country", "places.tsv", places + "capital\tBerlin\t\t\t\n", "no country"},
		{"bad kind", "places.tsv", places + "town\tLyon\tFrance\t\t\n", "bad kind"},
		{"unknown seat", "places.tsv", places + "capital\tRome\tFrance\t\t\tNobody\n", "unknown seat"},
		{"seat of no capital", "places.tsv", places + "city\tLyon\tFrance\t\t\tFrance\n", "seats nothing"},
		{"columns", "orgs.tsv", orgs + "NATO\t\tNATO\n", "columns"},
		{"duplicate name", "orgs.tsv", orgs + "Paris\t\t\t\n", "already named"},
		{"demonym country", "demonyms.tsv", demonyms + "Italy\tItalian\titalien\n", "unknown country"},
		{"demonym conflict", "demonyms.tsv", demonyms + "France\tGerman\tfrançais\n", "points to both"},
		{"lowercase English demonym", "demonyms.tsv", demonyms + "France\tfrench\tfrançais\n", "not capitalised"},
		{"empty file", "orgs.tsv", "# name\tcountry\ten\tfr\n", "no rows"},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{}
		for k, v := range good {
			fsys[k] = v
		}
		fsys[tt.file] = &fstest.MapFile{Data: []byte(tt.text)}
		_, err := load(fsys)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: load error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestKindString(t *testing.T) {
	for k := Country; k <= Demonym; k++ {
		if got, ok := parseKind(k.String()); !ok || got != k {
			t.Errorf("parseKind(%q) = %v, %v", k.String(), got, ok)
		}
	}
	if s := Kind(0).String(); s != "Kind(0)" {
		t.Errorf("Kind(0).String() = %q", s)
	}
}

func TestConcurrentLookup(t *testing.T) {
	g := gaz(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 200 {
				if e, ok := g.Lookup("Moscou"); !ok || e.Name != "Moscow" {
					t.Error("concurrent Lookup failed")
					return
				}
			}
		})
	}
	wg.Wait()
}

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	g := gaz(b)
	phrases := []string{"Moscou", "les Etats-Unis", "Conseil de sécurité de l'ONU", "ONU", "allemandes", "Sergueï Lavrov", "la réunion", "the"}
	for b.Loop() {
		for _, p := range phrases {
			g.Lookup(p)
		}
	}
}
