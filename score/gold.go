package score

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/kgraph/kg/graph"
)

// Gold is one gold triple: the document it is stated in and the
// acceptable forms of its subject, predicate and object, the first of
// each being the one listings show.
type Gold struct {
	Doc     string
	S, P, O []string
	Neg     bool
}

// ReadGold reads gold triples, one JSON object a line with the fields
// doc, s, p, o and optionally neg (spec/triples.md); blank lines are
// skipped. Errors name the input as name:line.
func ReadGold(r io.Reader, name string) ([]Gold, error) {
	var gold []Gold
	err := eachLine(r, name, func(line []byte) error {
		g, err := parseGold(line)
		if err != nil {
			return err
		}
		gold = append(gold, g)
		return nil
	})
	return gold, err
}

// parseGold reads one gold line. Keys are matched exactly, as Python
// reads them (encoding/json alone would also accept "Doc").
func parseGold(line []byte) (Gold, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(line, &m); err != nil {
		return Gold{}, fmt.Errorf("not JSON: %w", err)
	}
	var g Gold
	if err := field(m, "doc", &g.Doc, "a string"); err != nil {
		return Gold{}, err
	}
	for _, f := range []struct {
		key  string
		dest *[]string
	}{{"s", &g.S}, {"p", &g.P}, {"o", &g.O}} {
		if err := field(m, f.key, f.dest, "a list of strings"); err != nil {
			return Gold{}, err
		}
		if len(*f.dest) == 0 {
			return Gold{}, fmt.Errorf("gold triple: %q lists no form", f.key)
		}
	}
	// A missing neg is false; null or anything but a boolean is refused,
	// since kgscore would print it as is in its listing.
	if raw, ok := m["neg"]; ok {
		if err := json.Unmarshal(raw, &g.Neg); err != nil || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
			return Gold{}, fmt.Errorf("gold triple: \"neg\" is %s, want true or false", raw)
		}
	}
	return g, nil
}

// field decodes the required key of m into dest, which is want.
func field(m map[string]json.RawMessage, key string, dest any, want string) error {
	raw, ok := m[key]
	if !ok {
		return fmt.Errorf("gold triple: no %q", key)
	}
	if err := json.Unmarshal(raw, dest); err != nil || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		return fmt.Errorf("gold triple: %q is %s, want %s", key, raw, want)
	}
	return nil
}

// ReadTriples reads produced triples, one JSON object a line in the form
// of the triple contract (what kg extract --emit jsonl writes); blank
// lines are skipped. Errors name the input as name:line.
func ReadTriples(r io.Reader, name string) ([]graph.Triple, error) {
	var ts []graph.Triple
	err := eachLine(r, name, func(line []byte) error {
		var t graph.Triple
		if err := json.Unmarshal(line, &t); err != nil {
			return fmt.Errorf("triple: not JSON: %w", err)
		}
		ts = append(ts, t)
		return nil
	})
	return ts, err
}

// eachLine calls fn on every non-blank line of r, trimmed of white space.
// Lines end at \n, \r\n or a lone \r, as in Python's text files, so line
// numbers agree with kgscore's.
func eachLine(r io.Reader, name string, fn func([]byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 64<<20)
	sc.Split(scanLines)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimFunc(sc.Bytes(), isSpace)
		if len(line) == 0 {
			continue
		}
		if err := fn(line); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// scanLines is bufio.ScanLines with a lone \r also ending a line.
func scanLines(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		if data[i] == '\n' {
			return i + 1, data[:i], nil
		}
		if i+1 < len(data) {
			if data[i+1] == '\n' {
				return i + 2, data[:i], nil
			}
			return i + 1, data[:i], nil
		}
		if atEOF {
			return i + 1, data[:i], nil
		}
		return 0, nil, nil // a \r at the end of the buffer: see if \n follows
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}
