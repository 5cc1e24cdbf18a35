package entity

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"

	"github.com/kgraph/kg/graph"
)

//go:embed data/words.tsv
var wordsTSV []byte

//go:embed data/people.tsv
var peopleTSV []byte

// class is a set of the word classes of data/words.tsv.
type class uint8

const (
	orgClass    class = 1 << iota // makes a chain an organisation's name
	eventClass                    // makes a chain an event's name
	placeClass                    // makes a chain a place's name
	monthClass                    // a month that context makes a date
	creditClass                   // a label before a credited name
	legalClass                    // a company's legal form, closing its name
)

var classNames = map[string]class{
	"org": orgClass, "event": eventClass, "place": placeClass, "month": monthClass, "credit": creditClass, "legal": legalClass,
}

// wordTable is what data/words.tsv says for one language.
type wordTable struct {
	class map[string]class // folded word → its classes
	zones map[string]bool  // time zones, as written
	// around are the zone rows with X: the folded words before and
	// after the place ("heure de X", "X time").
	around []around
}

type around struct{ before, after []string }

// loadWords reads the rows of data/words.tsv for lang and for any
// language.
func loadWords(lang string) (wordTable, error) {
	w := wordTable{class: map[string]class{}, zones: map[string]bool{}}
	sc := bufio.NewScanner(bytes.NewReader(wordsTSV))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			return wordTable{}, fmt.Errorf("data/words.tsv:%d: want lang<TAB>class<TAB>word", n)
		}
		l, cl, word := cols[0], cols[1], cols[2]
		if l != lang && l != "*" {
			continue
		}
		if cl == "zone" {
			if before, after, ok := strings.Cut(word, "X"); ok {
				w.around = append(w.around, around{before: splitFolded(before), after: splitFolded(after)})
			} else {
				w.zones[word] = true
			}
			continue
		}
		c, ok := classNames[cl]
		if !ok {
			return wordTable{}, fmt.Errorf("data/words.tsv:%d: unknown class %q", n, cl)
		}
		w.class[graph.Fold(word)] |= c
	}
	return w, nil
}

// splitFolded splits a pattern's side into folded tokens, an elided
// article a token of its own ("d'X" → "d'").
func splitFolded(s string) []string {
	return strings.Fields(strings.ReplaceAll(graph.Fold(s), "'", "' "))
}

// is reports whether a folded word is of class c.
func (w wordTable) is(folded string, c class) bool { return w.class[folded]&c != 0 }

// people are the politicians of data/people.tsv, read once for the three
// ways the recogniser looks them up.
type people struct {
	country  map[string]string // folded full name → country
	surnames map[string]string // folded surname → country; "" when people of two countries bear it
	lone     map[string]string // folded surname → the one person bearing it, as written (its first spelling); "" when several do
}

// loadPeople reads data/people.tsv. The table holds each folded name once
// (TestPeopleTable), so its rows can be read one by one.
func loadPeople() (people, error) {
	p := people{country: map[string]string{}, surnames: map[string]string{}, lone: map[string]string{}}
	sc := bufio.NewScanner(bytes.NewReader(peopleTSV))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		name, country, ok := strings.Cut(line, "\t")
		if !ok || name == "" || country == "" {
			return people{}, fmt.Errorf("data/people.tsv:%d: want name<TAB>country", n)
		}
		folded := graph.Fold(name)
		p.country[folded] = country
		w := strings.Fields(folded)
		last := w[len(w)-1]
		if prev, seen := p.surnames[last]; seen && prev != country {
			p.surnames[last] = ""
		} else {
			p.surnames[last] = country
		}
		if prev, seen := p.lone[last]; !seen {
			p.lone[last] = name
		} else if prev != "" && !spellings(prev, name) {
			p.lone[last] = ""
		}
	}
	return p, nil
}

// spellings reports two rows of one person, spelt two ways ("Sergei
// Lavrov", "Sergueï Lavrov"): as many words, the first names alike in
// their first three letters. "George W. Bush" and "George H. W. Bush"
// are two.
func spellings(a, b string) bool {
	fa, fb := strings.Fields(graph.Fold(a)), strings.Fields(graph.Fold(b))
	if len(fa) != len(fb) || len(fa[0]) < 3 || len(fb[0]) < 3 {
		return false
	}
	return fa[0][:3] == fb[0][:3]
}

// StateRole reports a title held in a country's government ("president",
// "prime minister", "foreign minister", "king"), which is of a country
// when the text names none.
func StateRole(role string) bool {
	switch role {
	case "president", "vice president", "president-elect", "prime minister", "deputy prime minister", "premier",
		"chancellor", "vice chancellor", "head of state", "head of government", "king", "queen", "monarch",
		"emir", "crown prince", "supreme leader", "secretary of state", "foreign secretary":
		return true
	}
	return strings.HasSuffix(role, " minister")
}
