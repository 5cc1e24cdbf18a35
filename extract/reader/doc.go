// Package reader finds the documents kg extracts from: .txt, .md, .html
// and .jsonl files, directories of them, and standard input, as described
// under "Input documents" in the triple contract (spec/triples.md).
//
// It turns each into a graph.Document whose Text is what the rest of the
// pipeline reads and what span offsets point into: plain text is kept
// verbatim, Markdown loses its markup, HTML keeps its visible text with one
// paragraph a line. Documents that cannot be read (binary, invalid UTF-8,
// empty, too large, malformed JSON) are reported as Warnings and skipped,
// so that one bad file does not stop a corpus. A document over the size
// limit is refused without being held in memory: a file by its size, a
// .jsonl line by counting it as it is read (from standard input, up to
// the limit is held). A .jsonl date that graph.CheckDocumentDate refuses
// is dropped with a Warning that is Kept: the document is read undated;
// so is a "lang" not among Options.Languages, the language then left to
// detection.
//
// It does not detect languages, split sentences or store anything.
package reader
