package extract

import (
	"strings"

	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/model"
	"github.com/kgraph/kg/extract/relate"
	"github.com/kgraph/kg/extract/segment"
)

// analyse runs the syntactic core on a sentence's tokens: multiword
// tokens are split as UD does (du = de le), and each word keeps the index
// of the token it came from.
func analyse(m *model.Model, lex *lexicon.Lexicon, toks []segment.Token) []relate.Word {
	words := make([]string, 0, len(toks)+4)
	from := make([]int, 0, len(toks)+4)
	// Tokens the parser is better off without.
	skip := map[int]bool{}
	parentheticals(lex, toks, skip)
	if lex.Traits().Guillemets {
		quotes(lex, toks, skip)
	}
	for k := range speakerLabel(toks) {
		skip[k] = true
	}
	for i, t := range toks {
		if skip[i] {
			continue
		}
		// A preposition and article written as one word (du = de le,
		// the lexicon's Contraction class).
		if parts, ok := lex.ClassValue(lexicon.Contraction, strings.ToLower(t.Text)); ok {
			p, a, _ := strings.Cut(parts, " ")
			words = append(words, p, a)
			from = append(from, i, i)
			continue
		}
		words = append(words, t.Text)
		from = append(from, i)
	}
	out := make([]relate.Word, 0, len(words))
	// Clauses joined by a semicolon are parsed one by one: the parser,
	// trained on shorter sentences, otherwise reaches across the break
	// for subjects and objects. Each later clause's root hangs on the
	// first one's as parataxis.
	root := 0
	for _, part := range semicolonParts(words) {
		a := m.Analyze(words[part[0]:part[1]])
		for i := range a.Head {
			w := relate.Word{Token: from[part[0]+i], Form: words[part[0]+i], UPOS: a.UPOS[i], Lemma: a.Lemma[i], Head: a.Head[i], Deprel: a.Deprel[i]}
			if w.Head > 0 {
				w.Head += part[0]
			} else if root > 0 {
				w.Head, w.Deprel = root, "parataxis"
			}
			out = append(out, w)
		}
		if root == 0 {
			for i, w := range out {
				if w.Head == 0 {
					root = i + 1
					break
				}
			}
		}
	}
	return out
}

// semicolonParts splits words into [start, end) clauses at semicolons,
// the semicolon ending its clause; parts under four words stay joined.
func semicolonParts(words []string) [][2]int {
	var parts [][2]int
	start := 0
	for i, w := range words {
		if w == ";" && i+1-start >= 4 && len(words)-(i+1) >= 4 {
			parts = append(parts, [2]int{start, i + 1})
			start = i + 1
		}
	}
	return append(parts, [2]int{start, len(words)})
}

// parentheticals adds to skip the tokens of the parenthetical locutions
// (the lexicon's Parenthetical class: "a de son côté salué", "a pour sa
// part regretté") that follow an auxiliary and precede a word, commas
// around them included, and of a day (Day) right before a complementizer
// ("indiquait mardi qu'il"), which the parser reads as the verb's object.
// Read as prepositional phrases the locutions cut the verb from its
// auxiliary and subject; they state nothing a triple keeps.
func parentheticals(lex *lexicon.Lexicon, toks []segment.Token, skip map[int]bool) {
	for i := 1; i+1 < len(toks); i++ {
		if !lex.Is(lexicon.Day, strings.ToLower(toks[i].Text)) {
			continue
		}
		j := i + 1
		if lex.Is(lexicon.DayPart, strings.ToLower(toks[j].Text)) && j+1 < len(toks) {
			j++
		}
		if w := strings.ReplaceAll(strings.ToLower(toks[j].Text), "’", "'"); toks[j].Kind == segment.Word && lex.Is(lexicon.Complementizer, w) {
			for k := i; k < j; k++ {
				skip[k] = true
			}
		}
	}
	var locs [][]string
	for i := 0; i+1 < len(toks); i++ {
		if !lex.Is(lexicon.SplitAux, strings.ToLower(toks[i].Text)) {
			continue
		}
		if locs == nil {
			for _, p := range lex.Words(lexicon.Parenthetical) {
				locs = append(locs, strings.Fields(p))
			}
		}
		j := i + 1
		comma := toks[j].Text == ","
		if comma {
			j++
		}
		for _, loc := range locs {
			end := j + len(loc)
			if end >= len(toks) {
				continue
			}
			match := true
			for k, w := range loc {
				if strings.ToLower(toks[j+k].Text) != w {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			if comma && toks[end].Text == "," {
				end++
			}
			if end >= len(toks) || toks[end].Kind != segment.Word {
				break
			}
			for k := i + 1; k < end; k++ {
				skip[k] = true
			}
			break
		}
	}
}

// mendVerbLemmas replaces the lemma the lemmatizer guessed for a verb
// when it is no verb the lexicon knows ("sortira" → sortirer, "competed"
// → compet): by the one verb the lexicon's inflected forms give the form
// (sortir), else, when the language has a verb list, by the reading of
// the form that is one (compete).
func mendVerbLemmas(words []relate.Word, lex *lexicon.Lexicon) {
	for i, w := range words {
		if w.UPOS != "VERB" || lex.KnownVerb(strings.ToLower(w.Lemma)) {
			continue
		}
		if ls := lex.Lemma(w.Form); len(ls) == 1 {
			words[i].Lemma = ls[0]
			continue
		}
		if !lex.HasVerbList() {
			continue
		}
		for _, c := range verbCandidates(strings.ToLower(w.Form)) {
			if lex.KnownVerb(c) {
				words[i].Lemma = c
				break
			}
		}
	}
}

// raiseInvertedGovernors mends a parse that hangs a verb with a subject
// of its own under the infinitive right after it as an adverbial clause
// ("Si Washington affirmait ne plus exclure la force, Lavrov a déclaré"
// parsed with affirmait under exclure, and exclure under déclaré, whose
// subject it would then take). A finite verb followed by an infinitive,
// only adverbs between them, governs it: the two swap places, the
// infinitive becoming the verb's complement (xcomp). An infinitive is
// written as its lemma; it has no subject, auxiliary or marker of its
// own.
func raiseInvertedGovernors(words []relate.Word) {
	// Which words have a subject, and which an auxiliary or a marker, in
	// one pass: the swaps below move no such dependent.
	subj, auxOrMark := make([]bool, len(words)), make([]bool, len(words))
	for _, w := range words {
		if w.Head == 0 {
			continue
		}
		switch w.Deprel {
		case "nsubj":
			subj[w.Head-1] = true
		case "aux", "mark":
			auxOrMark[w.Head-1] = true
		}
	}
	for v := range words {
		w := words[v]
		if w.UPOS != "VERB" || !strings.EqualFold(w.Form, w.Lemma) || subj[v] || auxOrMark[v] {
			continue
		}
		for d := v - 1; d >= 0; d-- {
			if words[d].UPOS == "ADV" && words[d].Head == v+1 {
				continue
			}
			if words[d].UPOS == "VERB" && words[d].Head == v+1 && words[d].Deprel == "advcl" && subj[d] {
				words[d].Head, words[d].Deprel = w.Head, w.Deprel
				words[v].Head, words[v].Deprel = d+1, "xcomp"
			}
			break
		}
	}
}

// unhookFromTimeWords mends a parse that hangs an infinitive on a time
// word as its clause ("avait menacé la veille d'envahir la Syrie", with
// envahir under veille): a day has no clause of its own, and the
// infinitive is the complement of the verb the time word hangs on.
func unhookFromTimeWords(words []relate.Word, lex *lexicon.Lexicon) {
	marked := make([]bool, len(words)) // has an infinitive's marker (de, to)
	for _, k := range words {
		if k.Head > 0 && k.Deprel == "mark" && lex.Is(lexicon.InfinitiveMark, strings.ToLower(k.Form)) {
			marked[k.Head-1] = true
		}
	}
	for v, w := range words {
		if w.UPOS != "VERB" || w.Deprel != "acl" || w.Head == 0 {
			continue
		}
		h := w.Head - 1
		if words[h].UPOS != "NOUN" || words[h].Head == 0 || words[words[h].Head-1].UPOS != "VERB" || !lex.Is(lexicon.TimeWord, strings.ToLower(words[h].Form)) {
			continue
		}
		if marked[v] {
			words[v].Head, words[v].Deprel = words[h].Head, "xcomp"
		}
	}
}

// verbCandidates returns the lemmas an English verb form may have, most
// likely first: carried → carry, competed → compete, planned → plan.
func verbCandidates(f string) []string {
	var out []string
	undouble := func(b string) {
		if n := len(b); n > 2 && b[n-1] == b[n-2] {
			out = append(out, b[:n-1])
		}
	}
	switch {
	case strings.HasSuffix(f, "ied"), strings.HasSuffix(f, "ies"):
		out = append(out, f[:len(f)-3]+"y")
	case strings.HasSuffix(f, "ing"):
		b := f[:len(f)-3]
		out = append(out, b, b+"e")
		undouble(b)
	case strings.HasSuffix(f, "ed"):
		b := f[:len(f)-2]
		out = append(out, f[:len(f)-1], b)
		undouble(b)
	case strings.HasSuffix(f, "es"):
		out = append(out, f[:len(f)-1], f[:len(f)-2])
	case strings.HasSuffix(f, "s"):
		out = append(out, f[:len(f)-1])
	}
	return append(out, f)
}

// quotes adds to skip the guillemets around a quoted phrase inside a
// clause ("a salué « une réforme courageuse » et"), which the parser
// takes for clause boundaries. A closing guillemet before a speech verb
// ("» déclare X") stays: it marks the speaker that follows.
func quotes(lex *lexicon.Lexicon, toks []segment.Token, skip map[int]bool) {
	open := -1
	for i, t := range toks {
		switch t.Text {
		case "«":
			open = i
		case "»":
			if open < 1 || i+1 >= len(toks) {
				open = -1
				continue
			}
			// Inside a clause: a word before the opening and no
			// sentence inside.
			inner := true
			for k := open + 1; k < i; k++ {
				if w := toks[k].Text; w == "." || w == "!" || w == "?" || w == ":" {
					inner = false
				}
			}
			if next := toks[i+1]; inner && toks[open-1].Kind == segment.Word && (next.Kind != segment.Word || lex.Is(lexicon.AfterQuote, next.Text)) {
				skip[open], skip[i] = true, true
			}
			open = -1
		}
	}
}

// speakerLabel returns the number of tokens of an interview's speaker
// label opening the sentence, "((WN))" or "((Jane Doe))", or 0: the label
// is no part of the sentence.
func speakerLabel(toks []segment.Token) int {
	if len(toks) < 5 || toks[0].Text != "(" || toks[1].Text != "(" {
		return 0
	}
	for k := 2; k+1 < len(toks) && k < 8; k++ {
		if toks[k].Text == ")" && toks[k+1].Text == ")" {
			return k + 2
		}
	}
	return 0
}
