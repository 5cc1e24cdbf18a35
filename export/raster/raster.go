package raster

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"

	"golang.org/x/image/vector"
)

// Options says how Draw renders a drawing.
type Options struct {
	// DPI is the resolution in pixels per inch; 0 means 96, Graphviz's
	// own for PNG.
	DPI float64
	// Margin is the blank border around the drawing's bounding box, in
	// points.
	Margin float64
	// Background fills the image before anything is drawn; nil means
	// white.
	Background color.Color
}

// MaxPixels bounds the size of an image Draw makes: 64 Mpixels, 256 MB.
const MaxPixels = 1 << 26

// ErrTooLarge is returned, wrapped, by Draw for an image of more than
// MaxPixels pixels.
var ErrTooLarge = errors.New("image too large")

// Frame maps a drawing's points to the pixels of the image Draw makes of
// it.
type Frame struct {
	Scale  float64     // pixels per point
	Origin Point       // the point at the image's top-left corner
	Size   image.Point // of the image, in pixels
}

// Frame returns the frame of the image Draw(ctx, d, o) makes.
func (d *Drawing) Frame(o Options) Frame {
	dpi := o.DPI
	if dpi <= 0 {
		dpi = 96
	}
	s := dpi / 72
	m := max(o.Margin, 0)
	w := (d.BB.Max.X - d.BB.Min.X + 2*m) * s
	h := (d.BB.Max.Y - d.BB.Min.Y + 2*m) * s
	return Frame{
		Scale:  s,
		Origin: Point{d.BB.Min.X - m, d.BB.Max.Y + m},
		Size:   image.Pt(max(int(math.Ceil(w-1e-6)), 1), max(int(math.Ceil(h-1e-6)), 1)),
	}
}

// Pixel returns where p falls in the image, in pixels from its top-left
// corner, y growing downwards.
func (f Frame) Pixel(p Point) (x, y float64) {
	return (p.X - f.Origin.X) * f.Scale, (f.Origin.Y - p.Y) * f.Scale
}

// Draw renders d into a new image. It fails for an image too large, an
// operation it cannot draw (ParseJSON returns none), or when ctx ends.
func Draw(ctx context.Context, d *Drawing, o Options) (*image.RGBA, error) {
	for _, l := range d.Lists {
		for i, op := range l.Ops {
			if err := op.check(); err != nil {
				return nil, fmt.Errorf("raster: %s %q %s: op %d (%q): %w", l.Object, l.Name, l.Attr, i, op.Kind, err)
			}
		}
	}
	f := d.Frame(o)
	if float64(f.Size.X)*float64(f.Size.Y) > MaxPixels {
		return nil, fmt.Errorf("raster: %w: %d×%d pixels, the limit is %d; lower the resolution", ErrTooLarge, f.Size.X, f.Size.Y, MaxPixels)
	}
	fonts, err := loadFonts()
	if err != nil {
		return nil, err
	}
	img := image.NewRGBA(image.Rectangle{Max: f.Size})
	bg := o.Background
	if bg == nil {
		bg = color.White
	}
	draw.Draw(img, img.Bounds(), image.NewUniform(bg), image.Point{}, draw.Src)
	p := &painter{img: img, f: f, text: newTypesetter(fonts)}
	for _, l := range d.Lists {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p.list(l.Ops)
	}
	return img, nil
}

// pen is the drawing state within a list of operations.
type pen struct {
	stroke, fill Paint
	width        float64    // points
	dash         [2]float64 // points; zero for solid
	invis        bool
	font         string
	size         float64 // points
	flags        int
}

func newPen() pen {
	black := Paint{Color: color.NRGBA{A: 0xff}}
	return pen{stroke: black, fill: black, width: 1, font: "Times-Roman", size: 14}
}

// painter draws lists of operations into an image.
type painter struct {
	img  *image.RGBA
	f    Frame
	z    vector.Rasterizer
	text *typesetter
	path path // scratch
}

func (p *painter) list(ops []Op) {
	pn := newPen()
	for _, op := range ops {
		switch op.Kind {
		case 'c':
			pn.stroke = op.Paint
		case 'C':
			pn.fill = op.Paint
		case 'F':
			pn.font, pn.size = op.Text, op.Size
		case 't':
			pn.flags = op.Flags
		case 'S':
			st, _ := parseStyle(op.Text) // checked by ParseJSON
			if st.width >= 0 {
				pn.width = st.width
			}
			if st.set {
				pn.dash = st.dash
			}
			pn.invis = pn.invis || st.invis
		default:
			if !pn.invis {
				p.shape(op, &pn)
			}
		}
	}
}

func (p *painter) shape(op Op, pn *pen) {
	var pts []pt
	closed, filled := true, false
	switch op.Kind {
	case 'E', 'e':
		pts = p.ellipse(op.Points[0], op.Points[1])
		filled = op.Kind == 'E'
	case 'P', 'p':
		pts = p.pixels(op.Points)
		filled = op.Kind == 'P'
	case 'L':
		pts, closed = p.pixels(op.Points), false
	case 'B', 'b':
		pts = p.bezier(op.Points)
		filled = op.Kind == 'b'
		// A filled B-spline is an outline coming back to its start.
		closed = filled && op.Points[0] == op.Points[len(op.Points)-1]
		if closed {
			pts = pts[:len(pts)-1]
		}
	case 'T':
		p.text.draw(p, op, pn)
		return
	default:
		return
	}
	if filled && visible(pn.fill) {
		p.path.reset()
		p.path.polygon(pts)
		p.fill(&p.path, pn.fill)
	}
	if w := pn.width * p.f.Scale; w > 0 && visible(pn.stroke) {
		p.path.reset()
		stroke(&p.path, pts, closed, w, [2]float64{pn.dash[0] * p.f.Scale, pn.dash[1] * p.f.Scale})
		p.fill(&p.path, pn.stroke)
	}
}

func visible(pt Paint) bool { return pt.Gradient != nil || pt.Color.A > 0 }

// pixels returns pts in pixels.
func (p *painter) pixels(pts []Point) []pt {
	out := make([]pt, len(pts))
	for i, q := range pts {
		out[i].x, out[i].y = p.f.Pixel(q)
	}
	return out
}

// tolerance is how far, in pixels, a flattened curve may stray from the
// true one.
const tolerance = 0.1

// ellipse returns a polygon, in pixels, close to the ellipse of centre c
// and radii r.
func (p *painter) ellipse(c, r Point) []pt {
	cx, cy := p.f.Pixel(c)
	rx, ry := r.X*p.f.Scale, r.Y*p.f.Scale
	n := 8
	if rm := max(rx, ry); rm > tolerance {
		n = max(n, min(int(math.Ceil(math.Pi/math.Acos(1-tolerance/rm))), 2000))
	}
	out := make([]pt, n)
	for i := range out {
		a := 2 * math.Pi * float64(i) / float64(n)
		out[i] = pt{cx + rx*math.Cos(a), cy + ry*math.Sin(a)}
	}
	return out
}

// bezier returns the B-spline of control points cps, flattened into a
// polyline in pixels.
func (p *painter) bezier(cps []Point) []pt {
	c := p.pixels(cps)
	out := []pt{c[0]}
	for i := 0; i+3 < len(c); i += 3 {
		p0, p1, p2, p3 := c[i], c[i+1], c[i+2], c[i+3]
		// The flattening error of n chords is at most 3/4 of the largest
		// second difference of the control points over n².
		dd := max(p0.sub(p1.scale(2)).add(p2).len(), p1.sub(p2.scale(2)).add(p3).len())
		n := max(1, min(int(math.Ceil(math.Sqrt(0.75*dd/tolerance))), 1000))
		for j := 1; j <= n; j++ {
			t := float64(j) / float64(n)
			u := 1 - t
			a, b, cc, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
			out = append(out, pt{
				a*p0.x + b*p1.x + cc*p2.x + d*p3.x,
				a*p0.y + b*p1.y + cc*p2.y + d*p3.y,
			})
		}
	}
	return out
}

// tileSize is the side, in pixels, of the tiles fill rasterizes a large
// path in.
const tileSize = 64

// fill paints the inside of path in paint, anti-aliased, non-zero winding.
// Every subpath of path must be closed.
func (p *painter) fill(path *path, paint Paint) {
	if len(path.segs) == 0 {
		return
	}
	src := p.source(paint)
	r := pixelRect(bounds(path.segs)).Intersect(p.img.Bounds())
	if r.Empty() {
		return
	}
	if lo, hi, ok := axisRect(path.segs); ok {
		// Inside a rectangle along the axes, such as the graph's
		// background, every pixel is covered: only its rim needs the
		// rasterizer.
		inner := image.Rect(int(math.Ceil(lo.x)), int(math.Ceil(lo.y)), int(math.Floor(hi.x)), int(math.Floor(hi.y)))
		if inner.Dx() > 0 && inner.Dy() > 0 {
			draw.Draw(p.img, inner.Intersect(r), src, inner.Intersect(r).Min, draw.Over)
			for _, rim := range []image.Rectangle{
				{r.Min, image.Pt(r.Max.X, inner.Min.Y)},                              // top
				{image.Pt(r.Min.X, inner.Max.Y), r.Max},                              // bottom
				{image.Pt(r.Min.X, inner.Min.Y), image.Pt(inner.Min.X, inner.Max.Y)}, // left
				{image.Pt(inner.Max.X, inner.Min.Y), image.Pt(r.Max.X, inner.Max.Y)}, // right
			} {
				if rim = rim.Intersect(r); !rim.Empty() {
					p.rasterize(rim, src, path.segs)
				}
			}
			return
		}
	}
	// The rasterizer's cost grows with the area it covers. A long stroke
	// across the picture covers a sliver of its bounds: rasterize only the
	// tiles its pieces cross. A closed piece changes nothing in a tile its
	// bounds miss, so each tile takes only the pieces over it.
	if r.Dx()*r.Dy() <= 4*tileSize*tileSize {
		p.rasterize(r, src, path.segs)
		return
	}
	cols, rows := (r.Dx()+tileSize-1)/tileSize, (r.Dy()+tileSize-1)/tileSize
	tiles := make([][][]seg, cols*rows)
	segs := path.segs
	for len(segs) > 0 {
		n := 1
		for n < len(segs) && segs[n].op != 'M' {
			n++
		}
		piece := segs[:n]
		segs = segs[n:]
		pr := pixelRect(bounds(piece)).Intersect(r)
		if pr.Empty() {
			continue
		}
		for ty := (pr.Min.Y - r.Min.Y) / tileSize; ty <= (pr.Max.Y-1-r.Min.Y)/tileSize; ty++ {
			for tx := (pr.Min.X - r.Min.X) / tileSize; tx <= (pr.Max.X-1-r.Min.X)/tileSize; tx++ {
				tiles[ty*cols+tx] = append(tiles[ty*cols+tx], piece)
			}
		}
	}
	for i, pieces := range tiles {
		if len(pieces) == 0 {
			continue
		}
		tr := image.Rect(0, 0, tileSize, tileSize).Add(r.Min).Add(image.Pt(i%cols*tileSize, i/cols*tileSize)).Intersect(r)
		p.rasterize(tr, src, pieces...)
	}
}

// axisRect reports whether segs are one rectangle with sides along the
// axes, and its corners.
func axisRect(segs []seg) (lo, hi pt, ok bool) {
	n := len(segs)
	if n > 0 && segs[n-1].op == 'Z' {
		n--
	}
	if n < 4 || n > 5 || segs[0].op != 'M' {
		return lo, hi, false
	}
	pts := make([]pt, 0, 5)
	for _, s := range segs[:n] {
		if s.op != 'M' && s.op != 'L' || (s.op == 'M') != (len(pts) == 0) {
			return lo, hi, false
		}
		pts = append(pts, s.p[0])
	}
	if len(pts) == 5 {
		if pts[4] != pts[0] {
			return lo, hi, false
		}
		pts = pts[:4]
	}
	// Sides alternately along x and along y make a rectangle.
	alongX := pts[0].y == pts[1].y
	for i, a := range pts {
		b := pts[(i+1)%4]
		if (i%2 == 0) == alongX {
			if a.y != b.y || a.x == b.x {
				return lo, hi, false
			}
		} else if a.x != b.x || a.y == b.y {
			return lo, hi, false
		}
	}
	lo, hi = bounds(segs)
	return lo, hi, true
}

// pixelRect returns the pixels a shape from lo to hi touches.
func pixelRect(lo, hi pt) image.Rectangle {
	if !(lo.x <= hi.x && lo.y <= hi.y) {
		return image.Rectangle{}
	}
	return image.Rect(int(math.Floor(lo.x)), int(math.Floor(lo.y)), int(math.Ceil(hi.x))+1, int(math.Ceil(hi.y))+1)
}

// rasterize paints src through the pieces of a path, within r.
func (p *painter) rasterize(r image.Rectangle, src image.Image, pieces ...[]seg) {
	p.z.Reset(r.Dx(), r.Dy())
	ox, oy := float64(r.Min.X), float64(r.Min.Y)
	f := func(q pt) (float32, float32) { return float32(q.x - ox), float32(q.y - oy) }
	for _, segs := range pieces {
		for _, s := range segs {
			switch s.op {
			case 'M':
				p.z.MoveTo(f(s.p[0]))
			case 'L':
				p.z.LineTo(f(s.p[0]))
			case 'Q':
				x1, y1 := f(s.p[0])
				x2, y2 := f(s.p[1])
				p.z.QuadTo(x1, y1, x2, y2)
			case 'C':
				x1, y1 := f(s.p[0])
				x2, y2 := f(s.p[1])
				x3, y3 := f(s.p[2])
				p.z.CubeTo(x1, y1, x2, y2, x3, y3)
			case 'Z':
				p.z.ClosePath()
			}
		}
	}
	p.z.Draw(p.img, r, src, r.Min)
}

func (p *painter) source(paint Paint) image.Image {
	g := paint.Gradient
	if g == nil {
		return image.NewUniform(paint.Color)
	}
	src := &gradient{radial: g.Radial, stops: g.Stops}
	src.p0.x, src.p0.y = p.f.Pixel(g.P0)
	src.p1.x, src.p1.y = p.f.Pixel(g.P1)
	src.r0, src.r1 = g.R0*p.f.Scale, g.R1*p.f.Scale
	return src
}

// gradient is a Gradient in pixels, as an image to paint from.
type gradient struct {
	radial bool
	p0, p1 pt
	r0, r1 float64
	stops  []Stop
}

func (g *gradient) ColorModel() color.Model { return color.NRGBAModel }

func (g *gradient) Bounds() image.Rectangle {
	return image.Rect(-1<<30, -1<<30, 1<<30, 1<<30)
}

func (g *gradient) At(x, y int) color.Color {
	q := pt{float64(x) + 0.5, float64(y) + 0.5}
	var t float64
	if g.radial {
		// Graphviz's radial gradients are concentric: the distance from
		// the inner circle to the outer.
		if d := g.r1 - g.r0; d != 0 {
			t = (q.sub(g.p0).len() - g.r0) / d
		}
	} else if v := g.p1.sub(g.p0); v.dot(v) > 0 {
		t = q.sub(g.p0).dot(v) / v.dot(v)
	}
	s := g.stops
	if t <= s[0].Frac {
		return s[0].Color
	}
	for i := 1; i < len(s); i++ {
		if t <= s[i].Frac {
			a, b := s[i-1], s[i]
			k := (t - a.Frac) / (b.Frac - a.Frac)
			mix := func(u, v uint8) uint8 { return uint8(math.Round(float64(u) + k*(float64(v)-float64(u)))) }
			return color.NRGBA{mix(a.Color.R, b.Color.R), mix(a.Color.G, b.Color.G), mix(a.Color.B, b.Color.B), mix(a.Color.A, b.Color.A)}
		}
	}
	return s[len(s)-1].Color
}
