package query

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files")

// fixtureDoc is a document of the invented corpus of the executor tests.
type fixtureDoc struct {
	doc     graph.Document
	triples []graph.Triple
}

// t3 is a triple of a fixture document: subject, predicate, object, the
// lemma it was read from, and flags: "!" negated, "r" reported.
func t3(s, p, o, lemma, flags string) graph.Triple {
	typ := func(name string) graph.EntityType {
		switch name {
		case "Moscow", "Geneva", "Russia", "United States":
			return graph.GPE
		case "military force":
			return graph.Concept
		}
		return graph.Person
	}
	t := graph.Triple{Subject: s, SubjectType: typ(s), Predicate: p, Object: o, ObjectType: typ(o),
		Modality: graph.Asserted, Source: lemma, Confidence: 0.8, Sentence: s + " " + p + " " + o + "."}
	if strings.Contains(flags, "!") {
		t.Negated = true
	}
	if strings.Contains(flags, "r") {
		t.Modality = graph.Reported
	}
	return t
}

const (
	lavrov  = "Sergei Lavrov"
	ayrault = "Jean-Marc Ayrault"
	kerry   = "John Kerry"
	merkel  = "Angela Merkel"
)

// fixture is four documents from three sources (two hosts and the "wire"
// id prefix), one undated.
func fixture() []fixtureDoc {
	return []fixtureDoc{
		{graph.Document{ID: "a1", URL: "https://www.example.org/a1", Date: "2016-10-06", Lang: "fr", Text: "a1"}, []graph.Triple{
			t3(lavrov, "meets", ayrault, "rencontrer", ""),
			t3(ayrault, "visits", "Moscow", "se rendre", ""),
		}},
		{graph.Document{ID: "a2", URL: "https://news.example.com/a2", Date: "2016-10-08", Lang: "en", Text: "a2"}, []graph.Triple{
			t3(lavrov, "meets", ayrault, "meet", ""),
			t3(kerry, "meets", lavrov, "meet", "r"),
			t3(kerry, "visits", "Geneva", "visit", ""),
		}},
		{graph.Document{ID: "wire:3", Date: "2017-01-15", Lang: "en", Text: "a3"}, []graph.Triple{
			t3(kerry, "visits", "Moscow", "visit", ""),
			t3(kerry, "criticizes", lavrov, "criticize", ""),
			t3("United States", "rules out", "military force", "rule out", "!r"),
			t3("Russia", "rules out", "military force", "rule out", ""),
		}},
		{graph.Document{ID: "wire:4", Lang: "en", Text: "a4"}, []graph.Triple{
			t3(ayrault, "visits", "Moscow", "visit", ""),
			t3(merkel, "meets", ayrault, "meet", ""),
		}},
	}
}

func fixtureStore(t testing.TB) *storage.Store {
	t.Helper()
	st, err := storage.Open("", storage.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ents := []graph.Entity{
		{Name: lavrov, Type: graph.Person, Aliases: []string{"Sergueï Lavrov", "Lavrov"}},
		{Name: "Moscow", Type: graph.GPE, Aliases: []string{"Moscou"}},
	}
	for _, d := range fixture() {
		if _, err := st.PutDocument(context.Background(), d.doc, ents, d.triples); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// run parses and runs a query on st.
func run(t *testing.T, st *storage.Store, texts []string, opts Options) *Result {
	t.Helper()
	ctx := context.Background()
	sn := st.Snapshot()
	defer sn.Close()
	q, err := Parse(texts, KnownPredicates(ctx, sn, opts.Source))
	if err != nil {
		t.Fatalf("Parse(%q): %v", texts, err)
	}
	res, err := Run(ctx, sn, q, opts)
	if err != nil {
		t.Fatalf("Run(%s): %v", q, err)
	}
	return res
}

// rowString writes a row as "x=A y=B | support sources first last".
func rowString(r Row) string {
	var b strings.Builder
	for i, v := range r.Vars {
		fmt.Fprintf(&b, "%s=%s ", v, r.Values[i])
	}
	fmt.Fprintf(&b, "| %d %d %s %s", r.Support, r.Sources, r.First, r.Last)
	return b.String()
}

func TestRun(t *testing.T) {
	st := fixtureStore(t)
	tests := []struct {
		name  string
		texts []string
		opts  Options
		want  []string
	}{
		{"join", []string{"?x meets ?y", "?y visits Moscow"}, Options{}, []string{
			"x=Sergei Lavrov y=Jean-Marc Ayrault | 2 2 2016-10-06 2016-10-08",
			"x=Angela Merkel y=Jean-Marc Ayrault | 1 1 2016-10-06 2016-10-06",
		}},
		{"join in one text", []string{"?x meets ?y; ?y visits Moscow"}, Options{MinSupport: 2}, []string{
			"x=Sergei Lavrov y=Jean-Marc Ayrault | 2 2 2016-10-06 2016-10-08",
		}},
		{"three patterns", []string{`"John Kerry" meets ?y ; ?y meets ?z ; ?z visits ?place`}, Options{}, []string{
			"y=Sergei Lavrov z=Jean-Marc Ayrault place=Moscow | 1 1 2016-10-06 2016-10-08",
		}},
		{"one pattern", []string{"?x meets ?y"}, Options{}, []string{
			"x=Sergei Lavrov y=Jean-Marc Ayrault | 2 2 2016-10-06 2016-10-08",
			"x=Angela Merkel y=Jean-Marc Ayrault | 1 1  ",
			"x=John Kerry y=Sergei Lavrov | 1 1 2016-10-08 2016-10-08",
		}},
		{"page", []string{"?x meets ?y"}, Options{Offset: 1, Limit: 1}, []string{
			"x=Angela Merkel y=Jean-Marc Ayrault | 1 1  ",
		}},
		{"offset past the end", []string{"?x meets ?y"}, Options{Offset: 5}, nil},
		{"alias, accents and case", []string{`"sergueï LAVROV" MEETS ?y`}, Options{}, []string{
			"y=Jean-Marc Ayrault | 2 2 2016-10-06 2016-10-08",
		}},
		{"surname and alias", []string{"?x visits moscou", "Lavrov meets ?x"}, Options{}, []string{
			"x=Jean-Marc Ayrault | 2 2 2016-10-06 2016-10-08",
		}},
		{"no variable", []string{"Lavrov meets Ayrault"}, Options{}, []string{
			"| 2 2 2016-10-06 2016-10-08",
		}},
		{"wildcard unites relations", []string{`"John Kerry" * ?who`}, Options{}, []string{
			"who=Sergei Lavrov | 2 2 2016-10-08 2017-01-15",
			"who=Geneva | 1 1 2016-10-08 2016-10-08",
			"who=Moscow | 1 1 2017-01-15 2017-01-15",
		}},
		{"predicate variable", []string{`"John Kerry" ?p Lavrov`}, Options{}, []string{
			"p=criticizes | 1 1 2017-01-15 2017-01-15",
			"p=meets | 1 1 2016-10-08 2016-10-08",
		}},
		{"same variable twice", []string{"?x meets ?x"}, Options{}, nil},
		{"since", []string{"?x visits Moscow"}, Options{Since: "2017"}, []string{
			"x=John Kerry | 1 1 2017-01-15 2017-01-15",
		}},
		{"until leaves out the undated", []string{"?x visits Moscow"}, Options{Until: "2016-10"}, []string{
			"x=Jean-Marc Ayrault | 1 1 2016-10-06 2016-10-06",
		}},
		{"no date filter keeps the undated", []string{"?x visits Moscow"}, Options{}, []string{
			"x=Jean-Marc Ayrault | 2 2 2016-10-06 2016-10-06",
			"x=John Kerry | 1 1 2017-01-15 2017-01-15",
		}},
		{"lang", []string{"?x visits Moscow"}, Options{Lang: "fr"}, []string{
			"x=Jean-Marc Ayrault | 1 1 2016-10-06 2016-10-06",
		}},
		{"modality", []string{"?x meets ?y"}, Options{Modality: graph.Reported}, []string{
			"x=John Kerry y=Sergei Lavrov | 1 1 2016-10-08 2016-10-08",
		}},
		{"stated only", []string{"?who rules out ?what"}, Options{}, []string{
			"who=Russia what=military force | 1 1 2017-01-15 2017-01-15",
		}},
		{"negated option", []string{"?who rules out ?what"}, Options{Negated: true}, []string{
			"who=United States what=military force | 1 1 2017-01-15 2017-01-15",
		}},
		{"not", []string{`"United States" not "rules out" ?what`}, Options{}, []string{
			"what=military force | 1 1 2017-01-15 2017-01-15",
		}},
		{"source lemma", []string{"?x rencontrer ?y"}, Options{Source: true}, []string{
			"x=Sergei Lavrov y=Jean-Marc Ayrault | 1 1 2016-10-06 2016-10-06",
		}},
		{"source lemma joined", []string{"?x meet ?y", "?y visit Moscow"}, Options{Source: true}, []string{
			"x=Angela Merkel y=Jean-Marc Ayrault | 1 1  ",
			"x=Sergei Lavrov y=Jean-Marc Ayrault | 1 1 2016-10-08 2016-10-08",
		}},
		{"unknown name", []string{"Nobody meets ?y"}, Options{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := run(t, st, tt.texts, tt.opts)
			var got []string
			for _, r := range res.Rows {
				got = append(got, rowString(r))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("rows\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func TestRunReports(t *testing.T) {
	st := fixtureStore(t)
	res := run(t, st, []string{"Nobody meets ?y", "?y sings ?z"}, Options{})
	var unknown []string
	for _, u := range res.Unknown {
		unknown = append(unknown, fmt.Sprintf("%s@%d:%d", u, u.Pos.Query, u.Pos.Column))
	}
	if want := []string{"Nobody@1:1", "sings@2:4"}; !slices.Equal(unknown, want) {
		t.Errorf("Unknown = %q, want %q", unknown, want)
	}
	res = run(t, st, []string{"?x meets ?y"}, Options{Limit: 1})
	if res.Total != 3 || len(res.Rows) != 1 {
		t.Errorf("Total %d, %d rows; want 3 and 1", res.Total, len(res.Rows))
	}
}

// TestRunBadDate checks that Run refuses a date ParseDate cannot read,
// which comparing text let through (2019-13 came after 2019-12).
func TestRunBadDate(t *testing.T) {
	st := fixtureStore(t)
	ctx := context.Background()
	sn := st.Snapshot()
	defer sn.Close()
	q, err := Parse([]string{"?x meets ?y"}, KnownPredicates(ctx, sn, false))
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range []Options{{Since: "2019-13"}, {Until: "yesterday"}} {
		if _, err := Run(ctx, sn, q, o); !errors.Is(err, graph.ErrDate) {
			t.Errorf("Run(%+v) = %v, want graph.ErrDate", o, err)
		}
	}
}

// TestPlan checks that the most selective pattern is joined first, then
// those sharing its variables.
func TestPlan(t *testing.T) {
	st := fixtureStore(t)
	tests := []struct {
		texts []string
		want  []Step
	}{
		// visits Moscow: 3 triples, then meets bound by ?y: 2 values
		// averaging 1 triple, plus 4 a lookup.
		{[]string{"?x meets ?y", "?y visits Moscow"}, []Step{{1, 3}, {0, 10}}},
		// A path between two names: both ends (3 triples, then 2 rows
		// times 4), then the middle, bound at both ends (6 lookups).
		{[]string{`"John Kerry" * ?x`, "?x * ?y", "?y * Moscow"}, []Step{{2, 3}, {0, 8}, {1, 24}}},
		// A tie goes to the pattern sharing a variable; the plan stops at
		// a pattern leaving no row.
		{[]string{"?z visits ?place", "?y meets ?z", `"Angela Merkel" * ?y`}, []Step{{2, 1}, {1, 4}}},
		// Else to the query's order.
		{[]string{"?y meets ?z", "?z visits ?place", `"John Kerry" * ?y`}, []Step{{0, 4}, {1, 10}, {2, 10}}},
		{[]string{"?x meets ?y", "Russia * ?w", "?y visits ?z"}, []Step{{1, 1}, {0, 4}, {2, 10}}},
	}
	for _, tt := range tests {
		res := run(t, st, tt.texts, Options{})
		if !slices.Equal(res.Plan, tt.want) {
			t.Errorf("plan of %q = %v, want %v", tt.texts, res.Plan, tt.want)
		}
	}
}

// TestRowJSON checks the JSON of rows, with evidence, against a golden
// file.
func TestRowJSON(t *testing.T) {
	st := fixtureStore(t)
	res := run(t, st, []string{"?x meets ?y ; ?y visits Moscow"}, Options{Evidence: true, Limit: 1})
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(res.Rows); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "join.golden")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("JSON rows differ from %s (go test -update to rewrite):\n%s", golden, b.Bytes())
	}
}
