// Package extract turns documents into triples: it detects a document's
// language, splits it into sentences and tokens, finds and resolves the
// entities it mentions and the relations between them, and returns them
// as graph.Triple values in the form of the triple contract.
//
// Each stage is a package of its own, in pipeline order: reader (files
// to documents), lang (language), segment (sentences and tokens),
// gazetteer and lexicon (embedded data), entity (mentions and their
// resolution), relate (relations). This package wires them; it never
// touches the store.
package extract
