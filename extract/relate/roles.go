package relate

import (
	"cmp"
	"slices"
	"strings"

	"github.com/kgraph/kg/extract/entity"
	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/graph"
)

// roles returns the roles the tree states next to a person's name: an
// apposition or copula with a title ("Kate Brown, the governor of
// Oregon"; "X was the chief executive of Y"; "la présidente de la
// Commission, Ursula von der Leyen") and a party adjective ("Republican
// Mitch McConnell", "le démocrate Barack Obama").
func (c *clauses) roles() []graph.Triple {
	ro := &roleTriples{c: c}
	for k, w := range c.w {
		switch {
		case c.rel(k, "appos") || c.rel(k, "nmod") && c.caseOf(k) == "":
			c.apposedRoles(ro, k)
		case w.UPOS == "NOUN" && c.child(k, "cop") >= 0:
			c.copulaRole(ro, k)
		}
		c.nameRoles(ro, k)
	}
	// "Sacramento, la capitale de la Californie" when the parser did not make the
	// noun an apposition: the name just before the comma.
	for k := range c.w {
		if !c.is(lexicon.Relational, c.lemma(k)) || c.ment[k] >= 0 || c.rel(k, "appos") || k < 3 {
			continue
		}
		if c.w[k-1].UPOS == "DET" && c.w[k-2].Form == "," && c.ment[k-3] >= 0 {
			ro.add(c.relational(k-3, k)...)
		}
	}
	// "Tarbes, dans les Hautes-Pyrénées": a place and the larger place it is in.
	ro.add(c.located()...)
	c.partyHeads(ro)
	c.partyComplements(ro)
	c.appointed(ro)
	c.portfolios(ro)
	return ro.out
}

// roleTriples collects the triples of a sentence's roles, in the order
// they are read.
type roleTriples struct {
	c   *clauses
	out []graph.Triple
}

func (ro *roleTriples) add(ts ...graph.Triple) { ro.out = append(ro.out, ts...) }

// emit adds that the person of mention m holds role of what of names,
// with confidence conf: unless of is a person, the person themself, or
// a party of which an office is said.
func (ro *roleTriples) emit(m int, role string, of arg, conf float64) {
	st := ro.c.st
	sm := st.s.Mentions[m]
	name, typ := of.name, cmp.Or(of.typ, graph.Org)
	if of.mention >= 0 {
		om := st.s.Mentions[of.mention]
		if om.Type == graph.Person {
			return
		}
		name, typ = st.name(om, true), st.typ(om, true)
	}
	if name == "" || graph.Fold(name) == graph.Fold(sm.Name) {
		return
	}
	// "le député X, du Parti socialiste": an office is not held of
	// a party; the party is the holder's.
	if strings.HasSuffix(graph.Fold(name), " party") && publicOffice(role) {
		return
	}
	// The contract's predicates are in the present tense: a role held
	// before is "is former X of", as annotators write it first.
	verb := "is "
	if strings.HasPrefix(role, pastMark) {
		verb, role = "is former ", strings.TrimPrefix(role, pastMark)
	}
	ro.add(graph.Triple{
		Subject: sm.Name, SubjectType: graph.Person,
		Predicate: verb + role + " of",
		Object:    name, ObjectType: typ,
		Modality: graph.Asserted, Confidence: conf, Source: role,
	})
}

// person returns the mention of the named person at word k, or -1.
func (c *clauses) person(k int) int {
	if k < 0 || c.ment[k] < 0 {
		return -1
	}
	m := c.st.s.Mentions[c.ment[k]]
	if m.Type != graph.Person || m.Kind != entity.Name || m.Name == "" {
		return -1
	}
	return c.ment[k]
}

// apposedRoles reads word k apposed to its head: name, title — or
// title, name (the recogniser may have taken the title into the name's
// mention) — and a place apposed to the place it is part of.
func (c *clauses) apposedRoles(ro *roleTriples, k int) {
	h := c.head(k)
	if h < 0 {
		return
	}
	if m := c.person(h); m >= 0 && (c.ment[k] != m || c.w[k].UPOS == "NOUN") {
		if role, of, ok := c.title(k); ok {
			ro.emit(m, role, of, 0.7)
		}
		// "X — former governor, senator and member of
		// Congress".
		for _, d := range c.kids[k] {
			if c.rel(d, "conj") && c.ment[d] < 0 {
				if role, of, ok := c.title(d); ok {
					ro.emit(m, role, of, 0.65)
				}
				ro.add(c.relational(h, d)...)
			}
		}
	} else if m := c.person(k); m >= 0 && c.ment[h] != m {
		if role, of, ok := c.title(h); ok {
			ro.emit(m, role, of, 0.7)
		}
		// "le socialiste François Hollande".
		if t, ok := c.member(m, h); ok {
			ro.add(t)
		}
	}
	// "Sacramento, la capitale de la Californie".
	if c.ment[k] < 0 && c.w[k].UPOS == "NOUN" {
		ro.add(c.relational(h, k)...)
	}
}

// copulaRole reads the title noun k of a copula: "al-Masri is the
// military commander", "Corsica is part of France".
func (c *clauses) copulaRole(ro *roleTriples, k int) {
	// A name the recogniser could not type is a person when it is a
	// title.
	m := c.person(c.child(k, "nsubj"))
	if s := c.child(k, "nsubj"); m < 0 && s >= 0 && c.ment[s] >= 0 {
		if sm := c.st.s.Mentions[c.ment[s]]; sm.Type == "" && sm.Kind == entity.Name && sm.Name != "" {
			m = c.ment[s]
		}
	}
	if m >= 0 {
		if role, of, ok := c.title(k); ok {
			ro.emit(m, role, of, 0.65)
		}
	} else if s := c.child(k, "nsubj"); s >= 0 && c.ment[k] < 0 {
		ro.add(c.relational(s, k)...)
	}
}

// nameRoles reads the roles word k states of a person wherever the
// parser hung it: a title the recogniser took into the name's mention,
// a title word inside the mention, party words on the name.
func (c *clauses) nameRoles(ro *roleTriples, k int) {
	st := c.st
	// "X, a spokeswoman for the WHO": the recogniser took the
	// apposition into the name's mention; its complement, wherever
	// the parser hung it, says what the title is of.
	if m := c.apposed(k); m >= 0 && c.w[k].UPOS == "NOUN" && !isCapital(c.w[k].Form) {
		if role, of, ok := c.title(k); ok && of.mention >= 0 {
			ro.emit(m, role, of, 0.65)
		}
	}
	m := c.person(k)
	if m < 0 {
		return
	}
	// "Labour leader Keir Starmer": a title word inside the name's
	// mention, qualified by a party.
	for _, d := range c.kids[k] {
		if (c.rel(d, "compound") || c.rel(d, "nmod:desc")) && c.w[d].UPOS == "NOUN" || c.rel(d, "nmod:desc") {
			if role, of, ok := c.title(d); ok && of.name != "" && of.typ == "" {
				ro.emit(m, role, of, 0.65)
			}
		}
	}
	// "Democrat Chuck Schumer": the party word opens the name.
	if c.w[k].Token == st.s.Mentions[m].Start {
		if t, ok := c.member(m, k); ok && st.s.Mentions[m].End-st.s.Mentions[m].Start > 2 {
			ro.add(t)
		}
	}
	// Party adjectives on a name, or a name apposed to one.
	for _, d := range c.kids[k] {
		if c.ment[d] == m && !c.rel(d, "amod") {
			continue
		}
		if !(c.rel(d, "amod") || c.rel(d, "compound") || c.rel(d, "nmod:desc") || c.rel(d, "appos")) {
			continue
		}
		if t, ok := c.member(m, d); ok {
			ro.add(t)
		}
	}
}

// partyHeads reads "Democrat Chuck Schumer" parsed with the party word
// as the head.
func (c *clauses) partyHeads(ro *roleTriples) {
	for k := range c.w {
		if c.ment[k] >= 0 || !entity.IsParty(c.st.r.lang, c.w[k].Form) {
			continue
		}
		for _, d := range c.kids[k] {
			if m := c.person(d); m >= 0 && (c.rel(d, "flat") || c.rel(d, "appos") || c.rel(d, "compound")) {
				if t, ok := c.member(m, k); ok {
					ro.add(t)
				}
				break
			}
		}
	}
}

// partyComplements reads a party as a name's complement: "Jane Doe of
// the Green Party", "X, du Parti socialiste".
func (c *clauses) partyComplements(ro *roleTriples) {
	st := c.st
	for k := range c.w {
		m := c.ment[k]
		if m < 0 || !c.rel(k, "nmod") || !c.is(lexicon.Genitive, c.caseOf(k)) {
			continue
		}
		om := st.s.Mentions[m]
		if om.Type != graph.Org || !strings.HasSuffix(graph.Fold(st.name(om, false)), " party") {
			continue
		}
		if p := c.person(c.head(k)); p >= 0 && p != m {
			ro.add(graph.Triple{
				Subject: st.s.Mentions[p].Name, SubjectType: graph.Person,
				Predicate: "is member of", Object: st.name(om, false), ObjectType: graph.Org,
				Modality: graph.Asserted, Confidence: 0.65, Source: c.caseOf(k),
			})
		}
	}
}

// portfolios reads the roles French government news states by handing
// over a ministry: "le ministère de l'Intérieur revient à X",
// "X reçoit la Défense", "le poste de ministre de la Santé a été confié
// au banquier X". The role is of the document's country. A language
// whose verbclass.tsv has no receive or hand verbs states none.
func (c *clauses) portfolios(ro *roleTriples) {
	for v, w := range c.w {
		if w.UPOS != "VERB" {
			continue
		}
		lemma := c.lemma(v)
		var holders []arg
		var folios []int
		switch {
		case c.is(lexicon.Receiving, lemma):
			holders = c.subjects(v)
			folios = append(folios, c.child(v, "obj"))
		case c.is(lexicon.Handing, lemma):
			for _, d := range c.kids[v] {
				if (c.rel(d, "obl") || c.rel(d, "iobj")) && c.caseOf(d) == "a" {
					holders = append(holders, c.args(d, false)...)
					// "au conservateur X": a name the qualifier governs.
					for _, e := range c.kids[d] {
						if c.ment[e] >= 0 && c.ment[e] != c.ment[d] && (c.rel(e, "nmod") || c.rel(e, "appos") || c.rel(e, "flat")) {
							holders = append(holders, arg{mention: c.ment[e]})
						}
					}
				}
			}
			folios = append(folios, c.child(v, "nsubj"), c.child(v, "nsubj:pass"), c.child(v, "obj"))
		default:
			continue
		}
		for _, f := range folios {
			if f < 0 {
				continue
			}
			r, ok := c.portfolio(f)
			if !ok {
				continue
			}
			role, of, ok := c.home(r)
			if !ok {
				continue
			}
			for _, h := range holders {
				if h.mention < 0 {
					continue
				}
				if m := c.st.s.Mentions[h.mention]; m.Type == graph.Person && m.Kind == entity.Name && m.Name != "" {
					ro.emit(h.mention, role, of, 0.6)
				}
			}
		}
	}
}

// portfolio returns the minister's title a noun phrase names as a
// portfolio: "le ministère de l'Intérieur", "le portefeuille de
// la Justice", "le poste de ministre de la Santé", "la Défense".
func (c *clauses) portfolio(k int) (string, bool) {
	if c.w[k].UPOS != "NOUN" && c.w[k].UPOS != "PROPN" {
		return "", false
	}
	// The phrase's words: the head and its complements, in order.
	in := map[int]bool{k: true}
	var add func(int)
	add = func(h int) {
		for _, d := range c.kids[h] {
			if d > k && (c.rel(d, "nmod") || c.rel(d, "amod") || c.rel(d, "case") || c.rel(d, "det") || c.rel(d, "flat") || c.rel(d, "fixed")) {
				in[d] = true
				add(d)
			}
		}
	}
	add(k)
	var rest []string
	for i := k + 1; i < len(c.w) && in[i]; i++ {
		rest = append(rest, c.w[i].Form)
	}
	var phrase string
	switch c.lemma(k) {
	case "ministère":
		phrase = "ministre " + joinWords(rest)
	case "portefeuille", "poste", "maroquin":
		if len(rest) < 2 {
			return "", false
		}
		if strings.EqualFold(rest[1], "ministre") {
			phrase = joinWords(rest[1:]) // "poste de ministre de la Santé"
		} else {
			phrase = "ministre " + joinWords(rest)
		}
	default:
		// "reçoit la Défense": a capitalised department after its
		// article.
		if !isCapital(c.w[k].Form) || c.ment[k] >= 0 || k == 0 {
			return "", false
		}
		det := strings.ToLower(c.w[k-1].Form)
		switch det {
		case "la", "l'":
			phrase = "ministre de " + det + " " + c.w[k].Form
		case "les":
			phrase = "ministre des " + c.w[k].Form
		case "le":
			phrase = "ministre du " + c.w[k].Form
		default:
			return "", false
		}
	}
	return c.st.r.lex.Title(strings.ReplaceAll(phrase, "' ", "'"))
}

// publicOffice reports a title held in a state, not in a party.
func publicOffice(role string) bool {
	role = strings.TrimPrefix(role, pastMark)
	switch role {
	case "member of parliament", "senator", "representative", "deputy", "mayor", "governor", "lawmaker", "congressman":
		return true
	}
	return NationalRole(role)
}

// located reads "X, dans l'Y", "X, in Y" between places: X is located
// in Y.
func (c *clauses) located() []graph.Triple {
	st := c.st
	ms := st.s.Mentions
	place := func(m int) bool {
		return m >= 0 && ms[m].Name != "" && (ms[m].Type == graph.GPE || ms[m].Type == graph.Loc) && ms[m].Kind == entity.Name
	}
	var out []graph.Triple
	for k := 0; k+1 < len(ms); k++ {
		a, b := ms[k], ms[k+1]
		if !place(k) || !place(k+1) || a.End >= len(st.s.Tokens) || st.s.Tokens[a.End].Text != "," {
			continue
		}
		// Between: the comma, then "dans", "in", "en", "au" and maybe
		// an article. A bare comma may join a list instead.
		ok, prep := true, false
		for i := a.End + 1; i < b.Start; i++ {
			switch w := strings.ToLower(st.s.Tokens[i].Text); {
			case c.is(lexicon.Within, w):
				prep = true
			case c.is(lexicon.Definite, w):
			default:
				ok = false
			}
		}
		ok = ok && prep
		// "en Grèce, en Italie, en Espagne": each place after its own
		// preposition is a list, not a place in the next.
		if i := a.Start - 1; ok && i >= 0 {
			if c.is(lexicon.Definite, strings.ToLower(st.s.Tokens[i].Text)) {
				i--
			}
			ok = i < 0 || !c.is(lexicon.Within, strings.ToLower(st.s.Tokens[i].Text))
		}
		// The second place must end the phrase: "X, Y et Z" lists places.
		if end := b.End; ok && end < len(st.s.Tokens) {
			switch strings.ToLower(st.s.Tokens[end].Text) {
			case ",", ".", ";", ")", "»", "\"", "où", "where", "qui", "which":
			default:
				ok = false
			}
		}
		if !ok || graph.Fold(a.Name) == graph.Fold(b.Name) {
			continue
		}
		out = append(out, graph.Triple{
			Subject: a.Name, SubjectType: a.Type,
			Predicate: "is located in", Object: b.Name, ObjectType: b.Type,
			Modality: graph.Asserted, Confidence: 0.55, Source: ",",
		})
	}
	return out
}

// apposed returns the mention of word k when it is a person's name or a
// description apposed to the name just before it ("Omar Haddad, a
// spokesman"), else -1.
func (c *clauses) apposed(k int) int {
	m := c.ment[k]
	if m < 0 {
		return -1
	}
	ms := c.st.s.Mentions
	if ms[m].Type != graph.Person || ms[m].Name == "" {
		return -1
	}
	switch ms[m].Kind {
	case entity.Name:
		return m
	case entity.Description:
		if m > 0 && ms[m-1].Kind == entity.Name && ms[m-1].Name == ms[m].Name && ms[m].Start-ms[m-1].End <= 2 {
			return m - 1
		}
	}
	return -1
}

// appointed reads roles given by a verb: "was elected Speaker", "served as
// mayor of Paris", "named her ambassador to Spain", "nommé ministre de la
// Défense". The holder is the verb's object when it has one, else its
// subject; the role is a title in an xcomp, or in an oblique with "as" or
// "comme".
func (c *clauses) appointed(ro *roleTriples) {
	st := c.st
	holder := func(a []arg) int {
		if len(a) == 0 || a[0].mention < 0 {
			return -1
		}
		m := st.s.Mentions[a[0].mention]
		if m.Type != graph.Person || m.Name == "" || m.Kind == entity.Description {
			return -1
		}
		return a[0].mention
	}
	for v, w := range c.w {
		if w.UPOS != "VERB" {
			continue
		}
		// "took up the post of governor", "qui occupait le poste de
		// Premier ministre": the title an office noun names is the
		// subject's, once held when the verb says so.
		if o := c.child(v, "obj"); o >= 0 && c.is(lexicon.Office, c.lemma(o)) && c.is(lexicon.Holding, c.verbLemma(v)) {
			for _, t := range c.kids[o] {
				if !c.rel(t, "nmod") || !c.is(lexicon.Genitive, c.caseOf(t)) {
					continue
				}
				role, of, ok := c.title(t)
				if !ok {
					continue
				}
				tense, _ := c.st.r.lex.ClassValue(lexicon.Holding, c.verbLemma(v))
				if (tense == "was" || tense == "held" && c.pastHeld(v)) && !strings.HasPrefix(role, pastMark) {
					role = pastMark + role
				}
				if m := holder(c.subjects(v)); m >= 0 {
					ro.emit(m, role, of, 0.6)
				}
			}
		}
		for _, t := range c.kids[v] {
			if !(c.rel(t, "xcomp") && c.w[t].UPOS != "VERB" || c.rel(t, "obl") && c.is(lexicon.As, c.caseOf(t))) {
				continue
			}
			role, of, ok := c.title(t)
			if !ok {
				continue
			}
			m := -1
			if o := c.child(v, "obj"); o >= 0 && c.is(lexicon.Appointing, c.verbLemma(v)) {
				m = holder(c.args(o, false))
			} else if o >= 0 {
				m = holder(c.subjects(v)) // "succeeded her as chancellor"
			} else if ps := c.child(v, "nsubj:pass"); ps >= 0 {
				m = holder(c.args(ps, false))
			} else {
				m = holder(c.subjects(v))
			}
			if m >= 0 {
				ro.emit(m, role, of, 0.6)
			}
		}
	}
}

// pastHeld reports a holding verb in a past tense ("held", "occupait",
// "a occupé"): the office is no longer held.
func (c *clauses) pastHeld(v int) bool {
	f := strings.ToLower(c.w[v].Form)
	tr := c.st.r.traits
	return c.is(lexicon.HeldPast, f) || tr.PastEndings.Of(f) || tr.CompoundPast && c.child(v, "aux:tense") >= 0
}

// relational returns the relation a noun such as "capital", "member" or
// "part" states between mention m and the complement of the noun at k
// ("Sacramento, the capital of California"; "Corsica is part of France").
func (c *clauses) relational(h, k int) []graph.Triple {
	st := c.st
	pred, ok := c.st.r.lex.ClassValue(lexicon.Relational, c.lemma(k))
	if !ok || c.negated(k) {
		return nil
	}
	subj := c.args(h, true)
	if len(subj) == 0 || !subj[0].entity() || subj[0].actor {
		return nil
	}
	sname, stype := subj[0].name, relationalTypes[pred]
	if stype == "" {
		stype = graph.Org
	}
	if m := subj[0].mention; m >= 0 {
		sm := st.s.Mentions[m]
		if sm.Kind == entity.Pronoun || sm.Name == "" {
			return nil
		}
		sname, stype = st.name(sm, false), st.typ(sm, false)
	}
	for _, d := range c.kids[k] {
		if !c.rel(d, "nmod") || !c.is(lexicon.Genitive, c.caseOf(d)) {
			continue
		}
		for _, a := range c.args(d, true) {
			if a.mention < 0 {
				continue
			}
			om := st.s.Mentions[a.mention]
			if om.Name == "" || graph.Fold(om.Name) == graph.Fold(sname) {
				continue
			}
			return []graph.Triple{{
				Subject: sname, SubjectType: stype,
				Predicate: pred, Object: om.Name, ObjectType: om.Type,
				Modality: graph.Asserted, Confidence: 0.6, Source: c.lemma(k),
			}}
		}
	}
	return nil
}

// relationalTypes give the type of a name the recogniser did not know
// by the relation it is in.
var relationalTypes = map[string]graph.EntityType{
	"is capital of": graph.GPE, "is founder of": graph.Person, "is sister of": graph.Person,
	"is brother of": graph.Person, "is son of": graph.Person, "is daughter of": graph.Person,
	"is wife of": graph.Person, "is husband of": graph.Person,
}

// title reads a title noun at k and what it is of: its "of"/"de"/"for"
// complement, a possessive, or a demonym naming a country.
func (c *clauses) title(k int) (role string, of arg, ok bool) {
	role, of, ok = c.currentTitle(k)
	if ok && c.past(k) {
		role = pastMark + role
	}
	return role, of, ok
}

// pastMark marks a role held before ("former foreign secretary").
const pastMark = "was:"

// past reports a title qualified as held before.
func (c *clauses) past(k int) bool {
	for _, d := range c.kids[k] {
		if c.rel(d, "amod") && c.is(lexicon.PastTitle, strings.ToLower(c.w[d].Form)) {
			return true
		}
	}
	return false
}

// currentTitle is title without the tense.
func (c *clauses) currentTitle(k int) (role string, of arg, ok bool) {
	if c.w[k].UPOS != "NOUN" && c.w[k].UPOS != "PROPN" {
		return "", arg{}, false
	}
	role, known := c.titleRole(k)
	// "ministre de la Défense": a title with its complement.
	if nm := c.child(k, "nmod"); nm >= 0 && c.ment[nm] < 0 && c.is(lexicon.Genitive, c.caseOf(nm)) {
		var words []string
		for i := c.w[k].Token; i <= c.w[nm].Token && i < len(c.st.s.Tokens); i++ {
			words = append(words, c.st.s.Tokens[i].Text)
		}
		if r, ok := c.st.r.lex.Title(joinWords(words)); ok {
			return c.home(r)
		}
	}
	if !known || role == "counterpart" {
		return "", arg{}, false
	}
	of, found, complement := c.titleOf(k)
	if found {
		return role, of, true
	}
	if of, ok := c.titleAfter(k); ok {
		return role, of, true
	}
	if complement {
		return "", arg{}, false
	}
	// "Assembly president X": a capitalised word no mention took, just
	// before a lower-case title, names what it is of.
	if k > 0 && isCapital(c.w[k-1].Form) && c.ment[k-1] < 0 && !isCapital(c.w[k].Form) && c.w[k-1].UPOS == "PROPN" {
		return "", arg{}, false
	}
	return c.home(role)
}

// titleRole returns the role title noun k names with its modifiers: the
// longest phrase the lexicon knows as a title ("prime minister"), or in
// English the noun's known role with its modifiers ("deputy health
// minister"); known is false when the lexicon knows none.
func (c *clauses) titleRole(k int) (role string, known bool) {
	lex := c.st.r.lex
	head := strings.ToLower(c.w[k].Form)
	var mods []int
	for _, d := range c.kids[k] {
		if (c.rel(d, "amod") || c.rel(d, "compound")) && c.ment[d] < 0 && !c.is(lexicon.PastTitle, strings.ToLower(c.w[d].Form)) &&
			!c.is(lexicon.TimeTitle, strings.ToLower(c.w[d].Form)) {
			mods = append(mods, d)
		}
	}
	role, known = lex.Title(head)
	if len(mods) > 0 {
		var words []string
		for i := range c.w {
			if i == k || slices.Contains(mods, i) {
				words = append(words, strings.ToLower(c.w[i].Form))
			}
		}
		if r, ok := lex.Title(strings.Join(words, " ")); ok {
			role, known = r, true
		} else if known && c.st.r.traits.ContractWords {
			role = strings.Join(words, " ")
		}
	}
	return role, known
}

// titleOf returns what the tree says title noun k is of: a possessive
// name, a complement naming an entity, a party word, a name adjective.
// complement is set when a complement the rules cannot read is there:
// "le président du directoire de PSA" is of that, not of the country.
func (c *clauses) titleOf(k int) (of arg, found, complement bool) {
	for _, d := range c.kids[k] {
		switch {
		case c.rel(d, "nmod:poss") && c.ment[d] >= 0:
			return arg{mention: c.ment[d]}, true, complement
		case c.rel(d, "nmod"):
			if !c.ofTitle(c.caseOf(d)) {
				continue
			}
			if a := c.args(d, true); len(a) > 0 && a[0].entity() {
				return a[0], true, complement
			}
			complement = true
		case (c.rel(d, "amod") || c.rel(d, "compound")) && entity.IsParty(c.st.r.lang, c.w[d].Form):
			// "Labour leader", "the Republican candidate".
			p, _ := entity.Party(c.st.r.lang, c.w[d].Form)
			return arg{mention: -1, name: p}, true, complement
		case c.rel(d, "amod") && c.ment[d] >= 0 && c.ment[d] != c.ment[k]:
			return arg{mention: c.ment[d]}, true, complement
		}
	}
	return arg{}, false, complement
}

// ofTitle reports a word that introduces what a title is of: the
// genitive, or one of the title's own prepositions ("spokeswoman for").
func (c *clauses) ofTitle(w string) bool {
	return c.is(lexicon.Genitive, w) || c.is(lexicon.TitleOf, w)
}

// titleAfter reads "X, a spokeswoman for the WHO, said": the parser may
// hang the complement on the name; the words right after title noun k
// still say what it is of.
func (c *clauses) titleAfter(k int) (arg, bool) {
	j := k + 1
	if j >= len(c.w) {
		return arg{}, false
	}
	if !c.ofTitle(graph.Fold(c.w[j].Form)) {
		return arg{}, false
	}
	j++
	if j < len(c.w) && c.w[j].UPOS == "DET" {
		j++
	}
	if j < len(c.w) && c.ment[j] >= 0 && c.ment[j] != c.ment[k] {
		if t := c.st.s.Mentions[c.ment[j]].Type; t == graph.Org || t == graph.GPE {
			return arg{mention: c.ment[j]}, true
		}
	}
	return arg{}, false
}

// home returns a national role as the document's country's ("the Foreign
// Secretary" in a British story), when the document has one.
func (c *clauses) home(role string) (string, arg, bool) {
	if c.st.s.Home == "" || !NationalRole(role) || c.st.s.HomeAssumed && !NationalRoleAssumed(role) {
		return "", arg{}, false
	}
	return role, arg{mention: -1, name: c.st.s.Home, typ: graph.GPE}, true
}

// NationalRoleAssumed reports a national title specific enough to be the
// country's a document is assumed to be about ("interior minister", but
// not "president" or "minister", which companies and regions have too).
func NationalRoleAssumed(role string) bool {
	return NationalRole(role) && role != "president" && role != "minister" && role != "vice president"
}

// NationalRole reports a title that is held in a country's government.
func NationalRole(role string) bool {
	switch role {
	case "president", "prime minister", "chancellor", "king", "queen", "vice president",
		"head of state", "head of government", "secretary of state", "foreign secretary",
		"home secretary", "emperor", "monarch", "crown prince", "premier":
		return true
	}
	return strings.HasSuffix(role, "minister")
}

// member states that the person of mention m is a member of the party the
// word at k names ("Republican", "socialiste").
func (c *clauses) member(m, k int) (graph.Triple, bool) {
	p, ok := entity.Party(c.st.r.lang, c.w[k].Form)
	if !ok {
		return graph.Triple{}, false
	}
	return graph.Triple{
		Subject: c.st.s.Mentions[m].Name, SubjectType: graph.Person,
		Predicate: "is member of", Object: p, ObjectType: graph.Org,
		Modality: graph.Asserted, Confidence: 0.65, Source: strings.ToLower(c.w[k].Form),
	}, true
}
