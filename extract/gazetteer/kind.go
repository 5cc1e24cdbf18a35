package gazetteer

import "strconv"

// Kind says what sort of thing an Entry is, finer than its entity type.
type Kind uint8

const (
	Country Kind = iota + 1 // sovereign or de facto state, dependency, or historical state
	Capital                 // capital city of a country
	City                    // other city or town
	Region                  // region, province or territory with a government (GPE)
	Place                   // geographic area without a government: continent, sea, desert (LOC)
	Org                     // organisation, party, institution, news outlet
	Demonym                 // adjective or people-noun of a country ("German", "allemandes")
)

func (k Kind) String() string {
	switch k {
	case Country:
		return "country"
	case Capital:
		return "capital"
	case City:
		return "city"
	case Region:
		return "region"
	case Place:
		return "place"
	case Org:
		return "org"
	case Demonym:
		return "demonym"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// parseKind reads the kind column of places.tsv.
func parseKind(s string) (Kind, bool) {
	for k := Country; k <= Demonym; k++ {
		if k.String() == s {
			return k, true
		}
	}
	return 0, false
}
