// Package segment cuts a document's text into sentences and tokens,
// keeping byte offsets into the original text: for every Token and
// Sentence, Text == src[Start:End].
//
// The rules are written for French and English news (elisions and clitic
// inversions, « guillemets », English contractions split as in Universal
// Dependencies, abbreviations that do not end sentences, numbers written
// with spaces or commas); which of them a language follows, and its
// elided words, contractions and abbreviations, are its Rules, which the
// lexicon's language.tsv gives. The zero Rules are the generic subset. A line
// break always ends a sentence, because titles and paragraphs are separate
// lines in kg's documents.
//
// It is not a tagger or a parser: tokens carry only a coarse Kind, and the
// package keeps no state between calls. It uses no regular expressions, so
// that splitting a corpus costs little next to the stages that follow.
package segment
