package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/kgraph/kg/graph"
)

func TestTripleKey(t *testing.T) {
	keys := []tripleKey{ // in s order
		{S: "Paris", P: "meets", O: "Berlin", Doc: "d1", Seq: 0},
		{S: "Paris", P: "meets", O: "Berlin", Doc: "d1", Seq: 256},
		{S: "Paris", P: "meets", O: "Berlin", Doc: "d10", Seq: 1},
		{S: "Paris", P: "meets", O: "Berlin", Doc: "d2", Seq: 0},
		{S: "Paris", P: "meets", O: "Berlin", Neg: true, Doc: "d1", Seq: 0},
		{S: "Paris Hilton", P: "meets", O: "Berlin", Doc: "d1"},
		{S: "Sergueï Lavrov", P: "rules out", O: "military force", Doc: "a/b.txt", Seq: 1<<32 - 1},
	}
	for _, table := range []byte{tableSPO, tablePOS, tableOSP} {
		var encoded [][]byte
		for _, k := range keys {
			b := k.appendKey(nil, table)
			got, err := parseTripleKey(b)
			if err != nil || got != k {
				t.Errorf("parse(%q) = %+v, %v; want %+v", b, got, err, k)
			}
			encoded = append(encoded, b)
		}
		// Keys of one name sort before those of a longer name it
		// prefixes, and a document's triples in order.
		if table == tableSPO && !slices.IsSortedFunc(encoded, bytes.Compare) {
			t.Errorf("s keys out of order: %q", encoded)
		}
	}
	for _, bad := range []string{"", "s", "sa\x00b\x00c\x00", "sa\x00b\x00c\x002d\x00\x00\x00\x00\x00", "xa\x00b\x00c\x000d\x00\x00\x00\x00\x00"} {
		if _, err := parseTripleKey([]byte(bad)); err == nil {
			t.Errorf("parse(%q) succeeded", bad)
		}
	}
}

func TestPlan(t *testing.T) {
	k := tripleKey{S: "S", P: "P", O: "O", Doc: "d"}
	for mask := range 8 {
		var s, p, o string
		if mask&4 != 0 {
			s = k.S
		}
		if mask&2 != 0 {
			p = k.P
		}
		if mask&1 != 0 {
			o = k.O
		}
		table, pre := plan(s, p, o)
		if full := k.appendKey(nil, table); !bytes.HasPrefix(full, pre) {
			t.Errorf("plan(%q, %q, %q) = %c %q: not a prefix of %q", s, p, o, table, pre, full)
		}
		// The prefix covers every bound field: one terminator each.
		bound := len(s + p + o) // each bound field is one letter
		if n := bytes.Count(pre, []byte{0}); n != bound {
			t.Errorf("plan(%q, %q, %q) = %q binds %d fields", s, p, o, pre, n)
		}
	}
}

func TestCodec(t *testing.T) {
	e := evidence{SubjectType: graph.Person, ObjectType: graph.Concept, Modality: graph.Reported,
		Sentence: "Sergueï Lavrov a dit « non ».", Span: graph.Span{Start: 3, End: 40}, Lang: "fr",
		Confidence: 0.8125, Source: "dire", Attribution: "Sergei Lavrov"}
	var got evidence
	if err := got.decode(e.append(nil)); err != nil || got != e {
		t.Errorf("evidence round trip = %+v, %v", got, err)
	}
	rels := []relation{{"a", "b", "c", false}, {"d", "e", "", true}}
	if got, err := decodeRelations(appendRelations(nil, rels)); err != nil || !reflect.DeepEqual(got, rels) {
		t.Errorf("relations round trip = %+v, %v", got, err)
	}
	cs := []contribution{{Name: "France", Type: graph.GPE, Mentions: 3, Aliases: []string{"la France", "Paris"}}, {Name: "x"}}
	if got, err := decodeContributions(appendContributions(nil, cs)); err != nil || !reflect.DeepEqual(got, cs) {
		t.Errorf("contributions round trip = %+v, %v", got, err)
	}
	r := entityRecord{Documents: 4, Mentions: 9, Types: map[graph.EntityType]int{graph.GPE: 3, graph.Loc: 1}}
	var gotR entityRecord
	if err := gotR.decode(r.append(nil)); err != nil || !reflect.DeepEqual(gotR, r) || gotR.typ() != graph.GPE {
		t.Errorf("entity record round trip = %+v, %v", gotR, err)
	}
	// Truncated or padded records are errors, not garbage.
	b := e.append(nil)
	for _, bad := range [][]byte{b[:len(b)-1], append(b[:len(b):len(b)], 0), {}, {9}} {
		if err := got.decode(bad); err == nil {
			t.Errorf("decode(%q) succeeded", bad)
		}
	}
	if _, err := decodeRelations([]byte{0xff, 0xff, 0xff, 0x0f}); err == nil {
		t.Error("decodeRelations accepted a huge count")
	}
}

func TestEntityType(t *testing.T) {
	tests := []struct {
		types map[graph.EntityType]int
		want  graph.EntityType
	}{
		{map[graph.EntityType]int{graph.Org: 1, graph.GPE: 2}, graph.GPE},
		{map[graph.EntityType]int{graph.Org: 2, graph.GPE: 2}, graph.Org}, // tie: order of graph.EntityTypes
		{map[graph.EntityType]int{"": 2, graph.Loc: 2}, graph.Loc},
		{map[graph.EntityType]int{"": 1}, ""},
	}
	for _, tt := range tests {
		if got := (entityRecord{Types: tt.types}).typ(); got != tt.want {
			t.Errorf("typ(%v) = %q, want %q", tt.types, got, tt.want)
		}
	}
}

func TestTooBig(t *testing.T) {
	ctx := context.Background()
	// A 1 MB memtable limits a transaction to about 150 kB.
	s, err := Open("", Options{InMemory: true, memTableSize: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	small := []graph.Triple{{Subject: "a", Predicate: "meets", Object: "b"}}
	if _, err := s.PutDocument(ctx, graph.Document{ID: "small"}, nil, small); err != nil {
		t.Fatal(err)
	}
	var big []graph.Triple
	for i := range 2000 {
		big = append(big, graph.Triple{Subject: fmt.Sprint("s", i), Predicate: "meets", Object: "b",
			Sentence: strings.Repeat("x", 100)})
	}
	_, err = s.PutDocument(ctx, graph.Document{ID: "big"}, nil, big)
	if !errors.Is(err, ErrTooBig) || !strings.Contains(err.Error(), `"big"`) {
		t.Fatalf("PutDocument(big) error = %v, want ErrTooBig naming the document", err)
	}
	// Nothing of it was written, and replacing a document by a big one
	// keeps the old one.
	if _, err := s.PutDocument(ctx, graph.Document{ID: "small", Text: "v2"}, nil, big); !errors.Is(err, ErrTooBig) {
		t.Fatalf("replace by big: %v", err)
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Documents != 1 || st.Triples != 1 || st.Entities != 2 {
		t.Errorf("stats after refused documents = %+v, %v", st, err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Error(err)
	}
}

// TestDefaultLimit documents the size of document one transaction takes
// with the default memtable (16 MiB): two thousand triples of long
// sentences.
func TestDefaultLimit(t *testing.T) {
	s, err := Open("", Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ts []graph.Triple
	for i := range 2000 {
		ts = append(ts, graph.Triple{Subject: fmt.Sprint("Subject number ", i), Predicate: "imposes sanctions on",
			Object: fmt.Sprint("Object number ", i), Sentence: strings.Repeat("word ", 60)})
	}
	if _, err := s.PutDocument(context.Background(), graph.Document{ID: "long"}, nil, ts); err != nil {
		t.Errorf("a document of %d triples was refused: %v", len(ts), err)
	}
}

func TestVersion(t *testing.T) {
	tests := []struct {
		name  string
		value string // "" = no version key, with another key
		err   error
	}{
		{"current", "1", nil},
		{"newer", "2", ErrVersion},
		{"garbage", "x", ErrVersion},
		{"missing", "", ErrVersion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db, err := badger.Open(badgerOptions(dir, Options{}))
			if err != nil {
				t.Fatal(err)
			}
			err = db.Update(func(txn *badger.Txn) error {
				if tt.value == "" {
					return txn.Set([]byte("other"), nil)
				}
				return txn.Set(versionKey(), []byte(tt.value))
			})
			if err := errors.Join(err, db.Close()); err != nil {
				t.Fatal(err)
			}
			s, err := Open(dir, Options{})
			if !errors.Is(err, tt.err) {
				t.Fatalf("Open error = %v, want %v", err, tt.err)
			}
			if err != nil {
				if !strings.HasPrefix(err.Error(), "store "+dir+" ") {
					t.Errorf("error %q does not name the store", err)
				}
				return
			}
			s.Close()
		})
	}
}

func TestVersionWritten(t *testing.T) {
	s, err := Open("", Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.db.View(func(txn *badger.Txn) error {
		return getValue(txn, versionKey(), func(v []byte) error {
			if string(v) != fmt.Sprint(formatVersion) {
				return fmt.Errorf("version %q", v)
			}
			return nil
		})
	})
	if err != nil {
		t.Error(err)
	}
}

// TestVerifyFinds checks that Verify reports damage, so that tests relying
// on it can fail.
func TestVerifyFinds(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		damage func(txn *badger.Txn) error
		want   string
	}{
		{"orphan index", func(txn *badger.Txn) error {
			k := tripleKey{S: "a", P: "meets", O: "b", Doc: "gone"}
			return txn.Set(k.appendKey(nil, tablePOS), nil)
		}, "orphan key"},
		{"missing index", func(txn *badger.Txn) error {
			k := tripleKey{S: "a", P: "meets", O: "b", Doc: "d"}
			return txn.Delete(k.appendKey(nil, tableOSP))
		}, "missing key"},
		{"wrong counter", func(txn *badger.Txn) error {
			return txn.Set(key(tableFold, "a", "a"), binaryCount(5))
		}, "counter"},
		{"wrong entity", func(txn *badger.Txn) error {
			r := entityRecord{Documents: 2, Mentions: 1, Types: map[graph.EntityType]int{graph.Person: 2}}
			return txn.Set(key(tableEntity, "a"), r.append(nil))
		}, "entity"},
		{"no triple list", func(txn *badger.Txn) error {
			return txn.Delete(key(tableDocTriples, "d"))
		}, "lacks"},
		{"bad evidence", func(txn *badger.Txn) error {
			k := tripleKey{S: "a", P: "meets", O: "b", Doc: "d"}
			return txn.Set(k.appendKey(nil, tableSPO), []byte{1})
		}, "evidence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open("", Options{InMemory: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			ts := []graph.Triple{{Subject: "a", SubjectType: graph.Person, Predicate: "meets", Object: "b"}}
			if _, err := s.PutDocument(ctx, graph.Document{ID: "d"}, nil, ts); err != nil {
				t.Fatal(err)
			}
			if err := s.Verify(ctx); err != nil {
				t.Fatalf("before damage: %v", err)
			}
			if err := s.db.Update(tt.damage); err != nil {
				t.Fatal(err)
			}
			err = s.Verify(ctx)
			if !errors.Is(err, ErrInconsistent) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Verify = %v, want ErrInconsistent mentioning %q", err, tt.want)
			}
		})
	}
}

func TestLogger(t *testing.T) {
	if o := badgerOptions(t.TempDir(), Options{}); o.Logger != nil {
		t.Errorf("default Badger logger = %T, want none", o.Logger)
	}
	var buf bytes.Buffer
	l := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s, err := Open(t.TempDir(), Options{Logger: l})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "component=badger") {
		t.Errorf("logger got %q, want Badger's messages", buf.String())
	}
}

// BenchmarkEvidenceCodec compares the binary evidence encoding with
// encoding/json, which the choice of encoding rests on.
func BenchmarkEvidenceCodec(b *testing.B) {
	e := evidence{SubjectType: graph.Person, ObjectType: graph.Person, Modality: graph.Asserted,
		Sentence: "A l'issue de leur rencontre à Moscou, les deux ministres ont évoqué la situation en Syrie.",
		Span:     graph.Span{Start: 120, End: 214}, Lang: "fr", Confidence: 0.82, Source: "rencontrer"}
	b.Run("binary", func(b *testing.B) {
		var buf []byte
		for b.Loop() {
			buf = e.append(buf[:0])
			var got evidence
			if err := got.decode(buf); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(buf)), "bytes")
	})
	b.Run("json", func(b *testing.B) {
		var n int
		for b.Loop() {
			buf, err := json.Marshal(e)
			if err != nil {
				b.Fatal(err)
			}
			var got evidence
			if err := json.Unmarshal(buf, &got); err != nil {
				b.Fatal(err)
			}
			n = len(buf)
		}
		b.ReportMetric(float64(n), "bytes")
	})
}

// TestEmptyMemtableAfterKill reopens, read-write and read-only, a store in
// which a killed writer left an empty memtable log, which Badger alone
// refuses to open.
func TestEmptyMemtableAfterKill(t *testing.T) {
	for _, readOnly := range []bool{false, true} {
		dir := t.TempDir()
		s, err := Open(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "00009.mem"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		var told []string
		s, err = Open(dir, Options{ReadOnly: readOnly, Notify: func(msg string) { told = append(told, msg) }})
		if err != nil {
			t.Fatalf("open (read-only %v) with an empty memtable log: %v", readOnly, err)
		}
		// Said, as the repair writes the store's files (as root, a user's).
		if want := "store " + dir + " was not closed cleanly"; len(told) != 1 || !strings.HasPrefix(told[0], want) {
			t.Errorf("open (read-only %v) after a kill told %q, want one message starting %q", readOnly, told, want)
		}
		if err := s.Verify(context.Background()); err != nil {
			t.Error(err)
		}
		s.Close()
	}
}
