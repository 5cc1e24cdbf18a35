package entity

import (
	"bufio"
	"bytes"
	"cmp"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/extract/gazetteer"
	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/segment"
	"github.com/kgraph/kg/graph"
)

//go:embed data/function.tsv
var functionTSV []byte

// maxNameWords bounds a capitalised chain: longer runs are headlines or
// lists, not one name.
const maxNameWords = 8

// maxNameBytes bounds a name's length in bytes, for the same reason.
const maxNameBytes = 200

// Party returns the party a word names in lang ("Republican",
// "socialiste"). The relation rules call it with no recogniser at hand:
// it reads the word classes of data/<lang>/wordclass.tsv once.
func Party(lang, word string) (string, bool) {
	return partyWords()[lang].party(word)
}

// IsParty reports a word naming a political party in lang.
func IsParty(lang, word string) bool {
	_, ok := Party(lang, word)
	return ok
}

// partyWords are the word classes of each language, read once and never
// changed, for Party.
var partyWords = sync.OnceValue(func() map[string]wordClasses {
	m, err := loadAllWordClasses()
	if err != nil {
		// The files are embedded and TestWordClasses checks them.
		panic(err)
	}
	return m
})

// Recognizer finds mentions in the sentences of one language. It is
// read-only after New and safe for concurrent use.
type Recognizer struct {
	lang     string
	gaz      *gazetteer.Gazetteer
	lex      *lexicon.Lexicon
	traits   lexicon.Traits // the language's properties (word order, case of names) the rules read
	function map[string]bool
	wc       wordClasses
	words    wordTable
	people   map[string]string // folded full name → country
	surnames map[string]string // folded surname of people → country; "" when people of two countries bear it
	lone     map[string]string // folded surname of people → the one person bearing it; "" when several do
	first    FirstNames
}

// NewRecognizer returns a recognizer for lang using the gazetteer and
// that language's lexicon (for titles and the language's traits).
func NewRecognizer(lang string, gaz *gazetteer.Gazetteer, lex *lexicon.Lexicon) (*Recognizer, error) {
	fw, err := loadFunctionWords(lang)
	if err != nil {
		return nil, err
	}
	w, err := loadWords(lang)
	if err != nil {
		return nil, err
	}
	ppl, err := loadPeople()
	if err != nil {
		return nil, err
	}
	wc, err := loadWordClasses(lang)
	if err != nil {
		return nil, err
	}
	rec := &Recognizer{lang: lang, gaz: gaz, lex: lex, function: fw, wc: wc, words: w, people: ppl.country, surnames: ppl.surnames,
		lone: ppl.lone, first: defaultFirstNames()}
	if lex != nil {
		rec.traits = lex.Traits()
	}
	return rec, nil
}

func loadFunctionWords(lang string) (map[string]bool, error) {
	m := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(functionTSV))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		l, w, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("function words data/function.tsv:%d: want lang<TAB>word", n)
		}
		if l == lang {
			m[graph.Fold(w)] = true
		}
	}
	return m, nil
}

// sentence is one sentence being recognised.
type sentence struct {
	src  string
	toks []segment.Token
	low  []string // folded token texts
}

func (s *sentence) text(i, j int) string { return s.src[s.toks[i].Start:s.toks[j-1].End] }

// Sentence returns the mentions in a sentence's tokens, in order and not
// overlapping. src is the document text the tokens' offsets point into;
// capitalised reports whether a word (folded) was seen capitalised away
// from the start of a sentence in the document, which tells a name from
// a capitalised first word.
func (r *Recognizer) Sentence(src string, toks []segment.Token, capitalised func(string) bool) []Mention {
	s := &sentence{src: src, toks: toks, low: make([]string, len(toks))}
	for i, t := range toks {
		s.low[i] = graph.Fold(t.Text)
	}
	var out []Mention
	for i := 0; i < len(toks); {
		// "Image: Jane Doe": a credit; neither the label nor the name
		// takes part in the sentence.
		if r.credit(s, i) {
			i += 2
			if m, ok := r.match(s, i, capitalised); ok {
				i = m.End
			}
			continue
		}
		if m, ok := r.match(s, i, capitalised); ok {
			if !speakerLabel(toks, m) && !r.tellsTime(s, m) {
				out = append(out, m)
			}
			i = m.End
			continue
		}
		i++
	}
	out = r.appositions(s, out)
	r.statesOf(s, out)
	for k := range out {
		if m := &out[k]; m.Kind == Description && m.Type == graph.Org {
			noun, _, _ := strings.Cut(graph.Fold(m.Text), " ")
			m.OrgKind, m.Refers = r.wc.value(orgDescClass, noun)
		}
	}
	return out
}

// statesOf gives a state title next to a known politician's name and no
// country ("President Vladimir Putin", "la chancelière Angela Merkel")
// the politician's country, lest it be taken for the document's. A body
// named right before the title ("NATO Secretary General X") is what the
// title is of, not the country.
func (r *Recognizer) statesOf(s *sentence, ms []Mention) {
	for k := range ms {
		m := &ms[k]
		if m.Kind != Name || m.Type != graph.Person || m.Role == "" || m.RoleOf != "" || m.Complement || !StateRole(m.Role) {
			continue
		}
		if k > 0 && ms[k-1].End == m.Start {
			continue
		}
		if p := m.Start - 1; p >= 0 && s.toks[p].Kind == segment.Word && isCap(s.toks[p].Text) && !r.function[s.low[p]] {
			continue
		}
		if c, ok := r.person(m.Text); ok {
			m.RoleOf = c
		}
	}
}

// person returns the country of a person of data/people.tsv, named in
// full, without middle names ("Hillary Rodham Clinton"), or by a surname
// that people of one country only bear ("President Reagan").
func (r *Recognizer) person(name string) (string, bool) {
	if c, ok := r.people[graph.Fold(name)]; ok {
		return c, true
	}
	switch w := strings.Fields(name); {
	case len(w) > 2:
		c, ok := r.people[graph.Fold(w[0]+" "+w[len(w)-1])]
		return c, ok
	case len(w) == 1:
		c := r.surnames[graph.Fold(name)]
		return c, c != ""
	}
	return "", false
}

// credit reports a credit label at i: a capitalised label word of
// data/words.tsv and a colon ("Image:", "Photo :").
func (r *Recognizer) credit(s *sentence, i int) bool {
	return i+2 < len(s.toks) && s.toks[i+1].Text == ":" && isCap(s.toks[i].Text) && r.words.is(s.low[i], creditClass)
}

// tellsTime reports a place named for its time zone ("heure de Paris",
// "Moscow time"): it does not act in the sentence.
func (r *Recognizer) tellsTime(s *sentence, m Mention) bool {
	if m.Kind != Name {
		return false
	}
	for _, a := range r.words.around {
		if m.Start < len(a.before) || m.End+len(a.after) > len(s.toks) {
			continue
		}
		if slices.Equal(s.low[m.Start-len(a.before):m.Start], a.before) && slices.Equal(s.low[m.End:m.End+len(a.after)], a.after) {
			return true
		}
	}
	return false
}

// date reports a month that is no name at i: next to a number ("Feb
// 26", "5 May") or after a function word ("in May", "depuis Mai").
func (r *Recognizer) date(s *sentence, i int) bool {
	if !r.words.is(strings.TrimSuffix(s.low[i], "."), monthClass) {
		return false
	}
	if i+1 < len(s.toks) && s.toks[i+1].Kind == segment.Number {
		return true
	}
	return i > 0 && (s.toks[i-1].Kind == segment.Number || !isCap(s.toks[i-1].Text) && r.function[s.low[i-1]])
}

// speakerLabel reports a name in double parentheses, "((WN))" or
// "((Jane Doe))": interview transcripts mark who speaks that way; the
// label takes no part in the sentence.
func speakerLabel(toks []segment.Token, m Mention) bool {
	return m.Start >= 2 && m.End+1 < len(toks) && toks[m.Start-1].Text == "(" && toks[m.Start-2].Text == "(" &&
		toks[m.End].Text == ")" && toks[m.End+1].Text == ")"
}

// match finds the mention starting at token i, if any.
func (r *Recognizer) match(s *sentence, i int, capitalised func(string) bool) (Mention, bool) {
	t := s.toks[i]
	if t.Kind != segment.Word || r.words.zones[t.Text] || r.date(s, i) {
		return Mention{}, false
	}
	if m, ok := r.authority(s, i); ok {
		return m, true
	}
	if m, ok := r.title(s, i); ok {
		return m, true
	}
	if m, ok := r.gazetteer(s, i); ok {
		// "Apple Inc.": a company's legal form after a known name
		// closes that name.
		if m.End < len(s.toks) && r.words.is(s.low[m.End], legalClass) {
			m.End++
			m.Text = s.text(m.Start, m.End)
			m.Type = graph.Org
			return m, true
		}
		// "Lisbon Portela Airport", "United States Embassy": a
		// place's name opening an institution's.
		if m.Type == graph.GPE {
			if end, ok := r.institutionAfter(s, m.End); ok {
				// Named with the place's canonical name: "U.S. Consulate"
				// is the United States Consulate.
				return Mention{Start: m.Start, End: end, Text: s.text(m.Start, end), Kind: Name, Type: graph.Org,
					Name: m.Name + " " + s.text(m.End, end), Known: true}, true
			}
		}
		// "Glasgow School of Art", "Pacific Gas and Electric Company",
		// "Paris Agreement", "Tokyo Olympics": a place opening a longer
		// name with an organization's or an event's word in it is part
		// of that name, not a place of its own.
		if m.Type == graph.GPE || m.Type == graph.Loc {
			if c, ok := r.chain(s, i, capitalised); ok && c.Start == m.Start && c.End > m.End && !c.Known {
				switch {
				case r.hasOrgWord(s, m.End, c.End):
					c.Type = graph.Org
					return c, true
				case r.hasWord(s, m.End, c.End, eventClass):
					c.Type = graph.Event
					return c, true
				}
			}
		}
		return m, true
	}
	if m, ok := r.orgDescription(s, i); ok {
		return m, true
	}
	// "her" is a possessive too: a pronoun only where no noun phrase
	// follows.
	if r.wc.is(pronounClass, s.low[i]) && (!r.wc.is(possessiveClass, s.low[i]) || objectHer(s, i)) {
		return Mention{Start: i, End: i + 1, Text: t.Text, Kind: Pronoun, Type: graph.Person, Gender: r.wc.gender(pronounClass, s.low[i])}, true
	}
	if r.isNameWord(t.Text) {
		return r.chain(s, i, capitalised)
	}
	return Mention{}, false
}

// institutionAfter reports a run of capitalised words from token i ending
// in an organization word ("International Airport", "Embassy"), and its
// end.
func (r *Recognizer) institutionAfter(s *sentence, i int) (int, bool) {
	end, org := i, false
	for end < len(s.toks) && end-i < 4 && s.toks[end].Kind == segment.Word && isCap(s.toks[end].Text) && !r.function[s.low[end]] {
		org = r.wc.is(institutionClass, s.low[end]) || r.words.is(s.low[end], orgClass) && s.low[end] != "international"
		end++
	}
	// "Kenya Ministry of Health": the name goes on past a
	// connector; that is the gazetteer's or the chain's to read.
	if end < len(s.toks) && r.wc.is(connectorClass, s.low[end]) {
		return 0, false
	}
	return end, end > i && org
}

// orgDescription reads "la société coréenne", "the company", "le parti"
// at i: a definite article and an organization noun with no name or
// complement after it, which the resolver joins to the organization last
// named (of the kind the noun asks for).
func (r *Recognizer) orgDescription(s *sentence, i int) (Mention, bool) {
	switch s.low[i] {
	case "le", "la", "l'", "the", "du", "au":
	default:
		return Mention{}, false
	}
	j := i + 1
	// "l'ONG": NGO is a common noun, however written.
	if j >= len(s.toks) || isCap(s.toks[j].Text) && s.low[j] != "ong" && s.low[j] != "ngo" {
		return Mention{}, false
	}
	if !r.wc.is(orgDescClass, s.low[j]) {
		return Mention{}, false
	}
	end := j + 1
	// Adjectives after the noun ("la société coréenne",
	// "l'organisation islamique") belong to it.
	for r.traits.ModifierAfterNoun && end < len(s.toks) && s.toks[end].Kind == segment.Word && !isCap(s.toks[end].Text) &&
		len(r.lex.Lemma(s.low[end])) == 0 && !r.function[s.low[end]] && end-j < 3 {
		end++
	}
	// A complement or a name says which organization it is: that is for
	// the other rules ("le parti de X", "the company Apple").
	if end < len(s.toks) {
		switch n := s.low[end]; {
		case n == "de" || n == "du" || n == "des" || n == "d'" || n == "of" || isCap(s.toks[end].Text) && s.toks[end].Kind == segment.Word:
			return Mention{}, false
		}
	}
	return Mention{Start: i + 1, End: end, Text: s.text(i+1, end), Kind: Description, Type: graph.Org}, true
}

// gazetteer matches the longest gazetteer entry starting at i.
func (r *Recognizer) gazetteer(s *sentence, i int) (Mention, bool) {
	if isArticle(s.low[i]) || !r.gaz.Starts(s.toks[i].Text) {
		return Mention{}, false
	}
	maxw := min(r.gaz.MaxWords(), len(s.toks)-i)
	for n := maxw; n >= 1; n-- {
		last := s.toks[i+n-1]
		if last.Kind != segment.Word {
			continue
		}
		// A lower-case start is a name only for longer entries
		// ("conseil de sécurité"); single lower-case words are words.
		if !isCap(s.toks[i].Text) && n < 2 {
			continue
		}
		phrase := s.text(i, i+n)
		e, ok := r.gaz.Lookup(phrase)
		if !ok || e.Kind == gazetteer.Demonym {
			continue
		}
		if !isCap(s.toks[i].Text) && e.Type != graph.Org {
			continue
		}
		// "Reuters Holdings Plc", "Japan Tobacco Inc": a company's
		// name a known name opens is the company's own.
		if end := r.legalEnd(s, i+n); end > i+n {
			return Mention{Start: i, End: end, Text: s.text(i, end), Kind: Name, Type: graph.Org}, true
		}
		// "Assemblée nationale du Québec", "Senate of Belgium": the
		// name of one country's institution with another place after
		// it is that place's institution.
		if e.Type == graph.Org && !e.Acronym && r.national(e.Name) {
			if end, place, ok := r.ofPlace(s, i+n); ok && !r.ofCountry(e, place) {
				return Mention{Start: i, End: end, Text: s.text(i, end), Kind: Name, Type: graph.Org}, true
			}
		}
		m := Mention{Start: i, End: i + n, Text: phrase, Kind: Name, Name: e.Name, Type: e.Type, Known: true}
		if e.Kind == gazetteer.Capital || (e.Kind == gazetteer.Org && e.Country != "") {
			m.Capital = cmp.Or(e.Seat, e.Country)
			m.Seat = e.Seat != ""
		}
		return m, true
	}
	return Mention{}, false
}

// legalEnd returns the end of the capitalised words from token j that a
// company's legal form closes ("Holdings Plc", "Tobacco Inc"), within
// three words, or j when there are none. A legal form right at j adds
// nothing: "Apple Inc." is Apple.
func (r *Recognizer) legalEnd(s *sentence, j int) int {
	for k := j; k < len(s.toks) && k < j+3 && s.toks[k].Kind == segment.Word && isCap(s.toks[k].Text); k++ {
		if r.words.is(s.low[k], legalClass) {
			if k == j {
				return j
			}
			return k + 1
		}
	}
	return j
}

// ofPlace returns the end of "of" and a known place's name at token i
// ("du Québec", "of Puerto Rico", "de la Belgique"), and the place's
// canonical name.
func (r *Recognizer) ofPlace(s *sentence, i int) (int, string, bool) {
	for _, of := range [...]int{1, 2} {
		k := i + of
		if k >= len(s.toks) || !ofWords(s, i, k) || !isCap(s.toks[k].Text) {
			continue
		}
		for end := min(len(s.toks), k+4); end > k; end-- {
			if e, ok := r.gaz.Lookup(s.text(k, end)); ok && e.Type == graph.GPE && e.Kind != gazetteer.Demonym {
				return end, e.Name, true
			}
		}
	}
	return 0, "", false
}

// national reports an institution's canonical name that says its
// country ("US Senate", "National Assembly of France", "French Senate").
func (r *Recognizer) national(name string) bool {
	w := strings.Fields(name)
	for k := range w {
		if _, ok := r.gaz.Demonym(w[k]); ok {
			return true
		}
		for l := 1; l <= 3 && k+l <= len(w); l++ {
			if e, ok := r.gaz.Lookup(strings.Join(w[k:k+l], " ")); ok && e.Kind == gazetteer.Country {
				return true
			}
		}
	}
	return false
}

// ofCountry reports an institution of the gazetteer that is the place's
// own: "National Assembly of France", "French Senate" for France.
func (r *Recognizer) ofCountry(e gazetteer.Entry, place string) bool {
	if e.Country == place || strings.HasSuffix(e.Name, " "+place) {
		return true
	}
	first, _, _ := strings.Cut(e.Name, " ")
	c, ok := r.gaz.Demonym(first)
	return ok && c == place
}

// authority reads "les autorités allemandes" / "the German government"
// and a people by demonym ("les Allemands") as the country.
func (r *Recognizer) authority(s *sentence, i int) (Mention, bool) {
	n := len(s.toks)
	if r.wc.is(authorityClass, s.low[i]) && i+1 < n && !isCap(s.toks[i+1].Text) {
		if c, ok := r.gaz.Demonym(s.toks[i+1].Text); ok && r.traits.ModifierAfterNoun {
			return Mention{Start: i, End: i + 2, Text: s.text(i, i+2), Kind: Authority, Name: c, Type: graph.GPE, Known: true, Plural: strings.HasSuffix(s.low[i], "s")}, true
		}
	}
	if isCap(s.toks[i].Text) && i+1 < n && r.wc.is(authorityClass, s.low[i+1]) {
		if c, ok := r.gaz.Demonym(s.toks[i].Text); ok && !r.traits.ModifierAfterNoun {
			return Mention{Start: i, End: i + 2, Text: s.text(i, i+2), Kind: Authority, Name: c, Type: graph.GPE, Known: true}, true
		}
	}
	// "les Allemands", "the Russians": a capitalised plural demonym noun.
	if isCap(s.toks[i].Text) && strings.HasSuffix(s.low[i], "s") && i > 0 && (s.low[i-1] == "les" || s.low[i-1] == "the" || s.low[i-1] == "des") {
		if c, ok := r.gaz.Demonym(s.toks[i].Text); ok {
			if r.isDemonym(s.toks[i].Text) {
				return Mention{Start: i, End: i + 1, Text: s.toks[i].Text, Kind: Authority, Name: c, Type: graph.GPE, Known: true, Plural: true}, true
			}
		}
	}
	return Mention{}, false
}

// title reads a title phrase ("ministre français des Affaires étrangères",
// "Secretary of State") as a description of a person. One demonym inside
// or next to the title gives the country.
func (r *Recognizer) title(s *sentence, i int) (Mention, bool) {
	if r.lex == nil {
		return Mention{}, false
	}
	// "les militants de Greenpeace", "the ministers": a plural title
	// names a group, not a person; the organization named after it
	// stays a mention of its own.
	if i > 0 {
		switch s.low[i-1] {
		case "les", "des", "ces", "leurs", "nos", "vos":
			return Mention{}, false
		}
	}
	start := i
	// "Current President", "l'ancien président": a time qualifier
	// before the title is not part of it.
	past := false
	if start+1 < len(s.toks) && r.wc.is(whenClass, s.low[start]) {
		past = r.wc.is(pastClass, s.low[start])
		start++
	}
	maxw := min(r.lex.TitleMaxWords()+1, len(s.toks)-start)
	country := ""
	// A demonym or country before the title: "French Foreign Minister",
	// "the Russian president".
	if !r.traits.ModifierAfterNoun && start+1 < len(s.toks) && isCap(s.toks[start].Text) {
		if c, ok := r.gaz.Demonym(s.toks[start].Text); ok {
			country, start = c, start+1
		} else if e, ok := r.gaz.Lookup(s.toks[start].Text); ok && e.Kind == gazetteer.Country {
			country, start = e.Name, start+1 // "US President Barack Obama"
		}
		maxw = min(maxw, len(s.toks)-start)
	}
	if !r.lex.TitleStart(s.toks[start].Text) {
		return Mention{}, false
	}
	for n := maxw; n >= 1; n-- {
		var words []string
		skipCountry := ""
		for k := start; k < start+n; k++ {
			if s.toks[k].Kind != segment.Word {
				words = nil
				break
			}
			if k > start && skipCountry == "" && country == "" && !isCap(s.toks[k].Text) {
				if c, ok := r.gaz.Demonym(s.toks[k].Text); ok {
					skipCountry = c
					continue
				}
			}
			words = append(words, s.toks[k].Text)
		}
		if len(words) == 0 {
			continue
		}
		t, ok := r.lex.TitleInfo(joinWords(words))
		if !ok {
			continue
		}
		role := t.Role
		end := start + n
		c := country
		if c == "" {
			c = skipCountry
		}
		if c == "" {
			c = t.Of // "la présidente de la Commission européenne"
		}
		// A demonym right after the title: "le ministre russe".
		if c == "" && end < len(s.toks) && !isCap(s.toks[end].Text) {
			if d, ok := r.gaz.Demonym(s.toks[end].Text); ok {
				c, end = d, end+1
			}
		}
		m := Mention{Start: i, End: end, Text: s.text(i, end), Kind: Description, Type: graph.Person, Role: role, Country: c, FormerRole: past,
			Gender: r.titleGender(s, i, end)}
		if end < len(s.toks) {
			switch s.low[end] {
			case "de", "du", "des", "d'", "of", "at", "for":
				m.Complement = true
			}
		}
		// "senior vice president", "executive director": a company's
		// title, not a country's.
		if i > 0 && r.wc.is(corporateClass, s.low[i-1]) && c == "" {
			m.Complement = true
		}
		return m, true
	}
	return Mention{}, false
}

// objectHer reports "her" as an object ("appointed her as", "met her.")
// rather than a possessive ("her plans"): what follows cannot start a
// noun phrase.
func objectHer(s *sentence, i int) bool {
	if i+1 >= len(s.toks) {
		return true
	}
	switch s.low[i+1] {
	case ",", ".", ";", ":", "as", "to", "in", "on", "at", "for", "with", "and", "but", "after", "before", "over", "from", "\"", "'s":
		return true
	}
	return false
}

// sentenceCaseOrg returns the end of an institution name written in
// sentence case (Traits.SentenceCaseNames), whose capitalised head is at
// start and whose complements are lower case: "de" or "des"/"du" (and
// "la", "l'"), then nouns and adjectives, up to six words, a final
// capitalised complement included ("du Mali"); start+1 if there is none
// or the language writes its names otherwise.
func (r *Recognizer) sentenceCaseOrg(s *sentence, start int) int {
	if !r.traits.SentenceCaseNames {
		return start + 1
	}
	n := len(s.toks)
	end := start + 1
	// Adjectives after the head ("Cour suprême du Canada", "Banque
	// centrale du Brésil") belong to the name when a complement follows.
	j := start + 1
	for j < n && j-start <= 2 && s.toks[j].Kind == segment.Word && !isCap(s.toks[j].Text) && !r.function[s.low[j]] &&
		!r.wc.is(connectorClass, s.low[j]) && !strings.ContainsAny(s.toks[j].Text, "'’") && len(r.lex.Lemma(s.low[j])) == 0 {
		j++
	}
	if j < n && s.low[j] != "de" && s.low[j] != "des" && s.low[j] != "du" && s.low[j] != "d'" {
		j = start + 1
	}
	for j < n && j-start <= 8 {
		w := s.low[j]
		if w != "de" && w != "des" && w != "du" && w != "d'" {
			break
		}
		j++
		if j < n && (s.low[j] == "la" || s.low[j] == "l'") && w == "de" {
			j++
		}
		k := j
		for k < n && k-start <= 8 && s.toks[k].Kind == segment.Word && !r.function[s.low[k]] && !r.wc.is(connectorClass, s.low[k]) &&
			!strings.ContainsAny(s.toks[k].Text, "'’") && (len(r.lex.Lemma(s.low[k])) == 0 || r.participle(s.low[k])) {
			k++
			if isCap(s.toks[k-1].Text) {
				break // a name ends the complement: "du Mali"
			}
		}
		if k == j {
			break
		}
		end, j = k, k
	}
	return end
}

// chain reads a run of capitalised words as a name.
func (r *Recognizer) chain(s *sentence, i int, capitalised func(string) bool) (Mention, bool) {
	n := len(s.toks)
	start := r.nameStart(s, i)
	if start < n && r.wc.isParty(s.toks[start].Text) && !r.bodyAhead(s, start+1) {
		m, ok, skip := r.partyWord(s, start)
		if !skip {
			return m, ok
		}
		start++
	}
	honorific := start > i && r.wc.is(honorificClass, s.low[i])
	if start >= n || !r.isNameWord(s.toks[start].Text) || s.toks[start].Kind != segment.Word {
		return Mention{}, false
	}
	if start > i {
		// Let the next round see the name after the skipped words, so
		// that the gazetteer and titles get their chance at it.
		if !honorific {
			return Mention{}, false
		}
	}
	j, atTitle := r.nameEnd(s, start, honorific)
	if j-start == 1 {
		if m, ok, done := r.oneWord(s, i, start, j, honorific, capitalised); done {
			return m, ok
		}
	}
	return r.typed(s, i, start, j, honorific, atTitle)
}

// nameStart returns where a name starting at word i may begin, past
// honorifics, capitalised function words and a compound adjective.
func (r *Recognizer) nameStart(s *sentence, i int) int {
	n := len(s.toks)
	start := i
	// Honorifics and capitalised function words are not part of names,
	// except a capitalised article inside a sentence before a name: "à
	// La Rochelle", "Le Mans".
	for start < n && start < i+maxNameWords && isCap(s.toks[start].Text) && (r.wc.is(honorificClass, s.low[start]) || r.function[s.low[start]]) {
		if start == i && r.wc.is(articleClass, s.low[start]) && !isSentenceStart(s, start) && start+1 < n &&
			isCap(s.toks[start+1].Text) && !r.function[s.low[start+1]] && s.toks[start+1].Kind == segment.Word {
			break
		}
		start++
	}
	// "Trump-loving Kanye West", "Paris-based Total": a compound
	// adjective before a name is not part of it.
	if start+1 < n && isCap(s.toks[start+1].Text) {
		if t := s.toks[start].Text; CommonCompound(t) {
			start++
		}
	}
	return start
}

// partyWord reads a party word at start. "Republican Mitch McConnell",
// "Democrat Spearman": before a name it says who the person is with and
// is skipped (skip). Before a title ("the new Conservative leader") it
// names the party whose the title is. Before anything else ("Democratic
// primary", "Republican officials", "every Democrat,") it is an
// adjective or a member and opens no name; the party's own name
// ("Republican Party", "Democratic National Committee") has an
// organisation word.
func (r *Recognizer) partyWord(s *sentence, start int) (m Mention, ok, skip bool) {
	n := len(s.toks)
	word := start+1 < n && s.toks[start+1].Kind == segment.Word
	switch {
	case word && isCap(s.toks[start+1].Text) && !r.function[s.low[start+1]]:
		return Mention{}, false, true
	case word && r.titleAt(s, start+1):
		// Named as the party, lest it be an entity apart from it.
		p, _ := r.wc.party(s.toks[start].Text)
		return Mention{Start: start, End: start + 1, Text: s.toks[start].Text, Kind: Name, Name: p, Type: graph.Org, Known: true}, true, false
	}
	return Mention{}, false, false
}

// nameEnd returns the end of the name that begins at word start, and
// whether a title ends it.
func (r *Recognizer) nameEnd(s *sentence, start int, honorific bool) (j int, atTitle bool) {
	n := len(s.toks)
	j = start + 1
	for j < n && j-start < maxNameWords {
		if r.words.zones[s.toks[j].Text] || r.date(s, j) || r.credit(s, j) {
			break
		}
		// A function word ends a name, unless it names an institution
		// ("Thames Valley Police").
		if s.toks[j].Kind == segment.Word && r.isNameWord(s.toks[j].Text) && (!r.function[s.low[j]] || r.words.is(s.low[j], orgClass)) {
			// A title ends the name before it: "Senate President Thomas
			// Rivera Schatz" is the Senate, then a president; "Liberal
			// National MP John Smith" a party, then a member.
			// An institution word goes with the name, whatever title
			// it may start ("Green Party leader").
			if r.titleAt(s, j) && !r.words.is(s.low[j], orgClass) && !honorific && !r.titleSurname(s, start, j) && !r.members(s, start, j) {
				return j, true
			}
			j++
			// A legal form closes a company's name: "Toyota Motor
			// Corp. and Siemens AG" are two.
			if r.words.is(s.low[j-1], legalClass) {
				break
			}
			continue
		}
		k := r.joined(s, start, j)
		if k == 0 {
			break
		}
		j += k
	}
	return j, false
}

// joined returns how many words at j, inside the name that begins at
// start, join it to a capitalised word that goes on with it ("and" or
// "of" in an institution's name, "of the", "von der"), or 0 when the
// name ends at j.
func (r *Recognizer) joined(s *sentence, start, j int) int {
	n := len(s.toks)
	capWord := func(k int) bool { return k < n && isCap(s.toks[k].Text) && s.toks[k].Kind == segment.Word }
	switch {
	// "House Oversight and Reform Committee", "Agricultural
	// Stabilization and Conservation Service": "and" inside an
	// institution's name, whose word comes within a name's length ("the
	// American Civil Liberties Union of Montana and Native American
	// Rights Fund" are two).
	case (s.low[j] == "and" || s.low[j] == "&") && j+1 < n && isCap(s.toks[j+1].Text) && !r.words.is(s.low[j-1], orgClass) && r.bodyBefore(s, j+1, start+maxNameWords):
		return 1
	// "Ministry of the Interior", "Bank of the West": an institution's
	// complement may take an article.
	case r.wc.is(connectorClass, s.low[j]) && j+2 < n && isArticle(s.low[j+1]) && capWord(j+2) && !r.function[s.low[j+2]] && r.hasOrgWord(s, start, j):
		return 3
	// "Centers for Disease Control", "Department for Education": a
	// connector only an institution's name takes.
	case r.wc.is(orgConnectorClass, s.low[j]) && capWord(j+1) && !r.function[s.low[j+1]] && r.hasOrgWord(s, start, j) && !r.words.is(s.low[j-1], legalClass):
		return 2
	// "Centers for Disease Control and Prevention", "Ministry of Health
	// and Care": a common word ends an institution's complement; a name
	// is one of its own ("the Ministry of Defence and NATO").
	case s.low[j] == "and" && capWord(j+1) && !capWord(j+2) && !r.function[s.low[j+1]] &&
		r.hasOrgWord(s, start, j) && r.complemented(s, start, j) && r.lex.Common(s.low[j+1]) && !r.ownName(s.toks[j+1].Text):
		return 2
	case r.wc.is(connectorClass, s.low[j]) && capWord(j+1) && !r.function[s.low[j+1]]:
		// "Karsten Warholm of Norway" is a person from a country;
		// "Bank of England", "Association of ... of Mali",
		// "Presidential Medal of Freedom" are names.
		if j-start >= 2 && !r.hasWord(s, start, j, orgClass|eventClass) {
			return 0
		}
		return 2
	// "Ursula von der Leyen", "Abd al Aziz": two particles before the
	// name's last part.
	case j+2 < n && r.wc.is(pairClass, s.low[j]+" "+s.low[j+1]) && capWord(j+2) && (j-start < 2 || r.hasOrgWord(s, start, j)):
		return 3
	}
	return 0
}

// oneWord judges a name of the one word at start (the chain began at
// i): done is true when the verdict is given here, a mention or none.
func (r *Recognizer) oneWord(s *sentence, i, start, j int, honorific bool, capitalised func(string) bool) (m Mention, ok, done bool) {
	n := len(s.toks)
	// "la PME", "le PDG", "the CEO": acronyms of common nouns; "90 M$":
	// a lone capital letter.
	if r.wc.is(acronymClass, s.low[start]) || utf8.RuneCountInString(s.toks[start].Text) == 1 {
		return Mention{}, false, true
	}
	// "the U.S. Would be ready": an auxiliary capitalised by mistake is
	// no name, unless someone bears it ("May", "Will").
	if r.lex.IsAux(s.low[start]) && !r.ownName(s.toks[start].Text) {
		return Mention{}, false, true
	}
	// "(D-Calif.)", "(R-Wash.)": a party's letter and a state say who a
	// lawmaker is; they name no one.
	if t := s.toks[start].Text; len(t) > 2 && t[1] == '-' && t[0] >= 'A' && t[0] <= 'Z' {
		if e, ok := r.gaz.Lookup(t[2:]); ok && e.Type == graph.GPE {
			return Mention{}, false, true
		}
	}
	// "Vice-président", "Etat-membre": a capitalised compound whose last
	// part is a common word is no name.
	if CommonCompound(s.toks[start].Text) {
		return Mention{}, false, true
	}
	// In sentence case, an institution is named by its head and
	// lower-case complements: "l'Association des maires ruraux de
	// France", "la Ligue des droits de l'homme".
	if r.words.is(s.low[start], orgClass) || r.wc.is(headClass, s.low[start]) {
		if e := r.sentenceCaseOrg(s, start); e > j {
			if _, ok := r.gaz.Lookup(s.text(start, e)); !ok {
				return Mention{Start: i, End: e, Text: s.text(start, e), Kind: Name, Type: graph.Org}, true, true
			}
		}
	}
	// "l'Etat", "l'Eglise", "son État", "26 États": a common noun
	// capitalised for the institution is no name of its own.
	if r.traits.CapitalisedCommonNouns && start > 0 && (isArticle(s.low[start-1]) || s.low[start-1] == "d'" || s.low[start-1] == "de" || s.low[start-1] == "du" ||
		r.lex.Is(lexicon.Determiner, s.low[start-1]) || s.toks[start-1].Kind == segment.Number) {
		if _, ok := r.lex.Concept(s.low[start]); ok && !IsAcronym(s.toks[start].Text) {
			return Mention{}, false, true
		}
	}
	// A sentence's first word is capitalised anyway; one written with a
	// lower-case article ("al-Masri") is a name wherever it stands.
	if isSentenceStart(s, i) && !honorific && isCap(s.toks[start].Text) {
		w := s.low[start]
		if r.function[w] || !capitalised(w) && !r.apposedTitle(s, start+1) || r.lex.IsAux(strings.ToLower(s.toks[start].Text)) {
			return Mention{}, false, true
		}
	}
	// "European", "Muslims", "les Européens": a region's, religion's or
	// people's word is no name on its own.
	if r.function[s.low[start]] || r.isDemonym(s.toks[start].Text) || r.wc.is(groupClass, s.low[start]) {
		return Mention{}, false, true
	}
	// A lone institution word ("the Society", "le Parlement") names
	// the body of that kind the document named in full before, if any:
	// the resolver looks for it. Where common nouns are capitalised
	// for a place or institution, a lone capitalised noun after an
	// article ("la Défense") names nothing in particular.
	if !IsAcronym(s.toks[start].Text) {
		if r.words.is(s.low[start], orgClass) || r.wc.is(headClass, s.low[start]) {
			if start > i {
				return Mention{}, false, true
			}
			// "Society President Ash Soni": before a title it says
			// whose the title is, named or not.
			if j < n && r.titleAt(s, j) {
				return Mention{Start: start, End: j, Text: s.toks[start].Text, Kind: Name, Type: graph.Org, Institution: true}, true, true
			}
			return Mention{Start: start, End: j, Text: s.toks[start].Text, Kind: Description, Type: graph.Org}, true, true
		}
		if r.traits.CapitalisedCommonNouns && start > 0 && isArticle(s.low[start-1]) {
			if _, known := r.gaz.Lookup(s.toks[start].Text); !known {
				return Mention{}, false, true
			}
		}
	}
	return Mention{}, false, false
}

// typed returns the name of words start to j (the chain began at i),
// with its canonical form when the gazetteer knows it, else its type
// guessed from its words and context.
func (r *Recognizer) typed(s *sentence, i, start, j int, honorific, atTitle bool) (Mention, bool) {
	words := j - start
	text := s.text(start, j)
	if len(text) > maxNameBytes {
		return Mention{}, false
	}
	m := Mention{Start: i, End: j, Text: text, Kind: Name}
	if honorific {
		m.Type = graph.Person
		for k := i; k < start && m.Gender == 0; k++ {
			m.Gender = r.wc.gender(honorificClass, s.low[k])
		}
	}
	if e, ok := r.gaz.Lookup(text); ok && e.Kind != gazetteer.Demonym {
		m.Name, m.Type, m.Known = e.Name, e.Type, true
		if e.Kind == gazetteer.Capital {
			m.Capital = cmp.Or(e.Seat, e.Country)
			m.Seat = e.Seat != ""
		}
		return m, true
	}
	// "l'ONG Human Rights Watch": a known name after a capitalised
	// classifier is that name. After a company's acronym a place names
	// its branch there: "IBM France", "GM Europe" are the company's.
	if k := start + 1; k < j && (IsAcronym(s.toks[start].Text) || r.wc.is(classifierClass, s.low[start])) {
		if e, ok := r.gaz.Lookup(s.text(k, j)); ok && e.Kind != gazetteer.Demonym {
			if r.wc.is(classifierClass, s.low[start]) || e.Type != graph.GPE && e.Type != graph.Loc {
				return Mention{Start: k, End: j, Text: s.text(k, j), Kind: Name, Name: e.Name, Type: e.Type, Known: true}, true
			}
			m.Type = graph.Org
		}
	}
	if m.Type == "" {
		m.Type = r.guessType(s, start, j)
	}
	// "Obama", "Merkel": a lone surname of a known politician. That it
	// is a common word too ("Major", "Trump"; "hollande", "macron" in
	// French) says nothing: a common word opening a sentence is a name
	// only where the document capitalises it elsewhere.
	if words == 1 && m.Type == "" && !IsAcronym(text) {
		if full := r.lone[graph.Fold(text)]; full != "" {
			m.Type, m.Full = graph.Person, full
		}
	}
	// "Democrat Spearman": a party word before a name says a member;
	// before a common word capitalised ("Democratic House") it does not.
	if m.Type == "" && start > 0 && r.wc.isParty(s.toks[start-1].Text) && !r.commonWord(s.low[start]) {
		m.Type = graph.Person
	}
	// Words before a title that are no person's name are what the
	// title is of: a party, a body ("Liberal National MP X").
	if atTitle && words > 1 && (m.Type == graph.Person || m.Type == "") && !honorific {
		if _, first := defaultFirstNames()[s.low[start]]; !first {
			m.Type = graph.Org
		}
	}
	return m, true
}

// members reports a plural title inside an institution's name, which
// names its members, not a title before a person: "Council of Economic
// Advisers", "Board of Governors".
func (r *Recognizer) members(s *sentence, start, j int) bool {
	return r.lex.NounLemma(s.low[j]) != s.low[j] && r.hasOrgWord(s, start, j)
}

// commonWords reports whether words [start, end) are all the language's
// common words, the first no given name and none an initial. A
// language without a common-word list has none.
func (r *Recognizer) commonWords(s *sentence, start, end int) bool {
	if !r.lex.HasCommonWords() {
		return false
	}
	if _, ok := r.first[s.low[start]]; ok {
		return false
	}
	for k := start; k < end; k++ {
		// "Faculté de Droit": a connector is neither a name's word
		// nor a common one.
		if k > start && r.wc.is(connectorClass, s.low[k]) && !r.wc.is(particleClass, s.low[k]) {
			continue
		}
		if isInitial(s.toks[k].Text) || !r.lex.Common(s.low[k]) {
			return false
		}
	}
	return true
}

// commonWord reports a word the lexicon knows in lower case, as a verb,
// a noun or a concept ("house", "court").
func (r *Recognizer) commonWord(w string) bool {
	if len(r.lex.Forms(w)) > 0 || r.lex.KnownVerb(w) {
		return true
	}
	_, ok := r.lex.Concept(w)
	return ok
}

// titleAt reports a title starting at token i ("President", "Majority
// Leader").
func (r *Recognizer) titleAt(s *sentence, i int) bool {
	if !r.lex.TitleStart(s.toks[i].Text) {
		return false
	}
	for n := 1; n <= r.lex.TitleMaxWords() && i+n <= len(s.toks); n++ {
		if s.toks[i+n-1].Kind != segment.Word {
			return false
		}
		if _, ok := r.lex.Title(s.text(i, i+n)); ok {
			return true
		}
	}
	return false
}

// titleSurname reports a title word at j that is the surname of the
// given names from start: "Stephen King", "Jim Justice", "Martin Luther
// King Jr.". A title before a name is followed by that name ("Senate
// President Thomas Rivera Schatz"); a surname is not.
func (r *Recognizer) titleSurname(s *sentence, start, j int) bool {
	if j == start {
		return false
	}
	for k := start; k < j; k++ {
		if _, ok := r.first[s.low[k]]; !ok && !isInitial(s.toks[k].Text) {
			return false
		}
	}
	if _, ok := r.lex.Title(s.toks[j].Text); !ok {
		return false // a title of several words: "Jim Prime Minister" is no name
	}
	k := j + 1
	return k >= len(s.toks) || s.toks[k].Kind != segment.Word || !isCap(s.toks[k].Text) || r.wc.is(suffixClass, s.low[k])
}

// isInitial reports an initial: "L.", "J".
func isInitial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return utf8.RuneCountInString(w) == 1 && isCap(w)
}

// bodyAhead reports an organisation or event word among the capitalised
// words from token i ("National Committee", "Party").
func (r *Recognizer) bodyAhead(s *sentence, i int) bool {
	return r.bodyBefore(s, i, i+maxNameWords)
}

// bodyBefore is bodyAhead with the word found before token end.
func (r *Recognizer) bodyBefore(s *sentence, i, end int) bool {
	for k := i; k < len(s.toks) && k < end && s.toks[k].Kind == segment.Word && isCap(s.toks[k].Text); k++ {
		if r.words.is(s.low[k], orgClass|eventClass) {
			return true
		}
	}
	return false
}

// demonymLed reports a people's adjective at start followed by a word
// that is not a given name.
func (r *Recognizer) demonymLed(s *sentence, start int) bool {
	_, demonym := r.gaz.Demonym(s.toks[start].Text)
	_, first := r.first[graph.Fold(s.toks[start+1].Text)]
	return demonym && !first
}

// ownName reports a word that may be a name of its own: one the
// gazetteer starts, or a known person's first name or surname.
func (r *Recognizer) ownName(w string) bool {
	f := graph.Fold(w)
	_, surname := r.surnames[f]
	_, first := r.first[f]
	return r.gaz.Starts(w) || surname || first
}

// complemented reports a connector among tokens (from, to): the name
// has a complement ("Ministry of Health") that a coordinated word may
// end.
func (r *Recognizer) complemented(s *sentence, from, to int) bool {
	for k := from + 1; k < to; k++ {
		if r.wc.is(connectorClass, s.low[k]) || r.wc.is(orgConnectorClass, s.low[k]) {
			return true
		}
	}
	return false
}

// hasOrgWord reports an organization word among tokens [from, to).
func (r *Recognizer) hasOrgWord(s *sentence, from, to int) bool {
	return r.hasWord(s, from, to, orgClass)
}

// hasWord reports a word of class c among tokens [from, to).
func (r *Recognizer) hasWord(s *sentence, from, to int, c class) bool {
	for k := from; k < to; k++ {
		if r.words.is(s.low[k], c) {
			return true
		}
	}
	return false
}

// classifier returns the type a classifier noun (folded) gives the name
// after it.
func (r *Recognizer) classifier(w string) (graph.EntityType, bool) {
	switch v, _ := r.wc.value(classifierClass, w); v {
	case "org":
		return graph.Org, true
	case "gpe":
		return graph.GPE, true
	}
	return "", false
}

// guessType types an unknown name from its words and context; "" when
// only resolution can tell (a single word may be a surname).
func (r *Recognizer) guessType(s *sentence, start, end int) graph.EntityType {
	// "l'organisation humanitaire Terre Solidaire": a classifier before the
	// name, with an adjective or "de" between.
	for k := start - 1; k >= 0 && k >= start-3; k-- {
		if t, ok := r.classifier(s.low[k]); ok && !isCap(s.toks[k].Text) {
			return t
		}
		if s.low[k] != "de" && s.low[k] != "d'" && s.low[k] != "of" &&
			(isCap(s.toks[k].Text) || s.toks[k].Kind != segment.Word || r.function[s.low[k]] || len(r.lex.Lemma(s.low[k])) > 0) {
			break
		}
	}
	hasConnector := false
	for k := start; k < end; k++ {
		if r.words.is(s.low[k], orgClass) {
			return graph.Org
		}
		if r.wc.is(connectorClass, s.low[k]) && !r.wc.is(particleClass, s.low[k]) {
			hasConnector = true
		}
	}
	words := end - start
	// "Korean War", "Hurricane Dorian"; "Easter Island", "Wellhouse
	// Lane".
	for _, c := range [...]struct {
		class class
		typ   graph.EntityType
	}{{eventClass, graph.Event}, {placeClass, graph.Loc}} {
		for k := start; k < end && words > 1; k++ {
			if r.words.is(s.low[k], c.class) {
				return c.typ
			}
		}
	}
	// "à La Rochelle", "in Los Alamos": an article-led name after a
	// locative is a place.
	if words > 1 && start > 0 && r.wc.is(locativeClass, s.low[start-1]) && r.wc.is(articleClass, s.low[start]) {
		return graph.GPE
	}
	if IsAcronym(s.toks[start].Text) && words > 1 {
		return graph.Org // "ONG Human Rights", "BBC News"
	}
	if words == 1 {
		w := s.toks[start].Text
		if IsAcronym(w) {
			return graph.Org
		}
		if start > 0 && r.wc.is(locativeClass, s.low[start-1]) {
			return graph.GPE
		}
		return ""
	}
	if hasConnector && words > 3 {
		return graph.Org
	}
	// "National Intelligence Estimate", "Penal Code", "Big Apple": a run
	// of common words is no person's name, unless a given name opens it
	// ("Will Smith") or it holds an initial. What it is the gazetteer
	// does not say: it stays untyped.
	if r.commonWords(s, start, end) {
		return ""
	}
	// "American Express", "British Airways": a people's adjective and
	// a word other than a given name make no person's name. Longer,
	// it may say who the person is ("Austrian Bernhard Kohl").
	if words == 2 && r.demonymLed(s, start) {
		return graph.Org
	}
	if words <= 4 {
		return graph.Person
	}
	return graph.Org
}

// appositions joins a title and the name next to it — "le ministre
// français des Affaires étrangères, Jean-Marc Ayrault", "John Kerry, le
// secrétaire d'Etat américain", "French Foreign Minister Jean-Marc
// Ayrault" — into one person mention carrying the role.
func (r *Recognizer) appositions(s *sentence, ms []Mention) []Mention {
	ms = titlesOf(s, ms)
	var out []Mention
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if m.Kind == Description && m.Type == graph.Person && k+1 < len(ms) {
			n := ms[k+1]
			gap := n.Start - m.End
			comma := gap == 1 && s.toks[m.End].Text == ","
			if n.Kind == Name && (n.Type == graph.Person || n.Type == "") && (gap == 0 || comma || r.adjectives(s, m.End, n.Start) || m.Complement && r.complement(s, m.End, n.Start)) {
				n.Type = graph.Person
				n.Role, n.RoleOf, n.Complement, n.FormerRole = m.Role, m.Country, m.Complement, m.FormerRole
				n.Gender = cmp.Or(n.Gender, m.Gender)
				n.Start = m.Start
				if end := n.End; comma && end < len(s.toks) && s.toks[end].Text == "," {
					n.End = end // the closing comma stays outside
				}
				out = append(out, n)
				k++
				continue
			}
		}
		if m.Kind == Name && (m.Type == graph.Person || m.Type == "") && k+1 < len(ms) {
			n := ms[k+1]
			if n.Kind == Description && m.End < len(s.toks) && s.toks[m.End].Text == "," && onlyDeterminers(s, m.End+1, n.Start) {
				m.Type = graph.Person
				m.Role, m.RoleOf, m.Complement, m.FormerRole = n.Role, n.Country, n.Complement, n.FormerRole
				m.Gender = cmp.Or(m.Gender, n.Gender)
				// "John Kerry, le secrétaire d'Etat américain, a dit": an
				// apposition closed by a comma is part of the name's
				// mention. Without the closing comma the description may
				// start the next clause ("..., le secrétaire d'Etat
				// américain n'avait jamais évoqué"): it stays a mention of
				// its own, which resolves to this name through the role.
				if n.End < len(s.toks) && s.toks[n.End].Text == "," {
					m.End = n.End
					out = append(out, m)
					k++
					continue
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// isDemonym reports a demonym that is not also a place name ("French",
// but not "Chad").
func (r *Recognizer) isDemonym(w string) bool {
	if _, ok := r.gaz.Demonym(w); !ok {
		return false
	}
	e, ok := r.gaz.Lookup(w)
	return !ok || e.Kind == gazetteer.Demonym
}

// titlesOf joins a title and the organization or country it is of —
// "porte-parole d'EELV", "le secrétaire général de l'ONU", "the head of
// the International Monetary Fund" — into one description whose role is
// of that organization.
func titlesOf(s *sentence, ms []Mention) []Mention {
	var out []Mention
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if m.Kind == Description && m.Type == graph.Person && k+1 < len(ms) {
			n := ms[k+1]
			possessive := n.End < len(s.toks) && (s.low[n.End] == "'s" || s.low[n.End] == "’s")
			if n.Known && (n.Type == graph.Org || n.Type == graph.GPE) && ofWords(s, m.End, n.Start) && !possessive {
				m.Country, m.Complement = n.Name, false
				m.End = n.End
				m.Text = s.text(m.Start, m.End)
				out = append(out, m)
				k++
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// ofWords reports whether tokens [from, to) are "de", "d'", "du", "des",
// "de la", "of", "of the".
func ofWords(s *sentence, from, to int) bool {
	switch to - from {
	case 1:
		switch s.low[from] {
		case "de", "d'", "du", "des", "of":
			return true
		}
	case 2:
		return (s.low[from] == "de" && (s.low[from+1] == "la" || s.low[from+1] == "l'")) ||
			(s.low[from] == "of" && s.low[from+1] == "the")
	}
	return false
}

// complement reports whether tokens [from, to) are the complement of a
// title before the name it qualifies: "le président du Conseil italien
// Mario Monti" — a preposition, then up to four words, no punctuation or
// verb.
func (r *Recognizer) complement(s *sentence, from, to int) bool {
	if to-from < 2 || to-from > 5 {
		return false
	}
	switch s.low[from] {
	case "de", "du", "des", "d'", "of":
	default:
		return false
	}
	for k := from + 1; k < to; k++ {
		if s.toks[k].Kind != segment.Word || len(r.lex.Lemma(s.low[k])) > 0 && !isCap(s.toks[k].Text) {
			return false
		}
	}
	return true
}

// adjectives reports whether tokens [from, to) are one or two lower-case
// words that can qualify a title ("le premier ministre conservateur
// Jean Castex", "le président sortant Barack Obama").
func (r *Recognizer) adjectives(s *sentence, from, to int) bool {
	if to-from < 1 || to-from > 2 {
		return false
	}
	for k := from; k < to; k++ {
		t := s.toks[k]
		if t.Kind != segment.Word || isCap(t.Text) || r.function[s.low[k]] || r.wc.is(connectorClass, s.low[k]) ||
			len(r.lex.Lemma(s.low[k])) > 0 && !r.participle(s.low[k]) || strings.ContainsAny(t.Text, "'’") {
			return false
		}
	}
	return true
}

// participle reports a word that is only ever a present participle, which
// qualifies a title as an adjective does ("le président sortant").
func (r *Recognizer) participle(w string) bool {
	fs := r.lex.Forms(w)
	for _, f := range fs {
		if f.POS != "verb" || !slices.Contains(f.Tags, "ppr") {
			return false
		}
	}
	return len(fs) > 0
}

// onlyDeterminers reports whether tokens [from, to) are all articles or
// possessives ("le", "son", "the").
func onlyDeterminers(s *sentence, from, to int) bool {
	for k := from; k < to; k++ {
		switch s.low[k] {
		case "le", "la", "les", "l'", "son", "sa", "ses", "leur", "the", "his", "her", "its", "their", "un", "une", "a", "an":
		default:
			return false
		}
	}
	return true
}

// isSentenceStart reports a word that starts its sentence or a quotation.
func isSentenceStart(s *sentence, i int) bool {
	if i > 0 && (s.toks[i-1].Kind == segment.Quote || s.toks[i-1].Text == ":") {
		return true
	}
	for k := 0; k < i; k++ {
		if s.toks[k].Kind == segment.Word || s.toks[k].Kind == segment.Number {
			return false
		}
	}
	return true
}

func isArticle(w string) bool {
	switch w {
	case "le", "la", "les", "l'", "the":
		return true
	}
	return false
}

func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// apposedTitle reports a comma, a determiner and a title at token i
// ("Lagarde, la présidente de la BCE"): what precedes is a name.
func (r *Recognizer) apposedTitle(s *sentence, i int) bool {
	if i+2 >= len(s.toks) || s.toks[i].Text != "," || i == 0 {
		return false
	}
	// "Officially, the monarch", "Finalement, le président": an adverb
	// opens the sentence.
	if w := s.low[i-1]; strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ment") || len(r.lex.Lemma(w)) > 0 {
		return false
	}
	switch s.low[i+1] {
	case "le", "la", "l'", "the", "a", "an", "un", "une":
	default:
		return false
	}
	return r.lex.TitleStart(s.toks[i+2].Text)
}

// CommonCompound reports a capitalised compound whose last part is a
// common word ("Vice-président", "Trump-loving", "Paris-based"): no name
// of its own.
func CommonCompound(w string) bool {
	k := strings.LastIndex(w, "-")
	return k > 0 && k+1 < len(w) && isCap(w) && !isCap(w[k+1:])
}

// isNameWord reports a word that may be part of a name: capitalised, or
// an Arabic article joined to a capitalised name ("al-Masri", "el-Sisi").
func (r *Recognizer) isNameWord(w string) bool {
	if isCap(w) {
		return true
	}
	p, rest, ok := strings.Cut(w, "-")
	if !ok || !r.wc.is(hyphenClass, p) {
		return false
	}
	return isCap(rest)
}

// IsAcronym reports a word of two to six letters, all capitals ("NATO",
// "HP", "U.S.").
func IsAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2 && letters <= 6
}

// joinWords joins tokens back into a phrase, with no space after an
// elided article ("secrétaire d'Etat").
func joinWords(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 && !strings.HasSuffix(words[i-1], "'") && !strings.HasSuffix(words[i-1], "’") {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}
