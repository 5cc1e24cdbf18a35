package storage

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kg/graph"
)

// lookup returns the names a lookup of name finds: those resolve finds,
// and with each person the surname that names it. Extraction keeps a
// surname that a document uses alone ("Trump") as a PERSON of its own,
// beside the person another document names in full and then by that
// surname ("Donald Trump", alias "Trump"); a lookup of either finds both
// when the surname names one person across the store (see surnameOf). The
// store is not changed, so the grouping follows it: a second person as
// often called by that surname ends it. kg entities merge makes one
// permanent, split undoes it.
func lookup(ctx context.Context, txn *badger.Txn, name string) ([]string, error) {
	names, err := resolve(ctx, txn, name)
	if err != nil || len(names) == 0 {
		return names, err
	}
	out := slices.Clone(names)
	for _, n := range names {
		more, err := surnameGroup(ctx, txn, n)
		if err != nil {
			return nil, fmt.Errorf("surname of %q: %w", n, err)
		}
		out = append(out, more...)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// surnameGroup returns the other names of a person's surname group: the
// person a surname PERSON names, or the surname PERSON of a person.
func surnameGroup(ctx context.Context, txn *badger.Txn, name string) ([]string, error) {
	words := strings.Fields(graph.Fold(name))
	if len(words) == 0 {
		return nil, nil
	}
	if _, person, err := personDocs(txn, name); err != nil || !person {
		return nil, err
	}
	alone, full, err := surnameOf(ctx, txn, words[len(words)-1])
	switch {
	case err != nil || full == "":
		return nil, err
	case len(words) == 1 && slices.Contains(alone, name):
		return []string{full}, nil
	case full == name:
		return alone, nil
	}
	return nil, nil
}

// surnameOf returns the PERSONs named by the folded word surname alone,
// and the one person of longer name that the surname names across the
// store, or "": of the persons whose name ends with the surname and whose
// documents call them by it alone, the one with at least three quarters of
// those documents. Noise ("Former Trump") and a relative named once do
// not outweigh the person; two persons often called so (Bill and Hillary
// Clinton) leave the surname to neither. It reads the fold table's keys
// for the surname, no more.
func surnameOf(ctx context.Context, txn *badger.Txn, surname string) (alone []string, full string, err error) {
	var seen []string
	best, total := 0, 0
	err = each(ctx, txn, prefix(tableFold, surname), false, func(k []byte, _ *badger.Item) error {
		_, n, err := split2(k)
		if err != nil || slices.Contains(seen, n) {
			return err
		}
		seen = append(seen, n)
		words := strings.Fields(graph.Fold(n))
		if len(words) == 0 || words[len(words)-1] != surname {
			return nil // an alias: "Donald" of Donald Trump
		}
		docs, person, err := personDocs(txn, n)
		switch {
		case err != nil || !person:
			return err
		case len(words) == 1:
			alone = append(alone, n)
			return nil
		}
		total += docs
		if docs > best {
			best, full = docs, n
		}
		return nil
	})
	if err != nil || 4*best < 3*total {
		return nil, "", err
	}
	return alone, full, nil
}

// personDocs returns the number of documents naming the entity name and
// whether it is a PERSON, by the type most of them give it.
func personDocs(txn *badger.Txn, name string) (int, bool, error) {
	item, err := txn.Get(key(tableEntity, name))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	var rec entityRecord
	if err := item.Value(rec.decode); err != nil {
		return 0, false, fmt.Errorf("entity %q: %w", name, err)
	}
	return rec.Documents, rec.typ() == graph.Person, nil
}
