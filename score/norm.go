package score

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// normName is kgscore's norm: NFKD with combining marks dropped, lower
// case, hyphens and the punctuation .,;:!?"«»()[] read as spaces, ’ read
// as ', and one leading article (the, le, la, les, l') removed per
// article in that order. Every step follows Python's definitions (a mark
// is any rune of nonzero combining class; whitespace is str.isspace) so
// that both scorers agree on every input.
func normName(text string) string {
	d := norm.NFKD.String(text)
	var b strings.Builder
	b.Grow(len(d))
	for i, r := range d {
		if norm.NFKD.PropertiesString(d[i:]).CCC() != 0 {
			continue
		}
		b.WriteRune(r)
	}
	words := strings.FieldsFunc(punct.Replace(lower(b.String())), isSpace)
	for _, art := range [...]string{"the", "le", "la", "les", "l'"} {
		if len(words) > 0 && words[0] == art {
			words = words[1:]
		}
	}
	return strings.Join(words, " ")
}

// punct holds no state that changes after construction.
var punct = strings.NewReplacer(
	"-", " ", "’", "'",
	".", " ", ",", " ", ";", " ", ":", " ", "!", " ", "?", " ", `"`, " ",
	"«", " ", "»", " ", "(", " ", ")", " ", "[", " ", "]", " ",
)

// normPred is kgscore's norm_pred: normName, then each word loses a
// trailing "es" after s, x, z or h, or else a trailing "s" (not "ss"), so
// that "meets" and "meet", "watches" and "watch" compare equal. Lengths
// count runes, as Python's len does.
func normPred(text string) string {
	words := strings.Split(normName(text), " ")
	for i, w := range words {
		n := len([]rune(w))
		switch {
		case n > 3 && strings.HasSuffix(w, "es"):
			if strings.IndexByte("sxzh", w[len(w)-3]) >= 0 {
				w = w[:len(w)-2]
			} else {
				w = w[:len(w)-1]
			}
		case n > 2 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
			w = w[:len(w)-1]
		}
		words[i] = w
	}
	return strings.Join(words, " ")
}

// predHead is kgscore's pred_head, for lenient matching: the first word
// of a normalised predicate, or the first two when the first is a form of
// "be" or "have" (as normPred leaves them: "was" is "wa", "has" is "ha").
func predHead(p string) string {
	words := strings.Fields(p)
	if len(words) == 0 {
		return ""
	}
	switch words[0] {
	case "is", "be", "are", "wa", "was", "ha", "has", "have":
		if len(words) > 1 {
			return words[0] + " " + words[1]
		}
	}
	return words[0]
}

// symmetric reports whether a normalised predicate states a relation that
// holds both ways (meets, talks with, ...), as kgscore's SYMMETRIC does.
func symmetric(p string) bool {
	switch p {
	case "meet", "talk with", "negotiate with", "agree with", "meet with",
		"speak with", "hold talk with", "exchange with":
		return true
	}
	return false
}

// nameMatch reports whether a normalised produced name p matches one of
// the normalised gold forms: equal, or either ends with the other as
// whole words. An empty name matches nothing.
func nameMatch(p string, forms []string) bool {
	if p == "" {
		return false
	}
	for _, g := range forms {
		if g == "" {
			continue
		}
		if p == g || strings.HasSuffix(p, " "+g) || strings.HasSuffix(g, " "+p) {
			return true
		}
	}
	return false
}

// docMatch reports whether a produced doc id names a gold doc: one ends
// with the other, so "corpus/a.txt" matches "a.txt" (and, as in kgscore,
// an empty id matches every doc).
func docMatch(produced, gold string) bool {
	return strings.HasSuffix(produced, gold) || strings.HasSuffix(gold, produced)
}

// isSpace is Python's str.isspace: Unicode White_Space plus the
// information separators U+001C to U+001F.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

// lower is Python's str.lower on text already decomposed: simple case
// mapping, except that a capital sigma ending a word becomes ς.
func lower(s string) string {
	if !strings.ContainsRune(s, 'Σ') {
		return strings.Map(unicode.ToLower, s)
	}
	rs := []rune(s)
	out := make([]rune, len(rs))
	for i, r := range rs {
		if r == 'Σ' && finalSigma(rs, i) {
			out[i] = 'ς'
			continue
		}
		out[i] = unicode.ToLower(r)
	}
	return string(out)
}

// finalSigma reports whether rs[i] is in Unicode's Final_Sigma context:
// a cased letter before it and none after it, skipping case-ignorable
// runes both ways.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !cased(rs[j]) {
		return false
	}
	j = i + 1
	for j < len(rs) && caseIgnorable(rs[j]) {
		j++
	}
	return j == len(rs) || !cased(rs[j])
}

// cased is Unicode's derived property Cased.
func cased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

// caseIgnorable is Unicode's derived property Case_Ignorable: marks,
// format characters, modifiers, and the Word_Break MidLetter, MidNumLet
// and Single_Quote runes.
func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '·', 0x0387, 0x055F, 0x05F4, 0x2018, 0x2019, 0x2024,
		0x2027, 0xFE13, 0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}
