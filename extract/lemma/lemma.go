package lemma

import (
	"bufio"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/extract/conllu"
	"github.com/kgraph/kg/extract/internal/binfmt"
	"github.com/kgraph/kg/extract/perceptron"
)

// rule turns a form into its lemma: optionally lowercase it, then
// replace the suffix Strip with Add.
type rule struct {
	Lower      bool
	Strip, Add string
}

func (r rule) applies(lower, form string) bool {
	if r.Lower {
		return strings.HasSuffix(lower, r.Strip)
	}
	return strings.HasSuffix(form, r.Strip)
}

func (r rule) apply(lower, form string) string {
	s := form
	if r.Lower {
		s = lower
	}
	return s[:len(s)-len(r.Strip)] + r.Add
}

// ruleFor returns the rule turning form into lemma, preferring one that
// keeps the case, and the shortest strip.
func ruleFor(form, lemma string) rule {
	lower := strings.ToLower(form)
	best := edit(form, lemma, false)
	if l := edit(lower, lemma, true); len(l.Strip) < len(best.Strip) {
		best = l
	}
	return best
}

func edit(s, lemma string, lower bool) rule {
	n := 0
	for n < len(s) && n < len(lemma) && s[n] == lemma[n] {
		n++
	}
	// Cut on a rune boundary of both.
	for n > 0 && (n < len(s) && !utf8.RuneStart(s[n]) || n < len(lemma) && !utf8.RuneStart(lemma[n])) {
		n--
	}
	return rule{Lower: lower, Strip: s[n:], Add: lemma[n:]}
}

// Lemmatizer gives lemmas. It is safe for concurrent use.
type Lemmatizer struct {
	lexicon map[[2]string]string // (form, UPOS) → lemma
	lower   map[[2]string]string // (lowercased form, UPOS) → lemma
	rules   []rule
	model   *perceptron.Model
}

// TrainOptions controls Train.
type TrainOptions struct {
	Iterations int   // passes over the training words; 0 means 10
	Seed       int64 // seeds shuffling; training is deterministic given it
	// MinRuleCount drops edit rules seen fewer times (0 means 2): rare
	// rules are mostly irregular words, which the lexicon holds.
	MinRuleCount int
	Log          func(format string, args ...any)
}

// Train learns a lemmatizer from the words of train, with their gold UPOS.
func Train(ctx context.Context, train []*conllu.Sentence, opts TrainOptions) (*Lemmatizer, error) {
	if opts.Iterations == 0 {
		opts.Iterations = 10
	}
	if opts.MinRuleCount == 0 {
		opts.MinRuleCount = 2
	}
	type key = [2]string
	counts := map[key]map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			if w.Lemma == "" || w.Lemma == "_" {
				continue
			}
			k := key{w.Form, w.UPOS}
			m := counts[k]
			if m == nil {
				m = map[string]int{}
				counts[k] = m
			}
			m[w.Lemma]++
		}
	}
	if len(counts) == 0 {
		return nil, errors.New("training lemmatizer: no lemmas")
	}
	l := &Lemmatizer{lexicon: map[key]string{}}
	for k, m := range counts {
		l.lexicon[k] = mostFrequent(m)
	}
	l.lower = lowered(l.lexicon)

	// Train on word types, not tokens: the model serves unknown words, so
	// frequent words should not dominate it.
	type example struct {
		form, upos string
		rule       rule
	}
	var exs []example
	ruleCount := map[rule]int{}
	for _, k := range slices.SortedFunc(mapKeys(l.lexicon), func(a, b key) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	}) {
		r := ruleFor(k[0], l.lexicon[k])
		exs = append(exs, example{k[0], k[1], r})
		ruleCount[r]++
	}
	ruleID := map[rule]int{}
	for _, r := range slices.SortedFunc(mapKeys(ruleCount), func(a, b rule) int {
		return cmp.Or(cmp.Compare(ruleCount[b], ruleCount[a]), cmpRule(a, b))
	}) {
		if ruleCount[r] < opts.MinRuleCount && len(l.rules) > 0 {
			continue
		}
		ruleID[r] = len(l.rules)
		l.rules = append(l.rules, r)
	}
	if len(l.rules) > 1<<15 {
		return nil, fmt.Errorf("training lemmatizer: %d rules", len(l.rules))
	}
	model := perceptron.New(len(l.rules))
	rng := rand.New(rand.NewPCG(uint64(opts.Seed), 0x1e44a))
	var fs []perceptron.Feature
	for it := range opts.Iterations {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("training lemmatizer: %w", err)
		}
		rng.Shuffle(len(exs), func(i, j int) { exs[i], exs[j] = exs[j], exs[i] })
		correct, total := 0, 0
		for _, ex := range exs {
			g, ok := ruleID[ex.rule]
			if !ok {
				continue
			}
			lower := strings.ToLower(ex.form)
			fs = features(fs[:0], ex.form, lower, ex.upos)
			guess := model.Predict(fs, func(c int) bool { return l.rules[c].applies(lower, ex.form) })
			model.Update(fs, g, guess)
			model.Tick()
			if g == guess {
				correct++
			}
			total++
		}
		if opts.Log != nil {
			opts.Log("lemma: pass %d: train types %.2f%%, %d rules", it+1, 100*float64(correct)/float64(total), len(l.rules))
		}
	}
	model.Average()
	l.model = model
	return l, nil
}

func cmpRule(a, b rule) int {
	if a.Lower != b.Lower {
		if a.Lower {
			return 1
		}
		return -1
	}
	return cmp.Or(cmp.Compare(a.Strip, b.Strip), cmp.Compare(a.Add, b.Add))
}

// lowered maps lowercased (form, UPOS) pairs to the lemma most of their
// cased variants have, for words seen only in another case.
func lowered(lexicon map[[2]string]string) map[[2]string]string {
	counts := map[[2]string]map[string]int{}
	for k, lemma := range lexicon {
		lk := [2]string{strings.ToLower(k[0]), k[1]}
		if counts[lk] == nil {
			counts[lk] = map[string]int{}
		}
		counts[lk][lemma]++
	}
	lower := make(map[[2]string]string, len(counts))
	for k, m := range counts {
		lower[k] = mostFrequent(m)
	}
	return lower
}

func mostFrequent(m map[string]int) string {
	best, bn := "", -1
	for s, n := range m {
		if n > bn || (n == bn && s < best) {
			best, bn = s, n
		}
	}
	return best
}

func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// Feature templates; the numbers are part of the stored model.
const (
	tBias = iota + 1
	tSuffix
	tSuffixPOS
	tPrefix
	tPOS
	tShape
	tLength
	tLowerPOS
)

const maxAffix = 6

// features describes an unknown word: its lowercased suffixes and
// prefixes, alone and with the tag, its case and length.
func features(fs []perceptron.Feature, form, lower, upos string) []perceptron.Feature {
	h := perceptron.NewHasher(tBias)
	fs = append(fs, h.Sum())
	pos := perceptron.NewHasher(tPOS)
	pos.String(upos)
	fs = append(fs, pos.Sum())
	s := lower
	for k := 1; k <= maxAffix && s != ""; k++ {
		_, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
		suf := lower[len(s):]
		h := perceptron.NewHasher(tSuffix)
		h.String(suf)
		fs = append(fs, h.Sum())
		h = perceptron.NewHasher(tSuffixPOS)
		h.String(suf)
		h.String(upos)
		fs = append(fs, h.Sum())
	}
	s = lower
	for k := 1; k <= 3 && s != ""; k++ {
		_, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		h := perceptron.NewHasher(tPrefix)
		h.String(lower[:len(lower)-len(s)])
		fs = append(fs, h.Sum())
	}
	shape := 0
	for i, r := range form {
		switch {
		case unicode.IsUpper(r) && i == 0:
			shape |= 1
		case unicode.IsUpper(r):
			shape |= 2
		case unicode.IsDigit(r):
			shape |= 4
		case !unicode.IsLetter(r):
			shape |= 8
		}
	}
	h = perceptron.NewHasher(tShape)
	h.Int(shape)
	h.String(upos)
	fs = append(fs, h.Sum())
	h = perceptron.NewHasher(tLength)
	h.Int(min(utf8.RuneCountInString(form), 12))
	fs = append(fs, h.Sum())
	h = perceptron.NewHasher(tLowerPOS)
	h.String(lower)
	h.String(upos)
	fs = append(fs, h.Sum())
	return fs
}

// Lemma returns the lemma of form tagged upos.
func (l *Lemmatizer) Lemma(form, upos string) string {
	if lemma, ok := l.lexicon[[2]string{form, upos}]; ok {
		return lemma
	}
	lower := strings.ToLower(form)
	if lemma, ok := l.lower[[2]string{lower, upos}]; ok {
		// "The" at the start of a sentence is "the"; keep a proper noun's case.
		return lemma
	}
	var buf [64]perceptron.Feature
	fs := features(buf[:0], form, lower, upos)
	c := l.model.Predict(fs, func(c int) bool { return l.rules[c].applies(lower, form) })
	if c < 0 {
		return form
	}
	return l.rules[c].apply(lower, form)
}

// Model returns the lemmatizer's perceptron, for reporting its size.
func (l *Lemmatizer) Model() *perceptron.Model { return l.model }

// Score counts correct lemmas.
type Score struct{ Words, Lemma int }

// Accuracy returns the share of words with the right lemma.
func (s Score) Accuracy() float64 {
	if s.Words == 0 {
		return 0
	}
	return float64(s.Lemma) / float64(s.Words)
}

// Evaluate lemmatizes the words of gold (gold tokenization), comparing
// lemmas exactly per word. tags gives each sentence's UPOS tags (a
// tagger's output); nil means the gold tags.
func Evaluate(l *Lemmatizer, gold []*conllu.Sentence, tags func(words []string) []string) Score {
	var sc Score
	var forms, upos []string
	for _, s := range gold {
		forms = forms[:0]
		upos = upos[:0]
		for _, w := range s.Words {
			forms = append(forms, w.Form)
			upos = append(upos, w.UPOS)
		}
		if tags != nil {
			upos = tags(forms)
		}
		for i, w := range s.Words {
			sc.Words++
			if l.Lemma(w.Form, upos[i]) == w.Lemma {
				sc.Lemma++
			}
		}
	}
	return sc
}

// The stored form: "KGLEM" version(byte=1); rules (n, then per rule a
// byte 1 if it lowercases, Strip, Add); lexicon (n, then form, UPOS,
// lemma, sorted); the perceptron model (ending with its checksum).
// Strings are a uvarint length and bytes; counts are uvarints. The
// lowercased lexicon is rebuilt on reading.
const (
	magic   = "KGLEM"
	version = 1
)

// WriteTo writes the lemmatizer.
func (l *Lemmatizer) WriteTo(w io.Writer) (int64, error) {
	var b []byte
	b = append(b, magic...)
	b = append(b, version)
	b = binary.AppendUvarint(b, uint64(len(l.rules)))
	for _, r := range l.rules {
		lo := byte(0)
		if r.Lower {
			lo = 1
		}
		b = append(b, lo)
		b = binfmt.AppendString(b, r.Strip)
		b = binfmt.AppendString(b, r.Add)
	}
	b = binary.AppendUvarint(b, uint64(len(l.lexicon)))
	for _, k := range slices.SortedFunc(mapKeys(l.lexicon), func(a, b [2]string) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	}) {
		b = binfmt.AppendString(b, k[0])
		b = binfmt.AppendString(b, k[1])
		b = binfmt.AppendString(b, l.lexicon[k])
	}
	n, err := w.Write(b)
	if err != nil {
		return int64(n), fmt.Errorf("writing lemmatizer: %w", err)
	}
	m, err := l.model.WriteTo(w)
	return int64(n) + m, err
}

// Read reads a lemmatizer written by WriteTo.
func Read(r io.Reader) (*Lemmatizer, error) {
	br, ok := r.(binfmt.Reader)
	if !ok {
		br = bufio.NewReader(r)
	}
	l, err := read(br)
	if err != nil {
		return nil, fmt.Errorf("reading lemmatizer: %w", err)
	}
	return l, nil
}

func read(r binfmt.Reader) (*Lemmatizer, error) {
	head := make([]byte, len(magic)+1)
	if _, err := io.ReadFull(r, head); err != nil {
		return nil, binfmt.NoEOF(err)
	}
	if string(head[:len(magic)]) != magic {
		return nil, fmt.Errorf("bad magic %q", head[:len(magic)])
	}
	if head[len(magic)] != version {
		return nil, fmt.Errorf("version %d, want %d", head[len(magic)], version)
	}
	n, err := binfmt.ReadCount(r, 1<<15)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	l := &Lemmatizer{lexicon: map[[2]string]string{}, lower: map[[2]string]string{}}
	for range n {
		lo, err := r.ReadByte()
		if err != nil || lo > 1 {
			return nil, fmt.Errorf("rules: case byte %d: %v", lo, binfmt.NoEOF(err))
		}
		strip, err1 := binfmt.ReadString(r)
		add, err2 := binfmt.ReadString(r)
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		l.rules = append(l.rules, rule{Lower: lo == 1, Strip: strip, Add: add})
	}
	if n, err = binfmt.ReadCount(r, 1<<26); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	for range n {
		form, err1 := binfmt.ReadString(r)
		upos, err2 := binfmt.ReadString(r)
		lemma, err3 := binfmt.ReadString(r)
		if err := errors.Join(err1, err2, err3); err != nil {
			return nil, fmt.Errorf("lexicon: %w", err)
		}
		l.lexicon[[2]string{form, upos}] = lemma
	}
	l.lower = lowered(l.lexicon)
	if l.model, err = perceptron.ReadModel(r); err != nil {
		return nil, err
	}
	if l.model.Classes() != len(l.rules) {
		return nil, fmt.Errorf("model has %d classes, lemmatizer %d rules", l.model.Classes(), len(l.rules))
	}
	return l, nil
}
