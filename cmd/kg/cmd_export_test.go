package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kgraph/kg/export"
	"github.com/kgraph/kg/graph"
)

// exampleStore extracts the example articles into a store of its own and
// returns it with the directory for outputs.
func exampleStore(t *testing.T) (store, dir string) {
	t.Helper()
	dir, ex := isolate(t)
	store = filepath.Join(dir, "store")
	if _, stderr, code := kg(t, "--quiet", "--store", store, "extract", ex); code != exitOK {
		t.Fatalf("extract exit %d: %s", code, stderr)
	}
	return store, dir
}

// storeEdges returns every relation of store with its evidence, as kg
// query lists them.
func storeEdges(t *testing.T, store string) []graph.Edge {
	t.Helper()
	out, stderr, code := kg(t, "--store", store, "--format", "jsonl", "query", "--evidence")
	if code != exitOK {
		t.Fatalf("query exit %d: %s", code, stderr)
	}
	return decodeEdges(t, []byte(out))
}

func decodeEdges(t *testing.T, data []byte) []graph.Edge {
	t.Helper()
	return decodeJSONL[graph.Edge](t, data)
}

// decodeJSONL decodes a JSON Lines listing, one T a line.
func decodeJSONL[T any](t *testing.T, data []byte) []T {
	t.Helper()
	var rows []T
	dec := json.NewDecoder(bytes.NewReader(data))
	for dec.More() {
		var r T
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("jsonl: %v", err)
		}
		rows = append(rows, r)
	}
	return rows
}

func sortByKey(edges []graph.Edge) {
	slices.SortFunc(edges, func(a, b graph.Edge) int {
		return cmp.Or(strings.Compare(a.Subject, b.Subject), strings.Compare(a.Predicate, b.Predicate),
			strings.Compare(a.Object, b.Object), strings.Compare(strconv.FormatBool(a.Negated), strconv.FormatBool(b.Negated)))
	})
}

// TestExportFormats exports the whole example store in every format,
// twice, and reads each back with a parser of the format: the same bytes
// both times, and every relation and entity of the store read back.
func TestExportFormats(t *testing.T) {
	store, dir := exampleStore(t)
	want := storeEdges(t, store)
	entities := len(graph.Nodes(want))
	if len(want) < 50 || entities < 50 {
		t.Fatalf("the example store has %d relations and %d entities; too few to test", len(want), entities)
	}
	// A drawing of every entity: auto picks sfdp beyond 60.
	all := []string{"--max-nodes", "1000"}

	tests := []struct {
		format string
		check  func(t *testing.T, path string, data []byte)
	}{
		{"dot", func(t *testing.T, _ string, data []byte) {
			if n := len(regexp.MustCompile(`(?m)^\tn\d+ \[label=`).FindAll(data, -1)); n != entities {
				t.Errorf("%d nodes, want %d", n, entities)
			}
			if !bytes.Contains(data, []byte("layout=sfdp")) || !bytes.Contains(data, []byte(`label="store store: 9 documents, `)) {
				t.Errorf("no sfdp layout or caption:\n%.400s", data)
			}
		}},
		{"svg", func(t *testing.T, _ string, data []byte) {
			var doc struct {
				XMLName xml.Name `xml:"svg"`
			}
			if err := xml.Unmarshal(data, &doc); err != nil {
				t.Errorf("svg: %v", err)
			}
			if n := bytes.Count(data, []byte(`class="edge"`)); n != len(want) {
				t.Errorf("%d edges drawn, want %d", n, len(want))
			}
		}},
		{"jsonl", func(t *testing.T, _ string, data []byte) {
			got := decodeEdges(t, data)
			w := slices.Clone(want)
			sortByKey(w)
			if !reflect.DeepEqual(got, w) {
				t.Errorf("jsonl reads back %d edges unlike the store's %d", len(got), len(w))
			}
		}},
		{"d3", func(t *testing.T, _ string, data []byte) {
			var doc struct {
				Nodes []struct{ ID string }
				Links []struct {
					Source, Target string
					Support        int
				}
			}
			if err := json.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Nodes) != entities || len(doc.Links) != len(want) {
				t.Errorf("%d nodes, %d links; want %d, %d", len(doc.Nodes), len(doc.Links), entities, len(want))
			}
		}},
		{"graphml", func(t *testing.T, _ string, data []byte) {
			var doc struct {
				Graph struct {
					Nodes []struct{} `xml:"node"`
					Edges []struct{} `xml:"edge"`
				} `xml:"graph"`
			}
			if err := xml.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			if len(doc.Graph.Nodes) != entities || len(doc.Graph.Edges) != len(want) {
				t.Errorf("%d nodes, %d edges; want %d, %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), entities, len(want))
			}
		}},
		{"nt", func(t *testing.T, path string, data []byte) { checkRDF(t, "ntriples", path, data, want) }},
		{"nq", func(t *testing.T, path string, data []byte) { checkRDF(t, "nquads", path, data, want) }},
		{"neo4j", func(t *testing.T, path string, _ []byte) {
			for file, rows := range map[string]int{"nodes.csv": entities, "relationships.csv": len(want)} {
				f, err := os.Open(filepath.Join(path, file))
				if err != nil {
					t.Fatal(err)
				}
				records, err := csv.NewReader(f).ReadAll()
				f.Close()
				if err != nil {
					t.Fatalf("%s: %v", file, err)
				}
				if len(records)-1 != rows {
					t.Errorf("%s has %d rows, want %d", file, len(records)-1, rows)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var first []byte
			for i := range 2 {
				path := filepath.Join(dir, tt.format+strconv.Itoa(i))
				_, stderr, code := kg(t, append([]string{"--store", store, "export", "--format", tt.format, "--out", path}, all...)...)
				if code != exitOK || !strings.Contains(stderr, "wrote "+path+" ("+strconv.Itoa(entities)+" entities") {
					t.Fatalf("export exit %d: %s", code, stderr)
				}
				if tt.format == "neo4j" {
					tt.check(t, path, nil)
					continue
				}
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if i == 0 {
					first = data
					tt.check(t, path, data)
				} else if !bytes.Equal(data, first) {
					t.Errorf("a second export gives other bytes")
				}
			}
		})
	}
}

// checkRDF checks an N-Triples or N-Quads export: one statement per
// line, a reified statement per sentence, and rapper, when installed,
// reading them all without a complaint.
func checkRDF(t *testing.T, syntax, path string, data []byte, want []graph.Edge) {
	t.Helper()
	lines, sentences := 0, 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		lines++
		if !strings.HasSuffix(sc.Text(), " .") {
			t.Fatalf("line %d is no statement: %s", lines, sc.Text())
		}
		if strings.Contains(sc.Text(), " <urn:kg:vocab:sentence> \"") {
			sentences++
		}
	}
	evidence := 0
	for _, e := range want {
		evidence += len(e.Evidence)
	}
	if sentences != evidence {
		t.Errorf("%d sentences, want %d", sentences, evidence)
	}
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		t.Log("rapper is not on PATH (apt-get install raptor2-utils): RDF not read by a third-party parser")
		return
	}
	var stderr bytes.Buffer
	cmd := exec.Command(rapper, "-i", syntax, "-c", path)
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("rapper: %v\n%s", err, stderr.Bytes())
	}
	m := regexp.MustCompile(`returned (\d+) `).FindSubmatch(stderr.Bytes())
	if m == nil || string(m[1]) != strconv.Itoa(lines) || bytes.Contains(stderr.Bytes(), []byte("Warning")) {
		t.Errorf("rapper reads %s, the file has %d lines", stderr.Bytes(), lines)
	}
}

// TestExportFilters exports the example store through each filter and
// checks what comes out against the store's own relations.
func TestExportFilters(t *testing.T) {
	store, _ := exampleStore(t)
	all := storeEdges(t, store)
	count := func(keep func(graph.Edge) bool) int {
		n := 0
		for _, e := range all {
			if keep(e) {
				n++
			}
		}
		return n
	}
	inRange := func(e graph.Edge, since, until, lang string) bool {
		for _, ev := range e.Evidence {
			if ev.Date >= since && ev.Date <= until && ev.Date != "" && (lang == "" || ev.Lang == lang) {
				return true
			}
		}
		return false
	}
	tests := []struct {
		name string
		args []string
		want int // relations
		warn string
	}{
		{"min support", []string{"--min-support", "2"}, count(func(e graph.Edge) bool { return e.Support >= 2 }), ""},
		{"predicates", []string{"--predicates", "meets,Is President Of"}, count(func(e graph.Edge) bool { return e.Predicate == "meets" || e.Predicate == "is president of" }), ""},
		{"types", []string{"--types", "person,gpe"}, count(func(e graph.Edge) bool {
			return (e.SubjectType == graph.Person || e.SubjectType == graph.GPE) && (e.ObjectType == graph.Person || e.ObjectType == graph.GPE)
		}), ""},
		{"dates", []string{"--since", "2019-01-01", "--until", "2019-01-31"}, count(func(e graph.Edge) bool { return inRange(e, "2019-01-01", "2019-01-31", "") }), ""},
		{"lang", []string{"--lang", "fr"}, count(func(e graph.Edge) bool {
			return slices.ContainsFunc(e.Evidence, func(ev graph.Evidence) bool { return ev.Lang == "fr" })
		}), ""},
		{"focus", []string{"--focus", "sergueï lavrov", "--depth", "1"}, count(func(e graph.Edge) bool { return e.Subject == "Sergei Lavrov" || e.Object == "Sergei Lavrov" }), ""},
		{"path", []string{"--path", "Lavrov", "Moscow", "--max-depth", "2"}, 2, ""},
		{"pruned", []string{"--max-nodes", "10"}, -1, "more than --max-nodes 10: dropped the "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, stderr, code := kg(t, append([]string{"--store", store, "export", "--format", "jsonl"}, tt.args...)...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			got := decodeEdges(t, []byte(out))
			if tt.want >= 0 && (len(got) != tt.want || tt.want == 0) {
				t.Errorf("%d relations, want %d (and some)", len(got), tt.want)
			}
			if tt.warn != "" && !strings.Contains(stderr, tt.warn) {
				t.Errorf("stderr %q lacks %q", stderr, tt.warn)
			}
			if tt.name == "pruned" && len(graph.Nodes(got)) > 10 {
				t.Errorf("%d entities, want at most 10", len(graph.Nodes(got)))
			}
		})
	}
	// The caption says the filters.
	out, _, _ := kg(t, "--store", store, "export", "--min-support", "2", "--lang", "en")
	if !strings.Contains(out, `label="store store: 9 documents, `) || !strings.Contains(out, `\nsupport ≥ 2; lang en"`) {
		t.Errorf("caption lacks the store or the filters:\n%.400s", out)
	}
}

func TestExportUsageErrors(t *testing.T) {
	store, dir := exampleStore(t)
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"--format", "xml"}, "xml"},
		{[]string{"--since", "2016-13-01"}, "--since"},
		{[]string{"--since", "2016-02-01", "--until", "2016-01-01"}, "before"},
		{[]string{"--types", "ANIMAL"}, "ANIMAL"},
		{[]string{"--lang", "french"}, "--lang"},
		{[]string{"--min-support", "-1"}, "--min-support"},
		{[]string{"--path", "Lavrov"}, "two entities"},
		{[]string{"Lavrov"}, "--focus"},
		{[]string{"--path", "Lavrov", "Moscow", "--focus", "Kerry"}, "--path and --focus"},
		{[]string{"--layout", "circo"}, "export.layout"},
	}
	for _, tt := range tests {
		_, stderr, code := kg(t, append([]string{"--store", store, "export", "--out", filepath.Join(dir, "x.svg")}, tt.args...)...)
		if code != exitUsage || !strings.Contains(stderr, tt.msg) {
			t.Errorf("export %q: exit %d, %q; want %d and %q", tt.args, code, stderr, exitUsage, tt.msg)
		}
	}
	if _, stderr, code := kg(t, "--store", store, "export", "--format", "neo4j"); code != exitUsage || !strings.Contains(stderr, "--out") {
		t.Errorf("neo4j to standard output: exit %d, %q; want %d and --out named", code, stderr, exitUsage)
	}
	if _, _, code := kg(t, "--store", store, "export", "--path", "Lavrov", "Nobody Atall"); code != exitNoMatch {
		t.Errorf("path to an unknown entity: exit %d, want %d", code, exitNoMatch)
	}
}

func TestExportLayoutSize(t *testing.T) {
	tests := []struct {
		format   string
		entities int
		ok       bool
	}{
		{"svg", 10, true},
		{"svg", export.MaxLayoutEntities, true},
		{"svg", export.MaxLayoutEntities + 1, false},
		{"png", 10000, false},
		{"dot", 10000, true},
	}
	for _, tt := range tests {
		err := checkLayoutSize(tt.format, tt.entities)
		var ee *exitError
		if (err == nil) != tt.ok || (err != nil && (!errors.As(err, &ee) || ee.code != exitUsage || !strings.Contains(err.Error(), "--max-nodes"))) {
			t.Errorf("checkLayoutSize(%s, %d) = %v, want ok %t or a usage error naming --max-nodes", tt.format, tt.entities, err, tt.ok)
		}
	}
}
