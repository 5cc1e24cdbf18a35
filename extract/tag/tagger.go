package tag

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/kgraph/kg/extract/conllu"
	"github.com/kgraph/kg/extract/internal/binfmt"
	"github.com/kgraph/kg/extract/perceptron"
)

// Tagger tags words with UPOS and XPOS. It is safe for concurrent use.
type Tagger struct {
	upos, xpos []string          // per class; a class is a (UPOS, XPOS) pair
	uposBit    []uint64          // per class, the bit of its UPOS in ambiguity masks
	dict       map[string]int    // frequent unambiguous form → class
	amb        map[uint64]uint64 // lowercased form hash → mask of UPOS seen
	model      *perceptron.Model // first pass
	right      *perceptron.Model // second pass, seeing the first's tags on the right; nil for one pass

	scratch sync.Pool // *state
}

// state is the per-call working memory of tagging.
type state struct {
	ws     []word
	static []perceptron.Feature // nStatic per word
	fs     []perceptron.Feature
	scores []float32
	dict   []int // per word, its dictionary class or -1
	first  []int // first-pass classes
	tags   []int // second-pass classes
}

// TrainOptions controls Train.
type TrainOptions struct {
	Iterations int   // passes over the training data; 0 means 10
	Seed       int64 // seeds the shuffling of sentences; training is deterministic given it
	// Dev, when set, is tagged after each pass and the pass with the best
	// UPOS accuracy is kept.
	Dev []*conllu.Sentence
	// UPOSOnly ignores XPOS: for treebanks whose XPOS tags are absent or
	// disagree with each other.
	UPOSOnly bool
	// SecondPass adds a second left-to-right pass that rereads each
	// sentence knowing the first pass's tags of the words to its right: a
	// little more accurate (+0.2 UPOS on English), but twice the size and
	// half the speed.
	SecondPass bool
	// Folds is the number of parts the training data is cut into so that
	// a second pass learns from first-pass tags of text the first pass
	// has not seen, as at run time; 0 means 5.
	Folds int
	// Log, when set, receives one line per pass.
	Log func(format string, args ...any)
}

// Dictionary thresholds: a form enters the dictionary when seen this often
// with one class at least this share of the time.
const (
	dictMinCount = 20
	dictMinShare = 0.995
	ambMinCount  = 3 // occurrences for a word's ambiguity class to count
)

// Train learns a tagger from train.
func Train(ctx context.Context, train []*conllu.Sentence, opts TrainOptions) (*Tagger, error) {
	if opts.Iterations == 0 {
		opts.Iterations = 10
	}
	if opts.Folds == 0 {
		opts.Folds = 5
	}
	logf := opts.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	t := &Tagger{dict: map[string]int{}, amb: map[uint64]uint64{}}
	classOf := map[[2]string]int{}
	uposBit := map[string]uint64{}
	gold := make([][]int, len(train))
	forms := make([][]string, len(train))
	formCounts := map[string]map[int]int{}
	ambs, ambCount := map[uint64]uint64{}, map[uint64]int{}
	for si, s := range train {
		gold[si] = make([]int, len(s.Words))
		forms[si] = make([]string, len(s.Words))
		for i, w := range s.Words {
			key := [2]string{w.UPOS, w.XPOS}
			if opts.UPOSOnly {
				key[1] = ""
			}
			c, ok := classOf[key]
			if !ok {
				c = len(t.upos)
				classOf[key] = c
				t.upos = append(t.upos, key[0])
				t.xpos = append(t.xpos, key[1])
				b, ok := uposBit[w.UPOS]
				if !ok {
					b = 1 << (len(uposBit) % 62)
					uposBit[w.UPOS] = b
				}
				t.uposBit = append(t.uposBit, b)
			}
			gold[si][i] = c
			forms[si][i] = w.Form
			m := formCounts[w.Form]
			if m == nil {
				m = map[int]int{}
				formCounts[w.Form] = m
			}
			m[c]++
			h := hashLower(w.Form)
			ambs[h] |= t.uposBit[c]
			ambCount[h]++
		}
	}
	// Words seen once would always carry their own tag as their
	// ambiguity class in training, unlike unknown words at run time.
	for h, m := range ambs {
		if ambCount[h] >= ambMinCount {
			t.amb[h] = m
		}
	}
	if len(t.upos) == 0 {
		return nil, errors.New("training tagger: no words")
	}
	for form, m := range formCounts {
		n, best, bc := 0, -1, 0
		for c, k := range m {
			n += k
			if k > bc || (k == bc && c < best) {
				best, bc = c, k
			}
		}
		if n >= dictMinCount && float64(bc) >= dictMinShare*float64(n) {
			t.dict[form] = best
		}
	}

	all := make([]int, len(train))
	for i := range all {
		all[i] = i
	}
	var eval func(*perceptron.Model) float64
	if opts.Dev != nil {
		eval = func(m *perceptron.Model) float64 {
			t.model = m
			return Evaluate(t, opts.Dev).UPOSAccuracy()
		}
	}
	p := trainer{t: t, forms: forms, gold: gold, iterations: opts.Iterations, seed: opts.Seed, eval: eval, log: logf, name: "tag"}
	model, best, err := p.train(ctx, all)
	if err != nil {
		return nil, err
	}
	t.model = model
	if !opts.SecondPass {
		return t, nil
	}

	// Jackknife: tag each fold with a first pass trained on the others.
	first, err := t.jackknife(ctx, forms, gold, opts.Folds, best, opts.Seed)
	if err != nil {
		return nil, err
	}
	if opts.Dev != nil {
		eval = func(m *perceptron.Model) float64 {
			t.right = m
			return Evaluate(t, opts.Dev).UPOSAccuracy()
		}
	}
	p = trainer{t: t, forms: forms, gold: gold, first: first, iterations: opts.Iterations, seed: opts.Seed + 1, eval: eval, log: logf, name: "tag, second pass"}
	if t.right, _, err = p.train(ctx, all); err != nil {
		return nil, err
	}
	return t, nil
}

// jackknife returns first-pass tags of every training sentence from
// models trained, iterations passes each, on the folds without it.
func (t *Tagger) jackknife(ctx context.Context, forms [][]string, gold [][]int, folds, iterations int, seed int64) ([][]int, error) {
	first := make([][]int, len(forms))
	errs := make([]error, folds)
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for f := range folds {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			var in, out []int
			for si := range forms {
				if si%folds == f {
					out = append(out, si)
				} else {
					in = append(in, si)
				}
			}
			p := trainer{t: t, forms: forms, gold: gold, iterations: iterations, seed: seed + int64(f) + 2}
			m, _, err := p.train(ctx, in)
			if err != nil {
				errs[f] = err
				return
			}
			st := &state{}
			for _, si := range out {
				first[si] = slices.Clone(t.classes(st, forms[si], m, nil))
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return first, nil
}

// trainer trains the model of one pass.
type trainer struct {
	t          *Tagger
	forms      [][]string
	gold       [][]int
	first      [][]int // first-pass tags, for the second pass; nil for the first
	iterations int
	seed       int64
	eval       func(*perceptron.Model) float64 // dev accuracy, or nil
	log        func(format string, args ...any)
	name       string
}

// train trains on the sentences numbered sents and returns the averaged
// model of the pass with the best dev accuracy (the last without eval)
// and how many passes it had.
func (p *trainer) train(ctx context.Context, sents []int) (*perceptron.Model, int, error) {
	t := p.t
	model := perceptron.New(len(t.upos))
	order := slices.Clone(sents)
	rng := rand.New(rand.NewPCG(uint64(p.seed), 0x7a67))
	st := &state{}
	var best *perceptron.Model
	bestAcc, bestIt := -1.0, 0
	for it := range p.iterations {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for k, si := range order {
			if k%512 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, 0, fmt.Errorf("training tagger: %w", err)
				}
			}
			words := p.forms[si]
			st.describe(t, words)
			p1, p2 := -1, -1
			for i := range words {
				g := p.gold[si][i]
				guess := st.dict[i]
				if guess < 0 {
					st.fs = st.features(i, p1, p2)
					if p.first != nil {
						f := p.first[si]
						st.fs = rightFeatures(st.fs, st.ws, i+pad, p1, f[i], at(f, i+1), at(f, i+2))
					}
					guess = model.Predict(st.fs, nil)
					model.Update(st.fs, g, guess)
					model.Tick()
				}
				if guess == g {
					correct++
				}
				total++
				p2, p1 = p1, guess
			}
		}
		msg := fmt.Sprintf("%s: pass %d: train %.2f%%, %d features", p.name, it+1, 100*float64(correct)/float64(total), model.Features())
		if p.eval != nil {
			m := model.Averaged()
			acc := p.eval(m)
			msg += fmt.Sprintf(", dev UPOS %.2f%%", 100*acc)
			if acc > bestAcc {
				best, bestAcc, bestIt = m, acc, it+1
			}
		}
		if p.log != nil {
			p.log("%s", msg)
		}
	}
	if best == nil {
		model.Average()
		best, bestIt = model, p.iterations
	}
	return best, bestIt, nil
}

// at returns tags[i], or -1 past the end.
func at(tags []int, i int) int {
	if i < len(tags) {
		return tags[i]
	}
	return -1
}

// describe fills s.ws, s.static and s.dict for the words of a sentence.
func (s *state) describe(t *Tagger, words []string) {
	n := len(words)
	s.ws = slices.Grow(s.ws[:0], n+2*pad)[:n+2*pad]
	for i := range pad {
		boundary(&s.ws[i])
		boundary(&s.ws[n+pad+i])
	}
	s.dict = slices.Grow(s.dict[:0], n)[:n]
	for i, w := range words {
		x := &s.ws[i+pad]
		describe(x, w, i == 0)
		x.amb = t.amb[x.lower]
		c, ok := t.dict[w]
		if !ok {
			c = -1
		}
		s.dict[i] = c
	}
	s.static = s.static[:0]
	for i := range words {
		s.static = wordFeatures(s.static, s.ws, i+pad)
	}
}

// features returns the first-pass features of word i given the two
// previous tags.
func (s *state) features(i, p1, p2 int) []perceptron.Feature {
	fs := append(s.fs[:0], s.static[i*nStatic:(i+1)*nStatic]...)
	return tagFeatures(fs, s.ws, i+pad, p1, p2)
}

// classes tags the words with first (and then right, unless nil) and
// returns their classes, in s's memory.
func (t *Tagger) classes(s *state, words []string, first, right *perceptron.Model) []int {
	s.describe(t, words)
	s.scores = slices.Grow(s.scores[:0], len(t.upos))[:len(t.upos)]
	n := len(words)
	s.first = slices.Grow(s.first[:0], n)[:n]
	p1, p2 := -1, -1
	for i := range words {
		c := s.dict[i]
		if c < 0 {
			s.fs = s.features(i, p1, p2)
			first.Score(s.fs, s.scores)
			c = perceptron.Best(s.scores, nil)
		}
		s.first[i] = c
		p2, p1 = p1, c
	}
	if right == nil {
		return s.first
	}
	s.tags = slices.Grow(s.tags[:0], n)[:n]
	p1, p2 = -1, -1
	for i := range words {
		c := s.dict[i]
		if c < 0 {
			s.fs = s.features(i, p1, p2)
			s.fs = rightFeatures(s.fs, s.ws, i+pad, p1, s.first[i], at(s.first, i+1), at(s.first, i+2))
			right.Score(s.fs, s.scores)
			c = perceptron.Best(s.scores, nil)
		}
		s.tags[i] = c
		p2, p1 = p1, c
	}
	return s.tags
}

// Tag returns the UPOS and XPOS tags of words. XPOS tags are "" when the
// training treebank had none.
func (t *Tagger) Tag(words []string) (upos, xpos []string) {
	upos = make([]string, len(words))
	xpos = make([]string, len(words))
	t.TagInto(words, upos, xpos)
	return upos, xpos
}

// TagInto is Tag writing into upos and xpos, which must be as long as
// words; it does not allocate once warm.
func (t *Tagger) TagInto(words []string, upos, xpos []string) {
	st, _ := t.scratch.Get().(*state)
	if st == nil {
		st = &state{}
	}
	defer t.scratch.Put(st)
	for i, c := range t.classes(st, words, t.model, t.right) {
		upos[i], xpos[i] = t.upos[c], t.xpos[c]
	}
}

// Model returns the tagger's perceptron, for reporting its size.
func (t *Tagger) Model() *perceptron.Model { return t.model }

// Score counts correctly tagged words.
type Score struct {
	Words, UPOS, XPOS int
}

// UPOSAccuracy returns the share of words with the right UPOS.
func (s Score) UPOSAccuracy() float64 { return ratio(s.UPOS, s.Words) }

// XPOSAccuracy returns the share of words with the right XPOS.
func (s Score) XPOSAccuracy() float64 { return ratio(s.XPOS, s.Words) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Evaluate tags the words of gold (gold tokenization) and counts the
// words whose tags match, per word as the CoNLL 2018 shared task does.
func Evaluate(t *Tagger, gold []*conllu.Sentence) Score {
	var sc Score
	var forms, upos, xpos []string
	for _, s := range gold {
		forms = forms[:0]
		for _, w := range s.Words {
			forms = append(forms, w.Form)
		}
		upos = slices.Grow(upos[:0], len(forms))[:len(forms)]
		xpos = slices.Grow(xpos[:0], len(forms))[:len(forms)]
		t.TagInto(forms, upos, xpos)
		for i, w := range s.Words {
			sc.Words++
			if upos[i] == w.UPOS {
				sc.UPOS++
			}
			if xpos[i] == w.XPOS {
				sc.XPOS++
			}
		}
	}
	return sc
}

// The stored form: "KGTAG" version (a byte, 2), classes (n, then per class
// UPOS and XPOS), dictionary (n, then form and class, sorted by form),
// ambiguity masks (n, then key as 8 bytes little-endian and mask, sorted
// by key), then the first pass's perceptron model (which ends with its
// checksum), a byte 1 if a second pass follows (0 if not) and its model.
// Strings are a uvarint length and bytes; counts are uvarints.
const (
	magic   = "KGTAG"
	version = 2
)

// WriteTo writes the tagger.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	var b []byte
	b = append(b, magic...)
	b = append(b, version)
	b = binary.AppendUvarint(b, uint64(len(t.upos)))
	for c := range t.upos {
		b = binfmt.AppendString(b, t.upos[c])
		b = binfmt.AppendString(b, t.xpos[c])
	}
	b = binary.AppendUvarint(b, uint64(len(t.dict)))
	for _, form := range slices.Sorted(mapKeys(t.dict)) {
		b = binfmt.AppendString(b, form)
		b = binary.AppendUvarint(b, uint64(t.dict[form]))
	}
	b = binary.AppendUvarint(b, uint64(len(t.amb)))
	for _, k := range slices.Sorted(mapKeys(t.amb)) {
		b = binary.LittleEndian.AppendUint64(b, k)
		b = binary.AppendUvarint(b, t.amb[k])
	}
	n, err := w.Write(b)
	if err != nil {
		return int64(n), fmt.Errorf("writing tagger: %w", err)
	}
	m, err := t.model.WriteTo(w)
	n64 := int64(n) + m
	if err != nil {
		return n64, err
	}
	second := []byte{0}
	if t.right != nil {
		second[0] = 1
	}
	k, err := w.Write(second)
	n64 += int64(k)
	if err != nil {
		return n64, fmt.Errorf("writing tagger: %w", err)
	}
	if t.right != nil {
		m, err = t.right.WriteTo(w)
		n64 += m
	}
	return n64, err
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

// Read reads a tagger written by WriteTo.
func Read(r io.Reader) (*Tagger, error) {
	br, ok := r.(binfmt.Reader)
	if !ok {
		br = bufio.NewReader(r)
	}
	t, err := read(br)
	if err != nil {
		return nil, fmt.Errorf("reading tagger: %w", err)
	}
	return t, nil
}

func read(r binfmt.Reader) (*Tagger, error) {
	head := make([]byte, len(magic)+1)
	if _, err := io.ReadFull(r, head); err != nil {
		return nil, err
	}
	if string(head[:len(magic)]) != magic {
		return nil, fmt.Errorf("bad magic %q", head[:len(magic)])
	}
	if head[len(magic)] != version {
		return nil, fmt.Errorf("version %d, want %d", head[len(magic)], version)
	}
	t := &Tagger{dict: map[string]int{}, amb: map[uint64]uint64{}}
	n, err := binfmt.ReadCount(r, 1<<16)
	if err != nil {
		return nil, fmt.Errorf("classes: %w", err)
	}
	bits := map[string]uint64{}
	for range n {
		u, err1 := binfmt.ReadString(r)
		x, err2 := binfmt.ReadString(r)
		if err := errors.Join(err1, err2); err != nil {
			return nil, fmt.Errorf("classes: %w", err)
		}
		b, ok := bits[u]
		if !ok {
			b = 1 << (len(bits) % 62)
			bits[u] = b
		}
		t.upos, t.xpos, t.uposBit = append(t.upos, u), append(t.xpos, x), append(t.uposBit, b)
	}
	if n, err = binfmt.ReadCount(r, 1<<24); err != nil {
		return nil, fmt.Errorf("dictionary: %w", err)
	}
	for range n {
		form, err := binfmt.ReadString(r)
		if err != nil {
			return nil, fmt.Errorf("dictionary: %w", err)
		}
		c, err := binary.ReadUvarint(r)
		if err != nil || c >= uint64(len(t.upos)) {
			return nil, fmt.Errorf("dictionary: class %d: %v", c, err)
		}
		t.dict[form] = int(c)
	}
	if n, err = binfmt.ReadCount(r, 1<<26); err != nil {
		return nil, fmt.Errorf("ambiguity classes: %w", err)
	}
	var key [8]byte
	for range n {
		if _, err := io.ReadFull(r, key[:]); err != nil {
			return nil, fmt.Errorf("ambiguity classes: %w", err)
		}
		m, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, fmt.Errorf("ambiguity classes: %w", err)
		}
		t.amb[binary.LittleEndian.Uint64(key[:])] = m
	}
	if t.model, err = perceptron.ReadModel(r); err != nil {
		return nil, err
	}
	if t.model.Classes() != len(t.upos) {
		return nil, fmt.Errorf("model has %d classes, tagger %d", t.model.Classes(), len(t.upos))
	}
	second, err := r.ReadByte()
	if err != nil || second > 1 {
		return nil, fmt.Errorf("second pass flag %d: %v", second, binfmt.NoEOF(err))
	}
	if second == 1 {
		if t.right, err = perceptron.ReadModel(r); err != nil {
			return nil, fmt.Errorf("second pass: %w", err)
		}
		if t.right.Classes() != len(t.upos) {
			return nil, fmt.Errorf("second pass model has %d classes, tagger %d", t.right.Classes(), len(t.upos))
		}
	}
	return t, nil
}
