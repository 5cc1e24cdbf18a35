package gazetteer

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

//go:generate go run ./internal/gen

//go:embed data/*.tsv
var data embed.FS

// Entry is what a phrase names.
type Entry struct {
	Name    string           // canonical English name
	Type    graph.EntityType // GPE, LOC or ORG
	Kind    Kind
	Country string // for Capital, City, Region, Place, Demonym and state buildings (Kremlin): the country's canonical name
	Acronym bool   // the matched alias is case-sensitive (an acronym such as "US", or "Fed")
	// Seat is, for a capital that acts for a body other than its
	// country's government, that body ("Brussels" → European Union).
	Seat string
}

// Gazetteer maps names to entries. It is read-only once built, so one value
// may be shared by any number of goroutines.
type Gazetteer struct {
	entries  []Entry           // canonical entries, sorted by name
	forms    [][]string        // surface forms, by entry index
	byName   map[string]int    // canonical name → entry index
	folded   map[string]ref    // graph.Fold(alias) → entry
	exact    map[string]ref    // case-sensitive aliases, as written
	demonyms map[string]nation // graph.Fold(demonym) → country
	maxWords int
	starts   map[string]bool // first folded word of every alias, article dropped
}

// rule says how a phrase's case must agree with an alias's.
type rule uint8

const (
	anyCase    rule = iota
	initialCap      // marker ^: "Turkey" but not "turkey", "le Monde" but not "le monde"
	exactCase       // marker = or an all-caps acronym: "US" but not "us" or "Us"
)

type ref struct {
	entry int
	rule  rule
}

// nation is the country a demonym form points to, and the languages the
// form belongs to: English demonyms are capitalised ("Polish", not "polish");
// French ones are lower-case adjectives ("allemand") or capitalised nouns
// ("les Allemands"), so any case will do.
type nation struct {
	country string
	en, fr  bool
}

// New parses the embedded data. It takes a few milliseconds: call it once
// and share the result.
func New() (*Gazetteer, error) {
	sub, err := fs.Sub(data, "data")
	if err != nil {
		return nil, fmt.Errorf("gazetteer data: %w", err)
	}
	return load(sub)
}

// load builds a Gazetteer from countries.tsv, places.tsv, orgs.tsv and
// demonyms.tsv in fsys.
func load(fsys fs.FS) (*Gazetteer, error) {
	var recs []record
	for _, f := range []struct {
		name     string
		parse    func(file string, line int, cols []string) (record, error)
		cols     int
		optional int
	}{
		{"countries.tsv", parseCountry, 4, 0},
		{"places.tsv", parsePlace, 5, 1},
		{"orgs.tsv", parseOrg, 4, 0},
	} {
		err := eachRow(fsys, f.name, f.cols, f.optional, func(line int, cols []string) error {
			r, err := f.parse(f.name, line, cols)
			if err != nil {
				return err
			}
			recs = append(recs, r)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	g := &Gazetteer{
		byName:   make(map[string]int, len(recs)),
		folded:   make(map[string]ref, 8*len(recs)),
		exact:    make(map[string]ref, len(recs)),
		demonyms: make(map[string]nation, 2048),
		starts:   make(map[string]bool, 4096),
	}
	slices.SortFunc(recs, func(a, b record) int { return strings.Compare(a.e.Name, b.e.Name) })
	g.entries = make([]Entry, len(recs))
	g.forms = make([][]string, len(recs))
	for i, r := range recs {
		if j, dup := g.byName[r.e.Name]; dup {
			return nil, fmt.Errorf("gazetteer data %s: %q already named at %s", r.pos, r.e.Name, recs[j].pos)
		}
		g.byName[r.e.Name] = i
		g.entries[i] = r.e
	}
	for i, r := range recs {
		if c := r.e.Country; c != "" && !g.isCountry(c) {
			return nil, fmt.Errorf("gazetteer data %s: unknown country %q", r.pos, c)
		}
		if _, ok := g.byName[r.e.Seat]; r.e.Seat != "" && !ok {
			return nil, fmt.Errorf("gazetteer data %s: unknown seat %q", r.pos, r.e.Seat)
		}
		if err := g.addAliases(i, r); err != nil {
			return nil, fmt.Errorf("gazetteer data %s: %w", r.pos, err)
		}
	}
	if err := eachRow(fsys, "demonyms.tsv", 3, 0, g.addDemonyms); err != nil {
		return nil, err
	}
	g.maxWords++ // room for a leading article
	return g, nil
}

func (g *Gazetteer) isCountry(name string) bool {
	i, ok := g.byName[name]
	return ok && g.entries[i].Kind == Country
}

// addAliases indexes the canonical name and every alias of entry i.
func (g *Gazetteer) addAliases(i int, r record) error {
	// The canonical name is an alias too, under the strictest rule of the
	// aliases that fold like it: "^Turkey" makes "Turkey" need its capital,
	// "=MoDem" keeps "modem" out.
	all := append(r.en[:len(r.en):len(r.en)], r.fr...)
	nameRule, nameKey := rule(anyCase), graph.Fold(r.e.Name)
	if isAcronym(r.e.Name) {
		nameRule = exactCase
	}
	for _, a := range all {
		if form, ru := parseAlias(a); ru > nameRule && graph.Fold(form) == nameKey {
			nameRule = ru
		}
	}
	for j, a := range append([]string{r.e.Name}, all...) {
		form, ru := parseAlias(a)
		if j == 0 {
			ru = nameRule
		}
		if form == "" {
			return fmt.Errorf("empty alias %q", a)
		}
		idx, key := g.folded, graph.Fold(form)
		if ru == exactCase {
			idx, key = g.exact, form
		}
		if old, ok := idx[key]; ok && old.entry != i {
			return fmt.Errorf("alias %q names both %q and %q", form, g.entries[old.entry].Name, r.e.Name)
		} else if !ok || ru > old.rule {
			idx[key] = ref{entry: i, rule: ru}
		}
		if !slices.Contains(g.forms[i], form) {
			g.forms[i] = append(g.forms[i], form)
		}
		g.maxWords = max(g.maxWords, words(form))
		f := graph.Fold(form)
		g.starts[firstWord(f)] = true
		g.starts[firstWord(cutFoldedArticle(f))] = true
	}
	return nil
}

func firstWord(folded string) string {
	if i := strings.IndexByte(folded, ' '); i >= 0 {
		return folded[:i]
	}
	return folded
}

// Starts reports whether some name or alias starts with word, so that a
// recogniser need not look up the phrases that start with any other.
func (g *Gazetteer) Starts(word string) bool {
	return g.starts[firstWord(graph.Fold(word))]
}

// parseAlias strips an alias's marker and says which case rule it sets.
func parseAlias(a string) (string, rule) {
	switch {
	case strings.HasPrefix(a, "^"):
		return a[1:], initialCap
	case strings.HasPrefix(a, "="):
		return a[1:], exactCase
	case isAcronym(a):
		return a, exactCase
	}
	return a, anyCase
}

// isAcronym reports whether s is written in capitals only ("UN", "U.S.",
// "G20"), which makes its case significant: "US" is not "us".
func isAcronym(s string) bool {
	upper := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r), unicode.IsSpace(r):
			return false
		case unicode.IsUpper(r):
			upper++
		}
	}
	return upper > 0 && len(s) >= 2
}

// words counts the words of s as a tokenizer might split them: hyphens,
// spaces and elided articles ("l'ONU" is two) separate words.
func words(s string) int {
	return len(strings.Fields(strings.ReplaceAll(graph.Fold(s), "'", "' ")))
}

// Lookup returns the entry an exact phrase names ("Moscou", "les
// Etats-Unis", "Conseil de sécurité de l'ONU", "ONU"), or a country for a
// demonym ("allemandes", Kind Demonym). Case and accents are ignored except
// for acronyms and aliases marked capitalised; one leading article is
// ignored unless it is part of the name ("Le Monde", "The Hague").
func (g *Gazetteer) Lookup(phrase string) (Entry, bool) {
	p := strings.TrimSpace(phrase)
	bare, art := cutArticle(p)
	if r, ok := g.exact[p]; ok {
		return g.hit(r, true), true
	}
	if art {
		if r, ok := g.exact[bare]; ok {
			return g.hit(r, true), true
		}
	}
	k := graph.Fold(p)
	if r, ok := g.folded[k]; ok && allowed(r.rule, bare) {
		return g.hit(r, false), true
	}
	if art {
		if r, ok := g.folded[cutFoldedArticle(k)]; ok && allowed(r.rule, bare) {
			return g.hit(r, false), true
		}
	}
	if c, ok := g.Demonym(bare); ok {
		return Entry{Name: c, Type: graph.GPE, Kind: Demonym, Country: c}, true
	}
	return Entry{}, false
}

func (g *Gazetteer) hit(r ref, acronym bool) Entry {
	e := g.entries[r.entry]
	e.Acronym = acronym
	return e
}

// allowed applies a case rule to the phrase without its article.
func allowed(ru rule, bare string) bool {
	if ru != initialCap {
		return true
	}
	return startsUpper(bare)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// cutArticle removes one leading definite article from a phrase as written.
func cutArticle(p string) (string, bool) {
	for _, a := range [...]string{"the ", "le ", "la ", "les ", "l'", "l’"} {
		if len(p) > len(a) && strings.EqualFold(p[:len(a)], a) {
			if rest := strings.TrimSpace(p[len(a):]); rest != "" {
				return rest, true
			}
		}
	}
	return p, false
}

// cutFoldedArticle is cutArticle for a graph.Fold result.
func cutFoldedArticle(k string) string {
	for _, a := range [...]string{"the ", "le ", "la ", "les ", "l'"} {
		if rest, ok := strings.CutPrefix(k, a); ok {
			return strings.TrimSpace(rest)
		}
	}
	return k
}

// Demonym returns the country a demonym points to: "allemandes", "Allemands"
// and "German" give Germany. English demonyms must be capitalised, so
// "polish" gives nothing; French ones may take any case.
func (g *Gazetteer) Demonym(word string) (country string, ok bool) {
	w := strings.TrimSpace(word)
	n, ok := g.demonyms[graph.Fold(w)]
	if !ok || !(n.fr || startsUpper(w)) {
		return "", false
	}
	return n.country, true
}

// MaxWords returns the length in words of the longest phrase Lookup can
// match, a leading article included, so that a recogniser can try token
// windows from that length down. Hyphens and elisions split words.
func (g *Gazetteer) MaxWords() int { return g.maxWords }

// Aliases returns every surface form of a canonical name, in English and
// French, acronyms included, demonyms excluded; nil for an unknown name.
func (g *Gazetteer) Aliases(name string) []string {
	i, ok := g.byName[name]
	if !ok {
		return nil
	}
	return slices.Clone(g.forms[i])
}

// Entries returns the canonical entries, sorted by name.
func (g *Gazetteer) Entries() []Entry { return slices.Clone(g.entries) }
