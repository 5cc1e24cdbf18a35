package raster

import (
	"context"
	"errors"
	"image"
	"image/color"
	"math"
	"strings"
	"testing"
)

var (
	black = Paint{Color: rgba(0, 0, 0, 255)}
	red   = Paint{Color: rgba(255, 0, 0, 255)}
	blue  = Paint{Color: rgba(0, 0, 255, 255)}
	none  = Paint{}
)

// drawOps draws ops on a 100×100-point page at 72 dpi, no margin: pixel
// (x, 100-y) is point (x, y).
func drawOps(t *testing.T, ops ...Op) *image.RGBA {
	t.Helper()
	d := &Drawing{BB: Rect{Max: Point{100, 100}}, Lists: []List{{Ops: ops}}}
	img, err := Draw(context.Background(), d, Options{DPI: 72})
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != image.Rect(0, 0, 100, 100) {
		t.Fatalf("image bounds %v, want 100×100", img.Bounds())
	}
	return img
}

// at returns the colour of the pixel covering point (x, y) of drawOps.
func at(img *image.RGBA, x, y float64) color.RGBA {
	return img.RGBAAt(int(math.Floor(x)), int(math.Floor(100-y)))
}

func isWhite(c color.RGBA) bool { return c == color.RGBA{255, 255, 255, 255} }

// near reports whether c is within tol of want in every channel.
func near(c, want color.RGBA, tol int) bool {
	d := func(a, b uint8) bool { return math.Abs(float64(a)-float64(b)) <= float64(tol) }
	return d(c.R, want.R) && d(c.G, want.G) && d(c.B, want.B) && d(c.A, want.A)
}

func dark(c color.RGBA) bool { return int(c.R)+int(c.G)+int(c.B) < 3*128 }

var (
	redPx   = color.RGBA{255, 0, 0, 255}
	bluePx  = color.RGBA{0, 0, 255, 255}
	blackPx = color.RGBA{0, 0, 0, 255}
)

func square(x0, y0, x1, y1 float64) []Point {
	return []Point{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}
}

func TestDrawShapes(t *testing.T) {
	type probe struct {
		x, y float64
		want func(color.RGBA) bool
		what string
	}
	is := func(want color.RGBA) func(color.RGBA) bool {
		return func(c color.RGBA) bool { return near(c, want, 8) }
	}
	tests := []struct {
		name   string
		ops    []Op
		probes []probe
	}{
		{"filled polygon", []Op{
			{Kind: 'c', Paint: black}, {Kind: 'C', Paint: red},
			{Kind: 'P', Points: square(20.5, 20.5, 80.5, 80.5)},
		}, []probe{
			{50, 50, is(redPx), "interior"},
			{30, 70, is(redPx), "interior"},
			{20.5, 50, dark, "left edge"},
			{50, 80.5, dark, "top edge"},
			{80.5, 20.5, dark, "corner"},
			{10, 10, isWhite, "outside"},
			{90, 50, isWhite, "outside"},
			{50, 18, isWhite, "just outside"},
		}},
		{"unfilled polygon", []Op{
			{Kind: 'p', Points: square(20.5, 20.5, 80.5, 80.5)},
		}, []probe{
			{50, 50, isWhite, "inside"},
			{20.5, 50, is(blackPx), "edge"},
		}},
		{"transparent pen", []Op{
			{Kind: 'c', Paint: none}, {Kind: 'C', Paint: blue},
			{Kind: 'P', Points: square(20, 20, 80, 80)},
		}, []probe{
			{50, 50, is(bluePx), "interior"},
			{20.5, 50, func(c color.RGBA) bool { return !dark(c) || c.B > 100 }, "no outline"},
		}},
		{"filled ellipse", []Op{
			{Kind: 'c', Paint: red}, {Kind: 'C', Paint: blue},
			{Kind: 'E', Points: []Point{{50, 50}, {30, 20}}},
		}, []probe{
			{50, 50, is(bluePx), "centre"},
			{79.5, 50, func(c color.RGBA) bool { return c.R > 150 && c.G < 100 }, "right end"},
			{50.5, 70, func(c color.RGBA) bool { return c.R > 100 && c.G < 100 }, "top"},
			{75, 65, isWhite, "outside the corner"},
		}},
		{"unfilled ellipse", []Op{
			{Kind: 'e', Points: []Point{{50, 50}, {30, 20}}},
		}, []probe{
			{50, 50, isWhite, "centre"},
			{20.5, 50, dark, "left end"},
		}},
		{"bezier", []Op{
			// From (10, 50.5) to (90, 50.5), bulging up: its midpoint is at
			// y 65.5, the middle of a row of pixels.
			{Kind: 'B', Points: []Point{{10, 50.5}, {30, 70.5}, {70, 70.5}, {90, 50.5}}},
		}, []probe{
			{50, 65.5, func(c color.RGBA) bool { return near(c, blackPx, 32) }, "midpoint"},
			{50, 50.5, isWhite, "below the curve"},
			{50, 75, isWhite, "above the curve"},
		}},
		{"wide line", []Op{
			{Kind: 'S', Text: "setlinewidth(8)"},
			{Kind: 'L', Points: []Point{{10, 50}, {90, 50}}},
		}, []probe{
			{50, 53, is(blackPx), "3 points off its axis"},
			{50, 47, is(blackPx), "3 points off its axis"},
			{50, 56, isWhite, "6 points off"},
			{8, 50, isWhite, "beyond its butt end"},
		}},
		{"thin line", []Op{
			{Kind: 'L', Points: []Point{{10, 50}, {90, 50}}},
		}, []probe{
			{50, 50, dark, "on it"},
			{50, 53, isWhite, "3 points off"},
		}},
		{"mitred corner", []Op{
			{Kind: 'S', Text: "setlinewidth(6)"},
			{Kind: 'p', Points: square(20, 20, 80, 80)},
		}, []probe{
			{17.5, 17.5, is(blackPx), "outer corner"},
			{17.5, 82.5, is(blackPx), "outer corner"},
			{25, 25, isWhite, "inside"},
		}},
		{"bold", []Op{
			{Kind: 'S', Text: "bold"},
			{Kind: 'L', Points: []Point{{10, 50}, {90, 50}}},
		}, []probe{
			{50, 49.5, is(blackPx), "2 points wide"},
			{50, 50.5, is(blackPx), "2 points wide"},
			{50, 52, isWhite, "2 points off"},
		}},
		{"invisible", []Op{
			{Kind: 'S', Text: "invis"},
			{Kind: 'P', Points: square(20, 20, 80, 80)},
		}, []probe{{50, 50, isWhite, "inside"}, {20, 50, isWhite, "edge"}}},
		{"linear gradient", []Op{
			{Kind: 'c', Paint: none},
			{Kind: 'C', Paint: Paint{Color: rgba(255, 0, 0, 255), Gradient: &Gradient{
				P0: Point{20, 50}, P1: Point{80, 50},
				Stops: []Stop{{0, rgba(255, 0, 0, 255)}, {1, rgba(0, 0, 255, 255)}},
			}}},
			{Kind: 'P', Points: square(20, 20, 80, 80)},
		}, []probe{
			{21, 50, func(c color.RGBA) bool { return c.R > 240 && c.B < 15 }, "red end"},
			{79, 50, func(c color.RGBA) bool { return c.B > 240 && c.R < 15 }, "blue end"},
			{50, 50, func(c color.RGBA) bool { return c.R > 100 && c.B > 100 }, "middle"},
		}},
		{"radial gradient", []Op{
			{Kind: 'c', Paint: none},
			{Kind: 'C', Paint: Paint{Color: rgba(255, 0, 0, 255), Gradient: &Gradient{
				Radial: true, P0: Point{50, 50}, P1: Point{50, 50}, R1: 30,
				Stops: []Stop{{0, rgba(255, 0, 0, 255)}, {1, rgba(0, 0, 255, 255)}},
			}}},
			{Kind: 'E', Points: []Point{{50, 50}, {30, 30}}},
		}, []probe{
			{50, 50, func(c color.RGBA) bool { return c.R > 240 && c.B < 15 }, "centre"},
			{50, 78, func(c color.RGBA) bool { return c.B > 200 && c.R < 55 }, "rim"},
		}},
		{"translucent", []Op{
			{Kind: 'c', Paint: none},
			{Kind: 'C', Paint: Paint{Color: rgba(0, 0, 0, 128)}},
			{Kind: 'P', Points: square(20, 20, 80, 80)},
		}, []probe{{50, 50, is(color.RGBA{127, 127, 127, 255}), "half grey"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := drawOps(t, tt.ops...)
			for _, p := range tt.probes {
				if c := at(img, p.x, p.y); !p.want(c) {
					t.Errorf("%s at (%g, %g): colour %v", p.what, p.x, p.y, c)
				}
			}
			if !isWhite(img.RGBAAt(0, 0)) || !isWhite(img.RGBAAt(99, 99)) {
				t.Errorf("corners not white: %v, %v", img.RGBAAt(0, 0), img.RGBAAt(99, 99))
			}
		})
	}
}

// TestDrawDashed checks that a dashed line leaves gaps and a solid one
// none.
func TestDrawDashed(t *testing.T) {
	for _, tt := range []struct {
		style      string
		wantGaps   bool
		onLo, onHi int // pixels drawn along 80 pixels
	}{
		{"solid", false, 80, 80},
		{"dashed", true, 35, 45}, // 6 on, 6 off
		{"dotted", true, 15, 25}, // 2 on, 6 off
	} {
		t.Run(tt.style, func(t *testing.T) {
			img := drawOps(t,
				Op{Kind: 'S', Text: tt.style},
				Op{Kind: 'L', Points: []Point{{10, 50.5}, {90, 50.5}}},
			)
			on := 0
			for x := 10; x < 90; x++ {
				if dark(img.RGBAAt(x, 49)) {
					on++
				}
			}
			if on < tt.onLo || on > tt.onHi {
				t.Errorf("%d of 80 pixels drawn, want %d to %d", on, tt.onLo, tt.onHi)
			}
		})
	}
}

func TestDrawText(t *testing.T) {
	tests := []struct {
		name  string
		align int
		flags int
		font  string
	}{
		{"centred", 0, 0, "Helvetica"},
		{"left", -1, 0, "Times-Roman"},
		{"right", 1, 0, "Helvetica"},
		{"bold", 0, Bold, "Helvetica"},
		{"bold italic by name", 0, 0, "Helvetica-BoldOblique"},
		{"underlined", 0, Underline, "Helvetica"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			const x, y, w, size = 50.0, 40.0, 60.0, 14.0
			img := drawOps(t,
				Op{Kind: 'F', Size: size, Text: tt.font},
				Op{Kind: 't', Flags: tt.flags},
				Op{Kind: 'T', Points: []Point{{x, y}}, Align: tt.align, Width: w, Text: "Hallo Welt"},
			)
			left := x - w/2*float64(tt.align+1)
			bottom := 100 - y + size/3
			inside := image.Rect(int(left)-1, int(100-y-size), int(left+w)+2, int(bottom))
			var darkIn, darkOut int
			lo, hi := 100, 0
			for py := range 100 {
				for px := range 100 {
					if !dark(img.RGBAAt(px, py)) {
						continue
					}
					if image.Pt(px, py).In(inside) {
						darkIn++
						lo, hi = min(lo, px), max(hi, px)
					} else {
						darkOut++
					}
				}
			}
			if darkIn < 40 || darkOut > 0 {
				t.Errorf("%d dark pixels in the text's box %v, %d outside", darkIn, inside, darkOut)
			}
			// The text spans most of the width Graphviz gave it, anchored
			// as it says.
			if hi-lo < int(w*0.6) {
				t.Errorf("text spans pixels %d to %d, want most of %v", lo, hi, inside)
			}
		})
	}
}

// TestDrawTextSqueezed checks that text wider than Graphviz measured stays
// within that width.
func TestDrawTextSqueezed(t *testing.T) {
	img := drawOps(t,
		Op{Kind: 'F', Size: 14, Text: "Helvetica"},
		Op{Kind: 'T', Points: []Point{{50, 40}}, Align: 0, Width: 20, Text: "a long text"},
	)
	for py := range 100 {
		for px := range 100 {
			if dark(img.RGBAAt(px, py)) && (px < 39 || px > 61) {
				t.Fatalf("dark pixel at (%d, %d), outside the 20 points of the text", px, py)
			}
		}
	}
}

func TestFrame(t *testing.T) {
	d := &Drawing{BB: Rect{Min: Point{0, 0}, Max: Point{100, 50}}}
	tests := []struct {
		dpi, margin float64
		size        image.Point
	}{
		{72, 0, image.Pt(100, 50)},
		{72, 4, image.Pt(108, 58)},
		{150, 4, image.Pt(225, 121)}, // 108×150/72, 58×150/72 = 120.8
		{300, 4, image.Pt(450, 242)},
		{0, 0, image.Pt(134, 67)}, // 96 dpi
	}
	for _, tt := range tests {
		f := d.Frame(Options{DPI: tt.dpi, Margin: tt.margin})
		if f.Size != tt.size {
			t.Errorf("Frame(%g dpi, margin %g).Size = %v, want %v", tt.dpi, tt.margin, f.Size, tt.size)
		}
		// The bounding box's top-left corner is margin in from the image's.
		x, y := f.Pixel(Point{0, 50})
		if m := tt.margin * f.Scale; math.Abs(x-m) > 1e-9 || math.Abs(y-m) > 1e-9 {
			t.Errorf("Frame(%g dpi, margin %g).Pixel(0, 50) = (%g, %g), want (%g, %g)", tt.dpi, tt.margin, x, y, m, m)
		}
		img, err := Draw(context.Background(), d, Options{DPI: tt.dpi, Margin: tt.margin})
		if err != nil {
			t.Fatal(err)
		}
		if img.Bounds().Size() != tt.size {
			t.Errorf("Draw(%g dpi) made %v, want %v", tt.dpi, img.Bounds().Size(), tt.size)
		}
	}
}

func TestDrawErrors(t *testing.T) {
	huge := &Drawing{BB: Rect{Max: Point{20000, 20000}}}
	if _, err := Draw(context.Background(), huge, Options{DPI: 300}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Draw(20000 points square at 300 dpi) = %v, want ErrTooLarge", err)
	}
	for _, op := range []Op{
		{Kind: 'E', Points: []Point{{1, 1}}},
		{Kind: 'B', Points: []Point{{1, 1}, {2, 2}}},
		{Kind: 'T'},
		{Kind: 'L'},
		{Kind: 'S', Text: "setlinewidth(-1)"},
		{Kind: 'C', Paint: Paint{Gradient: &Gradient{}}},
		{Kind: 'Q'},
	} {
		bad := &Drawing{BB: Rect{Max: Point{10, 10}}, Lists: []List{{Object: "node", Name: "n1", Attr: "_draw_", Ops: []Op{op}}}}
		_, err := Draw(context.Background(), bad, Options{})
		if err == nil || !strings.Contains(err.Error(), `node "n1" _draw_: op 0`) {
			t.Errorf("Draw(%+v) = %v, want an error naming the operation", op, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	d := &Drawing{BB: Rect{Max: Point{10, 10}}, Lists: []List{{Ops: []Op{{Kind: 'L', Points: []Point{{0, 0}, {1, 1}}}}}}}
	if _, err := Draw(ctx, d, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Draw(cancelled) = %v, want context.Canceled", err)
	}
}

func TestDashes(t *testing.T) {
	line := []pt{{0, 0}, {10, 0}, {10, 10}}
	tests := []struct {
		name   string
		pts    []pt
		closed bool
		dash   [2]float64
		pieces int
		drawn  float64
	}{
		{"open", line, false, [2]float64{3, 2}, 4, 12},  // 0-3 5-8 10-13 15-18 (length 20)
		{"closed", line, true, [2]float64{6, 6}, 3, 18}, // 20 + 14.1 = 34.1: 0-6 12-18 24-30
		{"long dash", line, false, [2]float64{50, 1}, 1, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pieces := dashes(tt.pts, tt.closed, tt.dash)
			var drawn float64
			for _, p := range pieces {
				for i := 1; i < len(p); i++ {
					drawn += p[i].sub(p[i-1]).len()
				}
			}
			if len(pieces) != tt.pieces || math.Abs(drawn-tt.drawn) > 0.2 {
				t.Errorf("dashes = %d pieces, %.2f long; want %d, %.2f", len(pieces), drawn, tt.pieces, tt.drawn)
			}
		})
	}
}

// TestFillTiled checks that a path filled tile by tile, or a rectangle
// by its rim, comes out as it does in one piece: a long wide stroke, a
// rectangle, and text whose letters have holes.
func TestFillTiled(t *testing.T) {
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	const side = 1000
	// 10 pixels a point, (0, 100) at the top left.
	f := Frame{Scale: 10, Origin: Point{0, 100}, Size: image.Pt(side, side)}
	pen := newPen()
	pen.size = 40
	shapes := []struct {
		name string
		draw func(p *painter)
	}{
		{"stroke", func(p *painter) {
			stroke(&p.path, p.bezier([]Point{{2, 2}, {30, 90}, {70, 10}, {98, 98}}), false, 7, [2]float64{})
		}},
		{"rectangle", func(p *painter) {
			p.path.polygon([]pt{{100.3, 200.7}, {900.6, 200.7}, {900.6, 800.2}, {100.3, 800.2}})
		}},
		{"text", func(p *painter) {
			p.text.outline(p, Op{Kind: 'T', Points: []Point{{50, 30}}, Text: "O8@"}, &pen)
		}},
	}
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			var imgs [2]*image.RGBA
			for i := range imgs {
				img := image.NewRGBA(image.Rect(0, 0, side, side))
				for j := range img.Pix {
					img.Pix[j] = 0xff
				}
				p := &painter{img: img, f: f, text: newTypesetter(fonts)}
				sh.draw(p)
				if r := pixelRect(bounds(p.path.segs)); r.Dx()*r.Dy() < 16*tileSize*tileSize {
					t.Fatalf("%v is too small to be tiled", r)
				}
				if i == 0 {
					p.fill(&p.path, black)
				} else {
					p.rasterize(img.Bounds(), image.NewUniform(color.Black), p.path.segs)
				}
				imgs[i] = img
			}
			// A tile is small enough for the rasterizer's fixed-point
			// arithmetic, a whole picture not: steep edges differ a little.
			var differ, inked, sum int
			for i, v := range imgs[0].Pix {
				d := max(int(v)-int(imgs[1].Pix[i]), int(imgs[1].Pix[i])-int(v))
				sum += d
				if d > 40 {
					differ++
				}
				if v < 128 {
					inked++
				}
			}
			if differ > 0 || inked < 10000 || sum > inked {
				t.Errorf("tiled and whole fills differ by more than 40 in %d bytes, by %d in all (%d bytes inked)", differ, sum, inked)
			}
		})
	}
}
