package score

import (
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/graph"
)

func TestMentionPrecision(t *testing.T) {
	summit := Gold{Doc: "d1", S: []string{"Ana Kovač", "Kovač"}, P: []string{"meets"}, O: []string{"Tomas Varga"}}
	trade := Gold{Doc: "d2", S: []string{"Ostland"}, P: []string{"signs"}, O: []string{"the trade agreement"}}
	for _, tc := range []struct {
		name               string
		dir                string // a fixture in testdata; else gold and pred
		gold               []Gold
		pred               []graph.Triple
		mentions, subj, ob int
	}{
		{name: "fixture", dir: "confidence", mentions: 18, subj: 8, ob: 8},
		{name: "forms normalised", gold: []Gold{summit}, pred: []graph.Triple{tr("d1", "the Ana Kovac", "praises", "tomas-varga", false)}, mentions: 2, subj: 1, ob: 1},
		// Neither predicate nor negation matters, nor which side a name is on.
		{name: "sides swapped", gold: []Gold{summit}, pred: []graph.Triple{tr("d1", "Tomas Varga", "warns", "Kovač", true)}, mentions: 2, subj: 1, ob: 1},
		{name: "whole-word suffix", gold: []Gold{summit}, pred: []graph.Triple{tr("d1", "Mrs Ana Kovač", "meets", "Akovač", false)}, mentions: 2, subj: 1},
		{name: "gold form ends with the name", gold: []Gold{summit}, pred: []graph.Triple{tr("d1", "Varga", "meets", "Ana", false)}, mentions: 2, subj: 1},
		{name: "names of another document", gold: []Gold{summit, trade}, pred: []graph.Triple{tr("d1", "Ostland", "meets", "Varga", false)}, mentions: 2, ob: 1},
		{name: "doc id suffix", gold: []Gold{trade}, pred: []graph.Triple{tr("corpus/d2", "Ostland", "signs", "trade agreement", false)}, mentions: 2, subj: 1, ob: 1},
		{name: "doc absent from gold ignored", gold: []Gold{trade}, pred: []graph.Triple{tr("d3", "Ostland", "signs", "trade agreement", false)}},
		{name: "repeats count once", gold: []Gold{trade}, pred: []graph.Triple{tr("d2", "Ostland", "signs", "treaty", false), tr("d2", "the Ostland", "sign", "Treaty", false)}, mentions: 2, subj: 1},
		{name: "empty name matches nothing", gold: []Gold{trade}, pred: []graph.Triple{tr("d2", "", "signs", "the", false)}, mentions: 2},
		{name: "nothing produced", gold: []Gold{trade}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			gold, pred := tc.gold, tc.pred
			if tc.dir != "" {
				gold = readFile(t, filepath.Join("testdata", tc.dir, "gold.jsonl"), ReadGold)
				pred = readFile(t, filepath.Join("testdata", tc.dir, "pred.jsonl"), ReadTriples)
			}
			m := MentionPrecision(gold, pred)
			want := Mentions{Mentions: tc.mentions, Matched: tc.subj + tc.ob, SubjectsMatched: tc.subj, ObjectsMatched: tc.ob}
			if tc.mentions > 0 {
				want.Precision = float64(want.Matched) / float64(tc.mentions)
			}
			if m != want {
				t.Errorf("MentionPrecision = %+v, want %+v", m, want)
			}
			// Two mentions for each triple Score counts.
			if r := Score(gold, pred, Options{}); m.Mentions != 2*r.Produced {
				t.Errorf("%d mentions for %d produced triples", m.Mentions, r.Produced)
			}
		})
	}
}
