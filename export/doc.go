// Package export draws kg's aggregated edges as diagrams: Graphviz DOT
// written by hand, so that the same edges always give the same bytes,
// placed by dot, sfdp or neato (Style.Layout), and SVG laid out by
// go-graphviz (Graphviz compiled to WebAssembly, run by wazero, no cgo).
//
// It also writes them in the interchange formats of other graph tools,
// each in a fixed order whatever the order of the edges given: RDF as
// N-Triples and N-Quads, with evidence as RDF reification (WriteNTriples,
// WriteNQuads), GraphML with typed attributes for Gephi, yEd and networkx
// (WriteGraphML), the CSV files of neo4j-admin import (WriteNeo4j),
// d3-force's JSON (WriteD3) and JSON Lines of graph.Edge (WriteJSONL).
//
// It does not choose what to draw: filtering, selecting a neighbourhood
// or paths and bounding the number of nodes is graph's work (graph.Select).
//
// PNG is laid out by go-graphviz and drawn by package raster from
// Graphviz's drawing operations (Renderer.PNG), not by go-graphviz's own
// PNG renderer, which draws badly (its issue #106); NativePNG runs the
// system's dot -Tpng instead.
//
// Importing this package runs go-graphviz's init, which compiles or loads
// its WebAssembly module (tens of milliseconds with wazero's cache, 0.7 s
// without), with the cache package internal/graphvizcache gives it; this
// package's init gives TMPDIR back.
package export
