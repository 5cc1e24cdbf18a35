package raster

import (
	"errors"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"golang.org/x/image/colornames"
)

// Point is a position in Graphviz points (1/72 inch), y growing upwards.
type Point struct{ X, Y float64 }

// Rect is an axis-aligned rectangle in points.
type Rect struct{ Min, Max Point }

// Op is one xdot drawing operation. Kind is its letter in the xdot text
// format; the other fields that matter depend on it:
//
//	E, e     filled, unfilled ellipse: Points[0] its centre, Points[1] its radii
//	P, p     filled, unfilled polygon: Points its vertices
//	L        polyline: Points
//	b, B     filled, unfilled B-spline: Points its 3n+1 control points
//	T        text: Points[0] its anchor on the baseline, Align, Width, Text
//	F        font: Size, Text the font name
//	c, C     pen, fill colour: Paint
//	S        style: Text, such as "dashed", "bold" or "setlinewidth(2)"
//	t        font characteristics: Flags
//
// Filled shapes are filled with the fill colour and outlined with the pen.
type Op struct {
	Kind   byte
	Points []Point
	Text   string
	Align  int     // -1 left, 0 centred, 1 right of the anchor
	Width  float64 // of the text as Graphviz measured it, points
	Size   float64 // font size, points
	Flags  int     // sum of Bold, Italic, Underline, ...
	Paint  Paint
}

// The font characteristics of a t operation.
const (
	Bold = 1 << iota
	Italic
	Underline
	Superscript
	Subscript
	StrikeThrough
	Overline
)

// Paint is a plain colour or a gradient.
type Paint struct {
	Color    color.NRGBA // the colour; for a gradient, its first stop's
	Gradient *Gradient   // nil for a plain colour
}

// Gradient is a linear gradient from P0 to P1, or a radial one between the
// circles of radius R0 about P0 and R1 about P1.
type Gradient struct {
	Radial bool
	P0, P1 Point
	R0, R1 float64
	Stops  []Stop
}

// Stop is a colour a gradient takes at a fraction of its way.
type Stop struct {
	Frac  float64
	Color color.NRGBA
}

// check reports an operation Draw cannot draw.
func (op Op) check() error {
	n := len(op.Points)
	switch op.Kind {
	case 'E', 'e':
		if n != 2 {
			return fmt.Errorf("%d points, want centre and radii", n)
		}
	case 'P', 'p', 'L':
		if n < 2 {
			return fmt.Errorf("%d points, want 2 or more", n)
		}
	case 'B', 'b':
		if n < 4 || (n-1)%3 != 0 {
			return fmt.Errorf("%d control points, want 3n+1", n)
		}
	case 'T':
		if n != 1 {
			return fmt.Errorf("%d points, want the anchor", n)
		}
	case 'c', 'C':
		if g := op.Paint.Gradient; g != nil && len(g.Stops) == 0 {
			return errors.New("gradient without stops")
		}
	case 'S':
		_, err := parseStyle(op.Text)
		return err
	case 'F', 't':
	default:
		return errors.New("unknown operation")
	}
	return nil
}

// parseColor reads a colour as Graphviz writes it in xdot: #rrggbb or
// #rrggbbaa, or a colour name.
func parseColor(s string) (color.NRGBA, error) {
	if hex, ok := strings.CutPrefix(s, "#"); ok {
		if len(hex) != 6 && len(hex) != 8 {
			return color.NRGBA{}, fmt.Errorf("colour %q: want #rrggbb or #rrggbbaa", s)
		}
		v, err := strconv.ParseUint(hex, 16, 32)
		if err != nil {
			return color.NRGBA{}, fmt.Errorf("colour %q: want #rrggbb or #rrggbbaa", s)
		}
		if len(hex) == 6 {
			v = v<<8 | 0xff
		}
		return color.NRGBA{R: uint8(v >> 24), G: uint8(v >> 16), B: uint8(v >> 8), A: uint8(v)}, nil
	}
	name := strings.ToLower(s)
	switch name {
	case "transparent", "none", "invis":
		return color.NRGBA{}, nil
	// Graphviz's names are X11's, which differ from the SVG names in
	// colornames for these.
	case "gray", "grey":
		return color.NRGBA{R: 0xbe, G: 0xbe, B: 0xbe, A: 0xff}, nil
	case "green":
		return color.NRGBA{G: 0xff, A: 0xff}, nil
	case "maroon":
		return color.NRGBA{R: 0xb0, G: 0x30, B: 0x60, A: 0xff}, nil
	case "purple":
		return color.NRGBA{R: 0xa0, G: 0x20, B: 0xf0, A: 0xff}, nil
	}
	if c, ok := colornames.Map[name]; ok {
		return color.NRGBA{R: c.R, G: c.G, B: c.B, A: c.A}, nil
	}
	return color.NRGBA{}, fmt.Errorf("colour %q: unknown name", s)
}

// lineStyle is what an S operation says of the pen.
type lineStyle struct {
	width float64    // points; < 0 leaves the width as it was
	dash  [2]float64 // on and off lengths, points; zero for a solid line
	set   bool       // whether the style says anything of the dashes
	invis bool
}

// parseStyle reads the style of an S operation. Styles that concern
// shapes rather than the pen (filled, rounded, ...) say nothing.
func parseStyle(s string) (lineStyle, error) {
	st := lineStyle{width: -1}
	switch s {
	case "solid":
		st.set = true
	// The dash patterns of Graphviz's Cairo renderer.
	case "dashed":
		st.set, st.dash = true, [2]float64{6, 6}
	case "dotted":
		st.set, st.dash = true, [2]float64{2, 6}
	case "bold":
		st.width = 2
	case "invis", "invisible":
		st.invis = true
	default:
		if arg, ok := strings.CutPrefix(s, "setlinewidth("); ok {
			arg, ok = strings.CutSuffix(arg, ")")
			w, err := strconv.ParseFloat(arg, 64)
			if !ok || err != nil || w < 0 {
				return st, fmt.Errorf("style %q: want setlinewidth(N) with N ≥ 0", s)
			}
			st.width = w
		}
	}
	return st, nil
}
