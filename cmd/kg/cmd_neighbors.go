package main

import (
	"context"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

func newNeighborsCmd(a *app) *cobra.Command {
	var opts neighborsOptions
	cmd := &cobra.Command{
		Use:   "neighbors NAME",
		Short: "List the relations within some hops of an entity",
		Long: `Neighbors lists the relations met walking up to --depth hops from the named
entity (name or alias, any case and accents): in both directions, or only
from subject to object (--out) or from object to subject (--in).

Exit status 1 when the entity has no relation.`,
		Example: `  kg neighbors Lavrov
  kg neighbors "Donald Trump" --depth 2 --out --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runNeighbors(cmd.Context(), a, opts, args[0])
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.depth, "depth", 1, "hops from the entity")
	f.BoolVar(&opts.out, "out", false, "follow relations from subject to object only")
	f.BoolVar(&opts.in, "in", false, "follow relations from object to subject only")
	f.BoolVar(&opts.evidence, "evidence", false, "show the sentences, documents and dates behind each relation")
	return cmd
}

// neighborsOptions are the flags of kg neighbors.
type neighborsOptions struct {
	depth    int
	in, out  bool
	evidence bool
}

// runNeighbors lists the relations within opts.depth hops of the entity
// name stands for.
func runNeighbors(ctx context.Context, a *app, opts neighborsOptions, name string) error {
	if opts.in && opts.out {
		return usageError("--in and --out exclude each other")
	}
	dir := graph.Both
	switch {
	case opts.in:
		dir = graph.In
	case opts.out:
		dir = graph.Out
	}
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer st.Close()
	names, err := resolve(ctx, st, name)
	if err != nil {
		return err
	}
	all, err := st.Edges(ctx, storage.Pattern{}, opts.evidence)
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	edges := graph.Reach(all, names, opts.depth, dir)
	if err := writeEdges(a, edges, opts.evidence); err != nil {
		return err
	}
	if len(edges) == 0 {
		return &exitError{code: exitNoMatch}
	}
	return nil
}
