package gazetteer

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"strings"

	"github.com/kgraph/kg/graph"
)

// record is one parsed data row before indexing.
type record struct {
	e      Entry
	en, fr []string // aliases with their markers
	pos    string   // file:line, for errors
}

// eachRow calls fn with the tab-separated columns of every data row of an
// file of fsys, skipping blank lines and # comments.
func eachRow(fsys fs.FS, file string, ncols, optional int, fn func(line int, cols []string) error) error {
	b, err := fs.ReadFile(fsys, file)
	if err != nil {
		return fmt.Errorf("gazetteer data %s: %w", file, err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	rows := 0
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < ncols || len(cols) > ncols+optional {
			return fmt.Errorf("gazetteer data %s:%d: %d columns, want %d", file, n, len(cols), ncols)
		}
		if err := fn(n, cols); err != nil {
			return err
		}
		rows++
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer data %s: %w", file, err)
	}
	if rows == 0 {
		return fmt.Errorf("gazetteer data %s: no rows", file)
	}
	return nil
}

// split reads a "|"-separated list of aliases.
func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// parseCountry reads countries.tsv: code, name, en, fr.
func parseCountry(file string, line int, c []string) (record, error) {
	pos := fmt.Sprintf("%s:%d", file, line)
	if c[1] == "" {
		return record{}, fmt.Errorf("gazetteer data %s: no name", pos)
	}
	return record{
		e:   Entry{Name: c[1], Type: graph.GPE, Kind: Country},
		en:  split(c[2]),
		fr:  split(c[3]),
		pos: pos,
	}, nil
}

// parsePlace reads places.tsv: kind, name, country, en, fr.
// parsePlace reads places.tsv: kind, name, country, en, fr and, for a
// capital that stands for a body other than its country's government, that
// body ("Brussels" acting is the European Union).
func parsePlace(file string, line int, c []string) (record, error) {
	pos := fmt.Sprintf("%s:%d", file, line)
	k, ok := parseKind(c[0])
	typ := graph.GPE
	switch {
	case !ok || k == Country || k == Org || k == Demonym:
		return record{}, fmt.Errorf("gazetteer data %s: bad kind %q (want capital, city, region or place)", pos, c[0])
	case k == Place:
		typ = graph.Loc
	case k == Capital && c[2] == "":
		return record{}, fmt.Errorf("gazetteer data %s: capital %q has no country", pos, c[1])
	}
	if c[1] == "" {
		return record{}, fmt.Errorf("gazetteer data %s: no name", pos)
	}
	r := record{
		e:   Entry{Name: c[1], Type: typ, Kind: k, Country: c[2]},
		en:  split(c[3]),
		fr:  split(c[4]),
		pos: pos,
	}
	if len(c) > 5 {
		if k != Capital {
			return record{}, fmt.Errorf("gazetteer data %s: %q is no capital and seats nothing", pos, c[1])
		}
		r.e.Seat = c[5]
	}
	return r, nil
}

// parseOrg reads orgs.tsv: name, country, en, fr.
func parseOrg(file string, line int, c []string) (record, error) {
	pos := fmt.Sprintf("%s:%d", file, line)
	if c[0] == "" {
		return record{}, fmt.Errorf("gazetteer data %s: no name", pos)
	}
	return record{
		e:   Entry{Name: c[0], Type: graph.Org, Kind: Org, Country: c[1]},
		en:  split(c[2]),
		fr:  split(c[3]),
		pos: pos,
	}, nil
}

// addDemonyms reads a demonyms.tsv row: country, English forms (each listed
// as used), French masculine singulars (inflected by frInflect; "m/f" gives
// an irregular feminine).
func (g *Gazetteer) addDemonyms(line int, c []string) error {
	pos := fmt.Sprintf("demonyms.tsv:%d", line)
	if !g.isCountry(c[0]) {
		return fmt.Errorf("gazetteer data %s: unknown country %q", pos, c[0])
	}
	add := func(form string, fr bool) error {
		k := graph.Fold(form)
		if k == "" {
			return fmt.Errorf("gazetteer data %s: empty demonym", pos)
		}
		n, ok := g.demonyms[k]
		if ok && n.country != c[0] {
			return fmt.Errorf("gazetteer data %s: demonym %q points to both %q and %q", pos, form, n.country, c[0])
		}
		n.country = c[0]
		if fr {
			n.fr = true
		} else {
			n.en = true
		}
		g.demonyms[k] = n
		g.maxWords = max(g.maxWords, words(form))
		return nil
	}
	for _, f := range split(c[1]) {
		if !startsUpper(f) {
			return fmt.Errorf("gazetteer data %s: English demonym %q is not capitalised", pos, f)
		}
		if err := add(f, false); err != nil {
			return err
		}
	}
	for _, f := range split(c[2]) {
		m, fem, _ := strings.Cut(f, "/")
		for _, form := range frInflect(m, fem) {
			if err := add(form, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// frInflect returns the four forms of a French demonym adjective from its
// masculine singular: masculine and feminine, singular and plural. fem, if
// not empty, overrides the feminine the rules would give.
func frInflect(m, fem string) [4]string {
	if fem == "" {
		fem = frFeminine(m)
	}
	mpl := m
	if !strings.HasSuffix(m, "s") && !strings.HasSuffix(m, "x") && !strings.HasSuffix(m, "z") {
		mpl += "s"
	}
	return [4]string{m, fem, mpl, fem + "s"}
}

// frFeminine applies the regular rules and the few exceptions that demonyms
// need: russe → russe, syrien → syrienne, coréen → coréenne, letton →
// lettone, allemand → allemande, turc → turque, grec → grecque.
func frFeminine(m string) string {
	switch m {
	case "turc":
		return "turque"
	case "grec":
		return "grecque"
	case "ouzbek":
		return "ouzbèke"
	case "khmer":
		return "khmère"
	}
	switch {
	case strings.HasSuffix(m, "e"):
		return m
	case strings.HasSuffix(m, "en"):
		return m + "ne" // syrien, coréen, européen
	}
	return m + "e"
}
