package export

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update to accept it):\n%s", path, got)
	}
}

func edge(s string, st graph.EntityType, p, o string, ot graph.EntityType, support int) graph.Edge {
	return graph.Edge{Subject: s, SubjectType: st, Predicate: p, Object: o, ObjectType: ot, Support: support, Modality: graph.Asserted}
}

// sample has every entity type, a negated edge, supports from 1 to 12
// and names that need escaping.
var sample = []graph.Edge{
	edge("Ada Lovelace", graph.Person, "works with", "Charles Babbage", graph.Person, 3),
	edge("Charles Babbage", graph.Person, "member of", "Royal Society", graph.Org, 1),
	edge("Royal Society", graph.Org, "based in", "London", graph.GPE, 12),
	edge("London", graph.GPE, "lies on", "Thames", graph.Loc, 2),
	edge("Great Exhibition", graph.Event, "held in", "London", graph.GPE, 1),
	{Subject: "Ada Lovelace", SubjectType: graph.Person, Predicate: "builds", Object: "analytical engine", ObjectType: graph.Concept, Negated: true, Support: 1},
	edge("Émilie du Châtelet", graph.Person, "translates", `"Principia"`, graph.Concept, 1),
}

func TestWriteDOT(t *testing.T) {
	tests := []struct {
		name  string
		edges []graph.Edge
		style Style
	}{
		{"sample", sample, Style{Title: "Ada Lovelace and friends"}},
		{"sample-tb", sample, Style{RankDir: "TB"}},
		{"empty", nil, Style{Title: "Nothing found"}},
		{"escape", []graph.Edge{
			edge("back\\slash \\N", graph.Person, "says \"hi\"", "two\nlines", graph.Org, 2),
			edge("tab\there\r\nbell\a", "", "über", "naïve 東京 \xff", "UNKNOWN", 1),
		}, Style{Title: "quote \" and \\ and\nnewline"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteDOT(&b, tt.edges, tt.style); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.name+".dot.golden", b.Bytes())
		})
	}
}

// TestWriteDOTOrder checks that the output does not depend on the order of
// the edges.
func TestWriteDOTOrder(t *testing.T) {
	var want bytes.Buffer
	if err := WriteDOT(&want, sample, Style{}); err != nil {
		t.Fatal(err)
	}
	rev := slices.Clone(sample)
	slices.Reverse(rev)
	var got bytes.Buffer
	if err := WriteDOT(&got, rev, Style{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("reversed edges give other DOT:\n%s\nwant\n%s", got.Bytes(), want.Bytes())
	}
}

func TestWriteDOTErrors(t *testing.T) {
	if err := WriteDOT(&bytes.Buffer{}, sample, Style{RankDir: "sideways"}); err == nil || !strings.Contains(err.Error(), "sideways") {
		t.Errorf("WriteDOT(rankdir sideways) = %v, want an error naming it", err)
	}
	errFull := errors.New("disk full")
	if err := WriteDOT(failWriter{errFull}, sample, Style{}); !errors.Is(err, errFull) {
		t.Errorf("WriteDOT(failing writer) = %v, want %v wrapped", err, errFull)
	}
}

type failWriter struct{ err error }

func (w failWriter) Write([]byte) (int, error) { return 0, w.err }

func TestEdgeAttrs(t *testing.T) {
	tests := []struct {
		e    graph.Edge
		want string
	}{
		{graph.Edge{Predicate: "meets", Support: 0}, `label="meets", penwidth=1`},
		{graph.Edge{Predicate: "meets", Support: 1}, `label="meets", penwidth=1`},
		{graph.Edge{Predicate: "meets", Support: 2}, `label="meets ×2", penwidth=1.5`},
		{graph.Edge{Predicate: "meets", Support: 7}, `label="meets ×7", penwidth=4`},
		{graph.Edge{Predicate: "meets", Support: 700}, `label="meets ×700", penwidth=4`},
		{graph.Edge{Predicate: "meets", Support: 1, Negated: true},
			`label="not meets", penwidth=1, style=dashed, color="#c0392b", fontcolor="#c0392b"`},
		{graph.Edge{Predicate: "meets", Support: 3, Negated: true},
			`label="not meets ×3", penwidth=2, style=dashed, color="#c0392b", fontcolor="#c0392b"`},
	}
	for _, tt := range tests {
		if got := edgeAttrs(tt.e); got != tt.want {
			t.Errorf("edgeAttrs(%s, %d, negated %t) = %s, want %s", tt.e.Predicate, tt.e.Support, tt.e.Negated, got, tt.want)
		}
	}
}

func TestQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `""`},
		{"Ada", `"Ada"`},
		{`say "hi"`, `"say \"hi\""`},
		{`a\b`, `"a\\b"`},
		{`\N`, `"\\N"`},
		{"a\nb", `"a\nb"`},
		{"a\r\nb", `"a\nb"`},
		{"a\rb", `"a b"`},
		{"a\tb\x00c\u0085d", `"a b c d"`},
		{"Châtelet 東京", `"Châtelet 東京"`},
		{"bad \xff\xfe end", "\"bad \uFFFD\uFFFD end\""},
		{"real \uFFFD", "\"real \uFFFD\""},
	}
	for _, tt := range tests {
		if got := quote(tt.in); got != tt.want {
			t.Errorf("quote(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestTypeStyle(t *testing.T) {
	// Every type of the contract has a style of its own.
	seen := make(map[nodeStyle]graph.EntityType)
	for _, typ := range append(slices.Clone(graph.EntityTypes), "") {
		s := typeStyle(typ)
		if prev, ok := seen[s]; ok {
			t.Errorf("types %q and %q are drawn alike", prev, typ)
		}
		seen[s] = typ
	}
	if typeStyle("UNKNOWN") != typeStyle("") {
		t.Errorf("an unknown type is not drawn as an untyped node")
	}
}

// TestLegendOneType: a legend of one entry shows it; chaining it alone
// would write "legend0 [style=invis]", which hides the node.
func TestLegendOneType(t *testing.T) {
	edges := []graph.Edge{{Subject: "A", SubjectType: graph.Person, Predicate: "meets", Object: "B", ObjectType: graph.Person, Support: 1}}
	for _, rankdir := range []string{"LR", "RL", "TB"} {
		var b bytes.Buffer
		if err := WriteDOT(&b, edges, Style{RankDir: rankdir}); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(b.String(), "legend0 [style=invis]") || !strings.Contains(b.String(), "legend0 [label=") {
			t.Errorf("rankdir %s: the only legend entry is hidden or missing:\n%s", rankdir, b.String())
		}
	}
}
