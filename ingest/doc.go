// Package ingest runs a corpus through extraction into the store: it
// reads documents as they stream from the readers, skips those already
// stored with the same content, extracts the rest and writes each
// document with its triples in one transaction, so that a run killed at
// any point resumes where it stopped without duplicates. When the store
// refuses a write because its disk is nearly full (storage.ErrDiskFull),
// the run stops, naming the first document not stored.
//
// It wires extract and storage together through the small interfaces it
// defines; it has no extraction or storage logic of its own.
package ingest
