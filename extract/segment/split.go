package segment

import (
	"strings"
	"unicode/utf8"
)

// Sentence is a sentence of a text with its tokens.
// Text == src[Start:End]; it starts at its first token and ends at its
// last, so it has no surrounding space.
type Sentence struct {
	Text       string
	Start, End int // byte offsets into the source text
	Tokens     []Token
	// Dateline marks a news dateline ("WASHINGTON, March 2 -"): where
	// the story was filed, which states no relation.
	Dateline bool
}

// quoteLookahead bounds how far Split looks for the end of a quotation
// when deciding whether a period inside it ends the sentence.
const quoteLookahead = 1500

// Split cuts text into sentences. A sentence ends at a line break, and at
// . ! ? or … (with any closing quotes and brackets after it) when a space
// and a word starting with a capital, an opening quote or the end of the
// text follow. Abbreviations (M., Dr., U.S., Jan., John F. Kennedy) do not
// end sentences, and "etc." ends one only before a capital. A period inside
// a quotation that the sentence goes on after («...», a-t-il dit) does not
// end it either, so that the quotation stays with whoever said it. A news
// dateline opening a paragraph ("WASHINGTON, March 2 -", "PARIS (AFP) -")
// is a sentence of its own.
func Split(text string, r Rules) []Sentence {
	return split(text, r, Tokenize(text, r))
}

type splitter struct {
	src   string
	rules Rules
	toks  []Token
	open  []int // indices of the quotation marks open in the current paragraph
}

func split(src string, r Rules, toks []Token) []Sentence {
	s := splitter{src: src, rules: r, toks: toks}
	sents := make([]Sentence, 0, len(toks)/16+1)
	add := func(first, last int) {
		a, b := toks[first].Start, toks[last].End
		sents = append(sents, Sentence{Text: src[a:b], Start: a, End: b, Tokens: toks[first : last+1 : last+1]})
	}
	first := 0
	for i := 0; i < len(toks); i++ {
		if i > first && lineBreak(src[toks[i-1].End:toks[i].Start]) {
			add(first, i-1)
			first = i
			s.open = s.open[:0]
		}
		// A dateline opening a paragraph is a sentence of its own: the
		// place and the agency that filed the story are no part of its
		// first sentence, whose subject they would otherwise become.
		if i == first && (i == 0 || lineBreak(src[toks[i-1].End:toks[i].Start])) {
			if d, ok := s.dateline(i); ok {
				add(i, d)
				sents[len(sents)-1].Dateline = true
				first, i = d+1, d
				continue
			}
		}
		s.track(i)
		strict, ok := s.terminal(i)
		if !ok {
			continue
		}
		// Closing quotes and brackets after the terminal mark belong to
		// the sentence.
		last := i
		for last+1 < len(toks) && s.closes(last+1) {
			last++
			s.track(last)
		}
		next := last + 1
		if next == len(toks) || lineBreak(src[toks[last].End:toks[next].Start]) {
			i = last
			continue // the line break or the end closes the sentence
		}
		if toks[last].End == toks[next].Start || !s.starts(next, strict) || s.quoteGoesOn(last) {
			i = last
			continue
		}
		add(first, last)
		first = next
		i = last
	}
	if first < len(toks) {
		add(first, len(toks)-1)
	}
	return sents
}

// lineBreak reports whether the space between two tokens holds a line or
// paragraph break.
func lineBreak(gap string) bool {
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n', '\r', '\v', '\f':
			return true
		case 0xE2: // U+2028, U+2029
			if strings.HasPrefix(gap[i:], "\u2028") || strings.HasPrefix(gap[i:], "\u2029") {
				return true
			}
		case 0xC2: // U+0085
			if i+1 < len(gap) && gap[i+1] == 0x85 {
				return true
			}
		}
	}
	return false
}

// Strictness of a sentence-ending token, from the abbreviation classes.
const (
	endPlain    = iota // . ! ? …
	endAbbr            // etc.: ends before a capital
	endCautious        // U.S., Inc.: ends only before a common sentence starter
)

// terminal reports whether token i can end a sentence, and how strictly
// the next token must look like a sentence start.
func (s *splitter) terminal(i int) (int, bool) {
	t := s.toks[i]
	switch t.Kind {
	case Punct:
		switch c := t.Text[0]; {
		case c == '.' || c == '!' || c == '?' || strings.HasPrefix(t.Text, "…"):
		default:
			return 0, false
		}
		// An ellipsis in brackets marks a cut in a quotation: [...] (…)
		if i > 0 && s.toks[i-1].End == t.Start && (s.toks[i-1].Text == "[" || s.toks[i-1].Text == "(") {
			return 0, false
		}
		return endPlain, true
	case Word:
		if !strings.HasSuffix(t.Text, ".") {
			return 0, false
		}
		w := t.Text[:len(t.Text)-1]
		if strings.Contains(w, ".") { // acronym: U.S., e.g., J.-C.
			switch w {
			case "e.g", "i.e", "E.g", "I.e", "cf", "J.-C":
				return 0, false
			}
			return endCautious, true
		}
		if r, n := utf8.DecodeRuneInString(w); n == len(w) && isUpper(r) {
			return 0, false // an initial: John F. Kennedy
		}
		switch abbreviation(w, s.rules) {
		case abbrMaybe:
			return endAbbr, true
		case abbrCautious:
			return endCautious, true
		}
		return 0, false
	}
	return 0, false
}

// closes reports whether token i closes a quotation or bracket just ended
// by the token before it.
func (s *splitter) closes(i int) bool {
	t, prev := s.toks[i], s.toks[i-1]
	if lineBreak(s.src[prev.End:t.Start]) {
		return false
	}
	glued := prev.End == t.Start
	switch t.Text {
	case "»", "”", "›", ")", "]", "}":
		return true
	case "\"", "’", "'":
		return glued && !s.opens(i)
	case ".", "!", "?", "…", "...":
		// "Je pars ».": a mark after the closing quote ends the sentence too.
		return glued && (prev.Kind == Quote || prev.Text == ")")
	}
	return false
}

// opens reports whether the quotation mark at i opens a quotation. Curly
// and angle quotes say so themselves; a straight quote opens when it
// follows a space or an opening bracket and is followed by a non-space.
func (s *splitter) opens(i int) bool {
	t := s.toks[i]
	switch t.Text {
	case "«", "“", "„", "‹":
		return true
	case "\"":
		if t.End < len(s.src) {
			if r, _ := utf8.DecodeRuneInString(s.src[t.End:]); isSpace(r) {
				return false
			}
		} else {
			return false
		}
		if t.Start == 0 {
			return true
		}
		r, _ := utf8.DecodeLastRuneInString(s.src[:t.Start])
		return isSpace(r) || r == '(' || r == '[' || r == '—' || r == '–' || r == '-'
	}
	return false
}

// closer reports whether the quotation mark at i closes a quotation.
func (s *splitter) closer(i int) bool {
	t := s.toks[i]
	switch t.Text {
	case "»", "”", "›":
		return true
	case "\"":
		return !s.opens(i)
	}
	return false
}

// track keeps the stack of open quotations up to date with token i.
func (s *splitter) track(i int) {
	if s.toks[i].Kind != Quote {
		return
	}
	switch {
	case s.opens(i):
		s.open = append(s.open, i)
	case s.closer(i) && len(s.open) > 0:
		s.open = s.open[:len(s.open)-1]
	}
}

// starts reports whether token i looks like the start of a sentence.
func (s *splitter) starts(i int, strict int) bool {
	t := s.toks[i]
	switch t.Kind {
	case Word:
		r, _ := utf8.DecodeRuneInString(t.Text)
		if !isUpper(r) {
			// "al-Masri was ...": a name with a lower-case article
			// starts a sentence after a plain full stop.
			return strict == endPlain && articledName(t.Text)
		}
		return strict != endCautious || commonStarter(t.Text)
	case Quote:
		return s.opens(i) || t.Text == "‘"
	case Number:
		return strict == endPlain
	case Punct:
		switch t.Text {
		case "(", "[", "¿", "¡", "—", "–":
			return strict == endPlain
		}
	}
	return false
}

// quoteGoesOn reports whether the sentence break after token last falls
// inside a quotation after which the sentence goes on («Je pars. Adieu»,
// dit-il), in which case the quotation is kept whole.
func (s *splitter) quoteGoesOn(last int) bool {
	if len(s.open) == 0 {
		return false
	}
	limit := s.toks[last].End + quoteLookahead
	depth := 0
	for j := last + 1; j < len(s.toks) && s.toks[j].Start < limit; j++ {
		if lineBreak(s.src[s.toks[j-1].End:s.toks[j].Start]) {
			return false
		}
		if s.toks[j].Kind != Quote {
			continue
		}
		switch {
		case s.opens(j):
			depth++
		case s.closer(j):
			if depth > 0 {
				depth--
				continue
			}
			if j+1 == len(s.toks) || lineBreak(s.src[s.toks[j].End:s.toks[j+1].Start]) {
				return false
			}
			n := s.toks[j+1]
			switch n.Kind {
			case Word:
				r, _ := utf8.DecodeRuneInString(n.Text)
				return !isUpper(r)
			case Punct:
				return n.Text == "," || n.Text == "—" || n.Text == "–" || n.Text == "-"
			}
			return false
		}
	}
	return false
}

// articledName reports a name led by a lower-case Arabic article and a
// hyphen ("al-Assad", "el-Sisi").
func articledName(w string) bool {
	for _, p := range []string{"al-", "el-", "ad-", "ash-", "as-", "az-", "ar-", "an-", "at-"} {
		if rest, ok := strings.CutPrefix(w, p); ok {
			r, _ := utf8.DecodeRuneInString(rest)
			return isUpper(r)
		}
	}
	return false
}

// maxDateline bounds the tokens of a dateline before its dash.
const maxDateline = 14

// dateline returns the dash ending a news dateline that starts at token
// i: a place in capitals, with a region, a date and the agency in
// brackets as it may have them, then a spaced dash — "WASHINGTON, March 2
// -", "BRANCHVILLE, N.J., Feb 26 -", "LONDON (Reuters) —", "PARIS, 6
// octobre (AFP) -". A place in ordinary case needs the agency ("Paris
// (AFP) -"), lest a headline with a dash pass for one.
func (s *splitter) dateline(i int) (int, bool) {
	first := s.toks[i]
	if first.Kind != Word || !isUpper(firstRune(first.Text)) {
		return 0, false
	}
	caps, agency, inBracket := allUpper(first.Text) && letters(first.Text) >= 2, false, false
	// "Chicago, March 5 -": a place and a day, in any case.
	dated := false
	for k := i + 1; k < len(s.toks) && k-i <= maxDateline; k++ {
		t := s.toks[k]
		if lineBreak(s.src[s.toks[k-1].End:t.Start]) {
			return 0, false
		}
		switch {
		case dash(t.Text):
			spaced := s.toks[k-1].End < t.Start && k+1 < len(s.toks) && t.End < s.toks[k+1].Start
			return k, spaced && !inBracket && (caps || agency || dated && s.toks[i+1].Text == ",")
		case t.Text == "(":
			if inBracket || k+1 >= len(s.toks) || s.toks[k+1].Kind != Word || !isUpper(firstRune(s.toks[k+1].Text)) {
				return 0, false
			}
			inBracket = true
		case t.Text == ")":
			if !inBracket {
				return 0, false
			}
			inBracket, agency = false, true
		case t.Text == ",":
		case t.Kind == Number:
			dated = dated || s.toks[k-1].Kind == Word || k+1 < len(s.toks) && s.toks[k+1].Kind == Word
		case t.Text == "." && s.toks[k-1].Kind == Word && s.toks[k-1].End == t.Start:
			// an abbreviated region: "Ore.", "Calif."
		case t.Kind == Word:
			// Capitalised words (places, regions, months, agencies),
			// or a lower-case month next to its day ("6 octobre").
			if !isUpper(firstRune(t.Text)) && s.toks[k-1].Kind != Number && (k+1 >= len(s.toks) || s.toks[k+1].Kind != Number) {
				return 0, false
			}
		default:
			return 0, false
		}
	}
	return 0, false
}

func firstRune(w string) rune {
	r, _ := utf8.DecodeRuneInString(w)
	return r
}

// letters counts the letters of w.
func letters(w string) int {
	n := 0
	for _, r := range w {
		if isLetter(r) {
			n++
		}
	}
	return n
}

// dash reports a dash token: "-", "--", "–" or "—".
func dash(w string) bool {
	switch w {
	case "-", "--", "–", "—", "―":
		return true
	}
	return false
}
