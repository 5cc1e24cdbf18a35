package entity

import (
	"bufio"
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/kgraph/kg/graph"
)

//go:embed data/translit.tsv
var translitTSV []byte

// Translit maps name words in other spellings to their English spelling.
type Translit map[string]string

// LoadTranslit reads the embedded transliteration table.
func LoadTranslit() (Translit, error) {
	t := Translit{}
	sc := bufio.NewScanner(bytes.NewReader(translitTSV))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		from, to, ok := strings.Cut(line, "\t")
		if !ok || from == "" || to == "" {
			return nil, fmt.Errorf("transliteration table data/translit.tsv:%d: want form<TAB>english", n)
		}
		t[graph.Fold(from)] = to
	}
	return t, nil
}

// English returns a person's name with each word in its English spelling.
func (t Translit) English(name string) string {
	words := strings.Fields(name)
	changed := false
	for i, w := range words {
		if e, ok := t[graph.Fold(w)]; ok {
			words[i], changed = e, true
		}
	}
	if !changed {
		return name
	}
	return strings.Join(words, " ")
}

// entity is one entity of a document as resolution builds it.
type entity struct {
	name    string
	typ     graph.EntityType
	aliases map[string]bool
	role    string
	roleOf  string
	last    int // sentence of the latest mention
	// gender is a person's, Feminine, Masculine or 0, read from the
	// evidence of rank genderRank.
	gender     byte
	genderRank int
}

// The ranks of the evidence for a person's gender, weakest first: a
// stronger kind overrides a weaker one, the first of a kind stays.
const (
	// An English pronoun resolved to the only person it could mean.
	byPronoun = 1 + iota
	// A title ("le ministre", "the chairman", or any title resolved as a
	// description) or a masculine honorific: the masculine is also the
	// generic form of many titles, "le Premier ministre Theresa May".
	byTitle
	// The first name, in the first-name table.
	byFirstName
	// A feminine honorific or title on the name itself: "Mme Dominique
	// Voynet", "la chancelière Angela Merkel".
	byFeminine
)

// setGender records evidence g of rank rank for e's gender.
func (e *entity) setGender(g byte, rank int) {
	if g != 0 && rank > e.genderRank {
		e.gender, e.genderRank = g, rank
	}
}

// Resolver joins the mentions of one document into entities. Use one per
// document, feeding it sentences in order.
type Resolver struct {
	translit   Translit
	aliases    Aliases
	firstNames FirstNames
	byKey      map[string]*entity // folded names and aliases
	surnames   map[string]*entity // folded last word of a person's full name; nil entry when ambiguous
	persons    []*entity          // by latest mention, most recent last
	order      []*entity
}

// NewResolver returns a resolver for one document. It tells persons'
// genders by the embedded first-name table unless WithFirstNames gives
// another.
func NewResolver(t Translit) *Resolver {
	return &Resolver{translit: t, firstNames: defaultFirstNames(), byKey: map[string]*entity{}, surnames: map[string]*entity{}}
}

// WithFirstNames makes the resolver tell persons' genders by fn instead
// of the embedded table; nil tells none.
func (r *Resolver) WithFirstNames(fn FirstNames) *Resolver {
	r.firstNames = fn
	return r
}

// WithAliases makes the user's aliases take precedence over recognition:
// a mention whose text is an alias names the alias's entity.
func (r *Resolver) WithAliases(a Aliases) *Resolver {
	r.aliases = a
	return r
}

// Prime registers the full names of persons among a document's mentions
// before resolution, so that a surname seen before its full name ("Lavrov
// ... Sergueï Lavrov") still resolves.
func (r *Resolver) Prime(ms []Mention) {
	for _, m := range ms {
		if m.Kind == Name && !m.Known && m.Type == graph.Person && len(strings.Fields(m.Text)) > 1 && !startsWithInitial(m.Text) {
			r.person(m.Text, -1)
		}
	}
}

// startsWithInitial reports a name like "B. Obama" or "J.-M. Ayrault".
func startsWithInitial(name string) bool {
	first, _, _ := strings.Cut(name, " ")
	first = strings.TrimSuffix(first, ".")
	return len([]rune(first)) == 1 || strings.Contains(first, ".-")
}

// person returns the entity of a full person name, creating it.
func (r *Resolver) person(surface string, sent int) *entity {
	canon := r.translit.English(surface)
	key := graph.Fold(canon)
	e := r.byKey[key]
	if e == nil {
		e = r.byKey[graph.Fold(surface)]
	}
	if e == nil {
		e = &entity{name: canon, typ: graph.Person, aliases: map[string]bool{}, last: sent}
		r.order = append(r.order, e)
		r.byKey[key] = e
		r.byKey[graph.Fold(surface)] = e
		words := strings.Fields(key)
		last := words[len(words)-1]
		if prev, seen := r.surnames[last]; seen && prev != e {
			r.surnames[last] = nil
		} else {
			r.surnames[last] = e
		}
		if surf := strings.Fields(graph.Fold(surface)); len(surf) > 0 && surf[len(surf)-1] != last {
			r.surnames[surf[len(surf)-1]] = e
		}
	}
	// Of spellings that fold alike, the one with hyphens and accents is
	// the canonical one ("Jean-Marc Ayrault" over "Jean Marc Ayrault").
	if c := r.translit.English(surface); c != e.name && graph.Fold(c) == graph.Fold(e.name) && richer(c, e.name) {
		e.aliases[e.name] = true
		delete(e.aliases, c)
		e.name = c
	}
	if surface != e.name {
		e.aliases[surface] = true
	}
	e.setGender(cmp.Or(r.firstNames.Person(e.name), r.firstNames.Person(surface)), byFirstName)
	return e
}

// richer reports whether a carries more marks (hyphens, non-ASCII
// letters) than b.
func richer(a, b string) bool {
	marks := func(s string) int {
		n := 0
		for _, r := range s {
			if r == '-' || r > 0x7f {
				n++
			}
		}
		return n
	}
	return marks(a) > marks(b)
}

// Resolve sets the canonical name and type of m, mentioned in sentence
// sent (counted from 0). It reports false for a mention that refers to
// nothing it can name (a pronoun with no person before it).
func (r *Resolver) Resolve(m *Mention, sent int) bool {
	var e *entity
	if a, ok := r.aliases[graph.Fold(m.Text)]; ok && (m.Kind == Name || m.Kind == Authority) {
		typ := a.Type
		if typ == "" {
			typ = m.Type
		}
		if typ == "" {
			typ = graph.Org
		}
		m.Known = true
		e = r.known(a.Name, typ, m.Text)
	}
	switch {
	case e != nil:
	case m.Kind == Name && m.Institution:
		if e = r.namedOrg(graph.Fold(m.Text), sent); e == nil {
			e = r.name(m, sent)
		}
	case m.Kind == Name:
		e = r.name(m, sent)
	case m.Kind == Authority:
		e = r.known(m.Name, graph.GPE, m.Text)
	case m.Kind == Description && m.Type == graph.Org:
		e = r.describedOrg(m, sent)
	case m.Kind == Description:
		e = r.described(m)
	case m.Kind == Pronoun:
		e = r.pronoun(m, sent)
	}
	if e == nil {
		return false
	}
	if m.Role != "" && (e.role == "" || e.role == "counterpart") {
		e.role, e.roleOf = m.Role, m.RoleOf
	}
	// "US President Donald Trump ... President Trump": the title said
	// once with its country is of that country the next times too.
	if m.Kind == Name && m.Role != "" && m.RoleOf == "" && e.roleOf != "" && m.Role == e.role {
		m.RoleOf = e.roleOf
	}
	if m.Kind == Description && e.roleOf == "" {
		e.roleOf = m.Country
	}
	if e.typ == graph.Person {
		switch {
		case m.Kind == Name && m.Gender == Feminine:
			e.setGender(m.Gender, byFeminine)
		case m.Kind == Name || m.Kind == Description:
			e.setGender(m.Gender, byTitle)
		}
	}
	if e.last < 0 {
		// Primed entities take their place at their first mention.
		r.moveLast(e)
	}
	e.last = sent
	// An object pronoun does not make its person the topic: "she" after
	// "The chancellor thanked him" is still the chancellor.
	if o := strings.ToLower(m.Text); e.typ == graph.Person && !(m.Kind == Pronoun && (o == "him" || o == "her")) {
		r.touch(e)
	}
	m.Name, m.Type = e.name, e.typ
	return true
}

// Abbreviation makes abbr a name of the entity the resolved mention m
// names, for the rest of the document: "la Ligue des droits de l'homme
// (LDH)". A form that already names an entity is left alone.
func (r *Resolver) Abbreviation(m Mention, abbr string) {
	key := graph.Fold(abbr)
	if m.Name == "" || key == "" || r.byKey[key] != nil {
		return
	}
	for _, e := range r.order {
		if e.name == m.Name {
			r.byKey[key] = e
			e.aliases[abbr] = true
			return
		}
	}
}

func (r *Resolver) name(m *Mention, sent int) *entity {
	if m.Known {
		return r.known(m.Name, m.Type, m.Text)
	}
	key := graph.Fold(m.Text)
	if e := r.byKey[key]; e != nil {
		if m.Text != e.name {
			e.aliases[m.Text] = true
		}
		return e
	}
	words := strings.Fields(key)
	// "B. Obama": an initial and a known surname.
	if len(words) == 2 && len(strings.TrimSuffix(words[0], ".")) == 1 {
		if e, ok := r.surnames[words[1]]; ok && e != nil {
			e.aliases[m.Text] = true
			return e
		}
	}
	// "al-Masri" after "Abu Bakr al-Masri": the end of a known
	// person's name (folding made the hyphen a space).
	if m.Type == "" && len(words) > 1 {
		for k := len(r.order) - 1; k >= 0; k-- {
			if e := r.order[k]; e.typ == graph.Person && strings.HasSuffix(" "+graph.Fold(e.name), " "+key) {
				e.aliases[m.Text] = true
				return e
			}
		}
	}
	if m.Type == graph.Person && len(words) > 1 {
		return r.person(m.Text, sent)
	}
	if len(words) == 1 {
		if e, ok := r.surnames[key]; ok && e != nil {
			e.aliases[m.Text] = true
			return e
		}
		// A first name alone, once its person is known ("Brenton
		// Tarrant ... Brenton"), when no one else has it.
		if e := r.byFirstName(key); e != nil {
			e.aliases[m.Text] = true
			return e
		}
		if m.Full != "" {
			e := r.person(m.Full, sent)
			e.aliases[m.Text] = true
			return e
		}
	}
	typ := m.Type
	if e, seen := r.surnames[key]; typ == "" && seen && e == nil {
		typ = graph.Person // the surname of several persons of the document
	}
	if typ == "" {
		typ = graph.Org
	}
	e := &entity{name: m.Text, typ: typ, aliases: map[string]bool{}, last: sent}
	r.byKey[key] = e
	r.order = append(r.order, e)
	return e
}

func (r *Resolver) known(name string, typ graph.EntityType, surface string) *entity {
	key := graph.Fold(name)
	e := r.byKey[key]
	if e == nil {
		e = &entity{name: name, typ: typ, aliases: map[string]bool{}}
		r.byKey[key] = e
		r.order = append(r.order, e)
	}
	if surface != "" && surface != name {
		e.aliases[surface] = true
	}
	if typ == graph.Person {
		e.setGender(cmp.Or(r.firstNames.Person(name), r.firstNames.Person(surface)), byFirstName)
	}
	return e
}

// describedOrg returns the organization "la société", "the party" refers
// to: the one mentioned last, of the kind the noun asks for when it asks
// for one ("party": a name with Party or Parti in it). None when no
// organization was named in the last three sentences.
func (r *Resolver) describedOrg(m *Mention, sent int) *entity {
	noun, _, _ := strings.Cut(graph.Fold(m.Text), " ")
	kind := m.OrgKind
	if !m.Refers {
		// "the Society", "le Parlement": a capitalised institution
		// word names the body whose name has it, or none.
		return r.namedOrg(noun, sent)
	}
	// One named in an earlier sentence first: in its own sentence a name
	// is most often a complement ("selon le rapport de l'OMS, l'ONG a
	// demandé").
	var best, same, last *entity
	for _, e := range r.order {
		if e.typ == graph.Org && e.last >= 0 && e.last < sent && !media(e.name) && (last == nil || e.last >= last.last) {
			last = e
		}
		if e.typ != graph.Org || e.last < 0 {
			continue
		}
		if e.last == sent {
			if kind == "" && !media(e.name) || kind != "" && (strings.Contains(graph.Fold(e.name), kind) || r.aliasHas(e, kind)) {
				same = e
			}
			continue
		}
		if best != nil && e.last < best.last {
			continue
		}
		if kind != "" && !strings.Contains(graph.Fold(e.name), kind) && !r.aliasHas(e, kind) {
			continue
		}
		// News media are named as sources, seldom as what "the
		// company" is about.
		if kind == "" && media(e.name) {
			continue
		}
		best = e
	}
	if best == nil && kind != "" && same == nil {
		// "le parti" after a party whose name does not say so
		// ("La France insoumise"): the organization last named.
		best = last
	}
	if best == nil || sent-best.last > 3 {
		return same
	}
	return best
}

// namedOrg returns the organization named in the last three sentences
// whose name, or a form the document used, has word (folded) as one of
// its words: "the Society" after "the Royal Pharmaceutical Society".
func (r *Resolver) namedOrg(word string, sent int) *entity {
	var best *entity
	for _, e := range r.order {
		if e.typ != graph.Org || e.last < 0 || sent-e.last > 3 || best != nil && e.last < best.last {
			continue
		}
		if hasWord(e.name, word) || r.aliasWith(e, word) {
			best = e
		}
	}
	return best
}

// aliasWith reports a form of e, as the document wrote it, with word
// (folded) as one of its words.
func (r *Resolver) aliasWith(e *entity, word string) bool {
	for a := range e.aliases {
		if hasWord(a, word) {
			return true
		}
	}
	return false
}

// hasWord reports whether the folded words of name include word.
func hasWord(name, word string) bool {
	return slices.Contains(strings.Fields(graph.Fold(name)), word)
}

// media reports a news organization's name (agency, newspaper,
// broadcaster).
func media(name string) bool {
	for _, w := range strings.Fields(graph.Fold(name)) {
		switch w {
		case "reuters", "afp", "agence", "agency", "press", "presse", "news", "times", "journal", "post",
			"bbc", "cnn", "bloomberg", "tribune", "herald", "gazette", "radio", "television", "tv":
			return true
		}
	}
	return false
}

// aliasHas reports whether one of e's names has the word w (folded), or
// its French equivalent for the kinds orgDescriptions names.
func (r *Resolver) aliasHas(e *entity, w string) bool {
	words := []string{w}
	switch w {
	case "party":
		words = append(words, "parti")
	case "union":
		words = append(words, "syndicat")
	}
	for a := range e.aliases {
		for _, x := range words {
			if strings.Contains(graph.Fold(a), x) {
				return true
			}
		}
	}
	return false
}

// pronoun returns the person a pronoun stands for: the most recent person
// of a compatible gender mentioned within two sentences, and sets m.Alt
// to the one before, if any.
func (r *Resolver) pronoun(m *Mention, sent int) *entity {
	g := cmp.Or(m.Gender, pronounGender(m.Text))
	var e, alt *entity
	near := 0 // persons within reach, of any gender
	for k := len(r.persons) - 1; k >= 0; k-- {
		p := r.persons[k]
		if sent-p.last > 2 {
			continue
		}
		near++
		switch {
		case !compatible(p.gender, g):
		case e == nil:
			e = p
		case alt == nil:
			alt = p
		}
	}
	if e == nil {
		return nil
	}
	// An object pronoun after a person named in its own sentence is most
	// often someone else ("The chancellor thanked him").
	if object := strings.ToLower(m.Text); (object == "him" || object == "her") && e.last == sent && alt != nil {
		e, alt = alt, e
	}
	// The other candidate, for a pronoun that turns out to be its own
	// clause's subject ("Merkel thanked him").
	if alt != nil {
		m.Alt = alt.name
	}
	// An English "he" or "she" is a person; with no other person around
	// it says which gender that one is. French "il" and "elle" are as
	// often things.
	if subject := strings.ToLower(m.Text); near == 1 && (subject == "he" || subject == "she") {
		e.setGender(g, byPronoun)
	}
	return e
}

// described finds the most recent person whose role and country fit a
// description ("le ministre russe", "the president").
func (r *Resolver) described(m *Mention) *entity {
	for k := len(r.persons) - 1; k >= 0; k-- {
		p := r.persons[k]
		if !compatible(p.gender, m.Gender) {
			continue
		}
		if m.Country != "" && p.roleOf != "" && p.roleOf != m.Country {
			continue
		}
		if m.Role != "" && p.role != "" && !sameRole(p.role, m.Role) {
			continue
		}
		if m.Country == "" && m.Role != "" && p.role == "" {
			continue
		}
		if m.Country != "" && p.roleOf == "" && p.role == "" {
			continue
		}
		return p
	}
	return nil
}

// byFirstName returns the one person whose first name is key, or nil.
func (r *Resolver) byFirstName(key string) *entity {
	var found *entity
	for _, e := range r.order {
		if e.typ != graph.Person {
			continue
		}
		f := strings.Fields(graph.Fold(e.name))
		if len(f) > 1 && f[0] == key {
			if found != nil && found != e {
				return nil
			}
			found = e
		}
	}
	return found
}

// sameRole reports whether a description's role fits a person's:
// "minister" fits "foreign minister"; "counterpart" fits any.
func sameRole(person, described string) bool {
	return person == described || described == "counterpart" || person == "counterpart" ||
		strings.HasSuffix(person, " "+described)
}

func (r *Resolver) touch(e *entity) {
	for k, p := range r.persons {
		if p == e {
			r.persons = append(r.persons[:k], r.persons[k+1:]...)
			break
		}
	}
	r.persons = append(r.persons, e)
}

// moveLast moves e to the end of the order of first mentions.
func (r *Resolver) moveLast(e *entity) {
	for k, p := range r.order {
		if p == e {
			r.order = append(r.order[:k], r.order[k+1:]...)
			break
		}
	}
	r.order = append(r.order, e)
}

// Role is a title the document gives a person.
type Role struct {
	Person string
	Role   string
	Of     string
}

// Roles returns the roles read next to persons' names, with the country
// or organization they are of, in order of first mention.
func (r *Resolver) Roles() []Role {
	var out []Role
	for _, e := range r.order {
		if e.typ == graph.Person && e.role != "" && e.roleOf != "" && e.role != "counterpart" {
			out = append(out, Role{Person: e.name, Role: e.role, Of: e.roleOf})
		}
	}
	return out
}

// Entities returns every entity resolved so far with the surface forms
// it was read from, in order of first mention.
func (r *Resolver) Entities() []graph.Entity {
	out := make([]graph.Entity, 0, len(r.order))
	for _, e := range r.order {
		if e.last < 0 {
			continue // primed but never mentioned
		}
		aliases := make([]string, 0, len(e.aliases))
		for a := range e.aliases {
			aliases = append(aliases, a)
		}
		sort.Strings(aliases)
		out = append(out, graph.Entity{Name: e.name, Type: e.typ, Aliases: aliases})
	}
	return out
}
