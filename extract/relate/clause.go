package relate

import (
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

func (st *state) newClauses() *clauses {
	c := &clauses{st: st, w: punctHeads(st.s.Words, st.r.lex), kids: make([][]int, len(st.s.Words)), ment: make([]int, len(st.s.Words))}
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

// punctHeads mends two parser slips: a word hung on punctuation (a
// quoted object on its opening quote: "a salué « la réforme »") depends
// on the punctuation's head instead, and a time word read as an object
// is a temporal modifier.
func punctHeads(ws []Word, lex *lexicon.Lexicon) []Word {
	var out []Word
	for k, w := range ws {
		h := w.Head - 1
		for n := 0; h >= 0 && h < len(ws) && ws[h].UPOS == "PUNCT" && n < len(ws); n++ {
			h = ws[h].Head - 1
		}
		// "annonçait samedi que": a day is when, never what.
		tmod := w.Deprel == "obj" && lex.Is(lexicon.TimeWord, strings.ToLower(w.Form))
		if h+1 == w.Head && !tmod {
			continue
		}
		if out == nil {
			out = slices.Clone(ws)
		}
		out[k].Head = h + 1
		if tmod {
			out[k].Deprel = "obl:tmod"
		}
	}
	if out == nil {
		return ws
	}
	return out
}

// verbLemma returns the lemma of verb v: the lexicon's when it knows the
// form and the model's lemma is not a verb it maps ("blamed" → blame).
func (c *clauses) verbLemma(v int) string {
	l := c.lemma(v)

	lex := c.st.r.lex
	// A verb too plain to map is still the model's reading: "found the
	// plan acceptable" is find, not found.
	if len(lex.Verbs(l)) > 0 || c.is(lexicon.PlainVerb, l) {
		return l
	}
	// The model's lemma stands when it is one of the form's readings:
	// "found" is find as often as found.
	form := strings.ToLower(c.w[v].Form)
	xs := lex.Lemma(form)
	if slices.Contains(xs, l) || len(xs) == 1 && xs[0] == form {
		return l
	}
	for _, x := range xs {
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
	out = append(out, c.nouns()...)
	return append(out, c.roles()...), read
}

// verb returns the triples of the clause headed by verb v, and whether
// the tree gave it a subject.
func (c *clauses) verb(v int) ([]graph.Triple, bool) {
	rows, generic := c.readings(v)
	if len(rows) == 0 {
		return nil, false
	}
	mod := c.modality(v)
	if mod.skip {
		return nil, false
	}
	vc := c.voice(v)
	// "l'accord négocié entre le PS et les Verts": a symmetric verb
	// relates the two sides "entre" / "between" names.
	var sides []graph.Triple
	for _, r := range rows {
		if r.Symmetric && r.light < 0 {
			sides = append(sides, c.between(v, r, mod, 0.1)...)
			break
		}
	}
	if len(vc.subj) == 0 {
		// "Le camion a heurté la glissière": the tree's subject is a
		// common noun, no entity; the position rules must not take the
		// name before it for the subject.
		if ns := c.child(v, "nsubj"); ns >= 0 && c.w[ns].UPOS == "NOUN" && c.ment[ns] < 0 && !vc.passive {
			return sides, true
		}
		return sides, len(sides) > 0
	}
	var out []graph.Triple
	out = append(out, sides...)
	light := false // a light verb read with its noun: the plain verb is not read
	for _, r := range rows {
		if r.light >= 0 && r.Prep == "" || light && r.light < 0 {
			continue
		}
		ts, read := c.reading(v, r, vc, mod, generic)
		out = append(out, ts...)
		light = light || read
	}
	if !vc.passive && c.speech(v) {
		out = c.addressees(v, vc.subj, mod, out)
	}
	return out, true
}

// readings returns the lexicon's rows for verb v (with its particle
// when the lexicon knows the pair), and whether they are the verb's
// own generic reading.
func (c *clauses) readings(v int) (rows []row, generic bool) {
	lex := c.st.r.lex
	lemma := c.verbLemma(v)
	if prt := c.child(v, "compound:prt"); prt >= 0 {
		if rows := lex.Verbs(lemma + " " + strings.ToLower(c.w[prt].Form)); len(rows) > 0 {
			lemma += " " + strings.ToLower(c.w[prt].Form)
		}
	}
	if rows = c.verbRows(v, lemma); len(rows) > 0 {
		return rows, false
	}
	// An English verb the lexicon does not map still reads as its
	// own predicate: "defeated" → defeats, "arrived at" → arrives at.
	if !c.st.r.traits.ContractWords || c.is(lexicon.PlainVerb, lemma) || strings.ContainsAny(lemma, "0123456789") {
		return nil, false
	}
	return []row{{lexicon.Predicate{Lemma: lemma, Predicate: thirdPerson(lemma), Class: lexicon.Action}, -1}}, true
}

// voice is how a clause's verb takes its arguments.
type voice struct {
	subj     []arg
	passObj  []arg // in the passive, what the verb acts on
	passive  bool
	inverted bool // the speaker follows the verb: what follows is no object
}

// voice returns the subjects of verb v and, in the passive, its patient.
func (c *clauses) voice(v int) voice {
	var vc voice
	agent := c.agent(v)
	// "le traité, signé par la France": a participle with an agent
	// is a passive whose object is the noun it qualifies.
	reduced := c.rel(v, "acl") && !c.rel(v, "acl:relcl") && agent >= 0
	// "se sont félicités": être with a reflexive is no passive.
	vc.passive = c.child(v, "aux:pass") >= 0 && c.child(v, "expl:pv") < 0 && c.child(v, "expl") < 0 || reduced
	if !vc.passive {
		vc.subj = c.subjects(v)
		if len(vc.subj) == 0 && c.speech(v) {
			vc.subj = c.invertedSpeaker(v)
			vc.inverted = len(vc.subj) > 0
		}
		return vc
	}
	ps := c.child(v, "nsubj:pass")
	if ps < 0 {
		// The passive auxiliary says what the parser's plain nsubj is:
		// "le traité a été ratifié" labelled nsubj is still the patient.
		ps = c.child(v, "nsubj")
	}
	vc.passObj = c.args(ps, false)
	if ps >= 0 && c.w[ps].UPOS == "PRON" && c.rel(v, "acl:relcl") || reduced {
		// "the plan, which was approved by X".
		vc.passObj = c.args(c.head(v), false)
	}
	if agent >= 0 {
		vc.subj = c.args(agent, true)
	}
	return vc
}

// reading returns the triples one lexicon row reads in the clause of
// verb v, and whether it related the subject to an object (a light
// verb's reading then replaces the plain verb's).
func (c *clauses) reading(v int, r row, vc voice, mod mood, generic bool) (out []graph.Triple, related bool) {
	switch r.Class {
	case lexicon.Action, lexicon.Speech:
	case lexicon.Considered, lexicon.Intended:
		if ts, done := c.considered(v, r, vc.subj, mod); done {
			return ts, false
		}
	default:
		return nil, false
	}
	// "aims to", "tries to" qualify the verb they govern; "talks
	// to", "returns to" relate their subject and object.
	if strings.HasSuffix(r.Predicate.Predicate, " to") && r.Class != lexicon.Action && r.Class != lexicon.Speech {
		return nil, false
	}
	objs, out, ok := c.objects(v, r, vc, mod)
	if !ok {
		return nil, false
	}
	if generic && !vc.passive {
		out = append(out, c.obliques(v, r, vc.subj, mod)...)
	}
	for _, s := range vc.subj {
		for _, o := range objs {
			if t, ok := c.triple(s, o, r, mod); ok {
				out = append(out, t)
				related = related || r.light >= 0
			}
		}
	}
	// "Kiev and Moscow failed to reach a deal": a
	// symmetric relation with no object holds between the
	// coordinated subjects.
	if len(objs) == 0 && r.Symmetric && !vc.passive && len(vc.subj) > 1 {
		for i := range vc.subj {
			for j := i + 1; j < len(vc.subj); j++ {
				if !vc.subj[j].entity() {
					continue
				}
				if t, ok := c.triple(vc.subj[i], vc.subj[j], r, mod); ok {
					out = append(out, t) // the plain reading stays: "signed an agreement"
				}
			}
		}
	}
	return out, related
}

// considered reads a verb of considering or intending: "considers
// sanctions" states that much, read as any verb with its object (done
// is false); with no object, or a placeholder one ("envisager la
// possibilité d'imposer des sanctions"), the object is the governed
// verb's.
func (c *clauses) considered(v int, r row, subj []arg, mod mood) (out []graph.Triple, done bool) {
	o := c.child(v, "obj")
	if o < 0 || r.Prep != "" {
		// "promised to impose sanctions", "envisage de
		// sanctionner la Russie": the object of what is promised
		// or considered.
		if x := c.infinitiveObject(v, r.Prep); x >= 0 && commits[r.Predicate.Predicate] {
			for _, s := range subj {
				for _, ob := range c.args(x, false) {
					if ob.entity() {
						continue // "wants to oust X" is no wanting X
					}
					if t, ok := c.triple(s, ob, r, mod); ok {
						t.Confidence = round2(t.Confidence - 0.1)
						out = append(out, t)
					}
				}
			}
		}
		return out, true
	}
	if !c.is(lexicon.Placeholder, c.lemma(o)) {
		return nil, false
	}
	if a := c.child(o, "acl"); a >= 0 && c.child(a, "obj") >= 0 {
		for _, s := range subj {
			for _, ob := range c.args(c.child(a, "obj"), false) {
				if t, ok := c.triple(s, ob, r, mod); ok {
					out = append(out, t)
				}
			}
		}
	}
	return out, true
}

// objects returns what row r relates the subjects of verb v to, with
// the triples a noun joined to the predicate reads ("ordered strikes
// on the port"); ok is false when the row reads nothing here.
func (c *clauses) objects(v int, r row, vc voice, mod mood) (objs []arg, out []graph.Triple, ok bool) {
	switch {
	case vc.inverted:
	case vc.passive && r.Prep == "":
		objs = vc.passObj
	case vc.passive:
		return nil, nil, false
	case r.Prep == "" && r.Class == lexicon.Speech && topical[r.Predicate.Predicate] && c.child(v, "obj") < 0:
		// "a confirmé qu'il allait ouvrir une enquête": what is
		// confirmed is the topic, (S, confirms, investigation).
		for _, o := range c.args(c.content(v), false) {
			if !o.entity() && o.known {
				objs = append(objs, o)
			}
		}
	case r.Prep == "":
		o := c.child(v, "obj")
		// "named her Foreign Minister": with a title as the
		// object, the person is the indirect one.
		if io := c.child(v, "iobj"); io >= 0 && o >= 0 && c.ment[o] < 0 && c.isTitle(o) {
			o = io
		}
		if o < 0 {
			break
		}
		objs = c.args(o, false)
		// "ordered strikes on the port": the noun and its
		// preposition join the predicate, the target is the
		// object; the noun alone is then not.
		if noun, prep, targets := c.compound(v, o); len(targets) > 0 {
			nr := r
			nr.Predicate.Predicate += " " + noun + " " + prep
			for _, s := range vc.subj {
				for _, t := range targets {
					if tr, ok := c.triple(s, t, nr, mod); ok {
						tr.Confidence = round2(tr.Confidence - 0.05)
						out = append(out, tr)
					}
				}
			}
			// A concept the lexicon knows is still its own
			// object ("rules out sanctions").
			// An event and its place say more than the event
			// alone ("ends tour in Lyon").
			if cpt, known := c.concept(o); !known || cpt == "" || c.eventNoun(o) {
				objs = nil
			}
		}
	case r.Prep == "that":
		return nil, nil, false
	case r.light >= 0:
		objs = c.oblique(r.light, r.Prep)
		if len(objs) == 0 {
			objs = c.oblique(v, r.Prep)
		}
	default:
		objs = c.oblique(v, r.Prep)
	}
	return objs, out, true
}

// obliques reads an unmapped English verb with each of its generic
// prepositions: "arrived at X" → arrives at.
func (c *clauses) obliques(v int, r row, subj []arg, mod mood) []graph.Triple {
	var out []graph.Triple
	for _, d := range c.kids[v] {
		if !c.rel(d, "obl") || c.rel(d, "obl:tmod") || c.rel(d, "obl:npmod") {
			continue
		}
		cs := c.caseOf(d)
		if !c.is(lexicon.GenericPrep, cs) || (cs == "in" || cs == "at" || cs == "over") && c.child(v, "obj") >= 0 {
			continue
		}
		pr := r
		pr.Predicate.Predicate += " " + cs
		pr.Prep = cs
		for _, s := range subj {
			for _, o := range c.args(d, false) {
				if !o.entity() {
					continue
				}
				if t, ok := c.triple(s, o, pr, mod); ok {
					t.Confidence = round2(t.Confidence - 0.1)
					out = append(out, t)
				}
			}
		}
	}
	return out
}

// addressees appends to out the triples of whom speech verb v
// addresses: "a déclaré à l'AFP", "said to Reuters" → tells.
func (c *clauses) addressees(v int, subj []arg, mod mood, out []graph.Triple) []graph.Triple {
	st := c.st
	// "talked to X" already relates X ("talks to").
	related := map[string]bool{}
	for _, t := range out {
		related[t.Object] = true
	}
	for _, d := range c.kids[v] {
		if !(c.rel(d, "obl") || c.rel(d, "iobj")) || !c.is(lexicon.Recipient, c.caseOf(d)) {
			continue
		}
		r := row{lexicon.Predicate{Lemma: c.verbLemma(v), Predicate: "tells", Class: lexicon.Speech}, -1}
		for _, s := range subj {
			for _, o := range c.args(d, false) {
				if o.mention < 0 || st.s.Mentions[o.mention].Type == graph.GPE || related[st.name(st.s.Mentions[o.mention], false)] {
					continue
				}
				if t, ok := c.triple(s, o, r, mod); ok {
					out = append(out, t)
				}
			}
		}
	}
	return out
}

// invertedSpeaker returns the speaker named after a speech verb the
// parser left without a subject: « ... » confie au Monde Jean Dupont,
// "..." said Jane Doe. The words after the verb are read in order: a
// name after à / to is whom the verb addresses and is passed over.
func (c *clauses) invertedSpeaker(v int) []arg {
	// Only right after the quotation: « ... » déclare, « ... » a
	// déclaré, "...," said.
	k := v - 1
	if k >= 0 && c.w[k].Form == "," {
		k--
	}
	if k >= 0 && (c.rel(k, "aux") || c.w[k].UPOS == "AUX") && c.head(k) == v {
		k--
	}
	if k < 0 {
		return nil
	}
	switch c.w[k].Form {
	case "»", "\"", "”", "''":
	default:
		return nil
	}
	ms := c.st.s.Mentions
	for j := v + 1; j < len(c.w) && j <= v+8; j++ {
		switch c.w[j].Form {
		case ".", "«", "»", "\"", ";", ":":
			return nil
		}
		m := c.ment[j]
		if m < 0 {
			continue
		}
		prev := ""
		if j > 0 {
			prev = graph.Fold(c.w[j-1].Form)
		}
		if j > 1 && c.is(lexicon.Definite, prev) {
			prev = graph.Fold(c.w[j-2].Form)
		}
		// Whom the verb addresses, or its agent.
		if c.is(lexicon.Recipient, prev) || c.is(lexicon.AgentPrep, prev) {
			for j+1 < len(c.w) && c.ment[j+1] == m {
				j++
			}
			continue
		}
		if ms[m].Kind == entity.Name && (ms[m].Type == graph.Person || ms[m].Type == graph.Org) {
			return []arg{{mention: m}}
		}
		return nil
	}
	return nil
}

// quoteSpeaker returns who speaks the quotation of the sentence: the
// speaker named after the speech verb that follows the closing quote
// (« Je promets le changement » a déclaré X).
func (c *clauses) quoteSpeaker() []arg {
	for g := range c.w {
		if c.w[g].UPOS != "VERB" || !c.speech(g) {
			continue
		}
		if sp := c.invertedSpeaker(g); len(sp) > 0 {
			return sp
		}
	}
	return nil
}

// topical are the speech predicates whose clause's object is their topic.
var topical = map[string]bool{"announces": true, "confirms": true}

// content returns the object of the clause a speech verb governs,
// through "is going to" / "allait" and modal infinitives, or -1.
func (c *clauses) content(v int) int {
	d := c.child(v, "ccomp")
	for n := 0; d >= 0 && n < 3; n++ {
		if o := c.child(d, "obj"); o >= 0 {
			return o
		}
		d = c.child(d, "xcomp")
	}
	return -1
}

// commits are the predicates of modal verbs that commit their subject to
// what their infinitive's object names ("promised to cut taxes" →
// promises taxes); wanting or trying does not.
var commits = map[string]bool{"considers": true, "promises": true, "pledges": true, "vows": true, "threatens": true}

// infinitiveObject returns the object of the infinitive clause that verb
// v governs with the marker prep ("de", "to"; "" for none: "wants X",
// "considers imposing"), or -1.
func (c *clauses) infinitiveObject(v int, prep string) int {
	for _, d := range c.kids[v] {
		if !(c.rel(d, "xcomp") || c.rel(d, "ccomp") && c.infinitive(d)) || c.w[d].UPOS != "VERB" {
			continue
		}
		m := c.mark(d)
		if prep == "" && m != "" || prep != "" && m != graph.Fold(prep) && !(prep == "de" && m == "d'") {
			continue
		}
		if o := c.child(d, "obj"); o >= 0 {
			return o
		}
		// "menacé de s'attaquer aux raffineries": a verb's argument
		// with a preposition.
		return c.child(d, "obl:arg")
	}
	return -1
}

// infinitive reports a clause introduced by an infinitive's marker
// ("promis d'engager", "decided to leave"), which shares its governor's
// subject as an xcomp does.
func (c *clauses) infinitive(v int) bool {
	m := c.mark(v)
	return m == "" || c.is(lexicon.InfinitiveMark, m)
}

// subjectOf returns the subject dependent of v: nsubj, or an nsubj:pass
// the parser gave a verb with no passive auxiliary (a passive needs être,
// be), or -1.
func (c *clauses) subjectOf(v int) int {
	if s := c.child(v, "nsubj"); s >= 0 && (!c.rel(s, "nsubj:pass") || c.child(v, "aux:pass") < 0) {
		return s
	}
	return -1
}

// agent returns the agent of a passive verb ("par X", "by X"), or -1.
func (c *clauses) agent(v int) int {
	for _, d := range c.kids[v] {
		if c.rel(d, "obl") && (c.w[d].Deprel == "obl:agent" || c.is(lexicon.AgentPrep, c.caseOf(d))) {
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
		if c.rel(d, "expl") || (c.rel(d, "obj") || c.rel(d, "iobj")) && c.is(lexicon.Reflexive, strings.ToLower(c.w[d].Form)) {
			reflexive = true
		}
	}
	hasPrt := strings.Contains(lemma, " ")
	ps := lex.Verbs(lemma)
	// "se féliciter de" is welcoming, not congratulating: a reflexive
	// verb with rows of its own reads only those.
	ownReflexive := false
	for _, p := range ps {
		ownReflexive = ownReflexive || reflexive && p.Reflexive
	}
	for _, p := range ps {
		if p.Reflexive && !reflexive || p.Particle != "" && !hasPrt && !p.Reflexive || ownReflexive && !p.Reflexive {
			continue
		}
		rows = append(rows, row{p, -1})
	}
	return rows
}

// compound returns, for a verb's object noun o that names a target of its
// own with a preposition ("attacks on the embassy", "la suspension du
// Parlement"), the noun in English, the preposition in English and the
// targets. Titles and authority nouns stand for persons and are left to
// the argument rules; a French noun the lexicon cannot translate is left.
func (c *clauses) compound(v, o int) (noun, prep string, targets []arg) {
	noun, ok := c.compoundNoun(o)
	if !ok {
		return "", "", nil
	}
	for _, d := range c.kids[o] {
		if c.rel(d, "nmod") && d > o {
			if prep, targets, ok := c.compoundTarget(o, d); ok {
				return noun, prep, targets
			}
		}
	}
	// The parser often hangs "on X" on the verb: only the prepositions
	// that cannot be the verb's circumstance are taken there. An event
	// noun's place hangs on the verb as often as on the noun.
	for _, cases := range [][]string{{"on", "against", "contre"}, {"at", "in", "a"}} {
		if cases[0] == "at" && !c.eventNoun(o) {
			break
		}
		for _, d := range c.kids[v] {
			if c.rel(d, "obl") && d > o && slices.Contains(cases, c.caseOf(d)) {
				if prep, targets, ok := c.compoundTarget(o, d); ok {
					return noun, prep, targets
				}
			}
		}
	}
	return "", "", nil
}

// compoundNoun returns the English of object noun o when it can carry a
// target of its own: not a name, a title or an authority, and a concept
// (with its noun compounds in English: "imposed travel bans on"; in
// another language, the lexicon's one-word English).
func (c *clauses) compoundNoun(o int) (string, bool) {
	if c.ment[o] >= 0 || c.w[o].UPOS != "NOUN" || c.is(lexicon.Authority, c.lemma(o)) {
		return "", false
	}
	lex := c.st.r.lex
	if _, title := lex.Title(strings.ToLower(c.w[o].Form)); title {
		return "", false
	}
	if cpt, _ := c.concept(o); cpt == "" {
		return "", false
	}
	if !c.st.r.traits.ContractWords {
		en, ok := lex.Concept(c.lemma(o))
		if !ok || strings.Contains(en, " ") {
			return "", false
		}
		return en, true
	}
	noun := strings.ToLower(c.w[o].Form)
	for i := len(c.kids[o]) - 1; i >= 0; i-- {
		d := c.kids[o][i]
		if d < o && c.rel(d, "compound") && c.w[d].UPOS == "NOUN" && c.ment[d] < 0 {
			noun = strings.ToLower(c.w[d].Form) + " " + noun
		}
	}
	return noun, true
}

// compoundTarget returns the English preposition and the named targets
// of d, a complement of object noun o (or of its verb), when its
// preposition joins a noun to its target.
func (c *clauses) compoundTarget(o, d int) (prep string, targets []arg, ok bool) {
	p, ok := c.st.r.lex.ClassValue(lexicon.CompoundPrep, c.caseOf(d))
	if !ok {
		return "", nil, false
	}
	for _, a := range c.args(d, false) {
		if a.mention >= 0 {
			targets = append(targets, a)
		}
	}
	if len(targets) == 0 {
		return "", nil, false
	}
	// "signed an agreement in Moscow": a place after in or at is where,
	// not what; French à is "to" anything else.
	m := c.st.s.Mentions[targets[0].mention]
	place := m.Type == graph.GPE || m.Type == graph.Loc
	switch p {
	case "in", "at", "":
		// "achèvera sa tournée à Lyon", "carried out the strike at the
		// airport": where an event noun happens is its target; an
		// agreement signed in Moscow is not about Moscow.
		if place && !c.eventNoun(o) {
			return "", nil, false
		}
		switch {
		case p == "" && place:
			p = "in"
		case p == "":
			p = "to"
		}
	}
	return p, targets, true
}

// isTitle reports a title noun ("Secretary", "ambassadeur").
func (c *clauses) isTitle(k int) bool {
	if _, ok := c.st.r.lex.Title(strings.ToLower(c.w[k].Form)); ok {
		return true
	}
	_, _, ok := c.currentTitle(k)
	return ok
}

// eventNoun reports a noun naming something that happens somewhere: a
// campaign, a visit, a strike.
func (c *clauses) eventNoun(k int) bool {
	return c.is(lexicon.PlacedEvent, c.lemma(k))
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
