package storage

import (
	"github.com/kgraph/kg/graph"
)

// edgeBuilder aggregates the hits of a scan, in index order, into edges.
// A relation's hits are consecutive and in document order in every
// index, so a change of relation ends an edge and a change of document
// is a new document.
type edgeBuilder struct {
	filter   graph.Filter
	docs     *docCache
	evidence bool // list every sentence on its edge
	edges    []graph.Edge

	cur     relation
	open    bool // edges[len-1] is cur
	lastDoc string
	sites   map[string]bool         // of cur's documents
	infos   map[string]DocumentInfo // for evidence
}

func newEdgeBuilder(docs *docCache, f graph.Filter, evidence bool) *edgeBuilder {
	return &edgeBuilder{
		filter: f, docs: docs, evidence: evidence,
		sites: make(map[string]bool), infos: make(map[string]DocumentInfo),
	}
}

// keep reports whether the hit passes the sentence rules of the
// builder's filter, returning its evidence when it had to read it. The
// cheap tests come first: polarity is in the key, a date in the cache.
func (b *edgeBuilder) keep(h *hit) (bool, *evidence, error) {
	f := b.filter
	if !f.KeepsPolarity(h.key.Neg) {
		return false, nil, nil
	}
	var ev *evidence
	if f.ReadsSentence() {
		e, err := h.evidence()
		if err != nil {
			return false, nil, err
		}
		if !f.KeepsSentence(e.Lang, e.Modality, e.Source) {
			return false, nil, nil
		}
		ev = &e
	}
	if f.Dated() {
		m, err := b.docs.get(h.key.Doc)
		if err != nil {
			return false, nil, err
		}
		if !f.KeepsDate(m.date) {
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
		Extractor: info.Extractor,
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
