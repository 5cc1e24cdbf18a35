// Package entity finds the mentions of entities in tokenized sentences and
// resolves them, within a document, to canonical English names.
//
// Recognition (recognize.go) marks proper-name chains, gazetteer entries,
// authorities named by a demonym ("les autorités allemandes" → Germany),
// descriptions by title ("le secrétaire d'Etat américain") and personal
// pronouns, and reads titles next to names as roles. Resolution
// (resolve.go) joins the mentions of one document: a surname refers back
// to the full name, a description or pronoun to the most recent
// compatible person, spelling variants to one canonical form.
//
// Persons have a gender when something tells it: the first name, in the
// embedded first-name table (data/firstnames.tsv); an honorific ("Mme",
// "Mr") or a gendered title ("la présidente", "le ministre",
// "spokeswoman") in a mention; or an English "he" or "she" with no other
// person around. A pronoun or a gendered description resolves only to a
// person of its gender or of none known.
//
// Words that type a name or rule one out by what they are live in
// data/words.tsv, by language: institution, event and place words
// ("Board", "War", "Island") type a capitalised chain the gazetteer does
// not know; a month next to a number or a preposition is a date ("in
// May"); time zones ("UTC", "heure de Paris") and photo credits ("Image:
// X") name no actor. A lone institution word ("the Society") names the
// body of its kind the document named before, or nothing. A state title
// next to a politician of data/people.tsv and no country is of the
// politician's country ("President Vladimir Putin" in a story about
// another country).
//
// The words its rules look for (honorifics, name particles, pronouns,
// classifier nouns, gendered title words...) live in
// data/<lang>/wordclass.tsv, with the words of names in any language in
// data/any/wordclass.tsv: a language is a folder of data.
//
// It works on tokens, not trees; it does not find relations.
package entity
