package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/listing"
	"github.com/kgraph/kg/storage"
)

// step is one relation of a path, for listings.
type step struct {
	Path int `json:"path"` // 1 for the shortest
	Step int `json:"step"`
	graph.Edge
}

func newPathCmd(a *app) *cobra.Command {
	var opts pathOptions
	cmd := &cobra.Command{
		Use:   "path A B",
		Short: "Show how two entities are connected",
		Long: `Path finds the shortest chains of relations (followed in either direction)
between two entities, names or aliases in any case and accents, of at most
--max-depth relations; --k gives the k shortest. Each step is a relation,
with --evidence its sentences. The search takes time with --k and the size
of the store, not with --max-depth; one that would take more than a few
seconds stops with exit status 2, asking for a lower --k.

Exit status 1 when no chain connects them.`,
		Example: `  kg path Ayrault Kerry
  kg path "Sergei Lavrov" Iran --max-depth 4 --k 3 --evidence`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPath(cmd.Context(), a, opts, args[0], args[1])
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.maxDepth, "max-depth", 3, "longest chain, in relations")
	f.IntVar(&opts.k, "k", 1, "number of shortest chains")
	f.BoolVar(&opts.evidence, "evidence", false, "show the sentences behind each step")
	return cmd
}

// pathOptions are the flags of kg path.
type pathOptions struct {
	maxDepth, k int
	evidence    bool
}

// runPath lists the opts.k shortest chains of relations between the
// entities from and to name.
func runPath(ctx context.Context, a *app, opts pathOptions, from, to string) error {
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer st.Close()
	var ends [2][]string
	for i, name := range []string{from, to} {
		if ends[i], err = resolve(ctx, st, name); err != nil {
			return err
		}
	}
	all, err := st.Edges(ctx, storage.Pattern{}, opts.evidence)
	if err != nil {
		return failure(ctx, err)
	}
	paths, err := graph.Paths(ctx, all, graph.PathQuery{From: ends[0], To: ends[1], MaxDepth: opts.maxDepth, K: opts.k})
	if err != nil {
		return pathError(err)
	}
	var rows []step
	for i, p := range paths {
		for j, e := range p {
			rows = append(rows, step{Path: i + 1, Step: j + 1, Edge: e})
		}
	}
	cols := []listing.Column[step]{
		{Name: "path", Value: func(s step) string { return strconv.Itoa(s.Path) }},
		{Name: "step", Value: func(s step) string { return strconv.Itoa(s.Step) }},
		{Name: "subject", Value: func(s step) string { return s.Subject }},
		{Name: "predicate", Value: func(s step) string {
			if s.Negated {
				return "not " + s.Predicate
			}
			return s.Predicate
		}},
		{Name: "object", Value: func(s step) string { return s.Object }},
		{Name: "evidence", Value: func(s step) string {
			var docs []string
			for _, ev := range s.Evidence {
				docs = append(docs, ev.Doc+": "+ev.Sentence)
			}
			return strings.Join(docs, " | ")
		}},
	}
	if !opts.evidence {
		cols = cols[:len(cols)-1]
	}
	if err := listing.Write(a.stdout, a.cfg.Format, cols, rows); err != nil {
		return err
	}
	if len(paths) == 0 {
		return &exitError{code: exitNoMatch, err: fmt.Errorf("no chain of at most %d relations connects %s and %s", opts.maxDepth, from, to)}
	}
	return nil
}

// pathError turns an error of graph.Paths into kg's: a search beyond its
// budget is a usage error naming the flag to lower; a cancelled one is
// left as it is, for run to report as interrupted.
func pathError(err error) error {
	if errors.Is(err, graph.ErrPathBudget) {
		return usageError("the path search stopped (%w): lower --k", err)
	}
	return err
}
