package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/kgraph/kg/graph"
)

// The files of a Neo4j export, as neo4j-admin database import reads them:
//
//	neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv
const (
	Neo4jNodesFile         = "nodes.csv"
	Neo4jRelationshipsFile = "relationships.csv"
)

// WriteNeo4j writes edges as the two CSV files of neo4j-admin's import,
// with header rows:
//
//	nodes:         :ID,name,type,:LABEL,degree:int,support:int
//	relationships: :START_ID,:END_ID,:TYPE,predicate,support:int,negated:boolean,modality
//
// A node's id is the entity's name; its labels are Entity and its type
// (Entity;PERSON). A relationship's type is its predicate in upper snake
// case (works with: WORKS_WITH), prefixed NOT_ when negated, so that a
// Cypher match on the type finds no denial; the predicate property keeps
// it as written. Rows come in the order of graph.Nodes and of subject,
// predicate and object.
func WriteNeo4j(nodes, relationships io.Writer, edges []graph.Edge) error {
	nw := csv.NewWriter(nodes)
	nw.Write([]string{":ID", "name", "type", ":LABEL", "degree:int", "support:int"})
	for _, n := range graph.Nodes(edges) {
		labels := "Entity"
		if n.Type != "" {
			labels += ";" + string(n.Type)
		}
		nw.Write([]string{n.Name, n.Name, string(n.Type), labels, strconv.Itoa(n.Degree), strconv.Itoa(n.Support)})
	}
	if nw.Flush(); nw.Error() != nil {
		return fmt.Errorf("write neo4j nodes: %w", nw.Error())
	}

	rw := csv.NewWriter(relationships)
	rw.Write([]string{":START_ID", ":END_ID", ":TYPE", "predicate", "support:int", "negated:boolean", "modality"})
	for _, e := range sortEdges(edges) {
		rw.Write([]string{e.Subject, e.Object, neo4jType(e), e.Predicate, strconv.Itoa(e.Support), strconv.FormatBool(e.Negated), string(e.Modality)})
	}
	if rw.Flush(); rw.Error() != nil {
		return fmt.Errorf("write neo4j relationships: %w", rw.Error())
	}
	return nil
}

// neo4jType returns the relationship type of e: its predicate in upper
// case with every run of other characters than letters and digits as one
// underscore, NOT_ first when negated; RELATED_TO for a predicate with
// neither letter nor digit.
func neo4jType(e graph.Edge) string {
	var b strings.Builder
	gap := false
	for _, r := range e.Predicate {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteString(strings.ToUpper(string(r)))
			continue
		}
		gap = true
	}
	t := b.String()
	if t == "" {
		t = "RELATED_TO"
	}
	if e.Negated {
		t = "NOT_" + t
	}
	return t
}
