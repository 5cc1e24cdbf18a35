// Package annotate has a language model annotate a corpus, or a fixed
// sample of it, in the silver format kg's relation model trains on, and
// estimates what that would cost before anything is asked.
//
// The model's answers are read and checked by the extractor's llm
// backend (extract.Extractor.Annotate); this package picks the
// documents, asks for them in parallel, keeps reading order, and writes
// the annotations and the documents they annotate.
package annotate
