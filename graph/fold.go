package graph

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold returns the form under which names are compared: lower case, accents
// removed, apostrophes unified, hyphens and runs of spaces collapsed to one
// space. "Sergueï  Lavrov" and "sergue-i lavrov" differ; "Jean-Marc" and
// "jean marc" do not.
func Fold(s string) string {
	if f, ok := foldASCII(s); ok {
		return f
	}
	if f, ok := foldLatin(s); ok {
		return f
	}
	return foldUnicode(s)
}

// latinEnd bounds the runes foldLatin handles: Latin-1, Latin
// Extended-A and -B, the letters of French, Spanish, German, Polish,
// Czech or Turkish names.
const latinEnd = 0x250

// latinFolds is each such rune folded on its own as foldUnicode folds
// it, "" for a separator. Built once from the general path, so both
// agree by construction.
var latinFolds = sync.OnceValue(func() *[latinEnd]string {
	var t [latinEnd]string
	for r := rune(0); r < latinEnd; r++ {
		t[r] = foldUnicode("x" + string(r))[1:]
	}
	return &t
})

// foldLatin folds s with a table when all its runes are below latinEnd,
// apostrophes or separators: no normalization, one allocation.
func foldLatin(s string) (string, bool) {
	t := latinFolds()
	b := make([]byte, 0, len(s))
	space := false
	for _, r := range s {
		var f string
		switch {
		case r < latinEnd:
			f = t[r]
		case apostrophe(r):
			f = "'"
		case separator(r):
		default:
			return "", false
		}
		if f == "" {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, f...)
	}
	return string(b), true
}

// separator reports a rune Fold reads as a space between words: a
// hyphen, a dash, an underscore or a space.
func separator(r rune) bool {
	return r == '-' || r == '‐' || r == '‑' || r == '–' || unicode.IsSpace(r) || r == '_'
}

// apostrophe reports a rune Fold writes as a straight apostrophe.
func apostrophe(r rune) bool {
	return r == '’' || r == 'ʼ' || r == '‘'
}

func foldUnicode(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case separator(r):
			space = b.Len() > 0
			continue
		case apostrophe(r):
			r = '\''
		case r == 'œ' || r == 'Œ':
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString("oe")
			continue
		case r == 'æ' || r == 'Æ':
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString("ae")
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// foldASCII folds s without Unicode normalization when it is all ASCII,
// which most names and words are; ok is false otherwise.
func foldASCII(s string) (string, bool) {
	clean := true // already folded: no upper case, no separators to collapse
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return "", false
		case c >= 'A' && c <= 'Z', c == '-', c == '_', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			clean = false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			clean = false
		}
	}
	if clean {
		return s, true
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-' || c == '_' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			space = len(b) > 0
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return string(b), true
}
