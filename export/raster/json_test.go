package raster

import (
	"image/color"
	"reflect"
	"strings"
	"testing"
)

// graphWith returns Graphviz JSON of a laid-out graph whose _draw_ is ops.
func graphWith(ops string) []byte {
	return []byte(`{"name": "g", "bb": "0,0,100,50", "_draw_": ` + ops + `}`)
}

func rgba(r, g, b, a uint8) color.NRGBA { return color.NRGBA{r, g, b, a} }

func TestParseOps(t *testing.T) {
	tests := []struct {
		name string
		ops  string
		want []Op
		err  string // a part of the error; "" for none
	}{
		{"filled ellipse", `[{"op": "E", "rect": [10, 20, 5.5, 3]}]`,
			[]Op{{Kind: 'E', Points: []Point{{10, 20}, {5.5, 3}}}}, ""},
		{"unfilled ellipse", `[{"op": "e", "rect": [1, 2, 3, 4]}]`,
			[]Op{{Kind: 'e', Points: []Point{{1, 2}, {3, 4}}}}, ""},
		{"polygons and polyline", `[{"op": "P", "points": [[0,0],[10,0],[5,8]]}, {"op": "p", "points": [[1,1],[2,2]]}, {"op": "L", "points": [[0,0],[3,4]]}]`,
			[]Op{
				{Kind: 'P', Points: []Point{{0, 0}, {10, 0}, {5, 8}}},
				{Kind: 'p', Points: []Point{{1, 1}, {2, 2}}},
				{Kind: 'L', Points: []Point{{0, 0}, {3, 4}}},
			}, ""},
		// Graphviz's JSON names the B-splines the other way round from xdot.
		{"b-splines swapped", `[{"op": "b", "points": [[0,0],[1,1],[2,1],[3,0]]}, {"op": "B", "points": [[0,0],[1,1],[2,1],[3,0],[4,0],[5,1],[6,0]]}]`,
			[]Op{
				{Kind: 'B', Points: []Point{{0, 0}, {1, 1}, {2, 1}, {3, 0}}},
				{Kind: 'b', Points: []Point{{0, 0}, {1, 1}, {2, 1}, {3, 0}, {4, 0}, {5, 1}, {6, 0}}},
			}, ""},
		{"text and font", `[{"op": "F", "size": 11, "face": "Helvetica"}, {"op": "t", "fontchar": 5}, {"op": "T", "pt": [50, 20], "align": "l", "width": 30.5, "text": "Émilie"}, {"op": "T", "pt": [1, 2], "align": "r", "width": 3, "text": "x"}, {"op": "T", "pt": [1, 2], "align": "c", "width": 3, "text": "y"}]`,
			[]Op{
				{Kind: 'F', Size: 11, Text: "Helvetica"},
				{Kind: 't', Flags: Bold | Underline},
				{Kind: 'T', Points: []Point{{50, 20}}, Align: -1, Width: 30.5, Text: "Émilie"},
				{Kind: 'T', Points: []Point{{1, 2}}, Align: 1, Width: 3, Text: "x"},
				{Kind: 'T', Points: []Point{{1, 2}}, Align: 0, Width: 3, Text: "y"},
			}, ""},
		{"backslashes undoubled", `[{"op": "T", "pt": [0, 0], "align": "c", "width": 9, "text": "back\\\\slash \\\\N"}]`,
			[]Op{{Kind: 'T', Points: []Point{{0, 0}}, Width: 9, Text: `back\slash \N`}}, ""},
		{"colours", `[{"op": "c", "grad": "none", "color": "#ff000080"}, {"op": "C", "grad": "none", "color": "#00FF00"}, {"op": "c", "grad": "none", "color": "red"}, {"op": "c", "color": "transparent"}, {"op": "c", "color": "Gray"}]`,
			[]Op{
				{Kind: 'c', Paint: Paint{Color: rgba(255, 0, 0, 128)}},
				{Kind: 'C', Paint: Paint{Color: rgba(0, 255, 0, 255)}},
				{Kind: 'c', Paint: Paint{Color: rgba(255, 0, 0, 255)}},
				{Kind: 'c', Paint: Paint{Color: rgba(0, 0, 0, 0)}},
				{Kind: 'c', Paint: Paint{Color: rgba(0xbe, 0xbe, 0xbe, 255)}}, // X11's gray, not SVG's
			}, ""},
		{"gradients", `[{"op": "C", "grad": "linear", "p0": [0, 18], "p1": [54, 18], "stops": [{"frac": 0, "color": "#ff0000"}, {"frac": 1, "color": "#0000ff"}]}, {"op": "C", "grad": "radial", "p0": [5, 5, 0], "p1": [5, 5, 10], "stops": [{"frac": 0.5, "color": "#000000"}]}]`,
			[]Op{
				{Kind: 'C', Paint: Paint{Color: rgba(255, 0, 0, 255), Gradient: &Gradient{
					P0: Point{0, 18}, P1: Point{54, 18},
					Stops: []Stop{{0, rgba(255, 0, 0, 255)}, {1, rgba(0, 0, 255, 255)}},
				}}},
				{Kind: 'C', Paint: Paint{Color: rgba(0, 0, 0, 255), Gradient: &Gradient{
					Radial: true, P0: Point{5, 5}, P1: Point{5, 5}, R0: 0, R1: 10,
					Stops: []Stop{{0.5, rgba(0, 0, 0, 255)}},
				}}},
			}, ""},
		{"styles", `[{"op": "S", "style": "dashed"}, {"op": "S", "style": "setlinewidth(2.5)"}, {"op": "S", "style": "rounded"}]`,
			[]Op{{Kind: 'S', Text: "dashed"}, {Kind: 'S', Text: "setlinewidth(2.5)"}, {Kind: 'S', Text: "rounded"}}, ""},
		{"image skipped", `[{"op": "I", "pos": [0, 0], "size": [1, 1], "name": "x.png"}, {"op": "L", "points": [[0,0],[1,1]]}]`,
			[]Op{{Kind: 'L', Points: []Point{{0, 0}, {1, 1}}}}, ""},
		{"empty", `[]`, nil, ""},

		{"ellipse short", `[{"op": "E", "rect": [1, 2, 3]}]`, nil, `graph "g" _draw_: op 0 ("E"): rect has 3 numbers, want 4`},
		{"negative radius", `[{"op": "e", "rect": [1, 2, -3, 4]}]`, nil, "negative radius"},
		{"spline points", `[{"op": "c", "color": "#000000"}, {"op": "B", "points": [[0,0],[1,1],[2,1],[3,0],[4,4]]}]`, nil, `_draw_: op 1 ("B"): 5 control points, want 3n+1`},
		{"point of three", `[{"op": "P", "points": [[0,0,1],[1,1],[2,2]]}]`, nil, "point 0 has 3 numbers, want 2"},
		{"polyline of one", `[{"op": "L", "points": [[0,0]]}]`, nil, "1 points, want 2 or more"},
		{"text align", `[{"op": "T", "pt": [0, 0], "align": "x", "width": 1, "text": "a"}]`, nil, `align "x"`},
		{"text no pt", `[{"op": "T", "align": "l", "text": "a"}]`, nil, "pt has 0 numbers"},
		{"short hex", `[{"op": "c", "grad": "none", "color": "#12345"}]`, nil, `colour "#12345"`},
		{"bad hex", `[{"op": "C", "grad": "none", "color": "#gg0000"}]`, nil, `colour "#gg0000"`},
		{"unknown name", `[{"op": "c", "grad": "none", "color": "nosuchcolour"}]`, nil, `colour "nosuchcolour": unknown name`},
		{"gradient kind", `[{"op": "C", "grad": "conic", "color": "#000000"}]`, nil, `grad "conic"`},
		{"gradient no stops", `[{"op": "C", "grad": "linear", "p0": [0, 0], "p1": [1, 1], "stops": []}]`, nil, "without stops"},
		{"radial short", `[{"op": "C", "grad": "radial", "p0": [0, 0], "p1": [1, 1], "stops": [{"frac": 0, "color": "#000000"}]}]`, nil, "want 3"},
		{"line width", `[{"op": "S", "style": "setlinewidth(thick)"}]`, nil, `style "setlinewidth(thick)"`},
		{"unknown op", `[{"op": "Z"}]`, nil, `op 0 ("Z"): unknown operation`},
		{"not a list", `"c 7 -#000000"`, nil, `graph "g" _draw_: json: cannot unmarshal string`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseJSON(graphWith(tt.ops))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ParseJSON(%s) = %v, want an error with %q", tt.ops, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []Op
			if len(d.Lists) > 0 {
				got = d.Lists[0].Ops
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseJSON(%s) ops\n got %+v\nwant %+v", tt.ops, got, tt.want)
			}
		})
	}
}

// TestParseJSONOrder checks that lists come in the order Graphviz draws
// them: graph, clusters, then each node and the edges leaving it, each
// edge's head before the edge.
func TestParseJSONOrder(t *testing.T) {
	const data = `{
	  "name": "g", "bb": "0,0,200,100", "_subgraph_cnt": 1,
	  "_draw_": [{"op": "C", "color": "#ffffff"}, {"op": "P", "points": [[0,0],[0,100],[200,100],[200,0]]}],
	  "_ldraw_": [{"op": "T", "pt": [100, 90], "align": "c", "width": 20, "text": "caption"}],
	  "objects": [
	    {"name": "cluster_x", "_gvid": 0, "_draw_": [{"op": "p", "points": [[0,0],[1,1]]}]},
	    {"name": "a", "_gvid": 1, "_draw_": [{"op": "e", "rect": [10, 10, 5, 5]}], "_ldraw_": [{"op": "T", "pt": [10, 10], "align": "c", "width": 5, "text": "a"}]},
	    {"name": "b", "_gvid": 2, "_draw_": [{"op": "e", "rect": [50, 10, 5, 5]}]},
	    {"name": "c", "_gvid": 3, "_draw_": [{"op": "e", "rect": [90, 10, 5, 5]}]},
	    {"name": "d", "_gvid": 4}
	  ],
	  "edges": [
	    {"_gvid": 0, "tail": 1, "head": 3, "_draw_": [{"op": "b", "points": [[0,0],[1,1],[2,1],[3,0]]}], "_hdraw_": [{"op": "P", "points": [[0,0],[1,1],[2,0]]}], "_ldraw_": [{"op": "T", "pt": [1, 1], "align": "c", "width": 1, "text": "x"}], "_tdraw_": [{"op": "P", "points": [[0,0],[1,1],[2,0]]}]},
	    {"_gvid": 1, "tail": 2, "head": 1, "_draw_": [{"op": "b", "points": [[0,0],[1,1],[2,1],[3,0]]}]}
	  ]
	}`
	d, err := ParseJSON([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Rect{Point{0, 0}, Point{200, 100}}); d.BB != want {
		t.Errorf("BB = %v, want %v", d.BB, want)
	}
	var got []string
	for _, l := range d.Lists {
		got = append(got, l.Object+" "+l.Name+" "+l.Attr)
	}
	want := []string{
		"graph g _draw_",
		"graph g _ldraw_",
		"subgraph cluster_x _draw_",
		"node a _draw_",
		"node a _ldraw_",
		"node c _draw_",
		"edge a->c _draw_",
		"edge a->c _tdraw_",
		"edge a->c _hdraw_",
		"edge a->c _ldraw_",
		"node b _draw_",
		"edge b->a _draw_",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lists\n got %q\nwant %q", got, want)
	}
}

func TestParseJSONErrors(t *testing.T) {
	tests := []struct{ name, data, err string }{
		{"not json", `{"name": `, "graphviz json"},
		{"no layout", `{"name": "g"}`, "no bb"},
		{"bad bb", `{"name": "g", "bb": "0,0,10"}`, `bb: "0,0,10"`},
		{"empty bb", `{"name": "g", "bb": "10,0,0,10"}`, "empty"},
		{"nan bb", `{"name": "g", "bb": "0,0,NaN,10"}`, "want llx"},
		{"subgraph count", `{"name": "g", "bb": "0,0,1,1", "_subgraph_cnt": 2, "objects": [{"name": "a"}]}`, "_subgraph_cnt 2"},
		{"edge to nowhere", `{"name": "g", "bb": "0,0,1,1", "objects": [{"name": "a"}], "edges": [{"tail": 0, "head": 4}]}`, "edge 0: no node 4"},
		{"bad node op", `{"name": "g", "bb": "0,0,1,1", "objects": [{"name": "n1", "_ldraw_": [{"op": "F", "size": -1, "face": "x"}]}]}`, `node "n1" _ldraw_: op 0 ("F"): negative size`},
		{"bad edge op", `{"name": "g", "bb": "0,0,1,1", "objects": [{"name": "a"}, {"name": "b"}], "edges": [{"tail": 0, "head": 1, "_hdraw_": [{"op": "P", "points": [[0, 0]]}]}]}`, `edge "a->b" _hdraw_: op 0 ("P")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseJSON([]byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseJSON(%s) = %v, want an error with %q", tt.data, err, tt.err)
			}
		})
	}
}
