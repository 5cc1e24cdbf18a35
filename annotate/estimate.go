package annotate

import (
	"unicode/utf8"

	"github.com/kgraph/kg/extract/llm/prompt"
	"github.com/kgraph/kg/graph"
)

// Estimate is what annotating some documents would cost, by the
// approximation of prompt.EstimateRequest.
type Estimate struct {
	Documents  int   `json:"documents"`
	Characters int64 `json:"characters"`
	prompt.Estimate
	// PerDocument is the tokens of the instructions, sent with each
	// document.
	PerDocument int `json:"system_prompt_tokens_per_document"`
}

// Identifier gives a document its language: extract.Extractor.
type Identifier interface {
	Identify(doc *graph.Document)
}

// EstimateOf adds up the requests annotating docs would send.
func EstimateOf(id Identifier, docs []graph.Document) Estimate {
	e := Estimate{PerDocument: prompt.Tokens(prompt.System)}
	for _, d := range docs {
		id.Identify(&d)
		r := prompt.EstimateRequest(d)
		e.Documents++
		e.Characters += int64(utf8.RuneCountInString(d.Text))
		e.Prompt += r.Prompt
		e.Completion += r.Completion
	}
	return e
}
