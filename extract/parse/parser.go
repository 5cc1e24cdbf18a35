package parse

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"sync"

	"github.com/kgraph/kg/extract/conllu"
	"github.com/kgraph/kg/extract/perceptron"
)

// Parser is a trained dependency parser. It is safe for concurrent use.
type Parser struct {
	labels []string // relation names by id; 0 is "" (no relation), 1 is "root"
	// allowed[dir][id] says whether relation id was seen in direction
	// dir (left or right) in training.
	allowed [2][]bool
	trans   *perceptron.Model    // shift, left, right
	label   [2]*perceptron.Model // relation of a left or right arc

	pool sync.Pool // of *worker
}

const rootLabel = 1

// worker is the scratch space of one parse.
type worker struct {
	st     state
	sent   sentence
	feats  []perceptron.Feature
	scores []float32
	heads  []int
	labels []string
}

func (p *Parser) worker() *worker {
	if w, ok := p.pool.Get().(*worker); ok {
		return w
	}
	return &worker{scores: make([]float32, max(nMoves, len(p.labels)))}
}

// Parse fills heads (0 for the root word, else 1-based) and deprels for
// the words with tags upos; all four have the same length. The result is
// always a tree with a single root word.
func (p *Parser) Parse(words, upos []string, heads []int, deprels []string) {
	n := len(words)
	if n == 0 {
		return
	}
	w := p.worker()
	defer p.pool.Put(w)
	w.sent.load(words, upos)
	st := &w.st
	st.reset(n)
	for !st.terminal() {
		var ok [nMoves]bool
		st.legal(&ok)
		// A forced move (only the root on the stack, or an empty
		// buffer) needs no scoring: a good share of all moves.
		m := onlyMove(&ok)
		if m < 0 {
			w.feats = w.sent.features(st, w.feats[:0])
			sc := w.scores[:nMoves]
			p.trans.Score(w.feats, sc)
			m = bestMove(sc, &ok)
		}
		p.step(w, m, -1)
	}
	heads = heads[:n]
	deprels = deprels[:n]
	lifted := false
	for i := 1; i <= n; i++ {
		heads[i-1] = st.head[i]
		l := p.labels[st.label[i]]
		deprels[i-1] = l
		if strings.Contains(l, liftSep) {
			lifted = true
		}
	}
	if lifted {
		// deprojectivize works on node-indexed slices (0 is the root).
		w.heads = append(w.heads[:0], 0)
		w.heads = append(w.heads, heads...)
		w.labels = append(w.labels[:0], "")
		w.labels = append(w.labels, deprels...)
		deprojectivize(w.heads, w.labels)
		copy(heads, w.heads[1:])
		copy(deprels, w.labels[1:])
	}
}

// onlyMove returns the one legal move, or -1 when there are several.
func onlyMove(ok *[nMoves]bool) int {
	only := -1
	for m := range nMoves {
		if ok[m] {
			if only >= 0 {
				return -1
			}
			only = m
		}
	}
	return only
}

func bestMove(sc []float32, ok *[nMoves]bool) int {
	best := -1
	for m := range nMoves {
		if ok[m] && (best < 0 || sc[m] > sc[best]) {
			best = m
		}
	}
	return best
}

// step applies move m, choosing the relation of an arc with the label
// model unless gold (≥ 0) is given.
func (p *Parser) step(w *worker, m, gold int) {
	st := &w.st
	if m == shift {
		st.apply(shift, 0)
		return
	}
	d := st.s(0)
	h := st.buf(0)
	if m == right {
		h = st.s(1)
	}
	l := gold
	if l < 0 {
		l = p.predictLabel(w, h, d, m)
	}
	st.apply(m, l)
}

func (p *Parser) predictLabel(w *worker, h, d, m int) int {
	if h == 0 {
		return rootLabel
	}
	dir := m - left
	w.feats = w.sent.labelFeatures(&w.st, h, d, dir, w.feats[:0])
	sc := w.scores[:len(p.labels)]
	p.label[dir].Score(w.feats, sc)
	best := -1
	for c, ok := range p.allowed[dir] {
		if ok && (best < 0 || sc[c] > sc[best]) {
			best = c
		}
	}
	if best < 0 {
		return rootLabel // only when training saw no arc of this direction
	}
	return best
}

// TrainOptions control training.
type TrainOptions struct {
	Iterations int     // passes over the training data; 0 means 15
	Seed       uint64  // for shuffling and exploration
	Explore    float64 // probability of following a wrong prediction from the second pass on; 0 means 0.9, negative none
	// Dev, when set, is parsed after each pass; the pass with the best
	// LAS is kept.
	Dev []*conllu.Sentence
	// Prune, when positive, drops averaged weights smaller than it in
	// magnitude from the final model, trading a little accuracy for size
	// and load time.
	Prune float32
	// Log, when set, receives one line per pass.
	Log func(string)
}

// goldTree is a training sentence with its projectivized gold tree.
type goldTree struct {
	words, upos []string
	heads       []int // by node, 0 is the root
	labels      []int
}

// Train trains a parser on treebank sentences, using their UPOS tags.
func Train(ctx context.Context, train []*conllu.Sentence, opts TrainOptions) (*Parser, error) {
	if opts.Iterations <= 0 {
		opts.Iterations = 15
	}
	if opts.Explore == 0 {
		opts.Explore = 0.9
	}
	p := &Parser{labels: []string{"", "root"}}
	ids := map[string]int{"": 0, "root": rootLabel}
	var data []goldTree
	for _, s := range train {
		if err := s.Validate(); err != nil {
			return nil, fmt.Errorf("parse: training sentence %s: %w", s.ID(), err)
		}
		n := len(s.Words)
		heads := make([]int, n+1)
		labs := make([]string, n+1)
		g := goldTree{words: make([]string, n), upos: make([]string, n), labels: make([]int, n+1)}
		for i, w := range s.Words {
			heads[i+1], labs[i+1] = w.Head, w.Deprel
			g.words[i], g.upos[i] = w.Form, w.UPOS
		}
		projectivize(heads, labs)
		for i := 1; i <= n; i++ {
			if heads[i] == 0 {
				labs[i] = "root"
			}
			id, ok := ids[labs[i]]
			if !ok {
				id = len(p.labels)
				ids[labs[i]] = id
				p.labels = append(p.labels, labs[i])
			}
			g.labels[i] = id
		}
		g.heads = heads
		data = append(data, g)
	}
	p.allowed[0] = make([]bool, len(p.labels))
	p.allowed[1] = make([]bool, len(p.labels))
	for _, g := range data {
		for d := 1; d < len(g.heads); d++ {
			if h := g.heads[d]; h != 0 {
				if d < h {
					p.allowed[0][g.labels[d]] = true
				} else {
					p.allowed[1][g.labels[d]] = true
				}
			}
		}
	}
	p.trans = perceptron.New(nMoves)
	p.label = [2]*perceptron.Model{perceptron.New(len(p.labels)), perceptron.New(len(p.labels))}

	rng := rand.New(rand.NewPCG(opts.Seed, 0x6b67706172736521))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	w := &worker{scores: make([]float32, max(nMoves, len(p.labels)))}
	var best *Parser
	bestLAS := -1.0
	for it := range opts.Iterations {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("parse: training: %w", err)
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := 0.0
		if it > 0 && opts.Explore > 0 {
			explore = opts.Explore
		}
		var correct, total int
		for _, i := range order {
			c, t := p.trainSentence(w, &data[i], rng, explore)
			correct += c
			total += t
		}
		line := fmt.Sprintf("pass %d: train move accuracy %.2f%%", it+1, 100*float64(correct)/float64(max(total, 1)))
		if opts.Dev != nil {
			snap := p.snapshot()
			sc := Evaluate(snap, opts.Dev, nil)
			line += fmt.Sprintf(", dev UAS %.2f LAS %.2f", sc.UAS, sc.LAS)
			if sc.LAS > bestLAS {
				best, bestLAS = snap, sc.LAS
			}
		}
		if opts.Log != nil {
			opts.Log(line)
		}
	}
	if best == nil {
		best = p.snapshot()
	}
	if opts.Prune > 0 {
		best.Prune(opts.Prune)
	}
	return best, nil
}

// Prune drops weights smaller than minAbs in magnitude, making the model
// smaller and quicker to load at some cost in accuracy. It must not run
// concurrently with Parse.
func (p *Parser) Prune(minAbs float32) {
	p.trans.Prune(minAbs)
	p.label[0].Prune(minAbs)
	p.label[1].Prune(minAbs)
}

// snapshot returns a frozen parser with the averaged weights, passed
// through the stored form so that it parses exactly as a reloaded one.
func (p *Parser) snapshot() *Parser {
	q := &Parser{labels: p.labels, allowed: p.allowed, trans: p.trans.Averaged(),
		label: [2]*perceptron.Model{p.label[0].Averaged(), p.label[1].Averaged()}}
	var buf bytes.Buffer
	if _, err := q.WriteTo(&buf); err != nil {
		panic(err) // writing to memory cannot fail
	}
	r, err := Read(&buf)
	if err != nil {
		panic(fmt.Sprintf("parse: rereading a model just written: %v", err))
	}
	return r
}

// trainSentence runs the dynamic oracle over one sentence and returns
// the number of moves predicted right and the number of moves.
func (p *Parser) trainSentence(w *worker, g *goldTree, rng *rand.Rand, explore float64) (correct, total int) {
	w.sent.load(g.words, g.upos)
	st := &w.st
	st.reset(len(g.words))
	for !st.terminal() {
		var ok [nMoves]bool
		var cost [nMoves]int
		st.legal(&ok)
		st.costs(g.heads, &cost)
		w.feats = w.sent.features(st, w.feats[:0])
		sc := w.scores[:nMoves]
		p.trans.Score(w.feats, sc)
		guess := bestMove(sc, &ok)
		gold := -1
		for m := range nMoves {
			if cost[m] >= 0 && (gold < 0 || cost[m] < cost[gold] || (cost[m] == cost[gold] && sc[m] > sc[gold])) {
				gold = m
			}
		}
		total++
		if cost[guess] == cost[gold] {
			correct++
			gold = guess
		} else {
			p.trans.Update(w.feats, gold, guess)
		}
		p.trans.Tick()
		m := gold
		if guess != gold && explore > 0 && rng.Float64() < explore {
			m = guess
		}
		p.trainStep(w, g, m)
	}
	return correct, total
}

// trainStep applies move m, training the label model when the arc is a
// gold one; other arcs take the predicted relation.
func (p *Parser) trainStep(w *worker, g *goldTree, m int) {
	st := &w.st
	if m == shift {
		st.apply(shift, 0)
		return
	}
	d, h := st.s(0), st.buf(0)
	if m == right {
		h = st.s(1)
	}
	if h == 0 || g.heads[d] != h {
		p.step(w, m, -1)
		return
	}
	gl := g.labels[d]
	dir := m - left
	guess := p.predictLabel(w, h, d, m) // leaves the label features in w.feats
	if guess != gl {
		p.label[dir].Update(w.feats, gl, guess)
	}
	p.label[dir].Tick()
	st.apply(m, gl)
}

// The stored form of a Parser:
//
//	"KGPARSE" version(byte=1)
//	labels (uvarint count, then uvarint length + bytes each)
//	per direction (left, right): uvarint count of allowed ids, then the ids
//	the transition model, the left and right label models (perceptron format)
const (
	parserMagic   = "KGPARSE"
	parserVersion = 1
)

// ErrFormat is wrapped by every error about a malformed parser model.
var ErrFormat = errors.New("malformed parser model")

// WriteTo writes the parser's model.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	var b []byte
	b = append(b, parserMagic...)
	b = append(b, parserVersion)
	b = binary.AppendUvarint(b, uint64(len(p.labels)))
	for _, l := range p.labels {
		b = binary.AppendUvarint(b, uint64(len(l)))
		b = append(b, l...)
	}
	for dir := range 2 {
		var ids []int
		for id, ok := range p.allowed[dir] {
			if ok {
				ids = append(ids, id)
			}
		}
		b = binary.AppendUvarint(b, uint64(len(ids)))
		for _, id := range ids {
			b = binary.AppendUvarint(b, uint64(id))
		}
	}
	n, err := w.Write(b)
	total := int64(n)
	if err != nil {
		return total, fmt.Errorf("writing parser model: %w", err)
	}
	for _, m := range []*perceptron.Model{p.trans, p.label[0], p.label[1]} {
		k, err := m.WriteTo(w)
		total += k
		if err != nil {
			return total, fmt.Errorf("writing parser model: %w", err)
		}
	}
	return total, nil
}

// Read reads a parser written by WriteTo.
func Read(r io.Reader) (*Parser, error) {
	br, ok := r.(interface {
		io.Reader
		io.ByteReader
	})
	if !ok {
		br = bufio.NewReader(r)
	}
	head := make([]byte, len(parserMagic)+1)
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, fmt.Errorf("reading parser model: %w: header: %w", ErrFormat, err)
	}
	if string(head[:len(parserMagic)]) != parserMagic {
		return nil, fmt.Errorf("reading parser model: %w: bad magic %q", ErrFormat, head[:len(parserMagic)])
	}
	if v := head[len(parserMagic)]; v != parserVersion {
		return nil, fmt.Errorf("reading parser model: %w: version %d, want %d", ErrFormat, v, parserVersion)
	}
	nl, err := binary.ReadUvarint(br)
	if err != nil || nl < 2 || nl > 1<<16 {
		return nil, fmt.Errorf("reading parser model: %w: label count %d: %v", ErrFormat, nl, err)
	}
	p := &Parser{labels: make([]string, nl)}
	for i := range p.labels {
		n, err := binary.ReadUvarint(br)
		if err != nil || n > 1<<10 {
			return nil, fmt.Errorf("reading parser model: %w: label %d: %v", ErrFormat, i, err)
		}
		s := make([]byte, n)
		if _, err := io.ReadFull(br, s); err != nil {
			return nil, fmt.Errorf("reading parser model: %w: label %d: %w", ErrFormat, i, err)
		}
		p.labels[i] = string(s)
	}
	for dir := range 2 {
		p.allowed[dir] = make([]bool, nl)
		n, err := binary.ReadUvarint(br)
		if err != nil || n > nl {
			return nil, fmt.Errorf("reading parser model: %w: allowed relations: %v", ErrFormat, err)
		}
		for range n {
			id, err := binary.ReadUvarint(br)
			if err != nil || id >= nl {
				return nil, fmt.Errorf("reading parser model: %w: allowed relation %d: %v", ErrFormat, id, err)
			}
			p.allowed[dir][id] = true
		}
	}
	models := make([]*perceptron.Model, 3)
	for i := range models {
		m, err := perceptron.ReadModel(br)
		if err != nil {
			return nil, fmt.Errorf("reading parser model: %w: %w", ErrFormat, err)
		}
		models[i] = m
	}
	if models[0].Classes() != nMoves || models[1].Classes() != int(nl) || models[2].Classes() != int(nl) {
		return nil, fmt.Errorf("reading parser model: %w: class counts do not match", ErrFormat)
	}
	p.trans, p.label = models[0], [2]*perceptron.Model{models[1], models[2]}
	return p, nil
}
