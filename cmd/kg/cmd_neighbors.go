package main

import (
	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

func newNeighborsCmd(a *app) *cobra.Command {
	var depth int
	var in, out, evidence bool
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
			if in && out {
				return usageError("--in and --out exclude each other")
			}
			dir := graph.Both
			switch {
			case in:
				dir = graph.In
			case out:
				dir = graph.Out
			}
			st, err := a.openStore(true)
			if err != nil {
				return err
			}
			defer st.Close()
			names, err := resolve(cmd.Context(), st, args[0])
			if err != nil {
				return err
			}
			all, err := st.Edges(cmd.Context(), storage.Pattern{}, evidence)
			if err != nil {
				return &exitError{code: exitFailure, err: err}
			}
			edges := graph.Reach(all, names, depth, dir)
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
	f.IntVar(&depth, "depth", 1, "hops from the entity")
	f.BoolVar(&out, "out", false, "follow relations from subject to object only")
	f.BoolVar(&in, "in", false, "follow relations from object to subject only")
	f.BoolVar(&evidence, "evidence", false, "show the sentences, documents and dates behind each relation")
	return cmd
}
