package relmodel

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// ReadAnnotations reads annotated triples in the silver format, one JSON
// object a line (doc, s, p, o, neg, modality, sentence). Blank lines are
// skipped; an error names the input and line.
func ReadAnnotations(r io.Reader, name string) ([]Annotation, error) {
	var out []Annotation
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var a Annotation
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		switch {
		case a.Doc == "":
			return nil, fmt.Errorf("%s:%d: annotation without doc", name, n)
		case len(a.S) == 0 || len(a.P) == 0 || len(a.O) == 0:
			return nil, fmt.Errorf("%s:%d: annotation without s, p or o forms", name, n)
		case strings.TrimSpace(a.Sentence) == "":
			return nil, fmt.Errorf("%s:%d: annotation without the sentence that states it", name, n)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}
