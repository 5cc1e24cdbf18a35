package plot

import (
	"image/color"
	"math"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/kgraph/kg/score"
)

// The figure's size and the margins around the axes, in SVG user units,
// which are the PNG's pixels.
const (
	width, height            = 800, 600
	left, right, top, bottom = 80, 40, 80, 70
)

// Colours, as 0xRRGGBB: the curve stands out, the grid recedes.
const (
	ink   rgb = 0x222222
	grey  rgb = 0x666666
	faint rgb = 0xdddddd
	blue  rgb = 0x1f77b4
)

// rgb is an opaque colour.
type rgb uint32

func (c rgb) nrgba() color.NRGBA {
	return color.NRGBA{R: uint8(c >> 16), G: uint8(c >> 8), B: uint8(c), A: 0xff}
}

// The text anchors, as raster.Op's Align counts them.
const (
	start  = -1
	middle = 0
	end    = 1
)

// xy is a position in the figure, y growing downwards as in SVG.
type xy struct{ x, y float64 }

// shape is one thing drawn: a polyline, a disc or a line of text.
type shape struct {
	kind   byte // 'L' polyline, 'D' disc, 'T' text
	pts    []xy // the polyline; the disc's centre; the text's anchor on its baseline
	r      float64
	width  float64 // of a polyline's stroke
	colour rgb
	text   string
	size   float64 // of the text
	fit    float64 // the text's greatest width; 0 for any
	anchor int
	bold   bool
	// class and threshold tell the SVG's markers apart for whoever reads
	// it; they do not change the drawing.
	class     string
	threshold float64
}

// at is where recall r and precision p fall in the figure.
func at(r, p float64) xy {
	return xy{
		left + r*(width-left-right),
		top + (1-p)*(height-top-bottom),
	}
}

// layout lays out the curve of pts under title, in drawing order.
func layout(title string, pts []score.Point) []shape {
	var out []shape
	add := func(s shape) { out = append(out, s) }
	txt := func(x, y float64, s string, size float64, anchor int, c rgb) {
		add(shape{kind: 'T', pts: []xy{{x, y}}, text: s, size: size, anchor: anchor, colour: c})
	}

	add(shape{kind: 'T', pts: []xy{{width / 2, 32}}, text: title, size: 17, fit: width - 40, anchor: middle, colour: ink, bold: true})
	txt(width/2, 54, "each point: the produced triples of confidence ≥ its label", 13, middle, grey)

	// Grid and tick labels every 0.2, then the frame over them.
	for i := 0; i <= 5; i++ {
		v := float64(i) / 5
		tick := conf(v)
		a, b := at(v, 0), at(v, 1)
		add(shape{kind: 'L', pts: []xy{a, b}, width: 1, colour: faint, class: "grid"})
		txt(a.x, a.y+20, tick, 13, middle, ink)
		a, b = at(0, v), at(1, v)
		add(shape{kind: 'L', pts: []xy{a, b}, width: 1, colour: faint, class: "grid"})
		txt(a.x-8, a.y+5, tick, 13, end, ink)
	}
	add(shape{kind: 'L', pts: []xy{at(0, 1), at(0, 0), at(1, 0), at(1, 1), at(0, 1)}, width: 1.2, colour: ink, class: "axes"})
	txt(width/2, height-bottom+46, "recall", 15, middle, ink)
	txt(left-8, top-12, "precision", 15, end, ink)

	var line []xy
	var marks []shape
	var labels []label
	for i, p := range pts {
		if p.Produced == 0 {
			continue
		}
		c := at(p.Recall, p.Precision)
		line = append(line, c)
		marks = append(marks, shape{kind: 'D', pts: []xy{c}, r: markR, colour: blue, class: "point", threshold: p.MinConfidence})
		// Label the last of a run of thresholds at one point, with the run.
		if i+1 < len(pts) && pts[i+1].Produced > 0 && samePoint(pts[i+1], p) {
			continue
		}
		first := i
		for first > 0 && pts[first-1].Produced > 0 && samePoint(pts[first-1], p) {
			first--
		}
		text := conf(p.MinConfidence)
		if first < i {
			text = conf(pts[first].MinConfidence) + "–" + text
		}
		labels = append(labels, label{at: c, text: text})
	}
	if len(line) > 1 {
		add(shape{kind: 'L', pts: line, width: 2, colour: blue, class: "curve"})
	}
	out = append(out, marks...)
	out = append(out, place(labels, line)...)
	if len(line) == 0 {
		txt(width/2, (top+height-bottom)/2, "no triple at any threshold", 15, middle, grey)
	}
	return out
}

// markR is the radius of a point's marker; labelSize the size of its
// label.
const (
	markR     = 4.5
	labelSize = 13
)

// label is the text to set beside the marker at at.
type label struct {
	at   xy
	text string
}

// box is a rectangle of the figure.
type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// textBox is where text set at the baseline point p, left-aligned, lies.
func textBox(p xy, text string, size float64) box {
	return box{p.x, p.y - 0.8*size, p.x + textWidth(text, size), p.y + 0.25*size}
}

// place sets each label as near its marker as it can without covering
// another label, a marker or the curve through line, trying offsets in
// order of distance from the preferred one (above and to the right); a
// label pushed away from its marker gets a thin line to it. Points of a
// curve crowd where recall is low, so this matters more than it seems.
func place(labels []label, line []xy) []shape {
	type offset struct{ dx, dy float64 }
	var offsets []offset
	for dx := -96.0; dx <= 96; dx += 4 {
		for dy := -72.0; dy <= 72; dy += 4 {
			offsets = append(offsets, offset{dx, dy})
		}
	}
	dist := func(o offset) float64 { return math.Hypot(o.dx, o.dy) }
	sort.SliceStable(offsets, func(i, j int) bool { return dist(offsets[i]) < dist(offsets[j]) })

	var taken []box
	for _, c := range line {
		taken = append(taken, box{c.x - markR - 1, c.y - markR - 1, c.x + markR + 1, c.y + markR + 1})
	}
	inside := box{left + 2, top - 20, width - 2, height - bottom - 2}
	free := func(b box, strict bool) bool {
		if b.x0 < inside.x0 || b.x1 > inside.x1 || b.y0 < inside.y0 || b.y1 > inside.y1 {
			return false
		}
		for _, t := range taken {
			if b.overlaps(t) {
				return false
			}
		}
		if strict {
			for i := 1; i < len(line); i++ {
				if segmentCrosses(line[i-1], line[i], b) {
					return false
				}
			}
		}
		return true
	}

	var out, leaders []shape
	for _, l := range labels {
		w := textWidth(l.text, labelSize)
		// The label's top-left corner by default sits up and right of the
		// marker; offsets move it from there.
		home := xy{l.at.x + 7, l.at.y - 7 - 0.8*labelSize}
		boxAt := func(o offset) box {
			return box{home.x + o.dx, home.y + o.dy, home.x + o.dx + w, home.y + o.dy + 1.05*labelSize}
		}
		best, found := offset{}, false
		for _, strict := range []bool{true, false} {
			for _, o := range offsets {
				if free(boxAt(o), strict) {
					best, found = o, true
					break
				}
			}
			if found {
				break
			}
		}
		b := boxAt(best)
		taken = append(taken, b)
		out = append(out, shape{kind: 'T', pts: []xy{{b.x0, b.y0 + 0.8*labelSize}}, text: l.text, size: labelSize, anchor: start, colour: ink, class: "label"})
		// A label pushed off its marker points to it.
		if near := nearest(b, l.at); math.Hypot(near.x-l.at.x, near.y-l.at.y) > markR+10 {
			leaders = append(leaders, shape{kind: 'L', pts: []xy{l.at, near}, width: 0.8, colour: grey, class: "leader"})
		}
	}
	return append(leaders, out...)
}

// nearest is the point of b nearest p.
func nearest(b box, p xy) xy {
	return xy{min(max(p.x, b.x0), b.x1), min(max(p.y, b.y0), b.y1)}
}

// segmentCrosses reports whether the segment from a to b enters box r
// (Liang–Barsky clipping).
func segmentCrosses(a, b xy, r box) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := b.x-a.x, b.y-a.y
	for _, e := range [4][2]float64{{-dx, a.x - r.x0}, {dx, r.x1 - a.x}, {-dy, a.y - r.y0}, {dy, r.y1 - a.y}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		t := q / p
		if p < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

func samePoint(a, b score.Point) bool {
	return a.Precision == b.Precision && a.Recall == b.Recall
}

func conf(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// textWidth guesses the width of text set in size, for SVG, whose
// reader's fonts are unknown: about 0.55 em a character, as the Go fonts
// and Helvetica average on lower case and digits.
func textWidth(text string, size float64) float64 {
	return float64(utf8.RuneCountInString(text)) * size * 0.55
}
