package prompt

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/kgraph/kg/graph"
)

// Relation is one triple as the model answers it, before kg checks its
// sentence, resolves its names and normalises its predicate.
type Relation struct {
	Subject     string           `json:"subject"`
	SubjectType graph.EntityType `json:"subject_type"`
	Predicate   string           `json:"predicate"`
	Object      string           `json:"object"`
	ObjectType  graph.EntityType `json:"object_type"`
	Negated     bool             `json:"negated"`
	Modality    graph.Modality   `json:"modality"`
	Sentence    string           `json:"sentence"`
}

var modalities = []graph.Modality{graph.Asserted, graph.Reported, graph.Intended, graph.Considered, graph.Hypothetical}

// Parse reads an answer. An answer that is not one JSON object of the
// schema — not JSON, no triples array, a triple with an empty field or
// a type or modality the schema does not list — is an error: the model
// is asked again. A Markdown code fence around the object, which models
// without structured output add, is allowed.
func Parse(content string) ([]Relation, error) {
	s := strings.TrimSpace(content)
	if rest, ok := strings.CutPrefix(s, "```"); ok {
		rest = strings.TrimPrefix(rest, "json")
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "```"))
	}
	var a struct {
		Triples *[]Relation `json:"triples"`
	}
	dec := json.NewDecoder(strings.NewReader(s))
	if err := dec.Decode(&a); err != nil {
		return nil, fmt.Errorf("answer is not the JSON object asked for: %w", err)
	}
	if dec.More() {
		return nil, errors.New("answer has more than one JSON value")
	}
	if a.Triples == nil {
		return nil, errors.New(`answer has no "triples" array`)
	}
	rels := *a.Triples
	for i := range rels {
		r := &rels[i]
		r.Subject, r.Object = strings.TrimSpace(r.Subject), strings.TrimSpace(r.Object)
		r.Predicate = strings.TrimSpace(r.Predicate)
		r.Modality = graph.Modality(strings.ToLower(strings.TrimSpace(string(r.Modality))))
		r.SubjectType = graph.EntityType(strings.ToUpper(strings.TrimSpace(string(r.SubjectType))))
		r.ObjectType = graph.EntityType(strings.ToUpper(strings.TrimSpace(string(r.ObjectType))))
		switch {
		case r.Subject == "" || r.Predicate == "" || r.Object == "" || strings.TrimSpace(r.Sentence) == "":
			return nil, fmt.Errorf("triple %d: subject, predicate, object and sentence are required", i+1)
		case !slices.Contains(graph.EntityTypes, r.SubjectType):
			return nil, fmt.Errorf("triple %d: subject_type %q is not one of the schema's", i+1, r.SubjectType)
		case !slices.Contains(graph.EntityTypes, r.ObjectType):
			return nil, fmt.Errorf("triple %d: object_type %q is not one of the schema's", i+1, r.ObjectType)
		case !slices.Contains(modalities, r.Modality):
			return nil, fmt.Errorf("triple %d: modality %q is not one of the schema's", i+1, r.Modality)
		}
	}
	return rels, nil
}

// Locate returns the span of sentence in text: where it occurs verbatim
// (its first occurrence), leading and trailing spaces aside. ok is false
// when the text does not contain it: the model made it up or changed it.
func Locate(text, sentence string) (sp graph.Span, ok bool) {
	s := strings.TrimSpace(sentence)
	if s == "" {
		return graph.Span{}, false
	}
	i := strings.Index(text, s)
	if i < 0 {
		return graph.Span{}, false
	}
	return graph.Span{Start: i, End: i + len(s)}, true
}

// Marshal writes relations as an answer, for tests and fixtures.
func Marshal(rels []Relation) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if rels == nil {
		rels = []Relation{}
	}
	enc.Encode(map[string]any{"triples": rels})
	return strings.TrimSpace(b.String())
}
