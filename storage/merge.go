package storage

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"time"

	badger "github.com/dgraph-io/badger/v4"

	"github.com/kgraph/kg/graph"
)

// Merging entities.
//
// A merge says that one stored entity is another: "Sergey Lavrov" is
// "Sergei Lavrov". It is kept as a rule (m table) that every document
// stored afterwards obeys, and the documents already stored that name the
// merged entity are stored again under the rule, one transaction each, so
// that every read of the store sees one entity. A document a rule renamed
// something in keeps its names as extracted (u table), which is what makes
// a split exact: the rule is dropped and those documents are stored again
// from their extracted names. Merges and splits are logged (l table).
//
// A merge or split interrupted half-way is finished by running it again:
// the rule is written (or removed) first, and the documents still to store
// again are found from the data.

// Merge is one merge rule: From is stored as Into.
type Merge struct {
	From string    `json:"from"`
	Into string    `json:"into"`
	Time time.Time `json:"time"`
}

// LogEntry is one merge or split, as logged.
type LogEntry struct {
	Seq       uint64    `json:"seq"`
	Time      time.Time `json:"time"`
	Op        string    `json:"op"` // "merge" or "split"
	From      string    `json:"from"`
	Into      string    `json:"into"`
	Documents int       `json:"documents"` // stored again
}

// merges maps a merged entity's name to the name it is stored as. It is
// replaced, never modified, so a copy read under the lock stays valid.
type merges map[string]string

// apply renames the merged entities of a document's entities and triples.
// When it renamed anything it also returns the document's names as
// extracted, for the u record.
func (m merges) apply(entities []graph.Entity, triples []graph.Triple) ([]graph.Entity, []graph.Triple, []byte) {
	if len(m) == 0 {
		return entities, triples, nil
	}
	renamed := false
	for _, e := range entities {
		_, ok := m[e.Name]
		renamed = renamed || ok
	}
	for _, t := range triples {
		_, ok1 := m[t.Subject]
		_, ok2 := m[t.Object]
		renamed = renamed || ok1 || ok2
	}
	if !renamed {
		return entities, triples, nil
	}
	// The names as extracted are kept as the document's contributions
	// would be without the rules: what a document stored before the rule
	// gives when the rule is made, so that a document stored under a
	// rule and one stored before it and renamed by it keep the same.
	x := extracted{entities: contributions(entities, triples), relations: make([]relation, len(triples))}
	var out []graph.Entity
	alias := map[string]graph.EntityType{} // merged names seen in triples, kept as aliases
	for _, e := range entities {
		if into, ok := m[e.Name]; ok {
			e = graph.Entity{Name: into, Type: e.Type, Aliases: append(slices.Clone(e.Aliases), e.Name)}
		}
		out = append(out, e)
	}
	ts := slices.Clone(triples)
	for i := range ts {
		t := &ts[i]
		x.relations[i] = relation{t.Subject, t.Predicate, t.Object, t.Negated}
		if into, ok := m[t.Subject]; ok {
			alias[t.Subject] = t.SubjectType
			t.Subject = into
		}
		if into, ok := m[t.Object]; ok {
			alias[t.Object] = t.ObjectType
			t.Object = into
		}
	}
	// The merged name stays a way to find the entity it is merged into.
	for _, name := range slices.Sorted(maps.Keys(alias)) {
		out = append(out, graph.Entity{Name: m[name], Type: alias[name], Aliases: []string{name}})
	}
	return out, ts, x.append(nil)
}

// extracted is the u record: a document's entities and triple names as
// extracted, before merge rules renamed them.
type extracted struct {
	entities  []contribution
	relations []relation
}

func (x extracted) append(b []byte) []byte {
	b = appendString(b, string(appendContributions(nil, x.entities)))
	return appendString(b, string(appendRelations(nil, x.relations)))
}

func (x *extracted) decode(b []byte) error {
	d := decoder{b: b}
	cs, rs := d.string(), d.string()
	if err := d.done(); err != nil {
		return err
	}
	var err error
	if x.entities, err = decodeContributions([]byte(cs)); err != nil {
		return err
	}
	x.relations, err = decodeRelations([]byte(rs))
	return err
}

// names reports whether the extracted document names name.
func (x extracted) names(name string) bool {
	for _, c := range x.entities {
		if c.Name == name {
			return true
		}
	}
	for _, r := range x.relations {
		if r.S == name || r.O == name {
			return true
		}
	}
	return false
}

// loadMerges reads the merge rules.
func loadMerges(ctx context.Context, txn *badger.Txn) (merges, error) {
	m := merges{}
	err := each(ctx, txn, []byte{tableMerge}, true, func(k []byte, item *badger.Item) error {
		var r Merge
		if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &r) }); err != nil {
			return fmt.Errorf("merge rule %q: %w", k[1:], err)
		}
		m[string(k[1:])] = r.Into
		return nil
	})
	return m, err
}

// Merges returns the merge rules, sorted by the merged name.
func (s *Store) Merges(ctx context.Context) ([]Merge, error) {
	var out []Merge
	err := s.db.View(func(txn *badger.Txn) error {
		return each(ctx, txn, []byte{tableMerge}, true, func(k []byte, item *badger.Item) error {
			var r Merge
			if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &r) }); err != nil {
				return fmt.Errorf("merge rule %q: %w", k[1:], err)
			}
			out = append(out, r)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("merges: %w", err)
	}
	return out, nil
}

// MergeLog returns the merges and splits done on the store, oldest first.
func (s *Store) MergeLog(ctx context.Context) ([]LogEntry, error) {
	var out []LogEntry
	err := s.db.View(func(txn *badger.Txn) error {
		return each(ctx, txn, []byte{tableLog}, true, func(k []byte, item *badger.Item) error {
			var e LogEntry
			if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &e) }); err != nil {
				return fmt.Errorf("log entry %x: %w", k[1:], err)
			}
			out = append(out, e)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("merge log: %w", err)
	}
	return out, nil
}

// ErrMerge means a merge or split cannot be done as asked.
var ErrMerge = errors.New("cannot merge")

// MergeEntities merges the entity named from into the one named into
// (canonical names, as Entity returns them) and returns the number of
// documents stored again. Afterwards from is an alias of into, every
// relation of from is one of into, and documents stored later naming from
// are stored naming into. An entity merged into one that is itself merged
// goes to the end of the chain; entities merged into from follow it.
// Merging again an entity already merged into the same one finishes an
// interrupted merge.
func (s *Store) MergeEntities(ctx context.Context, from, into string) (int, error) {
	if s.readOnly {
		return 0, fmt.Errorf("merge %q into %q: %w", from, into, ErrReadOnly)
	}
	s.mu.Lock()
	m := s.merges
	s.mu.Unlock()
	for n := 0; m[into] != "" && n < len(m); n++ {
		into = m[into]
	}
	switch {
	case from == into:
		return 0, fmt.Errorf("merge %q into %q: %w: the same entity", from, into, ErrMerge)
	case m[from] != "" && m[from] != into:
		return 0, fmt.Errorf("merge %q into %q: %w: it is merged into %q already (split it first)", from, into, ErrMerge, m[from])
	}
	err := s.db.View(func(txn *badger.Txn) error {
		if _, err := txn.Get(key(tableEntity, into)); err != nil {
			return fmt.Errorf("entity %q: %w", into, notFound(err))
		}
		if _, err := txn.Get(key(tableEntity, from)); err != nil && m[from] == "" {
			return fmt.Errorf("entity %q: %w", from, notFound(err))
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("merge %q into %q: %w", from, into, err)
	}
	// The rule first: if the documents are not all stored again, running
	// the merge again finishes it.
	next := merges{from: into}
	for k, v := range m {
		if v == from {
			v = into
		}
		next[k] = v
	}
	if err := s.writeRules(m, next, LogEntry{Op: "merge", From: from, Into: into}); err != nil {
		return 0, fmt.Errorf("merge %q into %q: %w", from, into, err)
	}
	docs, err := s.docsNaming(ctx, from, false)
	if err == nil {
		err = s.restore(ctx, docs)
	}
	if err != nil {
		return 0, fmt.Errorf("merge %q into %q: %w (run the merge again to finish it)", from, into, err)
	}
	return len(docs), s.logCount(ctx, len(docs))
}

// SplitEntity undoes the merge of the entity named name: its rule is
// dropped and the documents that named it as extracted are stored again,
// naming it. Entities merged through it into another stay merged there.
// It returns the number of documents stored again, and an error wrapping
// ErrNotFound if name is not merged. Splitting again finishes an
// interrupted split.
func (s *Store) SplitEntity(ctx context.Context, name string) (int, error) {
	if s.readOnly {
		return 0, fmt.Errorf("split %q: %w", name, ErrReadOnly)
	}
	s.mu.Lock()
	m := s.merges
	s.mu.Unlock()
	into, merged := m[name]
	if merged {
		next := merges{}
		for k, v := range m {
			if k != name {
				next[k] = v
			}
		}
		if err := s.writeRules(m, next, LogEntry{Op: "split", From: name, Into: into}); err != nil {
			return 0, fmt.Errorf("split %q: %w", name, err)
		}
	}
	docs, err := s.docsNaming(ctx, name, true)
	if err != nil {
		return 0, fmt.Errorf("split %q: %w", name, err)
	}
	if !merged {
		// Resuming: only documents where the name is still renamed.
		stored, err := s.docsNaming(ctx, name, false)
		if err != nil {
			return 0, fmt.Errorf("split %q: %w", name, err)
		}
		docs = slices.DeleteFunc(docs, func(id string) bool { _, ok := slices.BinarySearch(stored, id); return ok })
	}
	if !merged && len(docs) == 0 {
		return 0, fmt.Errorf("split %q: %w: it is not merged", name, ErrNotFound)
	}
	if err := s.restore(ctx, docs); err != nil {
		return 0, fmt.Errorf("split %q: %w (run the split again to finish it)", name, err)
	}
	return len(docs), s.logCount(ctx, len(docs))
}

func notFound(err error) error {
	if errors.Is(err, badger.ErrKeyNotFound) {
		return ErrNotFound
	}
	return err
}

// writeRules replaces the rules old by next in the store and in memory,
// and logs e.
func (s *Store) writeRules(old, next merges, e LogEntry) error {
	if err := s.checkFree(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	txn := s.db.NewTransaction(true)
	defer txn.Discard()
	now := time.Now().UTC().Truncate(time.Second)
	for k := range old {
		if _, ok := next[k]; !ok {
			if err := txn.Delete(key(tableMerge, k)); err != nil {
				return err
			}
		}
	}
	for k, v := range next {
		if old[k] == v {
			continue
		}
		b, err := json.Marshal(Merge{From: k, Into: v, Time: now})
		if err != nil {
			return err
		}
		if err := txn.Set(key(tableMerge, k), b); err != nil {
			return err
		}
	}
	seq, err := lastLog(txn)
	if err != nil {
		return err
	}
	e.Seq, e.Time = seq+1, now
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if err := txn.Set(logKey(e.Seq), b); err != nil {
		return err
	}
	if err := txn.Commit(); err != nil {
		return err
	}
	s.merges = next
	return nil
}

func logKey(seq uint64) []byte { return binary.BigEndian.AppendUint64([]byte{tableLog}, seq) }

// lastLog returns the sequence number of the last log entry, 0 if none.
func lastLog(txn *badger.Txn) (uint64, error) {
	it := txn.NewIterator(badger.IteratorOptions{Reverse: true, Prefix: []byte{tableLog}})
	defer it.Close()
	it.Seek(append([]byte{tableLog}, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))
	if !it.Valid() {
		return 0, nil
	}
	k := it.Item().Key()
	if len(k) != 9 {
		return 0, fmt.Errorf("log key %x: %w", k, errBadKey)
	}
	return binary.BigEndian.Uint64(k[1:]), nil
}

// logCount records in the last log entry how many documents it stored
// again.
func (s *Store) logCount(ctx context.Context, n int) error {
	if err := s.checkFree(); err != nil {
		return fmt.Errorf("log the documents stored again: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.db.Update(func(txn *badger.Txn) error {
		seq, err := lastLog(txn)
		if err != nil || seq == 0 {
			return err
		}
		var e LogEntry
		if err := getValue(txn, logKey(seq), func(v []byte) error { return json.Unmarshal(v, &e) }); err != nil {
			return err
		}
		e.Documents = n
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		return txn.Set(logKey(seq), b)
	})
}

// docsNaming returns, sorted, the documents whose stored entities name
// name or, with asExtracted, whose extracted names do.
func (s *Store) docsNaming(ctx context.Context, name string, asExtracted bool) ([]string, error) {
	var docs []string
	err := s.db.View(func(txn *badger.Txn) error {
		if asExtracted {
			return each(ctx, txn, []byte{tableExtracted}, true, func(k []byte, item *badger.Item) error {
				var x extracted
				if err := item.Value(x.decode); err != nil {
					return fmt.Errorf("extracted names of document %q: %w", k[1:], err)
				}
				if x.names(name) {
					docs = append(docs, string(k[1:]))
				}
				return nil
			})
		}
		return each(ctx, txn, []byte{tableDocEntities}, true, func(k []byte, item *badger.Item) error {
			var cs []contribution
			if err := item.Value(func(v []byte) (err error) { cs, err = decodeContributions(v); return err }); err != nil {
				return fmt.Errorf("entities of document %q: %w", k[1:], err)
			}
			for _, c := range cs {
				if c.Name == name {
					docs = append(docs, string(k[1:]))
					break
				}
			}
			return nil
		})
	})
	sort.Strings(docs)
	return docs, err
}

// restore stores documents again from their stored triples and their
// names as extracted, under the current rules.
func (s *Store) restore(ctx context.Context, docs []string) error {
	for _, id := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		info, entities, triples, err := s.asExtracted(id)
		if err != nil {
			return err
		}
		if info.Skipped != "" {
			continue
		}
		if _, err := s.put(ctx, info.Document, entities, triples, "", true); err != nil {
			return err
		}
	}
	return nil
}

// asExtracted returns a stored document with its entities and triples as
// the extractor gave them.
func (s *Store) asExtracted(id string) (info DocumentInfo, entities []graph.Entity, triples []graph.Triple, err error) {
	err = s.db.View(func(txn *badger.Txn) error {
		if info, err = getDocument(txn, id); err != nil {
			return err
		}
		var rels []relation
		if err := getValue(txn, key(tableDocTriples, id), func(v []byte) (err error) { rels, err = decodeRelations(v); return err }); err != nil {
			return fmt.Errorf("triples of document %q: %w", id, err)
		}
		var x extracted
		err := getValue(txn, key(tableExtracted, id), x.decode)
		switch {
		case errors.Is(err, ErrNotFound):
			x.relations = rels
			err = getValue(txn, key(tableDocEntities, id), func(v []byte) (err error) { x.entities, err = decodeContributions(v); return err })
			if err != nil {
				return fmt.Errorf("entities of document %q: %w", id, err)
			}
		case err != nil:
			return fmt.Errorf("extracted names of document %q: %w", id, err)
		case len(x.relations) != len(rels):
			return fmt.Errorf("extracted names of document %q: %d triples for %d stored: %w", id, len(x.relations), len(rels), errBadValue)
		}
		for _, c := range x.entities {
			entities = append(entities, graph.Entity{Name: c.Name, Type: c.Type, Aliases: c.Aliases})
		}
		for i, r := range rels {
			k := tripleKey{S: r.S, P: r.P, O: r.O, Neg: r.Neg, Doc: id, Seq: uint32(i)}
			var e evidence
			if err := getValue(txn, k.appendKey(nil, tableSPO), e.decode); err != nil {
				return fmt.Errorf("triple %v of document %q: %w", r, id, err)
			}
			o := x.relations[i]
			triples = append(triples, e.triple(tripleKey{S: o.S, P: o.P, O: o.O, Neg: o.Neg, Doc: id, Seq: uint32(i)}))
		}
		return nil
	})
	return info, entities, triples, err
}
