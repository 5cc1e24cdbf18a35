package relmodel

import (
	"math"
	"math/rand/v2"
)

// featureBits sizes the hashed feature space: 2^20 weights, 4 MiB in
// memory; collisions among the few hundred thousand features training
// sees cost nothing measurable.
const featureBits = 20

// linear is a logistic model over hashed binary features.
type linear struct {
	w []float32
}

func newLinear() *linear { return &linear{w: make([]float32, 1<<featureBits)} }

// raw returns the model's log-odds for a feature set.
func (m *linear) raw(fs []uint32) float64 {
	var z float32
	for _, f := range fs {
		z += m.w[f]
	}
	return float64(z)
}

// example is one training candidate.
type example struct {
	fs     []uint32
	label  bool
	weight float32
}

// trainOptions are the learner's settings.
type trainOptions struct {
	epochs int
	rate   float64
	l2     float64
	seed   uint64
}

var defaultTrain = trainOptions{epochs: 6, rate: 0.02, l2: 3e-5, seed: 1}

// fit trains a linear model by AdaGrad on the logistic loss, visiting the
// examples in a seeded order each epoch, so that training is
// deterministic.
func fit(ex []example, o trainOptions) *linear {
	m := newLinear()
	g2 := make([]float32, len(m.w))
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(o.seed, o.seed^0x9e3779b97f4a7c15))
	for e := 0; e < o.epochs; e++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			x := ex[i]
			p := sigmoid(m.raw(x.fs))
			y := 0.0
			if x.label {
				y = 1
			}
			g := float32((p - y) * float64(x.weight))
			for _, f := range x.fs {
				gf := g + float32(o.l2)*m.w[f]
				g2[f] += gf * gf
				m.w[f] -= float32(o.rate) * gf / (float32(math.Sqrt(float64(g2[f]))) + 1e-6)
			}
		}
	}
	return m
}

func sigmoid(z float64) float64 {
	if z < -30 {
		return 0
	}
	if z > 30 {
		return 1
	}
	return 1 / (1 + math.Exp(-z))
}

// platt fits p = sigmoid(a·z + b) to out-of-fold scores z and labels by
// Newton's method on the log loss, with Platt's smoothed targets.
func platt(z []float64, y []bool) (a, b float64) {
	var pos, neg float64
	for _, l := range y {
		if l {
			pos++
		} else {
			neg++
		}
	}
	hi, lo := (pos+1)/(pos+2), 1/(neg+2)
	a, b = 1, 0
	for it := 0; it < 100; it++ {
		var gA, gB, hAA, hAB, hBB float64
		for i, zi := range z {
			t := lo
			if y[i] {
				t = hi
			}
			p := sigmoid(a*zi + b)
			d := p - t
			w := p * (1 - p)
			gA += d * zi
			gB += d
			hAA += w * zi * zi
			hAB += w * zi
			hBB += w
		}
		hAA += 1e-9
		hBB += 1e-9
		det := hAA*hBB - hAB*hAB
		if det == 0 {
			break
		}
		da := (hBB*gA - hAB*gB) / det
		db := (hAA*gB - hAB*gA) / det
		a -= da
		b -= db
		if math.Abs(da) < 1e-9 && math.Abs(db) < 1e-9 {
			break
		}
	}
	return a, b
}
