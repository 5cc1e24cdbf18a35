package score

import (
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

func TestParallel(t *testing.T) {
	ids, err := ParallelIDs(strings.NewReader(
		`{"id":"a#fr","parallel_id":"a"}`+"\n"+`{"id":"b#fr","parallel_id":"b"}`+"\n"), "fr.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	idsEN := map[string]string{"a#en": "a", "b#en": "b"}
	tr := func(doc, s, p, o string, ot graph.EntityType) graph.Triple {
		return graph.Triple{Doc: doc, Subject: s, Predicate: p, Object: o, SubjectType: graph.GPE, ObjectType: ot}
	}
	fr := []graph.Triple{
		tr("a#fr", "France", "supports", "Germany", graph.GPE),
		tr("a#fr", "France", "criticizes", "Russia", graph.GPE),
		tr("a#fr", "France", "signs", "traité", graph.Concept), // concepts do not count
		tr("b#fr", "Italy", "meets", "Spain", graph.GPE),
	}
	en := []graph.Triple{
		tr("a#en", "Germany", "backs", "France", graph.GPE), // the same pair, either way round
		tr("b#en", "Italy", "meets", "Spain", graph.GPE),
		tr("b#en", "Italy", "meets", "Greece", graph.GPE),
		tr("c#en", "Italy", "meets", "Malta", graph.GPE), // no parallel id: ignored
	}
	got := Parallel(fr, en, ids, idsEN)
	want := Agreement{Articles: 2, PairsA: 3, PairsB: 3, Both: 2, Share: 0.5}
	if got != want {
		t.Errorf("Parallel = %+v, want %+v", got, want)
	}
}
