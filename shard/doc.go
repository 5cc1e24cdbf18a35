// Package shard reads and writes shards: what kg extract --emit shard
// writes for kg load, everything a store keeps of each document it
// extracted, so that documents extracted elsewhere (on other machines, by
// any engine running kg over parts of a corpus) can be stored as if they
// had been extracted where they are loaded.
//
// A shard is JSON Lines. Each document is a header line followed by its
// triples, one a line:
//
//	{"shard":1,"document":{...},"entities":[...],"sentences":4,"tokens":97,"triples":2}
//	{"subject":"Sergei Lavrov","subject_type":"PERSON","predicate":"meets",...,"doc":"a.txt",...}
//	{"subject":"Germany",...}
//
// "shard" is the format version, in every header so that shards can be
// concatenated. "document" is the document's record as the store keeps it
// (graph.Document without its text: id, path and line where it was read,
// title, date, url, language, hash of the text, extraction fingerprint,
// unmapped verbs); "entities" the entities extraction resolved in it, with
// their aliases; "sentences" and "tokens" what extraction read; "triples"
// how many triple lines follow; "skipped", when set, why the document was
// stored without extraction (its language), with no triples. Triple lines
// are in the form of the triple contract, as kg extract --emit jsonl
// writes them, so the triples of a shard are its lines without "shard".
//
// The count of triples makes a shard cut short by a killed writer
// detectable: a document with fewer triple lines than its header says is
// an error, never a document with part of its triples.
package shard
