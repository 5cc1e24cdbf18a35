package relate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/extract/entity"
	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/segment"
	"github.com/kgraph/kg/graph"
)

// lookBack bounds how far back a rule looks for a subject or governor, so
// that a sentence without breaks costs time in proportion to its length.
const lookBack = 40

// subject finds the subject of trigger k: the nearest mention to the left
// in its clause that is not the complement of a preposition, with the
// mentions coordinated with it. An infinitive or participle shares the
// subject of the verb that governs it; a relative pronoun stands for the
// mention before it; a passive's subject is its agent.
func (st *state) subject(k int) {
	t := st.trig[k]
	if t.passive {
		st.passiveSubject(t)
		return
	}
	for i := t.group - 1; i >= 0 && i >= t.group-lookBack; i-- {
		w := st.low[i]
		if m := st.mention[i]; m >= 0 {
			ms := st.s.Mentions[m]
			if st.npPrep(ms.Start) >= 0 {
				i = ms.Start
				continue
			}
			t.subj = st.coordinated(m, -1)
			return
		}
		if j := st.trigAt[i]; j >= 0 && j != k {
			if t.nonFinite {
				t.subjFrom = j
				return
			}
			// A finite verb before this one with no subject between:
			// "X a déclaré ... et a ajouté" shares X; else keep looking.
			i = st.trig[j].group
			continue
		}
		// "According to NPR, the police surrounded him": an unnamed
		// subject stands between a comma and the verb.
		if w == "," && st.unnamedBetween(i+1, t.group) {
			return
		}
		if st.is(lexicon.Relative, w) {
			for j := i - 1; j >= 0 && j >= i-2; j-- {
				if m := st.mention[j]; m >= 0 {
					t.subj = []int{m}
					return
				}
				if st.low[j] != "," {
					break
				}
			}
			return
		}
		if st.is(lexicon.Boundary, w) {
			return
		}
	}
}

// unnamedBetween reports a common noun phrase in tokens [from, to): a
// determiner or a lower-case content word that is no adverb, negation or
// auxiliary.
func (st *state) unnamedBetween(from, to int) bool {
	for k := from; k < to; k++ {
		w := st.low[k]
		if st.mention[k] >= 0 || st.s.Tokens[k].Kind != segment.Word {
			continue
		}
		if st.is(lexicon.NPDeterminer, w) || st.is(lexicon.Determiner, w) {
			return true
		}
		if st.is(lexicon.Adverb, w) || st.r.lex.IsAux(w) || st.r.lex.IsNegation(w) || st.is(lexicon.Reflexive, w) || st.is(lexicon.Pronoun, w) || st.isAdverb(k) || w == "ne" || w == "n'" {
			continue
		}
		if isCapital(st.s.Tokens[k].Text) {
			continue
		}
		return true
	}
	return false
}

// passiveSubject reads "Y a été arrêté par X" / "Y was arrested by X":
// the agent is the subject and the grammatical subject the object.
func (st *state) passiveSubject(t *trigger) {
	for i := t.end; i < len(st.low) && i <= t.end+3; i++ {
		if st.is(lexicon.AgentPrep, st.low[i]) {
			for j := i + 1; j < len(st.low) && j <= i+3; j++ {
				if m := st.mention[j]; m >= 0 {
					t.subj = st.coordinated(m, 1)
					break
				}
			}
			break
		}
	}
	for i := t.group - 1; i >= 0 && i >= t.group-lookBack; i-- {
		if m := st.mention[i]; m >= 0 {
			t.objMention = st.coordinated(m, -1)
			break
		}
		if st.is(lexicon.Boundary, st.low[i]) || st.trigAt[i] >= 0 {
			break
		}
	}
	t.objStart = -1
}

// coordinated returns mention m with the mentions coordinated with it in
// direction dir (-1 left, +1 right), in sentence order.
func (st *state) coordinated(m, dir int) []int {
	out := []int{m}
	ms := st.s.Mentions
	for cur := m; ; {
		next := cur + dir
		if next < 0 || next >= len(ms) {
			break
		}
		a, b := ms[cur], ms[next]
		if dir < 0 {
			a, b = b, a
		}
		if !st.coordinates(a.End, b.Start) {
			break
		}
		// A preposition starts a new phrase: "à Moscou, Lavrov et
		// Ayrault" is no list, "between Israel and Egypt" is one.
		if pn, pc := st.afterPrep(ms[next]), st.afterPrep(ms[cur]); pn != pc && (pn && !pc || !st.hasConjunction([]int{cur, next})) {
			break
		}
		out = append(out, next)
		cur = next
	}
	// Commas alone make an apposition ("Le maire de New York, Michael
	// Bloomberg"), not a list: a list has a conjunction somewhere.
	if len(out) > 1 && !st.hasConjunction(out) {
		out = out[:1]
	}
	if dir < 0 {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out
}

// hasConjunction reports whether a chain of coordinated mentions is
// joined by a conjunction somewhere.
func (st *state) hasConjunction(chain []int) bool {
	lo, hi := len(st.low), 0
	for _, m := range chain {
		lo = min(lo, st.s.Mentions[m].Start)
		hi = max(hi, st.s.Mentions[m].End)
	}
	for i := lo; i < hi; i++ {
		if st.mention[i] < 0 && st.low[i] != "," && st.is(lexicon.Coordinator, st.low[i]) {
			return true
		}
	}
	return false
}

// afterPrep reports whether a mention is the complement of a preposition
// ("à Moscou"), which it cannot be coordinated with a subject for.
func (st *state) afterPrep(m entity.Mention) bool {
	p := st.npPrep(m.Start)
	return p >= 0 && !st.is(lexicon.Genitive, st.low[p])
}

// coordinates reports whether tokens [from, to) join two mentions: "et",
// "and", a comma, "tout comme", with articles.
func (st *state) coordinates(from, to int) bool {
	if from >= to {
		return false
	}
	conj := false
	for i := from; i < to; i++ {
		w := st.low[i]
		switch {
		case st.is(lexicon.Coordinator, w):
			conj = true
		case st.is(lexicon.Definite, w):
		default:
			return false
		}
	}
	return conj
}

// governor finds the verb that governs trigger k — the speech verb of a
// clause introduced by que/that, the modal or negative verb of an
// infinitive — and takes its modality, negation and speaker.
func (st *state) governor(k int) {
	t := st.trig[k]
	if t.modality == "" {
		t.modality = graph.Asserted
	}
	crossed := false
	for i := t.group - 1; i >= 0 && i >= t.group-lookBack; i-- {
		w := st.low[i]
		if st.is(lexicon.Complementizer, w) {
			crossed = true
		}
		j := st.trigAt[i]
		if j < 0 || j == k {
			if w == ";" || (st.is(lexicon.Boundary, w) && !st.is(lexicon.Complementizer, w)) {
				break
			}
			continue
		}
		g := st.trig[j]
		st.governedBy(t, g, j, crossed)
		if !t.nonFinite || crossed || g.pred.Class != classAction {
			break
		}
	}
	if st.source != "" {
		t.modality, t.speaker = graph.Reported, st.source
	}
}

// governedBy gives trigger t what governing trigger g (the j-th) says of
// it: reported by g's subject under a speech verb, considered, intended
// or negated under a modal or negative verb taking t's infinitive, and
// the denial or reading g has itself. crossed says a que/that stands
// between them.
func (st *state) governedBy(t, g *trigger, j int, crossed bool) {
	infinitive := t.nonFinite && !crossed
	switch g.pred.Class {
	case classSpeech:
		if crossed || t.nonFinite || st.bareClause(g, t) {
			t.modality = graph.Reported
			if subj := st.subjects(j); len(subj) > 0 {
				t.speaker = st.name(st.s.Mentions[subj[0]], true)
				t.speakerMention = subj[0]
			}
		}
	case classConsidered:
		if infinitive {
			t.modality = graph.Considered
		}
	case classIntended:
		if infinitive {
			t.modality = graph.Intended
		}
	case classNeg:
		if infinitive {
			t.negated = !t.negated
		}
	}
	// "ne veut pas rencontrer": a denied modal denies what it governs; a
	// denied action does not deny its purpose ("pour faire pression").
	if g.negated && infinitive && (g.pred.Class == classConsidered || g.pred.Class == classIntended || g.pred.Class == classAspect) {
		t.negated = true
	}
	// The governor's own governor counts too ("affirmait ne plus exclure
	// ... pour faire pression"): inherit its reading.
	if infinitive && t.modality == graph.Asserted && g.modality != "" && g.modality != graph.Asserted {
		t.modality, t.speaker = g.modality, g.speaker
	}
}

// reportedSource finds "selon X", "according to X" in the sentence: what
// it states is reported by X.
func (st *state) reportedSource() string {
	for i := 0; i < len(st.low); i++ {
		if st.is(lexicon.Reporting, st.low[i]) {
			for j := i + 1; j < len(st.low) && j <= i+3; j++ {
				if m := st.mention[j]; m >= 0 {
					return st.name(st.s.Mentions[m], true)
				}
			}
		}
	}
	return ""
}

// bareClause reports "X said Y supports Z": trigger t's clause follows
// speech verb g with no "that", its subject right after g.
func (st *state) bareClause(g, t *trigger) bool {
	if !st.r.traits.BareClause || g.end >= t.group {
		return false
	}
	i := g.end
	if i+1 < t.group && st.is(lexicon.NPDeterminer, st.low[i]) {
		i++
	}
	m := st.mention[i]
	if m < 0 {
		return false
	}
	group := st.coordinated(m, 1)
	return st.s.Mentions[group[len(group)-1]].End == t.group
}

// verbAt reports a verb (a trigger or an auxiliary) at token i.
func (st *state) verbAt(i int) bool {
	return i < len(st.low) && (st.trigAt[i] >= 0 || st.r.lex.IsAux(st.low[i]))
}

// subjects returns the subject mentions of trigger k, following shared
// subjects.
func (st *state) subjects(k int) []int {
	for hops := 0; k >= 0 && hops < 8; hops++ {
		t := st.trig[k]
		if t.subjFrom < 0 {
			return t.subj
		}
		k = t.subjFrom
	}
	return nil
}

// object finds the object of trigger k: after the lexicon's preposition
// when it has one, the first mention or known concept in its clause. A
// modal verb's object is the concept of the proposition it governs
// ("envisager la possibilité d'imposer des sanctions" → sanctions).
func (st *state) object(k int) {
	t := st.trig[k]
	if t.objStart < 0 {
		return
	}
	i := t.objStart
	if t.pred.Prep != "" {
		next, ok := st.prepAfter(i, t.pred.Prep)
		if t.light {
			// "sanctions économiques contre": adjectives may follow the noun.
			next, ok = st.findPrep(i, 3, t.pred.Prep)
		}
		if !ok {
			return
		}
		i = next
	}
	modal := t.pred.Class == classConsidered || t.pred.Class == classIntended
	limit := i + 8
	if modal {
		limit = i + 12
	}
	for ; i < len(st.low) && i < limit; i++ {
		w := st.low[i]
		if m := st.mention[i]; m >= 0 {
			ms := st.s.Mentions[m]
			// "à Moscou", "à l'AFP" after a direct-object verb is a place
			// or an addressee, not the object: the object may follow.
			if p := st.npPrep(ms.Start); t.pred.Prep == "" && p >= t.objStart {
				i = ms.End - 1 // "a reçu à Matignon le chef du gouvernement espagnol"
				continue
			}
			group := st.coordinated(m, 1)
			// "Merkel said Germany supports Spain": after a speech verb a
			// name followed by a verb is the subject of what was said.
			if t.pred.Class == classSpeech && st.verbAt(st.s.Mentions[group[len(group)-1]].End) {
				return
			}
			t.objMention = group
			return
		}
		if c, _ := st.concept(i); c != "" {
			t.objConcept = c
			return
		}
		if j := st.trigAt[i]; j >= 0 && j != k {
			// "envisager d'imposer des sanctions": the plan is the
			// sanctions. "souhaite déloger X": what is wanted is the
			// embedded relation, which gives its own triple.
			if t.pred.Class == classConsidered {
				continue
			}
			return
		}
		if t.pred.Class == classIntended && st.looksInfinitive(i) {
			return
		}
		if st.is(lexicon.Boundary, w) || w == "," || w == "." || w == ";" {
			return
		}
		if modal && st.is(lexicon.Placeholder, w) {
			continue
		}
		if st.is(lexicon.TimeWord, w) || st.s.Tokens[i].Kind == segment.Number || st.isAdverb(i) {
			continue
		}
		// The first content word starts the object: a noun phrase the
		// lexicon does not know is kept in its own words ("un hôtel" →
		// hôtel), as the contract asks.
		if !modal && !st.is(lexicon.Skippable, w) && !st.is(lexicon.Determiner, w) {
			if np := st.nounPhrase(i); np != "" {
				t.objConcept = np
				t.objFallback = true
			}
			return
		}
	}
}

// nounPhrase returns the words of the noun phrase whose head starts at
// token i: the noun and the adjectives around it, up to three words,
// stopping at a preposition, a verb, a name or punctuation.
func (st *state) nounPhrase(i int) string {
	words := st.nounPhraseWords(i, 3)
	if len(words) == 0 {
		return ""
	}
	// The content may be in the complement: "l'utilisation de la
	// force", "la reprise du dialogue". Keep it: the phrase then ends with
	// its most telling noun.
	if k := i + len(words); st.r.traits.ContentInComplement && k+1 < len(st.low) && st.is(lexicon.Genitive, st.low[k]) {
		j := k + 1
		if j < len(st.low) && (st.low[j] == "la" || st.low[j] == "l'") && st.low[k] == "de" {
			j++
		}
		if tail := st.nounPhraseWords(j, 2); len(tail) > 0 {
			words = append(words, st.s.Src[st.s.Tokens[k].Start:st.s.Tokens[j-1].End])
			words = append(words, tail...)
		}
	}
	np := joinWords(words)
	if len(np) > 100 {
		return ""
	}
	return np
}

// looksInfinitive reports a word that is an infinitive, known to the
// lexicon or by its ending (-er, -ir, -re), or after the language's
// infinitive marker ("to").
func (st *state) looksInfinitive(i int) bool {
	w := st.low[i]
	if m := st.r.traits.InfinitiveMarker; m != "" {
		return i > 0 && st.low[i-1] == m
	}
	for _, l := range st.r.lex.Lemma(w) {
		if l == w {
			return true
		}
	}
	if _, known := st.r.lex.Concept(w); known {
		return false
	}
	return len(w) > 3 && st.r.traits.InfinitiveEndings.Of(w) &&
		st.s.Tokens[i].Kind == segment.Word && !isCapital(st.s.Tokens[i].Text)
}

// isAdverb guesses a manner adverb by its ending (quasiment, strongly)
// when the lexicon does not know the word as a noun.
func (st *state) isAdverb(i int) bool {
	w, end := st.low[i], st.r.traits.AdverbEnding
	// Three letters at least before the ending: "comment" and "only"
	// are none.
	if end == "" || len(w) < len(end)+3 || !strings.HasSuffix(w, end) {
		return false
	}
	if _, ok := st.r.lex.Concept(w); ok {
		return false
	}
	return len(st.nounRows(i)) == 0
}

// nounPhraseWords returns up to n words of a noun phrase from token i.
func (st *state) nounPhraseWords(i, n int) []string {
	var words []string
	for k := i; k < len(st.low) && len(words) < n; k++ {
		w := st.low[k]
		tok := st.s.Tokens[k]
		if st.mention[k] >= 0 || st.trigAt[k] >= 0 || tok.Kind != segment.Word || isCapital(tok.Text) ||
			st.is(lexicon.Preposition, w) || st.is(lexicon.Boundary, w) || st.is(lexicon.Coordinator, w) || st.is(lexicon.Relative, w) || st.is(lexicon.Skippable, w) || st.is(lexicon.Pronoun, w) ||
			st.r.lex.IsAux(w) || st.r.lex.IsNegation(w) || len(st.r.lex.StopClasses(w)) > 0 ||
			(len(words) > 0 && (st.isAdverb(k) || st.is(lexicon.Adverb, w) || st.is(lexicon.TimeWord, w))) {
			break
		}
		// A verb form the lexicon knows ends the phrase ("the plan
		// would cut"), except as its first word, unless participles
		// follow their noun ("les forces armées").
		if len(words) > 0 && len(st.r.lex.Lemma(w)) > 0 && !st.r.traits.ModifierAfterNoun {
			break
		}
		words = append(words, tok.Text)
	}
	return words
}

func isCapital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// npPrep returns the index of the preposition governing the noun phrase
// that ends at a mention starting at token start ("à l'AFP", "de la
// Russie"), or -1.
func (st *state) npPrep(start int) int {
	for k := start - 1; k >= 0 && k >= start-3; k-- {
		w := st.low[k]
		if st.is(lexicon.Preposition, w) {
			return k
		}
		if !st.is(lexicon.NPDeterminer, w) {
			return -1
		}
	}
	return -1
}

// concept matches the longest concept of the lexicon starting at token i.
func (st *state) concept(i int) (string, int) {
	lex := st.r.lex
	for n := min(4, len(st.low)-i); n >= 1; n-- {
		words := make([]string, 0, n)
		ok := true
		for j := i; j < i+n; j++ {
			if st.mention[j] >= 0 || !isWordKind(st, j) {
				ok = false
				break
			}
			words = append(words, st.low[j])
		}
		if !ok {
			continue
		}
		phrase := joinWords(words)
		if c, ok := lex.Concept(phrase); ok {
			return c, n
		}
		// The lexicon lists singular lemmas: try the last word's singular.
		last := lex.NounLemma(words[n-1])
		if last != "" && last != words[n-1] {
			words[n-1] = last
			if c, ok := lex.Concept(joinWords(words)); ok {
				return c, n
			}
		}
	}
	// An English event noun names its event ("called for the release").
	if st.r.traits.ContractWords && st.mention[i] < 0 && isWordKind(st, i) {
		if rows := st.nounRows(i); len(rows) > 0 {
			return rows[0].Lemma, 1
		}
	}
	return "", 0
}

// name is the name a mention gives in a triple: a capital in subject
// position stands for its state when so configured.
func (st *state) name(m entity.Mention, subject bool) string {
	if subject && st.r.capitalAsState && m.Capital != "" {
		return m.Capital
	}
	return m.Name
}

func (st *state) typ(m entity.Mention, subject bool) graph.EntityType {
	if subject && st.r.capitalAsState && m.Capital != "" {
		if m.Seat {
			return graph.Org
		}
		return graph.GPE
	}
	return m.Type
}
