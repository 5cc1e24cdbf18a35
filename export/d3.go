package export

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/kgraph/kg/graph"
)

// d3Node is an entity as d3-force reads it: the id that links name.
type d3Node struct {
	ID      string           `json:"id"`
	Type    graph.EntityType `json:"type"`
	Degree  int              `json:"degree"`
	Support int              `json:"support"`
}

// d3Link is a relation as d3-force reads it: source and target are node
// ids, for forceLink().id(d => d.id).
type d3Link struct {
	Source    string         `json:"source"`
	Target    string         `json:"target"`
	Predicate string         `json:"predicate"`
	Support   int            `json:"support"`
	Negated   bool           `json:"negated"`
	Modality  graph.Modality `json:"modality"`
}

// WriteD3 writes edges as the JSON that d3-force examples load:
//
//	{"nodes": [{"id", "type", "degree", "support"}, ...],
//	 "links": [{"source", "target", "predicate", "support", "negated", "modality"}, ...]}
//
// A node's id is the entity's name; nodes are in the order of graph.Nodes,
// links in the order of subject, predicate and object. Each node and link
// is on a line of its own, so that the file diffs well.
func WriteD3(w io.Writer, edges []graph.Edge) error {
	bw := bufio.NewWriter(w)
	var line bytes.Buffer
	enc := json.NewEncoder(&line)
	enc.SetEscapeHTML(false)
	item := func(v any, last bool) error {
		line.Reset()
		if err := enc.Encode(v); err != nil {
			return err
		}
		b := bytes.TrimSuffix(line.Bytes(), []byte("\n"))
		bw.WriteString("    ")
		bw.Write(b)
		if !last {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
		return nil
	}

	nodes := graph.Nodes(edges)
	bw.WriteString("{\n  \"nodes\": [\n")
	for i, n := range nodes {
		if err := item(d3Node{ID: n.Name, Type: n.Type, Degree: n.Degree, Support: n.Support}, i == len(nodes)-1); err != nil {
			return fmt.Errorf("d3 node %s: %w", n.Name, err)
		}
	}
	bw.WriteString("  ],\n  \"links\": [\n")
	sorted := sortEdges(edges)
	for i, e := range sorted {
		l := d3Link{Source: e.Subject, Target: e.Object, Predicate: e.Predicate, Support: e.Support, Negated: e.Negated, Modality: e.Modality}
		if err := item(l, i == len(sorted)-1); err != nil {
			return fmt.Errorf("d3 link %s %s %s: %w", e.Subject, e.Predicate, e.Object, err)
		}
	}
	bw.WriteString("  ]\n}\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write d3: %w", err)
	}
	return nil
}
