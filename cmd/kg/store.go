package main

import (
	"errors"
	"fmt"

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
