package storage

import (
	"github.com/kgraph/kg/graph"
)

// Polarity selects relations by whether they are stated or denied.
type Polarity uint8

// The polarities of a Filter.
const (
	Either Polarity = iota // stated or denied
	Stated                 // not negated
	Denied                 // negated
)

// Filter says which stored sentences count towards a relation. The zero
// Filter counts them all.
type Filter struct {
	Polarity Polarity
	// Since and Until bound the date of the sentence's document,
	// inclusively, compared as text with the date cut to their length:
	// "2019" as Until means to the end of 2019. With either set, the
	// sentences of undated documents do not count.
	Since, Until string
	// Lang keeps the sentences of this language ("fr", "en").
	Lang string
	// Modality keeps the sentences stating the relation this way.
	Modality graph.Modality
	// Lemma keeps the sentences whose predicate was read from this lemma
	// (graph.Triple.Source), compared after graph.Fold.
	Lemma string
}

// needsEvidence reports whether f reads the evidence record of a triple.
func (f Filter) needsEvidence() bool { return f.Lang != "" || f.Modality != "" || f.Lemma != "" }

// keepsKey reports whether the polarity of k passes f.
func (f Filter) keepsKey(k tripleKey) bool {
	switch f.Polarity {
	case Stated:
		return !k.Neg
	case Denied:
		return k.Neg
	}
	return true
}

// keepsDate reports whether a document dated date passes f.
func (f Filter) keepsDate(date string) bool {
	if f.Since == "" && f.Until == "" {
		return true
	}
	if date == "" {
		return false
	}
	if f.Since != "" && date < f.Since {
		return false
	}
	if f.Until != "" && date[:min(len(date), len(f.Until))] > f.Until {
		return false
	}
	return true
}

// edgeBuilder aggregates the hits of a scan, in index order, into edges.
// A relation's hits are consecutive and in document order in every
// index, so a change of relation ends an edge and a change of document
// is a new document.
type edgeBuilder struct {
	filter   Filter
	lemma    string // graph.Fold(filter.Lemma)
	docs     *docCache
	evidence bool // list every sentence on its edge
	edges    []graph.Edge

	cur     relation
	open    bool // edges[len-1] is cur
	lastDoc string
	sites   map[string]bool         // of cur's documents
	infos   map[string]DocumentInfo // for evidence
}

func newEdgeBuilder(docs *docCache, f Filter, evidence bool) *edgeBuilder {
	return &edgeBuilder{
		filter: f, lemma: graph.Fold(f.Lemma), docs: docs, evidence: evidence,
		sites: make(map[string]bool), infos: make(map[string]DocumentInfo),
	}
}

// keep reports whether the hit passes the builder's filter, returning
// its evidence when it had to read it.
func (b *edgeBuilder) keep(h *hit) (bool, *evidence, error) {
	f := b.filter
	if !f.keepsKey(h.key) {
		return false, nil, nil
	}
	var ev *evidence
	if f.needsEvidence() {
		e, err := h.evidence()
		if err != nil {
			return false, nil, err
		}
		if f.Lang != "" && e.Lang != f.Lang ||
			f.Modality != "" && e.Modality != f.Modality ||
			f.Lemma != "" && graph.Fold(e.Source) != b.lemma {
			return false, nil, nil
		}
		ev = &e
	}
	if f.Since != "" || f.Until != "" {
		m, err := b.docs.get(h.key.Doc)
		if err != nil {
			return false, nil, err
		}
		if !f.keepsDate(m.date) {
			return false, nil, nil
		}
	}
	return true, ev, nil
}

// add adds a hit to the edge of its relation.
func (b *edgeBuilder) add(h *hit) error {
	ok, ev, err := b.keep(h)
	if err != nil || !ok {
		return err
	}
	rel := h.key.relation()
	if !b.open || rel != b.cur {
		if ev == nil {
			e, err := h.evidence()
			if err != nil {
				return err
			}
			ev = &e
		}
		b.edges = append(b.edges, graph.Edge{
			Subject: rel.S, SubjectType: ev.SubjectType,
			Predicate: rel.P,
			Object:    rel.O, ObjectType: ev.ObjectType,
			Negated: rel.Neg, Modality: ev.Modality,
		})
		b.cur, b.open, b.lastDoc = rel, true, ""
		clear(b.sites)
	}
	e := &b.edges[len(b.edges)-1]
	doc := h.key.Doc
	if doc != b.lastDoc {
		m, err := b.docs.get(doc)
		if err != nil {
			return err
		}
		b.lastDoc = doc
		e.Support++
		if !b.sites[m.site] {
			b.sites[m.site] = true
			e.Sources++
		}
		widen(&e.First, &e.Last, m.date)
	}
	if !b.evidence {
		return nil
	}
	if ev == nil {
		x, err := h.evidence()
		if err != nil {
			return err
		}
		ev = &x
	}
	info, ok := b.infos[doc]
	if !ok {
		if info, err = getDocument(h.txn, doc); err != nil {
			return err
		}
		b.infos[doc] = info
	}
	e.Evidence = append(e.Evidence, graph.Evidence{
		Doc: doc, Title: info.Title, Date: info.Date, URL: info.URL,
		Sentence: ev.Sentence, Span: ev.Span, Lang: ev.Lang,
		Confidence: ev.Confidence, Source: ev.Source, Modality: ev.Modality,
	})
	return nil
}

// widen extends the dates [first, last] to include date, if any.
func widen(first, last *string, date string) {
	if date == "" {
		return
	}
	if *first == "" || date < *first {
		*first = date
	}
	if date > *last {
		*last = date
	}
}
