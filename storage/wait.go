package storage

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// OpenWait opens the store as Open does, but while another process holds
// it (ErrLocked) tries again until it opens, wait has passed, or ctx ends.
// waiting, if not nil, is called once before the first wait, with the
// ErrLocked error. A wait of 0 or less fails at once.
//
// Badger lets one process write a store, or several read it, never both:
// a reader during a long kg extract can only wait for it to end.
func OpenWait(ctx context.Context, dir string, opts Options, wait time.Duration, waiting func(error)) (*Store, error) {
	deadline := time.Now().Add(wait)
	poll := 50 * time.Millisecond
	for {
		s, err := Open(dir, opts)
		if err == nil || !errors.Is(err, ErrLocked) {
			return s, err
		}
		left := time.Until(deadline)
		if left <= 0 {
			return nil, err
		}
		if waiting != nil {
			waiting(err)
			waiting = nil
		}
		t := time.NewTimer(min(poll, left))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, fmt.Errorf("waiting for store %s: %w", dir, ctx.Err())
		case <-t.C:
		}
		poll = min(2*poll, time.Second)
	}
}

// LockHolder returns the process id Badger wrote in the store's lock
// file, or 0 when it cannot be read.
func LockHolder(dir string) int {
	b, err := os.ReadFile(filepath.Join(dir, "LOCK"))
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return 0
	}
	return pid
}
