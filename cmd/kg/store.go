package main

import (
	"errors"

	"github.com/kgraph/kg/storage"
)

// openStore opens the configured store; a store in use by another
// process or written by a newer kg is a failure with a plain message.
func (a *app) openStore(readOnly bool) (*storage.Store, error) {
	s, err := storage.Open(a.cfg.Store, storage.Options{ReadOnly: readOnly})
	if err != nil {
		if errors.Is(err, storage.ErrNotFound) {
			return nil, &exitError{code: exitFailure, err: err}
		}
		return nil, &exitError{code: exitFailure, err: err}
	}
	return s, nil
}
