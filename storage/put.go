package storage

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kg/graph"
)

// PutResult says what PutDocument did.
type PutResult int

// The results of PutDocument.
const (
	Added     PutResult = iota // the document was new
	Unchanged                  // stored with the same hash: nothing written
	Replaced                   // stored with another hash: old triples retracted
)

// String returns "added", "unchanged" or "replaced".
func (r PutResult) String() string {
	switch r {
	case Added:
		return "added"
	case Unchanged:
		return "unchanged"
	case Replaced:
		return "replaced"
	}
	return fmt.Sprintf("PutResult(%d)", int(r))
}

// DocumentInfo is a stored document: its record without the text, the
// number of triples stored for it, and why it was skipped, if it was.
type DocumentInfo struct {
	graph.Document
	Triples int    `json:"triples"`
	Skipped string `json:"skipped,omitempty"` // set by PutSkipped
}

// PutDocument stores a document with its entities and triples in one
// transaction: afterwards either all of them are stored or, on error,
// none. Storing a document whose id is stored with the same hash,
// language and extraction fingerprint (and not as skipped) does nothing
// and returns Unchanged, even if the metadata or triples differ; with
// another, the old document's triples and entity contributions are
// retracted in the same transaction and Replaced is returned. An empty
// doc.Hash is computed from doc.Text; the text itself
// is not stored, only the sentences of triples.
//
// Triples with an empty Doc are taken to be doc's, and an empty Lang is
// doc.Lang. Every subject and object becomes an entity of the type the
// triple gives, unless entities names it. Names, predicates and the id
// must be non-empty, at most 4096 bytes and contain no NUL byte.
//
// A document whose records exceed one Badger transaction (about 10 MB,
// some 20 000 triples of ordinary sentences) is refused with ErrTooBig.
func (s *Store) PutDocument(ctx context.Context, doc graph.Document, entities []graph.Entity, triples []graph.Triple) (PutResult, error) {
	return s.put(ctx, doc, entities, triples, "", false)
}

// PutSkipped stores a document that was not extracted (for example, in an
// unsupported language) with no triples and the reason, so that Documents
// lists it and Stats counts it. A later PutDocument with the same hash
// replaces it.
func (s *Store) PutSkipped(ctx context.Context, doc graph.Document, reason string) (PutResult, error) {
	if reason == "" {
		reason = "skipped"
	}
	return s.put(ctx, doc, nil, nil, reason, false)
}

// DeleteDocument removes a document, its triples and its contributions to
// entities. It returns an error wrapping ErrNotFound if there is no such
// document.
func (s *Store) DeleteDocument(ctx context.Context, id string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("delete document %q: %w", id, err)
	}
	if s.readOnly {
		return fmt.Errorf("delete document %q: %w", id, ErrReadOnly)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	txn := s.db.NewTransaction(true)
	defer txn.Discard()
	if _, err := getDocument(txn, id); err != nil {
		return fmt.Errorf("delete %w", err) // "delete document "x": not found"
	}
	if err := s.checkFree(); err != nil {
		return fmt.Errorf("delete document %q: nothing removed: %w", id, err)
	}
	d := newDeltas()
	if err := retract(txn, id, d); err != nil {
		return fmt.Errorf("delete document %q: %w", id, err)
	}
	if err := d.apply(txn); err != nil {
		return fmt.Errorf("delete document %q: %w", id, err)
	}
	if err := txn.Commit(); err != nil {
		return fmt.Errorf("delete document %q: %w", id, err)
	}
	return nil
}

// maxName is the longest name, predicate or document id stored, keeping
// keys far below Badger's limit of 65 000 bytes.
const maxName = 4096

// badName reports whether s cannot be stored as a key field.
func badName(s string) bool { return s == "" || len(s) > maxName || hasNUL(s) }

// prepared is a document turned into records, before the transaction.
type prepared struct {
	info      DocumentInfo
	relations []relation
	evidence  [][]byte
	contribs  []contribution
	extracted []byte // the u record, when merge rules renamed something
}

// put stores a document; with force, even one stored with the same hash
// (to store it again under new merge rules).
func (s *Store) put(ctx context.Context, doc graph.Document, entities []graph.Entity, triples []graph.Triple, skipped string, force bool) (PutResult, error) {
	if err := ctx.Err(); err != nil {
		return 0, fmt.Errorf("put document %q: %w", doc.ID, err)
	}
	if s.readOnly {
		return 0, fmt.Errorf("put document %q: %w", doc.ID, ErrReadOnly)
	}
	if err := s.checkFree(); err != nil {
		return 0, fmt.Errorf("put document %q: nothing written: %w", doc.ID, err)
	}
	s.mu.Lock()
	rules := s.merges
	s.mu.Unlock()
	entities, triples, x := rules.apply(entities, triples)
	p, err := prepare(doc, entities, triples, skipped)
	if err != nil {
		return 0, err
	}
	p.extracted = x

	s.mu.Lock()
	defer s.mu.Unlock()
	txn := s.db.NewTransaction(true)
	defer txn.Discard()
	res := Added
	old, err := getDocument(txn, p.info.ID)
	d := newDeltas()
	switch {
	case err == nil && same(old.Document, p.info.Document) && old.Skipped == p.info.Skipped && !force:
		return Unchanged, nil
	case err == nil:
		res = Replaced
		if err := retract(txn, p.info.ID, d); err != nil {
			return 0, fmt.Errorf("put document %q: retract old version: %w", p.info.ID, err)
		}
	case !errors.Is(err, ErrNotFound):
		return 0, fmt.Errorf("put document %q: %w", p.info.ID, err)
	}
	err = write(txn, p, d)
	if err == nil {
		err = d.apply(txn)
	}
	if err == nil {
		err = txn.Commit()
	}
	if errors.Is(err, badger.ErrTxnTooBig) {
		return 0, fmt.Errorf("put document %q (%d triples, %d entities): nothing written: %w",
			p.info.ID, len(p.relations), len(p.contribs), ErrTooBig)
	}
	if err != nil {
		return 0, fmt.Errorf("put document %q: %w", p.info.ID, err)
	}
	return res, nil
}

// prepare checks a document and turns it into records.
func prepare(doc graph.Document, entities []graph.Entity, triples []graph.Triple, skipped string) (*prepared, error) {
	fail := func(format string, args ...any) (*prepared, error) {
		return nil, fmt.Errorf("put document %q: "+format+": %w", append(append([]any{doc.ID}, args...), ErrInvalid)...)
	}
	if doc.ID == "" {
		return nil, fmt.Errorf("put document: empty id: %w", ErrInvalid)
	}
	if badName(doc.ID) {
		return fail("id is too long or contains a NUL byte")
	}
	if doc.Hash == "" {
		sum := sha256.Sum256([]byte(doc.Text))
		doc.Hash = hex.EncodeToString(sum[:])
	}
	doc.Text = ""
	p := &prepared{info: DocumentInfo{Document: doc, Triples: len(triples), Skipped: skipped}}

	for i, e := range entities {
		if badName(e.Name) {
			return fail("entity %d: name %.40q is empty, too long or contains NUL", i, e.Name)
		}
		for _, a := range e.Aliases {
			if hasNUL(a) || len(a) > maxName {
				return fail("entity %q: alias %.40q is too long or contains NUL", e.Name, a)
			}
		}
	}
	if uint64(len(triples)) > math.MaxUint32 {
		return fail("%d triples: too many", len(triples))
	}
	for i, t := range triples {
		switch {
		case badName(t.Subject) || badName(t.Predicate) || badName(t.Object):
			return fail("triple %d (%.40q, %.40q, %.40q): subject, predicate or object is empty, too long or contains NUL",
				i, t.Subject, t.Predicate, t.Object)
		case t.Doc != "" && t.Doc != doc.ID:
			return fail("triple %d belongs to document %q", i, t.Doc)
		}
		if t.Lang == "" {
			t.Lang = doc.Lang
		}
		p.relations = append(p.relations, relation{t.Subject, t.Predicate, t.Object, t.Negated})
		p.evidence = append(p.evidence, evidenceOf(t).append(nil))
	}
	p.contribs = contributions(entities, triples)
	return p, nil
}

// contributions returns what a document's entities and triples add to
// the entities of the store, sorted by name: each name once, with the
// type its entity gives (else its first triple), its aliases sorted and
// the number of triples naming it.
func contributions(entities []graph.Entity, triples []graph.Triple) []contribution {
	byName := make(map[string]*contribution)
	var order []string
	add := func(name string, typ graph.EntityType, aliases []string) *contribution {
		c := byName[name]
		if c == nil {
			c = &contribution{Name: name, Type: typ}
			byName[name] = c
			order = append(order, name)
		}
		if c.Type == "" {
			c.Type = typ
		}
		c.Aliases = append(c.Aliases, aliases...)
		return c
	}
	for _, e := range entities {
		add(e.Name, e.Type, e.Aliases)
	}
	for _, t := range triples {
		add(t.Subject, t.SubjectType, nil).Mentions++
		if t.Object != t.Subject {
			add(t.Object, t.ObjectType, nil).Mentions++
		}
	}
	slices.Sort(order)
	out := make([]contribution, 0, len(order))
	for _, name := range order {
		c := byName[name]
		c.Aliases = slices.DeleteFunc(c.Aliases, func(a string) bool { return a == "" || a == c.Name })
		slices.Sort(c.Aliases)
		c.Aliases = slices.Compact(c.Aliases)
		out = append(out, *c)
	}
	return out
}

// write stores a prepared document, noting its counter changes in d.
func write(txn *badger.Txn, p *prepared, d *deltas) error {
	id := p.info.ID
	info, err := json.Marshal(p.info)
	if err != nil {
		return err
	}
	if err := txn.Set(key(tableDoc, id), info); err != nil {
		return err
	}
	if err := txn.Set(key(tableDocTriples, id), appendRelations(nil, p.relations)); err != nil {
		return err
	}
	if err := txn.Set(key(tableDocEntities, id), appendContributions(nil, p.contribs)); err != nil {
		return err
	}
	if p.extracted != nil {
		if err := txn.Set(key(tableExtracted, id), p.extracted); err != nil {
			return err
		}
	}
	for i, r := range p.relations {
		k := tripleKey{S: r.S, P: r.P, O: r.O, Neg: r.Neg, Doc: id, Seq: uint32(i)}
		if err := txn.Set(k.appendKey(nil, tableSPO), p.evidence[i]); err != nil {
			return err
		}
		if err := txn.Set(k.appendKey(nil, tablePOS), nil); err != nil {
			return err
		}
		if err := txn.Set(k.appendKey(nil, tableOSP), nil); err != nil {
			return err
		}
	}
	d.document(p.relations, p.contribs, +1)
	return nil
}

// retract deletes a stored document's records, noting its counter changes
// in d.
func retract(txn *badger.Txn, id string, d *deltas) error {
	var rels []relation
	var contribs []contribution
	err := getValue(txn, key(tableDocTriples, id), func(v []byte) (err error) {
		rels, err = decodeRelations(v)
		return err
	})
	if err != nil {
		return fmt.Errorf("triples of document %q: %w", id, err)
	}
	err = getValue(txn, key(tableDocEntities, id), func(v []byte) (err error) {
		contribs, err = decodeContributions(v)
		return err
	})
	if err != nil {
		return fmt.Errorf("entities of document %q: %w", id, err)
	}
	for i, r := range rels {
		k := tripleKey{S: r.S, P: r.P, O: r.O, Neg: r.Neg, Doc: id, Seq: uint32(i)}
		for _, t := range []byte{tableSPO, tablePOS, tableOSP} {
			if err := txn.Delete(k.appendKey(nil, t)); err != nil {
				return err
			}
		}
	}
	for _, t := range []byte{tableDoc, tableDocTriples, tableDocEntities, tableExtracted} {
		if err := txn.Delete(key(t, id)); err != nil {
			return err
		}
	}
	d.document(rels, contribs, -1)
	return nil
}

// deltas accumulates the counter changes of one transaction, so that a
// replaced document that names the same entities costs one read and one
// write per counter.
type deltas struct {
	counts   map[string]int64 // A, a and q keys
	entities map[string]*entityRecord
}

func newDeltas() *deltas {
	return &deltas{counts: make(map[string]int64), entities: make(map[string]*entityRecord)}
}

// document adds (sign +1) or removes (-1) a document's contributions.
func (d *deltas) document(rels []relation, contribs []contribution, sign int) {
	for _, r := range rels {
		d.counts[string(key(tablePredicate, graph.Fold(r.P), r.P))] += int64(sign)
	}
	for _, c := range contribs {
		e := d.entities[c.Name]
		if e == nil {
			e = &entityRecord{Types: make(map[graph.EntityType]int)}
			d.entities[c.Name] = e
		}
		e.Documents += sign
		e.Mentions += sign * c.Mentions
		e.Types[c.Type] += sign
		for _, f := range c.folds() {
			d.counts[string(key(tableFold, f, c.Name))] += int64(sign)
		}
		for _, a := range c.Aliases {
			d.counts[string(key(tableAlias, c.Name, a))] += int64(sign)
		}
	}
}

// apply writes the accumulated changes, deleting what drops to zero.
func (d *deltas) apply(txn *badger.Txn) error {
	for _, k := range slices.Sorted(maps.Keys(d.counts)) {
		delta := d.counts[k]
		if delta == 0 {
			continue
		}
		var n int64
		err := getValue(txn, []byte(k), func(v []byte) (err error) {
			n, err = decodeCount(v)
			return err
		})
		if err != nil && !errors.Is(err, ErrNotFound) {
			return fmt.Errorf("counter %q: %w", k, err)
		}
		n += delta
		switch {
		case n < 0:
			return fmt.Errorf("counter %q would drop to %d: store is inconsistent (run Verify)", k, n)
		case n == 0:
			err = txn.Delete([]byte(k))
		default:
			err = txn.Set([]byte(k), binaryCount(n))
		}
		if err != nil {
			return err
		}
	}
	for _, name := range slices.Sorted(maps.Keys(d.entities)) {
		delta := d.entities[name]
		k := key(tableEntity, name)
		rec := entityRecord{Types: make(map[graph.EntityType]int)}
		err := getValue(txn, k, rec.decode)
		if err != nil && !errors.Is(err, ErrNotFound) {
			return fmt.Errorf("entity %q: %w", name, err)
		}
		rec.Documents += delta.Documents
		rec.Mentions += delta.Mentions
		for t, n := range delta.Types {
			rec.Types[t] += n
			if rec.Types[t] == 0 {
				delete(rec.Types, t)
			}
		}
		switch {
		case rec.Documents < 0 || rec.Mentions < 0:
			return fmt.Errorf("entity %q would have %d documents: store is inconsistent (run Verify)", name, rec.Documents)
		case rec.Documents == 0:
			err = txn.Delete(k)
		default:
			err = txn.Set(k, rec.append(nil))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func binaryCount(n int64) []byte {
	return binary.AppendUvarint(nil, uint64(n))
}

// getValue calls fn with the value of k, or returns an error wrapping
// ErrNotFound.
func getValue(txn *badger.Txn, k []byte, fn func([]byte) error) error {
	item, err := txn.Get(k)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	return item.Value(fn)
}

// getDocument reads a document record.
func getDocument(txn *badger.Txn, id string) (DocumentInfo, error) {
	var info DocumentInfo
	err := getValue(txn, key(tableDoc, id), func(v []byte) error { return json.Unmarshal(v, &info) })
	if err != nil {
		return DocumentInfo{}, fmt.Errorf("document %q: %w", id, err)
	}
	return info, nil
}
