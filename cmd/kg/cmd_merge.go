package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/listing"
	"github.com/kgraph/kg/storage"
)

// entityName returns the canonical name of the entity a user names (its
// name or an unambiguous alias).
func entityName(ctx context.Context, st *storage.Store, name string) (string, error) {
	e, err := st.Entity(ctx, name)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return "", &exitError{code: exitNoMatch, err: fmt.Errorf("no entity %q in the store (try kg entities)", name)}
	case errors.Is(err, storage.ErrAmbiguous):
		return "", usageError("entity %q: %v; give the full name", name, err)
	case err != nil:
		return "", &exitError{code: exitFailure, err: err}
	}
	return e.Name, nil
}

func newMergeCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "merge FROM INTO",
		Short: "Make one entity of two: FROM becomes an alias of INTO",
		Long: `Merge says that two stored entities are one: every relation of FROM becomes
a relation of INTO, FROM becomes an alias of INTO (queries for it find INTO),
and documents extracted later that name FROM are stored naming INTO.

The documents naming FROM are stored again, one at a time; an interrupted
merge is finished by running it again. Merges are logged (kg entities log)
and undone exactly by kg entities split FROM.`,
		Example: `  kg entities merge "Sergey Lavrov" "Sergei Lavrov"
  kg entities merge UNSC "United Nations Security Council"`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runMerge(cmd.Context(), a, args[0], args[1])
		},
	}
}

func newSplitCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "split NAME",
		Short: "Undo the merge of an entity",
		Long: `Split undoes kg entities merge NAME INTO: NAME is an entity of its own
again, with exactly the relations the documents gave it. The documents that
named it are stored again; an interrupted split is finished by running it
again.

Exit status 1 when NAME is not merged.`,
		Example: `  kg entities split "Sergey Lavrov"`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSplit(cmd.Context(), a, args[0])
		},
	}
}

func newMergesCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "merges",
		Short: "List the merge rules in force",
		Long: `Merges lists the entities merged into others, with when.

Exit status 1 when there is none.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runMerges(cmd.Context(), a)
		},
	}
}

func newMergeLogCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "log",
		Short: "List the merges and splits done, oldest first",
		Long: `Log lists every kg entities merge and split done on the store, with the
number of documents each stored again.

Exit status 1 when there is none.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runMergeLog(cmd.Context(), a)
		},
	}
}

// runMerge makes the entity name names, or that a merge made an alias,
// one with the entity target names.
func runMerge(ctx context.Context, a *app, name, target string) error {
	st, err := a.openExisting()
	if err != nil {
		return err
	}
	defer st.Close()
	// A merged entity is named by its merged name, which now
	// resolves to the entity it is merged into.
	from := ""
	rules, err := st.Merges(ctx)
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	for _, r := range rules {
		if graph.Fold(r.From) == graph.Fold(name) {
			from = r.From
		}
	}
	if from == "" {
		if from, err = entityName(ctx, st, name); err != nil {
			return err
		}
	}
	into, err := entityName(ctx, st, target)
	if err != nil {
		return err
	}
	n, err := st.MergeEntities(ctx, from, into)
	switch {
	case errors.Is(err, storage.ErrMerge):
		return usageError("%v", err)
	case err != nil:
		return &exitError{code: exitFailure, err: err}
	}
	if !a.cfg.Quiet {
		fmt.Fprintf(a.stderr, "kg: merged %q into %q (%d documents stored again)\n", from, into, n)
	}
	return nil
}

// runSplit undoes the merge of the entity name names, in any case and
// accents.
func runSplit(ctx context.Context, a *app, name string) error {
	st, err := a.openExisting()
	if err != nil {
		return err
	}
	defer st.Close()
	rules, err := st.Merges(ctx)
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	for _, r := range rules {
		if graph.Fold(r.From) == graph.Fold(name) {
			name = r.From
		}
	}
	n, err := st.SplitEntity(ctx, name)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return &exitError{code: exitNoMatch, err: err}
	case err != nil:
		return &exitError{code: exitFailure, err: err}
	}
	if !a.cfg.Quiet {
		fmt.Fprintf(a.stderr, "kg: split %q (%d documents stored again)\n", name, n)
	}
	return nil
}

// runMerges lists the merge rules in force.
func runMerges(ctx context.Context, a *app) error {
	return listStored(ctx, a, (*storage.Store).Merges, []listing.Column[storage.Merge]{
		{Name: "from", Value: func(m storage.Merge) string { return m.From }},
		{Name: "into", Value: func(m storage.Merge) string { return m.Into }},
		{Name: "time", Value: func(m storage.Merge) string { return m.Time.Format(time.RFC3339) }},
	})
}

// runMergeLog lists the merges and splits done, oldest first.
func runMergeLog(ctx context.Context, a *app) error {
	return listStored(ctx, a, (*storage.Store).MergeLog, []listing.Column[storage.LogEntry]{
		{Name: "seq", Value: func(e storage.LogEntry) string { return strconv.FormatUint(e.Seq, 10) }},
		{Name: "time", Value: func(e storage.LogEntry) string { return e.Time.Format(time.RFC3339) }},
		{Name: "op", Value: func(e storage.LogEntry) string { return e.Op }},
		{Name: "from", Value: func(e storage.LogEntry) string { return e.From }},
		{Name: "into", Value: func(e storage.LogEntry) string { return e.Into }},
		{Name: "documents", Value: func(e storage.LogEntry) string { return strconv.Itoa(e.Documents) }},
	})
}
