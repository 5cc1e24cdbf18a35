package entity

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode"

	"github.com/kgraph/kg/graph"
)

//go:embed data/any/wordclass.tsv data/fr/wordclass.tsv data/en/wordclass.tsv
var wordClassFS embed.FS

// wordClass is a class of data/<lang>/wordclass.tsv: words the recogniser
// looks for, so that its rules read classes rather than name words.
type wordClass string

const (
	classifierClass    wordClass = "classifier"    // types the name after it; value: org or gpe
	authorityClass     wordClass = "authority"     // a country's authorities, with a demonym
	honorificClass     wordClass = "honorific"     // starts a person's name, no part of it; value: gender or ""
	connectorClass     wordClass = "connector"     // lower case inside a capitalised name
	orgConnectorClass  wordClass = "orgconnector"  // lower case inside an institution's name only
	particleClass      wordClass = "particle"      // a connector of persons' names
	pairClass          wordClass = "pair"          // a two-word particle of persons' names
	articleClass       wordClass = "article"       // begins a place name when capitalised
	hyphenClass        wordClass = "hyphen"        // an article joined to a name by a hyphen
	partyClass         wordClass = "party"         // names a party; value: its name
	corporateClass     wordClass = "corporate"     // makes a title a company's
	acronymClass       wordClass = "acronym"       // an acronym of a common noun
	locativeClass      wordClass = "locative"      // an unknown single name after it is a place
	pronounClass       wordClass = "pronoun"       // a personal pronoun; value: its gender
	possessiveClass    wordClass = "possessive"    // a pronoun that is also a possessive determiner
	institutionClass   wordClass = "institution"   // ends an institution's name a place's opens
	orgDescClass       wordClass = "orgdesc"       // refers back to an organisation; value: the kind it asks for
	whenClass          wordClass = "when"          // says when a title is held
	pastClass          wordClass = "past"          // says a title was held before
	headClass          wordClass = "head"          // heads an institution's name
	titleGenderClass   wordClass = "titlegender"   // a title word that says a gender; value: the gender
	articleGenderClass wordClass = "articlegender" // a determiner that says a title's gender; value: the gender
	titlePrepClass     wordClass = "titleprep"     // starts the complement of a title
	suffixClass        wordClass = "suffix"        // ends a person's name after the surname
	groupClass         wordClass = "group"         // a region's, religion's or people's adjective or noun, no name alone
)

// values returns the values class c takes ("*": any but empty; ""
// among them: the value may be left out; none: it takes none), and
// whether c is a class at all.
func (c wordClass) values() ([]string, bool) {
	switch c {
	case authorityClass, connectorClass, orgConnectorClass, particleClass, pairClass, articleClass, hyphenClass, corporateClass,
		acronymClass, locativeClass, possessiveClass, institutionClass, whenClass, pastClass, headClass, titlePrepClass, suffixClass, groupClass:
		return nil, true
	case classifierClass:
		return []string{"org", "gpe"}, true
	case honorificClass:
		return []string{"", "f", "m"}, true
	case pronounClass, titleGenderClass, articleGenderClass:
		return []string{"f", "m"}, true
	case partyClass:
		return []string{"*"}, true
	case orgDescClass:
		return []string{"", "*"}, true
	}
	return nil, false
}

// wordClasses is what data/any/wordclass.tsv and data/<lang>/wordclass.tsv
// say: class → word → value.
type wordClasses map[wordClass]map[string]string

// is reports whether word (folded) is of class c.
func (w wordClasses) is(c wordClass, word string) bool {
	_, ok := w[c][word]
	return ok
}

// value returns the value class c gives word (folded), and whether the
// word is of the class.
func (w wordClasses) value(c wordClass, word string) (string, bool) {
	v, ok := w[c][word]
	return v, ok
}

// gender returns the gender class c gives word (folded), 0 for none.
func (w wordClasses) gender(c wordClass, word string) byte {
	return genderOf(w[c][word])
}

// loadWordClasses reads the word classes of lang: the words of names in
// any language, then the language's own.
func loadWordClasses(lang string) (wordClasses, error) {
	w := wordClasses{}
	for _, p := range []string{"data/any/wordclass.tsv", path.Join("data", lang, "wordclass.tsv")} {
		if err := w.read(wordClassFS, p); err != nil {
			return nil, err
		}
	}
	return w, nil
}

// read adds the rows of file p of fsys.
func (w wordClasses) read(fsys fs.FS, p string) error {
	f, err := fsys.Open(p)
	if err != nil {
		return fmt.Errorf("word classes %s: %w", p, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		if err := w.add(line); err != nil {
			return fmt.Errorf("%s:%d: %w", p, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("word classes %s: %w", p, err)
	}
	return nil
}

// add reads one row: word<TAB>classes.
func (w wordClasses) add(line string) error {
	word, col, ok := strings.Cut(line, "\t")
	if !ok || word == "" || col == "" || strings.Contains(col, "\t") {
		return errors.New("want word<TAB>classes")
	}
	// The recogniser compares folded tokens: a row written otherwise
	// would never match. Party words with a capital match as written.
	if word != graph.Fold(word) && !strings.ContainsFunc(word, unicode.IsUpper) {
		return fmt.Errorf("word %q: write it folded (%q)", word, graph.Fold(word))
	}
	for _, item := range strings.Split(col, ",") {
		name, val, _ := strings.Cut(item, "=")
		c := wordClass(name)
		vals, known := c.values()
		switch {
		case !known:
			return fmt.Errorf("unknown class %q", name)
		case !validValue(vals, val):
			return fmt.Errorf("class %s: value %q: want one of %q", name, val, vals)
		case c != partyClass && word != graph.Fold(word):
			return fmt.Errorf("word %q: only party words may be written with a capital", word)
		}
		if w[c] == nil {
			w[c] = map[string]string{}
		}
		w[c][word] = val
	}
	return nil
}

// validValue reports whether val is one of vals ("*": any non-empty).
func validValue(vals []string, val string) bool {
	if len(vals) == 0 {
		return val == ""
	}
	for _, v := range vals {
		if v == val || v == "*" && val != "" {
			return true
		}
	}
	return false
}

// party returns the party a word names: as written when the row has a
// capital ("Republican", not "republican"), folded otherwise.
func (w wordClasses) party(word string) (string, bool) {
	if p, ok := w.value(partyClass, word); ok {
		return p, true
	}
	return w.value(partyClass, graph.Fold(word))
}

// isParty reports a word naming a political party.
func (w wordClasses) isParty(word string) bool {
	_, ok := w.party(word)
	return ok
}

// loadAllWordClasses reads the word classes of every language of data/.
func loadAllWordClasses() (map[string]wordClasses, error) {
	dirs, err := fs.ReadDir(wordClassFS, "data")
	if err != nil {
		return nil, fmt.Errorf("word classes: %w", err)
	}
	m := map[string]wordClasses{}
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == "any" {
			continue
		}
		if m[d.Name()], err = loadWordClasses(d.Name()); err != nil {
			return nil, err
		}
	}
	return m, nil
}
