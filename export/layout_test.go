package export

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// ring returns n entities of every type in a ring, each also linked to
// the one step entities along, so that no layout is trivial.
func ring(n, step int) []graph.Edge {
	name := func(i int) string { return fmt.Sprintf("Entity %03d", i%n) }
	typ := func(i int) graph.EntityType { return graph.EntityTypes[i%n%len(graph.EntityTypes)] }
	var out []graph.Edge
	for i := range n {
		out = append(out, edge(name(i), typ(i), "next", name(i+1), typ(i+1), 1+i%4))
		out = append(out, edge(name(i), typ(i), "skips to", name(i+step), typ(i+step), 1))
	}
	return out
}

func TestLayoutAttrs(t *testing.T) {
	tests := []struct {
		layout string
		nodes  int
		want   string
	}{
		{"", 0, "layout=dot"},
		{"auto", AutoLayoutNodes, "layout=dot"},
		{"auto", AutoLayoutNodes + 1, "layout=sfdp, levels=0, overlap=scale"},
		{"", 500, "layout=sfdp, levels=0, overlap=scale"},
		{"dot", 500, "layout=dot"},
		{"sfdp", 3, "layout=sfdp, levels=0, overlap=scale"},
		{"neato", 3, "layout=neato, overlap=scale"},
	}
	for _, tt := range tests {
		got, err := layoutAttrs(tt.layout, tt.nodes)
		if err != nil || got != tt.want {
			t.Errorf("layoutAttrs(%q, %d) = %q, %v; want %q", tt.layout, tt.nodes, got, err, tt.want)
		}
	}
	for _, bad := range []string{"circo", "DOT", "fdp"} {
		if err := WriteDOT(&bytes.Buffer{}, sample, Style{Layout: bad}); err == nil || !strings.Contains(err.Error(), bad) {
			t.Errorf("WriteDOT(layout %q) = %v, want an error naming it", bad, err)
		}
	}
}

// TestMaxLayoutEntities checks that a diagram of MaxLayoutEntities
// entities of every type, and one untyped, fits DefaultMaxNodes with its
// legend, and that one more does not.
func TestMaxLayoutEntities(t *testing.T) {
	edges := ring(MaxLayoutEntities-1, 2)
	edges = append(edges, edge("Entity 000", graph.Person, "knows", "untyped", "", 1))
	dot := dotOf(t, edges, Style{})
	if n := bytes.Count(dot, []byte("\t\tlegend")) - 1; n != 7 { // less the chain
		t.Fatalf("the legend has %d nodes, want 7", n)
	}
	if n := len(graph.Nodes(edges)) + 7; n != DefaultMaxNodes {
		t.Errorf("%d entities and the legend make %d nodes, want DefaultMaxNodes %d", MaxLayoutEntities, n, DefaultMaxNodes)
	}
}

// components returns some 85 entities in small trees of 2 to 13, with
// names and predicates of varied lengths, the same for the same seed.
func components(seed uint64) []graph.Edge {
	rng := rand.New(rand.NewPCG(seed, 7))
	name := func(i int) string { return fmt.Sprintf("E%d%s", i, strings.Repeat("x", i*7%13)) }
	var edges []graph.Edge
	for n := 0; n < 85; {
		size := 2 + rng.IntN(1+rng.IntN(12))
		for j := 1; j < size; j++ {
			o := n + rng.IntN(j)
			edges = append(edges, edge(name(n+j), graph.EntityTypes[(n+j)%6], strings.Repeat("p", 2+rng.IntN(12)), name(o), graph.EntityTypes[o%6], 1))
		}
		n += size
	}
	return edges
}

// TestRenderComponents lays out graphs of many small components with the
// force-directed layouts. With overlap=prism or false, go-graphviz's sfdp
// fails on the first seed already, corrupting its memory (see layoutAttrs).
func TestRenderComponents(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a dozen graphs; skipped with -short")
	}
	r, err := NewRenderer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for seed := range uint64(6) {
		edges := components(seed)
		for _, layout := range []string{"sfdp", "neato"} {
			var svg bytes.Buffer
			if err := r.SVG(context.Background(), dotOf(t, edges, Style{Layout: layout}), &svg); err != nil {
				t.Fatalf("seed %d, layout %s: %v", seed, layout, err)
			}
			want := len(graph.Nodes(edges)) + len(graph.EntityTypes) // and the legend
			if got := bytes.Count(svg.Bytes(), []byte(`class="node"`)); got != want {
				t.Errorf("seed %d, layout %s: %d nodes drawn, want %d", seed, layout, got, want)
			}
		}
	}
}

// TestRenderTwice checks that the same graph gives the same DOT and the
// same SVG, whatever was rendered in between, with each layout: sfdp
// alone fails this (see layoutAttrs).
func TestRenderTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a hundred-node graph with every layout; skipped with -short")
	}
	r, err := NewRenderer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	tests := []struct {
		layout     string
		big, other []graph.Edge
	}{
		{"auto", ring(AutoLayoutNodes+20, 7), ring(AutoLayoutNodes+30, 11)},
		{"sfdp", ring(AutoLayoutNodes+20, 7), ring(AutoLayoutNodes+30, 11)},
		{"neato", ring(AutoLayoutNodes+20, 7), ring(AutoLayoutNodes+30, 11)},
		{"dot", ring(20, 7), ring(30, 11)}, // dot takes seconds for 80
	}
	for _, tt := range tests {
		layout, big, other := tt.layout, tt.big, tt.other
		t.Run(layout, func(t *testing.T) {
			st := Style{Layout: layout, Title: "ring"}
			render := func(edges []graph.Edge) ([]byte, []byte) {
				dot := dotOf(t, edges, st)
				var svg bytes.Buffer
				if err := r.SVG(context.Background(), dot, &svg); err != nil {
					t.Fatal(err)
				}
				return dot, svg.Bytes()
			}
			dot1, svg1 := render(big)
			render(other)
			dot2, svg2 := render(big)
			if !bytes.Equal(dot1, dot2) {
				t.Errorf("two DOTs of the same graph differ")
			}
			if !bytes.Equal(svg1, svg2) {
				t.Errorf("two SVGs of the same graph differ")
			}
			want := layout
			if layout == "auto" {
				want = "sfdp"
			}
			if !bytes.Contains(dot1, []byte("layout="+want+",")) {
				t.Errorf("DOT lacks layout=%s:\n%.300s", want, dot1)
			}
			if got := bytes.Count(svg1, []byte(`class="edge"`)); got != len(big) { // the legend's are invisible
				t.Errorf("SVG has %d edges, want %d", got, len(big))
			}
		})
	}
}

func TestEntityLimit(t *testing.T) {
	tests := []struct {
		format string
		set    int
		want   int
	}{
		{"svg", 0, DrawingEntities},
		{"png", 0, DrawingEntities},
		{"svg", 20, 20},
		{"dot", 0, 0},
		{"nt", 0, 0},
		{"nq", 0, 0},
		{"graphml", 0, 0},
		{"neo4j", 0, 0},
		{"d3", 0, 0},
		{"jsonl", 0, 0},
		{"nq", 20, 20},
		{"dot", 1000, 1000},
	}
	for _, tt := range tests {
		if got := EntityLimit(tt.format, tt.set); got != tt.want {
			t.Errorf("EntityLimit(%s, %d) = %d, want %d", tt.format, tt.set, got, tt.want)
		}
	}
}
