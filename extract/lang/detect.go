package lang

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/extract/lang/internal/ngram"
)

//go:generate go run ./internal/gen -o model.txt

//go:embed model.txt
var model string

const (
	// maxWords bounds the words of a text that are looked at: the start
	// of an article says its language as well as the whole of it.
	maxWords = 400
	// gramSmoothing is the count (per million) given to a trigram the
	// model does not list for a language.
	gramSmoothing = 0.5
	// oovWords is the number of words a language's rare words are spread
	// over, to give a word missing from its common-word list a probability.
	oovWords = 100_000
	// wordWeight weighs the common-word evidence against the trigrams.
	wordWeight = 2.0
	// temperature flattens the naive Bayes scores, which are too sure of
	// themselves because trigrams of one word are not independent.
	temperature = 3.0
	// minConfidence is the confidence under which Detect says "".
	minConfidence = 0.5
	// minFit is the least fit of a text of fitWords words or more to the
	// language found: the share of its trigrams that the language knows
	// well plus the share of its words that are common words of the
	// language. In-language news scores 1.0 to 1.7; text in a language the
	// model lacks (Polish, Turkish...) is pushed to the nearest language
	// and usually scores under 0.9. Shorter texts vary too much to judge.
	minFit   = 0.9
	fitWords = 8
	// knownGram is how much likelier than unseen a trigram must be for a
	// language to know it well (e², a count of about 4 per million).
	knownGram = 2.0
)

// Detector guesses the language of a text. It is read-only once made and
// safe for concurrent use.
type Detector struct {
	langs  []string
	grams  map[string]gram // trigrams listed in the model
	unseen []float64       // log P of a trigram a language does not list
	words  map[string]gram // common words
	oov    []float64       // log P of any other word
}

// gram is what the model says of a trigram or word.
type gram struct {
	logp  []float64 // log P(gram | language), by language
	known uint64    // bit j set when language j knows it well
}

// NewDetector loads the embedded model.
func NewDetector() (*Detector, error) {
	d, err := parse(model)
	if err != nil {
		return nil, fmt.Errorf("language model: %w", err)
	}
	return d, nil
}

// parse reads a model in the format of model.txt's header.
func parse(src string) (*Detector, error) {
	d := &Detector{grams: map[string]gram{}, words: map[string]gram{}}
	var gramCounts, wordCounts [][]float64
	var gramKeys, wordKeys []string
	for i, line := range strings.Split(src, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if f[0] == "langs" {
			if d.langs != nil || len(f) < 2 {
				return nil, fmt.Errorf("line %d: bad langs line", i+1)
			}
			d.langs = f[1:]
			if len(d.langs) > 64 {
				return nil, fmt.Errorf("line %d: more than 64 languages", i+1)
			}
			continue
		}
		if d.langs == nil {
			return nil, fmt.Errorf("line %d: %q before the langs line", i+1, f[0])
		}
		if len(f) != 2+len(d.langs) || f[1] == "" {
			return nil, fmt.Errorf("line %d: want %d fields, got %d", i+1, 2+len(d.langs), len(f))
		}
		counts := make([]float64, len(d.langs))
		for j, s := range f[2:] {
			c, err := strconv.ParseFloat(s, 64)
			if err != nil || c < 0 {
				return nil, fmt.Errorf("line %d: bad count %q", i+1, s)
			}
			counts[j] = c
		}
		switch f[0] {
		case "g":
			key := strings.ReplaceAll(f[1], "_", " ")
			if _, dup := d.grams[key]; dup {
				return nil, fmt.Errorf("line %d: trigram %q listed twice", i+1, f[1])
			}
			d.grams[key] = gram{}
			gramKeys, gramCounts = append(gramKeys, key), append(gramCounts, counts)
		case "w":
			if _, dup := d.words[f[1]]; dup {
				return nil, fmt.Errorf("line %d: word %q listed twice", i+1, f[1])
			}
			d.words[f[1]] = gram{}
			wordKeys, wordCounts = append(wordKeys, f[1]), append(wordCounts, counts)
		default:
			return nil, fmt.Errorf("line %d: unknown kind %q", i+1, f[0])
		}
	}
	if d.langs == nil || len(gramKeys) == 0 {
		return nil, fmt.Errorf("no languages or no trigrams")
	}
	// Trigram counts are per million for every language, so one
	// denominator serves all: add-k smoothing over the trigrams listed.
	norm := math.Log(1e6 + gramSmoothing*float64(len(gramKeys)))
	d.unseen = make([]float64, len(d.langs))
	for j := range d.langs {
		d.unseen[j] = math.Log(gramSmoothing) - norm
	}
	for i, k := range gramKeys {
		g := gram{logp: make([]float64, len(d.langs))}
		for j, c := range gramCounts[i] {
			g.logp[j] = math.Log(c+gramSmoothing) - norm
			if g.logp[j] > d.unseen[j]+knownGram {
				g.known |= 1 << j
			}
		}
		d.grams[k] = g
	}
	// A common word has its own probability; any other word shares what
	// the common ones leave.
	mass := make([]float64, len(d.langs))
	for _, counts := range wordCounts {
		for j, c := range counts {
			mass[j] += c / 1e6
		}
	}
	d.oov = make([]float64, len(d.langs))
	for j, m := range mass {
		if m >= 1 {
			return nil, fmt.Errorf("common words of %s have probability %.2f >= 1", d.langs[j], m)
		}
		d.oov[j] = math.Log((1 - m) / oovWords)
	}
	for i, k := range wordKeys {
		g := gram{logp: make([]float64, len(d.langs))}
		for j, c := range wordCounts[i] {
			if c > 0 {
				g.logp[j] = math.Log(c / 1e6)
				g.known |= 1 << j
			} else {
				g.logp[j] = d.oov[j]
			}
		}
		d.words[k] = g
	}
	return d, nil
}

// Languages returns the ISO 639-1 codes of the languages the detector
// knows.
func (d *Detector) Languages() []string {
	return append([]string(nil), d.langs...)
}

// Detect returns the ISO 639-1 code of the language text is written in
// and a confidence between 0 and 1. The code is "" when the detector is
// unsure: too little text, text mostly in a script other than Latin, or no
// language clearly ahead; the confidence is then that of the best guess
// (0 when there was nothing to judge).
func (d *Detector) Detect(text string) (lang string, confidence float64) {
	text = dropNames(text)
	n := len(d.langs)
	scores := make([]float64, n)
	known := make([]int, 2*n) // well-known trigrams, then common words, by language
	latin, other, letters, grams := 0, 0, 0, 0
	ngram.Words(text, maxWords, func(w string, isLatin bool) {
		if !isLatin {
			other++
			return
		}
		latin++
		letters += len(w)
		if g, ok := d.words[w]; ok {
			for j := range scores {
				scores[j] += wordWeight * g.logp[j]
				known[n+j] += int(g.known >> j & 1)
			}
		} else {
			for j := range scores {
				scores[j] += wordWeight * d.oov[j]
			}
		}
		ngram.Trigrams(w, func(t []byte) {
			grams++
			if g, ok := d.grams[string(t)]; ok {
				for j := range scores {
					scores[j] += g.logp[j]
					known[j] += int(g.known >> j & 1)
				}
			} else {
				for j := range scores {
					scores[j] += d.unseen[j]
				}
			}
		})
	})
	if latin == 0 || letters < 3 || other > latin {
		return "", 0
	}
	best := 0
	for j, s := range scores {
		if s > scores[best] {
			best = j
		}
	}
	sum := 0.0
	for _, s := range scores {
		sum += math.Exp((s - scores[best]) / temperature)
	}
	confidence = 1 / sum
	if confidence < minConfidence {
		return "", confidence
	}
	if fit := float64(known[best])/float64(grams) + float64(known[n+best])/float64(latin); latin >= fitWords && fit < minFit {
		return "", confidence
	}
	return d.langs[best], confidence
}

// dropNames removes capitalised words inside sentences — names, which
// say little of the language around them ("Angela Merkel met Joe Biden"
// would read as Dutch) — unless too few words would be left.
func dropNames(text string) string {
	if len(text) > 4096 {
		text = text[:4096] // Detect reads the first words only
	}
	words := strings.Fields(text)
	kept := make([]string, 0, len(words))
	start := true
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if start || !unicode.IsUpper(r) {
			kept = append(kept, w)
		}
		last, _ := utf8.DecodeLastRuneInString(w)
		start = last == '.' || last == '!' || last == '?' || last == ':' || last == '«' || last == '"'
	}
	if len(kept) < 3 || len(kept)*3 < len(words) {
		return text
	}
	return strings.Join(kept, " ")
}
