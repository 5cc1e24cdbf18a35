package storage

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"

	"github.com/dgraph-io/badger/v4"
)

// Errors callers can test for with errors.Is.
var (
	// ErrLocked means another process has the store open.
	ErrLocked = errors.New("store in use")
	// ErrNotFound means a document, entity or store does not exist.
	ErrNotFound = errors.New("not found")
	// ErrVersion means the store was written in a format this code does
	// not read.
	ErrVersion = errors.New("unsupported store format")
	// ErrTooBig means a document has too many triples for one transaction;
	// nothing of it was written.
	ErrTooBig = errors.New("document too big for one transaction")
	// ErrInvalid means a document cannot be stored as given (an empty or
	// overlong name, a NUL byte, a triple of another document); nothing
	// of it was written.
	ErrInvalid = errors.New("invalid document")
	// ErrAmbiguous means a name resolves to several entities.
	ErrAmbiguous = errors.New("ambiguous name")
	// ErrReadOnly means a write was attempted on a store opened read-only.
	ErrReadOnly = errors.New("store opened read-only")
)

// storeError is an error about the store as a whole, worded for the
// person running kg ("store ./kg-data is in use by another kg process").
type storeError struct {
	dir  string
	msg  string
	kind error
}

func (e *storeError) Error() string { return "store " + e.dir + " " + e.msg }
func (e *storeError) Unwrap() error { return e.kind }

// Options configure Open.
type Options struct {
	// ReadOnly opens the store for reading; other read-only opens may share
	// it, but not a writer.
	ReadOnly bool
	// Logger receives Badger's messages; nil discards them.
	Logger *slog.Logger
	// InMemory keeps everything in memory and ignores the directory; for
	// tests.
	InMemory bool
	// MustExist refuses to create a store: a missing one is ErrNotFound,
	// as it always is for ReadOnly.
	MustExist bool
	// Notify, when set, is told of what Open does to the files before it
	// does it: repairing a store whose writer was killed.
	Notify func(msg string)
	// MinFree is the free space the store keeps on its disk: every write
	// is refused with a *DiskFullError when there is less. 0 means
	// DefaultMinFree.
	MinFree int64
	// DiskFree returns the bytes free on the disk holding a directory;
	// nil means the package's DiskFree. Tests set it to fill a disk.
	DiskFree func(dir string) (int64, error)

	// memTableSize overrides Badger's memtable size, which bounds the
	// transaction size; for tests of ErrTooBig.
	memTableSize int64
}

// A Store is a knowledge graph in a Badger database. Its methods are safe
// for concurrent use; writes are serialized.
type Store struct {
	db       *badger.DB
	dir      string
	readOnly bool
	inMemory bool
	minFree  int64
	diskFree func(dir string) (int64, error)

	mu sync.Mutex // serializes writes so counters need no conflict retries

	meta *metaCache // documents' dates and sites when read-only, else nil

	merges merges // the merge rules; replaced under mu, never modified
}

// Open opens the store in dir, creating it unless opts.ReadOnly or
// opts.MustExist. It refuses (ErrNotStore) a directory that holds other
// files and no store, rather than write Badger's files among them.
//
// Writes are not fsynced (Badger's SyncWrites=false): a committed
// PutDocument is in the OS page cache, so it survives the kg process being
// killed at any point, but not a crash of the machine, which may lose the
// last few seconds of documents (never part of one). Re-running the
// command adds them again. Opening read-only a store whose writer was
// killed first repairs it as the next writer would (Badger requires it),
// after telling opts.Notify.
func Open(dir string, opts Options) (*Store, error) {
	if opts.InMemory && opts.ReadOnly {
		return nil, fmt.Errorf("open store: an in-memory store cannot be read-only")
	}
	if opts.InMemory {
		dir = "(in memory)" // for messages
	}
	if !opts.InMemory {
		// Badger would report a missing MANIFEST, or make a store among
		// a user's files; say what it means.
		if err := checkDir(dir, opts.ReadOnly || opts.MustExist); err != nil {
			return nil, err
		}
	}
	db, err := openBadger(dir, opts)
	if err != nil && !opts.InMemory && needsRepair(err, opts.ReadOnly) {
		// A writer was killed. Either its write-ahead log has a
		// preallocated tail that only a read-write open trims, or it died
		// between creating a memtable's log and sizing it: Badger's open
		// sizes the empty file, then refuses it as new, and the file, now
		// well formed and empty, opens on a second try. Repair as the next
		// writer would, then open as asked.
		if opts.Notify != nil {
			opts.Notify(fmt.Sprintf("store %s was not closed cleanly (a kg process writing it was stopped): repairing it as the next kg extract would", dir))
		}
		rw := opts
		rw.ReadOnly = false
		rdb, rerr := openBadger(dir, rw)
		if rerr != nil && strings.Contains(rerr.Error(), "Create a new file") {
			rdb, rerr = openBadger(dir, rw)
		}
		switch {
		case rerr != nil:
			return nil, fmt.Errorf("store %s was not closed cleanly and cannot be recovered: %w", dir, rerr)
		case opts.ReadOnly:
			if rerr = rdb.Close(); rerr != nil {
				return nil, fmt.Errorf("store %s was not closed cleanly and cannot be recovered: %w", dir, rerr)
			}
			db, err = openBadger(dir, opts)
		default:
			db, err = rdb, nil
		}
	}
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, dir: dir, readOnly: opts.ReadOnly, inMemory: opts.InMemory, minFree: opts.MinFree, diskFree: opts.DiskFree}
	if s.minFree <= 0 {
		s.minFree = DefaultMinFree
	}
	if opts.ReadOnly {
		s.meta = &metaCache{m: make(map[string]docMeta)}
	}
	if err := s.checkVersion(); err != nil {
		db.Close()
		return nil, err
	}
	err = db.View(func(txn *badger.Txn) (err error) {
		s.merges, err = loadMerges(context.Background(), txn)
		return err
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", dir, err)
	}
	return s, nil
}

// needsRepair reports the errors of a store whose writer was killed that
// a read-write open repairs.
func needsRepair(err error, readOnly bool) bool {
	msg := err.Error()
	return strings.Contains(msg, "Create a new file") ||
		readOnly && (strings.Contains(msg, badger.ErrTruncateNeeded.Error()) ||
			strings.Contains(msg, "error while truncation"))
}

// openBadger opens the Badger database, naming the store in errors.
func openBadger(dir string, opts Options) (*badger.DB, error) {
	db, err := badger.Open(badgerOptions(dir, opts))
	if err != nil {
		// Badger does not wrap the flock error, so recognise its message.
		if strings.Contains(err.Error(), "Cannot acquire directory lock") {
			return nil, &storeError{dir, "is in use by another kg process", ErrLocked}
		}
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	return db, nil
}

// badgerOptions returns the Badger configuration for a store: defaults,
// with smaller caches and value-log files than Badger's server-sized ones.
func badgerOptions(dir string, opts Options) badger.Options {
	o := badger.DefaultOptions(dir)
	if opts.InMemory {
		o = badger.DefaultOptions("").WithInMemory(true)
	}
	o = o.WithReadOnly(opts.ReadOnly).
		WithSyncWrites(false).
		WithDetectConflicts(false). // Store.mu serializes writers
		WithMetricsEnabled(false).
		WithNumMemtables(2).
		// 16 MiB memtables keep a corpus run under 500 MB of memory; they
		// bound one transaction, so one document, to about 2.4 MB.
		WithMemTableSize(16 << 20).
		WithNumCompactors(2).
		WithBlockCacheSize(32 << 20).
		WithValueLogFileSize(64 << 20).
		WithLogger(nil)
	if opts.memTableSize > 0 {
		// Badger refuses values larger than a transaction.
		o = o.WithMemTableSize(opts.memTableSize).WithValueThreshold(opts.memTableSize / 10)
	}
	if opts.Logger != nil {
		o = o.WithLogger(badgerLogger{opts.Logger.With("component", "badger")})
	}
	return o
}

// checkVersion reads the format version, writing it into a new store.
func (s *Store) checkVersion() error {
	var (
		raw   []byte
		empty bool
	)
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(versionKey())
		if errors.Is(err, badger.ErrKeyNotFound) {
			it := txn.NewIterator(badger.IteratorOptions{})
			defer it.Close()
			it.Rewind()
			empty = !it.Valid()
			return nil
		}
		if err != nil {
			return err
		}
		raw, err = item.ValueCopy(nil)
		return err
	})
	if err != nil {
		return fmt.Errorf("store %s: read format version: %w", s.dir, err)
	}
	switch {
	case raw == nil && empty && s.readOnly:
		return nil
	case raw == nil && empty:
		err := s.db.Update(func(txn *badger.Txn) error {
			return txn.Set(versionKey(), []byte(strconv.Itoa(formatVersion)))
		})
		if err != nil {
			return fmt.Errorf("store %s: write format version: %w", s.dir, err)
		}
		return nil
	case raw == nil:
		return &storeError{s.dir, "has no format version: it is not a kg store", ErrVersion}
	}
	v, err := strconv.Atoi(string(raw))
	switch {
	case err != nil || v < 1:
		return &storeError{s.dir, fmt.Sprintf("has an unreadable format version %q", raw), ErrVersion}
	case v > formatVersion:
		return &storeError{s.dir, fmt.Sprintf("has format version %d, newer than this kg reads (%d); upgrade kg", v, formatVersion), ErrVersion}
	}
	return nil
}

// Close closes the store, waiting for a write in progress. Reads must
// have returned.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", s.dir, err)
	}
	return nil
}

// badgerLogger passes Badger's printf-style messages to a slog.Logger.
type badgerLogger struct{ l *slog.Logger }

func (b badgerLogger) log(level slog.Level, format string, args []any) {
	ctx := context.Background()
	if !b.l.Enabled(ctx, level) {
		return
	}
	b.l.Log(ctx, level, strings.TrimSpace(fmt.Sprintf(format, args...)))
}

func (b badgerLogger) Errorf(f string, a ...any)   { b.log(slog.LevelError, f, a) }
func (b badgerLogger) Warningf(f string, a ...any) { b.log(slog.LevelWarn, f, a) }
func (b badgerLogger) Infof(f string, a ...any)    { b.log(slog.LevelInfo, f, a) }
func (b badgerLogger) Debugf(f string, a ...any)   { b.log(slog.LevelDebug, f, a) }
