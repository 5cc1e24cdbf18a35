package main

import (
	"context"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/listing"
	"github.com/kgraph/kg/storage"
)

func newEntitiesCmd(a *app) *cobra.Command {
	var opts entitiesOptions
	cmd := &cobra.Command{
		Use:   "entities",
		Short: "List the entities in the store, most mentioned first",
		Long: `Entities lists every entity with its type, the number of documents it
appears in, the number of triples (mentions) and distinct relations naming it,
and the surface forms (aliases) it was read from.

Its subcommands merge two entities into one (merge), undo that (split), and
list the merges in force (merges) and done (log).

Exit status 1 when there is none.`,
		Example: `  kg entities --type PERSON --top 10
  kg entities --format csv > entities.csv`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEntities(cmd.Context(), a, opts)
		},
	}
	cmd.AddCommand(newMergeCmd(a), newSplitCmd(a), newMergesCmd(a), newMergeLogCmd(a))
	cmd.Flags().StringVar(&opts.typ, "type", "", "only entities of this type: PERSON, ORG, GPE, LOC, EVENT, CONCEPT")
	cmd.Flags().IntVar(&opts.top, "top", 0, "only the N most mentioned (0: all)")
	cmd.RegisterFlagCompletionFunc("type", cobra.FixedCompletions([]string{"PERSON", "ORG", "GPE", "LOC", "EVENT", "CONCEPT"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// entitiesOptions are the flags of kg entities.
type entitiesOptions struct {
	typ string // --type, as given
	top int
}

// runEntities lists the store's entities, those of most documents first.
func runEntities(ctx context.Context, a *app, opts entitiesOptions) error {
	var t graph.EntityType
	if opts.typ != "" {
		var err error
		if t, err = graph.ParseEntityType(strings.ToUpper(opts.typ)); err != nil {
			return usageError("--type: %v", err)
		}
	}
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer st.Close()
	var list []storage.EntityStat
	err = st.Entities(ctx, t, func(e storage.EntityStat) error {
		list = append(list, e)
		return nil
	})
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].Documents != list[j].Documents {
			return list[i].Documents > list[j].Documents
		}
		if list[i].Mentions != list[j].Mentions {
			return list[i].Mentions > list[j].Mentions
		}
		return list[i].Name < list[j].Name
	})
	if opts.top > 0 && len(list) > opts.top {
		list = list[:opts.top]
	}
	cols := []listing.Column[storage.EntityStat]{
		{Name: "name", Value: func(e storage.EntityStat) string { return e.Name }},
		{Name: "type", Value: func(e storage.EntityStat) string { return string(e.Type) }},
		{Name: "documents", Value: func(e storage.EntityStat) string { return strconv.Itoa(e.Documents) }},
		{Name: "mentions", Value: func(e storage.EntityStat) string { return strconv.Itoa(e.Mentions) }},
		{Name: "relations", Value: func(e storage.EntityStat) string { return strconv.Itoa(e.Triples) }},
		{Name: "aliases", Value: func(e storage.EntityStat) string { return strings.Join(e.Aliases, "; ") }},
	}
	return writeListing(a, cols, list)
}
