package storage

import (
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/kgraph/kg/graph"
)

// Values other than document records use a small length-prefixed binary
// encoding: strings as uvarint length and bytes, counts as uvarints. It is
// about five times faster than encoding/json on the evidence records read
// by every query (see BenchmarkEvidenceCodec) and half the size.

var errBadValue = errors.New("malformed value")

// evidenceVersion leads every evidence record so that fields can be added.
const evidenceVersion = 1

// evidence is what the s table holds for one triple: everything but the
// names, the document and the sequence number, which are in the key.
type evidence struct {
	SubjectType graph.EntityType
	ObjectType  graph.EntityType
	Modality    graph.Modality
	Sentence    string
	Span        graph.Span
	Lang        string
	Confidence  float64
	Source      string
	Attribution string
}

func evidenceOf(t graph.Triple) evidence {
	return evidence{
		SubjectType: t.SubjectType,
		ObjectType:  t.ObjectType,
		Modality:    t.Modality,
		Sentence:    t.Sentence,
		Span:        t.Span,
		Lang:        t.Lang,
		Confidence:  t.Confidence,
		Source:      t.Source,
		Attribution: t.Attribution,
	}
}

// triple returns the stored triple k with this evidence.
func (e evidence) triple(k tripleKey) graph.Triple {
	return graph.Triple{
		Subject:     k.S,
		SubjectType: e.SubjectType,
		Predicate:   k.P,
		Object:      k.O,
		ObjectType:  e.ObjectType,
		Negated:     k.Neg,
		Modality:    e.Modality,
		Doc:         k.Doc,
		Sentence:    e.Sentence,
		Span:        e.Span,
		Lang:        e.Lang,
		Confidence:  e.Confidence,
		Source:      e.Source,
		Attribution: e.Attribution,
	}
}

func (e evidence) append(b []byte) []byte {
	b = append(b, evidenceVersion)
	b = appendString(b, string(e.SubjectType))
	b = appendString(b, string(e.ObjectType))
	b = appendString(b, string(e.Modality))
	b = appendString(b, e.Sentence)
	b = binary.AppendVarint(b, int64(e.Span.Start))
	b = binary.AppendVarint(b, int64(e.Span.End))
	b = appendString(b, e.Lang)
	b = binary.BigEndian.AppendUint64(b, math.Float64bits(e.Confidence))
	b = appendString(b, e.Source)
	return appendString(b, e.Attribution)
}

func (e *evidence) decode(b []byte) error {
	d := decoder{b: b}
	if v := d.byte(); v != evidenceVersion && d.err == nil {
		return fmt.Errorf("evidence record version %d: %w", v, errBadValue)
	}
	e.SubjectType = graph.EntityType(d.string())
	e.ObjectType = graph.EntityType(d.string())
	e.Modality = graph.Modality(d.string())
	e.Sentence = d.string()
	e.Span.Start = int(d.varint())
	e.Span.End = int(d.varint())
	e.Lang = d.string()
	e.Confidence = math.Float64frombits(d.uint64())
	e.Source = d.string()
	e.Attribution = d.string()
	return d.done()
}

// appendRelations encodes the x record: a document's triples in order.
func appendRelations(b []byte, rs []relation) []byte {
	b = binary.AppendUvarint(b, uint64(len(rs)))
	for _, r := range rs {
		b = appendString(b, r.S)
		b = appendString(b, r.P)
		b = appendString(b, r.O)
		b = appendBool(b, r.Neg)
	}
	return b
}

func decodeRelations(b []byte) ([]relation, error) {
	d := decoder{b: b}
	n := d.count()
	rs := make([]relation, 0, n)
	for range n {
		rs = append(rs, relation{S: d.string(), P: d.string(), O: d.string(), Neg: d.byte() == 1})
	}
	return rs, d.done()
}

// contribution is what one document says about one entity.
type contribution struct {
	Name     string
	Type     graph.EntityType
	Mentions int // triples of the document naming the entity
	Aliases  []string
}

// folds returns the distinct folded forms under which the contribution
// makes the entity resolvable.
func (c contribution) folds() []string {
	fs := []string{graph.Fold(c.Name)}
	for _, a := range c.Aliases {
		f := graph.Fold(a)
		dup := false
		for _, g := range fs {
			dup = dup || g == f
		}
		if !dup {
			fs = append(fs, f)
		}
	}
	return fs
}

// appendContributions encodes the c record.
func appendContributions(b []byte, cs []contribution) []byte {
	b = binary.AppendUvarint(b, uint64(len(cs)))
	for _, c := range cs {
		b = appendString(b, c.Name)
		b = appendString(b, string(c.Type))
		b = binary.AppendUvarint(b, uint64(c.Mentions))
		b = binary.AppendUvarint(b, uint64(len(c.Aliases)))
		for _, a := range c.Aliases {
			b = appendString(b, a)
		}
	}
	return b
}

func decodeContributions(b []byte) ([]contribution, error) {
	d := decoder{b: b}
	n := d.count()
	cs := make([]contribution, 0, n)
	for range n {
		c := contribution{Name: d.string(), Type: graph.EntityType(d.string()), Mentions: int(d.uvarint())}
		if m := d.count(); m > 0 {
			c.Aliases = make([]string, m)
			for i := range c.Aliases {
				c.Aliases[i] = d.string()
			}
		}
		cs = append(cs, c)
	}
	return cs, d.done()
}

// entityRecord is the e record: an entity's totals over documents.
type entityRecord struct {
	Documents int
	Mentions  int
	Types     map[graph.EntityType]int // documents giving each type
}

// typ returns the type most documents give, ties going to the earlier
// in graph.EntityTypes, then to the smaller string.
func (r entityRecord) typ() graph.EntityType {
	rank := func(t graph.EntityType) int {
		for i, u := range graph.EntityTypes {
			if u == t {
				return i
			}
		}
		return len(graph.EntityTypes)
	}
	var best graph.EntityType
	bestN := 0
	for t, n := range r.Types {
		if n > bestN || n == bestN && (rank(t) < rank(best) || rank(t) == rank(best) && t < best) {
			best, bestN = t, n
		}
	}
	return best
}

func (r entityRecord) append(b []byte) []byte {
	b = binary.AppendUvarint(b, uint64(r.Documents))
	b = binary.AppendUvarint(b, uint64(r.Mentions))
	b = binary.AppendUvarint(b, uint64(len(r.Types)))
	for _, t := range slices.Sorted(maps.Keys(r.Types)) {
		b = appendString(b, string(t))
		b = binary.AppendUvarint(b, uint64(r.Types[t]))
	}
	return b
}

func (r *entityRecord) decode(b []byte) error {
	d := decoder{b: b}
	r.Documents = int(d.uvarint())
	r.Mentions = int(d.uvarint())
	n := d.count()
	r.Types = make(map[graph.EntityType]int, n)
	for range n {
		t := graph.EntityType(d.string())
		r.Types[t] = int(d.uvarint())
	}
	return d.done()
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

// decoder reads what the append functions wrote. The first error sticks;
// later reads return zero values.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() { d.err, d.b = errBadValue, nil }

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a length, refusing one larger than the bytes left so that a
// corrupt record cannot make us allocate gigabytes.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) string() string {
	n := d.count()
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) byte() byte {
	if len(d.b) < 1 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uint64() uint64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := binary.BigEndian.Uint64(d.b)
	d.b = d.b[8:]
	return v
}

// done reports the first error, or trailing bytes.
func (d *decoder) done() error {
	if d.err == nil && len(d.b) > 0 {
		return errBadValue
	}
	return d.err
}

// decodeCount reads a counter value.
func decodeCount(b []byte) (int64, error) {
	d := decoder{b: b}
	v := d.uvarint()
	return int64(v), d.done()
}
