package relate

import (
	"cmp"
	"slices"
	"strings"

	"github.com/kgraph/kg/extract/entity"
	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/graph"
)

// Clause rules read relations off the dependency tree, the same for every
// language: a verb the lexicon maps, its subject (nsubj, or the one it
// shares as xcomp, conj, participle or relative clause), its object (obj,
// or the oblique whose case marker is the lexicon's preposition), the
// passive's agent, and what governs the clause: negation, a modal or
// negative verb ("refuse to", "envisager de"), a speech verb.

// clauses holds the tree of one sentence.
type clauses struct {
	st   *state
	w    []Word
	kids [][]int // dependents of each word, in order
	// ment is the mention of each word, or -1.
	ment []int
}

// row is a lexicon row found for a verb; light is the index of the
// light verb's noun ("sanctions" of "impose sanctions on"), or -1.
type row struct {
	lexicon.Predicate
	light int
}

// arg is one argument of a clause: a mention or a concept.
type arg struct {
	mention int // index in Mentions, or -1
	// name is a proper name the tree puts together where the recogniser
	// found none ("the House of Representatives").
	name    string
	typ     graph.EntityType // of name; ORG when empty
	concept string
	known   bool // the lexicon gave the concept
	actor   bool // the concept is a group acting ("protesters")
}

// entity reports an argument that names an entity or an acting group.
func (a arg) entity() bool { return a.mention >= 0 || a.name != "" || a.actor }

func (st *state) newClauses() *clauses {
	c := &clauses{st: st, w: st.s.Words, kids: make([][]int, len(st.s.Words)), ment: make([]int, len(st.s.Words))}
	for k, w := range c.w {
		c.ment[k] = -1
		if w.Token >= 0 && w.Token < len(st.mention) {
			c.ment[k] = st.mention[w.Token]
		}
		if h := w.Head - 1; h >= 0 && h < len(c.w) {
			c.kids[h] = append(c.kids[h], k)
		}
	}
	return c
}

// verbLemma returns the lemma of verb v: the lexicon's when it knows the
// form and the model's lemma is not a verb it maps ("blamed" → blame).
func (c *clauses) verbLemma(v int) string {
	l := c.lemma(v)
	lex := c.st.r.lex
	if len(lex.Verbs(l)) > 0 {
		return l
	}
	for _, x := range lex.Lemma(strings.ToLower(c.w[v].Form)) {
		if len(lex.Verbs(x)) > 0 {
			return x
		}
	}
	return l
}

// rel reports whether the word's relation is r or a subtype of r.
func (c *clauses) rel(k int, r string) bool {
	d := c.w[k].Deprel
	return d == r || strings.HasPrefix(d, r+":")
}

func (c *clauses) head(k int) int { return c.w[k].Head - 1 }

// lemma is the word's lemma in lower case.
func (c *clauses) lemma(k int) string { return strings.ToLower(c.w[k].Lemma) }

// child returns the first dependent of k with relation r (or a subtype).
func (c *clauses) child(k int, r string) int {
	for _, d := range c.kids[k] {
		if c.rel(d, r) {
			return d
		}
	}
	return -1
}

// caseOf returns the case marker of a nominal, folded ("à", "with"), or "".
func (c *clauses) caseOf(k int) string {
	var parts []string
	for _, d := range c.kids[k] {
		if c.rel(d, "case") && d < k {
			parts = append(parts, graph.Fold(c.w[d].Form))
			for _, f := range c.kids[d] {
				if c.rel(f, "fixed") {
					parts = append(parts, graph.Fold(c.w[f].Form))
				}
			}
		}
	}
	return strings.Join(parts, " ")
}

// relations returns the triples of the sentence's clauses, and the
// tokens of the verbs whose subject the tree gave: the position rules'
// reading of those is overruled.
func (c *clauses) relations() ([]graph.Triple, map[int]bool) {
	var out []graph.Triple
	read := map[int]bool{}
	for v := range c.w {
		if c.w[v].UPOS != "VERB" {
			continue
		}
		ts, ok := c.verb(v)
		out = append(out, ts...)
		if ok {
			read[c.w[v].Token] = true
		}
	}
	return append(out, c.roles()...), read
}

// verb returns the triples of the clause headed by verb v, and whether
// the tree gave it a subject.
func (c *clauses) verb(v int) ([]graph.Triple, bool) {
	st := c.st
	lex := st.r.lex
	lemma := c.verbLemma(v)
	if prt := c.child(v, "compound:prt"); prt >= 0 {
		if rows := lex.Verbs(lemma + " " + strings.ToLower(c.w[prt].Form)); len(rows) > 0 {
			lemma += " " + strings.ToLower(c.w[prt].Form)
		}
	}
	rows := c.verbRows(v, lemma)
	generic := false
	if len(rows) == 0 {
		// An English verb the lexicon does not map still reads as its
		// own predicate: "defeated" → defeats, "arrived at" → arrives at.
		if st.r.lang != "en" || plainVerbs[lemma] || strings.ContainsAny(lemma, "0123456789") {
			return nil, false
		}
		generic = true
		rows = []row{{lexicon.Predicate{Lemma: lemma, Predicate: thirdPerson(lemma), Class: lexicon.Action}, -1}}
	}
	mod := c.modality(v)
	if mod.skip {
		return nil, false
	}
	agent := c.agent(v)
	// "le gouvernement, soutenu par le PASOK": a participle with an agent
	// is a passive whose object is the noun it qualifies.
	reduced := c.rel(v, "acl") && !c.rel(v, "acl:relcl") && agent >= 0
	passive := c.child(v, "nsubj:pass") >= 0 || c.child(v, "aux:pass") >= 0 || reduced
	var subj []arg
	var passObj []arg
	if passive {
		ps := c.child(v, "nsubj:pass")
		passObj = c.args(ps, false)
		if ps >= 0 && c.w[ps].UPOS == "PRON" && c.rel(v, "acl:relcl") || reduced {
			// "the strike, which was approved by X".
			passObj = c.args(c.head(v), false)
		}
		if agent >= 0 {
			subj = c.args(agent, true)
		}
	} else {
		subj = c.subjects(v)
	}
	if len(subj) == 0 {
		return nil, false
	}
	var out []graph.Triple
	light := false // a light verb read with its noun: the plain verb is not read
	for _, row := range rows {
		if row.light >= 0 && row.Prep == "" || light && row.light < 0 {
			continue
		}
		switch row.Class {
		case lexicon.Action, lexicon.Speech:
		case lexicon.Considered, lexicon.Intended:
			// "considers sanctions": a modal verb with a noun object
			// states that much; "envisager la possibilité d'imposer des
			// sanctions": the object is the placeholder's verb's.
			o := c.child(v, "obj")
			if row.Prep != "" || o < 0 {
				continue
			}
			if placeholders[c.lemma(o)] {
				if a := c.child(o, "acl"); a >= 0 && c.child(a, "obj") >= 0 {
					for _, s := range subj {
						for _, ob := range c.args(c.child(a, "obj"), false) {
							if t, ok := c.triple(s, ob, row, mod); ok {
								out = append(out, t)
							}
						}
					}
				}
				continue
			}
		default:
			continue
		}
		if strings.HasSuffix(row.Predicate.Predicate, " to") {
			continue
		}
		var objs []arg
		switch {
		case passive && row.Prep == "":
			objs = passObj
		case passive:
			continue
		case row.Prep == "":
			if o := c.child(v, "obj"); o >= 0 {
				objs = c.args(o, false)
			}
		case row.Prep == "that":
			continue
		case row.light >= 0:
			objs = c.oblique(row.light, row.Prep)
			if len(objs) == 0 {
				objs = c.oblique(v, row.Prep)
			}
		default:
			objs = c.oblique(v, row.Prep)
		}
		if generic && !passive {
			for _, d := range c.kids[v] {
				if !c.rel(d, "obl") || c.rel(d, "obl:tmod") || c.rel(d, "obl:npmod") {
					continue
				}
				cs := c.caseOf(d)
				if !genericPreps[cs] || (cs == "in" || cs == "at" || cs == "over") && c.child(v, "obj") >= 0 {
					continue
				}
				r := row
				r.Predicate.Predicate += " " + cs
				r.Prep = cs
				for _, s := range subj {
					if !s.entity() {
						continue
					}
					for _, o := range c.args(d, false) {
						if !o.entity() {
							continue
						}
						if t, ok := c.triple(s, o, r, mod); ok {
							t.Confidence = round2(t.Confidence - 0.1)
							out = append(out, t)
						}
					}
				}
			}
		}
		for _, s := range subj {
			if !s.entity() {
				continue
			}
			for _, o := range objs {
				if t, ok := c.triple(s, o, row, mod); ok {
					out = append(out, t)
					light = light || row.light >= 0
				}
			}
		}
	}
	// "a déclaré à l'AFP", "said to Reuters": whom a speech verb
	// addresses is told.
	if !passive && c.speech(v) {
		for _, d := range c.kids[v] {
			if !(c.rel(d, "obl") || c.rel(d, "iobj")) || !recipientCase[c.caseOf(d)] {
				continue
			}
			r := row{lexicon.Predicate{Lemma: c.verbLemma(v), Predicate: "tells", Class: lexicon.Speech}, -1}
			for _, s := range subj {
				for _, o := range c.args(d, false) {
					if !s.entity() || o.mention < 0 || st.s.Mentions[o.mention].Type == graph.GPE {
						continue
					}
					if t, ok := c.triple(s, o, r, mod); ok {
						out = append(out, t)
					}
				}
			}
		}
	}
	return out, true
}

// recipientCase introduce whom a speech verb addresses.
var recipientCase = map[string]bool{"à": true, "a": true, "to": true, "auprès de": true}

// agent returns the agent of a passive verb ("par X", "by X"), or -1.
func (c *clauses) agent(v int) int {
	for _, d := range c.kids[v] {
		if c.rel(d, "obl") && (c.w[d].Deprel == "obl:agent" || agentPreps[c.caseOf(d)]) {
			return d
		}
	}
	return -1
}

// verbRows returns the lexicon rows of verb v, the light-verb rows of its
// object noun first ("imposer des sanctions contre").
func (c *clauses) verbRows(v int, lemma string) []row {
	lex := c.st.r.lex
	var rows []row
	if o := c.child(v, "obj"); o >= 0 && c.ment[o] < 0 {
		for _, lv := range lex.Light(lemma, lex.NounLemma(strings.ToLower(c.w[o].Form))) {
			rows = append(rows, row{lexicon.Predicate{Lemma: lemma, Prep: lv.Prep, Predicate: lv.Predicate, Class: lv.Class, Symmetric: lv.Symmetric}, o})
		}
	}
	reflexive := false
	for _, d := range c.kids[v] {
		if c.rel(d, "expl") || (c.rel(d, "obj") || c.rel(d, "iobj")) && reflexives[strings.ToLower(c.w[d].Form)] {
			reflexive = true
		}
	}
	hasPrt := strings.Contains(lemma, " ")
	for _, p := range lex.Verbs(lemma) {
		if p.Reflexive && !reflexive || p.Particle != "" && !hasPrt && !p.Reflexive {
			continue
		}
		rows = append(rows, row{p, -1})
	}
	return rows
}

// mood is what governs a clause.
type mood struct {
	negated  bool
	modality graph.Modality
	speaker  string
	skip     bool // the clause is only the content of a noun or question
}

// modality reads negation and modality of the clause of verb v and of
// the verbs governing it through xcomp ("refuse de rencontrer"), and the
// speaker of a clause that is a speech verb's complement.
func (c *clauses) modality(v int) mood {
	st := c.st
	lex := st.r.lex
	m := mood{negated: c.negated(v), modality: graph.Asserted}
	if c.conditional(v) {
		m.modality = graph.Hypothetical
	}
	cur := v
	for depth := 0; depth < 6; depth++ {
		g := c.head(cur)
		if g < 0 {
			break
		}
		switch {
		case (c.rel(cur, "ccomp") || c.rel(cur, "parataxis")) && c.w[g].UPOS == "VERB" && c.speech(g):
			m.modality = graph.Reported
			if s := c.subjects(g); len(s) > 0 && s[0].mention >= 0 {
				m.speaker = st.name(st.s.Mentions[s[0].mention], true)
			}
			return m
		case c.rel(cur, "xcomp"), c.rel(cur, "ccomp") && c.mark(cur) == "", c.rel(cur, "advcl") && c.mark(cur) == "":
			// "refuse to meet", "envisage de", "ne plus exclure".
			if c.w[g].UPOS != "VERB" {
				return m
			}
			neg := c.negated(g)
			classes := map[lexicon.Class]bool{}
			for _, p := range lex.Verbs(c.verbLemma(g)) {
				classes[p.Class] = true
			}
			switch {
			case classes[lexicon.Neg]:
				neg = !neg
			case classes[lexicon.Considered] && m.modality == graph.Asserted:
				m.modality = graph.Considered
			case classes[lexicon.Intended] && m.modality == graph.Asserted:
				m.modality = graph.Intended
			}
			if neg {
				m.negated = !m.negated
			}
			cur = g
			continue
		}
		break
	}
	if st.source != "" && m.modality == graph.Asserted {
		m.modality, m.speaker = graph.Reported, st.source
	}
	return m
}

// speech reports a verb the lexicon lists as a speech verb.
func (c *clauses) speech(v int) bool {
	for _, p := range c.st.r.lex.Verbs(c.lemma(v)) {
		if p.Class == lexicon.Speech {
			return true
		}
	}
	return false
}

// mark returns the subordinating word of a clause (que, that, if), folded.
func (c *clauses) mark(v int) string {
	if d := c.child(v, "mark"); d >= 0 {
		return graph.Fold(c.w[d].Form)
	}
	return ""
}

// negated reports a clause negated by its own words: "not", "never",
// "ne ... pas", "sans" before an infinitive.
func (c *clauses) negated(v int) bool {
	lex := c.st.r.lex
	ne, neg := false, false
	for _, d := range c.kids[v] {
		f := strings.ToLower(c.w[d].Form)
		switch {
		case f == "ne" || f == "n'":
			ne = true
		case c.rel(d, "advmod") || c.rel(d, "advmod:neg") || c.rel(d, "neg") || c.rel(d, "det"):
			switch lex.NegationKind(f) {
			case "neg":
				neg = true
			case "post":
				if c.st.r.lang != "fr" {
					neg = true
				} else {
					ne = ne || neg
					neg = true
				}
			}
		case c.rel(d, "mark") && (f == "sans" || f == "without"):
			return true
		}
	}
	if c.st.r.lang == "fr" {
		return ne && neg
	}
	return neg
}

// conditional reports a verb or auxiliary in a form that makes the clause
// hypothetical ("could", "pourrait", a French conditional).
func (c *clauses) conditional(v int) bool {
	forms := []int{v}
	for _, d := range c.kids[v] {
		if c.rel(d, "aux") {
			forms = append(forms, d)
		}
	}
	for _, k := range forms {
		if mod, ok := c.st.r.lex.Modality(strings.ToLower(c.w[k].Form)); ok && mod == graph.Hypothetical {
			return true
		}
	}
	return false
}

// subjects returns the subject of verb v: its nsubj, the antecedent of a
// relative pronoun, or the subject it shares with the verb governing it.
func (c *clauses) subjects(v int) []arg {
	for depth := 0; v >= 0 && depth < 6; depth++ {
		if s := c.child(v, "nsubj"); s >= 0 && !c.rel(s, "nsubj:pass") {
			if c.w[s].UPOS == "PRON" && relatives[strings.ToLower(c.w[s].Form)] || strings.EqualFold(c.w[s].Form, "that") && c.rel(v, "acl:relcl") {
				if c.rel(v, "acl") {
					return c.args(c.head(v), true)
				}
				return nil
			}
			if a := c.args(s, true); len(a) > 0 || c.w[s].UPOS != "PRON" {
				return a
			}
			// "Washington said it does not rule out": an unresolved
			// pronoun in what someone says is the speaker.
			if g := c.head(v); g >= 0 && c.rel(v, "ccomp") && c.speech(g) {
				v = g
				continue
			}
			return nil
		}
		if c.child(v, "nsubj:pass") >= 0 {
			return nil
		}
		g := c.head(v)
		if g < 0 {
			return nil
		}
		switch {
		case c.rel(v, "xcomp") && c.controller(g) >= 0:
			// "encouraged the firms to cease", "appelle Téhéran à
			// cesser": the object of the governor does it.
			return c.args(c.controller(g), true)
		case c.rel(v, "xcomp"), c.rel(v, "advcl") && c.mark(v) == "":
		case c.rel(v, "conj") && c.w[g].UPOS == "VERB":
		case c.rel(v, "acl") && !c.rel(v, "acl:relcl") && c.w[g].UPOS != "VERB":
			// "the party opposing X", "X, arrivée deuxième".
			return c.args(g, true)
		default:
			return nil
		}
		v = g
	}
	return nil
}

// controller returns the object of a verb that controls its xcomp
// ("urge X to", "appeler X à"), or -1.
func (c *clauses) controller(g int) int {
	for _, d := range c.kids[g] {
		if c.rel(d, "obj") || c.rel(d, "iobj") {
			if reflexives[strings.ToLower(c.w[d].Form)] {
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
		if cs := c.caseOf(d); cs == want || strings.HasSuffix(cs, " "+want) {
			if locutions[c.lemma(d)] {
				continue // "au sujet de", "en raison de": not an object
			}
			return c.args(d, false)
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
	// its own ("U.S. citizens").
	lex := c.st.r.lex
	_, title := lex.Title(strings.ToLower(c.w[k].Form))
	stands := title || authorities[c.lemma(k)] || c.w[k].UPOS == "PROPN"
	for _, d := range c.kids[k] {
		if c.ment[d] < 0 {
			continue
		}
		switch {
		case c.rel(d, "appos"), c.rel(d, "flat"), c.rel(d, "compound") && stands:
			return arg{mention: c.ment[d]}, true
		case c.rel(d, "nmod") && c.caseOf(d) == "",
			c.rel(d, "nmod") && authorities[c.lemma(k)] && (c.caseOf(d) == "of" || c.caseOf(d) == "de" || c.caseOf(d) == "d'"),
			c.rel(d, "nmod:poss") && authorities[c.lemma(k)]:
			return arg{mention: c.ment[d]}, true
		}
	}
	if name, ok := c.properName(k); ok {
		return arg{mention: -1, name: name}, true
	}
	if subject {
		// A group acting as an actor: "les dirigeants européens",
		// "protesters", "the police".
		if actors[c.lemma(k)] {
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

// actors are the nouns of groups that act as a subject without a name
// ("les manifestants", "critics", "the police").
var actors = map[string]bool{
	"dirigeant": true, "leader": true, "manifestant": true, "protester": true, "demonstrator": true,
	"rebelle": true, "rebel": true, "insurgé": true, "insurgent": true, "militant": true, "activist": true,
	"critic": true, "critique": true, "opposant": true, "opponent": true, "supporter": true, "partisan": true,
	"police": true, "policier": true, "soldat": true, "soldier": true, "troop": true, "troupe": true,
	"enquêteur": true, "investigator": true, "procureur": true, "prosecutor": true, "juge": true, "judge": true,
	"député": true, "lawmaker": true, "sénateur": true, "senator": true, "électeur": true, "voter": true,
	"habitant": true, "resident": true, "islamiste": true, "islamist": true, "djihadiste": true, "jihadist": true,
	"expert": true, "analyste": true, "analyst": true, "scientifique": true, "scientist": true, "chercheur": true, "researcher": true,
	"secouriste": true, "rescuer": true, "témoin": true, "witness": true, "syndicat": true, "union": true,
}

// locutions are the nouns of prepositional phrases that frame a
// sentence rather than complete its verb.
var locutions = map[string]bool{
	"sujet": true, "propos": true, "raison": true, "cours": true, "lieu": true, "cause": true,
	"terme": true, "face": true, "issue": true, "part": true, "behalf": true, "spite": true,
}

// properName returns the name a proper noun heads with its flat,
// compound and capitalised parts and its "of" complements ("House of
// Representatives", "Popular Mobilization Forces"), when the recogniser
// left it out. A single word is a name only away from the sentence start.
func (c *clauses) properName(k int) (string, bool) {
	st := c.st
	if c.w[k].UPOS != "PROPN" || !isCapital(c.w[k].Form) || timeWords[strings.ToLower(c.w[k].Form)] {
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
				switch c.caseOf(d) {
				case "of", "de", "d'", "du", "des":
				default:
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

// authorities stand for the state, body or group their complement
// names: "the government of Iran", "les islamistes d'Ansar Dine", "members
// of Hamas".
var authorities = map[string]bool{
	"government": true, "gouvernement": true, "authorities": true, "authority": true, "autorité": true,
	"administration": true, "regime": true, "régime": true,
	"member": true, "membre": true, "militant": true, "fighter": true, "combattant": true,
	"islamiste": true, "islamist": true, "rebel": true, "rebelle": true, "force": true, "troop": true,
	"troupe": true, "soldier": true, "soldat": true, "supporter": true, "partisan": true,
	"leader": true, "dirigeant": true, "official": true, "responsable": true, "représentant": true,
	"representative": true, "army": true, "armée": true, "police": true, "ministry": true, "ministère": true,
	"diplomat": true, "diplomate": true, "lawmaker": true, "député": true, "spokesman": true, "spokeswoman": true,
	"spokesperson": true, "porte-parole": true, "delegation": true, "délégation": true,
}

// concept returns the phrase a noun heads, in English when the lexicon
// knows it: the noun with its adjectives and compounds, and a "de"/"of"
// complement.
func (c *clauses) concept(k int) (phrase string, known bool) {
	st := c.st
	lex := st.r.lex
	head := strings.ToLower(c.w[k].Form)
	if len(head) < 3 || pronounWords[head] || timeWords[head] || len(lex.StopClasses(head)) > 0 {
		return "", false
	}
	in := map[int]bool{k: true}
	var add func(k int, deep bool)
	add = func(k int, deep bool) {
		for _, d := range c.kids[k] {
			switch {
			case c.rel(d, "amod") && c.w[d].UPOS == "ADJ", c.rel(d, "compound") && c.ment[d] < 0, c.rel(d, "flat"), c.rel(d, "fixed"):
				in[d] = true
			case deep && c.rel(d, "nmod") && c.ment[d] < 0 && c.w[d].UPOS == "NOUN":
				cs := c.caseOf(d)
				if cs != "de" && cs != "of" && cs != "d'" {
					continue
				}
				in[d] = true
				for _, e := range c.kids[d] {
					if c.rel(e, "case") || c.rel(e, "det") && e > k {
						in[e] = true
					}
				}
				add(d, false)
			}
		}
	}
	add(k, true)
	// The phrase as written: the tokens of those words, in order.
	var toks []int
	seen := map[int]bool{}
	for i := range c.w {
		if in[i] && !seen[c.w[i].Token] {
			seen[c.w[i].Token] = true
			toks = append(toks, c.w[i].Token)
		}
	}
	// A gap in the tokens (an adverb, a name) leaves the stretch around
	// the head only.
	var words []string
	headTok := c.w[k].Token
	for n, t := range toks {
		if n > 0 && t != toks[n-1]+1 {
			if t > headTok {
				break
			}
			words = words[:0]
		}
		words = append(words, st.s.Tokens[t].Text)
	}
	// A complement cut short ("supporters of the") goes.
	for len(words) > 1 {
		last := strings.ToLower(words[len(words)-1])
		if len(lex.StopClasses(last)) == 0 && !prepositions[last] {
			break
		}
		words = words[:len(words)-1]
	}
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
	if isCapital(c.w[k].Form) {
		return "", false // a name the recogniser left out
	}
	return phrase, false
}

// triple makes the triple of one subject and object.
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
	if sname == "" || object == "" || graph.Fold(sname) == graph.Fold(object) {
		return graph.Triple{}, false
	}
	if m.modality == graph.Reported {
		conf -= 0.05
	}
	return graph.Triple{
		Subject: sname, SubjectType: stype,
		Predicate: r.Predicate.Predicate,
		Object:    object, ObjectType: otype,
		Negated: m.negated, Modality: m.modality,
		Confidence: round2(conf), Source: r.Lemma, Attribution: m.speaker,
	}, true
}

// plainVerbs are English verbs too general to be a predicate of their own.
var plainVerbs = map[string]bool{
	"be": true, "have": true, "do": true, "get": true, "make": true, "take": true, "give": true,
	"put": true, "let": true, "see": true, "know": true, "think": true, "seem": true, "become": true,
	"remain": true, "include": true, "involve": true, "use": true, "need": true, "want": true,
	"come": true, "go": true, "happen": true, "follow": true, "say": true, "tell": true, "add": true,
	"continue": true, "begin": true, "start": true, "try": true, "keep": true, "find": true,
	"show": true, "leave": true, "bring": true, "hold": true, "set": true, "turn": true, "mean": true,
	"feel": true, "look": true, "call": true, "ask": true, "write": true, "note": true, "describe": true,
	"cause": true, "allow": true, "help": true, "expect": true, "believe": true, "suggest": true,
}

// genericPreps may join an unmapped English verb's predicate.
var genericPreps = map[string]bool{
	"to": true, "with": true, "at": true, "in": true, "on": true, "against": true, "for": true,
	"from": true, "into": true, "about": true, "over": true, "of": true,
}

// thirdPerson returns the present third person singular of an English
// verb lemma: defeat → defeats, carry out → carries out.
func thirdPerson(lemma string) string {
	verb, rest, _ := strings.Cut(lemma, " ")
	switch {
	case verb == "be":
		verb = "is"
	case verb == "have":
		verb = "has"
	case strings.HasSuffix(verb, "s"), strings.HasSuffix(verb, "x"), strings.HasSuffix(verb, "z"),
		strings.HasSuffix(verb, "ch"), strings.HasSuffix(verb, "sh"), strings.HasSuffix(verb, "o"):
		verb += "es"
	case len(verb) > 1 && strings.HasSuffix(verb, "y") && !strings.ContainsRune("aeiou", rune(verb[len(verb)-2])):
		verb = verb[:len(verb)-1] + "ies"
	default:
		verb += "s"
	}
	if rest != "" {
		return verb + " " + rest
	}
	return verb
}

// roles returns the roles the tree states next to a person's name: an
// apposition or copula with a title ("Ahmed al-Assadi, a spokesman for
// the PMF"; "X was the deputy commander of Y"; "le président de la
// Commission, José Manuel Barroso") and a party adjective ("Republican
// Kevin McCarthy", "le démocrate Barack Obama").
func (c *clauses) roles() []graph.Triple {
	st := c.st
	var out []graph.Triple
	person := func(k int) int {
		if k < 0 || c.ment[k] < 0 {
			return -1
		}
		m := st.s.Mentions[c.ment[k]]
		if m.Type != graph.Person || m.Kind != entity.Name || m.Name == "" {
			return -1
		}
		return c.ment[k]
	}
	emit := func(m int, role string, of arg, conf float64) {
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
		verb := "is "
		if strings.HasPrefix(role, pastMark) {
			verb, role = "was ", strings.TrimPrefix(role, pastMark)
		}
		out = append(out, graph.Triple{
			Subject: sm.Name, SubjectType: graph.Person,
			Predicate: verb + role + " of",
			Object:    name, ObjectType: typ,
			Modality: graph.Asserted, Confidence: conf, Source: role,
		})
	}
	for k, w := range c.w {
		switch {
		case c.rel(k, "appos") || c.rel(k, "nmod") && c.caseOf(k) == "":
			h := c.head(k)
			if h < 0 {
				continue
			}
			// Name, title — or title, name. The recogniser may have
			// taken the title into the name's mention.
			if m := person(h); m >= 0 && (c.ment[k] != m || c.w[k].UPOS == "NOUN") {
				if role, of, ok := c.title(k); ok {
					emit(m, role, of, 0.7)
				}
				// "X — former Foreign Secretary, mayor of London, and
				// member of Parliament".
				for _, d := range c.kids[k] {
					if c.rel(d, "conj") && c.ment[d] < 0 {
						if role, of, ok := c.title(d); ok {
							emit(m, role, of, 0.65)
						}
						out = append(out, c.relational(h, d)...)
					}
				}
			} else if m := person(k); m >= 0 && c.ment[h] != m {
				if role, of, ok := c.title(h); ok {
					emit(m, role, of, 0.7)
				}
				// "le socialiste François Hollande".
				if party, ok := party(st.r.lang, c.w[h].Form); ok {
					out = append(out, graph.Triple{
						Subject: st.s.Mentions[m].Name, SubjectType: graph.Person,
						Predicate: "is member of", Object: party, ObjectType: graph.Org,
						Modality: graph.Asserted, Confidence: 0.65, Source: strings.ToLower(c.w[h].Form),
					})
				}
			}
			// "Columbus, la capitale de l'Ohio".
			if c.ment[k] < 0 && c.w[k].UPOS == "NOUN" {
				out = append(out, c.relational(h, k)...)
			}
		case w.UPOS == "NOUN" && c.child(k, "cop") >= 0:
			if m := person(c.child(k, "nsubj")); m >= 0 {
				if role, of, ok := c.title(k); ok {
					emit(m, role, of, 0.65)
				}
			} else if s := c.child(k, "nsubj"); s >= 0 && c.ment[k] < 0 {
				// "Timbuktu is part of Mali".
				out = append(out, c.relational(s, k)...)
			}
		}
		// "Labour leader Jeremy Corbyn": a title word inside the name's
		// mention, qualified by a party.
		if m := person(k); m >= 0 {
			for _, d := range c.kids[k] {
				if (c.rel(d, "compound") || c.rel(d, "nmod:desc")) && c.w[d].UPOS == "NOUN" || c.rel(d, "nmod:desc") {
					if role, of, ok := c.title(d); ok && of.name != "" && of.typ == "" {
						emit(m, role, of, 0.65)
					}
				}
			}
		}
		// Party adjectives on a name, or a name apposed to one.
		if m := person(k); m >= 0 && c.w[k].Token == st.s.Mentions[m].Start {
			// "Democrat Chuck Schumer": the party word opens the name.
			if party, ok := party(st.r.lang, c.w[k].Form); ok && st.s.Mentions[m].End-st.s.Mentions[m].Start > 2 {
				out = append(out, graph.Triple{
					Subject: st.s.Mentions[m].Name, SubjectType: graph.Person,
					Predicate: "is member of", Object: party, ObjectType: graph.Org,
					Modality: graph.Asserted, Confidence: 0.65, Source: strings.ToLower(c.w[k].Form),
				})
			}
		}
		if m := person(k); m >= 0 {
			for _, d := range c.kids[k] {
				if c.ment[d] == m && !c.rel(d, "amod") {
					continue
				}
				if !(c.rel(d, "amod") || c.rel(d, "compound") || c.rel(d, "nmod:desc") || c.rel(d, "appos")) {
					continue
				}
				if party, ok := party(c.st.r.lang, c.w[d].Form); ok {
					out = append(out, graph.Triple{
						Subject: st.s.Mentions[m].Name, SubjectType: graph.Person,
						Predicate: "is member of", Object: party, ObjectType: graph.Org,
						Modality: graph.Asserted, Confidence: 0.65, Source: strings.ToLower(c.w[d].Form),
					})
				}
			}
		}
	}
	return out
}

// relational returns the relation a noun such as "capital", "member" or
// "part" states between mention m and the complement of the noun at k
// ("Columbus, the capital of Ohio"; "Quds Force is part of the IRGC").
func (c *clauses) relational(h, k int) []graph.Triple {
	st := c.st
	pred, ok := relationalNouns[c.lemma(k)]
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
		if !c.rel(d, "nmod") {
			continue
		}
		switch c.caseOf(d) {
		case "of", "de", "d'":
		default:
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

// relationalNouns state a relation between the entity they describe and
// their complement.
var relationalNouns = map[string]string{
	"capital": "is capital of", "capitale": "is capital of",
	"member": "is member of", "membre": "is member of",
	"part": "is part of", "partie": "is part of",
	"ally": "is ally of", "allié": "is ally of",
	"rival": "is rival of", "subsidiary": "is subsidiary of", "filiale": "is subsidiary of",
	"founder": "is founder of", "fondateur": "is founder of", "fondatrice": "is founder of",
	"sister": "is sister of", "sœur": "is sister of", "brother": "is brother of", "frère": "is brother of",
	"fils": "is son of", "daughter": "is daughter of", "fille": "is daughter of",
	"wife": "is wife of", "épouse": "is wife of", "husband": "is husband of", "mari": "is husband of",
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

// pastTitle are the words saying a title was held before.
var pastTitle = map[string]bool{"former": true, "ex": true, "ancien": true, "ancienne": true, "late": true}

// past reports a title qualified as held before.
func (c *clauses) past(k int) bool {
	for _, d := range c.kids[k] {
		if c.rel(d, "amod") && pastTitle[strings.ToLower(c.w[d].Form)] {
			return true
		}
	}
	return false
}

// currentTitle is title without the tense.
func (c *clauses) currentTitle(k int) (role string, of arg, ok bool) {
	lex := c.st.r.lex
	if c.w[k].UPOS != "NOUN" && c.w[k].UPOS != "PROPN" {
		return "", arg{}, false
	}
	head := strings.ToLower(c.w[k].Form)
	var mods []int
	for _, d := range c.kids[k] {
		if (c.rel(d, "amod") || c.rel(d, "compound")) && c.ment[d] < 0 && !pastTitle[strings.ToLower(c.w[d].Form)] {
			mods = append(mods, d)
		}
	}
	// The longest phrase the lexicon knows as a title.
	role, known := lex.Title(head)
	if len(mods) > 0 {
		var words []string
		for i := range c.w {
			if i == k || slices.Contains(mods, i) {
				words = append(words, strings.ToLower(c.w[i].Form))
			}
		}
		if r, ok := lex.Title(strings.Join(words, " ")); ok {
			role, known = r, true
		} else if known && c.st.r.lang == "en" {
			role = strings.Join(words, " ")
		}
	}
	// "ministre de la Défense": a title with its complement.
	if nm := c.child(k, "nmod"); nm >= 0 && c.ment[nm] < 0 && (c.caseOf(nm) == "de" || c.caseOf(nm) == "of") {
		var words []string
		for i := c.w[k].Token; i <= c.w[nm].Token && i < len(c.st.s.Tokens); i++ {
			words = append(words, c.st.s.Tokens[i].Text)
		}
		if r, ok := lex.Title(joinWords(words)); ok {
			return c.home(r)
		}
	}
	if !known || role == "counterpart" {
		return "", arg{}, false
	}
	for _, d := range c.kids[k] {
		switch {
		case c.rel(d, "nmod:poss") && c.ment[d] >= 0:
			return role, arg{mention: c.ment[d]}, true
		case c.rel(d, "nmod"):
			switch c.caseOf(d) {
			case "of", "de", "d'", "for", "at", "pour":
			default:
				continue
			}
			if a := c.args(d, true); len(a) > 0 && a[0].entity() {
				return role, a[0], true
			}
		case c.rel(d, "amod") && c.ment[d] >= 0 && c.ment[d] != c.ment[k]:
			return role, arg{mention: c.ment[d]}, true
		case c.rel(d, "amod") || c.rel(d, "compound"):
			// "Labour leader", "the Republican candidate".
			if p, ok := party(c.st.r.lang, c.w[d].Form); ok {
				return role, arg{mention: -1, name: p}, true
			}
		}
	}
	return c.home(role)
}

// home returns a national role as the document's country's ("the Foreign
// Secretary" in a British story), when the document has one.
func (c *clauses) home(role string) (string, arg, bool) {
	if c.st.s.Home == "" || !NationalRole(role) {
		return "", arg{}, false
	}
	return role, arg{mention: -1, name: c.st.s.Home, typ: graph.GPE}, true
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

// parties are the adjectives and nouns that name a political party when
// they qualify a person ("Republican Kevin McCarthy", "le socialiste X"):
// English ones capitalised, as the party is; French ones folded. Words
// whose party depends on the country (conservateur) are left out.
var parties = map[string]map[string]string{
	"en": {
		"Republican": "Republican Party", "Democrat": "Democratic Party", "Democratic": "Democratic Party",
		"Conservative": "Conservative Party", "Tory": "Conservative Party", "Labour": "Labour Party",
	},
	"fr": {
		"republicain": "Republican Party", "democrate": "Democratic Party",
		"socialiste": "Socialist Party", "travailliste": "Labour Party",
		"ecologiste": "Green Party",
	},
}

// party returns the party a word names in lang.
func party(lang, word string) (string, bool) {
	if lang == "fr" {
		word = graph.Fold(word)
	}
	p, ok := parties[lang][word]
	return p, ok
}
