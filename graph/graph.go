package graph

import "fmt"

// EntityType is the kind of thing an entity name denotes.
type EntityType string

// The entity types of the triple contract (spec/triples.md).
const (
	Person  EntityType = "PERSON"
	Org     EntityType = "ORG"
	GPE     EntityType = "GPE" // country, city or region with a government
	Loc     EntityType = "LOC"
	Event   EntityType = "EVENT"
	Concept EntityType = "CONCEPT"
)

// EntityTypes lists every valid EntityType in a stable order.
var EntityTypes = []EntityType{Person, Org, GPE, Loc, Event, Concept}

// ParseEntityType returns the EntityType named by s (case-sensitive, as
// written in the contract).
func ParseEntityType(s string) (EntityType, error) {
	for _, t := range EntityTypes {
		if string(t) == s {
			return t, nil
		}
	}
	return "", fmt.Errorf("unknown entity type %q (want one of PERSON, ORG, GPE, LOC, EVENT, CONCEPT)", s)
}

// Modality says how an article states a relation.
type Modality string

// The modalities of the triple contract.
const (
	Asserted     Modality = "asserted"
	Reported     Modality = "reported"
	Intended     Modality = "intended"
	Considered   Modality = "considered"
	Hypothetical Modality = "hypothetical"
)

// Document is one article as read from the corpus.
type Document struct {
	ID    string `json:"id"`
	Path  string `json:"path,omitempty"` // file it was read from ("-" for stdin)
	Line  int    `json:"line,omitempty"` // line in a .jsonl file, 1-based; 0 otherwise
	Title string `json:"title,omitempty"`
	Date  string `json:"date,omitempty"` // ISO 8601 date as given by the source
	URL   string `json:"url,omitempty"`
	Lang  string `json:"lang,omitempty"` // ISO 639-1; empty until detected
	Hash  string `json:"hash,omitempty"` // hex SHA-256 of Text
	// Extraction is the fingerprint of what extracted the document
	// (extract.Extractor.Fingerprint); empty when it was not extracted,
	// or was stored before kg kept fingerprints.
	Extraction string `json:"extraction,omitempty"`
	// Extractor is the provenance of the document's triples when a
	// language model read them: "llm MODEL PROMPT-VERSION"; empty for
	// kg's own extraction (the local backend).
	Extractor string `json:"extractor,omitempty"`
	Text      string `json:"-"`
	// Unmapped counts the lemmas of the document's verbs that the
	// lexicon maps to no predicate, as extraction found them: what a
	// lexicon extension would add.
	Unmapped map[string]int `json:"unmapped,omitempty"`
}

// Entity is a resolved thing with its canonical English name.
type Entity struct {
	Name    string     `json:"name"`
	Type    EntityType `json:"type"`
	Aliases []string   `json:"aliases,omitempty"` // surface forms seen, other than Name
}

// Span is a half-open byte range [Start, End) in a document's text.
type Span struct {
	Start int
	End   int
}

// MarshalJSON writes a span as [start, end], the contract's form.
func (s Span) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, "[%d,%d]", s.Start, s.End), nil
}

// UnmarshalJSON reads a span written as [start, end].
func (s *Span) UnmarshalJSON(b []byte) error {
	var a [2]int
	if _, err := fmt.Sscanf(string(b), "[%d,%d]", &a[0], &a[1]); err != nil {
		if _, err2 := fmt.Sscanf(string(b), "[%d, %d]", &a[0], &a[1]); err2 != nil {
			return fmt.Errorf("span %s: want [start, end]: %w", b, err)
		}
	}
	s.Start, s.End = a[0], a[1]
	return nil
}

// Triple is one relation stated by one sentence of one document, in the
// form of the triple contract (spec/triples.md). Field names are stable.
type Triple struct {
	Subject     string     `json:"subject"`
	SubjectType EntityType `json:"subject_type"`
	Predicate   string     `json:"predicate"`
	Object      string     `json:"object"`
	ObjectType  EntityType `json:"object_type"`
	Negated     bool       `json:"negated"`
	Modality    Modality   `json:"modality"`
	Doc         string     `json:"doc"`
	Sentence    string     `json:"sentence"`
	Span        Span       `json:"span"`
	Lang        string     `json:"lang"`
	Confidence  float64    `json:"confidence"`
	// Source is the lemma the predicate was read from (envisager, meet).
	Source string `json:"source,omitempty"`
	// Attribution is who said it, for reported speech.
	Attribution string `json:"attribution,omitempty"`
	// Extractor is what read it when not kg's own extractor: "llm MODEL
	// PROMPT-VERSION", so that a stream of triples says its provenance
	// as the store does through the document (Document.Extractor).
	Extractor string `json:"extractor,omitempty"`
}

// Key identifies the relation a triple states, whatever sentence states it.
type Key struct {
	Subject   string
	Predicate string
	Object    string
	Negated   bool
}

// Key returns the relation the triple states.
func (t Triple) Key() Key {
	return Key{Subject: t.Subject, Predicate: t.Predicate, Object: t.Object, Negated: t.Negated}
}

// Evidence is one sentence supporting a relation.
type Evidence struct {
	Doc        string   `json:"doc"`
	Title      string   `json:"title,omitempty"`
	Date       string   `json:"date,omitempty"`
	URL        string   `json:"url,omitempty"`
	Sentence   string   `json:"sentence"`
	Span       Span     `json:"span"`
	Lang       string   `json:"lang"`
	Confidence float64  `json:"confidence"`
	Source     string   `json:"source,omitempty"`
	Modality   Modality `json:"modality"`
	// Extractor is the provenance of the sentence's triple, its
	// document's Extractor: "llm MODEL PROMPT-VERSION", or empty for
	// kg's own extraction.
	Extractor string `json:"extractor,omitempty"`
}

// Edge is a relation aggregated over all the sentences that state it.
type Edge struct {
	Subject     string     `json:"subject"`
	SubjectType EntityType `json:"subject_type"`
	Predicate   string     `json:"predicate"`
	Object      string     `json:"object"`
	ObjectType  EntityType `json:"object_type"`
	Negated     bool       `json:"negated"`
	Modality    Modality   `json:"modality"` // of the first evidence
	// Support is the number of distinct documents stating the relation.
	Support int `json:"support"`
	// Sources is the number of distinct sources (sites, publishers) of
	// those documents.
	Sources int `json:"sources"`
	// First and Last are the earliest and latest dates of those
	// documents, as the documents give them; empty when none is dated.
	First    string     `json:"first,omitempty"`
	Last     string     `json:"last,omitempty"`
	Evidence []Evidence `json:"evidence,omitempty"`
}

// Key returns the relation the edge states.
func (e Edge) Key() Key {
	return Key{Subject: e.Subject, Predicate: e.Predicate, Object: e.Object, Negated: e.Negated}
}
