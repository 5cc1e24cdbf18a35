package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/listing"
	"github.com/kgraph/kg/storage"
)

// why is one sentence supporting a relation, flattened for listings.
type why struct {
	Subject   string     `json:"subject"`
	Predicate string     `json:"predicate"`
	Object    string     `json:"object"`
	Negated   bool       `json:"negated"`
	Doc       string     `json:"doc"`
	Title     string     `json:"title,omitempty"`
	Date      string     `json:"date,omitempty"`
	URL       string     `json:"url,omitempty"`
	Span      graph.Span `json:"span"`
	Sentence  string     `json:"sentence"`
	Modality  string     `json:"modality"`
}

func newWhyCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "why SUBJECT PREDICATE OBJECT",
		Short: "Show every sentence that supports a relation",
		Long: `Why lists each sentence that states the relation, with its document, title,
date, url and the byte span of the sentence in the document. Subject and
object match names and aliases, any case and accents, and a person its
surname (see kg query); the predicate is the canonical one (kg query
--subject NAME shows them).

Exit status 1 when no stored sentence states it, or a name finds no entity.`,
		Example: `  kg why "Sergei Lavrov" meets "Jean-Marc Ayrault"
  kg why Germany considers sanctions --format json`,
		Args: cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runWhy(cmd.Context(), a, args[0], args[1], args[2])
		},
	}
}

// runWhy lists the sentences that state (subject, predicate, object).
func runWhy(ctx context.Context, a *app, subject, predicate, object string) error {
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer st.Close()
	// A name that finds no entity is said, not shown as an empty table.
	for _, name := range []string{subject, object} {
		if _, err := resolve(ctx, st, name); err != nil {
			return err
		}
	}
	edges, err := st.Edges(ctx, storage.Pattern{Subject: subject, Predicate: predicate, Object: object}, true)
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	var rows []why
	for _, e := range edges {
		for _, ev := range e.Evidence {
			rows = append(rows, why{e.Subject, e.Predicate, e.Object, e.Negated, ev.Doc, ev.Title, ev.Date, ev.URL, ev.Span, ev.Sentence, string(ev.Modality)})
		}
	}
	cols := []listing.Column[why]{
		{Name: "doc", Value: func(w why) string { return w.Doc }},
		{Name: "date", Value: func(w why) string { return w.Date }},
		{Name: "span", Value: func(w why) string { return fmt.Sprintf("%d-%d", w.Span.Start, w.Span.End) }},
		{Name: "modality", Value: func(w why) string {
			if w.Negated {
				return "negated " + w.Modality
			}
			return w.Modality
		}},
		{Name: "sentence", Value: func(w why) string { return w.Sentence }},
	}
	if err := listing.Write(a.stdout, a.cfg.Format, cols, rows); err != nil {
		return err
	}
	if len(rows) == 0 {
		return &exitError{code: exitNoMatch, err: fmt.Errorf("no stored sentence states (%s, %s, %s)", subject, predicate, object)}
	}
	return nil
}
