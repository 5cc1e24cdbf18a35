// Package ingest runs a corpus through extraction into the store: it
// reads documents as they stream from the readers, skips those already
// stored with the same content, extracts the rest and writes each
// document with its triples in one transaction, so that a run killed at
// any point resumes where it stopped without duplicates. Given the
// store's directory, it stops writing when the disk is nearly full,
// before Badger would crash on it.
//
// It wires extract and storage together through the small interfaces it
// defines; it has no extraction or storage logic of its own.
package ingest
