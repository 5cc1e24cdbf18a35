// Package inflect generates the inflected forms of French and English verbs
// and the plurals of nouns, by rule and from small hand-written tables.
//
// It exists so that the lexicon can recognise "rencontré", "envisageaient"
// or "imposed" without a lemmatizer: the generator (../gen) writes the
// forms of every lexicon verb to an embedded forms.tsv, and the lexicon
// calls it at load time for verbs that user extension files add.
//
// It is not a lemmatizer and knows nothing of words outside the verbs it is
// asked about. The French irregular models are written by hand (no
// third-party conjugation data), so the package carries no licence
// obligation beyond kg's own. English irregular forms are not here: they
// come from WordNet's verb.exc through the generator.
package inflect
