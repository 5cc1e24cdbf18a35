package export

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kgraph/kg/graph"
)

// The IRIs kg mints, each followed by a name percent-encoded as UTF-8
// (every byte but A-Z a-z 0-9 - . _ ~): Sergei Lavrov is
// urn:kg:entity:Sergei%20Lavrov, the predicate "works with"
// urn:kg:predicate:works%20with.
const (
	EntityIRI    = "urn:kg:entity:"    // an entity, by canonical name
	PredicateIRI = "urn:kg:predicate:" // a predicate of the triple contract
	TypeIRI      = "urn:kg:type:"      // an entity type: urn:kg:type:PERSON
	DocumentIRI  = "urn:kg:doc:"       // a document, by id
	VocabIRI     = "urn:kg:vocab:"     // kg's properties: urn:kg:vocab:sentence
)

const (
	rdfNS  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	rdfsNS = "http://www.w3.org/2000/01/rdf-schema#"
	xsdNS  = "http://www.w3.org/2001/XMLSchema#"
)

// WriteNTriples writes edges as RDF 1.1 N-Triples. It is WriteNQuads
// with every statement in the default graph.
func WriteNTriples(w io.Writer, edges []graph.Edge) error {
	return writeRDF(w, edges, false)
}

// WriteNQuads writes edges as RDF 1.1 N-Quads, the statements drawn from
// a document in the graph named by the document's IRI.
//
// The mapping, the same for both formats:
//
//   - each entity has rdf:type urn:kg:type:TYPE (when typed) and its name
//     as rdfs:label; each predicate its words as rdfs:label;
//   - a relation that is not negated is stated as the triple
//     <subject> <predicate> <object>, in N-Quads once in the graph of each
//     document stating it; a negated relation is never stated, only
//     reified;
//   - each sentence stating a relation is an rdf:Statement (a blank node)
//     with rdf:subject, rdf:predicate and rdf:object, and the properties
//     urn:kg:vocab:negated (xsd:boolean), modality, doc (the document's
//     IRI), sentence (a literal tagged with its language), spanStart and
//     spanEnd (xsd:integer byte offsets in the document), confidence
//     (xsd:decimal) and source (the lemma), in N-Quads in the document's
//     graph; a relation given without evidence is one rdf:Statement with
//     negated, modality and support (xsd:integer) in the default graph;
//   - each document has urn:kg:vocab:title, date (xsd:date when it is
//     one) and url (xsd:anyURI) when known, in its own graph.
//
// The support of a relation is the number of distinct documents among
// its statements. Literals and IRIs are escaped as the N-Triples grammar
// requires, in its canonical form; blank nodes are numbered in the order
// written, which is that of graph.Nodes then of subject, predicate and
// object, so the same edges give the same bytes.
func WriteNQuads(w io.Writer, edges []graph.Edge) error {
	return writeRDF(w, edges, true)
}

func writeRDF(w io.Writer, edges []graph.Edge, quads bool) error {
	bw := bufio.NewWriter(w)
	// line writes one statement; graphIRI is ignored in N-Triples and ""
	// is the default graph.
	line := func(s, p, o, graphIRI string) {
		bw.WriteString(s)
		bw.WriteByte(' ')
		bw.WriteString(p)
		bw.WriteByte(' ')
		bw.WriteString(o)
		if quads && graphIRI != "" {
			bw.WriteByte(' ')
			bw.WriteString(graphIRI)
		}
		bw.WriteString(" .\n")
	}
	var (
		rdfType = iri(rdfNS + "type")
		label   = iri(rdfsNS + "label")
		vocab   = func(name string) string { return iri(VocabIRI + name) }
	)

	for _, n := range graph.Nodes(edges) {
		s := iri(EntityIRI + percentEncode(n.Name))
		if n.Type != "" {
			line(s, rdfType, iri(TypeIRI+percentEncode(string(n.Type))), "")
		}
		line(s, label, literal(n.Name, ""), "")
	}

	sorted := sortEdges(edges)
	var preds []string
	docs := make(map[string]graph.Evidence) // the first evidence of each document
	for _, e := range sorted {
		preds = append(preds, e.Predicate)
		for _, ev := range e.Evidence {
			if _, ok := docs[ev.Doc]; !ok {
				docs[ev.Doc] = ev
			}
		}
	}
	slices.Sort(preds)
	for _, p := range slices.Compact(preds) {
		line(iri(PredicateIRI+percentEncode(p)), label, literal(p, ""), "")
	}

	blank := 0
	for _, e := range sorted {
		s := iri(EntityIRI + percentEncode(e.Subject))
		p := iri(PredicateIRI + percentEncode(e.Predicate))
		o := iri(EntityIRI + percentEncode(e.Object))
		if !e.Negated {
			if len(e.Evidence) == 0 || !quads {
				line(s, p, o, "")
			} else {
				var last string
				for _, ev := range e.Evidence { // sorted by document
					if ev.Doc != last {
						line(s, p, o, iri(DocumentIRI+percentEncode(ev.Doc)))
						last = ev.Doc
					}
				}
			}
		}
		statement := func(graphIRI string, modality graph.Modality) string {
			blank++
			b := "_:s" + strconv.Itoa(blank)
			line(b, rdfType, iri(rdfNS+"Statement"), graphIRI)
			line(b, iri(rdfNS+"subject"), s, graphIRI)
			line(b, iri(rdfNS+"predicate"), p, graphIRI)
			line(b, iri(rdfNS+"object"), o, graphIRI)
			line(b, vocab("negated"), typed(strconv.FormatBool(e.Negated), "boolean"), graphIRI)
			if modality != "" {
				line(b, vocab("modality"), literal(string(modality), ""), graphIRI)
			}
			return b
		}
		if len(e.Evidence) == 0 {
			b := statement("", e.Modality)
			line(b, vocab("support"), typed(strconv.Itoa(e.Support), "integer"), "")
			continue
		}
		for _, ev := range e.Evidence {
			doc := iri(DocumentIRI + percentEncode(ev.Doc))
			b := statement(doc, ev.Modality)
			line(b, vocab("doc"), doc, doc)
			line(b, vocab("sentence"), literal(ev.Sentence, ev.Lang), doc)
			line(b, vocab("spanStart"), typed(strconv.Itoa(ev.Span.Start), "integer"), doc)
			line(b, vocab("spanEnd"), typed(strconv.Itoa(ev.Span.End), "integer"), doc)
			if !math.IsNaN(ev.Confidence) && !math.IsInf(ev.Confidence, 0) {
				line(b, vocab("confidence"), typed(strconv.FormatFloat(ev.Confidence, 'f', -1, 64), "decimal"), doc)
			}
			if ev.Source != "" {
				line(b, vocab("source"), literal(ev.Source, ""), doc)
			}
		}
	}

	ids := make([]string, 0, len(docs))
	for id := range docs {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		ev := docs[id]
		doc := iri(DocumentIRI + percentEncode(id))
		if ev.Title != "" {
			line(doc, vocab("title"), literal(ev.Title, ev.Lang), doc)
		}
		if ev.Date != "" {
			date := literal(ev.Date, "")
			if _, err := time.Parse(time.DateOnly, ev.Date); err == nil {
				date = typed(ev.Date, "date")
			}
			line(doc, vocab("date"), date, doc)
		}
		if ev.URL != "" {
			line(doc, vocab("url"), typed(ev.URL, "anyURI"), doc)
		}
	}

	if err := bw.Flush(); err != nil {
		if quads {
			return fmt.Errorf("write n-quads: %w", err)
		}
		return fmt.Errorf("write n-triples: %w", err)
	}
	return nil
}

// iri returns s as an N-Triples IRIREF. s is a constant prefix and a
// percent-encoded name, so it needs no escaping.
func iri(s string) string { return "<" + s + ">" }

// percentEncode returns s with every byte other than an RFC 3986
// unreserved character written %XX, so that any name makes a valid IRI
// and URN.
func percentEncode(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// literal returns s as an N-Triples string literal, tagged with lang when
// lang is a well-formed language tag. Escapes are those of canonical
// N-Triples: \" \\ \n \r \t \b \f, \uXXXX for the other control characters
// and DEL; invalid UTF-8 becomes U+FFFD.
func literal(s, lang string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			b.WriteRune(utf8.RuneError)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\b':
			b.WriteString(`\b`)
		case r == '\f':
			b.WriteString(`\f`)
		case r < 0x20 || r == 0x7F:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	if isLangTag(lang) {
		b.WriteByte('@')
		b.WriteString(lang)
	}
	return b.String()
}

// typed returns s as a literal of the XML Schema datatype named.
func typed(s, datatype string) string {
	return literal(s, "") + "^^" + iri(xsdNS+datatype)
}

// isLangTag reports whether s matches the N-Triples LANGTAG production,
// [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func isLangTag(s string) bool {
	if s == "" {
		return false
	}
	for i, part := range strings.Split(s, "-") {
		if part == "" {
			return false
		}
		for j := 0; j < len(part); j++ {
			c := part[j]
			letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
			if !letter && (i == 0 || c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}
