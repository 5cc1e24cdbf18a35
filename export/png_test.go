package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/export/raster"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/dottest"
)

// layoutOf returns the drawing go-graphviz makes of dot, as PNG draws it.
func layoutOf(t testing.TB, r *Renderer, dot []byte) *raster.Drawing {
	t.Helper()
	var b bytes.Buffer
	if err := r.render(context.Background(), "png", dot, "json", &b); err != nil {
		t.Fatal(err)
	}
	d, err := raster.ParseJSON(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func readDOT(t *testing.T, name string) []byte {
	t.Helper()
	dot, err := os.ReadFile(filepath.Join("testdata", name+".dot.golden"))
	if err != nil {
		t.Fatal(err)
	}
	return dot
}

// TestPNG draws the DOT fixtures and checks the pictures against the
// layout Graphviz gave: the image's size, node outlines, edges, arrowheads
// and labels where the layout puts them, and white everywhere else.
func TestPNG(t *testing.T) {
	r := newRenderer(t)
	for _, name := range []string{"sample", "sample-tb", "escape", "empty"} {
		dot := readDOT(t, name)
		layout := layoutOf(t, r, dot)
		for _, dpi := range []float64{72, 150, 300} {
			t.Run(fmt.Sprintf("%s/%g", name, dpi), func(t *testing.T) {
				var b bytes.Buffer
				if err := r.PNG(context.Background(), dot, &b, dpi); err != nil {
					t.Fatal(err)
				}
				img, err := png.Decode(bytes.NewReader(b.Bytes()))
				if err != nil {
					t.Fatalf("not a PNG: %v", err)
				}
				bb := layout.BB
				w := int(math.Ceil((bb.Max.X - bb.Min.X + 2*pad) * dpi / 72))
				h := int(math.Ceil((bb.Max.Y - bb.Min.Y + 2*pad) * dpi / 72))
				if got := img.Bounds().Size(); got != image.Pt(w, h) {
					t.Fatalf("image is %v, want %d×%d for bb %v at %g dpi", got, w, h, bb, dpi)
				}
				checkPicture(t, img, layout, layout.Frame(raster.Options{DPI: dpi, Margin: pad}))
			})
		}
	}
}

// checkPicture checks that img draws d in frame f.
func checkPicture(t *testing.T, img image.Image, d *raster.Drawing, f raster.Frame) {
	t.Helper()
	// Where something may be drawn; the rest must be white.
	drawn := make([]bool, f.Size.X*f.Size.Y)
	mark := func(lo, hi raster.Point, slack float64) {
		x0, y0 := f.Pixel(raster.Point{X: lo.X, Y: hi.Y})
		x1, y1 := f.Pixel(raster.Point{X: hi.X, Y: lo.Y})
		for y := max(int(y0-slack), 0); y < min(int(y1+slack)+1, f.Size.Y); y++ {
			for x := max(int(x0-slack), 0); x < min(int(x1+slack)+1, f.Size.X); x++ {
				drawn[y*f.Size.X+x] = true
			}
		}
	}
	var nodes, edges, arrows, texts int
	for _, l := range d.Lists {
		if l.Object == "graph" && l.Attr == "_draw_" {
			continue // the white background
		}
		var pen, fill color.NRGBA
		width, dashed := 1.0, false
		for _, op := range l.Ops {
			switch op.Kind {
			case 'c':
				pen = op.Paint.Color
			case 'C':
				fill = op.Paint.Color
			case 'S':
				switch {
				case op.Text == "dashed":
					dashed = true
				case op.Text == "solid":
					dashed = false
				default:
					fmt.Sscanf(op.Text, "setlinewidth(%g)", &width)
				}
			case 'T':
				lo, hi := textBox(op)
				mark(lo, hi, 2)
				if n := countNear(img, f, lo, hi, pen); n < 10 {
					t.Errorf("%s %s %s: text %q has %d pixels of its colour %v", l.Object, l.Name, l.Attr, op.Text, n, pen)
				}
				texts++
			case 'E', 'P', 'B', 'b':
				outline := outlineOf(op)
				lo, hi := bounds(op.Points) // a B-spline lies within its control points
				if op.Kind == 'E' {
					c, r := op.Points[0], op.Points[1]
					lo, hi = raster.Point{X: c.X - r.X, Y: c.Y - r.Y}, raster.Point{X: c.X + r.X, Y: c.Y + r.Y}
				}
				// Mitred corners reach out further than half the pen's
				// width: 3.2 times at an arrowhead's tip.
				mark(lo, hi, 4*width*f.Scale/2+2)
				if l.Object == "node" && l.Attr == "_draw_" {
					nodes++
					if n := probe(img, f, outline, pen); n < len(outline)*3/4 {
						t.Errorf("node %s: %d of %d points of its outline in its colour %v", l.Name, n, len(outline), pen)
					}
				}
				if l.Object == "edge" && l.Attr == "_draw_" && op.Kind == 'B' {
					edges++
					n := probe(img, f, outline, pen)
					switch {
					case !dashed && n < len(outline)*3/4:
						t.Errorf("edge %s: %d of %d points of its path in its colour %v", l.Name, n, len(outline), pen)
					case dashed && (n == 0 || n == len(outline)):
						t.Errorf("dashed edge %s: %d of %d points of its path in its colour %v, want some", l.Name, n, len(outline), pen)
					}
				}
				if l.Object == "edge" && l.Attr == "_hdraw_" && op.Kind == 'P' {
					arrows++
					var c raster.Point
					for _, p := range op.Points {
						c.X += p.X / float64(len(op.Points))
						c.Y += p.Y / float64(len(op.Points))
					}
					if probe(img, f, []raster.Point{c}, fill) != 1 {
						t.Errorf("edge %s: arrowhead not filled with %v", l.Name, fill)
					}
				}
			}
		}
	}
	if len(d.Lists) > 2 && (nodes == 0 || edges == 0 || arrows == 0 || texts == 0) {
		t.Errorf("checked %d nodes, %d edges, %d arrowheads, %d texts", nodes, edges, arrows, texts)
	}
	white := color.RGBAModel.Convert(color.White)
	var stray int
	for y := range f.Size.Y {
		for x := range f.Size.X {
			if !drawn[y*f.Size.X+x] && color.RGBAModel.Convert(img.At(x, y)) != white {
				if stray++; stray <= 3 {
					t.Errorf("pixel (%d, %d) is %v, outside anything drawn", x, y, img.At(x, y))
				}
			}
		}
	}
}

// textBox returns the box a T operation draws in.
func textBox(op raster.Op) (lo, hi raster.Point) {
	x, y := op.Points[0].X, op.Points[0].Y
	left := x - op.Width/2*float64(op.Align+1)
	const size = 14 // no label in the fixtures is larger
	return raster.Point{X: left, Y: y - size/3}, raster.Point{X: left + op.Width, Y: y + size}
}

// outlineOf returns points on the outline of a shape: around an ellipse,
// along a polygon's sides, on a B-spline's segments.
func outlineOf(op raster.Op) []raster.Point {
	var out []raster.Point
	p := op.Points
	switch op.Kind {
	case 'E':
		for i := range 16 {
			a := 2 * math.Pi * (float64(i) + 0.5) / 16
			out = append(out, raster.Point{X: p[0].X + p[1].X*math.Cos(a), Y: p[0].Y + p[1].Y*math.Sin(a)})
		}
	case 'P':
		for i := range p {
			a, b := p[i], p[(i+1)%len(p)]
			for _, t := range []float64{0.25, 0.5, 0.75} {
				out = append(out, raster.Point{X: a.X + t*(b.X-a.X), Y: a.Y + t*(b.Y-a.Y)})
			}
		}
	case 'B', 'b':
		for i := 0; i+3 < len(p); i += 3 {
			for _, t := range []float64{0.1, 0.3, 0.5, 0.7, 0.9} {
				u := 1 - t
				a, b, c, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
				out = append(out, raster.Point{
					X: a*p[i].X + b*p[i+1].X + c*p[i+2].X + d*p[i+3].X,
					Y: a*p[i].Y + b*p[i+1].Y + c*p[i+2].Y + d*p[i+3].Y,
				})
			}
		}
	}
	return out
}

func bounds(pts []raster.Point) (lo, hi raster.Point) {
	lo = raster.Point{X: math.Inf(1), Y: math.Inf(1)}
	hi = raster.Point{X: math.Inf(-1), Y: math.Inf(-1)}
	for _, p := range pts {
		lo = raster.Point{X: min(lo.X, p.X), Y: min(lo.Y, p.Y)}
		hi = raster.Point{X: max(hi.X, p.X), Y: max(hi.Y, p.Y)}
	}
	return lo, hi
}

// probe returns how many of pts have a pixel within one of them drawn in
// c, or most of the way from white to c (a thin line between two pixels).
func probe(img image.Image, f raster.Frame, pts []raster.Point, c color.NRGBA) int {
	var n int
	for _, p := range pts {
		x, y := f.Pixel(p)
		if nearest(img, int(x)-1, int(y)-1, int(x)+2, int(y)+2, c) < 0.6 {
			n++
		}
	}
	return n
}

// countNear returns how many pixels in the box from lo to hi are drawn
// in c or mostly so.
func countNear(img image.Image, f raster.Frame, lo, hi raster.Point, c color.NRGBA) int {
	x0, y0 := f.Pixel(raster.Point{X: lo.X, Y: hi.Y})
	x1, y1 := f.Pixel(raster.Point{X: hi.X, Y: lo.Y})
	var n int
	for y := int(y0); y <= int(y1); y++ {
		for x := int(x0); x <= int(x1); x++ {
			if nearest(img, x, y, x+1, y+1, c) < 0.5 {
				n++
			}
		}
	}
	return n
}

// nearest returns the least distance to c of the pixels from (x0, y0) to
// (x1, y1) exclusive, as a fraction of white's distance to c.
func nearest(img image.Image, x0, y0, x1, y1 int, c color.NRGBA) float64 {
	dist := func(r, g, b float64) float64 {
		return math.Sqrt(sq(r-float64(c.R)) + sq(g-float64(c.G)) + sq(b-float64(c.B)))
	}
	whiteDist := dist(255, 255, 255)
	best := math.Inf(1)
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			if !image.Pt(x, y).In(img.Bounds()) {
				continue
			}
			p := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA)
			best = min(best, dist(float64(p.R), float64(p.G), float64(p.B))/whiteDist)
		}
	}
	return best
}

func sq(x float64) float64 { return x * x }

// TestPNGLayoutText checks the text go-graphviz's JSON gives labels with
// backslashes, which Graphviz 12 doubles in JSON.
func TestPNGLayoutText(t *testing.T) {
	r := newRenderer(t)
	d := layoutOf(t, r, dotOf(t, []graph.Edge{edge(`back\slash \N`, graph.Person, "p", "x", graph.Org, 1)}, Style{}))
	var texts []string
	for _, l := range d.Lists {
		for _, op := range l.Ops {
			if op.Kind == 'T' && l.Object == "node" && l.Name == "n0" {
				texts = append(texts, op.Text)
			}
		}
	}
	if len(texts) != 1 || texts[0] != `back\slash \N` {
		t.Errorf("node n0 has texts %q, want %q", texts, `back\slash \N`)
	}
}

func TestPNGErrors(t *testing.T) {
	r := newRenderer(t)
	dot := dotOf(t, sample, Style{})
	var b bytes.Buffer
	if err := r.PNG(context.Background(), []byte("digraph { a -> "), &b, 0); err == nil {
		t.Errorf("PNG(malformed DOT) succeeded")
	}
	for _, dpi := range []float64{-1, 0.5, MaxDPI + 1, math.NaN()} {
		if err := r.PNG(context.Background(), dot, &b, dpi); err == nil {
			t.Errorf("PNG(dpi %g) succeeded", dpi)
		}
	}
	r.MaxNodes = 3
	if err := r.PNG(context.Background(), dot, &b, 0); !errors.Is(err, ErrTooManyNodes) {
		t.Errorf("PNG(%d nodes, MaxNodes 3) = %v, want ErrTooManyNodes", len(graph.Nodes(sample)), err)
	}
	r.MaxNodes = 0
	if b.Len() != 0 {
		t.Errorf("failed renders wrote %d bytes", b.Len())
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := r.PNG(ctx, dot, &b, 0); !errors.Is(err, context.Canceled) {
		t.Errorf("PNG(cancelled context) = %v, want context.Canceled", err)
	}
	if err := r.PNG(context.Background(), dot, &b, 0); err != nil {
		t.Errorf("PNG after a cancelled one: %v", err)
	}
	// Its default resolution is DefaultDPI.
	img, err := png.Decode(&b)
	if err != nil {
		t.Fatal(err)
	}
	if want := layoutOf(t, r, dot).Frame(raster.Options{DPI: DefaultDPI, Margin: pad}).Size; img.Bounds().Size() != want {
		t.Errorf("PNG(dpi 0) is %v, want %v", img.Bounds().Size(), want)
	}

	closed, err := NewRenderer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	closed.Close()
	if err := closed.PNG(context.Background(), dot, io.Discard, 0); err == nil {
		t.Errorf("PNG after Close succeeded")
	}
}

// TestNativePNG checks that dot -Tpng scales with dpi as PNG does.
func TestNativePNG(t *testing.T) {
	dottest.Native(t, "png")
	dot := dotOf(t, sample, Style{Title: "Ada Lovelace and friends"})
	var sizes []image.Point
	for _, dpi := range []float64{72, 144} {
		var b bytes.Buffer
		if err := NativePNG(context.Background(), dot, &b, dpi); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&b)
		if err != nil {
			t.Fatalf("dot -Tpng -Gdpi=%g: not a PNG: %v", dpi, err)
		}
		sizes = append(sizes, img.Bounds().Size())
	}
	if d := sizes[1].Sub(sizes[0].Mul(2)); max(d.X, -d.X, d.Y, -d.Y) > 2 {
		t.Errorf("dot -Tpng at 72 and 144 dpi: %v and %v, want double", sizes[0], sizes[1])
	}
	if err := NativePNG(context.Background(), []byte("digraph { a -> "), io.Discard, 72); err == nil {
		t.Errorf("NativePNG(malformed DOT) succeeded")
	}
}

func TestNativePNGMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	err := NativePNG(context.Background(), dotOf(t, sample, Style{}), io.Discard, 0)
	if !errors.Is(err, ErrNoDot) {
		t.Errorf("NativePNG without dot = %v, want ErrNoDot", err)
	}
}

// genEdges returns edges among n nodes of every type, with varied support
// and some denied, the same every call: a chain through every node, then
// random pairs from a fixed generator.
func genEdges(n, m int) []graph.Edge {
	name := func(i int) string { return fmt.Sprintf("Entity %03d", i) }
	typ := func(i int) graph.EntityType { return graph.EntityTypes[i%len(graph.EntityTypes)] }
	var out []graph.Edge
	seen := make(map[[2]int]bool)
	x := uint32(7)
	next := func() uint32 { x = x*1664525 + 1013904223; return x }
	add := func(s, o int) {
		r := next()
		seen[[2]int{s, o}] = true
		e := edge(name(s), typ(s), fmt.Sprintf("relation %d", r>>29), name(o), typ(o), 1+int(r>>28)%5)
		e.Negated = r>>24%13 == 0
		out = append(out, e)
	}
	for i := range n - 1 {
		add(i, i+1)
	}
	for len(out) < m {
		r := next()
		s, o := int(r>>8)%n, int(r>>20)%n
		if s != o && !seen[[2]int{s, o}] {
			add(s, o)
		}
	}
	return out
}

func TestGenEdges(t *testing.T) {
	e := genEdges(100, 200)
	if n := len(graph.Nodes(e)); len(e) != 200 || n != 100 {
		t.Errorf("genEdges(100, 200) has %d edges and %d nodes", len(e), n)
	}
}

// BenchmarkPNG lays out and draws 100 nodes and 200 edges at 150 dpi.
func BenchmarkPNG(b *testing.B) {
	r := newRenderer(b)
	dot := dotOf(b, genEdges(100, 200), Style{Title: "bench"})
	for b.Loop() {
		if err := r.PNG(context.Background(), dot, io.Discard, 150); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPNGDraw draws and encodes the graph of BenchmarkPNG, laid out
// once.
func BenchmarkPNGDraw(b *testing.B) {
	r := newRenderer(b)
	d := layoutOf(b, r, dotOf(b, genEdges(100, 200), Style{Title: "bench"}))
	for b.Loop() {
		img, err := raster.Draw(context.Background(), d, raster.Options{DPI: 150, Margin: pad})
		if err != nil {
			b.Fatal(err)
		}
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(io.Discard, img); err != nil {
			b.Fatal(err)
		}
	}
}
