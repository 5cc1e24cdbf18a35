package entity

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/kgraph/kg/graph"
)

// The genders a mention or a person can have. Zero means unknown.
const (
	Feminine  byte = 'f'
	Masculine byte = 'm'
)

//go:embed data/firstnames.tsv
var firstNamesTSV []byte

// FirstNames maps folded given names to the gender they tell: Feminine,
// Masculine, or 0 for a name borne by both.
type FirstNames map[string]byte

// LoadFirstNames reads the embedded first-name table.
func LoadFirstNames() (FirstNames, error) {
	fn := FirstNames{}
	sc := bufio.NewScanner(bytes.NewReader(firstNamesTSV))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		name, g, ok := strings.Cut(line, "\t")
		if !ok || name == "" || (g != "f" && g != "m" && g != "-") {
			return nil, fmt.Errorf("first-name table data/firstnames.tsv:%d: want name<TAB>f, m or -", n)
		}
		fn[graph.Fold(name)] = genderOf(g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("first-name table data/firstnames.tsv: %w", err)
	}
	return fn, nil
}

func genderOf(g string) byte {
	switch g {
	case "f":
		return Feminine
	case "m":
		return Masculine
	}
	return 0
}

// defaultFirstNames is the embedded table, read once and never changed.
var defaultFirstNames = sync.OnceValue(func() FirstNames {
	fn, err := LoadFirstNames()
	if err != nil {
		// The table is embedded and TestFirstNamesTable checks it.
		panic(err)
	}
	return fn
})

// Person returns the gender a person's full name tells by its first
// word: "Hillary Clinton" is feminine, "Jean-Marc Ayrault" masculine by
// "Jean". A single word (a surname, maybe), an initial or a name the table
// does not know tells nothing.
func (fn FirstNames) Person(name string) byte {
	words := strings.Fields(name)
	if len(words) < 2 {
		return 0
	}
	first := graph.Fold(words[0])
	if g, ok := fn[first]; ok {
		return g
	}
	// A compound first name takes the gender of its first part:
	// Jean-Marie, Marie-Christine, Anne-Sophie.
	if head, _, ok := strings.Cut(first, " "); ok {
		return fn[head]
	}
	return 0
}

// compatible reports whether a person of gender p can be the referent of
// a mention of gender m: unknown on either side fits anything.
func compatible(p, m byte) bool {
	return p == 0 || m == 0 || p == m
}

// pronounGender returns the gender of a personal pronoun.
func pronounGender(text string) byte {
	switch strings.ToLower(text) {
	case "il", "-il", "-t-il", "he", "him":
		return Masculine
	case "elle", "-elle", "-t-elle", "she", "her":
		return Feminine
	}
	return 0
}

// titleGender returns the gender a title phrase at tokens [i, end) says,
// by its words or by a determiner before it that says one (French); 0 when it says
// none or says both. Complements are left out: "président de la Commission
// européenne" is a man.
func (r *Recognizer) titleGender(s *sentence, i, end int) byte {
	var g byte
	for k := i; k < end && !r.wc.is(titlePrepClass, s.low[k]); k++ {
		for _, w := range strings.Fields(s.low[k]) {
			if wg := r.wc.gender(titleGenderClass, w); wg != 0 {
				if g != 0 && g != wg {
					return 0
				}
				g = wg
			}
		}
	}
	// Only languages whose determiners say a gender have rows.
	if i > 0 {
		if ag := r.wc.gender(articleGenderClass, s.low[i-1]); ag != 0 {
			if g != 0 && g != ag {
				return 0
			}
			g = ag
		}
	}
	return g
}
