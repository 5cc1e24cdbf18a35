package perceptron

import (
	"cmp"
	"math"
	"slices"
)

// entry is one class weight of a feature during training. u accumulates
// c·δ for each update so that the average is w − u/c (Daumé's trick)
// without per-weight timestamps.
type entry struct {
	class uint16
	w     float32
	u     float64
}

// slot is one cell of the frozen open-addressed table: the feature and
// its run of sparse class weights in Model.cls / Model.w.
type slot struct {
	key        Feature
	start, end uint32 // end == 0 marks an empty slot
}

// Model is an averaged multiclass perceptron. A new Model trains; after
// Average it is frozen, read-only and safe for concurrent use.
type Model struct {
	classes int

	// Training state, nil once frozen.
	rows map[Feature][]entry
	c    float64 // instances seen, plus one

	// Frozen state.
	slots []slot
	mask  uint64
	cls   []uint16
	w     []float32
	nfeat int

	// dense replaces slots, cls and w for a model of at most
	// denseClasses classes (a parser's transitions): each cell holds
	// its feature's weights, so a feature costs one cache miss, not two.
	dense []denseSlot
}

// denseClasses bounds the classes of a model whose weights are kept
// beside their feature.
const denseClasses = 3

// denseSlot is one cell of a dense model's table.
type denseSlot struct {
	key  Feature
	w    [denseClasses]float32
	full bool
}

// densify moves a frozen model of few classes into the dense layout.
func (m *Model) densify() {
	if m.classes > denseClasses {
		return
	}
	m.dense = make([]denseSlot, len(m.slots))
	for i, s := range m.slots {
		if s.end == 0 {
			continue
		}
		d := &m.dense[i]
		d.key, d.full = s.key, true
		for j := s.start; j < s.end; j++ {
			d.w[m.cls[j]] = m.w[j]
		}
	}
	m.slots, m.cls, m.w = nil, nil, nil
}

// New returns an empty trainable model over classes classes.
func New(classes int) *Model {
	if classes <= 0 || classes > math.MaxUint16 {
		panic("perceptron: class count out of range")
	}
	return &Model{classes: classes, rows: make(map[Feature][]entry), c: 1}
}

// Classes returns the number of classes.
func (m *Model) Classes() int { return m.classes }

// Frozen reports whether the model has been averaged and is read-only.
func (m *Model) Frozen() bool { return m.rows == nil }

// Features returns the number of features with at least one weight.
func (m *Model) Features() int {
	if m.rows != nil {
		return len(m.rows)
	}
	return m.nfeat
}

// Weights returns the number of stored (feature, class) weights.
func (m *Model) Weights() int {
	if m.rows != nil {
		n := 0
		for _, r := range m.rows {
			n += len(r)
		}
		return n
	}
	n := len(m.w)
	for _, d := range m.dense {
		for _, w := range d.w {
			if w != 0 {
				n++
			}
		}
	}
	return n
}

// Score sets out[c] to the sum of the weights of feats for class c;
// out must have Classes() elements. A trainable model scores with its
// current (not averaged) weights, as perceptron training requires.
func (m *Model) Score(feats []Feature, out []float32) {
	out = out[:m.classes]
	clear(out)
	if m.rows != nil {
		for _, f := range feats {
			for _, e := range m.rows[f] {
				out[e.class] += e.w
			}
		}
		return
	}
	if m.dense != nil {
		for _, f := range feats {
			i := uint64(f) & m.mask
			for {
				s := &m.dense[i]
				if !s.full {
					break
				}
				if s.key == f {
					for c := range out {
						out[c] += s.w[c]
					}
					break
				}
				i = (i + 1) & m.mask
			}
		}
		return
	}
	// Two passes: the table probes first, each independent of the
	// others, so that the processor overlaps their cache misses; then
	// the sums. Reading each run's first weight in the first pass starts
	// its miss early too. Most of a parse's time is these misses.
	type run struct {
		first      float32
		class      uint16
		start, end uint32
	}
	var buf [64]run
	cls, w := m.cls, m.w
	for len(feats) > 0 {
		n := min(len(feats), len(buf))
		found := buf[:0]
		for _, f := range feats[:n] {
			i := uint64(f) & m.mask
			for {
				s := &m.slots[i]
				if s.end == 0 {
					break
				}
				if s.key == f {
					found = append(found, run{w[s.start], cls[s.start], s.start + 1, s.end})
					break
				}
				i = (i + 1) & m.mask
			}
		}
		for _, r := range found {
			out[r.class] += r.first
			cs, ws := cls[r.start:r.end], w[r.start:r.end]
			for j, c := range cs {
				out[c] += ws[j]
			}
		}
		feats = feats[n:]
	}
}

// Predict returns the best class for which allowed is true (all when
// allowed is nil), or -1 when none is allowed. Ties go to the lowest
// class, so prediction is deterministic.
func (m *Model) Predict(feats []Feature, allowed func(c int) bool) int {
	var buf [256]float32
	var out []float32
	if m.classes <= len(buf) {
		out = buf[:m.classes]
	} else {
		out = make([]float32, m.classes)
	}
	m.Score(feats, out)
	return Best(out, allowed)
}

// Best returns the index of the highest score for which allowed is true
// (all when nil), or -1 when none is allowed.
func Best(scores []float32, allowed func(c int) bool) int {
	best := -1
	var bs float32
	for c, s := range scores {
		if allowed != nil && !allowed(c) {
			continue
		}
		if best < 0 || s > bs {
			best, bs = c, s
		}
	}
	return best
}

// Update moves the weights of feats towards gold and away from guess by
// one; it does nothing when they are equal.
func (m *Model) Update(feats []Feature, gold, guess int) {
	m.UpdateBy(feats, gold, guess, 1)
}

// UpdateBy is Update with step delta (a cost-sensitive update).
func (m *Model) UpdateBy(feats []Feature, gold, guess int, delta float32) {
	if gold == guess {
		return
	}
	if m.rows == nil {
		panic("perceptron: Update on a frozen model")
	}
	for _, f := range feats {
		r := m.rows[f]
		r = bump(r, gold, delta, m.c)
		if guess >= 0 {
			r = bump(r, guess, -delta, m.c)
		}
		m.rows[f] = r
	}
}

func bump(r []entry, class int, d float32, c float64) []entry {
	for i := range r {
		if int(r[i].class) == class {
			r[i].w += d
			r[i].u += c * float64(d)
			return r
		}
	}
	return append(r, entry{class: uint16(class), w: d, u: c * float64(d)})
}

// Tick records that one training instance has been seen; averaging
// weighs each weight by how many instances it survived.
func (m *Model) Tick() { m.c++ }

// Average freezes the model with its averaged weights. It is idempotent;
// afterwards the model is read-only.
func (m *Model) Average() {
	if m.rows == nil {
		return
	}
	m.freeze(m.averaged(), m.classes)
	m.rows = nil
}

// Averaged returns a frozen copy with the averaged weights and leaves m
// trainable: for choosing the best epoch on development data.
func (m *Model) Averaged() *Model {
	if m.rows == nil {
		return m
	}
	a := &Model{classes: m.classes}
	a.freeze(m.averaged(), m.classes)
	return a
}

// feature is one feature's sparse weights, sorted by class.
type feature struct {
	key Feature
	cls []uint16
	w   []float32
}

func (m *Model) averaged() []feature {
	fs := make([]feature, 0, len(m.rows))
	for k, r := range m.rows {
		var f feature
		f.key = k
		for _, e := range slices.SortedFunc(slices.Values(r), func(a, b entry) int { return cmp.Compare(a.class, b.class) }) {
			v := float32(float64(e.w) - e.u/m.c)
			if v != 0 {
				f.cls = append(f.cls, e.class)
				f.w = append(f.w, v)
			}
		}
		if len(f.cls) > 0 {
			fs = append(fs, f)
		}
	}
	slices.SortFunc(fs, func(a, b feature) int { return cmp.Compare(a.key, b.key) })
	return fs
}

// freeze builds the inference table from features sorted by key.
func (m *Model) freeze(fs []feature, classes int) {
	m.classes = classes
	size := 2
	for size < 2*len(fs) {
		size *= 2
	}
	m.slots = make([]slot, size)
	m.mask = uint64(size - 1)
	n := 0
	for _, f := range fs {
		n += len(f.cls)
	}
	m.cls = make([]uint16, 0, n)
	m.w = make([]float32, 0, n)
	m.nfeat = 0
	for _, f := range fs {
		start := uint32(len(m.cls))
		for j, c := range f.cls {
			// Weights are kept at the precision they are stored with, so a
			// model read back predicts exactly as the one written.
			if w := fromHalf(toHalf(f.w[j])); w != 0 {
				m.cls = append(m.cls, c)
				m.w = append(m.w, w)
			}
		}
		if uint32(len(m.cls)) == start {
			continue
		}
		i := uint64(f.key) & m.mask
		for m.slots[i].end != 0 {
			i = (i + 1) & m.mask
		}
		m.slots[i] = slot{key: f.key, start: start, end: uint32(len(m.cls))}
		m.nfeat++
	}
	m.densify()
}

// features lists a frozen model's features sorted by key.
func (m *Model) features() []feature {
	fs := make([]feature, 0, m.nfeat)
	for _, d := range m.dense {
		if !d.full {
			continue
		}
		f := feature{key: d.key}
		for c := range m.classes {
			if d.w[c] != 0 {
				f.cls = append(f.cls, uint16(c))
				f.w = append(f.w, d.w[c])
			}
		}
		fs = append(fs, f)
	}
	for _, s := range m.slots {
		if s.end != 0 {
			fs = append(fs, feature{key: s.key, cls: m.cls[s.start:s.end], w: m.w[s.start:s.end]})
		}
	}
	slices.SortFunc(fs, func(a, b feature) int { return cmp.Compare(a.key, b.key) })
	return fs
}

// Prune drops averaged weights whose magnitude is below minAbs, and
// features left with none, to bound the model's size. It averages an
// unfrozen model first.
func (m *Model) Prune(minAbs float32) {
	m.Average()
	fs := m.features()
	out := fs[:0]
	for _, f := range fs {
		var g feature
		g.key = f.key
		for i, w := range f.w {
			if w >= minAbs || w <= -minAbs {
				g.cls = append(g.cls, f.cls[i])
				g.w = append(g.w, w)
			}
		}
		if len(g.cls) > 0 {
			out = append(out, g)
		}
	}
	m.freeze(out, m.classes)
}
