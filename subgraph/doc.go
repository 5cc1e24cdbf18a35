// Package subgraph picks the part of a store's graph that kg export
// writes: it reads the store's relations, resolves the names the user
// gave to the store's entities, and selects with graph.Select. It also
// writes the caption that says what a drawing shows.
//
// It does the store's side of the work that graph (selection, no I/O)
// and export (formats, no choice of what to write) leave out, and
// nothing of the command line: errors carry no exit status or advice.
package subgraph
