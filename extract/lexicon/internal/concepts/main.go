// Command concepts lists candidate rows for fr/concepts.tsv: the common
// nouns that follow a determiner (the object of a verb, or the head of a
// "de" complement) in French news articles, and the noun + adjective and
// noun + de + noun phrases they head, most frequent first.
//
//	go run ./extract/lexicon/internal/concepts [-skip ids.jsonl] [-min 2] [-new] FILE.jsonl...
//
// Each FILE holds one JSON article a line with "id" and "text" fields.
// -skip names a JSON Lines file whose "id" fields (or plain lines of ids)
// are articles to leave out, so that evaluation articles do not shape the
// lexicon. Output is tab-separated: kind (noun or phrase), count, lemma,
// and what the lexicon already makes of the lemma (concept:..., title:...
// or -). Choosing among the candidates and translating them is done by
// hand; the program only makes the list reproducible.
//
// The heuristic needs no tagger: a word that follows a determiner (le, la,
// l', un, des, du, son, ces...) or a bare "de" and starts in lower case is
// taken for a noun, skipping the pre-nominal modifiers of stop.tsv
// (nouvelle, prochaine). Plurals are made singular with the lexicon's
// NounLemma, except words also seen after a singular determiner (le
// recours, le procès), which are invariable.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/kgraph/kg/extract/lexicon"
)

func main() {
	skip := flag.String("skip", "", "JSON Lines file (or list, one a line) of article ids to leave out")
	minCount := flag.Int("min", 2, "least count of a printed candidate")
	onlyNew := flag.Bool("new", false, "print only candidates the lexicon has no concept or title for")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("concepts: ")
	if flag.NArg() == 0 {
		log.Fatal("usage: concepts [-skip ids.jsonl] [-min n] [-new] FILE.jsonl...")
	}
	lex, err := lexicon.Load("fr")
	if err != nil {
		log.Fatal(err)
	}
	skipped := map[string]bool{}
	if *skip != "" {
		if skipped, err = readIDs(*skip); err != nil {
			log.Fatal(err)
		}
	}
	m := &miner{lex: lex, singular: map[string]bool{}}
	for _, p := range flag.Args() {
		if err := m.readFile(p, skipped); err != nil {
			log.Fatal(err)
		}
	}
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	for _, c := range m.candidates(*minCount) {
		known := "-"
		if en, ok := lex.Concept(c.lemma); ok {
			known = "concept:" + en
		} else if role, ok := lex.Title(c.lemma); ok {
			known = "title:" + role
		}
		if *onlyNew && known != "-" {
			continue
		}
		fmt.Fprintf(w, "%s\t%d\t%s\t%s\n", c.kind, c.count, c.lemma, known)
	}
}

// readIDs reads article ids: the "id" field of JSON lines, or whole lines.
func readIDs(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("skip file: %w", err)
	}
	defer f.Close()
	ids := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 64*1024*1024)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" {
			continue
		}
		if !strings.HasPrefix(l, "{") {
			ids[l] = true
			continue
		}
		var a struct {
			ID string `json:"id"`
		}
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			return nil, fmt.Errorf("skip file %s: %w", path, err)
		}
		ids[a.ID] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("skip file %s: %w", path, err)
	}
	return ids, nil
}

// A mention is one noun after a determiner, with what follows it.
type mention struct {
	word   string   // the noun as written, lower case
	plural bool     // after a determiner that is not singular
	next   []string // up to three following words, lower case
}

type miner struct {
	lex      *lexicon.Lexicon
	mentions []mention
	singular map[string]bool // words seen after a singular determiner
}

func (m *miner) readFile(path string, skipped map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("articles: %w", err)
	}
	defer f.Close()
	dec := json.NewDecoder(f)
	for {
		var a struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := dec.Decode(&a); err == io.EOF {
			return nil
		} else if err != nil {
			return fmt.Errorf("articles %s: %w", path, err)
		}
		if !skipped[a.ID] {
			m.readText(a.Text)
		}
	}
}

// number is what a determiner says of its noun's number.
type number int

const (
	singular number = iota
	plural
	either // a bare "de" or "d'": "accord de paix", "prix d'achats"
)

var determiners = map[string]number{
	"le": singular, "la": singular, "l'": singular, "un": singular, "une": singular, "du": singular,
	"son": singular, "sa": singular, "leur": singular, "ce": singular, "cet": singular, "cette": singular,
	"les": plural, "des": plural, "ses": plural, "leurs": plural, "ces": plural,
	"de": either, "d'": either,
}

func (m *miner) readText(text string) {
	for _, para := range strings.Split(text, "\n") {
		toks := tokens(para)
		for i, t := range toks {
			num, ok := determiners[strings.ToLower(t)]
			if !ok {
				continue
			}
			j := i + 1
			for j < len(toks) && slices.Contains(m.lex.StopClasses(toks[j]), "premod") {
				j++
			}
			if j >= len(toks) || !m.nounLike(toks[j], t) {
				continue
			}
			w := strings.ToLower(toks[j])
			if num == singular {
				m.singular[w] = true
			}
			var next []string
			for k := j + 1; k < len(toks) && k <= j+3; k++ {
				next = append(next, strings.ToLower(toks[k]))
			}
			m.mentions = append(m.mentions, mention{word: w, plural: num != singular, next: next})
		}
	}
}

// nounLike reports whether a word after determiner det may be a common
// noun: lower case, letters only, not a function word; after a bare "de",
// not an infinitive ("de faire").
func (m *miner) nounLike(w, det string) bool {
	r := []rune(w)
	if len(r) < 3 || !unicode.IsLower(r[0]) {
		return false
	}
	for _, c := range r {
		if !unicode.IsLetter(c) && c != '-' {
			return false
		}
	}
	if len(m.lex.StopClasses(w)) > 0 {
		return false
	}
	if d := strings.ToLower(det); d == "de" || d == "d'" {
		for _, f := range m.lex.Forms(w) {
			if slices.Contains(f.Tags, "inf") {
				return false
			}
		}
		if strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ir") {
			return false
		}
	}
	return true
}

// lemma returns the singular of a noun (or adjective) form.
func (m *miner) lemma(w string, plural bool) string {
	if !plural || m.singular[w] {
		return w
	}
	l := m.lex.NounLemma(w)
	for _, alt := range []string{l, strings.TrimSuffix(w, "x"), strings.TrimSuffix(w, "aux") + "ail"} {
		if m.singular[alt] {
			return alt
		}
	}
	return l
}

type candidate struct {
	kind, lemma string
	count       int
}

// candidates counts nouns and the phrases they head: noun + adjective
// (a lower-case word not a function word or a verb form of the lexicon)
// and noun + de/d' + noun.
func (m *miner) candidates(least int) []candidate {
	counts := map[[2]string]int{}
	for _, mt := range m.mentions {
		head := m.lemma(mt.word, mt.plural)
		counts[[2]string{"noun", head}]++
		if len(mt.next) == 0 {
			continue
		}
		if a := mt.next[0]; m.adjectiveLike(a) {
			counts[[2]string{"phrase", head + " " + m.lemma(a, mt.plural)}]++
		}
		if p := m.complement(mt.next); p != "" {
			counts[[2]string{"phrase", head + " " + p}]++
		}
	}
	var out []candidate
	for k, n := range counts {
		if n >= least {
			out = append(out, candidate{kind: k[0], lemma: k[1], count: n})
		}
	}
	slices.SortFunc(out, func(a, b candidate) int {
		if a.kind != b.kind {
			return strings.Compare(a.kind, b.kind)
		}
		if a.count != b.count {
			return b.count - a.count
		}
		return strings.Compare(a.lemma, b.lemma)
	})
	return out
}

func (m *miner) adjectiveLike(w string) bool {
	r := []rune(w)
	if len(r) < 3 || !unicode.IsLetter(r[0]) || len(m.lex.StopClasses(w)) > 0 {
		return false
	}
	for _, f := range m.lex.Forms(w) {
		if f.POS == "verb" && !slices.Contains(f.Tags, "pp") {
			return false
		}
	}
	return true
}

// complement returns "de <noun>", "de la <noun>", "des <noun>"... for a
// "de" complement at the start of next, written as concepts.tsv writes it.
func (m *miner) complement(next []string) string {
	switch {
	case len(next) >= 2 && (next[0] == "de" || next[0] == "d'" || next[0] == "du" || next[0] == "des"):
		if next[0] == "de" && len(next) >= 3 && (next[1] == "la" || next[1] == "l'") && m.nounLike(next[2], next[1]) {
			return "de " + joinElided(next[1], next[2])
		}
		if m.nounLike(next[1], next[0]) {
			return joinElided(next[0], next[1])
		}
	}
	return ""
}

func joinElided(a, b string) string {
	if strings.HasSuffix(a, "'") {
		return a + b
	}
	return a + " " + b
}

// tokens splits a paragraph into words, keeping hyphenated words whole and
// an elided article with its apostrophe ("l'", "d'").
func tokens(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	for _, c := range s {
		switch {
		case c == '\'' || c == '’' || c == 'ʼ':
			cur = append(cur, '\'')
			flush()
		case unicode.IsLetter(c) || unicode.IsDigit(c) || c == '-' && len(cur) > 0:
			cur = append(cur, c)
		default:
			flush()
		}
	}
	flush()
	return out
}
