package storage

import (
	"errors"
	"fmt"
)

// DefaultMinFree is the free disk space below which a store refuses to
// write: room for Badger to flush its memtables (16 MiB each) and compact
// levels after the last write, with a wide margin.
const DefaultMinFree = 256 << 20

// ErrDiskFull means the store's disk has less free space than
// Options.MinFree; nothing was written.
var ErrDiskFull = errors.New("disk nearly full")

// DiskFullError is the error of a write refused because the store's disk
// is nearly full. It wraps ErrDiskFull.
type DiskFullError struct {
	Dir  string // the store's directory
	Free int64  // bytes free on its disk
	Need int64  // bytes the store keeps free (Options.MinFree)
}

func (e *DiskFullError) Error() string {
	return fmt.Sprintf("store %s: %v: %d MiB free on its disk, under the %d MiB kg keeps free so that the store stays whole",
		e.Dir, ErrDiskFull, e.Free>>20, e.Need>>20)
}

func (e *DiskFullError) Unwrap() error { return ErrDiskFull }

// checkFree refuses a write when the store's disk is nearly full: Badger
// writes through memory maps, and a write to a full disk kills the
// process (SIGBUS) instead of failing. A disk whose free space cannot be
// known, and an in-memory store, are not checked.
func (s *Store) checkFree() error {
	if s.inMemory {
		return nil
	}
	free := s.diskFree
	if free == nil {
		free = DiskFree
	}
	n, err := free(s.dir)
	if err != nil || n >= s.minFree {
		return nil
	}
	return &DiskFullError{Dir: s.dir, Free: n, Need: s.minFree}
}
