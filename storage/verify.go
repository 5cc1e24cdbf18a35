package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// ErrInconsistent means Verify found records that disagree.
var ErrInconsistent = errors.New("inconsistent")

// maxProblems is how many problems Verify describes.
const maxProblems = 10

// Verify checks that the store's records agree: every document has its
// triple and entity lists, every listed triple is in the three indexes and
// nothing else is, and every counter equals what the documents imply. It
// holds the store's keys in memory, so it is for tests and a "check"
// command, not for every run. It returns an error wrapping ErrInconsistent
// describing the first problems found.
func (s *Store) Verify(ctx context.Context) error {
	var problems []string
	report := func(format string, args ...any) {
		problems = append(problems, fmt.Sprintf(format, args...))
	}
	err := s.db.View(func(txn *badger.Txn) error {
		return verify(ctx, txn, report)
	})
	if err != nil {
		return fmt.Errorf("verify store %s: %w", s.dir, err)
	}
	if len(problems) == 0 {
		return nil
	}
	n := len(problems)
	if n > maxProblems {
		problems = problems[:maxProblems]
	}
	return fmt.Errorf("store %s is %w: %d problems:\n\t%s", s.dir, ErrInconsistent, n, strings.Join(problems, "\n\t"))
}

func verify(ctx context.Context, txn *badger.Txn, report func(string, ...any)) error {
	docs := make(map[string]DocumentInfo)
	rels := make(map[string][]relation)
	contribs := make(map[string][]contribution)
	extractedOf := make(map[string]int) // document → triples in its u record
	// Every key: tables that are derived are checked against what the
	// documents imply, removing what they imply as it is found.
	want := make(map[string][]byte) // key → value wanted, nil if empty or checked otherwise
	counters := newDeltas()
	var version bool

	// Pass 1: the per-document records.
	err := each(ctx, txn, nil, true, func(k []byte, item *badger.Item) error {
		if len(k) == 0 {
			report("empty key")
			return nil
		}
		id := string(k[1:])
		var err error
		switch k[0] {
		case tableMeta:
			version = string(k) == string(versionKey())
		case tableDoc:
			var info DocumentInfo
			err = item.Value(func(v []byte) error { return json.Unmarshal(v, &info) })
			if err == nil && info.ID != id {
				report("document record %q has id %q", id, info.ID)
			}
			docs[id] = info
		case tableDocTriples:
			err = item.Value(func(v []byte) (err error) {
				rels[id], err = decodeRelations(v)
				return err
			})
		case tableDocEntities:
			err = item.Value(func(v []byte) (err error) {
				contribs[id], err = decodeContributions(v)
				return err
			})
		case tableExtracted:
			var x extracted
			if err = item.Value(x.decode); err == nil {
				extractedOf[id] = len(x.relations)
			}
		case tableMerge:
			var m Merge
			err = item.Value(func(v []byte) error { return json.Unmarshal(v, &m) })
			if err == nil && m.From != id {
				report("merge rule %q names %q", id, m.From)
			}
		case tableLog:
			var e LogEntry
			err = item.Value(func(v []byte) error { return json.Unmarshal(v, &e) })
		}
		if err != nil {
			report("key %q: %v", k, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if !version {
		report("no format version")
	}
	for _, id := range slices.Sorted(maps.Keys(docs)) {
		info := docs[id]
		rs, okR := rels[id]
		cs, okC := contribs[id]
		if !okR || !okC {
			report("document %q lacks its triple or entity list", id)
			continue
		}
		if len(rs) != info.Triples {
			report("document %q records %d triples but lists %d", id, info.Triples, len(rs))
		}
		for i, r := range rs {
			k := tripleKey{S: r.S, P: r.P, O: r.O, Neg: r.Neg, Doc: id, Seq: uint32(i)}
			for _, t := range []byte{tableSPO, tablePOS, tableOSP} {
				want[string(k.appendKey(nil, t))] = nil
			}
		}
		counters.document(rs, cs, +1)
	}
	for id := range rels {
		if _, ok := docs[id]; !ok {
			report("triple list of missing document %q", id)
		}
	}
	for id := range contribs {
		if _, ok := docs[id]; !ok {
			report("entity list of missing document %q", id)
		}
	}
	for id, n := range extractedOf {
		if _, ok := docs[id]; !ok {
			report("extracted names of missing document %q", id)
		} else if n != len(rels[id]) {
			report("document %q has %d triples but %d extracted", id, len(rels[id]), n)
		}
	}
	for k, n := range counters.counts {
		if n != 0 {
			want[k] = binaryCount(n)
		}
	}
	for name, rec := range counters.entities {
		if rec.Documents == 0 {
			continue
		}
		for t, n := range rec.Types {
			if n == 0 {
				delete(rec.Types, t)
			}
		}
		want[string(key(tableEntity, name))] = rec.append(nil)
	}

	// Pass 2: the derived records.
	err = each(ctx, txn, nil, true, func(k []byte, item *badger.Item) error {
		switch k[0] {
		case tableMeta, tableDoc, tableDocTriples, tableDocEntities, tableExtracted, tableMerge, tableLog:
			return nil
		case tableSPO, tablePOS, tableOSP, tableEntity, tableAlias, tableFold, tablePredicate:
		default:
			report("key %q in no table", k)
			return nil
		}
		w, ok := want[string(k)]
		if !ok {
			report("orphan key %q", k)
			return nil
		}
		delete(want, string(k))
		return item.Value(func(v []byte) error {
			switch k[0] {
			case tableSPO:
				var e evidence
				if err := e.decode(v); err != nil {
					report("evidence %q: %v", k, err)
				}
			case tablePOS, tableOSP:
				if len(v) > 0 {
					report("index key %q has a value", k)
				}
			case tableEntity:
				var got, exp entityRecord
				if err := got.decode(v); err != nil {
					report("entity %q: %v", k, err)
				} else if exp.decode(w) == nil && !sameRecord(got, exp) {
					report("entity %q is %+v, documents imply %+v", k[1:], got, exp)
				}
			default:
				if string(v) != string(w) {
					n, _ := decodeCount(v)
					m, _ := decodeCount(w)
					report("counter %q is %d, documents imply %d", k, n, m)
				}
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	for _, k := range slices.Sorted(maps.Keys(want)) {
		report("missing key %q", k)
	}
	return nil
}

func sameRecord(a, b entityRecord) bool {
	return a.Documents == b.Documents && a.Mentions == b.Mentions && maps.Equal(a.Types, b.Types)
}
