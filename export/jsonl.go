package export

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/kgraph/kg/graph"
)

// WriteJSONL writes edges as JSON Lines: one graph.Edge per line, with the
// field names of its JSON encoding and its evidence, in the order of
// subject, predicate and object.
func WriteJSONL(w io.Writer, edges []graph.Edge) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false) // sentences quote <, > and & as they are
	for _, e := range sortEdges(edges) {
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("jsonl edge %s %s %s: %w", e.Subject, e.Predicate, e.Object, err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write jsonl: %w", err)
	}
	return nil
}
