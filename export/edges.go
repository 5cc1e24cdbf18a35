package export

import (
	"cmp"
	"slices"
	"strings"

	"github.com/kgraph/kg/graph"
)

// sortEdges returns a copy of edges in the order every interchange format
// writes them, graph.CompareEdges, each edge's evidence by document, span
// and sentence. The input is left as it is.
func sortEdges(edges []graph.Edge) []graph.Edge {
	out := slices.Clone(edges)
	for i := range out {
		ev := slices.Clone(out[i].Evidence)
		slices.SortStableFunc(ev, compareEvidence)
		out[i].Evidence = ev
	}
	slices.SortStableFunc(out, graph.CompareEdges)
	return out
}

func compareEvidence(a, b graph.Evidence) int {
	return cmp.Or(
		strings.Compare(a.Doc, b.Doc),
		cmp.Compare(a.Span.Start, b.Span.Start),
		cmp.Compare(a.Span.End, b.Span.End),
		strings.Compare(a.Sentence, b.Sentence),
		cmp.Compare(a.Modality, b.Modality),
		cmp.Compare(a.Confidence, b.Confidence),
	)
}
