// Package export draws kg's aggregated edges as diagrams: Graphviz DOT
// written by hand, so that the same edges always give the same bytes, and
// SVG laid out by go-graphviz (Graphviz compiled to WebAssembly, run by
// wazero, no cgo).
//
// It does not choose what to draw: selecting a neighbourhood or bounding
// the number of nodes is graph's work (graph.Neighborhood, graph.Limit).
// It offers no PNG, since go-graphviz draws PNG badly (its issue #106).
//
// Importing this package runs go-graphviz's init, which compiles or loads
// its WebAssembly module (about 20 ms with wazero's cache in
// $TMPDIR/go-graphviz, 400 ms without).
package export
