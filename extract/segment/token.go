package segment

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Kind is the coarse class of a token.
type Kind uint8

// The kinds of token.
const (
	Word   Kind = iota // letters, possibly with digits, hyphens, internal apostrophes or periods
	Number             // digits, with decimal or group separators: 7,2  1.5  10 000  10:30
	Punct              // punctuation; runs such as "..." or "?!" are one token
	Quote              // quotation mark: « » “ ” " ‘ ’ ' ‹ › „
	URL                // web or e-mail address
	Symbol             // anything else: % € $ ° and stray characters
)

var kindNames = [...]string{"Word", "Number", "Punct", "Quote", "URL", "Symbol"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Token is a word, number or punctuation mark of a text.
// Text == src[Start:End] always, for the src it was cut from.
type Token struct {
	Text       string
	Start, End int // byte offsets into the source text
	Kind       Kind
}

// Rules are the spelling conventions of a language that Tokenize and
// Split follow (the lexicon's language.tsv gives them). The zero value
// cuts words at spaces and punctuation alone and knows only the
// abbreviations common to French and English news.
type Rules struct {
	// Elided lists, comma-separated and in lower case, the words that
	// elide before an apostrophe and are tokens of their own: with "l",
	// l'homme gives "l'" "homme".
	Elided string
	// Inversion: the pronouns after a verb and a hyphen are tokens of
	// their own (dit-il gives "dit" "-il", a-t-il "a" "-t-il").
	Inversion bool
	// Contractions lists, comma-separated and in lower case, the words
	// contracted after an apostrophe that are tokens of their own, as in
	// Universal Dependencies: with "s", Kerry's gives "Kerry" "'s". With
	// any, n't is one too (don't gives "do" "n't"), and the apostrophe
	// of a plural possessive (voters').
	Contractions string
	// SpaceGroups: a plain space may separate the digit groups of a
	// number (10 000).
	SpaceGroups bool
	// Abbreviations lists, comma-separated and as written, the
	// language's own abbreviations that never end a sentence (M, Mme,
	// Mr).
	Abbreviations string
}

// Tokenize cuts text into tokens, splitting words at apostrophes and
// hyphens as the language's rules say.
func Tokenize(text string, r Rules) []Token {
	t := tokenizer{src: text, rules: r}
	t.toks = make([]Token, 0, len(text)/5+1)
	t.run()
	return t.toks
}

type tokenizer struct {
	src   string
	rules Rules
	toks  []Token
}

func (t *tokenizer) emit(start, end int, k Kind) {
	t.toks = append(t.toks, Token{Text: t.src[start:end], Start: start, End: end, Kind: k})
}

func (t *tokenizer) run() {
	src := t.src
	for i := 0; i < len(src); {
		if c := src[i]; c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
				i++
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
				i = t.word(i)
			default:
				i = t.punct(i, rune(c), 1)
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(src[i:])
		switch {
		case isSpace(r):
			i += size
		case r == 'ʼ':
			i = t.punct(i, r, size)
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			i = t.word(i)
		default:
			i = t.punct(i, r, size)
		}
	}
}

// runeAt decodes the rune at i, or returns -1 at the end of s.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isSpace reports whether r separates tokens. Invisible format characters
// (zero-width space, BOM, direction marks) count as space.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
	}
	switch r {
	case 0x85, 0xA0, 0x200B, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x180E:
		return true
	}
	return unicode.IsSpace(r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return r != 'ʼ' && unicode.IsLetter(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// isAlnum reports whether r can start a word.
func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r != 'ʼ' && (unicode.IsLetter(r) || unicode.IsNumber(r))
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// groupSpace reports whether r can separate the digit groups of a number
// (10 000). Some languages write an ordinary space too (Rules.SpaceGroups);
// elsewhere that would join unrelated numbers, so only the non-breaking
// and thin spaces count.
func (t *tokenizer) groupSpace(r rune) bool {
	return r == 0xA0 || r == 0x202F || r == 0x2009 || r == ' ' && t.rules.SpaceGroups
}

// punct emits a token for the punctuation mark or symbol r at i.
func (t *tokenizer) punct(i int, r rune, size int) int {
	src := t.src
	switch r {
	case '"', '«', '»', '“', '”', '„', '‟', '‹', '›', '‘', '’', '\'', '‚', '`', 'ʼ':
		t.emit(i, i+size, Quote)
		return i + size
	case '.', '!', '?', '…':
		// A run of terminal marks ("...", "?!") is one token.
		j := i + size
		for j < len(src) {
			c, n := runeAt(src, j)
			if c != '.' && c != '!' && c != '?' && c != '…' {
				break
			}
			j += n
		}
		t.emit(i, j, Punct)
		return j
	case '-':
		j := i + 1
		for j < len(src) && src[j] == '-' {
			j++
		}
		t.emit(i, j, Punct)
		return j
	case '%', '‰', '°', '&', '@', '#', '*', '§', '†', '‡':
		t.emit(i, i+size, Symbol)
		return i + size
	}
	if r != utf8.RuneError && unicode.IsPunct(r) {
		t.emit(i, i+size, Punct)
	} else {
		t.emit(i, i+size, Symbol)
	}
	return i + size
}

// word scans the word, number, URL or e-mail address starting at i, emits
// it (and, for elisions, clitics and contractions, the pieces it splits
// into) and returns where scanning resumes.
func (t *tokenizer) word(i int) int {
	if t.urlPrefix(i) {
		if end := t.urlEnd(i); end > i {
			t.emit(i, end, URL)
			return end
		}
	}
	r0, _ := runeAt(t.src, i)
	w := wordScan{start: i, j: i, numeric: isDigit(r0), acronym: true}
	for {
		t.alnumRun(&w)
		if w.j >= len(t.src) {
			break
		}
		end, emitted, goOn := t.joiner(&w)
		if emitted {
			return end
		}
		if !goOn {
			break
		}
	}
	return t.endWord(&w)
}

// wordScan is what word has read of a token so far.
type wordScan struct {
	start, j        int  // the token's start; where scanning is
	segStart        int  // the start of the current run of letters and digits
	letters, digits int  // in the current run
	numeric         bool // only digits and numeric separators so far
	grouped         bool // digit groups separated by spaces (10 000)
	hasLetter       bool
	acronym         bool // letter segments of at most two letters joined by periods (U.S, e.g)
	dots            int  // periods kept inside the token
	domain          bool // looks like a host name (wikinews.org)
}

// alnumRun reads a run of letters and digits at w.j; marks and invisible
// joiners stay inside it.
func (t *tokenizer) alnumRun(w *wordScan) {
	src := t.src
	w.segStart = w.j
	w.letters, w.digits = 0, 0
loop:
	for w.j < len(src) {
		r, n := runeAt(src, w.j)
		switch {
		case isLetter(r):
			w.letters++
		case isDigit(r) || r >= utf8.RuneSelf && unicode.IsNumber(r):
			w.digits++
		case r >= utf8.RuneSelf && (unicode.IsMark(r) || r == 0xAD || r == 0x200C || r == 0x200D):
		default:
			break loop
		}
		w.j += n
	}
	if w.letters > 0 {
		w.hasLetter = true
		w.numeric = false
	}
	if w.digits > 0 || w.letters > 2 || w.letters == 0 {
		w.acronym = false
	}
}

// joiner reads the character after a run: one that joins the run to
// the next within the token (an apostrophe, a hyphen, a period, a
// numeric separator...) moves w.j past it and says to go on; one that
// makes a token of its own (an elision, a clitic, a contraction, a URL,
// an address) emits it and says where scanning resumes; any other ends
// the token.
func (t *tokenizer) joiner(w *wordScan) (end int, emitted, goOn bool) {
	src, start, j := t.src, w.start, w.j
	c, size := runeAt(src, j)
	next, nsize := runeAt(src, j+size)
	switch {
	case isApostrophe(c) || c == '‘' && w.letters > 0 && isLetter(next): // d‘éviter: a mistyped apostrophe
		return t.apostrophe(w, size, next)
	case isHyphen(c):
		return t.hyphen(w, size, next)
	case c == '.':
		return t.period(w, size, next, nsize)
	case c == ',' || c == ':' || c == '/':
		return t.separator(w, c, size, next)
	case c == '@':
		if end := t.emailEnd(j + size); end > 0 && w.letters+w.digits > 0 {
			t.emit(start, end, URL)
			return end, true, false
		}
	case c == '_':
		if isAlnum(next) {
			w.acronym, w.numeric = false, false
			return w.step(size)
		}
	case c == '&': // AT&T, R&D
		if w.letters > 0 && w.letters <= 3 && isUpper(next) && allUpper(src[w.segStart:j]) {
			w.acronym = false
			return w.step(size)
		}
	case c == '°':
		if j-start == 1 && (src[start] == 'n' || src[start] == 'N') { // n° 5
			t.emit(start, j+size, Word)
			return j + size, true, false
		}
	case t.groupSpace(c):
		return t.digitGroup(w, size)
	}
	return 0, false, false
}

// digitGroup reads a space after a run of digits: between groups of
// three digits (10 000, 1 234 567) it joins.
func (t *tokenizer) digitGroup(w *wordScan, size int) (end int, emitted, goOn bool) {
	first := w.digits <= 3 && !w.grouped && w.segStart == w.start
	if w.numeric && w.digits > 0 && w.letters == 0 && (first || w.grouped && w.digits == 3) && threeDigits(t.src, w.j+size) {
		w.grouped = true
		return w.step(size)
	}
	return 0, false, false
}

// step moves past a joining character of size bytes and goes on.
func (w *wordScan) step(size int) (end int, emitted, goOn bool) {
	w.j += size
	return 0, false, true
}

// apostrophe reads an apostrophe after a run: the end of an elided word
// (l', qu'), a contraction (don't), or a joiner before a letter
// (O'Brien, aujourd'hui).
func (t *tokenizer) apostrophe(w *wordScan, size int, next rune) (end int, emitted, goOn bool) {
	src, start, j := t.src, w.start, w.j
	if t.rules.Elided != "" {
		if w.segStart == start && inList(t.rules.Elided, lower(src[start:j])) && next != '\'' && next != '’' {
			t.emit(start, j+size, Word)
			return j + size, true, false
		}
	} else if t.rules.Contractions != "" {
		if end, ok := t.contraction(start, j, size); ok {
			return end, true, false
		}
	}
	if isLetter(next) {
		w.acronym = false
		return w.step(size)
	}
	return 0, false, false
}

// hyphen reads a hyphen after a run: a French inversion's clitics
// (a-t-il), or a joiner before a letter or digit, unless a dotted acronym
// follows.
func (t *tokenizer) hyphen(w *wordScan, size int, next rune) (end int, emitted, goOn bool) {
	if !isAlnum(next) {
		return 0, false, false
	}
	if t.rules.Inversion && w.letters > 0 && t.inversion(w.start, w.j) {
		return t.clitics(w.start, w.j), true, false
	}
	// "then-U.S.-president", "ex-U.K. envoy": a dotted acronym after a
	// hyphen is a word of its own.
	if dottedAcronym(t.src[w.j+size:]) {
		return 0, false, false
	}
	w.acronym, w.numeric = false, false
	return w.step(size)
}

// separator reads a comma, colon or slash after a run: inside a number
// (1,000, 10:30, 3/4) it joins; after a host name a slash starts a URL's
// path.
func (t *tokenizer) separator(w *wordScan, c rune, size int, next rune) (end int, emitted, goOn bool) {
	if w.numeric && w.digits > 0 && isDigit(next) && !(c != ',' && w.grouped) {
		return w.step(size)
	}
	if c == '/' && w.domain && next != -1 && !isSpace(next) {
		if end := t.urlEnd(w.start); end > w.j {
			t.emit(w.start, end, URL)
			return end, true, false
		}
	}
	return 0, false, false
}

// period reads a period after a run: inside a number (3.5), an acronym
// (U.S, J.-C.) or a host name (wikinews.org) it joins; otherwise it ends
// the token.
func (t *tokenizer) period(w *wordScan, size int, next rune, nsize int) (end int, emitted, goOn bool) {
	src, j := t.src, w.j
	switch {
	case w.numeric && isDigit(next):
		return w.step(size)
	case w.numeric || w.letters == 0:
		return 0, false, false
	case w.acronym && isLetter(next):
		w.dots++
		return w.step(size)
	}
	if w.acronym && isHyphen(next) { // J.-C.
		if r, _ := runeAt(src, j+size+nsize); isUpper(r) {
			w.dots++
			w.j += size + nsize
			return 0, false, true
		}
	}
	if end := t.domainLabel(j + size); end > 0 {
		w.domain = true
		w.acronym = false
		return w.step(size)
	}
	return 0, false, false
}

// endWord emits the token word has read, with the period of an
// abbreviation, and returns where scanning resumes.
func (t *tokenizer) endWord(w *wordScan) int {
	src, start, end := t.src, w.start, w.j
	if end < len(src) && src[end] == '.' && w.hasLetter && !(end+1 < len(src) && src[end+1] == '.') {
		if t.keepsPeriod(src[start:end], w.acronym && w.dots > 0, end+1) {
			end++
		}
	}
	if !w.hasLetter {
		t.emit(start, end, Number)
	} else {
		t.emit(start, end, Word)
	}
	return end
}

// dottedAcronym reports whether s starts with an acronym of capitals
// and periods: "U.S.", "E.U.", "U.S.A.".
func dottedAcronym(s string) bool {
	parts := 0
	for i := 0; i < len(s); {
		n := 0
		for i+n < len(s) && 'A' <= s[i+n] && s[i+n] <= 'Z' {
			n++
		}
		if n == 0 || n > 2 || i+n >= len(s) || s[i+n] != '.' {
			break
		}
		parts++
		i += n + 1
	}
	return parts >= 2
}

// keepsPeriod reports whether the period after w is part of it: acronyms
// with internal periods, single capital initials and known abbreviations.
// after is the offset just past the period.
func (t *tokenizer) keepsPeriod(w string, acronym bool, after int) bool {
	if acronym {
		return true
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && isUpper(r) {
		return true
	}
	switch abbreviation(w, t.rules) {
	case abbrNever, abbrMaybe, abbrCautious:
		return true
	case abbrBeforeNumber:
		return numberFollows(t.src, after)
	}
	return false
}

// numberFollows reports whether a number comes after optional spaces at i.
func numberFollows(s string, i int) bool {
	for i < len(s) {
		r, n := runeAt(s, i)
		if isDigit(r) {
			return true
		}
		if !isSpace(r) || r == '\n' {
			return false
		}
		i += n
	}
	return false
}

// threeDigits reports whether s[i:] starts with exactly three digits.
func threeDigits(s string, i int) bool {
	if i+3 > len(s) {
		return false
	}
	for k := i; k < i+3; k++ {
		if s[k] < '0' || s[k] > '9' {
			return false
		}
	}
	r, _ := runeAt(s, i+3)
	return !isAlnum(r)
}

func allUpper(s string) bool {
	for _, r := range s {
		if !isUpper(r) {
			return false
		}
	}
	return true
}

// contraction splits an English contraction or possessive whose
// apostrophe (size bytes) is at j, in the word that starts at start:
// don't → do n't, it's → it 's, countries' → countries '.
func (t *tokenizer) contraction(start, j, size int) (int, bool) {
	src := t.src
	k := j + size
	for k < len(src) && ('a' <= src[k] && src[k] <= 'z' || 'A' <= src[k] && src[k] <= 'Z') {
		k++
	}
	if r, _ := runeAt(src, k); isAlnum(r) {
		return 0, false
	}
	suffix := src[j+size : k]
	switch {
	case (suffix == "t" || suffix == "T") && j-1 > start && (src[j-1] == 'n' || src[j-1] == 'N'):
		t.emit(start, j-1, Word)
		t.emit(j-1, k, Word)
		return k, true
	case suffix != "" && inList(t.rules.Contractions, lower(suffix)):
		t.emit(start, j, Word)
		t.emit(j, k, Word)
		return k, true
	case suffix == "" && (src[j-1] == 's' || src[j-1] == 'S') && src[j] == '\'':
		t.emit(start, j, Word)
		t.emit(j, j+size, Punct)
		return j + size, true
	}
	return 0, false
}

// alnumEnd returns the end of the run of letters and digits at i.
func alnumEnd(s string, i int) int {
	for i < len(s) {
		r, n := runeAt(s, i)
		if !isAlnum(r) && !(r >= utf8.RuneSelf && unicode.IsMark(r)) {
			break
		}
		i += n
	}
	return i
}

// cliticAt parses "-il", "-vous" or "-t-il" at the hyphen at i and returns
// its end, or -1.
func cliticAt(s string, i int) int {
	c, n := runeAt(s, i)
	if !isHyphen(c) {
		return -1
	}
	e := alnumEnd(s, i+n)
	w := s[i+n : e]
	if w == "t" {
		if c2, n2 := runeAt(s, e); isHyphen(c2) {
			e2 := alnumEnd(s, e+n2)
			if tClitic(s[e+n2 : e2]) {
				return e2
			}
		}
		return -1
	}
	if clitic(w) {
		return e
	}
	return -1
}

// inversion reports whether the hyphen at j, after the word starting at
// start, begins a chain of clitic pronouns that ends the compound
// (dit-il, a-t-il, donne-le-moi, but not Aix-en-Provence or rendez-vous).
func (t *tokenizer) inversion(start, j int) bool {
	src := t.src
	p := j
	for {
		e := cliticAt(src, p)
		if e < 0 {
			return false
		}
		p = e
		c, n := runeAt(src, p)
		if isHyphen(c) {
			if next, _ := runeAt(src, p+n); isAlnum(next) {
				continue
			}
		}
		if isAlnum(c) || isApostrophe(c) {
			return false
		}
		return !notInversion(src[start:p])
	}
}

// clitics emits the verb before the hyphen at j and each clitic after it.
func (t *tokenizer) clitics(start, j int) int {
	t.emit(start, j, Word)
	for {
		e := cliticAt(t.src, j)
		if e < 0 {
			return j
		}
		t.emit(j, e, Word)
		j = e
	}
}

// domainLabel reports whether a host name label follows a period at i
// (wikinews.org, bbc.co.uk): two to six lower-case letters ending the word
// or followed by another label or a path. It returns the label's end, or 0.
func (t *tokenizer) domainLabel(i int) int {
	src := t.src
	k := i
	for k < len(src) && isLowerASCII(src[k]) {
		k++
	}
	if n := k - i; n < 2 || n > 6 {
		return 0
	}
	r, _ := runeAt(src, k)
	if isAlnum(r) || isApostrophe(r) || isHyphen(r) {
		return 0
	}
	return k
}

// emailEnd returns the end of the domain of an e-mail address whose "@" is
// just before i, or 0.
func (t *tokenizer) emailEnd(i int) int {
	src := t.src
	k, lastDot := i, -1
	for k < len(src) {
		c := src[k]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-':
		case c == '.' && k > i && k+1 < len(src) && isAlnumASCII(src[k+1]):
			lastDot = k
		default:
			goto done
		}
		k++
	}
done:
	if lastDot < 0 || k-lastDot < 3 {
		return 0
	}
	return k
}

func isAlnumASCII(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// urlPrefix reports whether a web address starts at i.
func (t *tokenizer) urlPrefix(i int) bool {
	s := t.src[i:]
	switch s[0] | 0x20 {
	case 'h':
		return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://")
	case 'w':
		return hasPrefixFold(s, "www.") && len(s) > 4 && isAlnumASCII(s[4])
	case 'f':
		return hasPrefixFold(s, "ftp://")
	case 'm':
		return hasPrefixFold(s, "mailto:")
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[k] {
			return false
		}
	}
	return true
}

// urlEnd returns the end of the address starting at i: the next space or
// quotation mark, less trailing punctuation and unbalanced brackets.
func (t *tokenizer) urlEnd(i int) int {
	src := t.src
	k := i
	for k < len(src) {
		r, n := runeAt(src, k)
		if isSpace(r) || r == '"' || r == '<' || r == '>' || r == '«' || r == '»' || r == '“' || r == '”' || r == '‘' || r == '’' {
			break
		}
		k += n
	}
	for k > i {
		c := src[k-1]
		switch c {
		case '.', ',', ';', ':', '!', '?', '\'':
			k--
			continue
		case ')', ']':
			open := byte('(')
			if c == ']' {
				open = '['
			}
			if count(src[i:k], open) < count(src[i:k], c) {
				k--
				continue
			}
		}
		break
	}
	if k-i < len("www.x.fr") { // "http://" alone is no address
		return i
	}
	return k
}

func count(s string, c byte) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			n++
		}
	}
	return n
}
