package entity

import "github.com/kgraph/kg/graph"

// Kind says how a mention names its entity.
type Kind uint8

// The kinds of mention.
const (
	Name        Kind = iota // a proper name or gazetteer entry: Sergueï Lavrov, l'ONU
	Authority               // a country's authorities by demonym: les autorités allemandes
	Description             // a person by title: le secrétaire d'Etat américain
	Pronoun                 // il, elle, he, she
)

func (k Kind) String() string {
	switch k {
	case Name:
		return "name"
	case Authority:
		return "authority"
	case Description:
		return "description"
	case Pronoun:
		return "pronoun"
	}
	return "unknown"
}

// Mention is a stretch of a sentence's tokens that names an entity.
type Mention struct {
	Start, End int    // token indexes [Start, End) in the sentence
	Text       string // the name as written (the name part only, for appositions)
	Kind       Kind
	// Name and Type are the canonical English name and type; Name is empty
	// until resolved when the gazetteer does not know the mention.
	Name string
	Type graph.EntityType
	// Capital is set when the name is a capital or a state building
	// ("Moscou", "le Kremlin"): the country (or, for a seat such as
	// Bruxelles, the body) it can stand for.
	Capital string
	// Seat is set when Capital is a body, not a country.
	Seat bool
	// Role is a title read next to the name or in the description
	// ("foreign minister"), and RoleOf the country or organization it is
	// of, when the text says.
	Role   string
	RoleOf string
	// FormerRole is set when the title was held before ("former
	// president", "l'ancien ministre").
	FormerRole bool
	// Country is the country of a demonym in a description
	// ("le ministre russe" → Russia), or the body a title names ("le
	// présidente de la Commission européenne").
	Country string
	// Complement is set when a title goes on with a complement of its
	// own ("président du groupe UMP"): the role is of that, not of a
	// country by default.
	Complement bool
	// Alt is, for a pronoun, the person it stands for if not the one
	// resolution chose: the one mentioned before.
	Alt string
	// Gender is what a pronoun, or an honorific or a title in the
	// mention, says of its person ("elle", "Mme", "la ministre",
	// "spokeswoman"): Feminine, Masculine, or 0 when it says nothing.
	Gender byte
	// Institution is set for a lone institution word named as what a
	// title is of ("Society President X"): it names the body of its kind
	// the document named before, if any, else a body of that name.
	Institution bool
	Known       bool // from the gazetteer
	Plural      bool // "les autorités", "ils"
	// Refers marks an organisation description whose noun refers back
	// to the organisation last named ("la société", "the party"), not
	// a lone institution word ("the Society"); OrgKind is the word that
	// organisation's name carries when the noun asks for a kind
	// ("party"), "" for any.
	Refers  bool
	OrgKind string
	// Full is, for a lone surname the gazetteer does not know, the one
	// person of data/people.tsv who bears it ("Obama" → Barack Obama):
	// whom it names when the document names no one else so.
	Full string
}
