package shard

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// docs are two invented documents, one extracted and one not.
func docs() []Document {
	a := Document{
		Document: graph.Document{ID: "a.txt", Path: "corpus/a.txt", Title: "Talks", Date: "2016-03-01",
			URL: "https://example.org/a", Lang: "en", Hash: "aa11", Extraction: "f00d",
			Unmapped: map[string]int{"ponder": 2}},
		Entities: []graph.Entity{{Name: "Anna Berg", Type: graph.Person, Aliases: []string{"Berg"}}},
		Triples: []graph.Triple{
			{Subject: "Anna Berg", SubjectType: graph.Person, Predicate: "meets", Object: "Carl Dunn",
				ObjectType: graph.Person, Modality: graph.Asserted, Doc: "a.txt",
				Sentence: "Anna Berg met Carl Dunn <in> \"Oslo\".", Span: graph.Span{Start: 0, End: 36},
				Lang: "en", Confidence: 0.1 + 0.2, Source: "meet"},
			{Subject: "Carl Dunn", SubjectType: graph.Person, Predicate: "rules out", Object: "talks",
				ObjectType: graph.Concept, Negated: true, Modality: graph.Reported, Doc: "a.txt",
				Sentence: "Dunn did not rule out talks, Berg said.", Span: graph.Span{Start: 37, End: 76},
				Lang: "en", Confidence: 1.0 / 3, Attribution: "Anna Berg"},
		},
		Sentences: 2, Tokens: 19,
	}
	b := Document{Document: graph.Document{ID: "b.txt", Lang: "de", Hash: "bb22"}, Skipped: `language "de" is not extracted`}
	return []Document{a, b}
}

func write(t *testing.T, ds []Document) string {
	t.Helper()
	var b bytes.Buffer
	w := NewWriter(&b)
	for _, d := range ds {
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// readAll returns the documents of a shard and its errors as text.
func readAll(t *testing.T, shard string, max int) ([]Document, []string) {
	t.Helper()
	r := NewReader(strings.NewReader(shard), "s.jsonl")
	if max > 0 {
		r.max = max
	}
	var ds []Document
	var errs []string
	for {
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		var se *Error
		if errors.As(err, &se) {
			errs = append(errs, err.Error())
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d)
	}
	if r.Offset() != int64(len(shard)) {
		t.Errorf("offset %d after reading %d bytes", r.Offset(), len(shard))
	}
	return ds, errs
}

func TestRoundTrip(t *testing.T) {
	want := docs()
	shard := write(t, want)
	lines := strings.Split(strings.TrimSuffix(shard, "\n"), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], `{"shard":1,"document":{"id":"a.txt"`) ||
		!strings.HasPrefix(lines[1], `{"subject":"Anna Berg","subject_type":"PERSON","predicate":"meets"`) ||
		!strings.Contains(lines[1], `<in> \"Oslo\"`) {
		t.Errorf("shard:\n%s", shard)
	}
	got, errs := readAll(t, shard, 0)
	want[0].At = Position{"s.jsonl", 1}
	want[1].At = Position{"s.jsonl", 4}
	if len(errs) > 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("read back %+v, %q\nwant %+v", got, errs, want)
	}
	// Blank lines and a last line without its end are read.
	got, errs = readAll(t, strings.TrimSuffix("\n"+strings.ReplaceAll(shard, "\n", "\n\n"), "\n\n"), 0)
	if len(errs) > 0 || len(got) != 2 || len(got[0].Triples) != 2 || got[1].At.Line != 8 {
		t.Errorf("with blank lines: %+v, %q", got, errs)
	}
}

// TestErrors checks that each bad shard gives its error at its line and
// the documents around it.
func TestErrors(t *testing.T) {
	good := write(t, docs())
	lines := strings.Split(strings.TrimSuffix(good, "\n"), "\n")
	join := func(ls ...string) string { return strings.Join(ls, "\n") + "\n" }
	triplesOnly := join(lines[1], lines[2])
	tests := []struct {
		name  string
		shard string
		max   int
		docs  []string // ids read
		errs  []string // each error contains this
	}{
		{"malformed header", join("{\"shard\":1,", lines[1], lines[2], lines[3]), 0,
			[]string{"b.txt"}, []string{"s.jsonl:1: not a JSON object"}},
		{"malformed triple", join(lines[0], lines[1], `{"subject":`, lines[3]), 0,
			[]string{"b.txt"}, []string{`s.jsonl:3: document "a.txt": not a JSON object`}},
		{"cut short", join(lines[3], lines[0], lines[1]), 0,
			[]string{"b.txt"}, []string{`s.jsonl:2: document "a.txt": the shard ends after 1 of its 2 triples`}},
		{"cut mid-line", join(lines[0], lines[1]) + lines[2][:20], 0,
			nil, []string{`s.jsonl:3: document "a.txt": not a JSON object`}},
		{"next document too soon", join(lines[0], lines[1], lines[3]), 0,
			[]string{"b.txt"}, []string{`s.jsonl:1: document "a.txt": 1 of its 2 triples before the next document, line 3`}},
		{"triples only", triplesOnly, 0,
			nil, []string{"s.jsonl:1: a triple where a document header was expected (kg load reads what kg extract --emit shard writes, not --emit jsonl)"}},
		{"stray triple", join(lines[0], lines[1], lines[2], lines[2], lines[3]), 0,
			[]string{"a.txt", "b.txt"}, []string{"s.jsonl:4: a triple where a document header"}},
		{"not a line of a shard", join(`{"id":"x","text":"a corpus line"}`, lines[3]), 0,
			[]string{"b.txt"}, []string{"s.jsonl:1: neither a document header nor a triple"}},
		{"newer format", join(strings.Replace(lines[0], `"shard":1`, `"shard":2`, 1), lines[1], lines[2], lines[3]), 0,
			[]string{"b.txt"}, []string{`s.jsonl:1: document "a.txt": shard format 2, newer than this kg reads (1): upgrade kg`}},
		{"no hash", join(strings.Replace(lines[3], `,"hash":"bb22"`, "", 1)), 0,
			nil, []string{`s.jsonl:1: document "b.txt": a document without the hash of its text`}},
		{"triple of another document", join(lines[0], strings.Replace(lines[1], `"doc":"a.txt"`, `"doc":"z.txt"`, 1), lines[2], lines[3]), 0,
			[]string{"b.txt"}, []string{`s.jsonl:2: document "a.txt": a triple of document "z.txt"`}},
		{"triple without object", join(lines[0], lines[1], strings.Replace(lines[2], `"object":"talks"`, `"object":""`, 1), lines[3]), 0,
			[]string{"b.txt"}, []string{`s.jsonl:3: document "a.txt": a triple without a subject, predicate or object`}},
		{"line too long", join(lines[0], strings.Replace(lines[1], "met", "met"+strings.Repeat(" and met", 200), 1), lines[2], lines[3]), 1000,
			[]string{"b.txt"}, []string{`s.jsonl:2: document "a.txt": line over the limit of`}},
		{"two errors", join("nonsense", lines[2], "{", lines[0], lines[1], lines[2]), 0,
			[]string{"a.txt"}, []string{"s.jsonl:1: not a JSON object", "s.jsonl:3: not a JSON object"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, errs := readAll(t, tt.shard, tt.max)
			var ids []string
			for _, d := range ds {
				ids = append(ids, d.ID)
			}
			if !reflect.DeepEqual(ids, tt.docs) {
				t.Errorf("documents %q, want %q (errors %q)", ids, tt.docs, errs)
			}
			if len(errs) != len(tt.errs) {
				t.Fatalf("errors %q, want %d", errs, len(tt.errs))
			}
			for i, e := range errs {
				if !strings.Contains(e, tt.errs[i]) {
					t.Errorf("error %q, want %q in it", e, tt.errs[i])
				}
			}
		})
	}
}
