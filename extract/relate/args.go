package relate

import (
	"strings"

	"github.com/kgraph/kg/extract/entity"

	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/graph"
)

// arg is one argument of a clause: a mention or a concept.
type arg struct {
	mention int // index in Mentions, or -1
	// name is a proper name the tree puts together where the recogniser
	// found none ("the Court of Appeal").
	name    string
	typ     graph.EntityType // of name; ORG when empty
	concept string
	known   bool // the lexicon gave the concept
	actor   bool // the concept is a group acting ("protesters")
}

// entity reports an argument that names an entity or an acting group.
func (a arg) entity() bool { return a.mention >= 0 || a.name != "" || a.actor }

// subjects returns the subject of verb v: its nsubj, the antecedent of a
// relative pronoun, or the subject it shares with the verb governing it.
func (c *clauses) subjects(v int) []arg {
	for depth := 0; v >= 0 && depth < 6; depth++ {
		var a []arg
		next := -1
		if s := c.subjectOf(v); s >= 0 {
			a, next = c.ownSubject(v, s)
		} else if c.child(v, "nsubj:pass") < 0 || c.child(v, "aux:pass") < 0 {
			a, next = c.governorSubject(v)
		}
		if next < 0 {
			return a
		}
		v = next
	}
	return nil
}

// ownSubject returns the arguments subject s of verb v gives: for a
// relative pronoun its antecedent, for "il" or "elle" under an
// organization's clause that organization, for a quotation's "je" its
// speaker. Or, for an unresolved pronoun in what someone says, it
// returns the verb of speech whose subject to take instead (else -1).
func (c *clauses) ownSubject(v, s int) (args []arg, next int) {
	if c.w[s].UPOS == "PRON" && c.is(lexicon.Relative, strings.ToLower(c.w[s].Form)) || strings.EqualFold(c.w[s].Form, "that") && c.rel(v, "acl:relcl") {
		return c.antecedent(v, s), -1
	}
	if a := c.organizationPronoun(v, s); a != nil {
		return a, -1
	}
	if a := c.args(s, true); len(a) > 0 || c.w[s].UPOS != "PRON" {
		return a, -1
	}
	// « Je promets le changement » a déclaré X: "je" in a quotation is
	// its speaker.
	if c.is(lexicon.FirstPerson, strings.ToLower(c.w[s].Form)) {
		return c.quoteSpeaker(), -1
	}
	// "Washington said it does not rule out": an unresolved pronoun in
	// what someone says is the speaker.
	if g := c.head(v); g >= 0 && c.rel(v, "ccomp") && c.speech(g) {
		return nil, g
	}
	return nil, -1
}

// antecedent returns what relative pronoun s, subject of verb v, stands
// for: the noun the clause qualifies.
func (c *clauses) antecedent(v, s int) []arg {
	if c.rel(v, "acl") {
		return c.args(c.head(v), true)
	}
	// "X, who succeeded him" parsed as parataxis: the name right before
	// the pronoun is its antecedent.
	j := s - 1
	if j >= 0 && c.w[j].Form == "," {
		j--
	}
	if j >= 0 && c.ment[j] >= 0 {
		return []arg{{mention: c.ment[j]}}
	}
	return nil
}

// organizationPronoun returns, for "il", "elle" or "it" subject s of a
// clause an organization's or a country's clause governs, that
// organization, whoever was named last ("Renault a confirmé qu'il
// fermerait l'usine"); persons are the resolver's. Else nil.
func (c *clauses) organizationPronoun(v, s int) []arg {
	if f := strings.ToLower(c.w[s].Form); (f != "il" && f != "elle" && f != "it") || !(c.rel(v, "ccomp") || c.rel(v, "advcl") || c.rel(v, "acl")) {
		return nil
	}
	// The governing clause's subject, through a noun ("l'association
	// explique qu'elle refuse").
	g := c.head(v)
	for n := 0; g >= 0 && c.w[g].UPOS != "VERB" && n < 3; n++ {
		g = c.head(g)
	}
	if g >= 0 && g != v && c.w[g].UPOS == "VERB" {
		if sp := c.subjects(g); len(sp) == 1 && sp[0].mention >= 0 && c.st.s.Mentions[sp[0].mention].Type != graph.Person {
			return sp
		}
	}
	return nil
}

// governorSubject returns the subject verb v, which has none of its own,
// takes from its governor: the governor's object for a controlled
// infinitive, the noun a participle qualifies. Or it returns the
// governor whose subject v shares (else -1).
func (c *clauses) governorSubject(v int) (args []arg, next int) {
	g := c.head(v)
	if g < 0 {
		return nil, -1
	}
	switch {
	case c.rel(v, "xcomp") && c.controller(g) >= 0:
		// "encouraged the firms to cease", "appelle Téhéran à cesser":
		// the object of the governor does it.
		return c.args(c.controller(g), true), -1
	case c.rel(v, "xcomp"), c.rel(v, "advcl") && c.sharedSubject(v), c.rel(v, "ccomp") && c.mark(v) != "" && c.infinitive(v):
	case c.rel(v, "conj") && c.w[g].UPOS == "VERB":
	case c.rel(v, "acl") && !c.rel(v, "acl:relcl") && c.w[g].UPOS != "VERB":
		// "the party opposing X", "X, arrivée deuxième".
		return c.args(g, true), -1
	default:
		return nil, -1
	}
	return nil, g
}

// controller returns the object of a verb that controls its xcomp
// ("urge X to", "appeler X à"), or -1.
func (c *clauses) controller(g int) int {
	// "promised them to leave", "a menacé les grévistes de sanctions":
	// these verbs' subjects do what they commit to.
	if c.is(lexicon.SubjectControl, c.lemma(g)) {
		return -1
	}
	for _, d := range c.kids[g] {
		if c.rel(d, "obj") || c.rel(d, "iobj") {
			if c.is(lexicon.Reflexive, strings.ToLower(c.w[d].Form)) || c.is(lexicon.TimeWord, strings.ToLower(c.w[d].Form)) {
				continue
			}
			return d
		}
	}
	return -1
}

// oblique returns the arguments of k's obliques (and nominal modifiers)
// whose case marker is prep.
func (c *clauses) oblique(k int, prep string) []arg {
	want := graph.Fold(prep)
	for _, d := range c.kids[k] {
		if !(c.rel(d, "obl") || c.rel(d, "nmod") || c.rel(d, "iobj")) {
			continue
		}
		cs := c.caseOf(d)
		if cs == want || strings.HasSuffix(cs, " "+want) {
			if c.is(lexicon.Locution, c.lemma(d)) {
				continue // "au sujet de", "en raison de": not an object
			}
			return c.args(d, false)
		}
		if a := c.splitPrep(d, cs, want); a != nil {
			return a
		}
	}
	return nil
}

// splitPrep returns the arguments after a preposition of several words
// the parser read as a case, a noun and the noun's complement ("en
// faveur de la fusion": faveur, with "en", governing fusion, with "de"),
// when oblique d, of case marker cs, is that noun; else nil.
func (c *clauses) splitPrep(d int, cs, prep string) []arg {
	f := strings.Fields(prep)
	if len(f) < 3 || graph.Fold(c.w[d].Form) != f[len(f)-2] || cs != strings.Join(f[:len(f)-2], " ") {
		return nil
	}
	for _, k := range c.kids[d] {
		if c.rel(k, "nmod") && c.caseOf(k) == f[len(f)-1] {
			return c.args(k, false)
		}
	}
	return nil
}

// args returns the arguments a nominal word gives, with those coordinated
// with it ("X et Y").
func (c *clauses) args(k int, subject bool) []arg {
	if k < 0 {
		return nil
	}
	var out []arg
	if a, ok := c.arg(k, subject); ok {
		out = append(out, a)
	}
	for _, d := range c.kids[k] {
		if c.rel(d, "conj") && c.w[d].UPOS != "VERB" {
			if a, ok := c.arg(d, subject); ok {
				out = append(out, a)
			}
		}
	}
	return out
}

// arg returns the argument of one nominal word: the mention it is part
// of, the name a title or authority noun stands for ("le président
// Obama", "the government of Iran"), else, for an object, the concept its
// phrase names.
func (c *clauses) arg(k int, subject bool) (arg, bool) {
	if m := c.ment[k]; m >= 0 {
		return arg{mention: m}, true
	}
	switch c.w[k].UPOS {
	case "NOUN", "PROPN":
	default:
		return arg{}, false
	}
	// A title or group noun stands for the name it governs ("le
	// président Obama"); another noun with a name inside is a phrase of
	// its own ("French tourists").
	lex := c.st.r.lex
	_, title := lex.Title(strings.ToLower(c.w[k].Form))
	stands := title || c.is(lexicon.Authority, c.lemma(k)) || c.w[k].UPOS == "PROPN"
	for _, d := range c.kids[k] {
		if c.ment[d] < 0 {
			continue
		}
		// "le gouvernement Barnier", "the Trump administration": a
		// person's (or party's) government is a body of its own; a
		// country's is the country, as for other authorities.
		if en, ok := c.st.r.lex.ClassValue(lexicon.Government, c.lemma(k)); ok && (c.rel(d, "appos") || c.rel(d, "flat") || c.rel(d, "compound") || c.rel(d, "nmod") && c.caseOf(d) == "") {
			if m := c.st.s.Mentions[c.ment[d]]; m.Type != graph.GPE && m.Type != graph.Loc && m.Name != "" {
				return arg{mention: -1, name: m.Name + " " + en}, true
			}
		}
		switch {
		case c.rel(d, "appos"), c.rel(d, "flat"), c.rel(d, "compound") && stands:
			return arg{mention: c.ment[d]}, true
		case c.rel(d, "nmod") && c.caseOf(d) == "",
			c.rel(d, "nmod") && c.is(lexicon.Authority, c.lemma(k)) && c.is(lexicon.Genitive, c.caseOf(d)) && !c.elected(k, d),
			c.rel(d, "nmod:poss") && c.is(lexicon.Authority, c.lemma(k)):
			return arg{mention: c.ment[d]}, true
		}
	}
	if name, ok := c.properName(k); ok {
		return arg{mention: -1, name: name}, true
	}
	if subject {
		// A group acting as an actor: "les manifestants",
		// "protesters", "the police".
		// One "député" or "expert" is a person the text does not
		// name: only a plural or a collective noun is a group.
		if c.is(lexicon.Actor, c.lemma(k)) && (c.is(lexicon.Collective, c.lemma(k)) || strings.ToLower(c.w[k].Form) != c.lemma(k)) {
			if cpt, known := c.concept(k); cpt != "" {
				return arg{mention: -1, concept: cpt, known: known, actor: true}, true
			}
		}
		return arg{}, false
	}
	if cpt, known := c.concept(k); cpt != "" {
		return arg{mention: -1, concept: cpt, known: known}, true
	}
	return arg{}, false
}

// properName returns the name a proper noun heads with its flat,
// compound and capitalised parts and its "of" complements ("House of
// Representatives", "Popular Mobilization Forces"), when the recogniser
// left it out. A single word is a name only away from the sentence start.
func (c *clauses) properName(k int) (string, bool) {
	st := c.st
	if c.w[k].UPOS != "PROPN" || !isCapital(c.w[k].Form) || c.is(lexicon.TimeWord, strings.ToLower(c.w[k].Form)) {
		return "", false
	}
	// "Etat-membre": a compound whose last part is a common word.
	if entity.CommonCompound(c.w[k].Form) {
		return "", false
	}
	in := map[int]bool{k: true}
	var add func(h int)
	add = func(h int) {
		for _, d := range c.kids[h] {
			switch {
			case c.rel(d, "flat"), c.rel(d, "compound") && isCapital(c.w[d].Form), c.rel(d, "amod") && isCapital(c.w[d].Form):
				in[d] = true
				add(d)
			case c.rel(d, "nmod") && c.w[d].UPOS == "PROPN" && isCapital(c.w[d].Form) && d > h:
				if !c.is(lexicon.Genitive, c.caseOf(d)) {
					continue
				}
				in[d] = true
				for _, e := range c.kids[d] {
					if (c.rel(e, "case") || c.rel(e, "det")) && e < d {
						in[e] = true
					}
				}
				add(d)
			}
		}
	}
	add(k)
	first, last := len(st.s.Tokens), -1
	n := 0
	for i := range c.w {
		if in[i] {
			t := c.w[i].Token
			first, last = min(first, t), max(last, t)
			n++
		}
	}
	// The tokens must be one stretch, each one of the name's words.
	for t := first; t <= last; t++ {
		found := false
		for i := range c.w {
			if in[i] && c.w[i].Token == t {
				found = true
				break
			}
		}
		if !found {
			return "", false
		}
	}
	// At the sentence start a capital proves nothing: a word the lexicon
	// knows in lower case is no name there.
	// A lone inflected word ("Senators") is a common noun capitalised.
	if n == 1 && !strings.EqualFold(c.w[k].Lemma, c.w[k].Form) {
		return "", false
	}
	if n == 1 && first == 0 {
		w := strings.ToLower(c.w[k].Form)
		if len(st.r.lex.Lemma(w)) > 0 || len(st.r.lex.StopClasses(w)) > 0 {
			return "", false
		}
		if _, ok := st.r.lex.Concept(w); ok {
			return "", false
		}
	}
	name := st.s.Src[st.s.Tokens[first].Start:st.s.Tokens[last].End]
	if len(name) > 80 {
		return "", false
	}
	return name, true
}

// elected reports "le député de la Seine", "the mayor of Paris": one
// person elected in a place, who does not stand for the place.
func (c *clauses) elected(k, d int) bool {
	switch c.lemma(k) {
	case "député", "sénateur", "maire", "lawmaker", "senator", "mayor", "governor", "gouverneur", "élu":
	default:
		return false
	}
	if !strings.HasSuffix(c.w[k].Form, "s") {
		if m := c.ment[d]; m >= 0 {
			t := c.st.s.Mentions[m].Type
			return t == graph.GPE || t == graph.Loc
		}
	}
	return false
}

// concept returns the phrase a noun heads, in English when the lexicon
// knows it: the noun with its adjectives and compounds, and a "de"/"of"
// complement.
func (c *clauses) concept(k int) (phrase string, known bool) {
	lex := c.st.r.lex
	head := strings.ToLower(c.w[k].Form)
	if len(head) < 3 || c.is(lexicon.Pronoun, head) || c.is(lexicon.TimeWord, head) || len(lex.StopClasses(head)) > 0 {
		return "", false
	}
	in := map[int]bool{k: true}
	// depth is how many "de"/"of" complements may follow: French chains
	// them ("la réforme du marché du travail").
	c.phraseWords(k, c.st.r.traits.ComplementDepth, in)
	words := c.trimDangling(c.written(k, in))
	if len(words) == 0 || len(words) > 6 {
		return "", false
	}
	phrase = joinWords(words)
	if en, ok := lex.Concept(phrase); ok {
		return en, true
	}
	if en, ok := lex.Concept(head); ok && len(words) == 1 {
		return en, true
	}
	if isCapital(c.w[k].Form) || c.is(lexicon.Vague, graph.Fold(head)) {
		// A name the recogniser left out; or a phrase too general
		// ("d'autres pays") that the lexicon does not know as a
		// concept ("state of emergency").
		return "", false
	}
	return phrase, false
}

// phraseWords adds to in the words of the phrase noun k heads: its
// adjectives, compounds and flat parts, a name apposed to it, and up to
// deep "de"/"of" complements with their own.
func (c *clauses) phraseWords(k, deep int, in map[int]bool) {
	for _, d := range c.kids[k] {
		switch {
		case c.rel(d, "amod") && c.w[d].UPOS == "ADJ", c.rel(d, "compound") && c.ment[d] < 0, c.rel(d, "flat"), c.rel(d, "fixed"):
			in[d] = true
		case c.st.r.traits.ModifierAfterNoun && c.rel(d, "nmod") && d == k+1 && c.caseOf(d) == "" && c.ment[d] < 0 && !isCapital(c.w[d].Form):
			// "la colère paysanne": an adjective the tagger took for a
			// noun, right after its noun.
			in[d] = true
		case c.rel(d, "appos") && c.ment[d] >= 0 && d == k+1 && c.w[k].UPOS == "NOUN":
			// "la façade du musée Pouchkine": a name apposed to the
			// noun is part of the phrase.
			for w := range c.w {
				if c.ment[w] == c.ment[d] {
					in[w] = true
				}
			}
		case deep > 0 && c.rel(d, "nmod") && c.ment[d] < 0 && c.w[d].UPOS == "NOUN":
			if !c.is(lexicon.Genitive, c.caseOf(d)) {
				continue
			}
			in[d] = true
			for _, e := range c.kids[d] {
				if c.rel(e, "case") || c.rel(e, "det") && e > k {
					in[e] = true
				}
			}
			c.phraseWords(d, deep-1, in)
		}
	}
}

// written returns the phrase of words in as written, the tokens in
// order; a gap in the tokens (an adverb, a name) leaves the stretch
// around head k only.
func (c *clauses) written(k int, in map[int]bool) []string {
	var toks []int
	seen := map[int]bool{}
	for i := range c.w {
		if in[i] && !seen[c.w[i].Token] {
			seen[c.w[i].Token] = true
			toks = append(toks, c.w[i].Token)
		}
	}
	var words []string
	headTok := c.w[k].Token
	for n, t := range toks {
		if n > 0 && t != toks[n-1]+1 {
			if t > headTok {
				break
			}
			words = words[:0]
		}
		words = append(words, c.st.s.Tokens[t].Text)
	}
	return words
}

// trimDangling drops the function words a complement cut short leaves
// at the end ("members of the").
func (c *clauses) trimDangling(words []string) []string {
	for len(words) > 1 {
		last := strings.ToLower(words[len(words)-1])
		if len(c.st.r.lex.StopClasses(last)) == 0 && !c.is(lexicon.Preposition, last) {
			break
		}
		words = words[:len(words)-1]
	}
	return words
}

// triple makes the triple of one subject and object; a subject that names
// no entity or group gives none.
func (c *clauses) triple(s, o arg, r row, m mood) (graph.Triple, bool) {
	st := c.st
	sname, stype := s.name, graph.Org
	conf := 0.7
	if s.actor {
		sname, stype = s.concept, graph.Concept
	}
	if s.mention >= 0 {
		sm := st.s.Mentions[s.mention]
		sname, stype = st.name(sm, true), st.typ(sm, true)
		if sm.Kind != 0 {
			conf -= 0.1
		}
	} else {
		conf -= 0.1
	}
	object, otype := o.concept, graph.Concept
	switch {
	case o.mention >= 0:
		om := st.s.Mentions[o.mention]
		object, otype = st.name(om, false), st.typ(om, false)
		// "Merkel thanked him": a pronoun is not its clause's subject.
		if om.Kind == entity.Pronoun && om.Alt != "" && graph.Fold(object) == graph.Fold(sname) {
			object = om.Alt
		}
	case o.name != "":
		object, otype = o.name, graph.Org
		conf -= 0.1
	default:
		if !o.known {
			conf -= 0.2
			// A bare noun the lexicon does not know ("villes",
			// "efforts") is seldom what the clause is about.
			if !strings.Contains(object, " ") {
				return graph.Triple{}, false
			}
		}
		if r.Class == lexicon.Speech && (r.Predicate.Predicate == "says" || r.Predicate.Predicate == "tells") {
			return graph.Triple{}, false
		}
	}
	// A title alone names no one ("named her ambassador").
	if _, title := st.r.lex.Title(object); title && otype != graph.Concept {
		return graph.Triple{}, false
	}
	if sname == "" || object == "" || graph.Fold(sname) == graph.Fold(object) {
		return graph.Triple{}, false
	}
	if m.modality == graph.Reported {
		conf -= 0.05
	}
	pred := r.Predicate.Predicate
	// "a parlé à Phoenix": one talks to people, in places.
	if pred == "talks to" && (otype == graph.GPE || otype == graph.Loc) {
		pred = "speaks in"
	}
	return graph.Triple{
		Subject: sname, SubjectType: stype,
		Predicate: pred,
		Object:    object, ObjectType: otype,
		Negated: m.negated, Modality: m.modality,
		Confidence: round2(conf), Source: r.Lemma, Attribution: m.speaker,
	}, true
}
