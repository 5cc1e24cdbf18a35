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
	v := &verifier{
		report:      report,
		docs:        make(map[string]DocumentInfo),
		rels:        make(map[string][]relation),
		contribs:    make(map[string][]contribution),
		extractedOf: make(map[string]int),
		want:        make(map[string][]byte),
	}
	// Pass 1: the per-document records.
	if err := each(ctx, txn, nil, true, v.record); err != nil {
		return err
	}
	if !v.version {
		report("no format version")
	}
	// Every key: tables that are derived are checked against what the
	// documents imply, removing what they imply as it is found.
	v.expect()
	// Pass 2: the derived records.
	if err := each(ctx, txn, nil, true, v.derived); err != nil {
		return err
	}
	for _, k := range slices.Sorted(maps.Keys(v.want)) {
		report("missing key %q", k)
	}
	return nil
}

// verifier is what verify has read of a store: the per-document records,
// then the derived keys they imply.
type verifier struct {
	report      func(string, ...any)
	docs        map[string]DocumentInfo
	rels        map[string][]relation
	contribs    map[string][]contribution
	extractedOf map[string]int    // document → triples in its u record
	want        map[string][]byte // key → value wanted, nil if empty or checked otherwise
	version     bool
}

// record reads one per-document record (pass 1); the derived ones wait
// for pass 2.
func (v *verifier) record(k []byte, item *badger.Item) error {
	if len(k) == 0 {
		v.report("empty key")
		return nil
	}
	id := string(k[1:])
	var err error
	switch k[0] {
	case tableMeta:
		v.version = string(k) == string(versionKey())
	case tableDoc:
		var info DocumentInfo
		err = item.Value(func(b []byte) error { return json.Unmarshal(b, &info) })
		if err == nil && info.ID != id {
			v.report("document record %q has id %q", id, info.ID)
		}
		v.docs[id] = info
	case tableDocTriples:
		err = item.Value(func(b []byte) (err error) {
			v.rels[id], err = decodeRelations(b)
			return err
		})
	case tableDocEntities:
		err = item.Value(func(b []byte) (err error) {
			v.contribs[id], err = decodeContributions(b)
			return err
		})
	case tableExtracted:
		var x extracted
		if err = item.Value(x.decode); err == nil {
			v.extractedOf[id] = len(x.relations)
		}
	case tableMerge:
		var m Merge
		err = item.Value(func(b []byte) error { return json.Unmarshal(b, &m) })
		if err == nil && m.From != id {
			v.report("merge rule %q names %q", id, m.From)
		}
	case tableLog:
		var e LogEntry
		err = item.Value(func(b []byte) error { return json.Unmarshal(b, &e) })
	}
	if err != nil {
		v.report("key %q: %v", k, err)
	}
	return nil
}

// expect checks the per-document records against one another and sets
// v.want to the derived keys and values they imply: index keys, counters,
// entity records.
func (v *verifier) expect() {
	counters := newDeltas()
	for _, id := range slices.Sorted(maps.Keys(v.docs)) {
		info := v.docs[id]
		rs, okR := v.rels[id]
		cs, okC := v.contribs[id]
		if !okR || !okC {
			v.report("document %q lacks its triple or entity list", id)
			continue
		}
		if len(rs) != info.Triples {
			v.report("document %q records %d triples but lists %d", id, info.Triples, len(rs))
		}
		for i, r := range rs {
			k := tripleKey{S: r.S, P: r.P, O: r.O, Neg: r.Neg, Doc: id, Seq: uint32(i)}
			for _, t := range []byte{tableSPO, tablePOS, tableOSP} {
				v.want[string(k.appendKey(nil, t))] = nil
			}
		}
		counters.document(rs, cs, +1)
	}
	v.orphans()
	for k, n := range counters.counts {
		if n != 0 {
			v.want[k] = binaryCount(n)
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
		v.want[string(key(tableEntity, name))] = rec.append(nil)
	}
}

// orphans reports the per-document lists of documents that are missing,
// and extracted names that do not match their triple list.
func (v *verifier) orphans() {
	for id := range v.rels {
		if _, ok := v.docs[id]; !ok {
			v.report("triple list of missing document %q", id)
		}
	}
	for id := range v.contribs {
		if _, ok := v.docs[id]; !ok {
			v.report("entity list of missing document %q", id)
		}
	}
	for id, n := range v.extractedOf {
		if _, ok := v.docs[id]; !ok {
			v.report("extracted names of missing document %q", id)
		} else if n != len(v.rels[id]) {
			v.report("document %q has %d triples but %d extracted", id, len(v.rels[id]), n)
		}
	}
}

// derived checks one key of a derived table against what the documents
// imply (pass 2), crossing it off v.want.
func (v *verifier) derived(k []byte, item *badger.Item) error {
	switch k[0] {
	case tableMeta, tableDoc, tableDocTriples, tableDocEntities, tableExtracted, tableMerge, tableLog:
		return nil
	case tableSPO, tablePOS, tableOSP, tableEntity, tableAlias, tableFold, tablePredicate:
	default:
		v.report("key %q in no table", k)
		return nil
	}
	w, ok := v.want[string(k)]
	if !ok {
		v.report("orphan key %q", k)
		return nil
	}
	delete(v.want, string(k))
	return item.Value(func(b []byte) error {
		v.value(k, b, w)
		return nil
	})
}

// value checks the value b of derived key k against w, the one the
// documents imply.
func (v *verifier) value(k, b, w []byte) {
	switch k[0] {
	case tableSPO:
		var e evidence
		if err := e.decode(b); err != nil {
			v.report("evidence %q: %v", k, err)
		}
	case tablePOS, tableOSP:
		if len(b) > 0 {
			v.report("index key %q has a value", k)
		}
	case tableEntity:
		var got, exp entityRecord
		if err := got.decode(b); err != nil {
			v.report("entity %q: %v", k, err)
		} else if exp.decode(w) == nil && !sameRecord(got, exp) {
			v.report("entity %q is %+v, documents imply %+v", k[1:], got, exp)
		}
	default:
		if string(b) != string(w) {
			n, _ := decodeCount(b)
			m, _ := decodeCount(w)
			v.report("counter %q is %d, documents imply %d", k, n, m)
		}
	}
}

func sameRecord(a, b entityRecord) bool {
	return a.Documents == b.Documents && a.Mentions == b.Mentions && maps.Equal(a.Types, b.Types)
}
