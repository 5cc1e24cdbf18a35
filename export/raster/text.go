package raster

import (
	"fmt"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// fontSet is the Go fonts, parsed. sfnt.Font values are immutable and
// safe for concurrent use, each call with its own sfnt.Buffer.
type fontSet [4]*sfnt.Font // indexed by Bold|Italic

// loadFonts parses the embedded fonts once per process.
var loadFonts = sync.OnceValues(func() (*fontSet, error) {
	var fs fontSet
	for i, ttf := range [][]byte{goregular.TTF, gobold.TTF, goitalic.TTF, gobolditalic.TTF} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			return nil, fmt.Errorf("raster: go font %d: %w", i, err)
		}
		fs[i] = f
	}
	return &fs, nil
})

// face returns the Go font standing for the font named name with the
// characteristics flags.
func (fs *fontSet) face(name string, flags int) *sfnt.Font {
	name = strings.ToLower(name)
	i := 0
	if flags&Bold != 0 || strings.Contains(name, "bold") || strings.Contains(name, "black") || strings.Contains(name, "heavy") {
		i |= Bold
	}
	if flags&Italic != 0 || strings.Contains(name, "italic") || strings.Contains(name, "oblique") {
		i |= Italic
	}
	return fs[i]
}

// refPPEM is the size at which glyph outlines are loaded, then scaled:
// large enough for 1/64 of a pixel at that size to be exact enough at any
// other.
const refPPEM = 256

// typesetter lays out and draws text, caching glyph outlines.
type typesetter struct {
	fonts  *fontSet
	buf    sfnt.Buffer
	glyphs map[glyphKey]*glyph
}

type glyphKey struct {
	f *sfnt.Font
	x sfnt.GlyphIndex
}

// glyph is an outline in ems from the glyph's origin on the baseline, y
// growing downwards, and its advance in ems.
type glyph struct {
	segs    []seg
	advance float64
}

func newTypesetter(fs *fontSet) *typesetter {
	return &typesetter{fonts: fs, glyphs: make(map[glyphKey]*glyph)}
}

func (t *typesetter) glyph(f *sfnt.Font, x sfnt.GlyphIndex) *glyph {
	k := glyphKey{f, x}
	if g, ok := t.glyphs[k]; ok {
		return g
	}
	g := new(glyph)
	t.glyphs[k] = g
	ppem := fixed.I(refPPEM)
	if adv, err := f.GlyphAdvance(&t.buf, x, ppem, font.HintingNone); err == nil {
		g.advance = fixedEm(adv)
	}
	segs, err := f.LoadGlyph(&t.buf, x, ppem, nil)
	if err != nil {
		return g // drawn as a blank of its advance
	}
	for _, s := range segs {
		var q seg
		n := 1
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			q.op = 'M'
		case sfnt.SegmentOpLineTo:
			q.op = 'L'
		case sfnt.SegmentOpQuadTo:
			q.op, n = 'Q', 2
		case sfnt.SegmentOpCubeTo:
			q.op, n = 'C', 3
		}
		for i := range n {
			q.p[i] = pt{fixedEm(s.Args[i].X), fixedEm(s.Args[i].Y)}
		}
		g.segs = append(g.segs, q)
	}
	return g
}

func fixedEm(v fixed.Int26_6) float64 { return float64(v) / 64 / refPPEM }

// draw sets the text of a T operation with the pen's font and colour.
func (t *typesetter) draw(p *painter, op Op, pn *pen) {
	if visible(pn.stroke) && t.outline(p, op, pn) {
		p.fill(&p.path, pn.stroke)
	}
}

// outline sets p.path to the outline of the text of a T operation with
// the pen's font. It reports false if there is nothing to draw.
func (t *typesetter) outline(p *painter, op Op, pn *pen) bool {
	size := pn.size * p.f.Scale // pixels per em
	if op.Text == "" || size <= 0 {
		return false
	}
	f := t.fonts.face(pn.font, pn.flags)

	// Lay the glyphs out in ems.
	type placed struct {
		g *glyph
		x float64
	}
	var line []placed
	var x float64
	prev := sfnt.GlyphIndex(0)
	for i, r := range op.Text {
		gi, err := f.GlyphIndex(&t.buf, r)
		if err != nil {
			gi = 0
		}
		if i > 0 && gi != 0 && prev != 0 {
			if k, err := f.Kern(&t.buf, prev, gi, fixed.I(refPPEM), font.HintingNone); err == nil {
				x += fixedEm(k)
			}
		}
		g := t.glyph(f, gi)
		line = append(line, placed{g, x})
		x += g.advance
		prev = gi
	}

	// Squeeze text wider than Graphviz measured it, so that it stays
	// inside its node: Graphviz knows the metrics of its standard fonts,
	// not of the Go fonts.
	width, squeeze := x*size, 1.0
	if want := op.Width * p.f.Scale; want > 0 && width > want {
		squeeze = want / width
		width = want
	}
	ax, ay := p.f.Pixel(op.Points[0])
	switch op.Align {
	case 0:
		ax -= width / 2
	case 1:
		ax -= width
	}
	at := func(q pt, off float64) pt {
		return pt{ax + (off+q.x)*size*squeeze, ay + q.y*size}
	}
	p.path.reset()
	for _, pl := range line {
		for _, s := range pl.g.segs {
			q := s
			for i := range q.p {
				q.p[i] = at(s.p[i], pl.x)
			}
			p.path.segs = append(p.path.segs, q)
		}
		if len(pl.g.segs) > 0 {
			p.path.add('Z')
		}
	}
	// Lines across the text, at heights in ems above the baseline.
	thick := max(size/16, 1)
	for _, l := range []struct {
		flag int
		y    float64
	}{{Underline, -0.12}, {StrikeThrough, 0.28}, {Overline, 0.78}} {
		if pn.flags&l.flag != 0 {
			y := ay - l.y*size
			p.path.positive(pt{ax, y - thick/2}, pt{ax + width, y - thick/2}, pt{ax + width, y + thick/2}, pt{ax, y + thick/2})
		}
	}
	return len(p.path.segs) > 0
}
