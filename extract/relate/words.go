package relate

import "github.com/kgraph/kg/extract/lexicon"

// The words the rules look for (function words, group nouns, verbs that
// appoint...) are per-language data: the word classes of the lexicon
// (extract/lexicon/<lang>/grammar.tsv, nounclass.tsv, verbclass.tsv).

// is reports whether w is of word class cl in the sentence's language.
func (st *state) is(cl lexicon.WordClass, w string) bool { return st.r.lex.Is(cl, w) }

// is reports whether w is of word class cl in the sentence's language.
func (c *clauses) is(cl lexicon.WordClass, w string) bool { return c.st.r.lex.Is(cl, w) }

// sharedSubject reports an adverbial clause v without a subject of its
// own, that shares its governor's: a participle or gerund, bare or after
// an Adverbial marker ("en s'attaquant à", "by attacking", "after
// meeting"). Infinitives of purpose ("to", "pour") are not Adverbial: the
// parser gives them the same relation when an object controls them
// ("encouraged allies to restrict").
func (c *clauses) sharedSubject(v int) bool {
	m := c.mark(v)
	return m == "" || c.is(lexicon.Adverbial, m)
}
