package tag

import (
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/extract/perceptron"
)

// word holds the hashes of one word computed once per sentence, so that
// the features of each decision are only cheap combinations.
type word struct {
	form, lower uint64
	suf         [4]uint64 // lowercased suffixes of 1..4 runes
	pre         [3]uint64 // lowercased prefixes of 1..3 runes
	shape       uint64
	flags       uint64
	amb         uint64 // UPOS tags the word took in training (bit mask)
}

const (
	flagHyphen = 1 << iota
	flagDigit
	flagUpperFirst
	flagAllUpper
	flagFirst
	flagLetter
)

func hashString(s string) uint64 {
	h := perceptron.NewHasher(0)
	h.String(s)
	return uint64(h.Sum())
}

func hashLower(s string) uint64 {
	h := perceptron.NewHasher(0)
	h.Lower(s)
	return uint64(h.Sum())
}

// describe fills w for form; amb is looked up by the caller.
func describe(w *word, form string, first bool) {
	w.form = hashString(form)
	w.lower = hashLower(form)
	// Suffixes hash the runes from the end, each longer one extending the
	// shorter one's hash; they only need to agree with themselves.
	h := perceptron.NewHasher(1)
	s := form
	for k := range len(w.suf) {
		if s == "" {
			w.suf[k] = 0
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
		h.Int(int(unicode.ToLower(r)))
		w.suf[k] = uint64(h.Sum())
	}
	h = perceptron.NewHasher(2)
	s = form
	for k := range len(w.pre) {
		if s == "" {
			w.pre[k] = 0
			continue
		}
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		h.Int(int(unicode.ToLower(r)))
		w.pre[k] = uint64(h.Sum())
	}
	// Shape: X x d or the character itself, runs collapsed ("Xxx" → "Xx",
	// "1,000" → "d,d").
	sh := perceptron.NewHasher(3)
	var flags uint64
	var last rune = -1
	upper, letters := 0, 0
	for i, r := range form {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			upper++
			letters++
			if i == 0 {
				flags |= flagUpperFirst
			}
		case unicode.IsLetter(r):
			c = 'x'
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			flags |= flagDigit
		default:
			c = r
			if r == '-' {
				flags |= flagHyphen
			}
		}
		if c != last {
			sh.Int(int(c))
			last = c
		}
	}
	if letters > 0 {
		flags |= flagLetter
		if upper == letters {
			flags |= flagAllUpper
		}
	}
	if first {
		flags |= flagFirst
	}
	w.shape = uint64(sh.Sum())
	w.flags = flags
}

// Feature templates; the numbers are part of the stored model.
const (
	tBias = iota + 1
	tLower
	tForm
	tSuf1 // .. tSuf4
	tSuf2
	tSuf3
	tSuf4
	tPre1 // .. tPre3
	tPre2
	tPre3
	tShape
	tFlags
	tP1
	tP2
	tP1P2
	tP1Lower
	tPrevLower
	tPrev2Lower
	tNextLower
	tNext2Lower
	tPrevSuf3
	tNextSuf3
	tAmb
	tNextAmb
	tNext2Amb
	tAmbNextAmb
	tNextShape
	tLowerNextLower
	tPrevLowerLower
	tP1Suf3
	tAmbP1
	tPrevShape
)

func f1(t uint32, a uint64) perceptron.Feature {
	h := perceptron.NewHasher(t)
	h.Uint64(a)
	return h.Sum()
}

func f2(t uint32, a, b uint64) perceptron.Feature {
	h := perceptron.NewHasher(t)
	h.Uint64(a)
	h.Uint64(b)
	return h.Sum()
}

// pad is the number of boundary words on each side of a sentence's
// words, so that neighbours never need a bounds check.
const pad = 2

// boundary marks w as a word before the start or after the end.
func boundary(w *word) {
	*w = word{form: 1, lower: 1, suf: [4]uint64{1, 1, 1, 1}, shape: 1, amb: 1 << 62}
}

// Templates of the second pass: the first pass's tags of the word and
// of the two after it, which a left-to-right pass cannot otherwise see.
const (
	tSelf = iota + 64
	tN1
	tN2
	tN1N2
	tP1N1
	tN1Lower
	tAmbN1
	tN1Suf3
	tSelfN1
	tSelfLower
)

// nStatic is the number of features wordFeatures gives each word.
const nStatic = 26

// wordFeatures appends the features of the word at ws[i] (i counts the
// padding) that do not depend on tags: both passes share them, so they
// are computed once per word.
func wordFeatures(fs []perceptron.Feature, ws []word, i int) []perceptron.Feature {
	w := &ws[i]
	prev, prev2, next, next2 := &ws[i-1], &ws[i-2], &ws[i+1], &ws[i+2]
	return append(fs,
		f1(tBias, 0),
		f1(tLower, w.lower),
		f1(tForm, w.form),
		f1(tSuf1, w.suf[0]),
		f1(tSuf2, w.suf[1]),
		f1(tSuf3, w.suf[2]),
		f1(tSuf4, w.suf[3]),
		f1(tPre1, w.pre[0]),
		f1(tPre2, w.pre[1]),
		f1(tPre3, w.pre[2]),
		f1(tShape, w.shape),
		f1(tFlags, w.flags),
		f1(tPrevLower, prev.lower),
		f1(tPrev2Lower, prev2.lower),
		f1(tNextLower, next.lower),
		f1(tNext2Lower, next2.lower),
		f1(tPrevSuf3, prev.suf[2]),
		f1(tNextSuf3, next.suf[2]),
		f1(tAmb, w.amb),
		f1(tNextAmb, next.amb),
		f1(tNext2Amb, next2.amb),
		f2(tAmbNextAmb, w.amb, next.amb),
		f1(tNextShape, next.shape),
		f2(tLowerNextLower, w.lower, next.lower),
		f2(tPrevLowerLower, prev.lower, w.lower),
		f2(tPrevShape, prev.shape, w.shape),
	)
}

// tagFeatures appends the features of ws[i] that depend on the two
// previous tags p1 and p2 (-1 when none).
func tagFeatures(fs []perceptron.Feature, ws []word, i int, p1, p2 int) []perceptron.Feature {
	w := &ws[i]
	t1, t2 := uint64(p1+2), uint64(p2+2)
	return append(fs,
		f1(tP1, t1),
		f1(tP2, t2),
		f2(tP1P2, t1, t2),
		f2(tP1Lower, t1, w.lower),
		f2(tP1Suf3, t1, w.suf[2]),
		f2(tAmbP1, w.amb, t1),
	)
}

// rightFeatures appends the second pass's features of ws[i]: self is the
// first pass's tag of the word, n1 and n2 those of the next two words
// (-1 past the end), p1 the second pass's previous tag.
func rightFeatures(fs []perceptron.Feature, ws []word, i int, p1, self, n1, n2 int) []perceptron.Feature {
	w := &ws[i]
	t1, s, x1, x2 := uint64(p1+2), uint64(self+2), uint64(n1+2), uint64(n2+2)
	return append(fs,
		f1(tSelf, s),
		f1(tN1, x1),
		f1(tN2, x2),
		f2(tN1N2, x1, x2),
		f2(tP1N1, t1, x1),
		f2(tN1Lower, x1, w.lower),
		f2(tAmbN1, w.amb, x1),
		f2(tN1Suf3, x1, w.suf[2]),
		f2(tSelfN1, s, x1),
		f2(tSelfLower, s, w.lower),
	)
}
