package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

// starStore returns a store of one document stating that a hub meets
// each of n others: n relations between n+1 entities.
func starStore(t *testing.T, dir string, n int) string {
	t.Helper()
	store := filepath.Join(dir, "star")
	st, err := storage.Open(store, storage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var triples []graph.Triple
	var text strings.Builder
	for i := range n {
		s := fmt.Sprintf("Orvane Tillk meets Person%03d Quarn.", i)
		triples = append(triples, graph.Triple{
			Subject: "Orvane Tillk", SubjectType: graph.Person, Predicate: "meets",
			Object: fmt.Sprintf("Person%03d Quarn", i), ObjectType: graph.Person,
			Modality: graph.Asserted, Sentence: s, Span: graph.Span{Start: text.Len(), End: text.Len() + len(s)}, Confidence: 1,
		})
		text.WriteString(s + " ")
	}
	doc := graph.Document{ID: "star.txt", Lang: "en", Date: "2020-01-02", Text: text.String()}
	if _, err := st.PutDocument(context.Background(), doc, nil, triples); err != nil {
		t.Fatal(err)
	}
	return store
}

// TestExportEntityLimit checks that the data formats write the whole
// selection while drawings are pruned, unless --max-nodes says otherwise.
func TestExportEntityLimit(t *testing.T) {
	dir, _ := isolate(t)
	store := starStore(t, dir, 200)
	whole := "(201 entities, 200 relations)"
	tests := []struct {
		name   string
		env    string // KG_EXPORT_MAX_NODES
		args   []string
		want   string
		pruned bool
	}{
		{"nt", "", []string{"--format", "nt"}, whole, false},
		{"nq", "", []string{"--format", "nq"}, whole, false},
		{"graphml", "", []string{"--format", "graphml"}, whole, false},
		{"d3", "", []string{"--format", "d3"}, whole, false},
		{"jsonl", "", []string{"--format", "jsonl"}, whole, false},
		{"neo4j", "", []string{"--format", "neo4j"}, whole, false},
		{"dot", "", []string{"--format", "dot"}, whole, false},
		{"svg", "", []string{"--format", "svg"}, "(150 entities, 149 relations)", true},
		{"nt with --max-nodes", "", []string{"--format", "nt", "--max-nodes", "20"}, "(20 entities, 19 relations)", true},
		{"dot with the setting", "20", []string{"--format", "dot"}, "(20 entities, 19 relations)", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.env != "" {
				t.Setenv("KG_EXPORT_MAX_NODES", tt.env)
			}
			out := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-"))
			_, stderr, code := kg(t, append([]string{"--store", store, "export", "--out", out}, tt.args...)...)
			if code != exitOK || !strings.Contains(stderr, tt.want) || strings.Contains(stderr, "dropped") != tt.pruned {
				t.Errorf("exit %d, stderr %q; want %s, pruned %t", code, stderr, tt.want, tt.pruned)
			}
		})
	}
}
