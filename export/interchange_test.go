package export

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

// evidenced is sample with evidence on most edges: two documents in two
// languages, sentences that need escaping, a title and URL, a date that is
// not an xsd:date and a language that is not a language tag; the edge
// from Charles Babbage has none.
var evidenced = func() []graph.Edge {
	ev := func(doc, sentence, lang string, start int, m graph.Modality) graph.Evidence {
		e := graph.Evidence{Doc: doc, Sentence: sentence, Lang: lang, Span: graph.Span{Start: start, End: start + len(sentence)}, Confidence: 0.8, Modality: m, Source: "verb"}
		switch doc {
		case "doc-1":
			e.Title, e.Date, e.URL = "Lovelace & Babbage", "1843-07-10", "https://example.org/a?b=1&c=<2>"
		case "doc 2/é":
			e.Title, e.Date = "Notes", "1843"
		}
		return e
	}
	edges := slices.Clone(sample)
	edges[0].Evidence = []graph.Evidence{
		ev("doc 2/é", "Elle travaille avec \"Charles\" Babbage.", "fr", 10, graph.Reported),
		ev("doc-1", "Ada works with Babbage.\nShe writes\tnotes.", "en", 0, graph.Asserted),
		ev("doc-1", "Again: Ada and Babbage work together \\o/.", "en", 100, graph.Asserted),
	}
	edges[2].Evidence = []graph.Evidence{ev("doc-1", "The Society sits in London \x01 <here>.", "en", 50, graph.Asserted)}
	edges[3].Evidence = []graph.Evidence{ev("doc 2/é", "London lies on the Thames \xff.", "not a tag", 0, graph.Intended)}
	edges[4].Evidence = []graph.Evidence{ev("doc-1", "The Great Exhibition was held in London.", "en", 200, graph.Asserted)}
	edges[5].Evidence = []graph.Evidence{ev("doc-1", "Ada did not build the engine.", "en", 300, graph.Asserted)}
	edges[6].Evidence = []graph.Evidence{ev("doc 2/é", "Émilie traduit les Principia.", "fr", 40, graph.Asserted)}
	return edges
}()

// formats are the interchange writers, each writing to one buffer; the
// Neo4j writer's two files are written one after the other.
var formats = []struct {
	name  string
	write func(*bytes.Buffer, []graph.Edge) error
}{
	{"nt", func(b *bytes.Buffer, e []graph.Edge) error { return WriteNTriples(b, e) }},
	{"nq", func(b *bytes.Buffer, e []graph.Edge) error { return WriteNQuads(b, e) }},
	{"graphml", func(b *bytes.Buffer, e []graph.Edge) error { return WriteGraphML(b, e) }},
	{"d3.json", func(b *bytes.Buffer, e []graph.Edge) error { return WriteD3(b, e) }},
	{"jsonl", func(b *bytes.Buffer, e []graph.Edge) error { return WriteJSONL(b, e) }},
	{"neo4j-nodes.csv", func(b *bytes.Buffer, e []graph.Edge) error { return WriteNeo4j(b, &bytes.Buffer{}, e) }},
	{"neo4j-relationships.csv", func(b *bytes.Buffer, e []graph.Edge) error { return WriteNeo4j(&bytes.Buffer{}, b, e) }},
}

func write(t *testing.T, format string, edges []graph.Edge) []byte {
	t.Helper()
	for _, f := range formats {
		if f.name == format {
			var b bytes.Buffer
			if err := f.write(&b, edges); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			return b.Bytes()
		}
	}
	t.Fatalf("no format %s", format)
	return nil
}

// TestInterchangeGolden checks every format against its golden file, and
// that the bytes depend neither on the order of the edges nor of their
// evidence, nor on the run.
func TestInterchangeGolden(t *testing.T) {
	shuffled := slices.Clone(evidenced)
	slices.Reverse(shuffled)
	for i := range shuffled {
		shuffled[i].Evidence = slices.Clone(shuffled[i].Evidence)
		slices.Reverse(shuffled[i].Evidence)
	}
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			got := write(t, f.name, evidenced)
			golden(t, "sample."+f.name+".golden", got)
			if again := write(t, f.name, evidenced); !bytes.Equal(again, got) {
				t.Errorf("a second run gives other bytes")
			}
			if other := write(t, f.name, shuffled); !bytes.Equal(other, got) {
				t.Errorf("reordered edges give other bytes:\n%s", other)
			}
			if !utf8.Valid(got) {
				t.Errorf("output is not valid UTF-8")
			}
			empty := write(t, f.name, nil)
			golden(t, "empty."+f.name+".golden", empty)
		})
	}
	if evidenced[0].Evidence[0].Doc != "doc 2/é" || sample[0].Evidence != nil {
		t.Errorf("writers changed their input")
	}
}

func TestInterchangeWriteErrors(t *testing.T) {
	errFull := errors.New("disk full")
	for _, f := range []struct {
		name  string
		write func() error
	}{
		{"n-triples", func() error { return WriteNTriples(failWriter{errFull}, evidenced) }},
		{"n-quads", func() error { return WriteNQuads(failWriter{errFull}, evidenced) }},
		{"graphml", func() error { return WriteGraphML(failWriter{errFull}, evidenced) }},
		{"d3", func() error { return WriteD3(failWriter{errFull}, evidenced) }},
		{"jsonl", func() error { return WriteJSONL(failWriter{errFull}, evidenced) }},
		{"neo4j nodes", func() error { return WriteNeo4j(failWriter{errFull}, &bytes.Buffer{}, evidenced) }},
		{"neo4j relationships", func() error { return WriteNeo4j(&bytes.Buffer{}, failWriter{errFull}, evidenced) }},
	} {
		if err := f.write(); !errors.Is(err, errFull) || !strings.Contains(err.Error(), strings.Fields(f.name)[0]) {
			t.Errorf("%s to a failing writer = %v, want %v wrapped and the format named", f.name, err, errFull)
		}
	}
}

// ntTerm matches one term of an N-Triples or N-Quads line.
var ntTerm = regexp.MustCompile(`^(<[^\x00-\x20<>"{}|^` + "`" + `\\]*>|_:[A-Za-z0-9]+|"(?:[^"\\\n\r]|\\[tbnrf"'\\]|\\u[0-9A-F]{4})*"(?:@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*|\^\^<[^\x00-\x20<>"{}|^` + "`" + `\\]*>)?)`)

// parseNT splits an N-Triples or N-Quads document into its statements'
// terms, failing on a line the grammar (as kg writes it: one space
// between terms, no comments) does not allow.
func parseNT(t *testing.T, doc []byte, quads bool) [][]string {
	t.Helper()
	var out [][]string
	sc := bufio.NewScanner(bytes.NewReader(doc))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		var terms []string
		rest := line
		for !strings.HasPrefix(rest, ".") {
			m := ntTerm.FindString(rest)
			if m == "" {
				t.Fatalf("line %d: no term at %q", n, rest)
			}
			terms = append(terms, m)
			rest = strings.TrimPrefix(rest[len(m):], " ")
		}
		if rest != "." || len(terms) < 3 || len(terms) > 3+boolInt(quads) || strings.HasPrefix(terms[0], `"`) || !strings.HasPrefix(terms[1], "<") {
			t.Fatalf("line %d: not a statement: %q", n, line)
		}
		out = append(out, terms)
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// unquote returns the string of an N-Triples literal term.
func unquote(t *testing.T, term string) string {
	t.Helper()
	end := strings.LastIndexByte(term, '"')
	body := term[1:end]
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		if body[i] != '\\' {
			b.WriteByte(body[i])
			continue
		}
		i++
		switch body[i] {
		case 't':
			b.WriteByte('\t')
		case 'b':
			b.WriteByte('\b')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 'f':
			b.WriteByte('\f')
		case 'u':
			r, err := strconv.ParseUint(body[i+1:i+5], 16, 32)
			if err != nil {
				t.Fatalf("bad escape in %s", term)
			}
			b.WriteRune(rune(r))
			i += 4
		default:
			b.WriteByte(body[i])
		}
	}
	return b.String()
}

// TestRDFRoundTrip reads the N-Triples and N-Quads back: every sentence
// comes back as written (invalid UTF-8 as U+FFFD), in N-Quads in its
// document's graph, and no negated relation is stated.
func TestRDFRoundTrip(t *testing.T) {
	for _, quads := range []bool{false, true} {
		format := map[bool]string{false: "nt", true: "nq"}[quads]
		t.Run(format, func(t *testing.T) {
			stmts := parseNT(t, write(t, format, evidenced), quads)
			sentences := make(map[string]string) // sentence → graph
			asserted := make(map[string]bool)
			for _, s := range stmts {
				g := ""
				if len(s) == 4 {
					g = s[3]
				}
				if s[1] == "<"+VocabIRI+"sentence>" {
					sentences[unquote(t, s[2])] = g
				}
				if strings.HasPrefix(s[1], "<"+PredicateIRI) {
					asserted[s[0]+" "+s[1]+" "+s[2]] = true
				}
			}
			for _, e := range evidenced {
				spo := fmt.Sprintf("<%s%s> <%s%s> <%s%s>", EntityIRI, percentEncode(e.Subject), PredicateIRI, percentEncode(e.Predicate), EntityIRI, percentEncode(e.Object))
				if asserted[spo] == e.Negated {
					t.Errorf("%s stated %t, negated %t", spo, asserted[spo], e.Negated)
				}
				for _, ev := range e.Evidence {
					want := strings.ToValidUTF8(ev.Sentence, "\uFFFD")
					g, ok := sentences[want]
					if !ok {
						t.Errorf("sentence %q not read back; have %q", want, sentences)
					}
					if wantG := "<" + DocumentIRI + percentEncode(ev.Doc) + ">"; quads && g != wantG {
						t.Errorf("sentence %q in graph %q, want %q", want, g, wantG)
					}
				}
			}
		})
	}
}

// TestRapper parses the N-Triples and N-Quads with Raptor, an RDF parser
// that is strict about the grammar, and counts the statements.
func TestRapper(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		t.Skip("rapper is not on PATH (apt-get install raptor2-utils); RDF not checked by a third-party parser")
	}
	for _, f := range []struct{ format, syntax string }{{"nt", "ntriples"}, {"nq", "nquads"}} {
		t.Run(f.format, func(t *testing.T) {
			data := write(t, f.format, evidenced)
			path := filepath.Join(t.TempDir(), "sample."+f.format)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			count := rapperCount(t, rapper, f.syntax, path)
			if want := bytes.Count(data, []byte("\n")); count != want {
				t.Errorf("rapper counts %d statements, the file has %d lines", count, want)
			}
		})
	}
}

// rapperCount returns the number of statements rapper reads in path,
// failing the test on any warning or error.
func rapperCount(t *testing.T, rapper, syntax, path string) int {
	t.Helper()
	cmd := exec.Command(rapper, "-i", syntax, "-c", path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("rapper -i %s: %v\n%s", syntax, err, stderr.Bytes())
	}
	if bytes.Contains(stderr.Bytes(), []byte("Warning")) || bytes.Contains(stderr.Bytes(), []byte("Error")) {
		t.Errorf("rapper -i %s complains:\n%s", syntax, stderr.Bytes())
	}
	m := regexp.MustCompile(`returned (\d+) (triples|statements)`).FindSubmatch(stderr.Bytes())
	if m == nil {
		t.Fatalf("rapper -i %s: no count in %q", syntax, stderr.Bytes())
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// graphML is what the tests read of a GraphML document.
type graphML struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string        `xml:"edgedefault,attr"`
		Nodes       []graphMLItem `xml:"node"`
		Edges       []graphMLItem `xml:"edge"`
	} `xml:"graph"`
}

type graphMLItem struct {
	ID     string `xml:"id,attr"`
	Source string `xml:"source,attr"`
	Target string `xml:"target,attr"`
	Data   []struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	} `xml:"data"`
}

// TestGraphMLRoundTrip reads the GraphML back with encoding/xml and checks
// every value against its declared type.
func TestGraphMLRoundTrip(t *testing.T) {
	var doc graphML
	d := xml.NewDecoder(bytes.NewReader(write(t, "graphml", evidenced)))
	d.Strict = true
	if err := d.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	types := make(map[string]string)
	for _, k := range doc.Keys {
		types[k.ID] = k.Type
	}
	if len(types) != len(graphMLKeys()) || doc.Graph.EdgeDefault != "directed" {
		t.Errorf("keys %v, edgedefault %q", types, doc.Graph.EdgeDefault)
	}
	nodes := graph.Nodes(evidenced)
	if len(doc.Graph.Nodes) != len(nodes) || len(doc.Graph.Edges) != len(evidenced) {
		t.Fatalf("%d nodes and %d edges, want %d and %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), len(nodes), len(evidenced))
	}
	ids := make(map[string]string)
	for i, n := range doc.Graph.Nodes {
		ids[n.ID] = n.Data[0].Value
		if n.Data[0].Key != "n_label" || n.Data[0].Value != nodes[i].Name {
			t.Errorf("node %s: first data %+v, want label %q", n.ID, n.Data[0], nodes[i].Name)
		}
	}
	negated := 0
	for _, e := range append(doc.Graph.Nodes, doc.Graph.Edges...) {
		if e.Source != "" && (ids[e.Source] == "" || ids[e.Target] == "") {
			t.Errorf("edge %s joins unknown nodes %s, %s", e.ID, e.Source, e.Target)
		}
		for _, data := range e.Data {
			var err error
			switch types[data.Key] {
			case "int":
				_, err = strconv.Atoi(data.Value)
			case "double":
				_, err = strconv.ParseFloat(data.Value, 64)
			case "boolean":
				var b bool
				b, err = strconv.ParseBool(data.Value)
				if b {
					negated++
				}
			case "string":
			default:
				err = fmt.Errorf("undeclared key")
			}
			if err != nil {
				t.Errorf("%s data %s = %q: %v", e.ID, data.Key, data.Value, err)
			}
		}
	}
	if negated != 1 {
		t.Errorf("%d negated edges, want 1", negated)
	}
}

// TestNetworkX reads the GraphML with Python's networkx, as an analyst
// would, and checks the counts and the Python types of the attributes.
func TestNetworkX(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on PATH; GraphML not checked by networkx")
	}
	if err := exec.Command(python, "-c", "import networkx").Run(); err != nil {
		t.Skip("python3 has no networkx (apt-get install python3-networkx); GraphML not checked by networkx")
	}
	path := filepath.Join(t.TempDir(), "sample.graphml")
	if err := os.WriteFile(path, write(t, "graphml", evidenced), 0o644); err != nil {
		t.Fatal(err)
	}
	got := networkx(t, python, path)
	want := nxSummary{
		Nodes: len(graph.Nodes(evidenced)), Edges: len(evidenced), Directed: true,
		NodeTypes: map[string]string{"label": "str", "type": "str", "degree": "int", "support": "int"},
		// networkx keeps an edge's GraphML id as an attribute.
		EdgeTypes: map[string]string{"id": "str", "label": "str", "predicate": "str", "support": "int", "weight": "float", "negated": "bool", "modality": "str"},
		Negated:   1,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("networkx reads %+v\nwant %+v", got, want)
	}
}

// nxSummary is what the networkx script reports of a graph.
type nxSummary struct {
	Nodes, Edges int
	Directed     bool
	NodeTypes    map[string]string // attribute → Python type name
	EdgeTypes    map[string]string
	Negated      int
}

const nxScript = `
import json, sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
def types(items):
    out = {}
    for attrs in items:
        for k, v in attrs.items():
            out[k] = type(v).__name__
    return out
print(json.dumps({
    "Nodes": g.number_of_nodes(),
    "Edges": g.number_of_edges(),
    "Directed": g.is_directed(),
    "NodeTypes": types(a for _, a in g.nodes(data=True)),
    "EdgeTypes": types(a for _, _, a in g.edges(data=True)),
    "Negated": sum(1 for _, _, a in g.edges(data=True) if a.get("negated") is True),
}))
`

func networkx(t *testing.T, python, path string) nxSummary {
	t.Helper()
	cmd := exec.Command(python, "-c", nxScript, path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, stderr.Bytes())
	}
	var s nxSummary
	if err := json.Unmarshal(out, &s); err != nil {
		t.Fatalf("networkx output %q: %v", out, err)
	}
	return s
}

// TestNeo4jRoundTrip reads both CSV files back: headers, one row per node
// and edge, typed columns that parse, and every relationship's ends among
// the node ids.
func TestNeo4jRoundTrip(t *testing.T) {
	var nodesCSV, relsCSV bytes.Buffer
	if err := WriteNeo4j(&nodesCSV, &relsCSV, evidenced); err != nil {
		t.Fatal(err)
	}
	nodes, err := csv.NewReader(&nodesCSV).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	rels, err := csv.NewReader(&relsCSV).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := strings.Join(nodes[0], ","); h != ":ID,name,type,:LABEL,degree:int,support:int" {
		t.Errorf("nodes header %s", h)
	}
	if h := strings.Join(rels[0], ","); h != ":START_ID,:END_ID,:TYPE,predicate,support:int,negated:boolean,modality" {
		t.Errorf("relationships header %s", h)
	}
	if len(nodes)-1 != len(graph.Nodes(evidenced)) || len(rels)-1 != len(evidenced) {
		t.Fatalf("%d nodes, %d relationships; want %d, %d", len(nodes)-1, len(rels)-1, len(graph.Nodes(evidenced)), len(evidenced))
	}
	ids := make(map[string]bool)
	for _, n := range nodes[1:] {
		ids[n[0]] = true
		if !strings.HasPrefix(n[3], "Entity") {
			t.Errorf("node %s labels %q", n[0], n[3])
		}
		for _, c := range n[4:] {
			if _, err := strconv.Atoi(c); err != nil {
				t.Errorf("node %s: %v", n[0], err)
			}
		}
	}
	for _, r := range rels[1:] {
		if !ids[r[0]] || !ids[r[1]] {
			t.Errorf("relationship %v joins unknown nodes", r)
		}
		if _, err := strconv.Atoi(r[4]); err != nil {
			t.Errorf("relationship %v: %v", r, err)
		}
		if neg, err := strconv.ParseBool(r[5]); err != nil || neg != strings.HasPrefix(r[2], "NOT_") {
			t.Errorf("relationship %v: negated %q and type %s disagree", r, r[5], r[2])
		}
	}
}

func TestNeo4jType(t *testing.T) {
	tests := []struct {
		pred    string
		negated bool
		want    string
	}{
		{"meets", false, "MEETS"},
		{"works with", false, "WORKS_WITH"},
		{"  member-of  ", false, "MEMBER_OF"},
		{"négocie avec", false, "NÉGOCIE_AVEC"},
		{"meets", true, "NOT_MEETS"},
		{"--", false, "RELATED_TO"},
		{"", true, "NOT_RELATED_TO"},
		{"g7 summit", false, "G7_SUMMIT"},
	}
	for _, tt := range tests {
		if got := neo4jType(graph.Edge{Predicate: tt.pred, Negated: tt.negated}); got != tt.want {
			t.Errorf("neo4jType(%q, negated %t) = %s, want %s", tt.pred, tt.negated, got, tt.want)
		}
	}
}

// TestD3RoundTrip reads the d3 JSON back: every link's ends are node ids
// and the links carry the edges' values.
func TestD3RoundTrip(t *testing.T) {
	var doc struct {
		Nodes []d3Node `json:"nodes"`
		Links []d3Link `json:"links"`
	}
	dec := json.NewDecoder(bytes.NewReader(write(t, "d3.json", evidenced)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	ids := make(map[string]bool)
	for _, n := range doc.Nodes {
		ids[n.ID] = true
	}
	if len(ids) != len(graph.Nodes(evidenced)) || len(doc.Links) != len(evidenced) {
		t.Fatalf("%d nodes, %d links", len(ids), len(doc.Links))
	}
	var want []d3Link
	for _, e := range sortEdges(evidenced) {
		want = append(want, d3Link{e.Subject, e.Object, e.Predicate, e.Support, e.Negated, e.Modality})
		if !ids[e.Subject] || !ids[e.Object] {
			t.Errorf("edge %s-%s: an end is not a node", e.Subject, e.Object)
		}
	}
	if !reflect.DeepEqual(doc.Links, want) {
		t.Errorf("links %+v\nwant %+v", doc.Links, want)
	}
	var empty map[string][]any
	if err := json.Unmarshal(write(t, "d3.json", nil), &empty); err != nil || len(empty["nodes"]) != 0 || empty["links"] == nil {
		t.Errorf("empty graph: %v, %v", empty, err)
	}
}

// TestJSONLRoundTrip decodes every line as a graph.Edge and gets the
// edges back, evidence included.
func TestJSONLRoundTrip(t *testing.T) {
	var got []graph.Edge
	dec := json.NewDecoder(bytes.NewReader(write(t, "jsonl", evidenced)))
	for dec.More() {
		var e graph.Edge
		if err := dec.Decode(&e); err != nil {
			t.Fatal(err)
		}
		got = append(got, e)
	}
	want := sortEdges(evidenced)
	for i := range want {
		for j := range want[i].Evidence {
			ev := &want[i].Evidence[j]
			ev.Sentence = strings.ToValidUTF8(ev.Sentence, "\uFFFD")
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, want)
	}
}

func TestLiteral(t *testing.T) {
	tests := []struct{ in, lang, want string }{
		{"", "", `""`},
		{"Ada", "en", `"Ada"@en`},
		{"Ada", "fr-CA", `"Ada"@fr-CA`},
		{"Ada", "not a tag", `"Ada"`},
		{`say "hi" \o/`, "", `"say \"hi\" \\o/"`},
		{"a\nb\rc\td\be\ff", "", `"a\nb\rc\td\be\ff"`},
		{"bell\a nul\x00 del\x7f esc\x1b", "", `"bell\u0007 nul\u0000 del\u007F esc\u001B"`},
		{"Châtelet 東京 \u0085", "", "\"Châtelet 東京 \u0085\""},
		{"bad \xff end", "", "\"bad \uFFFD end\""},
	}
	for _, tt := range tests {
		if got := literal(tt.in, tt.lang); got != tt.want {
			t.Errorf("literal(%q, %q) = %s, want %s", tt.in, tt.lang, got, tt.want)
		}
	}
}

func TestPercentEncode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Sergei Lavrov", "Sergei%20Lavrov"},
		{"Émilie", "%C3%89milie"},
		{"a-b.c_d~e", "a-b.c_d~e"},
		{"<a>\"{b}|^`\\%", "%3Ca%3E%22%7Bb%7D%7C%5E%60%5C%25"},
		{"x/y?z#w:v", "x%2Fy%3Fz%23w%3Av"},
		{"\xff", "%FF"},
	}
	for _, tt := range tests {
		if got := percentEncode(tt.in); got != tt.want {
			t.Errorf("percentEncode(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestIsLangTag(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"fr", true}, {"en-GB", true}, {"zh-Hant-TW", true}, {"de-1996", true},
		{"", false}, {"-en", false}, {"en-", false}, {"e n", false}, {"1en", false}, {"fr_FR", false}, {"é", false},
	}
	for _, tt := range tests {
		if got := isLangTag(tt.in); got != tt.want {
			t.Errorf("isLangTag(%q) = %t, want %t", tt.in, got, tt.want)
		}
	}
}
