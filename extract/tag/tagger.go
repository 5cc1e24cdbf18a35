package tag

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/kgraph/kg/extract/conllu"
	"github.com/kgraph/kg/extract/perceptron"
)

// Tagger tags words with UPOS and XPOS. It is safe for concurrent use.
type Tagger struct {
	upos, xpos []string          // per class; a class is a (UPOS, XPOS) pair
	uposBit    []uint64          // per class, the bit of its UPOS in ambiguity masks
	dict       map[string]int    // frequent unambiguous form → class
	amb        map[uint64]uint64 // lowercased form hash → mask of UPOS seen
	model      *perceptron.Model

	scratch sync.Pool // *state
}

// state is the per-call working memory of tagging.
type state struct {
	ws     []word
	fs     []perceptron.Feature
	scores []float32
	tags   []int
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
	// Log, when set, receives one line per pass.
	Log func(format string, args ...any)
}

// Dictionary thresholds: a form enters the dictionary when seen this often
// with one class at least this share of the time.
const (
	dictMinCount = 20
	dictMinShare = 0.995
)

// Train learns a tagger from train.
func Train(ctx context.Context, train []*conllu.Sentence, opts TrainOptions) (*Tagger, error) {
	if opts.Iterations == 0 {
		opts.Iterations = 10
	}
	t := &Tagger{dict: map[string]int{}, amb: map[uint64]uint64{}}
	classOf := map[[2]string]int{}
	uposBit := map[string]uint64{}
	gold := make([][]int, len(train))
	formCounts := map[string]map[int]int{}
	for si, s := range train {
		gold[si] = make([]int, len(s.Words))
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
			m := formCounts[w.Form]
			if m == nil {
				m = map[int]int{}
				formCounts[w.Form] = m
			}
			m[c]++
			t.amb[hashLower(w.Form)] |= t.uposBit[c]
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

	model := perceptron.New(len(t.upos))
	t.model = model
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(uint64(opts.Seed), 0x7a67))
	st := &state{}
	var best *perceptron.Model
	bestAcc := -1.0
	for it := range opts.Iterations {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for k, si := range order {
			if k%512 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("training tagger: %w", err)
				}
			}
			s := train[si]
			st.describe(t, s.Words)
			p1, p2 := -1, -1
			for i := range s.Words {
				g := gold[si][i]
				guess, ok := t.dict[s.Words[i].Form]
				if !ok {
					st.fs = features(st.fs[:0], st.ws, i+pad, p1, p2)
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
		msg := fmt.Sprintf("tag: pass %d: train %.2f%%, %d features", it+1, 100*float64(correct)/float64(total), model.Features())
		if opts.Dev != nil {
			t.model = model.Averaged()
			acc := Evaluate(t, opts.Dev).UPOSAccuracy()
			msg += fmt.Sprintf(", dev UPOS %.2f%%", 100*acc)
			if acc > bestAcc {
				best, bestAcc = t.model, acc
			}
		}
		if opts.Log != nil {
			opts.Log("%s", msg)
		}
	}
	if best == nil {
		model.Average()
		best = model
	}
	t.model = best
	return t, nil
}

// describe fills s.ws with the words of a sentence plus padding.
func (s *state) describe(t *Tagger, words []conllu.Word) {
	s.ws = slices.Grow(s.ws[:0], len(words)+2*pad)[:len(words)+2*pad]
	for i := range pad {
		boundary(&s.ws[i])
		boundary(&s.ws[len(words)+pad+i])
	}
	for i, w := range words {
		x := &s.ws[i+pad]
		describe(x, w.Form, i == 0)
		x.amb = t.amb[x.lower]
	}
}

func (s *state) describeForms(t *Tagger, words []string) {
	s.ws = slices.Grow(s.ws[:0], len(words)+2*pad)[:len(words)+2*pad]
	for i := range pad {
		boundary(&s.ws[i])
		boundary(&s.ws[len(words)+pad+i])
	}
	for i, w := range words {
		x := &s.ws[i+pad]
		describe(x, w, i == 0)
		x.amb = t.amb[x.lower]
	}
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
	st.describeForms(t, words)
	st.scores = slices.Grow(st.scores[:0], t.model.Classes())[:t.model.Classes()]
	p1, p2 := -1, -1
	for i, w := range words {
		c, ok := t.dict[w]
		if !ok {
			st.fs = features(st.fs[:0], st.ws, i+pad, p1, p2)
			t.model.Score(st.fs, st.scores)
			c = perceptron.Best(st.scores, nil)
		}
		upos[i], xpos[i] = t.upos[c], t.xpos[c]
		p2, p1 = p1, c
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

// The stored form: "KGTAG" version(byte=1), classes (n, then per class
// UPOS and XPOS), dictionary (n, then form and class, sorted by form),
// ambiguity masks (n, then key as 8 bytes little-endian and mask, sorted
// by key), then the perceptron model (which ends with its checksum).
// Strings are a uvarint length and bytes; counts are uvarints.
const (
	magic   = "KGTAG"
	version = 1
)

// WriteTo writes the tagger.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	var b []byte
	b = append(b, magic...)
	b = append(b, version)
	b = binary.AppendUvarint(b, uint64(len(t.upos)))
	for c := range t.upos {
		b = appendString(b, t.upos[c])
		b = appendString(b, t.xpos[c])
	}
	b = binary.AppendUvarint(b, uint64(len(t.dict)))
	for _, form := range slices.Sorted(mapKeys(t.dict)) {
		b = appendString(b, form)
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
	return int64(n) + m, err
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

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// Read reads a tagger written by WriteTo.
func Read(r io.Reader) (*Tagger, error) {
	br, ok := r.(byteReader)
	if !ok {
		br = bufio.NewReader(r)
	}
	t, err := read(br)
	if err != nil {
		return nil, fmt.Errorf("reading tagger: %w", err)
	}
	return t, nil
}

type byteReader interface {
	io.Reader
	io.ByteReader
}

func read(r byteReader) (*Tagger, error) {
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
	n, err := readCount(r, 1<<16)
	if err != nil {
		return nil, fmt.Errorf("classes: %w", err)
	}
	bits := map[string]uint64{}
	for range n {
		u, err1 := readString(r)
		x, err2 := readString(r)
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
	if n, err = readCount(r, 1<<24); err != nil {
		return nil, fmt.Errorf("dictionary: %w", err)
	}
	for range n {
		form, err := readString(r)
		if err != nil {
			return nil, fmt.Errorf("dictionary: %w", err)
		}
		c, err := binary.ReadUvarint(r)
		if err != nil || c >= uint64(len(t.upos)) {
			return nil, fmt.Errorf("dictionary: class %d: %v", c, err)
		}
		t.dict[form] = int(c)
	}
	if n, err = readCount(r, 1<<26); err != nil {
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
	return t, nil
}

func readCount(r io.ByteReader, max uint64) (uint64, error) {
	n, err := binary.ReadUvarint(r)
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if err == nil && n > max {
		err = fmt.Errorf("count %d out of range", n)
	}
	return n, err
}

func readString(r byteReader) (string, error) {
	n, err := readCount(r, 1<<16)
	if err != nil {
		return "", err
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", err
	}
	return string(b), nil
}
