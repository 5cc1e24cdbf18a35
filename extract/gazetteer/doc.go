// Package gazetteer is kg's embedded list of named places and organisations
// in English and French: every country (ISO 3166-1 and a few others, current
// and historical), capitals, major cities and regions, geographic areas,
// international and national organisations, and the demonyms that point to a
// country ("allemandes", "German" → Germany).
//
// It answers one question, "what does this exact phrase name?", with a
// canonical English name, an entity type (GPE, LOC or ORG) and, for places,
// demonyms and state buildings, the country they belong to. Matching is
// case- and accent-insensitive (graph.Fold) except for acronyms, and a
// leading article (the, le, la, les, l') is ignored.
//
// It is not a recogniser: it does not scan text, pick token windows, decide
// whether "Moscou" stands for Russia in a sentence, or know people and
// titles. The data are TSV files under data/, embedded at build time;
// data/countries.tsv is generated from Debian's iso-codes by internal/gen.
package gazetteer
