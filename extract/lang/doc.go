// Package lang guesses the language of a document, so that kg extracts
// triples only from the languages it has lexicons for (French and
// English) and merely stores the others.
//
// The model is a naive Bayes classifier over two kinds of evidence: the
// character trigrams of each word (" de", "de ", "tio") and the most
// common words of each language ("de", "the", "der"). Trigrams tell
// languages apart from a few words, even in headlines made of names and
// content words; common words settle the close calls. It knows French,
// English, German, Spanish, Italian, Portuguese and Dutch, in 200 KB of
// text (model.txt), and judges a document from its first 400 words in
// well under a millisecond. A neural or library-based identifier (CLD,
// fastText) would know more languages but would bring megabytes of
// weights or cgo for a task where seven languages and news text suffice.
//
// French and English are learnt from running news text and treebanks;
// the other five from Debian word lists and hand-written function words,
// as internal/gen (run by go generate) documents; SOURCES.md names the
// data and its licences.
//
// Detect answers "" when unsure: too little text, a script other than
// Latin, no language clearly ahead, or a longer text that fits the best
// language badly, as text in a language the model lacks does (Polish,
// Turkish, Finnish...). It does not tell dialects apart, nor handle
// documents that mix languages beyond naming the main one.
package lang
