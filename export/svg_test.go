package export

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/dottest"
)

func newRenderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := NewRenderer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := r.Close(); err != nil {
			t.Error(err)
		}
	})
	return r
}

func dotOf(t testing.TB, edges []graph.Edge, st Style) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteDOT(&b, edges, st); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// svgShape is what the tests read of an SVG drawn by Graphviz: the title
// and text of every node group.
type svgShape struct {
	Nodes []string // "title=text" of each <g class="node">, sorted
	Edges int      // number of <g class="edge">
}

func readSVG(t *testing.T, svg []byte) svgShape {
	t.Helper()
	type group struct {
		Class  string   `xml:"class,attr"`
		Title  string   `xml:"title"`
		Texts  []string `xml:"text"`
		Groups []group  `xml:"g"`
	}
	var doc struct {
		XMLName xml.Name `xml:"svg"`
		Groups  []group  `xml:"g"`
	}
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = true
	if err := d.Decode(&doc); err != nil {
		t.Fatalf("SVG is not XML: %v", err)
	}
	var s svgShape
	var walk func([]group)
	walk = func(gs []group) {
		for _, g := range gs {
			switch g.Class {
			case "node":
				s.Nodes = append(s.Nodes, g.Title+"="+strings.Join(g.Texts, "|"))
			case "edge":
				s.Edges++
			}
			walk(g.Groups)
		}
	}
	walk(doc.Groups)
	slices.Sort(s.Nodes)
	return s
}

// wantShape is the shape an SVG of edges drawn by WriteDOT must have.
func wantShape(edges []graph.Edge, legend []string) svgShape {
	var s svgShape
	for i, n := range graph.Nodes(edges) {
		s.Nodes = append(s.Nodes, fmt.Sprintf("n%d=%s", i, n.Name))
	}
	for i, l := range legend {
		s.Nodes = append(s.Nodes, fmt.Sprintf("legend%d=%s", i, l))
	}
	slices.Sort(s.Nodes)
	s.Edges = len(edges) // the legend's invisible edges are not drawn
	return s
}

func TestSVG(t *testing.T) {
	r := newRenderer(t)
	tests := []struct {
		name   string
		edges  []graph.Edge
		style  Style
		legend []string
	}{
		{"sample", sample, Style{Title: "Ada Lovelace and friends"},
			[]string{"person", "organization", "country, city, region", "place", "event", "concept"}},
		{"empty", nil, Style{Title: "Nothing found"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dot := dotOf(t, tt.edges, tt.style)
			var first, second bytes.Buffer
			if err := r.SVG(context.Background(), dot, &first); err != nil {
				t.Fatal(err)
			}
			if err := r.SVG(context.Background(), dot, &second); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(first.Bytes(), second.Bytes()) {
				t.Errorf("two renders of the same DOT differ")
			}
			got, want := readSVG(t, first.Bytes()), wantShape(tt.edges, tt.legend)
			if !slices.Equal(got.Nodes, want.Nodes) || got.Edges != want.Edges {
				t.Errorf("SVG has nodes %q and %d edges, want %q and %d", got.Nodes, got.Edges, want.Nodes, want.Edges)
			}
			if tt.style.Title != "" && !bytes.Contains(first.Bytes(), []byte(">"+tt.style.Title+"</text>")) {
				t.Errorf("SVG lacks the title %q", tt.style.Title)
			}
			golden(t, tt.name+".svg.golden", first.Bytes())
		})
	}
}

// TestSVGEscape checks that names needing escapes reach the SVG intact.
func TestSVGEscape(t *testing.T) {
	r := newRenderer(t)
	edges := []graph.Edge{
		edge(`back\slash \N`, graph.Person, `says "hi"`, "Émilie 東京 & <Co>", graph.Org, 2),
	}
	var b bytes.Buffer
	if err := r.SVG(context.Background(), dotOf(t, edges, Style{}), &b); err != nil {
		t.Fatal(err)
	}
	got := readSVG(t, b.Bytes())
	for _, want := range []string{`n0=back\slash \N`, "n1=Émilie 東京 & <Co>"} {
		if !slices.Contains(got.Nodes, want) {
			t.Errorf("SVG nodes %q lack %q", got.Nodes, want)
		}
	}
	if !bytes.Contains(b.Bytes(), []byte("says &quot;hi&quot; ×2")) {
		t.Errorf("SVG lacks the edge label says \"hi\" ×2:\n%s", b.Bytes())
	}
}

func TestSVGErrors(t *testing.T) {
	r := newRenderer(t)
	var b bytes.Buffer
	if err := r.SVG(context.Background(), []byte("digraph { a -> "), &b); err == nil {
		t.Errorf("SVG(malformed DOT) succeeded")
	}

	r.MaxNodes = 3
	err := r.SVG(context.Background(), dotOf(t, sample, Style{}), &b)
	if !errors.Is(err, ErrTooManyNodes) {
		t.Errorf("SVG(%d nodes, MaxNodes 3) = %v, want ErrTooManyNodes", len(graph.Nodes(sample)), err)
	}
	if b.Len() != 0 {
		t.Errorf("failed renders wrote %d bytes", b.Len())
	}
	r.MaxNodes = 0

	// A context cancelled before the render fails it without harming the
	// next one (go-graphviz issue #118).
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := r.SVG(ctx, dotOf(t, sample, Style{}), &b); !errors.Is(err, context.Canceled) {
		t.Errorf("SVG(cancelled context) = %v, want context.Canceled", err)
	}
	if err := r.SVG(context.Background(), dotOf(t, sample, Style{}), &b); err != nil {
		t.Errorf("SVG after a cancelled one: %v", err)
	}

	closed, err := NewRenderer(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := closed.Close(); err != nil {
		t.Fatal(err)
	}
	if err := closed.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := closed.SVG(context.Background(), dotOf(t, sample, Style{}), io.Discard); err == nil {
		t.Errorf("SVG after Close succeeded")
	}
}

// TestSVGConcurrent renders from several goroutines and two Renderers at
// once; go-graphviz alone fails this (its issue #117).
func TestSVGConcurrent(t *testing.T) {
	r1, r2 := newRenderer(t), newRenderer(t)
	dot := dotOf(t, sample, Style{})
	var want bytes.Buffer
	if err := r1.SVG(context.Background(), dot, &want); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		r := r1
		if i%2 == 1 {
			r = r2
		}
		wg.Go(func() {
			var b bytes.Buffer
			if err := r.SVG(context.Background(), dot, &b); err != nil {
				errs <- err
				return
			}
			if !bytes.Equal(b.Bytes(), want.Bytes()) {
				errs <- errors.New("concurrent render differs")
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestSVGNative compares our SVG with native Graphviz's on the same DOT:
// same nodes and edges, though not the same coordinates (native dot
// measures text with real fonts).
func TestSVGNative(t *testing.T) {
	dotPath := dottest.Native(t, "svg")
	r := newRenderer(t)
	dot := dotOf(t, sample, Style{Title: "Ada Lovelace and friends"})
	var ours bytes.Buffer
	if err := r.SVG(context.Background(), dot, &ours); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(dotPath, "-Tsvg")
	cmd.Stdin = bytes.NewReader(dot)
	native, err := cmd.Output()
	if err != nil {
		t.Fatalf("dot -Tsvg: %v", err)
	}
	got, want := readSVG(t, ours.Bytes()), readSVG(t, native)
	if !slices.Equal(got.Nodes, want.Nodes) || got.Edges != want.Edges {
		t.Errorf("go-graphviz drew nodes %q and %d edges, native dot %q and %d", got.Nodes, got.Edges, want.Nodes, want.Edges)
	}
}

// benchEdges returns 100 edges among 50 nodes of every type, with varied
// support, the same every call.
func benchEdges() []graph.Edge {
	const nodes, edges = 50, 100
	name := func(i int) string { return fmt.Sprintf("Entity %02d", i) }
	typ := func(i int) graph.EntityType { return graph.EntityTypes[i%len(graph.EntityTypes)] }
	var out []graph.Edge
	seen := make(map[[2]int]bool)
	x := uint32(1)
	add := func(s, o int) {
		x = x*1664525 + 1013904223 // a fixed LCG: the same graph every run
		seen[[2]int{s, o}] = true
		e := edge(name(s), typ(s), "relates to", name(o), typ(o), 1+int(x>>28)%5)
		e.Negated = x>>24%11 == 0
		out = append(out, e)
	}
	for i := range nodes - 1 { // a chain, so that every node appears
		add(i, i+1)
	}
	for len(out) < edges {
		x = x*1664525 + 1013904223
		s, o := int(x>>8)%nodes, int(x>>20)%nodes
		if s != o && !seen[[2]int{s, o}] {
			add(s, o)
		}
	}
	return out
}

func TestBenchEdges(t *testing.T) {
	e := benchEdges()
	if n := len(graph.Nodes(e)); len(e) != 100 || n != 50 {
		t.Errorf("benchEdges has %d edges and %d nodes, want 100 and 50", len(e), n)
	}
}

func BenchmarkWriteDOT(b *testing.B) {
	edges := benchEdges()
	for b.Loop() {
		if err := WriteDOT(io.Discard, edges, Style{Title: "bench"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSVG(b *testing.B) {
	r := newRenderer(b)
	dot := dotOf(b, benchEdges(), Style{Title: "bench"})
	b.SetBytes(int64(len(dot)))
	for b.Loop() {
		if err := r.SVG(context.Background(), dot, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
