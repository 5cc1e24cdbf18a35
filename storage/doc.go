// Package storage keeps a knowledge graph in an embedded Badger database:
// documents, the entities they name and the triples they state, with the
// sentence each triple was read from.
//
// A document is written with its triples in one transaction
// (Store.PutDocument), so a store killed between documents holds each
// document either whole or not at all. Writing a document again with the
// same content hash does nothing; with another hash it replaces the old
// version's triples. Every subject/predicate/object pattern is answered by
// a prefix scan of one of three indexes (keys.go describes the layout);
// subjects and objects are looked up by canonical name or alias, ignoring
// case and accents (graph.Fold). Edges aggregates triples into relations
// with their support (the number of distinct documents stating them),
// their sources (distinct sites, see Site) and first and last article
// dates; EdgesWhere counts only the sentences passing a graph.Filter (polarity,
// dates, language, modality, source lemma). A Snapshot is a consistent
// view for a series of lookups by exact canonical names — what the query
// package joins — with index counts for planning them.
//
// One process at a time may open a store for writing; another gets an
// error wrapping ErrLocked. Badger's own logging is off unless
// Options.Logger is set.
//
// The package stores and answers queries; it does not extract triples,
// resolve entities across documents (callers give canonical names), or
// render anything. The document text is not stored, only its hash and the
// sentences of its triples.
package storage
