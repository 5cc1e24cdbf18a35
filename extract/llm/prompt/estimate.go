package prompt

import (
	"strings"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

// Estimate is the tokens a request for one document would cost, by an
// approximation, before asking any model.
type Estimate struct {
	Prompt     int `json:"prompt_tokens"`
	Completion int `json:"completion_tokens"`
}

// Tokens approximates the tokens of s for the byte-pair tokenizers of
// current models: one per four characters, the rule of thumb OpenAI
// gives for English; French and names cost somewhat more, so read it as
// a lower bound within about 20 %.
func Tokens(s string) int {
	return (utf8.RuneCountInString(s) + 3) / 4
}

// perMessage is what the chat format adds to each message (role and
// delimiters).
const perMessage = 4

// perTriple is the completion tokens of one answered triple besides its
// sentence: the field names, types, modality and punctuation of the
// JSON object, and the names and predicate.
const perTriple = 60

// EstimateRequest approximates the tokens of asking for doc's triples:
// the prompt (system turn and the document) as Tokens counts it, and an
// answer of one triple for every 25 words — the density of the
// annotation rules — each quoting a sentence of the document's mean
// length.
func EstimateRequest(doc graph.Document) Estimate {
	e := Estimate{Prompt: Tokens(System) + Tokens(User(doc)) + 2*perMessage}
	words := len(strings.Fields(doc.Text))
	sentences := max(1, sentenceEnds(doc.Text))
	triples := (words + 24) / 25
	e.Completion = triples*perTriple + triples*Tokens(doc.Text)/sentences + 10
	return e
}

// sentenceEnds counts the full stops, question and exclamation marks
// followed by a space, a line break or the end of the text: sentences,
// near enough for an estimate.
func sentenceEnds(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c == '.' || c == '?' || c == '!') && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n') {
			n++
		}
	}
	return n
}
