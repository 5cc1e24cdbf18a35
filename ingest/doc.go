// Package ingest runs a corpus through extraction into the store: it
// reads documents as they stream from the readers, skips those already
// stored with the same content, extracts the rest and writes each
// document with its triples in one transaction, so that a run killed at
// any point resumes where it stopped without duplicates. When the store
// refuses a write because its disk is nearly full (storage.ErrDiskFull),
// the run stops, naming the first document not stored.
//
// Load stores shards, the documents Run emits (Options.EmitDocument)
// where they were extracted, through the same writer: a store loaded from
// the shards of a corpus is the store of one Run over it, and a load
// resumes as a run does.
//
// It wires extract and storage together through the small interfaces it
// defines; it has no extraction or storage logic of its own.
package ingest
