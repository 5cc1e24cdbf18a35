package graph

import (
	"cmp"
	"fmt"
	"strings"
	"time"
)

// Polarity selects relations by whether they are stated or denied.
type Polarity uint8

// The polarities of a Filter.
const (
	Either Polarity = iota // stated or denied
	Stated                 // not negated
	Denied                 // negated
)

// Filter says which relations to keep, and which of their sentences count:
// storage applies it while it reads the store, Apply to edges already read.
// The zero Filter keeps everything.
type Filter struct {
	// MinSupport drops the edges stated by fewer documents.
	MinSupport int
	// Predicates, when not empty, keeps only these predicates (under Fold).
	Predicates []string
	// Types, when not empty, keeps only the edges whose two ends have one
	// of these types.
	Types []EntityType
	// Polarity keeps the stated or the denied relations.
	Polarity Polarity
	// Since and Until, when not zero, keep only the sentences of documents
	// dated within [Since, Until], by calendar day (see KeepsDate).
	Since, Until time.Time
	// Lang, when not empty, keeps only the sentences in that language.
	Lang string
	// Modality, when not empty, keeps the sentences stating the relation
	// this way.
	Modality Modality
	// Lemma, when not empty, keeps the sentences whose predicate was read
	// from this lemma (Triple.Source), compared after Fold.
	Lemma string
}

// Dated reports whether f bounds the dates of documents.
func (f Filter) Dated() bool { return !f.Since.IsZero() || !f.Until.IsZero() }

// NeedsEvidence reports whether the filter reads the sentences of edges:
// edges given to Apply without their evidence are then all dropped.
func (f Filter) NeedsEvidence() bool { return f.Dated() || f.ReadsSentence() }

// ReadsSentence reports whether f reads what a sentence says of its
// relation (Lang, Modality, Lemma), beyond its document's date.
func (f Filter) ReadsSentence() bool { return f.Lang != "" || f.Modality != "" || f.Lemma != "" }

// KeepsPolarity reports whether a relation negated or not passes f.
func (f Filter) KeepsPolarity(negated bool) bool {
	switch f.Polarity {
	case Stated:
		return !negated
	case Denied:
		return negated
	}
	return true
}

// KeepsDate reports whether a sentence of a document dated date passes
// f's Since and Until, compared as calendar days whatever their clock time
// or zone. A document's date is the first day it covers (2016-10 is read
// as 2016-10-01), with any time of day after YYYY-MM-DD ignored; with a
// bound set, a document with no date or one ParseDate cannot read fails.
func (f Filter) KeepsDate(date string) bool {
	if !f.Dated() {
		return true
	}
	if len(date) > len(time.DateOnly) {
		date = date[:len(time.DateOnly)]
	}
	d, _, err := ParseDate(date)
	if err != nil {
		return false
	}
	return !(!f.Since.IsZero() && d.Before(day(f.Since)) || !f.Until.IsZero() && d.After(day(f.Until)))
}

// KeepsSentence reports whether a sentence in lang stating its relation
// with modality m, its predicate read from the lemma source, passes f's
// Lang, Modality and Lemma.
func (f Filter) KeepsSentence(lang string, m Modality, source string) bool {
	return (f.Lang == "" || strings.EqualFold(lang, f.Lang)) &&
		(f.Modality == "" || m == f.Modality) &&
		(f.Lemma == "" || Fold(source) == Fold(f.Lemma))
}

// KeepsEdge reports whether an edge passes f's Predicates, Types and
// MinSupport, its Support being counted over the sentences f keeps.
func (f Filter) KeepsEdge(e Edge) bool {
	return f.keepsShape(e, f.predicates(), f.types()) && e.Support >= f.MinSupport
}

func (f Filter) predicates() map[string]bool {
	preds := make(map[string]bool, len(f.Predicates))
	for _, p := range f.Predicates {
		preds[Fold(p)] = true
	}
	return preds
}

func (f Filter) types() map[EntityType]bool {
	types := make(map[EntityType]bool, len(f.Types))
	for _, t := range f.Types {
		types[t] = true
	}
	return types
}

// keepsShape reports whether e passes f's Predicates, Types and Polarity,
// which need none of its sentences.
func (f Filter) keepsShape(e Edge, preds map[string]bool, types map[EntityType]bool) bool {
	return (len(preds) == 0 || preds[Fold(e.Predicate)]) &&
		(len(types) == 0 || types[e.SubjectType] && types[e.ObjectType]) &&
		f.KeepsPolarity(e.Negated)
}

// Apply returns the edges f keeps, in input order.
//
// With a filter on evidence, an edge is kept when some of its evidence
// passes, and it is given only that evidence: its Support becomes the
// number of distinct documents among it and its Modality that of the
// first. MinSupport then applies to that recounted support.
func (f Filter) Apply(edges []Edge) []Edge {
	preds, types := f.predicates(), f.types()
	var out []Edge
	for _, e := range edges {
		if !f.keepsShape(e, preds, types) {
			continue
		}
		if f.NeedsEvidence() {
			var ok bool
			if e, ok = f.keepEvidence(e); !ok {
				continue
			}
		}
		if e.Support < f.MinSupport {
			continue
		}
		out = append(out, e)
	}
	return out
}

// keepEvidence returns e with only the evidence f keeps, recounted, and
// whether any was kept.
func (f Filter) keepEvidence(e Edge) (Edge, bool) {
	var kept []Evidence
	docs := make(map[string]bool)
	for _, ev := range e.Evidence {
		if !f.KeepsSentence(ev.Lang, ev.Modality, ev.Source) || !f.KeepsDate(ev.Date) {
			continue
		}
		kept = append(kept, ev)
		docs[ev.Doc] = true
	}
	if len(kept) == 0 {
		return Edge{}, false
	}
	e.Evidence = kept
	e.Support = len(docs)
	e.Modality = kept[0].Modality
	return e, true
}

// day returns t's calendar date at midnight UTC, so that a date is
// compared as a day whatever clock time or zone t carries.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// String describes the filter in a few words, for a caption: "" for the
// zero Filter.
func (f Filter) String() string {
	var parts []string
	if len(f.Predicates) > 0 {
		parts = append(parts, "predicates "+strings.Join(f.Predicates, ", "))
	}
	if len(f.Types) > 0 {
		ts := make([]string, len(f.Types))
		for i, t := range f.Types {
			ts[i] = string(t)
		}
		parts = append(parts, "types "+strings.Join(ts, ", "))
	}
	if f.MinSupport > 1 {
		parts = append(parts, fmt.Sprintf("support ≥ %d", f.MinSupport))
	}
	switch f.Polarity {
	case Stated:
		parts = append(parts, "stated")
	case Denied:
		parts = append(parts, "denied")
	}
	switch {
	case !f.Since.IsZero() && !f.Until.IsZero():
		parts = append(parts, "from "+f.Since.Format(time.DateOnly)+" to "+f.Until.Format(time.DateOnly))
	case !f.Since.IsZero():
		parts = append(parts, "since "+f.Since.Format(time.DateOnly))
	case !f.Until.IsZero():
		parts = append(parts, "until "+f.Until.Format(time.DateOnly))
	}
	if f.Lang != "" {
		parts = append(parts, "lang "+f.Lang)
	}
	if f.Modality != "" {
		parts = append(parts, string(f.Modality))
	}
	if f.Lemma != "" {
		parts = append(parts, "lemma "+f.Lemma)
	}
	return strings.Join(parts, "; ")
}

// CompareEdges is the order of edges: by subject, predicate and object as
// bytes, asserted before negated, then by support, modality and types so
// that edges of one relation given twice still sort the same way whatever
// their input order. Orders that rank edges first by something else
// (support, place in a drawing) break ties with it.
func CompareEdges(a, b Edge) int {
	return cmp.Or(
		strings.Compare(a.Subject, b.Subject),
		strings.Compare(a.Predicate, b.Predicate),
		strings.Compare(a.Object, b.Object),
		compareBool(a.Negated, b.Negated),
		cmp.Compare(a.Support, b.Support),
		cmp.Compare(a.Modality, b.Modality),
		cmp.Compare(a.SubjectType, b.SubjectType),
		cmp.Compare(a.ObjectType, b.ObjectType),
	)
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}
