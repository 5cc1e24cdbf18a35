package main

import (
	"strconv"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/listing"
	"github.com/kgraph/kg/storage"
)

func newQueryCmd(a *app) *cobra.Command {
	var p storage.Pattern
	var evidence bool
	var limit int
	cmd := &cobra.Command{
		Use:   "query",
		Short: "List relations matching a subject, predicate and object",
		Long: `Query lists the stored relations matching the pattern, most supported first.
Subject and object match canonical names and every alias seen, ignoring case
and accents ("serguei lavrov" finds Sergei Lavrov); the predicate matches the
canonical English predicate. Support is the number of documents stating the
relation. --evidence adds each supporting sentence with its document and date.

Exit status 1 when nothing matches.`,
		Example: `  kg query --subject Lavrov
  kg query --predicate meets --evidence
  kg query --object Russia --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore(true)
			if err != nil {
				return err
			}
			defer st.Close()
			edges, err := st.Edges(cmd.Context(), p, evidence)
			if err != nil {
				return &exitError{code: exitFailure, err: err}
			}
			if limit > 0 && len(edges) > limit {
				edges = edges[:limit]
			}
			if err := writeEdges(a, edges, evidence); err != nil {
				return err
			}
			if len(edges) == 0 {
				return &exitError{code: exitNoMatch}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&p.Subject, "subject", "s", "", "subject name or alias")
	f.StringVarP(&p.Predicate, "predicate", "p", "", "canonical predicate (meets, visits, ...)")
	f.StringVarP(&p.Object, "object", "o", "", "object name, alias or concept")
	f.BoolVar(&evidence, "evidence", false, "show the sentences, documents and dates behind each relation")
	f.IntVar(&limit, "limit", 0, "at most this many relations (0: all)")
	return cmd
}

// evidenceRow flattens an edge and one of its sentences for tables.
type evidenceRow struct {
	edge graph.Edge
	ev   graph.Evidence
}

func writeEdges(a *app, edges []graph.Edge, evidence bool) error {
	neg := func(e graph.Edge) string {
		if e.Negated {
			return "not " + e.Predicate
		}
		return e.Predicate
	}
	if !evidence || a.cfg.Format == "json" || a.cfg.Format == "jsonl" {
		cols := []listing.Column[graph.Edge]{
			{Name: "subject", Value: func(e graph.Edge) string { return e.Subject }},
			{Name: "predicate", Value: neg},
			{Name: "object", Value: func(e graph.Edge) string { return e.Object }},
			{Name: "support", Value: func(e graph.Edge) string { return strconv.Itoa(e.Support) }},
			{Name: "modality", Value: func(e graph.Edge) string { return string(e.Modality) }},
		}
		return listing.Write(a.stdout, a.cfg.Format, cols, edges)
	}
	var rows []evidenceRow
	for _, e := range edges {
		for _, ev := range e.Evidence {
			rows = append(rows, evidenceRow{edge: e, ev: ev})
		}
	}
	cols := []listing.Column[evidenceRow]{
		{Name: "subject", Value: func(r evidenceRow) string { return r.edge.Subject }},
		{Name: "predicate", Value: func(r evidenceRow) string { return neg(r.edge) }},
		{Name: "object", Value: func(r evidenceRow) string { return r.edge.Object }},
		{Name: "doc", Value: func(r evidenceRow) string { return r.ev.Doc }},
		{Name: "date", Value: func(r evidenceRow) string { return r.ev.Date }},
		{Name: "sentence", Value: func(r evidenceRow) string { return r.ev.Sentence }},
	}
	return listing.Write(a.stdout, a.cfg.Format, cols, rows)
}
