package relmodel

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/extract/entity"
	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/relate"
	"github.com/kgraph/kg/graph"
)

// Sentence is one analysed sentence: tokens, resolved mentions, the
// dependency tree, and the triples the rules read in it.
type Sentence struct {
	relate.Sentence
	Lang  string
	Rules []graph.Triple
	// Demonym gives the country of a demonym ("Polish" → Poland), so
	// that "the Polish police" can relate the police to Poland; nil for
	// none.
	Demonym func(word string) (country string, ok bool)
	// Title is the title of the sentence's document, "" for none:
	// the headline names the story's main actors, whose relations
	// annotators write.
	Title string
}

// MaxPath is the longest tree path, in edges, between the two arguments
// of a candidate. Longer paths rarely state a relation and multiply
// candidates.
const MaxPath = 5

// maxName bounds the bytes of an argument's name: a longer one is a
// run of words no reader would call a name (and too long for the store).
const maxName = 200

// maxArgs bounds the arguments read in one sentence (nearest to the
// start first), so that a run-on sentence costs O(maxArgs²) candidates.
const maxArgs = 40

type argKind uint8

const (
	argName argKind = iota
	argPronoun
	argDesc
	argAuthority
	argProper  // a proper noun no mention took
	argConcept // a common noun phrase
	argDemonym // an adjective naming a country: Polish, américain
)

var argKindNames = [...]string{"name", "pronoun", "desc", "authority", "proper", "concept", "demonym"}

func (k argKind) String() string { return argKindNames[k] }

// arg is one argument a candidate can relate: a mention or a noun
// phrase, with its head word in the tree.
type arg struct {
	word    int // head word (index in Words)
	mention int // index in Mentions, or -1
	// name is what a triple states: the canonical name of a mention; for
	// a phrase, its words (English) or lemmas (other languages) until a
	// concept table gives its English.
	name string
	// text is the phrase as written (for phrases), looked up in concept
	// tables and matched against annotations.
	text  string
	lemma string // the head's lemma
	typ   graph.EntityType
	kind  argKind
	known bool // from the gazetteer
}

// candidate is one possible relation: subject and object arguments (or a
// rule triple) and what joins them.
type candidate struct {
	sent       int // index of the sentence in its document
	subj, obj  int // indexes in the sentence's args; -1 for a rule's side no arg holds
	sName      string
	oName      string
	oText      string // the object phrase as written, for concept tables
	sType      graph.EntityType
	oType      graph.EntityType
	sKind      argKind
	oKind      argKind
	trigger    int    // word index, or -1 when the arguments are joined directly
	path       string // dependency labels with directions
	lexPath    string // the same with the lemmas of inner words
	length     int    // edges
	trigs      []trig // the head trigger first, then other words of the path
	rule       int    // index in Rules of the rule triple proposing it, or -1
	agree      int    // for a tree candidate, a rule triple relating the same pair, or -1
	ruleAgrees bool
	neg        bool
	modality   graph.Modality
	pred       string // chosen predicate
}

// trig is a word that may carry a candidate's relation, with its
// predicate key and its place on the path.
type trig struct {
	word int // -1 for a direct link or a rule
	key  predKey
	pos  string // head, toward-object, toward-subject, link, rule
	prep string // the preposition toward the object, "" for none or one of the trigger's own
	// passive: the subject side is the verb's patient ("was treated in",
	// "the minister accused of"), whose own form is "is treated in".
	passive bool
	// mid is the word between the trigger and the object when the
	// relation is phrased with both ("tested positive for", "filed a
	// lawsuit against", "refused to hand over"), or -1; midPrep is the
	// object's preposition under it.
	mid     int
	midPrep string
}

// key returns the predicate key of the candidate's head trigger.
func (c *candidate) key() predKey { return c.trigs[0].key }

// tree is a sentence's dependency tree in 0-based indexes.
type tree struct {
	words  []relate.Word
	parent []int // -1 for the root
	depth  []int
	kids   [][]int
	ofTok  []int // first word of each token, or -1
}

func newTree(s *Sentence) *tree {
	n := len(s.Words)
	t := &tree{words: s.Words, parent: make([]int, n), depth: make([]int, n), kids: make([][]int, n), ofTok: make([]int, len(s.Tokens))}
	for i := range t.ofTok {
		t.ofTok[i] = -1
	}
	for i, w := range s.Words {
		t.parent[i] = w.Head - 1
		if t.parent[i] >= n || t.parent[i] == i {
			t.parent[i] = -1
		}
		if w.Token >= 0 && w.Token < len(t.ofTok) && t.ofTok[w.Token] < 0 {
			t.ofTok[w.Token] = i
		}
	}
	for i := range s.Words {
		if p := t.parent[i]; p >= 0 {
			t.kids[p] = append(t.kids[p], i)
		}
		// A parser's cycle must not loop forever: depth is bounded by n.
		d, j := 0, i
		for t.parent[j] >= 0 && d <= n {
			j = t.parent[j]
			d++
		}
		t.depth[i] = d
	}
	return t
}

// path returns the words from a up to their lowest common ancestor
// (up, ending with it) and from there down to b (down, ending with b),
// or ok false when they are more than MaxPath edges apart.
func (t *tree) path(a, b int) (up, down []int, ok bool) {
	x, y := a, b
	up = []int{a}
	rev := []int{b}
	for x != y {
		if len(up)+len(rev)-2 >= MaxPath {
			return nil, nil, false
		}
		if t.depth[x] >= t.depth[y] {
			x = t.parent[x]
			if x < 0 {
				return nil, nil, false
			}
			up = append(up, x)
		} else {
			y = t.parent[y]
			if y < 0 {
				return nil, nil, false
			}
			rev = append(rev, y)
		}
	}
	// Both end with the ancestor: keep it once, in up.
	rev = rev[:len(rev)-1]
	for i := len(rev) - 1; i >= 0; i-- {
		down = append(down, rev[i])
	}
	return up, down, true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// args finds the arguments of a sentence: its mentions, then the noun
// phrases and stray proper nouns outside them.
//
// When the language's words are the triple contract's own (English), a
// phrase is named by its words, else by its lemmas until a table gives
// its English; lex also says which nouns are measures.
func args(s *Sentence, t *tree, lex *lexicon.Lexicon) []arg {
	contract := contractWords(lex)
	out, inMention := mentionArgs(s, t)
	for i, w := range s.Words {
		if inMention[i] {
			continue
		}
		// "European" tagged a proper noun is the adjective still.
		if (w.UPOS == "ADJ" || w.UPOS == "PROPN") && s.Demonym != nil {
			if c, ok := s.Demonym(w.Form); ok {
				out = append(out, arg{word: i, mention: -1, name: c, text: w.Form, lemma: strings.ToLower(w.Lemma), typ: graph.GPE, kind: argDemonym, known: true})
				continue
			}
		}
		if !nounArg(s, t, i, lex) {
			continue
		}
		text, citation := phrase(s, t, i, inMention, lex)
		if text == "" {
			continue
		}
		a := arg{word: i, mention: -1, text: text, lemma: strings.ToLower(w.Lemma), kind: argConcept, typ: graph.Concept}
		if w.UPOS == "PROPN" && loneLetter(text) {
			continue
		}
		if w.UPOS == "PROPN" {
			a.kind, a.typ, a.name = argProper, "", text
		} else if contract {
			a.name = strings.ToLower(text)
		} else {
			a.name = citation
		}
		out = append(out, a)
	}
	kept := out[:0]
	for _, a := range out {
		if len(a.name) <= maxName && len(a.text) <= maxName && !hasControl(a.name) && !hasControl(a.text) {
			kept = append(kept, a)
		}
	}
	if len(kept) > maxArgs {
		kept = kept[:maxArgs]
	}
	return kept
}

// mentionArgs returns the arguments the sentence's named mentions make,
// each at its head word, and which words the mentions hold.
func mentionArgs(s *Sentence, t *tree) (out []arg, inMention []bool) {
	inMention = make([]bool, len(s.Words))
	for k, m := range s.Mentions {
		head := -1
		for i, w := range s.Words {
			if w.Token < m.Start || w.Token >= m.End {
				continue
			}
			inMention[i] = true
			p := t.parent[i]
			if head < 0 && (p < 0 || s.Words[p].Token < m.Start || s.Words[p].Token >= m.End) {
				head = i
			}
		}
		if head < 0 || m.Name == "" {
			continue
		}
		kind := argName
		switch m.Kind {
		case entity.Pronoun:
			kind = argPronoun
		case entity.Description:
			kind = argDesc
		case entity.Authority:
			kind = argAuthority
		}
		out = append(out, arg{word: head, mention: k, name: m.Name, text: m.Text, lemma: strings.ToLower(s.Words[head].Lemma), typ: m.Type, kind: kind, known: m.Known})
	}
	return out, inMention
}

// nounArg reports whether noun i, which no mention holds, heads an
// argument of its own.
func nounArg(s *Sentence, t *tree, i int, lex *lexicon.Lexicon) bool {
	w := s.Words[i]
	if w.UPOS != "NOUN" && w.UPOS != "PROPN" {
		return false
	}
	// A day, a month, a week: when, never what ("on Monday" is no
	// one spoken to).
	if lex != nil && lex.Is(lexicon.TimeWord, strings.ToLower(w.Form)) {
		return false
	}
	// A capitalised common word no mention took ("the Internet",
	// "half a billion Euro", "the State") names no one.
	if w.UPOS == "PROPN" && lex != nil && (lex.Common(w.Form) || lex.Common(lex.NounLemma(w.Form))) {
		return false
	}
	// A noun inside another noun's phrase is no argument of its own.
	if p := t.parent[i]; isModifier(w.Deprel) && p >= 0 && (s.Words[p].UPOS == "NOUN" || s.Words[p].UPOS == "PROPN") {
		return false
	}
	// "14 mln tonnes of rice" is about rice: a measure with a
	// complement is none. "11 mln dlrs", "24 pct": an amount that
	// counts nothing named is none either.
	if lex == nil || !isMeasure(lex, w) {
		return true
	}
	return !hasKid(t, i, "nmod") && !counted(t, i, lex)
}

// isMeasure reports a measure noun: a unit, a currency, a large number.
func isMeasure(lex *lexicon.Lexicon, w relate.Word) bool {
	return measureWord(lex, strings.ToLower(w.Lemma), strings.ToLower(w.Form))
}

// measureWord reports whether one of the lower-case words is a measure.
func measureWord(lex *lexicon.Lexicon, words ...string) bool {
	for _, w := range words {
		if lex.Is(lexicon.Measure, w) {
			return true
		}
	}
	return false
}

// loneLetter reports a name of one letter ("S and P"), which names no
// one.
func loneLetter(name string) bool { return utf8.RuneCountInString(name) == 1 }

// counted reports a measure word with a number: its own ("24 pct",
// "15-20 pct") or its measure compound's ("11 mln dlrs").
func counted(t *tree, i int, lex *lexicon.Lexicon) bool {
	for _, k := range t.kids[i] {
		switch w := t.words[k]; {
		case w.Deprel == "nummod" || w.UPOS == "NUM":
			return true
		case isMeasure(lex, w) && counted(t, k, lex):
			return true
		}
	}
	return false
}

// hasKid reports whether word w has a dependent of relation rel.
func hasKid(t *tree, w int, rel string) bool {
	for _, k := range t.kids[w] {
		if t.words[k].Deprel == rel {
			return true
		}
	}
	return false
}

// isModifier reports deprels that attach a word inside its head's phrase.
func isModifier(rel string) bool {
	switch rel {
	case "compound", "flat", "flat:name", "flat:foreign", "fixed", "amod":
		return true
	}
	return false
}

// phrase returns the noun phrase headed by word h — h with its
// adjectives, compounds and flat parts — as written and in its citation
// form, or "" when it would run into a mention. The citation form is the
// phrase in the singular, its adjectives agreeing ("sessions spéciales"
// → "session spéciale"): lemmas taken one word at a time would break the
// agreement ("session spécial").
func phrase(s *Sentence, t *tree, h int, inMention []bool, lex *lexicon.Lexicon) (text, citation string) {
	lo, hi := h, h
	var walk func(i int)
	walk = func(i int) {
		for _, k := range t.kids[i] {
			if !isModifier(s.Words[k].Deprel) || abs(k-h) > 4 {
				continue
			}
			// "a 20 pct stake" is a stake: an amount is no part of
			// the phrase.
			if lex != nil && isMeasure(lex, s.Words[k]) && counted(t, k, lex) {
				continue
			}
			lo, hi = min(lo, k), max(hi, k)
			walk(k)
		}
	}
	walk(h)
	// "sculpteur français": a demonym after the noun is an argument of
	// its own (France); kept in the phrase, the phrase would end like the
	// country's demonym and pass for it.
	for hi > h && s.Demonym != nil && s.Words[hi].UPOS == "ADJ" && t.parent[hi] == h {
		if _, ok := s.Demonym(s.Words[hi].Form); !ok {
			break
		}
		hi--
	}
	head := s.Words[h]
	plural := head.UPOS == "NOUN" && isPlural(strings.ToLower(head.Form), strings.ToLower(head.Lemma))
	var tb, cb strings.Builder
	for i := lo; i <= hi; i++ {
		w := s.Words[i]
		if inMention[i] {
			return "", ""
		}
		if w.UPOS == "DET" || w.UPOS == "PUNCT" || w.UPOS == "ADP" || w.UPOS == "PRON" {
			if i == lo {
				lo++
				continue
			}
			return "", ""
		}
		if tb.Len() > 0 {
			tb.WriteByte(' ')
			cb.WriteByte(' ')
		}
		tb.WriteString(w.Form)
		f, l := strings.ToLower(w.Form), strings.ToLower(w.Lemma)
		switch {
		case !plural:
			cb.WriteString(f)
		case i == h:
			cb.WriteString(l)
		case w.UPOS == "ADJ" && t.parent[i] == h:
			cb.WriteString(singular(f, l))
		default:
			cb.WriteString(f)
		}
	}
	if tb.Len() == 0 || !hasLetter(tb.String()) {
		return "", ""
	}
	return tb.String(), cb.String()
}

// isPlural reports a noun written otherwise than its lemma with a
// plural's ending.
func isPlural(form, lemma string) bool {
	return form != lemma && (strings.HasSuffix(form, "s") || strings.HasSuffix(form, "x"))
}

// singular returns an adjective agreeing with a plural noun in the
// singular, its gender kept: spéciales → spéciale, nouveaux → nouveau,
// sociaux → social.
func singular(form, lemma string) string {
	switch {
	case form == lemma:
		return form
	case strings.HasSuffix(form, "aux") && strings.HasSuffix(lemma, "al"):
		return lemma
	case strings.HasSuffix(form, "s") || strings.HasSuffix(form, "x"):
		return form[:len(form)-1]
	}
	return form
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// hasControl reports a control character (a NUL, a tab): no name holds
// one, and the store refuses them.
func hasControl(s string) bool {
	return strings.IndexFunc(s, unicode.IsControl) >= 0
}
