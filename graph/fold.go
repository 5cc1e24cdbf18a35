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
