// Command firstnames checks the entity package's hand-written first-name
// table (data/firstnames.tsv) against the news corpora kg may mine: it
// reads the gender that honorifics ("Mr", "Mrs", "M.", "Mme") and
// following pronouns ("She said", "Il a dit") give the first name of a
// full name, and lists the names whose evidence disagrees with the table
// or that the table lacks. It writes nothing: a person decides what to
// change in the table.
//
// Only the corpora under a licence that allows it are read: English
// Wikinews (CC BY 2.5), French Wikinews (CC BY 2.5) and the NewsEye
// historical French newspapers (CC BY 4.0), from the shared data folder.
//
// Run it from the repository root:
//
//	go run ./extract/entity/internal/firstnames [-shared ../shared] [-min 2]
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/extract/entity"
	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/segment"
	"github.com/kgraph/kg/graph"
)

// corpora are the files read, with their language: the permissively
// licensed ones only.
var corpora = []struct{ file, lang string }{
	{"en-wikinews-vanatteveldt.jsonl", "en"},
	{"fr-wikinews-keyphrase100.jsonl", "fr"},
	{"fr-newseye-hipe2022.jsonl", "fr"},
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("firstnames: ")
	shared := flag.String("shared", "", "the shared data `dir` (default: \"shared\" beside the repository root)")
	minCount := flag.Int("min", 2, "report names with at least `n` pieces of evidence")
	flag.Parse()
	dir := *shared
	if dir == "" {
		var err error
		if dir, err = sharedDir(); err != nil {
			log.Fatal(err)
		}
	}
	table, err := entity.LoadFirstNames()
	if err != nil {
		log.Fatal(err)
	}
	ev := evidence{names: map[string]*tally{}, lower: map[string]bool{}}
	for _, c := range corpora {
		if err := readCorpus(filepath.Join(dir, "data", "news", c.file), c.lang, ev); err != nil {
			log.Fatal(err)
		}
	}
	report(os.Stdout, ev, table, *minCount)
}

// sharedDir finds "shared" beside the repository root above the working
// directory.
func sharedDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(filepath.Dir(dir), "shared"), nil
		}
		if filepath.Dir(dir) == dir {
			return "", errors.New("no go.mod above the working directory: give -shared")
		}
		dir = filepath.Dir(dir)
	}
}

// tally counts the evidence for one first name (folded), keeping the
// spelling seen first.
type tally struct {
	form string
	m, f int
}

// evidence is the tally of each folded first name, and the words seen
// in lower case, which are not names.
type evidence struct {
	names map[string]*tally
	lower map[string]bool
}

func (ev evidence) add(form string, g byte) {
	k := graph.Fold(form)
	t := ev.names[k]
	if t == nil {
		t = &tally{form: form}
		ev.names[k] = t
	}
	if g == entity.Feminine {
		t.f++
	} else {
		t.m++
	}
}

func readCorpus(path, lang string, ev evidence) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("news corpus: %w", err)
	}
	defer f.Close()
	lex, err := lexicon.Load(lang)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var doc struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			return fmt.Errorf("news corpus %s: %w", path, err)
		}
		scan(doc.Text, lex.Traits().Spelling, ev)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("news corpus %s: %w", path, err)
	}
	return nil
}

// honorifics (folded) and the gender they say.
var honorifics = map[string]byte{
	"mr": entity.Masculine, "mr.": entity.Masculine, "m.": entity.Masculine, "monsieur": entity.Masculine,
	"mrs": entity.Feminine, "mrs.": entity.Feminine, "ms": entity.Feminine, "ms.": entity.Feminine,
	"miss": entity.Feminine, "mme": entity.Feminine, "mme.": entity.Feminine, "madame": entity.Feminine,
	"mlle": entity.Feminine, "mademoiselle": entity.Feminine,
}

// pronouns (folded) tell the gender of the person a sentence is about.
var pronouns = map[string]byte{
	"he": entity.Masculine, "his": entity.Masculine, "him": entity.Masculine,
	"she": entity.Feminine, "her": entity.Feminine, "hers": entity.Feminine,
	"il": entity.Masculine, "elle": entity.Feminine,
}

// scan adds the evidence of one text: an honorific before a first name
// and a surname ("Mrs Theresa May"), and the first personal pronoun
// after a sentence that opens with a full name and names no one else
// ("Dorsa Derakhshani had decided and informed the federation she ...").
// It also records the words the text writes in lower case.
func scan(text string, spelling segment.Rules, ev evidence) {
	var about string // the first name of the person the text is about, until a pronoun tells
	for _, s := range segment.Split(text, spelling) {
		toks := s.Tokens
		from := 0 // where the pronoun may be
		if len(toks) > 2 && given(toks[0]) && capitalised(toks[1]) && !capitalised(toks[2]) {
			about, from = toks[0].Text, 2
		}
		for i, t := range toks {
			if t.Kind != segment.Word {
				continue
			}
			low := graph.Fold(t.Text)
			if !capitalised(t) {
				ev.lower[low] = true
			}
			if g, ok := honorifics[low]; ok && i+2 < len(toks) && given(toks[i+1]) && capitalised(toks[i+2]) {
				ev.add(toks[i+1].Text, g)
			}
			if about == "" || i < from {
				continue
			}
			if g, ok := pronouns[low]; ok {
				ev.add(about, g)
				about = ""
			} else if capitalised(t) && i+1 < len(toks) && capitalised(toks[i+1]) {
				about = "" // someone else named: the pronoun may be theirs
			}
		}
	}
}

func capitalised(t segment.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return t.Kind == segment.Word && unicode.IsUpper(r)
}

// given reports a word that can be a first name: capitalised, then lower
// case, not an initial.
func given(t segment.Token) bool {
	if !capitalised(t) || utf8.RuneCountInString(t.Text) < 2 {
		return false
	}
	for i, r := range t.Text {
		if i > 0 && (unicode.IsUpper(r) || r == '.' || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

// report writes, for each name with at least min pieces of evidence,
// whether the table agrees: "agrees", "mixed" (the table or the evidence
// says both), "CONFLICT", or "new" for a name the table lacks and the
// corpora never write in lower case. The evidence says a gender when
// nine pieces in ten say it.
func report(w io.Writer, ev evidence, table entity.FirstNames, min int) {
	keys := make([]string, 0, len(ev.names))
	for k := range ev.names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t := ev.names[k]
		if _, known := table[k]; t.m+t.f < min || !known && ev.lower[k] {
			continue
		}
		var g byte
		switch {
		case t.m*10 >= (t.m+t.f)*9:
			g = entity.Masculine
		case t.f*10 >= (t.m+t.f)*9:
			g = entity.Feminine
		}
		status := "new"
		if tg, ok := table[k]; ok {
			switch {
			case tg == g:
				status = "agrees"
			case tg == 0 || g == 0:
				status = "mixed"
			default:
				status = "CONFLICT"
			}
		}
		fmt.Fprintf(w, "%s\t%s\tm=%d f=%d\n", status, t.form, t.m, t.f)
	}
}
