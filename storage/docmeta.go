package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kg/graph"
)

// Site returns the source of a document that graph.Edge.Sources counts:
// the host of its URL, lower-cased and without "www."; for a document
// without one, the part of its id before the first ':'
// ("reuters21578:42" → "reuters21578"), else before the first '/' (the
// folder of a file), else the whole id.
func Site(doc graph.Document) string { return site(doc.ID, doc.URL) }

func site(id, rawURL string) string {
	if h := host(rawURL); h != "" {
		return h
	}
	if i := strings.IndexByte(id, ':'); i > 0 {
		return id[:i]
	}
	if i := strings.IndexByte(id, '/'); i > 0 {
		return id[:i]
	}
	return id
}

// host returns the host of an absolute URL, lower-cased and without
// "www.", or "". It reads "scheme://host" itself, url.Parse being ten
// times slower on every document of a query.
func host(rawURL string) string {
	i := strings.Index(rawURL, "://")
	if i <= 0 {
		return ""
	}
	h := rawURL[i+3:]
	if j := strings.IndexAny(h, "/?#"); j >= 0 {
		h = h[:j]
	}
	if j := strings.LastIndexByte(h, '@'); j >= 0 {
		h = h[j+1:]
	}
	if strings.HasPrefix(h, "[") {
		if u, err := url.Parse(rawURL); err == nil {
			return strings.ToLower(u.Hostname()) // IPv6
		}
		return ""
	}
	if j := strings.LastIndexByte(h, ':'); j >= 0 {
		h = h[:j]
	}
	return strings.TrimPrefix(strings.ToLower(h), "www.")
}

// docMeta is what relations need of a document: its date and site.
type docMeta struct{ date, site string }

// metaCache keeps documents' dates and sites for every snapshot of a
// read-only store, whose documents cannot change while it is open: a
// process answering many queries reads each document once. It grows to
// some 80 bytes a document read.
type metaCache struct {
	mu sync.Mutex
	m  map[string]docMeta
}

// docCache reads document records once per query, or once per process
// with a shared metaCache.
type docCache struct {
	txn    *badger.Txn
	m      map[string]docMeta
	shared *metaCache // nil unless the store is read-only
}

func newDocCache(txn *badger.Txn, shared *metaCache) *docCache {
	return &docCache{txn: txn, m: make(map[string]docMeta), shared: shared}
}

func (c *docCache) get(id string) (docMeta, error) {
	if m, ok := c.m[id]; ok {
		return m, nil
	}
	if c.shared != nil {
		c.shared.mu.Lock()
		m, ok := c.shared.m[id]
		c.shared.mu.Unlock()
		if ok {
			c.m[id] = m
			return m, nil
		}
	}
	var date, u string
	err := getValue(c.txn, key(tableDoc, id), func(v []byte) (err error) {
		date, u, err = dateAndURL(v)
		return err
	})
	if err != nil {
		return docMeta{}, fmt.Errorf("document %q: %w", id, err)
	}
	m := docMeta{date: date, site: site(id, u)}
	c.put(id, m)
	return m, nil
}

func (c *docCache) put(id string, m docMeta) {
	c.m[id] = m
	if c.shared != nil {
		c.shared.mu.Lock()
		c.shared.m[id] = m
		c.shared.mu.Unlock()
	}
}

// dateAndURL reads the date and url of a document record (JSON). It
// walks the record's top-level fields without decoding the others, four
// times faster than json.Unmarshal into a struct of the two, which
// matters to a query over the whole store, reading every document.
func dateAndURL(rec []byte) (date, u string, err error) {
	bad := func() (string, string, error) { return "", "", fmt.Errorf("document record: %w", errBadValue) }
	i := skipSpace(rec, 0)
	if i == len(rec) || rec[i] != '{' {
		return bad()
	}
	i++
	for found := 0; found < 2; {
		i = skipSpace(rec, i)
		if i < len(rec) && rec[i] == '}' {
			break
		}
		if i == len(rec) || rec[i] != '"' {
			return bad()
		}
		end := stringEnd(rec, i)
		if end < 0 {
			return bad()
		}
		name := string(rec[i+1 : end-1])
		i = skipSpace(rec, end)
		if i == len(rec) || rec[i] != ':' {
			return bad()
		}
		i = skipSpace(rec, i+1)
		end = valueEnd(rec, i)
		if end < 0 {
			return bad()
		}
		if name == "date" || name == "url" {
			v := rec[i:end]
			var s string
			if bytes.IndexByte(v, '\\') < 0 && len(v) >= 2 && v[0] == '"' {
				s = string(v[1 : len(v)-1])
			} else if err := json.Unmarshal(v, &s); err != nil {
				return "", "", fmt.Errorf("document record: %s: %w", name, err)
			}
			if name == "date" {
				date = s
			} else {
				u = s
			}
			found++
		}
		i = skipSpace(rec, end)
		if i < len(rec) && rec[i] == ',' {
			i++
		}
	}
	return date, u, nil
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the index after the JSON string starting at b[i], or
// -1.
func stringEnd(b []byte, i int) int {
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// valueEnd returns the index after the JSON value starting at b[i], or
// -1.
func valueEnd(b []byte, i int) int {
	if i == len(b) {
		return -1
	}
	switch b[i] {
	case '"':
		return stringEnd(b, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				if j = stringEnd(b, j); j < 0 {
					return -1
				}
				j--
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	}
	j := i
	for j < len(b) && b[j] != ',' && b[j] != '}' && b[j] != ']' && b[j] != ' ' && b[j] != '\n' {
		j++
	}
	return j
}

// loadAll reads every document record, in one pass over the table: for
// a query over the whole store, faster than looking each up.
func (c *docCache) loadAll(ctx context.Context) error {
	return each(ctx, c.txn, prefix(tableDoc), false, func(k []byte, item *badger.Item) error {
		id := string(k[1:])
		return item.Value(func(v []byte) error {
			date, u, err := dateAndURL(v)
			if err != nil {
				return fmt.Errorf("document %q: %w", id, err)
			}
			c.put(id, docMeta{date: date, site: site(id, u)})
			return nil
		})
	})
}
