package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/kgraph/kg/listing"
	"github.com/kgraph/kg/storage"
)

// openStore opens the configured store, waiting up to --wait while
// another kg process holds it. Every failure to open is exit status 4 with
// the store's own message, which names the directory.
func (a *app) openStore(readOnly bool) (*storage.Store, error) {
	opts := storage.Options{ReadOnly: readOnly, Notify: func(msg string) { a.warnf("%s", msg) }, DiskFree: a.diskFree}
	s, err := storage.OpenWait(a.ctx, a.cfg.Store, opts, a.cfg.Wait, func(err error) {
		// Said even with --quiet: without it a wait looks like a hang.
		fmt.Fprintf(a.stderr, "kg: %v%s: waiting up to %s for it to finish (--wait 0 fails at once; Ctrl-C stops)\n", err, holder(a.cfg.Store), a.cfg.Wait)
	})
	if err != nil {
		if a.ctx.Err() != nil {
			return nil, err // interrupted: run says so
		}
		switch {
		case errors.Is(err, storage.ErrLocked) && a.cfg.Wait > 0:
			err = fmt.Errorf("%w%s, after waiting %s (kg extract holds its store until it ends; a longer --wait waits for it)", err, holder(a.cfg.Store), a.cfg.Wait)
		case errors.Is(err, storage.ErrLocked):
			err = fmt.Errorf("%w%s (kg extract holds its store until it ends; --wait DURATION waits for it)", err, holder(a.cfg.Store))
		}
		if errors.Is(err, storage.ErrNotFound) {
			err = fmt.Errorf("%w (run kg extract first, or name the store with --store or KG_STORE)", err)
		}
		return nil, &exitError{code: exitFailure, err: err}
	}
	return s, nil
}

// holder names the process holding the store's lock, when known.
func holder(dir string) string {
	if pid := storage.LockHolder(dir); pid > 0 {
		return fmt.Sprintf(" (process %d)", pid)
	}
	return ""
}

// resolve returns the canonical names a name or alias stands for in the
// store; none is exit status 1 with a message naming the name.
func resolve(ctx context.Context, st *storage.Store, name string) ([]string, error) {
	names, err := st.Resolve(ctx, name)
	if err != nil {
		return nil, failure(ctx, err)
	}
	if len(names) == 0 {
		return nil, &exitError{code: exitNoMatch, err: fmt.Errorf("no entity named %q in the store (try kg entities)", name)}
	}
	return names, nil
}

// listStored opens the store read-only and lists what fetch reads from it
// ("kg entities merges", "kg entities log").
func listStored[T any](ctx context.Context, a *app, fetch func(*storage.Store, context.Context) ([]T, error), cols []listing.Column[T]) error {
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer st.Close()
	rows, err := fetch(st, ctx)
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	return writeListing(a, cols, rows)
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
