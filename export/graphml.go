package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"github.com/kgraph/kg/graph"
)

// graphMLKey is one attribute declared by a GraphML <key>.
type graphMLKey struct {
	id, domain, name, typ string
}

// graphMLKeys returns the attributes WriteGraphML declares. "label" and
// "weight" are the names Gephi reads as a node's label and an edge's
// weight.
func graphMLKeys() []graphMLKey {
	return []graphMLKey{
		{"n_label", "node", "label", "string"},
		{"n_type", "node", "type", "string"},
		{"n_degree", "node", "degree", "int"},
		{"n_support", "node", "support", "int"},
		{"e_label", "edge", "label", "string"},
		{"e_predicate", "edge", "predicate", "string"},
		{"e_support", "edge", "support", "int"},
		{"e_weight", "edge", "weight", "double"},
		{"e_negated", "edge", "negated", "boolean"},
		{"e_modality", "edge", "modality", "string"},
	}
}

// WriteGraphML writes edges as a directed GraphML graph with typed
// attributes: nodes have a label (the name), type, degree and support;
// edges a label ("predicate ×N", as in DOT), predicate, support, weight
// (the support, as a double, for Gephi), negated and modality. Node ids are
// n0, n1, ... in the order of graph.Nodes; edges come in the order of
// subject, predicate and object. Gephi and yEd open it; yEd shows the
// labels once mapped with Edit > Properties Mapper.
func WriteGraphML(w io.Writer, edges []graph.Edge) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
		` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	for _, k := range graphMLKeys() {
		fmt.Fprintf(bw, "  <key id=%q for=%q attr.name=%q attr.type=%q/>\n", k.id, k.domain, k.name, k.typ)
	}
	bw.WriteString("  <graph id=\"kg\" edgedefault=\"directed\">\n")

	nodes := graph.Nodes(edges)
	ids := make(map[string]string, len(nodes))
	for i, n := range nodes {
		id := "n" + strconv.Itoa(i)
		ids[n.Name] = id
		fmt.Fprintf(bw, "    <node id=%q>\n", id)
		graphMLData(bw, "n_label", n.Name)
		graphMLData(bw, "n_type", string(n.Type))
		graphMLData(bw, "n_degree", strconv.Itoa(n.Degree))
		graphMLData(bw, "n_support", strconv.Itoa(n.Support))
		bw.WriteString("    </node>\n")
	}
	for i, e := range sortEdges(edges) {
		fmt.Fprintf(bw, "    <edge id=\"e%d\" source=%q target=%q>\n", i, ids[e.Subject], ids[e.Object])
		graphMLData(bw, "e_label", edgeLabel(e))
		graphMLData(bw, "e_predicate", e.Predicate)
		graphMLData(bw, "e_support", strconv.Itoa(e.Support))
		graphMLData(bw, "e_weight", strconv.Itoa(e.Support))
		graphMLData(bw, "e_negated", strconv.FormatBool(e.Negated))
		graphMLData(bw, "e_modality", string(e.Modality))
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write graphml: %w", err)
	}
	return nil
}

// graphMLData writes one <data> element; an empty value is left out, so
// that the attribute reads as missing rather than as "".
func graphMLData(w *bufio.Writer, key, value string) {
	if value == "" {
		return
	}
	fmt.Fprintf(w, "      <data key=%q>", key)
	// EscapeText also turns characters XML forbids into U+FFFD; its only
	// error is the writer's, which Flush reports.
	_ = xml.EscapeText(w, []byte(value))
	w.WriteString("</data>\n")
}
