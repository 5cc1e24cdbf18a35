package conllu

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// ReadIDs reads a list of sentence ids: one a line, or JSON Lines
// documents whose "id" names a treebank sentence as "treebank:sent_id"
// (the ids of kg's annotated corpora: "fr_gsd:fr-ud-dev_00003"). Blank
// lines and lines starting with "#" are skipped. name is for errors.
func ReadIDs(r io.Reader, name string) (map[string]bool, error) {
	ids := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 64<<20) // a JSON line holds a whole article
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		id := line
		if line[0] == '{' {
			var d struct {
				ID string `json:"id"`
			}
			if err := json.Unmarshal([]byte(line), &d); err != nil {
				return nil, fmt.Errorf("%s:%d: not a JSON document: %w", name, n, err)
			}
			id = d.ID
		}
		if id != "" {
			ids[id] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return ids, nil
}

// Without returns the sentences whose sent_id is not in ids, either as
// it is or after a "treebank:" prefix, and how many it left out. A
// sentence without a sent_id stays.
func Without(sents []*Sentence, ids map[string]bool) (kept []*Sentence, dropped int) {
	if len(ids) == 0 {
		return sents, 0
	}
	bare := map[string]bool{}
	for id := range ids {
		if _, sid, ok := strings.Cut(id, ":"); ok {
			bare[sid] = true
		}
	}
	kept = make([]*Sentence, 0, len(sents))
	for _, s := range sents {
		if id := s.ID(); id != "" && (ids[id] || bare[id]) {
			dropped++
			continue
		}
		kept = append(kept, s)
	}
	return kept, dropped
}
