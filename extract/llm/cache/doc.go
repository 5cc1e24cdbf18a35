// Package cache keeps the answers of a language model on disk, one file
// per (model, prompt version, document hash), so that running kg again
// on a corpus, or resuming a run that was killed, asks the model only
// for the documents it has not answered yet.
//
// The cache is a directory of its own (by default under the user's cache
// directory), not a part of the store: kg annotate writes no store, kg
// extract --no-store and kg eval neither, and a store removed and built
// again, or a second store of the same corpus, still finds the answers it
// paid for. An entry is written to a temporary file, synced and renamed
// into place, so a kill at any moment leaves either the whole entry or
// none; a damaged entry (a crash of the machine) reads as missing.
package cache
