package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/listing"
	"github.com/kgraph/kg/query"
	"github.com/kgraph/kg/storage"
)

// queryOptions are the flags of kg query; check fills in opts.
type queryOptions struct {
	pattern                   storage.Pattern
	evidence, explain         bool
	since, until, lang, modal string
	opts                      query.Options
}

func newQueryCmd(a *app) *cobra.Command {
	var qf queryOptions
	cmd := &cobra.Command{
		Use:   "query [PATTERN...]",
		Short: "Find relations by patterns with variables, joined like a graph database",
		Long: `Query answers patterns of subject, predicate and object, joined on their
shared variables, and lists one row per binding of the variables, most
supported first:

  kg query '?x meets ?y' '?y visits Moscow'

Patterns are separate arguments or separated by ';' in one. A term is a
variable (?x), a name or predicate, a quoted name ("Sergei Lavrov"), or * or _
for anything. Bare words next to each other are split where the middle is a
predicate the store knows ('Sergei Lavrov meets ?y'); when that is ambiguous
the query is refused, with its position: quote the names. Names match
canonical names and aliases, any case and accents, and a surname its person
(a surname stored as a person of its own and the one person it names across
the store are looked up together: "Donald Trump" finds "Trump" too);
predicates match the canonical English predicates (kg stats lists them), or
with --source the lemmas they were read from (rencontrer, meet). A pattern
matches stated relations; write "not" before the predicate, or give
--negated, for denied ones ('"United States" not "rules out" ?x').

Each row gives the variables' values, then support (the least number of
documents stating a pattern's relations), sources (sites or publishers:
the URL's host, else the document id up to ':' or '/'), and the first and
last article dates of those documents. JSON rows have the fields "?x", "?y",
..., "support", "sources", "first", "last" and with --evidence "relations",
each relation with its sentences. --since, --until (YYYY, YYYY-MM or
YYYY-MM-DD, inclusive; undated articles are then left out), --lang and
--modality choose the sentences that count; --min-support drops rows.

Without patterns, --subject, --predicate and --object list the relations of
one pattern, stated and denied ("not P"), with the same filters; JSON
gives relations (subject, predicate, object, negated, support, sources,
first, last, modality, evidence).

Exit status 1 when nothing matches, 2 for a query that cannot be read.`,
		Example: `  kg query '?x meets ?y' '?y visits Moscow'
  kg query '"Sergei Lavrov" meets ?y; ?y visits ?place' --format json
  kg query 'Germany * ?what' --since 2016-10 --lang fr
  kg query '?x rencontrer ?y' --source --min-support 2 --limit 10
  kg query '?who not "rules out" ?what'
  kg query --subject Lavrov --evidence`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runQuery(cmd.Context(), a, qf, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&qf.pattern.Subject, "subject", "s", "", "subject name or alias (one pattern, without PATTERN arguments)")
	f.StringVarP(&qf.pattern.Predicate, "predicate", "p", "", "canonical predicate (meets, visits, ...)")
	f.StringVarP(&qf.pattern.Object, "object", "o", "", "object name, alias or concept")
	f.BoolVar(&qf.evidence, "evidence", false, "show the sentences, documents and dates behind each relation")
	f.StringVar(&qf.since, "since", "", "count only articles dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD)")
	f.StringVar(&qf.until, "until", "", "count only articles dated on or before this (YYYY, YYYY-MM or YYYY-MM-DD)")
	f.StringVar(&qf.lang, "lang", "", "count only sentences in this language (fr, en)")
	f.StringVar(&qf.modal, "modality", "", "count only sentences stating relations so: asserted, reported, intended, considered, hypothetical")
	f.BoolVar(&qf.opts.Negated, "negated", false, "match relations stated as denied instead")
	f.BoolVar(&qf.opts.Source, "source", false, "predicates are the lemmas they were read from (rencontrer, meet)")
	f.IntVar(&qf.opts.MinSupport, "min-support", 0, "only rows or relations stated by at least this many documents")
	f.IntVar(&qf.opts.Limit, "limit", 0, "at most this many rows (0: all)")
	f.IntVar(&qf.opts.Offset, "offset", 0, "skip this many rows first")
	f.BoolVar(&qf.explain, "explain", false, "print the order the patterns are joined in on stderr")
	cmd.RegisterFlagCompletionFunc("modality", cobra.FixedCompletions(modalities(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func modalities() []string {
	return []string{string(graph.Asserted), string(graph.Reported), string(graph.Intended), string(graph.Considered), string(graph.Hypothetical)}
}

// runQuery answers the patterns, or without any the one pattern of
// qf's --subject, --predicate and --object.
func runQuery(ctx context.Context, a *app, qf queryOptions, patterns []string) error {
	if err := qf.check(len(patterns) > 0); err != nil {
		return err
	}
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer st.Close()
	if len(patterns) == 0 {
		return queryEdges(ctx, a, st, qf)
	}
	return queryPatterns(ctx, a, st, patterns, qf)
}

// check validates the flags, filling in qf.opts.
func (qf *queryOptions) check(patterns bool) error {
	p := qf.pattern
	if patterns && (p.Subject != "" || p.Predicate != "" || p.Object != "") {
		return usageError("give patterns or --subject/--predicate/--object, not both")
	}
	if _, _, err := dateRange(qf.since, qf.until); err != nil {
		return err
	}
	if qf.modal != "" && !slices.Contains(modalities(), qf.modal) {
		return usageError("--modality %q: want one of %s", qf.modal, strings.Join(modalities(), ", "))
	}
	for _, n := range []struct {
		flag string
		v    int
	}{{"limit", qf.opts.Limit}, {"offset", qf.opts.Offset}, {"min-support", qf.opts.MinSupport}} {
		if n.v < 0 {
			return usageError("--%s %d: want 0 or more", n.flag, n.v)
		}
	}
	qf.opts.Since, qf.opts.Until, qf.opts.Lang = qf.since, qf.until, qf.lang
	qf.opts.Modality = graph.Modality(qf.modal)
	qf.opts.Evidence = qf.evidence
	return nil
}

// queryEdges lists the relations of the one pattern of the flags.
func queryEdges(ctx context.Context, a *app, st *storage.Store, qf queryOptions) error {
	o := qf.opts
	p := qf.pattern
	// A name that finds no entity is said, not shown as an empty table.
	for _, name := range []string{p.Subject, p.Object} {
		if name == "" {
			continue
		}
		if _, err := resolve(ctx, st, name); err != nil {
			return err
		}
	}
	since, until, err := dateRange(o.Since, o.Until)
	if err != nil {
		return err
	}
	f := graph.Filter{Since: since, Until: until, Lang: o.Lang, Modality: o.Modality}
	if o.Negated {
		f.Polarity = graph.Denied
	}
	if o.Source {
		f.Lemma, p.Predicate = p.Predicate, ""
	}
	edges, err := st.EdgesWhere(ctx, p, f, qf.evidence)
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	edges = slices.DeleteFunc(edges, func(e graph.Edge) bool { return e.Support < o.MinSupport })
	matched := len(edges)
	edges = edges[min(o.Offset, len(edges)):]
	if o.Limit > 0 && len(edges) > o.Limit {
		edges = edges[:o.Limit]
	}
	if err := writeEdges(a, edges, qf.evidence); err != nil {
		return err
	}
	if matched == 0 {
		return &exitError{code: exitNoMatch}
	}
	return nil
}

// queryPatterns answers a pattern query.
func queryPatterns(ctx context.Context, a *app, st *storage.Store, args []string, qf queryOptions) error {
	sn := st.Snapshot()
	defer sn.Close()
	q, err := query.Parse(args, query.KnownPredicates(ctx, sn, qf.opts.Source))
	var qe *query.Error
	if errors.As(err, &qe) {
		return &exitError{code: exitUsage, err: fmt.Errorf("%w\n%s", qe, qe.Caret())}
	}
	if err != nil {
		return usageError("%w", err)
	}
	res, err := query.Run(ctx, sn, q, qf.opts)
	switch {
	case errors.Is(err, query.ErrTooBroad):
		return &exitError{code: exitUsage, err: err}
	case err != nil:
		return &exitError{code: exitFailure, err: err}
	}
	if qf.explain {
		explain(a.stderr, q, res)
	}
	// A name or predicate the store does not hold is said, not shown as
	// an empty table.
	if res.Total > 0 || len(res.Unknown) == 0 {
		if err := writeRows(a, res, qf.evidence); err != nil {
			return err
		}
	}
	if res.Total > 0 {
		return nil
	}
	var why []string
	for _, u := range res.Unknown {
		what := "entity"
		if u.Predicate {
			what = "predicate"
		}
		why = append(why, fmt.Sprintf("no %s named %q in the store (query %d, column %d)", what, u.Text, u.Pos.Query, u.Pos.Column))
	}
	if len(why) == 0 {
		return &exitError{code: exitNoMatch}
	}
	return &exitError{code: exitNoMatch, err: errors.New(strings.Join(why, "; "))}
}

// explain prints the plan.
func explain(w io.Writer, q *query.Query, res *query.Result) {
	for i, s := range res.Plan {
		est := "the only pattern"
		if s.Estimate >= 0 {
			est = fmt.Sprintf("%d triples", s.Estimate)
		}
		fmt.Fprintf(w, "kg: plan %d: %s (%s)\n", i+1, q.Patterns[s.Pattern], est)
	}
}

// writeRows lists the rows of a pattern query: a column per variable,
// then support, sources, first, last.
func writeRows(a *app, res *query.Result, evidence bool) error {
	var cols []listing.Column[query.Row]
	for i, v := range res.Vars {
		cols = append(cols, listing.Column[query.Row]{Name: "?" + v, Value: func(r query.Row) string { return r.Values[i] }})
	}
	cols = append(cols,
		listing.Column[query.Row]{Name: "support", Value: func(r query.Row) string { return strconv.Itoa(r.Support) }},
		listing.Column[query.Row]{Name: "sources", Value: func(r query.Row) string { return strconv.Itoa(r.Sources) }},
		listing.Column[query.Row]{Name: "first", Value: func(r query.Row) string { return r.First }},
		listing.Column[query.Row]{Name: "last", Value: func(r query.Row) string { return r.Last }},
	)
	if evidence {
		cols = append(cols, listing.Column[query.Row]{Name: "evidence", Value: func(r query.Row) string {
			var s []string
			for _, e := range r.Relations {
				for _, ev := range e.Evidence {
					s = append(s, ev.Doc+": "+ev.Sentence)
				}
			}
			return strings.Join(s, " | ")
		}})
	}
	return listing.Write(a.stdout, a.cfg.Format, cols, res.Rows)
}

// evidenceRow flattens an edge and one of its sentences for tables.
type evidenceRow struct {
	edge graph.Edge
	ev   graph.Evidence
}

// writeEdges lists relations: subject, predicate ("not P" when denied),
// object, support, sources, first, last, modality; with evidence, one line
// per sentence in tables.
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
			{Name: "sources", Value: func(e graph.Edge) string { return strconv.Itoa(e.Sources) }},
			{Name: "first", Value: func(e graph.Edge) string { return e.First }},
			{Name: "last", Value: func(e graph.Edge) string { return e.Last }},
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
