package storage

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kg/graph"
)

// checkEvery is how many keys a scan reads between looks at its context.
const checkEvery = 1024

// HasDocument reports whether doc is stored as it is: its id with its
// hash, language and extraction fingerprint, so that storing it again
// would change nothing.
func (s *Store) HasDocument(ctx context.Context, doc graph.Document) (bool, error) {
	info, err := s.Document(ctx, doc.ID)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return same(info.Document, doc), nil
}

// same reports whether a stored document and a new version of it hold
// the same text read the same way. A document stored before kg kept
// fingerprints has none, so it is extracted again once.
func same(stored, doc graph.Document) bool {
	return stored.Hash == doc.Hash && stored.Lang == doc.Lang && stored.Extraction == doc.Extraction
}

// Document returns the stored document id, or an error wrapping
// ErrNotFound.
func (s *Store) Document(ctx context.Context, id string) (DocumentInfo, error) {
	if err := ctx.Err(); err != nil {
		return DocumentInfo{}, fmt.Errorf("document %q: %w", id, err)
	}
	var info DocumentInfo
	err := s.db.View(func(txn *badger.Txn) (err error) {
		info, err = getDocument(txn, id)
		return err
	})
	return info, err
}

// Documents calls fn for every stored document in order of id, stopping
// at the first error, which it returns.
func (s *Store) Documents(ctx context.Context, fn func(DocumentInfo) error) error {
	return s.db.View(func(txn *badger.Txn) error {
		return eachDocument(ctx, txn, fn)
	})
}

func eachDocument(ctx context.Context, txn *badger.Txn, fn func(DocumentInfo) error) error {
	return each(ctx, txn, prefix(tableDoc), true, func(k []byte, item *badger.Item) error {
		var info DocumentInfo
		if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &info) }); err != nil {
			return fmt.Errorf("document %q: %w", k[1:], err)
		}
		return fn(info)
	})
}

// each calls fn with every key starting with pre, in order, and its item.
// The key is valid only during the call.
func each(ctx context.Context, txn *badger.Txn, pre []byte, values bool, fn func(k []byte, item *badger.Item) error) error {
	it := txn.NewIterator(badger.IteratorOptions{Prefix: pre, PrefetchValues: values, PrefetchSize: 64})
	defer it.Close()
	n := 0
	for it.Rewind(); it.Valid(); it.Next() {
		if n++; n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		item := it.Item()
		if err := fn(item.Key(), item); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Pattern selects triples. An empty field matches anything. Subject and
// Object match the canonical names that Resolve returns for them, so they
// are case- and accent-insensitive and match aliases; Predicate matches
// predicates equal to it after graph.Fold.
type Pattern struct {
	Subject, Predicate, Object string
}

func (p Pattern) String() string {
	f := func(s string) string {
		if s == "" {
			return "*"
		}
		return fmt.Sprintf("%q", s)
	}
	return "(" + f(p.Subject) + ", " + f(p.Predicate) + ", " + f(p.Object) + ")"
}

// hit is one stored triple found by a scan.
type hit struct {
	key  tripleKey
	item *badger.Item // the s item, nil until needed when scanning p or o
	txn  *badger.Txn
}

func (h *hit) evidence() (evidence, error) {
	if h.item == nil {
		item, err := h.txn.Get(h.key.appendKey(nil, tableSPO))
		if err != nil {
			return evidence{}, fmt.Errorf("triple %v of document %q: %w", h.key.relation(), h.key.Doc, err)
		}
		h.item = item
	}
	var e evidence
	if err := h.item.Value(e.decode); err != nil {
		return evidence{}, fmt.Errorf("triple %v of document %q: %w", h.key.relation(), h.key.Doc, err)
	}
	return e, nil
}

// match calls fn for every stored triple matching p, in the order of the
// index the pattern selects (see plan).
func (s *Store) match(ctx context.Context, txn *badger.Txn, p Pattern, fn func(*hit) error) error {
	subjects, err := resolveField(ctx, txn, p.Subject)
	if err != nil {
		return err
	}
	objects, err := resolveField(ctx, txn, p.Object)
	if err != nil {
		return err
	}
	preds := []string{""}
	if p.Predicate != "" {
		if preds, err = predicates(ctx, txn, p.Predicate); err != nil {
			return fmt.Errorf("predicate %q: %w", p.Predicate, err)
		}
	}
	for _, sub := range subjects {
		for _, pred := range preds {
			for _, obj := range objects {
				if err := scan(ctx, txn, Select{sub, pred, obj}, fn); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// resolveField returns the names a pattern field stands for: [""] (any)
// for an empty field, else its resolutions, possibly none.
func resolveField(ctx context.Context, txn *badger.Txn, name string) ([]string, error) {
	if name == "" {
		return []string{""}, nil
	}
	names, err := lookup(ctx, txn, name)
	if err != nil {
		return nil, fmt.Errorf("resolve %q: %w", name, err)
	}
	return names, nil
}

// Triples calls fn for every stored triple matching p, stopping at the
// first error, which it returns. Triples come in the order of the index
// the pattern selects: by subject, predicate, object when the subject is
// bound or nothing is; by predicate, object, subject when only the
// predicate is bound or the predicate and the object; by object, subject,
// predicate otherwise. Within one relation they are in order of document
// id and position in the document.
func (s *Store) Triples(ctx context.Context, p Pattern, fn func(graph.Triple) error) error {
	return s.db.View(func(txn *badger.Txn) error {
		return s.match(ctx, txn, p, func(h *hit) error {
			e, err := h.evidence()
			if err != nil {
				return err
			}
			return fn(e.triple(h.key))
		})
	})
}

// Edges returns the relations matching p, each once with the number of
// distinct documents stating it as Support, of their sources (see Site)
// as Sources and their first and last dates, sorted by support (most
// first), then subject, predicate, object, and asserted before negated.
// The types and modality of an edge are those of its first triple in
// document order. With evidence, each edge lists every triple stating it,
// with its document's title, date and URL.
func (s *Store) Edges(ctx context.Context, p Pattern, evidence bool) ([]graph.Edge, error) {
	return s.EdgesWhere(ctx, p, graph.Filter{}, evidence)
}

// EdgesWhere is Edges counting only the triples that pass f: a relation
// none of whose triples passes is left out, and the others' support,
// sources, dates, types, modality and evidence are those of the triples
// that pass. f's Predicates, Types and MinSupport then apply to those
// edges, as in graph.Filter.Apply.
func (s *Store) EdgesWhere(ctx context.Context, p Pattern, f graph.Filter, evidence bool) ([]graph.Edge, error) {
	var edges []graph.Edge
	err := s.db.View(func(txn *badger.Txn) error {
		docs := newDocCache(txn, s.meta)
		if p == (Pattern{}) {
			if err := docs.loadAll(ctx); err != nil {
				return err
			}
		}
		b := newEdgeBuilder(docs, f, evidence)
		err := s.match(ctx, txn, p, b.add)
		edges = b.edges
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("edges %v: %w", p, err)
	}
	edges = slices.DeleteFunc(edges, func(e graph.Edge) bool { return !f.KeepsEdge(e) })
	slices.SortFunc(edges, func(a, b graph.Edge) int {
		return cmp.Or(cmp.Compare(b.Support, a.Support), graph.CompareEdges(a, b))
	})
	return edges, nil
}

// Resolve returns, sorted, the canonical names of the entities whose name
// or an alias equals name after graph.Fold, else of those whose name ends
// with it as whole words ("Lavrov" → Sergei Lavrov); with each person its
// surname PERSON, or each surname PERSON its person, when the surname is
// the last word of exactly one person's name in the store ("Donald Trump"
// → Donald Trump and Trump). Patterns (Edges, Triples) match the same.
func (s *Store) Resolve(ctx context.Context, name string) ([]string, error) {
	var names []string
	err := s.db.View(func(txn *badger.Txn) (err error) {
		names, err = lookup(ctx, txn, name)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("resolve %q: %w", name, err)
	}
	return names, nil
}

func resolve(ctx context.Context, txn *badger.Txn, name string) ([]string, error) {
	f := graph.Fold(name)
	if f == "" {
		return nil, nil
	}
	names := []string{}
	err := each(ctx, txn, prefix(tableFold, f), false, func(k []byte, _ *badger.Item) error {
		_, n, err := split2(k)
		names = append(names, n)
		return err
	})
	if err != nil || len(names) > 0 {
		return names, err
	}
	// No name or alias is exactly that: take those that end with it as
	// whole words, so that a surname finds the person ("Lavrov" → Sergei
	// Lavrov), as the evaluation of the spec matches names.
	seen := map[string]bool{}
	suffix := []byte(" " + f + "\x00")
	err = each(ctx, txn, prefix(tableFold), false, func(k []byte, _ *badger.Item) error {
		// Test the bytes before making strings: this reads every key of
		// the table.
		i := bytes.IndexByte(k, 0)
		if i < 0 {
			return fmt.Errorf("key %q: %w", k, errBadKey)
		}
		if !bytes.HasSuffix(k[:i+1], suffix) {
			return nil
		}
		if n := string(k[i+1:]); !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
		return nil
	})
	sort.Strings(names)
	return names, err
}

// EntityStat is an entity with what the store knows about it.
type EntityStat struct {
	graph.Entity
	// Mentions is the number of stored triples naming the entity as
	// subject or object (a triple naming it twice counts once).
	Mentions int `json:"mentions"`
	// Documents is the number of documents naming it, in a triple or in
	// their entity list.
	Documents int `json:"documents"`
	// Triples is the number of distinct relations (edges: subject,
	// predicate, object, negated) naming it: its degree in the graph.
	Triples int `json:"relations"`
}

// Entity returns the entity named name: the entity whose canonical name
// is name, else the only one Resolve(name) finds. It returns an error
// wrapping ErrNotFound if there is none and ErrAmbiguous if there are
// several. The entity's type is the one most documents give it; its
// aliases are the surface forms documents gave, sorted.
func (s *Store) Entity(ctx context.Context, name string) (EntityStat, error) {
	var st EntityStat
	err := s.db.View(func(txn *badger.Txn) error {
		canon := name
		item, err := txn.Get(key(tableEntity, name))
		if errors.Is(err, badger.ErrKeyNotFound) {
			var names []string
			names, err = resolve(ctx, txn, name)
			if err != nil {
				return err
			}
			switch len(names) {
			case 0:
				return ErrNotFound
			case 1:
				canon = names[0]
			default:
				return fmt.Errorf("%w: could be %s", ErrAmbiguous, strings.Join(names, ", "))
			}
			item, err = txn.Get(key(tableEntity, canon))
		}
		if err != nil {
			return err
		}
		var rec entityRecord
		if err := item.Value(rec.decode); err != nil {
			return err
		}
		st, err = entityStat(ctx, txn, canon, rec)
		return err
	})
	if err != nil {
		return EntityStat{}, fmt.Errorf("entity %q: %w", name, err)
	}
	return st, nil
}

// Entities calls fn for every entity of type typ ("" for any), in order
// of name, stopping at the first error, which it returns.
func (s *Store) Entities(ctx context.Context, typ graph.EntityType, fn func(EntityStat) error) error {
	return s.db.View(func(txn *badger.Txn) error {
		return each(ctx, txn, prefix(tableEntity), true, func(k []byte, item *badger.Item) error {
			name := string(k[1:])
			var rec entityRecord
			if err := item.Value(rec.decode); err != nil {
				return fmt.Errorf("entity %q: %w", name, err)
			}
			if typ != "" && rec.typ() != typ {
				return nil
			}
			st, err := entityStat(ctx, txn, name, rec)
			if err != nil {
				return err
			}
			return fn(st)
		})
	})
}

// entityStat completes an entity record with its aliases and degree.
func entityStat(ctx context.Context, txn *badger.Txn, name string, rec entityRecord) (EntityStat, error) {
	st := EntityStat{
		Entity:    graph.Entity{Name: name, Type: rec.typ()},
		Mentions:  rec.Mentions,
		Documents: rec.Documents,
	}
	err := each(ctx, txn, prefix(tableAlias, name), false, func(k []byte, _ *badger.Item) error {
		_, a, err := split2(k)
		st.Entity.Aliases = append(st.Entity.Aliases, a)
		return err
	})
	if err != nil {
		return EntityStat{}, fmt.Errorf("aliases of %q: %w", name, err)
	}
	// Count relations as subject, then as object of a relation whose
	// subject is another entity.
	for _, table := range []byte{tableSPO, tableOSP} {
		var last []byte
		err := each(ctx, txn, prefix(table, name), false, func(k []byte, _ *badger.Item) error {
			rel := relationPrefix(k)
			if rel == nil {
				return fmt.Errorf("key %q: %w", k, errBadKey)
			}
			if bytes.Equal(rel, last) {
				return nil
			}
			last = append(last[:0], rel...)
			if table == tableOSP && bytes.HasPrefix(rel[1+len(name)+1:], append([]byte(name), 0)) {
				return nil // subject is the entity too: counted in s
			}
			st.Triples++
			return nil
		})
		if err != nil {
			return EntityStat{}, fmt.Errorf("relations of %q: %w", name, err)
		}
	}
	return st, nil
}

// relationPrefix returns the part of a triple key naming the relation:
// the table, three names and the negation byte.
func relationPrefix(k []byte) []byte {
	n := 1
	for range 3 {
		i := bytes.IndexByte(k[n:], 0)
		if i < 0 {
			return nil
		}
		n += i + 1
	}
	if n >= len(k) {
		return nil
	}
	return k[:n+1]
}

// Stats summarises a store.
type Stats struct {
	Documents int            `json:"documents"` // stored documents
	Extracted int            `json:"extracted"` // documents not skipped (see PutSkipped)
	Triples   int            `json:"triples"`   // stored triples (mentions)
	Edges     int            `json:"relations"` // distinct relations (subject, predicate, object, negated)
	Entities  int            `json:"entities"`
	ByLang    map[string]int `json:"by_lang"` // documents per language ("" if unknown)
	// ByPredicate is the number of triples per predicate.
	ByPredicate  map[string]int           `json:"by_predicate"`
	ByEntityType map[graph.EntityType]int `json:"by_entity_type"` // entities per type
	// SizeBytes is the disk space the store's files use; 0 in memory.
	SizeBytes int64 `json:"size_bytes"`
}

// Stats counts what the store holds, reading every key.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{
		ByLang:       make(map[string]int),
		ByPredicate:  make(map[string]int),
		ByEntityType: make(map[graph.EntityType]int),
	}
	err := s.db.View(func(txn *badger.Txn) error {
		err := eachDocument(ctx, txn, func(info DocumentInfo) error {
			st.Documents++
			if info.Skipped == "" {
				st.Extracted++
			}
			st.ByLang[info.Lang]++
			return nil
		})
		if err != nil {
			return err
		}
		var last []byte
		err = each(ctx, txn, prefix(tableSPO), false, func(k []byte, _ *badger.Item) error {
			rel := relationPrefix(k)
			if rel == nil {
				return fmt.Errorf("key %q: %w", k, errBadKey)
			}
			st.Triples++
			if !bytes.Equal(rel, last) {
				st.Edges++
				last = append(last[:0], rel...)
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = each(ctx, txn, prefix(tablePredicate), true, func(k []byte, item *badger.Item) error {
			_, pred, err := split2(k)
			if err != nil {
				return fmt.Errorf("key %q: %w", k, err)
			}
			return item.Value(func(v []byte) error {
				n, err := decodeCount(v)
				st.ByPredicate[pred] += int(n)
				return err
			})
		})
		if err != nil {
			return err
		}
		return each(ctx, txn, prefix(tableEntity), true, func(k []byte, item *badger.Item) error {
			var rec entityRecord
			if err := item.Value(rec.decode); err != nil {
				return fmt.Errorf("entity %q: %w", k[1:], err)
			}
			st.Entities++
			st.ByEntityType[rec.typ()]++
			return nil
		})
	})
	if err != nil {
		return Stats{}, fmt.Errorf("stats of store %s: %w", s.dir, err)
	}
	if !s.inMemory {
		st.SizeBytes, err = DiskUsage(s.dir)
		if err != nil {
			return Stats{}, fmt.Errorf("stats of store %s: %w", s.dir, err)
		}
	}
	return st, nil
}

// DiskUsage returns the space the files below dir (a store) occupy.
// Badger's memtable and value log files are sparse while open, so their
// apparent size would overstate it by hundreds of megabytes.
func DiskUsage(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		n += allocated(fi)
		return nil
	})
	return n, err
}
