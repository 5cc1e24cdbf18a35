package storage

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/dgraph-io/badger/v4"
)

// Dump writes every record of the store to w in key order, one a line:
// the key and the value as Go-quoted strings separated by a tab. Two
// stores holding the same records give the same bytes, whatever order
// their documents were written in or how Badger laid out its files: what
// tests compare to tell that two ways of building a store agree.
func (s *Store) Dump(ctx context.Context, w io.Writer) error {
	bw := bufio.NewWriter(w)
	err := s.db.View(func(txn *badger.Txn) error {
		var line []byte
		return each(ctx, txn, nil, true, func(k []byte, item *badger.Item) error {
			return item.Value(func(v []byte) error {
				line = strconv.AppendQuote(line[:0], string(k))
				line = append(line, '\t')
				line = strconv.AppendQuote(line, string(v))
				line = append(line, '\n')
				_, err := bw.Write(line)
				return err
			})
		})
	})
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("dump store %s: %w", s.dir, err)
	}
	return nil
}
