// Command gen builds model.txt, the language model of package lang.
//
// Run it from extract/lang with `go generate` (or `go run ./internal/gen`).
// It needs the shared corpora beside the repository (<repo>/../shared)
// and Debian's word lists:
//
//	apt-get install wngerman wspanish witalian wportuguese wbrazilian wdutch
//
// French and English are learnt from running text: Wikinews articles
// (all but every fifth, which the tests hold out; titles are never used)
// and Universal Dependencies treebanks. German, Spanish, Italian,
// Portuguese and Dutch have no corpus here, so their text is simulated:
// the hand-written function words of stopwords/ with the frequencies that
// French and English words of the same rank have, and the rest of the
// mass spread over the words of the Debian word list. See ../../SOURCES.md.
package main

import (
	"bufio"
	"cmp"
	"embed"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/extract/lang/internal/ngram"
)

//go:embed stopwords/*.txt
var stopwordFiles embed.FS

// The languages of the model, in column order.
var langs = []string{"fr", "en", "de", "es", "it", "pt", "nl"}

const (
	perMillion = 1e6
	topGrams   = 3000 // trigrams kept per language
	topWords   = 150  // common words kept for French and English
	// HeldOut: Wikinews articles whose 0-based line number is a multiple
	// of this are kept out of training; the tests measure on them.
	heldOut = 5
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen: ")
	shared := flag.String("shared", "", "shared data folder (default: <repo>/../shared, found from the working directory)")
	dict := flag.String("dict", "/usr/share/dict", "folder of Debian's word lists")
	out := flag.String("o", "model.txt", "output file")
	flag.Parse()
	if *shared == "" {
		*shared = findShared()
	}

	corpora := map[string]struct {
		wikinews string
		ud       []string
	}{
		"fr": {"fr-wikinews-keyphrase100.jsonl", []string{"UD_French-Sequoia", "UD_French-GSD"}},
		"en": {"en-wikinews-vanatteveldt.jsonl", []string{"UD_English-EWT"}},
	}
	wordLists := map[string][]string{
		"de": {"ngerman"},
		"es": {"spanish"},
		"it": {"italian"},
		"pt": {"portuguese", "brazilian"},
		"nl": {"dutch"},
	}

	grams := map[string]map[string]float64{}
	words := map[string]map[string]float64{}
	var curves [][]float64 // word probabilities by rank, of the corpus languages
	for _, l := range []string{"fr", "en"} {
		c := corpora[l]
		var texts []string
		texts = append(texts, wikinews(filepath.Join(*shared, "data", "news", c.wikinews))...)
		for _, tb := range c.ud {
			texts = append(texts, treebank(filepath.Join(*shared, "data", "ud", tb))...)
		}
		wc := map[string]float64{}
		total := 0.0
		for _, t := range texts {
			ngram.Words(t, 0, func(w string, latin bool) {
				if latin {
					wc[w]++
					total++
				}
			})
		}
		grams[l] = trigramDist(wc)
		words[l] = top(wc, total, topWords)
		curves = append(curves, sortedValues(words[l]))
		log.Printf("%s: %d texts, %.0f words", l, len(texts), total)
	}
	// A word of rank r in a hand-written list gets the mean probability of
	// the rank-r words of the corpus languages.
	curve := make([]float64, len(curves[0]))
	for r := range curve {
		for _, c := range curves {
			if r < len(c) {
				curve[r] += c[r] / float64(len(curves))
			}
		}
	}
	for _, l := range []string{"de", "es", "it", "pt", "nl"} {
		stop := stopwords(l)
		wc := map[string]float64{}
		mass := 0.0
		for r, w := range stop {
			p := curve[min(r, len(curve)-1)]
			wc[w] += p
			mass += p
		}
		list := map[string]bool{}
		for _, name := range wordLists[l] {
			for _, w := range wordList(filepath.Join(*dict, name), l == "de") {
				list[w] = true
			}
		}
		for w := range list {
			wc[w] += (1 - mass) / float64(len(list))
		}
		grams[l] = trigramDist(wc)
		words[l] = map[string]float64{}
		for _, w := range stop {
			words[l][w] = wc[w] - (1-mass)/float64(len(list))*b2f(list[w])
		}
		log.Printf("%s: %d function words (%.0f%% of words), %d listed words", l, len(stop), 100*mass, len(list))
	}
	if err := write(*out, grams, words); err != nil {
		log.Fatal(err)
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// findShared walks up from the working directory to a folder holding
// shared/data.
func findShared() string {
	dir, err := os.Getwd()
	if err != nil {
		log.Fatal(err)
	}
	for {
		if fi, err := os.Stat(filepath.Join(dir, "shared", "data")); err == nil && fi.IsDir() {
			return filepath.Join(dir, "shared")
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			log.Fatal("no shared/data folder above the working directory; use -shared")
		}
		dir = parent
	}
}

// wikinews returns the texts of the training articles of a Wikinews file:
// all but those whose line number is a multiple of heldOut.
func wikinews(name string) []string {
	f, err := os.Open(name)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	var texts []string
	for i := 0; sc.Scan(); i++ {
		if i%heldOut == 0 {
			continue
		}
		var d struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			log.Fatalf("%s:%d: %v", name, i+1, err)
		}
		texts = append(texts, d.Text)
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return texts
}

// treebank returns the sentences ("# text = " lines) of every .conllu file
// of a treebank folder.
func treebank(dir string) []string {
	files, err := filepath.Glob(filepath.Join(dir, "*.conllu"))
	if err != nil || len(files) == 0 {
		log.Fatalf("%s: no .conllu files", dir)
	}
	var texts []string
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			log.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if t, ok := strings.CutPrefix(line, "# text = "); ok {
				texts = append(texts, t)
			}
		}
	}
	return texts
}

// stopwords reads the hand-written function words of lang, most frequent
// first.
func stopwords(lang string) []string {
	data, err := stopwordFiles.ReadFile("stopwords/" + lang + ".txt")
	if err != nil {
		log.Fatal(err)
	}
	var out []string
	seen := map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// wordList reads a Debian word list, keeping the words made of letters
// only. Capitalised entries are names, except in German where nouns are
// capitalised.
func wordList(name string, keepCapitals bool) []string {
	data, err := os.ReadFile(name)
	if err != nil {
		log.Fatalf("%v (apt-get install wngerman wspanish witalian wportuguese wbrazilian wdutch)", err)
	}
	var out []string
	for _, w := range strings.Split(string(data), "\n") {
		w = strings.TrimSpace(w)
		if w == "" || !utf8.ValidString(w) || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && !keepCapitals {
			continue
		}
		out = append(out, strings.ToLower(w))
	}
	return out
}

// trigramDist returns the trigram distribution, per million trigrams, of
// text whose words have the weights wc.
func trigramDist(wc map[string]float64) map[string]float64 {
	g := map[string]float64{}
	total := 0.0
	for w, c := range wc {
		ngram.Trigrams(w, func(t []byte) {
			g[string(t)] += c
			total += c
		})
	}
	for t := range g {
		g[t] *= perMillion / total
	}
	return g
}

// top returns the n most frequent words of wc as probabilities.
func top(wc map[string]float64, total float64, n int) map[string]float64 {
	ws := make([]string, 0, len(wc))
	for w := range wc {
		ws = append(ws, w)
	}
	slices.SortFunc(ws, func(a, b string) int {
		return cmp.Or(cmp.Compare(wc[b], wc[a]), strings.Compare(a, b))
	})
	out := map[string]float64{}
	for _, w := range ws[:min(n, len(ws))] {
		out[w] = wc[w] / total
	}
	return out
}

func sortedValues(m map[string]float64) []float64 {
	var v []float64
	for _, x := range m {
		v = append(v, x)
	}
	slices.Sort(v)
	slices.Reverse(v)
	return v
}

// write writes the model: the topGrams trigrams of each language and the
// common words, with their counts per million in every language.
func write(name string, grams, words map[string]map[string]float64) error {
	keep := map[string]bool{}
	for _, l := range langs {
		g := grams[l]
		ts := make([]string, 0, len(g))
		for t := range g {
			ts = append(ts, t)
		}
		slices.SortFunc(ts, func(a, b string) int { return cmp.Or(cmp.Compare(g[b], g[a]), strings.Compare(a, b)) })
		for _, t := range ts[:min(topGrams, len(ts))] {
			keep[t] = true
		}
	}
	var b strings.Builder
	b.WriteString("# kg language model, format 1. Generated by extract/lang/internal/gen; do not edit. Sources: SOURCES.md.\n")
	b.WriteString("# \"langs\" names the languages in column order. \"g\" lines give a character trigram of a lower-case word\n")
	b.WriteString("# padded with spaces (written _) and its count per million trigrams in each language; \"w\" lines a common\n")
	b.WriteString("# word and its count per million words. Counts are rounded; 0 means absent.\n")
	b.WriteString("langs\t" + strings.Join(langs, "\t") + "\n")
	line := func(kind, key string, m map[string]map[string]float64) {
		b.WriteString(kind + "\t" + key)
		for _, l := range langs {
			fmt.Fprintf(&b, "\t%d", int64(math.Round(m[l][key])))
		}
		b.WriteByte('\n')
	}
	for _, t := range sortedKeys(keep) {
		line("g", strings.ReplaceAll(t, " ", "_"), mapKeys(grams, t))
	}
	allWords := map[string]bool{}
	perM := map[string]map[string]float64{}
	for _, l := range langs {
		perM[l] = map[string]float64{}
		for w, p := range words[l] {
			allWords[w] = true
			perM[l][w] = p * perMillion
		}
	}
	for _, w := range sortedKeys(allWords) {
		line("w", w, perM)
	}
	return os.WriteFile(name, []byte(b.String()), 0o644)
}

// mapKeys returns, for each language, the count of t under its spaced
// form, keyed for line.
func mapKeys(grams map[string]map[string]float64, t string) map[string]map[string]float64 {
	key := strings.ReplaceAll(t, " ", "_")
	out := map[string]map[string]float64{}
	for _, l := range langs {
		out[l] = map[string]float64{key: grams[l][t]}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
