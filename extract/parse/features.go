package parse

import "github.com/kgraph/kg/extract/perceptron"

// Feature templates in the style of Zhang & Nivre (2011), adapted to
// arc-hybrid: s0..s2 are stack words, b0..b2 buffer words; l and r mark
// leftmost and rightmost dependents (l2, r2 the second ones). Atoms are
// the lowercased word (w), the UPOS tag (p) and the relation (l).

// Atom values for missing nodes and the root; real words use hashes.
const (
	atomNone uint64 = 0x9e3779b97f4a7c15
	atomRoot uint64 = 0xc2b2ae3d27d4eb4f
)

// sentence holds the per-word atom hashes of the sentence being parsed.
type sentence struct {
	w, p []uint64 // indexed by node; 0 is the root
}

func (s *sentence) load(words, upos []string) {
	n := len(words)
	if cap(s.w) < n+1 {
		s.w = make([]uint64, n+1)
		s.p = make([]uint64, n+1)
	}
	s.w, s.p = s.w[:n+1], s.p[:n+1]
	s.w[0], s.p[0] = atomRoot, atomRoot
	for i := range n {
		h := perceptron.NewHasher(0)
		h.Lower(words[i])
		s.w[i+1] = uint64(h.Sum())
		h = perceptron.NewHasher(1)
		h.String(upos[i])
		s.p[i+1] = uint64(h.Sum())
	}
}

// featurizer appends features to out; t numbers the templates in the
// order they are added, so the order of calls below is the format.
type featurizer struct {
	out []perceptron.Feature
	t   uint32
}

func (f *featurizer) add(vals ...uint64) {
	h := perceptron.NewHasher(f.t)
	for _, v := range vals {
		h.Uint64(v)
	}
	f.out = append(f.out, h.Sum())
	f.t++
}

func capped(d, max int) uint64 {
	if d > max {
		d = max
	}
	if d < 0 {
		d = 0
	}
	return uint64(d)
}

// nodeAtoms returns the word, tag and label atoms of node x (-1: none).
func (s *sentence) atoms(st *state, x int) (w, p, l uint64) {
	if x < 0 {
		return atomNone, atomNone, atomNone
	}
	return s.w[x], s.p[x], uint64(st.label[x] + 1)
}

// child returns a dependent of x, or -1.
func child(x int, deps []int) int {
	if x < 0 || deps[x] == 0 {
		return -1
	}
	return deps[x]
}

// features appends the transition features of st to out.
func (s *sentence) features(st *state, out []perceptron.Feature) []perceptron.Feature {
	f := featurizer{out: out, t: 100}
	s0, s1, s2 := st.s(0), st.s(1), st.s(2)
	b0, b1, b2 := st.buf(0), st.buf(1), st.buf(2)
	s0w, s0p, _ := s.atoms(st, s0)
	s1w, s1p, _ := s.atoms(st, s1)
	_, s2p, _ := s.atoms(st, s2)
	b0w, b0p, _ := s.atoms(st, b0)
	b1w, b1p, _ := s.atoms(st, b1)
	b2w, b2p, _ := s.atoms(st, b2)

	s0l, s0l2 := child(s0, st.l1), child(s0, st.l2)
	s0r, s0r2 := child(s0, st.r1), child(s0, st.r2)
	s1l, s1r := child(s1, st.l1), child(s1, st.r1)
	b0l, b0l2 := child(b0, st.l1), child(b0, st.l2)
	s0lw, s0lp, s0ll := s.atoms(st, s0l)
	_, s0l2p, s0l2l := s.atoms(st, s0l2)
	s0rw, s0rp, s0rl := s.atoms(st, s0r)
	_, s0r2p, s0r2l := s.atoms(st, s0r2)
	s1lw, s1lp, s1ll := s.atoms(st, s1l)
	s1rw, s1rp, s1rl := s.atoms(st, s1r)
	b0lw, b0lp, b0ll := s.atoms(st, b0l)
	_, b0l2p, b0l2l := s.atoms(st, b0l2)

	// Single words.
	f.add(s0w, s0p)
	f.add(s0w)
	f.add(s0p)
	f.add(s1w, s1p)
	f.add(s1w)
	f.add(s1p)
	f.add(b0w, b0p)
	f.add(b0w)
	f.add(b0p)
	f.add(b1w, b1p)
	f.add(b1w)
	f.add(b1p)
	f.add(b2w, b2p)
	f.add(b2p)
	f.add(s2p)

	// Pairs.
	f.add(s0w, s0p, b0w, b0p)
	f.add(s0w, s0p, b0w)
	f.add(s0w, b0w, b0p)
	f.add(s0w, s0p, b0p)
	f.add(s0p, b0w, b0p)
	f.add(s0w, b0w)
	f.add(s0p, b0p)
	f.add(b0p, b1p)
	f.add(s1w, s1p, s0w, s0p)
	f.add(s1w, s1p, s0p)
	f.add(s1p, s0w, s0p)
	f.add(s1w, s0w)
	f.add(s1p, s0p)
	f.add(s1p, b0p)
	f.add(s1w, b0w)
	f.add(b0w, b1w)
	f.add(b0w, b1p)
	f.add(b0p, b1w)

	// Triples of tags.
	f.add(b0p, b1p, b2p)
	f.add(s0p, b0p, b1p)
	f.add(s1p, s0p, b0p)
	f.add(s0p, s0lp, b0p)
	f.add(s0p, s0rp, b0p)
	f.add(s0p, b0p, b0lp)
	f.add(s1p, s0p, s0lp)
	f.add(s1p, s0p, s0rp)
	f.add(s1p, s1lp, s0p)
	f.add(s1p, s1rp, s0p)
	f.add(s2p, s1p, s0p)
	f.add(s2p, s1p, b0p)
	f.add(s1p, s0p, b0p, b1p)

	// Distance.
	d0 := uint64(15)
	if s0 >= 0 && b0 >= 0 {
		d0 = capped(b0-s0, 6)
	}
	d1 := uint64(15)
	if s1 >= 0 && s0 >= 0 {
		d1 = capped(s0-s1, 6)
	}
	f.add(s0w, d0)
	f.add(s0p, d0)
	f.add(b0w, d0)
	f.add(b0p, d0)
	f.add(s0w, b0w, d0)
	f.add(s0p, b0p, d0)
	f.add(s1p, s0p, d1)
	f.add(s1w, s0w, d1)
	f.add(s1p, s0w, d1)
	f.add(s1w, s0p, d1)

	// Valency.
	vl := func(x int) uint64 {
		if x < 0 {
			return 15
		}
		return capped(st.nl[x], 4)
	}
	vr := func(x int) uint64 {
		if x < 0 {
			return 15
		}
		return capped(st.nr[x], 4)
	}
	f.add(s0w, vr(s0))
	f.add(s0p, vr(s0))
	f.add(s0w, vl(s0))
	f.add(s0p, vl(s0))
	f.add(s1w, vr(s1))
	f.add(s1p, vr(s1))
	f.add(s1p, vl(s1))
	f.add(b0w, vl(b0))
	f.add(b0p, vl(b0))

	// Dependents.
	f.add(s0lw)
	f.add(s0lp)
	f.add(s0ll)
	f.add(s0rw)
	f.add(s0rp)
	f.add(s0rl)
	f.add(s1lw)
	f.add(s1lp)
	f.add(s1ll)
	f.add(s1rw)
	f.add(s1rp)
	f.add(s1rl)
	f.add(b0lw)
	f.add(b0lp)
	f.add(b0ll)
	f.add(s0l2p)
	f.add(s0l2l)
	f.add(s0r2p)
	f.add(s0r2l)
	f.add(b0l2p)
	f.add(b0l2l)
	f.add(s0p, s0ll, s0l2l)
	f.add(s0p, s0rl, s0r2l)
	f.add(b0p, b0ll, b0l2l)
	f.add(s0p, s0lp, s0l2p)
	f.add(s0p, s0rp, s0r2p)
	f.add(b0p, b0lp, b0l2p)
	f.add(s0w, s0ll)
	f.add(s0w, s0rl)
	f.add(s0p, s0ll, b0p)
	f.add(s0p, s0rl, b0p)
	f.add(s1p, s1rl, s0p)
	f.add(b0w, b0ll)
	f.add(s0p, s0rl, b0p, b0ll)
	return f.out
}

// labelFeatures appends the features for labelling the arc h → d just
// chosen; dir is left or right. Every template is conjoined with dir
// because relations depend on it (nsubj on the left, obj on the right).
func (s *sentence) labelFeatures(st *state, h, d, dir int, out []perceptron.Feature) []perceptron.Feature {
	f := featurizer{out: out, t: 1000 + uint32(dir)*200}
	hw, hp, _ := s.atoms(st, h)
	dw, dp, _ := s.atoms(st, d)
	dlw, dlp, dll := s.atoms(st, child(d, st.l1))
	drw, drp, drl := s.atoms(st, child(d, st.r1))
	_, hlp, hll := s.atoms(st, child(h, st.l1))
	_, hrp, hrl := s.atoms(st, child(h, st.r1))
	_, dl2p, dl2l := s.atoms(st, child(d, st.l2))
	_, dr2p, dr2l := s.atoms(st, child(d, st.r2))
	prev := func(x int) uint64 {
		if x-1 < 0 {
			return atomNone
		}
		return s.p[x-1]
	}
	next := func(x int) uint64 {
		if x < 0 || x+1 >= len(s.p) {
			return atomNone
		}
		return s.p[x+1]
	}
	dist := h - d
	if dist < 0 {
		dist = -dist
	}
	dd := capped(dist, 10)

	f.add(dw)
	f.add(dp)
	f.add(dw, dp)
	f.add(hw)
	f.add(hp)
	f.add(hw, hp)
	f.add(dw, hp)
	f.add(dp, hw)
	f.add(dp, hp)
	f.add(dw, hw)
	f.add(dw, dp, hw, hp)
	f.add(dp, hp, dd)
	f.add(dw, dd)
	f.add(dp, dll)
	f.add(dp, drl)
	f.add(dp, dll, drl)
	f.add(dp, dlp)
	f.add(dp, drp)
	f.add(dp, dlw)
	f.add(dp, drw)
	f.add(dp, dl2l, dll)
	f.add(dp, drl, dr2l)
	f.add(dp, dl2p, dlp)
	f.add(dp, drp, dr2p)
	f.add(hp, hll)
	f.add(hp, hrl)
	f.add(dp, hp, hlp)
	f.add(dp, hp, hrp)
	f.add(dp, hp, hll)
	f.add(dp, hp, hrl)
	f.add(dp, prev(d), next(d))
	f.add(hp, prev(h), next(h))
	f.add(dp, hp, prev(d))
	f.add(dp, hp, next(d))
	f.add(dp, capped(st.nl[d], 4), capped(st.nr[d], 4))
	f.add(dw, drl)
	f.add(dw, dll)
	f.add(hw, dp, dll)
	f.add(dp, hp, dll, drl)
	return f.out
}
