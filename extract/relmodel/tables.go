package relmodel

import (
	"slices"
	"sort"
	"strings"

	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/score"
)

// phraseStat is what training saw of one predicate key: how many
// annotated relations it carried, and the phrasings most of them accept,
// most accepted first.
type phraseStat struct {
	N       int
	Phrases []phraseCount
}

// phraseCount is one phrasing and the number of annotations accepting it.
type phraseCount struct {
	P    string
	N    int
	norm string // P as scoring normalises it, computed once by prepare
}

// topPhrases is how many phrasings a key keeps.
const topPhrases = 3

// tables are the predicate and concept tables mined from annotations.
type tables struct {
	// pred holds a phraseStat per level of predKey, by lang + "|" + key.
	pred [3]map[string]phraseStat
	// concept maps lang + "|" + a folded phrase (as written, or as
	// lemmas) to its English.
	concept map[string]string
}

// minSeen is how often a key must have been seen for its phrasing to be
// trusted over the rules and the lexicon.
const minSeen = 2

// alignment is a candidate matched to an annotated triple.
type alignment struct {
	lang string
	c    *candidate
	g    *goldTriple
	fold int
}

// mine builds tables from alignments. Counting every acceptable phrasing
// of each annotation (not only the first) picks the phrasing most
// annotations accept, which is what strict scoring rewards.
func mine(al []alignment, lexicons map[string]*lexicon.Lexicon) *tables {
	type counter struct {
		n      int
		counts map[string]int
		raw    map[string]string
	}
	var levels [3]map[string]*counter
	for l := range levels {
		levels[l] = map[string]*counter{}
	}
	cc := map[string]map[string]int{}
	ccDocs := map[[3]string]bool{}
	for _, a := range al {
		// The phrasings are the trigger's that explains them: the
		// word on the path whose lemma, or whose lexicon predicate, the
		// annotation's predicate starts with; else the head.
		tg := a.c.trigs[0]
		for _, x := range a.c.trigs {
			if explains(x.key[2], a.lang, a.g.P, lexicons[a.lang]) {
				tg = x
				break
			}
		}
		keys := []predKey{tg.key}
		// A demonym object's phrasings are also its own, whatever word
		// it qualifies: "coureur cycliste ivoirien" and "peintre
		// français" are both "is from".
		for _, x := range a.c.trigs {
			if x.pos == demonymPos && x.key != tg.key {
				keys = append(keys, x.key)
			}
		}
		for _, key3 := range keys {
			for l, k := range key3 {
				key := a.lang + "|" + k
				ctr := levels[l][key]
				if ctr == nil {
					ctr = &counter{counts: map[string]int{}, raw: map[string]string{}}
					levels[l][key] = ctr
				}
				ctr.n++
				seen := map[string]bool{}
				for _, p := range a.g.P {
					np := score.NormPred(p)
					if np == "" || seen[np] || pastTense(p) {
						continue
					}
					seen[np] = true
					ctr.counts[np]++
					if _, ok := ctr.raw[np]; !ok {
						ctr.raw[np] = strings.ToLower(strings.TrimSpace(p))
					}
				}
			}
		}
		// A concept object written in another language than English: the
		// annotation's first form is its English, when the annotation
		// also gives the phrase as written. A phrase that only ends like
		// one of its forms ("joueuse américaine" for the United States,
		// "budget" for a "French language development budget") is no
		// translation.
		if a.c.oKind == argConcept && !contractWords(lexicons[a.lang]) && len(a.g.O) > 1 && wrote(a.g.O[1:], a.c.oText, lexicons[a.lang]) {
			en := strings.TrimSpace(a.g.O[0])
			if graph.Fold(en) != graph.Fold(a.c.oText) {
				for _, k := range []string{a.lang + "|" + graph.Fold(a.c.oText), a.lang + "|" + graph.Fold(a.c.oName)} {
					if cc[k] == nil {
						cc[k] = map[string]int{}
					}
					// Documents, not annotations, count: one article
					// may name its object so a dozen times.
					if d := [3]string{k, en, a.g.Doc}; !ccDocs[d] {
						ccDocs[d] = true
						cc[k][en]++
					}
				}
			}
		}
	}
	t := &tables{concept: map[string]string{}}
	for l := range levels {
		t.pred[l] = map[string]phraseStat{}
		for key, ctr := range levels[l] {
			st := phraseStat{N: ctr.n}
			for np, n := range ctr.counts {
				st.Phrases = append(st.Phrases, phraseCount{P: ctr.raw[np], N: n})
			}
			sort.Slice(st.Phrases, func(i, j int) bool {
				a, b := st.Phrases[i], st.Phrases[j]
				return a.N > b.N || a.N == b.N && a.P < b.P
			})
			if len(st.Phrases) > topPhrases {
				st.Phrases = st.Phrases[:topPhrases]
			}
			t.pred[l][key] = st
		}
	}
	for k, m := range cc {
		// Two documents agree, or it may be a translation.
		if en := argmax(m); m[en] >= 2 || translates(en, k[strings.IndexByte(k, '|')+1:]) {
			t.concept[k] = en
		}
	}
	t.prepare()
	return t
}

// pastTense reports a phrasing in the past tense ("was born in", "were
// married"), which annotators may give beside the present one the
// triple contract asks for: a table does not offer it.
func pastTense(p string) bool {
	w, _, _ := strings.Cut(strings.TrimSpace(strings.ToLower(p)), " ")
	return w == "was" || w == "were"
}

// prepare normalises every phrasing once, as options compare them.
func (t *tables) prepare() {
	for l := range t.pred {
		for k, st := range t.pred[l] {
			for i := range st.Phrases {
				st.Phrases[i].norm = score.NormPred(st.Phrases[i].P)
			}
			t.pred[l][k] = st
		}
	}
}

// wrote reports whether one of forms is text, folded (case, accents and
// a determiner aside: "la base de données" gives "base de données",
// "l'accord" gives "accord").
func wrote(forms []string, text string, lex *lexicon.Lexicon) bool {
	t := graph.Fold(text)
	for _, f := range forms {
		f = strings.ToLower(f)
		if graph.Fold(f) == t {
			return true
		}
		if lex == nil {
			continue
		}
		if det, rest, ok := strings.Cut(f, " "); ok && lex.Is(lexicon.Determiner, det) && graph.Fold(rest) == t {
			return true
		}
		if el, rest, ok := strings.Cut(f, "'"); ok && lex.Is(lexicon.Elided, el+"'") && graph.Fold(rest) == t {
			return true
		}
	}
	return false
}

// translates reports whether an annotation's English en, seen in one
// document, may be a translation of phrase (folded, as the table keys
// it): no longer, no number ("3,600 points" for "points") and no capital
// ("Nintendo Direct" for "conférence": a name, not a common noun's
// English). An annotator's fuller description of the object ("study of
// national emissions plans" for "étude") is not.
func translates(en, phrase string) bool {
	if len(strings.Fields(en)) > len(strings.Fields(phrase)) || strings.ContainsAny(en, "0123456789") {
		return false
	}
	return strings.ToLower(en) == en
}

func argmax(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	best, n := "", 0
	for _, k := range keys {
		if m[k] > n {
			best, n = k, m[k]
		}
	}
	return best
}

// option is one predicate a candidate may be stated with, and where it
// comes from.
type option struct {
	pred  string
	norm  string
	from  []string // table levels, rule, lexicon, verb
	seen  int      // annotations its key carried in training
	share float32  // share of them that accept this phrasing
	rank  int      // its place in its key's phrasings
}

// levelNames name the levels of predKey as option sources.
var levelNames = [...]string{"key", "prep", "lemma"}

// options lists the predicates a candidate may be stated with: the
// phrasings annotations gave its key at each level, the rule's, the
// lexicon's, and for English verbs the verb itself. It also gives a
// concept object in another language its English name.
//
// norms, when not nil, caches the normalised phrasings of a document's
// options (normalising is a good share of the work).
func (t *tables) options(c *candidate, a *analysed, lang string, lex *lexicon.Lexicon, out []option, norms map[string]string) []option {
	out = out[:0]
	contract := contractWords(lex)
	if c.oKind == argConcept && !contract && c.rule < 0 {
		c.oName = t.conceptName(lang, a.args[c.obj], lex)
	}
	addNorm := func(p, n, from string, seen int, share float32, rank int) {
		for i := range out {
			if out[i].norm == n {
				out[i].from = append(out[i].from, from)
				if seen > out[i].seen {
					out[i].seen, out[i].share, out[i].rank = seen, share, rank
				}
				return
			}
		}
		out = append(out, option{pred: p, norm: n, from: []string{from}, seen: seen, share: share, rank: rank})
	}
	add := func(p, from string, seen int, share float32, rank int) {
		if p = strings.TrimSpace(p); p == "" {
			return
		}
		n, ok := norms[p]
		if !ok {
			n = score.NormPred(p)
			if norms != nil {
				norms[p] = n
			}
		}
		addNorm(p, n, from, seen, share, rank)
	}
	for _, tg := range c.trigs {
		var title string // the word an English title phrasing must be built on
		if contract {
			title = titleWord(tg, a)
		}
		for l, k := range tg.key {
			if l > 0 && k == tg.key[l-1] {
				continue
			}
			st, ok := t.pred[l][lang+"|"+k]
			if !ok {
				continue
			}
			for r, ph := range st.Phrases {
				if contract && unsaidTitle(ph.P, title, a) {
					continue
				}
				addNorm(ph.P, ph.norm, tg.pos+":"+levelNames[l], st.N, float32(ph.N)/float32(st.N), r)
			}
		}
	}
	if c.rule >= 0 {
		add(a.s.Rules[c.rule].Predicate, "rule", 0, 0, 0)
		return out
	} else if c.agree >= 0 {
		add(a.s.Rules[c.agree].Predicate, "rule", 0, 0, 0)
	}
	for _, tg := range c.trigs {
		if tg.word >= 0 {
			lexical(a, tg, lex, add)
		}
	}
	return slices.DeleteFunc(out, func(o option) bool { return activeOwn(c, o.norm) })
}

// activeOwn reports an active phrasing of a passive trigger's own verb:
// "Rich Inc, owned by Reuters" is no "owns", nor "was awarded the
// medal" "awards".
func activeOwn(c *candidate, norm string) bool {
	f := strings.Fields(norm)
	if len(f) == 0 || auxFirst(f) {
		return false
	}
	for _, tg := range c.trigs {
		if !tg.passive || tg.word < 0 {
			continue
		}
		w, _, _ := strings.Cut(tg.key[2], " ")
		if commonPrefix(w, f[0]) >= min(4, len(w), len(f[0])) {
			return true
		}
	}
	return false
}

// unsaidTitle reports a title phrasing that puts words before the
// trigger's own that the sentence does not have: "is prime minister of"
// for "minister of Agriculture", "is vice president of" for "president
// of". The annotations' phrasings of a title word are those of every
// title it heads; "former" says when, not which.
func unsaidTitle(p, w string, a *analysed) bool {
	f := strings.Fields(p)
	if w == "" || len(f) < 3 || f[0] != "is" && f[0] != "was" {
		return false
	}
	for i := 1; i < len(f)-1; i++ {
		if commonPrefix(f[i], w) < min(4, len(w), len(f[i])) {
			continue
		}
		for _, x := range f[1:i] {
			if x != "former" && !a.has(x) {
				return true
			}
		}
		return false
	}
	return false
}

// titleWord returns the word a trigger's title phrasings are built on:
// the trigger's lemma, or for a rule's the last word of what the rule
// read ("minister" for a role triple of "British minister of
// Agriculture").
func titleWord(tg trig, a *analysed) string {
	if tg.word >= 0 {
		return strings.ToLower(a.s.Words[tg.word].Lemma)
	}
	if src, ok := strings.CutPrefix(tg.key[1], "rule|"); ok {
		f := strings.Fields(strings.ToLower(src))
		if len(f) > 0 {
			return f[len(f)-1]
		}
	}
	return ""
}

// has reports whether the sentence has word w (lower case), as written,
// as a lemma or as part of a hyphenated word ("vice-president").
func (a *analysed) has(w string) bool {
	for _, x := range a.s.Words {
		f := strings.ToLower(x.Form)
		if f == w || strings.ToLower(x.Lemma) == w {
			return true
		}
		if strings.Contains(f, "-") && slices.Contains(strings.Split(f, "-"), w) {
			return true
		}
	}
	return false
}

// lexical adds the predicates the lexicon gives a trigger, and, in a
// language whose words are the contract's (English), the verb itself.
func lexical(a *analysed, tg trig, lex *lexicon.Lexicon, add func(p, from string, seen int, share float32, rank int)) {
	w := a.s.Words[tg.word]
	lemma := strings.ToLower(w.Lemma)
	prep := tg.prep
	if lex != nil {
		var rows []lexicon.Predicate
		if w.UPOS == "NOUN" {
			rows = lex.Nouns(lemma)
		} else {
			rows = lex.Verbs(lemma)
		}
		mapped := false
		for _, r := range rows {
			if r.Prep == prep {
				add(r.Predicate, tg.pos+":lexicon", 0, 0, 0)
				mapped = true
			}
		}
		if !mapped && w.UPOS == "VERB" {
			glossed(a, tg, lex, add)
		}
	}
	if !contractWords(lex) || w.UPOS != "VERB" || lex.IsAux(lemma) {
		return
	}
	v, from := thirdPerson(lemma), "verb"
	if tg.passive {
		v, from = "is "+strings.ToLower(w.Form), "passive"
	} else if prt := childLemma(a.t, tg.word, "compound:prt"); prt != "" {
		v += " " + prt
	}
	add(v, tg.pos+":"+from, 0, 0, 0)
	if prep != "" && !strings.Contains(prep, " ") {
		add(v+" "+prep, tg.pos+":"+from+"+prep", 0, 0, 0)
	}
	// The verb with the word the object hangs on: "tests positive
	// for", "files lawsuit against", "refuses to hand over".
	if tg.mid >= 0 && !tg.passive && !strings.Contains(tg.midPrep, " ") {
		x := a.s.Words[tg.mid]
		var p string
		switch x.UPOS {
		case "NOUN":
			if tg.midPrep == "" {
				return
			}
			p = v + " " + strings.ToLower(x.Form) + " " + tg.midPrep
		case "ADJ":
			p = strings.TrimSpace(v + " " + strings.ToLower(x.Form) + " " + tg.midPrep)
		case "VERB":
			inf := strings.ToLower(x.Lemma)
			if prt := childLemma(a.t, tg.mid, "compound:prt"); prt != "" {
				inf += " " + prt
			}
			p = strings.TrimSpace(v + " to " + inf + " " + tg.midPrep)
		}
		add(p, tg.pos+":"+from+"+mid", 0, 0, 0)
	}
}

// glossed adds the predicates a verb's English gloss gives (verbgloss.tsv):
// the gloss, and the gloss with the English of the preposition that
// introduces the object ("atterrir à" → lands, lands to, lands in).
// This is what English gets from the verb itself.
func glossed(a *analysed, tg trig, lex *lexicon.Lexicon, add func(p, from string, seen int, share float32, rank int)) {
	w := a.s.Words[tg.word]
	refl := reflexive(a.t, tg.word, lex)
	for _, g := range lex.Glosses(strings.ToLower(w.Lemma)) {
		if g.Reflexive != refl {
			continue
		}
		p := g.Predicate
		if tg.passive {
			p = g.Passive
		}
		if p == "" {
			continue
		}
		add(p, tg.pos+":gloss", 0, 0, 0)
		if tg.prep == "" {
			continue
		}
		en, ok := lex.ClassValue(lexicon.VerbPrep, tg.prep)
		if !ok {
			if base, isForm := lex.ClassValue(lexicon.PrepForm, tg.prep); isForm {
				en, ok = lex.ClassValue(lexicon.VerbPrep, base)
			}
		}
		if !ok {
			continue
		}
		for e := range strings.SplitSeq(en, "|") {
			add(p+" "+e, tg.pos+":gloss+prep", 0, 0, 0)
		}
	}
}

// reflexive reports whether verb w has a reflexive pronoun of its own
// ("s'est posé", "se situe").
func reflexive(t *tree, w int, lex *lexicon.Lexicon) bool {
	for _, k := range t.kids[w] {
		x := t.words[k]
		if (strings.HasPrefix(x.Deprel, "expl") || x.Deprel == "obj" || x.Deprel == "iobj") && lex.Is(lexicon.Reflexive, strings.ToLower(x.Form)) {
			return true
		}
	}
	return false
}

// conceptName gives a concept phrase its English: the phrase as written,
// then its lemmas, in the mined table; then the lexicon; else its lemmas,
// as the triple contract says.
func (t *tables) conceptName(lang string, a arg, lex *lexicon.Lexicon) string {
	if en, ok := t.concept[lang+"|"+graph.Fold(a.text)]; ok {
		return en
	}
	if en, ok := t.concept[lang+"|"+graph.Fold(a.name)]; ok {
		return en
	}
	if lex != nil {
		if en, ok := lex.Concept(a.text); ok {
			return en
		}
	}
	return a.name
}

// thirdPerson conjugates an English verb lemma: meet → meets, watch →
// watches, carry → carries.
func thirdPerson(v string) string {
	switch {
	case v == "":
		return ""
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") ||
		strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "o"):
		return v + "es"
	case strings.HasSuffix(v, "y") && len(v) > 1 && !strings.ContainsRune("aeiou", rune(v[len(v)-2])):
		return v[:len(v)-1] + "ies"
	}
	return v + "s"
}

// explains reports whether a trigger lemma accounts for one of the
// predicates: the predicate's main word (after is/was) starts like the
// lemma, or like the main word of a lexicon predicate or title of it.
func explains(lemma, lang string, preds []string, lex *lexicon.Lexicon) bool {
	if lemma == "" {
		return false
	}
	lemma, _, _ = strings.Cut(lemma, " ")
	heads := []string{lemma}
	if lex != nil {
		for _, r := range append(lex.Verbs(lemma), lex.Nouns(lemma)...) {
			heads = append(heads, mainWord(score.NormPred(r.Predicate)))
		}
		if role, ok := lex.Title(lemma); ok {
			heads = append(heads, mainWord(role))
		}
	}
	for _, p := range preds {
		w := mainWord(score.NormPred(p))
		for _, h := range heads {
			if h != "" && w != "" && commonPrefix(h, w) >= min(4, len(h), len(w)) {
				return true
			}
		}
	}
	return false
}

// mainWord returns a predicate's first word, or its second after a form
// of be or have (as NormPred leaves them).
func mainWord(p string) string {
	f := strings.Fields(p)
	if len(f) > 1 && auxFirst(f) {
		return f[1]
	}
	if len(f) > 0 {
		return f[0]
	}
	return ""
}

// auxFirst reports a normalised phrasing opened by an auxiliary ("is",
// "was", "has", "be"; NormPred drops their final s).
func auxFirst(f []string) bool {
	return f[0] == "is" || f[0] == "wa" || f[0] == "ha" || f[0] == "be"
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
