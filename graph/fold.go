package graph

import (
	"strings"
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
	return foldUnicode(s)
}

func foldUnicode(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '-' || r == '‐' || r == '‑' || r == '–' || unicode.IsSpace(r) || r == '_':
			space = b.Len() > 0
			continue
		case r == '’' || r == 'ʼ' || r == '‘':
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
