// Package query answers graph-pattern queries over a store: patterns of
// subject, predicate and object whose terms are names, variables or
// wildcards, joined on their shared variables, as in
//
//	?x meets ?y ; ?y visits Moscow
//
// Parse reads the patterns (one per text, or several separated by ';'),
// reporting errors with the text and column they are at. Run joins them
// in one consistent snapshot of the store by index lookups, with the
// filters of Options, giving one Row per distinct binding of the
// variables, most supported first. It plans as it goes: first the
// pattern whose constants the index counts fewest triples for, then at
// each step the pattern whose lookups, bound by the rows so far, would
// read least (counted for a sample of them), so that a path between two
// named entities is bound at both ends before its middle is looked up.
//
// # Syntax
//
// A pattern is three terms: subject, predicate, object. A term is
//
//	?name        a variable (letters, digits, '_'), bound to canonical names
//	* or _       anything, not reported
//	"a name"     a name or predicate in double quotes (\" and \\ escape)
//	bare words   a name or predicate
//
// The word "not" before the predicate (unquoted) matches relations stated
// as denied: `"United States" not "rules out" ?x`. A bare "not" is always
// that marker, so a name containing the word must be quoted.
//
// Bare words next to each other may make one term ("?x is president of
// ?y") or several ("Sergei Lavrov meets ?y"). When they can be split more
// than one way, the split whose predicate the store knows is taken (see
// KnownPredicates); when no split or several do, the query is refused
// with its position: quote the names. Subjects and objects match
// canonical names and aliases ignoring case and accents, and a surname
// its person (storage.Store.Resolve); predicates match canonical
// predicates ignoring case and accents, or with Options.Source the source
// lemmas the predicates were read from.
//
// # Results
//
// A Row binds each variable, in order of first appearance, to a canonical
// name (or predicate). Several relations may match a pattern under one
// binding (through a wildcard or a name resolving to several entities):
// a pattern's support is the number of distinct documents stating any of
// them, and a row's Support and Sources are those of its least supported
// pattern — a chain is as well attested as its weakest link. First and
// Last are the earliest and latest dates of all the documents stating the
// row's relations.
//
// The package reads the store through storage.Snapshot; it does not
// write, extract or print. It is not SPARQL: there are no OPTIONAL,
// UNION, FILTER expressions or projections.
package query
