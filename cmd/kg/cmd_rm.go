package main

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/storage"
)

func newRmCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "rm DOC...",
		Short: "Remove documents, and what only they state, from the store",
		Long: `Rm retracts each named document: its sentences go, relations that other
documents also state lose its support (and maybe a source, a first or last
date), and the relations, entities and aliases that no other document gives
are removed. Each document goes in one transaction. Documents are named by
the ids kg extract gave them (kg why and kg query --evidence show them);
running kg extract on the file again puts one back.

Exit status 1 when a document is not in the store; the others are removed.`,
		Example: `  kg rm lavrov-ayrault-fr.txt
  kg rm frwikinews-kp100:44618 frwikinews-kp100:44672`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRm(cmd.Context(), a, args)
		},
	}
}

// runRm removes the documents ids names, a document named twice once;
// a missing one is said and the others still go.
func runRm(ctx context.Context, a *app, ids []string) error {
	st, err := a.openExisting()
	if err != nil {
		return err
	}
	defer st.Close()
	var removed, missing int
	for i, id := range ids {
		if slices.Contains(ids[:i], id) {
			continue
		}
		err := st.DeleteDocument(ctx, id)
		var full *storage.DiskFullError
		switch {
		case errors.Is(err, storage.ErrNotFound):
			missing++
			fmt.Fprintf(a.stderr, "kg: no document %q in the store\n", id)
		case errors.As(err, &full):
			// Refused before writing: Badger dies on a full disk.
			return &exitError{code: exitFailure, err: fmt.Errorf("%w; document %s and those after it were not removed (%d removed before it; free some space and run kg rm again)", full, id, removed)}
		case err != nil:
			return &exitError{code: exitFailure, err: err}
		default:
			removed++
		}
	}
	if !a.cfg.Quiet {
		fmt.Fprintf(a.stderr, "kg: %d removed, %d not in the store\n", removed, missing)
	}
	if missing > 0 {
		return &exitError{code: exitNoMatch}
	}
	return nil
}
