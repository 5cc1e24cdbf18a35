package score

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/kgraph/kg/graph"
)

// ParallelIDs reads the "parallel_id" of each document of a JSON Lines
// corpus, by document id: the field that links the versions of one
// article in two languages.
func ParallelIDs(r io.Reader, name string) (map[string]string, error) {
	out := map[string]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<26)
	for n := 1; sc.Scan(); n++ {
		var d struct {
			ID         string `json:"id"`
			ParallelID string `json:"parallel_id"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if d.ID != "" && d.ParallelID != "" {
			out[d.ID] = d.ParallelID
		}
	}
	return out, sc.Err()
}

// Agreement is how far the two language versions of the same articles
// state the same relations between the same entities.
type Agreement struct {
	Articles int     `json:"articles"` // article pairs with a relation on either side
	PairsA   int     `json:"pairs_a"`  // entity pairs related on side A
	PairsB   int     `json:"pairs_b"`
	Both     int     `json:"both"`  // related on both sides
	Share    float64 `json:"share"` // Both / pairs related on either side
}

// Parallel measures cross-lingual agreement: for each article (the
// parallel id of its documents), the unordered pairs of entities (not
// concepts) that some triple relates, compared between side A and side B.
func Parallel(a, b []graph.Triple, idsA, idsB map[string]string) Agreement {
	pairs := func(ts []graph.Triple, ids map[string]string) map[string]map[[2]string]bool {
		out := map[string]map[[2]string]bool{}
		for _, t := range ts {
			if t.SubjectType == graph.Concept || t.ObjectType == graph.Concept {
				continue
			}
			pid, ok := ids[t.Doc]
			if !ok {
				continue
			}
			s, o := graph.Fold(t.Subject), graph.Fold(t.Object)
			if s == o {
				continue
			}
			if o < s {
				s, o = o, s
			}
			if out[pid] == nil {
				out[pid] = map[[2]string]bool{}
			}
			out[pid][[2]string{s, o}] = true
		}
		return out
	}
	pa, pb := pairs(a, idsA), pairs(b, idsB)
	articles := map[string]bool{}
	for k := range pa {
		articles[k] = true
	}
	for k := range pb {
		articles[k] = true
	}
	var r Agreement
	keys := make([]string, 0, len(articles))
	for k := range articles {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r.Articles++
		r.PairsA += len(pa[k])
		r.PairsB += len(pb[k])
		for p := range pa[k] {
			if pb[k][p] {
				r.Both++
			}
		}
	}
	if union := r.PairsA + r.PairsB - r.Both; union > 0 {
		r.Share = float64(r.Both) / float64(union)
	}
	return r
}
