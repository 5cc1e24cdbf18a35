package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/kgraph/kg/listing"
	"github.com/kgraph/kg/storage"
)

// openStore opens the configured store. Every failure to open is exit
// status 4 with the store's own message, which names the directory.
func (a *app) openStore(readOnly bool) (*storage.Store, error) {
	s, err := storage.Open(a.cfg.Store, storage.Options{ReadOnly: readOnly})
	if err != nil {
		if errors.Is(err, storage.ErrNotFound) {
			err = fmt.Errorf("%w (run kg extract first, or name the store with --store or KG_STORE)", err)
		}
		return nil, &exitError{code: exitFailure, err: err}
	}
	return s, nil
}

// resolve returns the canonical names a name or alias stands for in the
// store; none is exit status 1 with a message naming the name.
func resolve(ctx context.Context, st *storage.Store, name string) ([]string, error) {
	names, err := st.Resolve(ctx, name)
	if err != nil {
		return nil, failure(ctx, err)
	}
	if len(names) == 0 {
		return nil, &exitError{code: exitNoMatch, err: fmt.Errorf("no entity %q in the store (try kg entities)", name)}
	}
	return names, nil
}

// writeListing writes rows as a listing; none is exit status 1.
func writeListing[T any](a *app, cols []listing.Column[T], rows []T) error {
	if err := listing.Write(a.stdout, a.cfg.Format, cols, rows); err != nil {
		return err
	}
	if len(rows) == 0 {
		return &exitError{code: exitNoMatch}
	}
	return nil
}
