// Package ngram cuts text into the features of kg's language model:
// lower-case words and the character trigrams of each word padded with
// spaces. The model's generator and the detector share it so that they
// see text the same way.
package ngram

import (
	"unicode"
	"unicode/utf8"
)

// MaxWord is the longest word, in bytes, whose trigrams are counted;
// longer runs of letters are not words of any language worth modelling.
const MaxWord = 64

// Words calls fn for each word of text, in lower case, with whether it is
// written in the Latin script. A word is a run of letters and combining
// marks; apostrophes, hyphens, digits and punctuation separate words, so
// "l'homme" gives "l" and "homme". It stops after max words when max > 0.
func Words(text string, max int, fn func(word string, latin bool)) {
	var buf [MaxWord]byte
	n, latin, long := 0, true, false
	count := 0
	flush := func() bool {
		if n > 0 && !long {
			fn(string(buf[:n]), latin)
			count++
		}
		n, latin, long = 0, true, false
		return max <= 0 || count < max
	}
	for _, r := range text {
		if unicode.IsLetter(r) || n > 0 && unicode.IsMark(r) {
			if r >= 0x80 && unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
				latin = false
			}
			r = unicode.ToLower(r)
			if n+utf8.RuneLen(r) > MaxWord {
				long = true
				continue
			}
			n += utf8.EncodeRune(buf[n:], r)
			continue
		}
		if !flush() {
			return
		}
	}
	flush()
}

// Trigrams calls fn for each character trigram of word padded with a
// space at each end: "de" gives " de" and "de ". The slice passed to fn
// is only valid during the call; index maps with string(gram) to look it
// up without allocating.
func Trigrams(word string, fn func(gram []byte)) {
	var buf [MaxWord + 2]byte
	p := buf[:0]
	if len(word) > MaxWord {
		p = make([]byte, 0, len(word)+2)
	}
	p = append(p, ' ')
	p = append(p, word...)
	p = append(p, ' ')
	// starts holds the byte offsets of the last three runes.
	var starts [3]int
	k := 0
	for i, w := 0, 0; i < len(p); i += w {
		_, w = utf8.DecodeRune(p[i:])
		starts[k%3] = i
		k++
		if k >= 3 {
			fn(p[starts[(k-3)%3] : i+w])
		}
	}
}
