// Key layout.
//
// Every key starts with one byte naming its table. Strings inside a key
// are terminated by 0x00, which is why names, predicates and document ids
// may not contain NUL (PutDocument refuses them). A prefix made of leading
// terminated fields therefore never matches a longer name: "s" "Paris" 0x00
// does not match "Paris Hilton".
//
//	V format                          → format version, decimal ASCII ("1")
//	d <doc>                           → DocumentInfo as JSON (no text)
//	x <doc>                           → the document's triples as (S, P, O, negated) tuples, in order
//	c <doc>                           → the document's entity contributions (name, type, mentions, aliases)
//	s <S>0<P>0<O>0<n><doc>0<seq>      → evidence of one triple (types, modality, sentence, span, ...)
//	p <P>0<O>0<S>0<n><doc>0<seq>      → empty
//	o <O>0<S>0<P>0<n><doc>0<seq>      → empty
//	e <name>                          → entity record: documents, mentions, documents per type
//	A <name>0<alias>                  → number of documents giving that surface alias
//	a <Fold(form)>0<name>             → number of documents naming the entity by a form folding to this
//	q <Fold(P)>0<P>                   → number of triples with predicate P
//	u <doc>                           → the document's entity and triple names as extracted, when merge rules renamed some
//	m <name>                          → merge rule: the entity is stored as another (JSON Merge)
//	l <seq>                           → log of merges and splits, seq 8 bytes big-endian (JSON LogEntry)
//
// <n> is '0' or '1' (negated) and <seq> is the triple's index in its
// document as 4 bytes big-endian, so a document's mentions of one relation
// sort in document order and two identical triples of one document stay
// two. s, p and o hold the same keys in three orders so that every
// subject/predicate/object pattern is a prefix scan (see plan); only s
// holds a value, p and o point at it. Records whose key starts with a
// document id (x, c) exist so a document can be retracted without a scan.
// The counters (e, A, a, q) are kept in the same transaction as the
// triples, so they always agree with them; Verify recomputes them.

package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
)

// Table bytes.
const (
	tableMeta        = 'V'
	tableDoc         = 'd'
	tableDocTriples  = 'x'
	tableDocEntities = 'c'
	tableSPO         = 's'
	tablePOS         = 'p'
	tableOSP         = 'o'
	tableEntity      = 'e'
	tableAlias       = 'A'
	tableFold        = 'a'
	tablePredicate   = 'q'
	tableExtracted   = 'u'
	tableMerge       = 'm'
	tableLog         = 'l'
)

// formatVersion is the layout written by this code. Bump it when the
// layout changes incompatibly; Open refuses stores with a newer one.
const formatVersion = 1

var errBadKey = errors.New("malformed key")

// versionKey returns the key of the format version.
func versionKey() []byte { return []byte{tableMeta, 'f', 'o', 'r', 'm', 'a', 't'} }

// key returns table followed by fields, each but the last terminated by
// 0x00.
func key(table byte, fields ...string) []byte {
	n := len(fields)
	for _, f := range fields {
		n += len(f)
	}
	b := make([]byte, 0, n)
	b = append(b, table)
	for i, f := range fields {
		if i > 0 {
			b = append(b, 0)
		}
		b = append(b, f...)
	}
	return b
}

// prefix returns table followed by the given fields, each terminated by
// 0x00: the prefix of every key whose leading fields are exactly these.
func prefix(table byte, fields ...string) []byte {
	b := []byte{table}
	for _, f := range fields {
		b = append(b, f...)
		b = append(b, 0)
	}
	return b
}

// split2 splits a key of the form table a 0 b into a and b.
func split2(k []byte) (a, b string, err error) {
	i := bytes.IndexByte(k[1:], 0)
	if len(k) < 2 || i < 0 {
		return "", "", errBadKey
	}
	return string(k[1 : 1+i]), string(k[2+i:]), nil
}

// tripleKey names one stored triple: a relation, the document stating it
// and the triple's index in that document.
type tripleKey struct {
	S, P, O string
	Neg     bool
	Doc     string
	Seq     uint32
}

// relation is the (subject, predicate, object, negated) part of a triple.
type relation struct {
	S, P, O string
	Neg     bool
}

func (k tripleKey) relation() relation { return relation{k.S, k.P, k.O, k.Neg} }

// order returns the three names in the order of table.
func (k tripleKey) order(table byte) (a, b, c string) {
	switch table {
	case tablePOS:
		return k.P, k.O, k.S
	case tableOSP:
		return k.O, k.S, k.P
	}
	return k.S, k.P, k.O
}

// appendKey appends the key of k in table (tableSPO, tablePOS or tableOSP).
func (k tripleKey) appendKey(b []byte, table byte) []byte {
	x, y, z := k.order(table)
	b = append(b, table)
	b = append(b, x...)
	b = append(b, 0)
	b = append(b, y...)
	b = append(b, 0)
	b = append(b, z...)
	b = append(b, 0)
	if k.Neg {
		b = append(b, '1')
	} else {
		b = append(b, '0')
	}
	b = append(b, k.Doc...)
	b = append(b, 0)
	return binary.BigEndian.AppendUint32(b, k.Seq)
}

// parseTripleKey reads a key of tableSPO, tablePOS or tableOSP.
func parseTripleKey(b []byte) (tripleKey, error) {
	if len(b) < 1 {
		return tripleKey{}, errBadKey
	}
	table := b[0]
	rest := b[1:]
	var f [3]string
	for i := range f {
		j := bytes.IndexByte(rest, 0)
		if j < 0 {
			return tripleKey{}, errBadKey
		}
		f[i] = string(rest[:j])
		rest = rest[j+1:]
	}
	if len(rest) < 1+1+4 || (rest[0] != '0' && rest[0] != '1') {
		return tripleKey{}, errBadKey
	}
	neg := rest[0] == '1'
	rest = rest[1:]
	j := bytes.IndexByte(rest, 0)
	if j < 0 || len(rest)-j-1 != 4 {
		return tripleKey{}, errBadKey
	}
	k := tripleKey{Neg: neg, Doc: string(rest[:j]), Seq: binary.BigEndian.Uint32(rest[j+1:])}
	switch table {
	case tableSPO:
		k.S, k.P, k.O = f[0], f[1], f[2]
	case tablePOS:
		k.P, k.O, k.S = f[0], f[1], f[2]
	case tableOSP:
		k.O, k.S, k.P = f[0], f[1], f[2]
	default:
		return tripleKey{}, errBadKey
	}
	return k, nil
}

// plan returns the table and key prefix that find the triples whose bound
// fields ("" = unbound) equal s, p and o: the table whose key starts with
// every bound field, so the scan reads only matching triples.
//
//	bound     table  prefix
//	S P O     s      S P O
//	S P       s      S P
//	S   O     o      O S
//	S         s      S
//	  P O     p      P O
//	  P       p      P
//	    O     o      O
//	(none)    s      (all)
func plan(s, p, o string) (table byte, pre []byte) {
	switch {
	case s != "" && p != "" && o != "":
		return tableSPO, prefix(tableSPO, s, p, o)
	case s != "" && p != "":
		return tableSPO, prefix(tableSPO, s, p)
	case s != "" && o != "":
		return tableOSP, prefix(tableOSP, o, s)
	case s != "":
		return tableSPO, prefix(tableSPO, s)
	case p != "" && o != "":
		return tablePOS, prefix(tablePOS, p, o)
	case p != "":
		return tablePOS, prefix(tablePOS, p)
	case o != "":
		return tableOSP, prefix(tableOSP, o)
	}
	return tableSPO, prefix(tableSPO)
}

// hasNUL reports whether s cannot be a key field.
func hasNUL(s string) bool { return strings.IndexByte(s, 0) >= 0 }
