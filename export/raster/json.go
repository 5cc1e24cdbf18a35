package raster

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Drawing is a graph as Graphviz drew it: its bounding box and the lists
// of operations that draw it, in the order to draw them.
type Drawing struct {
	BB    Rect
	Lists []List
}

// List is the operations of one xdot attribute of one object. Each list
// starts with a fresh pen: black, one point wide, solid, 14-point
// Times-Roman, as in xdot.
type List struct {
	Object string // "graph", "subgraph", "node" or "edge"
	Name   string // the object's name; an edge's is "tail->head"
	Attr   string // _draw_, _ldraw_, _hdraw_, _tdraw_, _hldraw_ or _tldraw_
	Ops    []Op
}

// jsonGraph is what ParseJSON reads of Graphviz's -Tjson output.
type jsonGraph struct {
	Name        string       `json:"name"`
	BB          string       `json:"bb"`
	SubgraphCnt int          `json:"_subgraph_cnt"`
	Objects     []jsonObject `json:"objects"`
	Edges       []jsonEdge   `json:"edges"`
	jsonDraw
}

type jsonObject struct {
	Name string `json:"name"`
	jsonDraw
}

type jsonEdge struct {
	Tail int `json:"tail"`
	Head int `json:"head"`
	jsonDraw
}

// jsonDraw holds the xdot attributes of an object, undecoded so that an
// error can name the object and attribute.
type jsonDraw struct {
	Draw   json.RawMessage `json:"_draw_"`
	LDraw  json.RawMessage `json:"_ldraw_"`
	HDraw  json.RawMessage `json:"_hdraw_"`
	TDraw  json.RawMessage `json:"_tdraw_"`
	HLDraw json.RawMessage `json:"_hldraw_"`
	TLDraw json.RawMessage `json:"_tldraw_"`
}

type jsonOp struct {
	Op       string          `json:"op"`
	Rect     []float64       `json:"rect"`
	Points   [][]float64     `json:"points"`
	Pt       []float64       `json:"pt"`
	Align    string          `json:"align"`
	Width    float64         `json:"width"`
	Text     string          `json:"text"`
	Size     json.RawMessage `json:"size"` // a number for F, a pair for I
	Face     string          `json:"face"`
	Grad     string          `json:"grad"`
	Color    string          `json:"color"`
	P0       []float64       `json:"p0"`
	P1       []float64       `json:"p1"`
	Stops    []jsonStop      `json:"stops"`
	Style    string          `json:"style"`
	FontChar int             `json:"fontchar"`
}

type jsonStop struct {
	Frac  float64 `json:"frac"`
	Color string  `json:"color"`
}

// ParseJSON reads a graph laid out and written by Graphviz as JSON (the
// json format, xdot version 1.7, whose operations come parsed) and returns
// its drawing, in the order Graphviz's own renderers draw it: the graph,
// its clusters, then each node followed by the edges leaving it.
func ParseJSON(data []byte) (*Drawing, error) {
	var g jsonGraph
	if err := json.Unmarshal(data, &g); err != nil {
		return nil, fmt.Errorf("graphviz json: %w", err)
	}
	if g.BB == "" {
		return nil, errors.New("graphviz json: the graph has no bb: it was not laid out")
	}
	bb, err := parseBB(g.BB)
	if err != nil {
		return nil, fmt.Errorf("graphviz json: graph bb: %w", err)
	}
	if g.SubgraphCnt < 0 || g.SubgraphCnt > len(g.Objects) {
		return nil, fmt.Errorf("graphviz json: _subgraph_cnt %d with %d objects", g.SubgraphCnt, len(g.Objects))
	}
	d := &Drawing{BB: bb}
	if err := d.add("graph", g.Name, g.jsonDraw); err != nil {
		return nil, err
	}
	for _, s := range g.Objects[:g.SubgraphCnt] {
		if err := d.add("subgraph", s.Name, s.jsonDraw); err != nil {
			return nil, err
		}
	}

	// Graphviz draws each node, then for each edge leaving it the edge's
	// head and the edge, so that edges lie over the nodes they leave.
	nodes := g.Objects[g.SubgraphCnt:]
	out := make([][]int, len(nodes))
	for i, e := range g.Edges {
		for _, end := range []int{e.Tail, e.Head} {
			if end < g.SubgraphCnt || end >= len(g.Objects) {
				return nil, fmt.Errorf("graphviz json: edge %d: no node %d", i, end)
			}
		}
		t := e.Tail - g.SubgraphCnt
		out[t] = append(out[t], i)
	}
	drawn := make([]bool, len(nodes))
	drawNode := func(i int) error {
		if drawn[i] {
			return nil
		}
		drawn[i] = true
		return d.add("node", nodes[i].Name, nodes[i].jsonDraw)
	}
	for i := range nodes {
		if err := drawNode(i); err != nil {
			return nil, err
		}
		for _, ei := range out[i] {
			e := g.Edges[ei]
			if err := drawNode(e.Head - g.SubgraphCnt); err != nil {
				return nil, err
			}
			name := nodes[i].Name + "->" + nodes[e.Head-g.SubgraphCnt].Name
			if err := d.add("edge", name, e.jsonDraw); err != nil {
				return nil, err
			}
		}
	}
	return d, nil
}

// add appends the lists of one object, in the order Graphviz draws them:
// the shape, arrowheads, then labels.
func (d *Drawing) add(object, name string, jd jsonDraw) error {
	for _, a := range []struct {
		attr string
		raw  json.RawMessage
	}{
		{"_draw_", jd.Draw},
		{"_tdraw_", jd.TDraw},
		{"_hdraw_", jd.HDraw},
		{"_ldraw_", jd.LDraw},
		{"_hldraw_", jd.HLDraw},
		{"_tldraw_", jd.TLDraw},
	} {
		if len(a.raw) == 0 {
			continue
		}
		ops, err := parseOps(a.raw)
		if err != nil {
			return fmt.Errorf("graphviz json: %s %q %s: %w", object, name, a.attr, err)
		}
		if len(ops) > 0 {
			d.Lists = append(d.Lists, List{Object: object, Name: name, Attr: a.attr, Ops: ops})
		}
	}
	return nil
}

// parseOps decodes and checks the operations of one xdot attribute.
func parseOps(raw json.RawMessage) ([]Op, error) {
	var jops []jsonOp
	if err := json.Unmarshal(raw, &jops); err != nil {
		return nil, err
	}
	ops := make([]Op, 0, len(jops))
	for i, j := range jops {
		op, ok, err := j.op()
		if err != nil {
			return nil, fmt.Errorf("op %d (%q): %w", i, j.Op, err)
		}
		if ok {
			ops = append(ops, op)
		}
	}
	return ops, nil
}

// op converts one operation. It reports false for an operation Draw
// ignores (images).
func (j jsonOp) op() (Op, bool, error) {
	if len(j.Op) != 1 {
		return Op{}, false, errors.New("unknown operation")
	}
	op := Op{Kind: j.Op[0]}
	var err error
	switch op.Kind {
	case 'E', 'e':
		if len(j.Rect) != 4 {
			return op, false, fmt.Errorf("rect has %d numbers, want 4", len(j.Rect))
		}
		if j.Rect[2] < 0 || j.Rect[3] < 0 {
			return op, false, errors.New("negative radius")
		}
		op.Points = []Point{{j.Rect[0], j.Rect[1]}, {j.Rect[2], j.Rect[3]}}
	case 'P', 'p', 'L', 'B', 'b':
		if op.Points, err = points(j.Points); err != nil {
			return op, false, err
		}
		switch n := len(op.Points); {
		case op.Kind == 'B' || op.Kind == 'b':
			if n < 4 || (n-1)%3 != 0 {
				return op, false, fmt.Errorf("%d control points, want 3n+1", n)
			}
			// Graphviz's JSON writer swaps the two B-spline letters of the
			// xdot text format: there B is the filled one.
			op.Kind ^= 'B' ^ 'b'
		case n < 2:
			return op, false, fmt.Errorf("%d points, want 2 or more", n)
		}
	case 'T':
		if len(j.Pt) != 2 {
			return op, false, fmt.Errorf("pt has %d numbers, want 2", len(j.Pt))
		}
		op.Points = []Point{{j.Pt[0], j.Pt[1]}}
		switch j.Align {
		case "l":
			op.Align = -1
		case "c":
			op.Align = 0
		case "r":
			op.Align = 1
		default:
			return op, false, fmt.Errorf("align %q, want l, c or r", j.Align)
		}
		if j.Width < 0 {
			return op, false, fmt.Errorf("negative width %g", j.Width)
		}
		// Graphviz 12 writes text in JSON with its backslashes doubled
		// (Graphviz 2.43 did not): a text with two in a row is rare enough
		// to take them always as one.
		op.Width, op.Text = j.Width, strings.ReplaceAll(j.Text, `\\`, `\`)
	case 'F':
		if err := json.Unmarshal(j.Size, &op.Size); err != nil {
			return op, false, fmt.Errorf("size: %w", err)
		}
		if op.Size < 0 {
			return op, false, fmt.Errorf("negative size %g", op.Size)
		}
		op.Text = j.Face
	case 'c', 'C':
		if op.Paint, err = j.paint(); err != nil {
			return op, false, err
		}
	case 'S':
		if _, err := parseStyle(j.Style); err != nil {
			return op, false, err
		}
		op.Text = j.Style
	case 't':
		if j.FontChar < 0 {
			return op, false, fmt.Errorf("negative fontchar %d", j.FontChar)
		}
		op.Flags = j.FontChar
	case 'I':
		return op, false, nil
	default:
		return op, false, errors.New("unknown operation")
	}
	return op, true, nil
}

func points(raw [][]float64) ([]Point, error) {
	pts := make([]Point, len(raw))
	for i, p := range raw {
		if len(p) != 2 {
			return nil, fmt.Errorf("point %d has %d numbers, want 2", i, len(p))
		}
		pts[i] = Point{p[0], p[1]}
	}
	return pts, nil
}

func (j jsonOp) paint() (Paint, error) {
	switch j.Grad {
	case "", "none":
		c, err := parseColor(j.Color)
		return Paint{Color: c}, err
	case "linear", "radial":
	default:
		return Paint{}, fmt.Errorf("grad %q, want none, linear or radial", j.Grad)
	}
	g := &Gradient{Radial: j.Grad == "radial"}
	want := 2
	if g.Radial {
		want = 3
	}
	if len(j.P0) != want || len(j.P1) != want {
		return Paint{}, fmt.Errorf("%s gradient: p0 and p1 have %d and %d numbers, want %d", j.Grad, len(j.P0), len(j.P1), want)
	}
	g.P0, g.P1 = Point{j.P0[0], j.P0[1]}, Point{j.P1[0], j.P1[1]}
	if g.Radial {
		g.R0, g.R1 = j.P0[2], j.P1[2]
	}
	if len(j.Stops) == 0 {
		return Paint{}, fmt.Errorf("%s gradient without stops", j.Grad)
	}
	for _, s := range j.Stops {
		c, err := parseColor(s.Color)
		if err != nil {
			return Paint{}, fmt.Errorf("%s gradient: %w", j.Grad, err)
		}
		g.Stops = append(g.Stops, Stop{Frac: s.Frac, Color: c})
	}
	return Paint{Color: g.Stops[0].Color, Gradient: g}, nil
}

// parseBB reads a Graphviz rectangle, "llx,lly,urx,ury".
func parseBB(s string) (Rect, error) {
	f := strings.Split(s, ",")
	if len(f) != 4 {
		return Rect{}, fmt.Errorf("%q: want llx,lly,urx,ury", s)
	}
	var v [4]float64
	for i, x := range f {
		var err error
		if v[i], err = strconv.ParseFloat(strings.TrimSpace(x), 64); err != nil || math.IsNaN(v[i]) || math.IsInf(v[i], 0) {
			return Rect{}, fmt.Errorf("%q: want llx,lly,urx,ury", s)
		}
	}
	if v[2] < v[0] || v[3] < v[1] {
		return Rect{}, fmt.Errorf("%q: empty", s)
	}
	return Rect{Point{v[0], v[1]}, Point{v[2], v[3]}}, nil
}
