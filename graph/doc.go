// Package graph holds kg's domain types — documents, entities, triples and
// their evidence — and the graph algorithms that work on them
// (neighbourhoods, paths, subgraph selection).
//
// It depends on nothing else in kg: extract produces these types, storage
// keeps them and export draws them. It is not a store and does no I/O.
package graph
