// Package prompt holds what kg asks a language model for one document —
// the annotation rules of the triple contract in kg's own words, with
// invented examples, and the JSON schema of the answer — and reads the
// answer back.
//
// Version names the prompt and schema together: answers are cached under
// it (with the model and the document's hash), so any change to the text
// below must change Version, or old answers would be taken for new ones.
package prompt
