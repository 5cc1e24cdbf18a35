package storage

import (
	"bytes"
	"context"
	"fmt"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kg/graph"
)

// Select names stored relations by their canonical names exactly as
// stored, "" matching any, unlike Pattern, whose names are resolved.
type Select struct {
	Subject, Predicate, Object string
}

// A Snapshot is a consistent read-only view of a store, for a series of
// queries that must agree, such as the patterns of a join. It caches the
// documents it reads, so it is not safe for concurrent use. Close it when
// done, before closing the store.
type Snapshot struct {
	txn  *badger.Txn
	docs *docCache
}

// Snapshot returns a view of the store as it is now.
func (s *Store) Snapshot() *Snapshot {
	txn := s.db.NewTransaction(false)
	return &Snapshot{txn: txn, docs: newDocCache(txn, s.meta)}
}

// Close releases the snapshot.
func (sn *Snapshot) Close() { sn.txn.Discard() }

// Resolve is Store.Resolve in the snapshot.
func (sn *Snapshot) Resolve(ctx context.Context, name string) ([]string, error) {
	names, err := lookup(ctx, sn.txn, name)
	if err != nil {
		return nil, fmt.Errorf("resolve %q: %w", name, err)
	}
	return names, nil
}

// Predicates returns, sorted, the stored predicates equal to name after
// graph.Fold.
func (sn *Snapshot) Predicates(ctx context.Context, name string) ([]string, error) {
	preds, err := predicates(ctx, sn.txn, name)
	if err != nil {
		return nil, fmt.Errorf("predicate %q: %w", name, err)
	}
	return preds, nil
}

func predicates(ctx context.Context, txn *badger.Txn, name string) ([]string, error) {
	var preds []string
	err := each(ctx, txn, prefix(tablePredicate, graph.Fold(name)), false, func(k []byte, _ *badger.Item) error {
		_, pred, err := split2(k)
		preds = append(preds, pred)
		return err
	})
	return preds, err
}

// Count returns the number of stored triples (sentences, not relations)
// with the names of sel, counting no further than max: a measure of how
// selective sel is, read from the index in at most max steps.
func (sn *Snapshot) Count(ctx context.Context, sel Select, max int) (int, error) {
	_, pre := plan(sel.Subject, sel.Predicate, sel.Object)
	it := sn.txn.NewIterator(badger.IteratorOptions{Prefix: pre})
	defer it.Close()
	n := 0
	for it.Rewind(); it.Valid() && n < max; it.Next() {
		if n++; n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return 0, err
			}
		}
	}
	return n, ctx.Err()
}

// Relations calls fn for every stored relation with the names of sel
// that at least one sentence passing f states, with the distinct
// documents of those sentences in order of id. Relations come in the
// order of the index sel selects (see Store.Triples). Unless f reads
// sentences (Lang, Modality, Lemma) or dates, only the index is read.
// f's rules on edges (Predicates, Types, MinSupport) are left to the
// caller, who sees the relations and documents.
func (sn *Snapshot) Relations(ctx context.Context, sel Select, f graph.Filter, fn func(rel graph.Key, docs []string) error) error {
	var (
		cur  graph.Key
		docs []string
	)
	flush := func() error {
		if len(docs) == 0 {
			return nil
		}
		d := docs
		docs = nil
		return fn(cur, d)
	}
	var err error
	if f.ReadsSentence() || f.Dated() {
		b := newEdgeBuilder(sn.docs, f, false)
		err = scan(ctx, sn.txn, sel, func(h *hit) error {
			ok, _, err := b.keep(h)
			if err != nil || !ok {
				return err
			}
			k := graph.Key{Subject: h.key.S, Predicate: h.key.P, Object: h.key.O, Negated: h.key.Neg}
			if k != cur {
				if err := flush(); err != nil {
					return err
				}
				cur = k
			}
			if len(docs) == 0 || docs[len(docs)-1] != h.key.Doc {
				docs = append(docs, h.key.Doc)
			}
			return nil
		})
	} else {
		// Only the keys: parse a key when its relation changes, and make
		// a string of a document id when it does.
		var last, lastDoc []byte
		_, pre := plan(sel.Subject, sel.Predicate, sel.Object)
		err = each(ctx, sn.txn, pre, false, func(k []byte, _ *badger.Item) error {
			rel := relationPrefix(k)
			if rel == nil || len(k) < len(rel)+5 {
				return fmt.Errorf("key %q: %w", k, errBadKey)
			}
			if !f.KeepsPolarity(rel[len(rel)-1] == '1') {
				return nil
			}
			if !bytes.Equal(rel, last) {
				if err := flush(); err != nil {
					return err
				}
				tk, err := parseTripleKey(k)
				if err != nil {
					return fmt.Errorf("key %q: %w", k, err)
				}
				cur = graph.Key{Subject: tk.S, Predicate: tk.P, Object: tk.O, Negated: tk.Neg}
				last, lastDoc = append(last[:0], rel...), lastDoc[:0]
				docs = append(docs, tk.Doc)
				lastDoc = append(lastDoc, tk.Doc...)
				return nil
			}
			doc := k[len(rel) : len(k)-5] // the id, then 0 and 4 bytes of position
			if !bytes.Equal(doc, lastDoc) {
				docs = append(docs, string(doc))
				lastDoc = append(lastDoc[:0], doc...)
			}
			return nil
		})
	}
	if err == nil {
		err = flush()
	}
	if err != nil {
		return fmt.Errorf("relations %+v: %w", sel, err)
	}
	return nil
}

// Edge returns the relation rel aggregated over its sentences passing f
// (f.Polarity is ignored: rel says it; so are f's rules on edges), as
// Store.Edges would, with every sentence when evidence is set. An edge of
// no such sentence has Support 0.
func (sn *Snapshot) Edge(ctx context.Context, rel graph.Key, f graph.Filter, evidence bool) (graph.Edge, error) {
	f.Polarity = graph.Either
	b := newEdgeBuilder(sn.docs, f, evidence)
	r := relation{rel.Subject, rel.Predicate, rel.Object, rel.Negated}
	pre := prefix(tableSPO, r.S, r.P, r.O)
	if r.Neg {
		pre = append(pre, '1')
	} else {
		pre = append(pre, '0')
	}
	err := each(ctx, sn.txn, pre, true, func(k []byte, item *badger.Item) error {
		tk, err := parseTripleKey(k)
		if err != nil {
			return fmt.Errorf("key %q: %w", k, err)
		}
		return b.add(&hit{key: tk, item: item, txn: sn.txn})
	})
	if err != nil {
		return graph.Edge{}, fmt.Errorf("relation %v: %w", r, err)
	}
	if len(b.edges) == 0 {
		return graph.Edge{Subject: r.S, Predicate: r.P, Object: r.O, Negated: r.Neg}, nil
	}
	return b.edges[0], nil
}

// Coverage is what a set of documents says of a relation: how many
// documents and sources state it, and from when to when.
type Coverage struct {
	Documents, Sources int
	First, Last        string // dates, as in graph.Edge
}

// Coverage returns the coverage of the distinct documents among docs.
func (sn *Snapshot) Coverage(ctx context.Context, docs []string) (Coverage, error) {
	var c Coverage
	if len(docs) == 1 {
		m, err := sn.docs.get(docs[0])
		if err != nil {
			return Coverage{}, err
		}
		return Coverage{Documents: 1, Sources: 1, First: m.date, Last: m.date}, nil
	}
	seen := make(map[string]bool, len(docs))
	sites := make(map[string]bool)
	for _, d := range docs {
		if seen[d] {
			continue
		}
		seen[d] = true
		m, err := sn.docs.get(d)
		if err != nil {
			return Coverage{}, err
		}
		c.Documents++
		if !sites[m.site] {
			sites[m.site] = true
			c.Sources++
		}
		widen(&c.First, &c.Last, m.date)
	}
	return c, ctx.Err()
}

// scan calls fn for every stored triple with the names of sel, in the
// order of the index sel selects (see plan).
func scan(ctx context.Context, txn *badger.Txn, sel Select, fn func(*hit) error) error {
	table, pre := plan(sel.Subject, sel.Predicate, sel.Object)
	return each(ctx, txn, pre, false, func(k []byte, item *badger.Item) error {
		tk, err := parseTripleKey(k)
		if err != nil {
			return fmt.Errorf("key %q: %w", k, err)
		}
		h := &hit{key: tk, txn: txn}
		if table == tableSPO {
			h.item = item
		}
		return fn(h)
	})
}
