package raster

import "math"

// pt is a position in pixels, y growing downwards.
type pt struct{ x, y float64 }

func (a pt) add(b pt) pt             { return pt{a.x + b.x, a.y + b.y} }
func (a pt) sub(b pt) pt             { return pt{a.x - b.x, a.y - b.y} }
func (a pt) scale(k float64) pt      { return pt{a.x * k, a.y * k} }
func (a pt) dot(b pt) float64        { return a.x*b.x + a.y*b.y }
func (a pt) cross(b pt) float64      { return a.x*b.y - a.y*b.x }
func (a pt) len() float64            { return math.Hypot(a.x, a.y) }
func (a pt) lerp(b pt, t float64) pt { return a.add(b.sub(a).scale(t)) }

// path is a vector path in pixels, as the rasterizer takes it.
type path struct{ segs []seg }

// seg is one step of a path: op is M (move), L (line), Q (quadratic), C
// (cubic) or Z (close); p holds its points, the end last.
type seg struct {
	op byte
	p  [3]pt
}

func (p *path) reset() { p.segs = p.segs[:0] }

func (p *path) add(op byte, q ...pt) {
	s := seg{op: op}
	copy(s.p[:], q)
	p.segs = append(p.segs, s)
}

// polygon adds the closed polygon pts.
func (p *path) polygon(pts []pt) {
	if len(pts) == 0 {
		return
	}
	p.add('M', pts[0])
	for _, q := range pts[1:] {
		p.add('L', q)
	}
	p.add('Z')
}

// positive adds the closed polygon pts, reversed if needed so that it
// winds positively. The rasterizer adds up the windings of overlapping
// polygons: pieces of one stroke must all wind alike to make a union.
func (p *path) positive(pts ...pt) {
	var area float64
	for i, a := range pts {
		area += a.cross(pts[(i+1)%len(pts)])
	}
	if math.Abs(area) < 1e-12 {
		return
	}
	if area < 0 {
		for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
			pts[i], pts[j] = pts[j], pts[i]
		}
	}
	p.polygon(pts)
}

// bounds returns the smallest rectangle holding every point of segs.
func bounds(segs []seg) (lo, hi pt) {
	lo = pt{math.Inf(1), math.Inf(1)}
	hi = pt{math.Inf(-1), math.Inf(-1)}
	for _, s := range segs {
		n := 1
		switch s.op {
		case 'Z':
			n = 0
		case 'Q':
			n = 2
		case 'C':
			n = 3
		}
		for _, q := range s.p[:n] {
			lo = pt{min(lo.x, q.x), min(lo.y, q.y)}
			hi = pt{max(hi.x, q.x), max(hi.y, q.y)}
		}
	}
	return lo, hi
}

// miterLimit is Cairo's default: a corner sharper than about 11° is
// bevelled.
const miterLimit = 10

// stroke adds to dst polygons covering the polyline pts drawn width pixels
// wide, with butt ends and mitred corners, as Cairo draws by default.
// closed joins the last point to the first. dash, if not zero, is the
// length drawn and the length skipped, in turn.
func stroke(dst *path, pts []pt, closed bool, width float64, dash [2]float64) {
	pts = dedup(pts, closed)
	if len(pts) < 2 {
		return
	}
	// A dash much shorter than a pixel would only grey the line, slowly.
	if dash[0] >= 0.5 && dash[1] > 0 {
		for _, piece := range dashes(pts, closed, dash) {
			strokeLine(dst, piece, false, width/2)
		}
		return
	}
	strokeLine(dst, pts, closed, width/2)
}

// dedup drops points equal to the one before them, and for a closed line
// a last point equal to the first.
func dedup(pts []pt, closed bool) []pt {
	out := make([]pt, 0, len(pts))
	for _, q := range pts {
		if len(out) == 0 || q.sub(out[len(out)-1]).len() > 1e-9 {
			out = append(out, q)
		}
	}
	if closed && len(out) > 1 && out[0].sub(out[len(out)-1]).len() <= 1e-9 {
		out = out[:len(out)-1]
	}
	return out
}

// strokeLine strokes a polyline of distinct consecutive points with a pen
// of half-width hw: a quadrilateral per segment and a wedge per corner.
func strokeLine(dst *path, pts []pt, closed bool, hw float64) {
	n := len(pts)
	segs := n - 1
	if closed && n > 2 {
		segs = n
	} else {
		closed = false
	}
	dir := func(i int) pt { // unit direction of segment i
		a, b := pts[i], pts[(i+1)%n]
		d := b.sub(a)
		return d.scale(1 / d.len())
	}
	for i := range segs {
		a, b := pts[i], pts[(i+1)%n]
		d := dir(i)
		nv := pt{-d.y * hw, d.x * hw}
		dst.positive(a.add(nv), b.add(nv), b.sub(nv), a.sub(nv))
	}
	first, last := 1, n-1
	if closed {
		first, last = 0, n
	}
	for i := first; i < last; i++ {
		join(dst, pts[i], dir((i-1+segs)%segs), dir(i), hw)
	}
}

// join fills the outside of the corner at p between a segment of unit
// direction d0 and the next of unit direction d1.
func join(dst *path, p, d0, d1 pt, hw float64) {
	cross, cos := d0.cross(d1), d0.dot(d1)
	if math.Abs(cross) < 1e-9 && cos > 0 {
		return // straight on
	}
	// The outside of the corner is the side the line turns away from.
	side := hw
	if cross > 0 {
		side = -hw
	}
	n0, n1 := pt{-d0.y, d0.x}, pt{-d1.y, d1.x}
	a, b := p.add(n0.scale(side)), p.add(n1.scale(side))
	// The miter reaches 1/cos(θ/2) half-widths out, θ the turn.
	if 1+cos > 1e-9 {
		if ratio := math.Sqrt(2 / (1 + cos)); ratio <= miterLimit {
			bis := n0.add(n1)
			m := p.add(bis.scale(side * ratio / bis.len()))
			dst.positive(p, a, m, b)
			return
		}
	}
	dst.positive(p, a, b)
}

// dashes cuts the polyline pts into the pieces a dash pattern draws.
func dashes(pts []pt, closed bool, dash [2]float64) [][]pt {
	if closed {
		pts = append(pts[:len(pts):len(pts)], pts[0])
	}
	var out [][]pt
	cur := []pt{pts[0]}
	on, left := true, dash[0]
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		l := b.sub(a).len()
		pos := 0.0
		for l-pos > left {
			pos += left
			q := a.lerp(b, pos/l)
			if on {
				out = append(out, append(cur, q))
				cur = nil
				left = dash[1]
			} else {
				cur = []pt{q}
				left = dash[0]
			}
			on = !on
		}
		left -= l - pos
		if on {
			cur = append(cur, b)
		}
	}
	if on && len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}
