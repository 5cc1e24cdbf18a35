package main

import (
	"fmt"

	"github.com/kgraph/kg/storage"
)

// openExisting opens the configured store for writing without creating
// it: only kg extract makes a store, so rm, merge and split on a wrong
// --store fail (exit status 4) instead of leaving an empty store there.
func (a *app) openExisting() (*storage.Store, error) {
	if err := storage.Exists(a.cfg.Store); err != nil {
		return nil, &exitError{code: exitFailure, err: fmt.Errorf("%w (run kg extract first, or name the store with --store or KG_STORE)", err)}
	}
	return a.openStore(false)
}
