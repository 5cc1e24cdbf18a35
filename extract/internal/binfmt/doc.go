// Package binfmt holds the small pieces of the binary model formats of
// extract/tag and extract/lemma: length-prefixed strings and bounded
// counts, with a truncated input reported as io.ErrUnexpectedEOF.
package binfmt
