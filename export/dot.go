package export

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

// Style says how WriteDOT lays out and captions a diagram.
type Style struct {
	// RankDir is the direction edges run in: "LR" (the default), "RL",
	// "TB" or "BT".
	RankDir string
	// Title is a caption drawn above the diagram; none if empty. A
	// newline in it breaks the line.
	Title string
	// Layout is the Graphviz engine that places the nodes: "dot" (ranks,
	// best for small graphs), "sfdp" (force-directed, for large ones),
	// "neato", or "auto" or "" for dot up to AutoLayoutNodes entities and
	// sfdp beyond. It is written as the graph's layout attribute, which
	// go-graphviz and the dot command both honour.
	Layout string
}

// MaxLayoutEntities is the most entities a diagram written by WriteDOT
// can have for a Renderer with the default MaxNodes to lay it out: the
// legend takes a node for each of the six entity types and one for
// untyped entities (TestMaxLayoutEntities checks the count).
const MaxLayoutEntities = DefaultMaxNodes - 7

// DrawingEntities is the most entities a drawing (SVG, PNG) keeps when the
// user sets no limit: beyond, labels overlap and nothing can be read.
const DrawingEntities = 150

// EntityLimit returns the most entities an export in format keeps, given
// the limit the user set (0 for none): that limit, else DrawingEntities
// for the drawings svg and png, else 0 (all): the data formats, dot
// included, are read by programs and must hold the whole selection.
func EntityLimit(format string, set int) int {
	switch {
	case set > 0:
		return set
	case format == "svg" || format == "png":
		return DrawingEntities
	}
	return 0
}

// AutoLayoutNodes is the most entities the "auto" layout gives to dot:
// beyond, dot's ranks grow too wide to read and its layout slow.
const AutoLayoutNodes = 60

// layoutAttrs returns the graph attributes that choose and tune the
// layout engine for a graph of n entities.
func layoutAttrs(layout string, n int) (string, error) {
	switch layout {
	case "", "auto":
		layout = "dot"
		if n > AutoLayoutNodes {
			layout = "sfdp"
		}
	case "dot", "sfdp", "neato":
	default:
		return "", fmt.Errorf("dot layout %q: want dot, sfdp, neato or auto", layout)
	}
	// overlap=scale spreads a force-directed layout until no two nodes
	// overlap. go-graphviz's Graphviz is built without GTS, so the default
	// removal, prism, is unsupported there (with a warning), and its
	// Voronoi fallback corrupts memory in sfdp on graphs of many small
	// components; scale works alike in it and in native Graphviz.
	switch layout {
	case "sfdp":
		// levels=0: sfdp's multilevel coarsening draws from a random
		// generator nothing reseeds, so a second render of the same graph
		// in one process would place it otherwise.
		return "layout=sfdp, levels=0, overlap=scale", nil
	case "neato":
		return "layout=neato, overlap=scale", nil
	}
	return "layout=dot", nil
}

// fontName is a font whose metrics Graphviz knows without a font library,
// so that go-graphviz sizes labels as native dot does.
const fontName = "Helvetica"

// maxPenWidth bounds the width of an edge however many documents state it.
const maxPenWidth = 4.0

// WriteDOT writes edges as a Graphviz digraph: one node per entity, shaped
// and coloured by type, one arrow per edge labelled with its predicate and
// support. The output depends only on edges and st, not on their order.
func WriteDOT(w io.Writer, edges []graph.Edge, st Style) error {
	rankdir := cmp.Or(st.RankDir, "LR")
	switch rankdir {
	case "LR", "RL", "TB", "BT":
	default:
		return fmt.Errorf("dot rankdir %q: want LR, RL, TB or BT", st.RankDir)
	}

	nodes := graph.Nodes(edges)
	ids := make(map[string]int, len(nodes))
	for i, n := range nodes {
		ids[n.Name] = i
	}

	layout, err := layoutAttrs(st.Layout, len(nodes))
	if err != nil {
		return err
	}

	var b bytes.Buffer
	b.WriteString("digraph kg {\n")
	fmt.Fprintf(&b, "\tgraph [charset=\"UTF-8\", %s, rankdir=%s, fontname=%s, fontsize=14", layout, rankdir, quote(fontName))
	if st.Title != "" {
		fmt.Fprintf(&b, ", label=%s, labelloc=t", quote(st.Title))
	}
	b.WriteString("];\n")
	fmt.Fprintf(&b, "\tnode [fontname=%s, fontsize=11, style=filled];\n", quote(fontName))
	fmt.Fprintf(&b, "\tedge [fontname=%s, fontsize=9, color=\"#555555\", fontcolor=\"#333333\", arrowsize=0.7];\n", quote(fontName))

	for i, n := range nodes {
		fmt.Fprintf(&b, "\tn%d [label=%s, %s];\n", i, quote(n.Name), typeStyle(n.Type).attrs())
	}

	// Arrows follow the nodes they leave and reach, so that a node's
	// arrows are written together; graph.CompareEdges orders the rest.
	sorted := slices.Clone(edges)
	slices.SortStableFunc(sorted, func(x, y graph.Edge) int {
		return cmp.Or(
			cmp.Compare(ids[x.Subject], ids[y.Subject]),
			cmp.Compare(ids[x.Object], ids[y.Object]),
			graph.CompareEdges(x, y),
		)
	})
	for _, e := range sorted {
		fmt.Fprintf(&b, "\tn%d -> n%d [%s];\n", ids[e.Subject], ids[e.Object], edgeAttrs(e))
	}

	writeLegend(&b, nodes, rankdir)
	b.WriteString("}\n")
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write dot: %w", err)
	}
	return nil
}

// edgeAttrs returns the DOT attributes of an edge: "predicate ×N" when more
// than one document states it, dashed and red when negated, wider with
// support.
func edgeAttrs(e graph.Edge) string {
	label := edgeLabel(e)
	width := min(1+0.5*float64(max(e.Support-1, 0)), maxPenWidth)
	attrs := fmt.Sprintf("label=%s, penwidth=%s", quote(label), strconv.FormatFloat(width, 'f', -1, 64))
	if e.Negated {
		attrs += `, style=dashed, color="#c0392b", fontcolor="#c0392b"`
	}
	return attrs
}

// edgeLabel returns "predicate ×N", "not predicate" when negated, with N
// the support when more than one document states the relation.
func edgeLabel(e graph.Edge) string {
	label := e.Predicate
	if e.Negated {
		label = "not " + label
	}
	if e.Support > 1 {
		label += " ×" + strconv.Itoa(e.Support)
	}
	return label
}

// nodeStyle is how a node of one entity type is drawn.
type nodeStyle struct {
	legend string // the type as the legend names it
	shape  string
	style  string // Graphviz style, "filled" at least
	fill   string
	line   string
}

func (s nodeStyle) attrs() string {
	a := fmt.Sprintf("shape=%s, fillcolor=%s, color=%s", s.shape, quote(s.fill), quote(s.line))
	if s.style != "filled" {
		a += ", style=" + quote(s.style)
	}
	return a
}

// typeStyle returns the shape and colours of entities of type t; an unknown
// or empty type is drawn plain.
func typeStyle(t graph.EntityType) nodeStyle {
	switch t {
	case graph.Person:
		return nodeStyle{"person", "ellipse", "filled", "#dbe9f7", "#4a78a8"}
	case graph.Org:
		return nodeStyle{"organization", "box", "filled", "#fde3c2", "#c27a1e"}
	case graph.GPE:
		return nodeStyle{"country, city, region", "box", "rounded,filled", "#cfe8cf", "#4a8a4a"}
	case graph.Loc:
		return nodeStyle{"place", "ellipse", "filled", "#e8f1d4", "#7d9a45"}
	case graph.Event:
		return nodeStyle{"event", "hexagon", "filled", "#e9def5", "#7b5aa6"}
	case graph.Concept:
		return nodeStyle{"concept", "note", "filled", "#eeeeee", "#888888"}
	}
	return nodeStyle{"other", "ellipse", "filled", "#ffffff", "#888888"}
}

// writeLegend writes a cluster with one sample node per entity type drawn,
// in the order of graph.EntityTypes, untyped last.
func writeLegend(b *bytes.Buffer, nodes []graph.Node, rankdir string) {
	present := make(map[graph.EntityType]bool)
	for _, n := range nodes {
		present[n.Type] = true
	}
	var types []graph.EntityType
	for _, t := range graph.EntityTypes {
		if present[t] {
			types = append(types, t)
			delete(present, t)
		}
	}
	if len(present) > 0 {
		types = append(types, "") // one entry for every type not in the contract
	}
	if len(types) == 0 {
		return
	}
	b.WriteString("\tsubgraph cluster_legend {\n")
	b.WriteString("\t\tlabel=\"Legend\"; labelloc=t; fontsize=11; style=rounded; color=\"#bbbbbb\";\n")
	b.WriteString("\t\tnode [fontsize=9, height=0.3];\n")
	for i, t := range types {
		s := typeStyle(t)
		fmt.Fprintf(b, "\t\tlegend%d [label=%s, %s];\n", i, quote(s.legend), s.attrs())
	}
	// Invisible edges chain the entries into a row: across the ranks for
	// LR and RL, within one rank for TB and BT. Unchained, their order
	// differs between Graphviz versions.
	order := make([]string, len(types))
	for i := range types {
		order[i] = "legend" + strconv.Itoa(i)
	}
	switch {
	case len(order) == 1:
		// Nothing to chain; "legend0 [style=invis]" alone would hide it.
	case rankdir == "LR":
		fmt.Fprintf(b, "\t\t%s [style=invis];\n", strings.Join(order, " -> "))
	case rankdir == "RL":
		slices.Reverse(order) // so that the row still reads from the left
		fmt.Fprintf(b, "\t\t%s [style=invis];\n", strings.Join(order, " -> "))
	default:
		fmt.Fprintf(b, "\t\t{ rank=same; %s [style=invis]; }\n", strings.Join(order, " -> "))
	}
	b.WriteString("\t}\n")
}

// quote returns s as a DOT double-quoted string. Quotes and backslashes are
// escaped (Graphviz reads \N, \G and \l in labels as directives), newlines
// become \n line breaks, other control characters spaces, and invalid UTF-8
// U+FFFD, since the graph declares charset UTF-8.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			b.WriteRune(utf8.RuneError)
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			// Dropped: \r\n is one line break.
		case unicode.IsControl(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
