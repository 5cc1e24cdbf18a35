package segment

import "strings"

// The word lists below are switch statements rather than maps so that they
// are constant and need no initialisation; each is small.

// abbrClass says what an abbreviation followed by a period does to a
// sentence.
type abbrClass uint8

const (
	notAbbr abbrClass = iota
	// abbrNever never ends a sentence: titles, months, initials (M., Dr.,
	// Jan., John F. Kennedy).
	abbrNever
	// abbrBeforeNumber is an abbreviation only before a number (No. 5,
	// p. 12); elsewhere the period is punctuation.
	abbrBeforeNumber
	// abbrMaybe ends a sentence when the next word starts one (etc.).
	abbrMaybe
	// abbrCautious ends a sentence only before a word that commonly starts
	// one (U.S., Inc., Jr.): "the U.S. Congress" goes on, "the U.S. The"
	// does not.
	abbrCautious
)

// abbreviation returns the class of w (without its final period) as an
// abbreviation under the language's rules.
func abbreviation(w string, r Rules) abbrClass {
	switch w {
	// Titles and other abbreviations common to French and English news.
	case "Dr", "St", "Prof", "Mgr", "Gen", "Gén", "Col", "Lt", "Sgt", "Capt", "Cpt",
		"Adm", "Maj", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Mt", "Ft", "Messrs",
		"cf", "Cf", "vs", "approx", "ca", "viz",
		"Jan", "Feb", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec":
		return abbrNever
	case "No", "Nos", "no", "nos", "p", "pp", "vol", "Vol", "art", "Art", "ch", "chap", "fig", "Fig", "Nr", "nr":
		return abbrBeforeNumber
	case "etc", "Etc":
		return abbrMaybe
	case "Inc", "Ltd", "Corp", "Co", "Bros", "Jr", "Sr", "al", "Cie", "Ste":
		return abbrCautious
	}
	if inList(r.Abbreviations, w) {
		return abbrNever
	}
	return notAbbr
}

// inList reports whether w is one of the comma-separated words of list.
func inList(list, w string) bool {
	for list != "" {
		var item string
		item, list, _ = strings.Cut(list, ",")
		if item == w {
			return true
		}
	}
	return false
}

// commonStarter reports whether w often starts a sentence; it decides
// whether a cautious abbreviation (U.S., Inc.) ends one.
func commonStarter(w string) bool {
	switch w {
	case "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That",
		"These", "Those", "There", "His", "Her", "Its", "Their", "Our", "But", "And",
		"In", "On", "At", "For", "As", "After", "Before", "However", "Also", "So",
		"When", "While", "If", "According", "Meanwhile", "Some", "Many", "Most",
		"Le", "La", "Les", "L'", "L’", "Il", "Elle", "Ils", "Elles", "Nous",
		"Un", "Une", "Des", "Ce", "Cette", "Ces", "Mais", "Et", "En", "Dans", "Pour",
		"Selon", "Depuis", "Après", "Avant", "Cependant", "Toutefois", "Par", "Sur",
		"Au", "Aux", "Du", "De", "Si", "Lors", "C'", "C’", "Cela", "Ceci":
		return true
	}
	return false
}

// clitic reports whether w is a French pronoun that follows a verb after a
// hyphen (dit-il, pensez-vous, donne-le-moi).
func clitic(w string) bool {
	switch w {
	case "il", "elle", "on", "ils", "elles", "je", "tu", "nous", "vous",
		"le", "la", "les", "lui", "leur", "moi", "toi", "y", "en", "ce":
		return true
	}
	return false
}

// tClitic reports whether w follows a euphonic -t- (a-t-il, va-t-en).
func tClitic(w string) bool {
	switch w {
	case "il", "elle", "on", "ils", "elles", "en":
		return true
	}
	return false
}

// notInversion lists hyphenated words whose second part looks like a
// clitic but which are nouns.
func notInversion(w string) bool {
	switch lower(w) {
	case "rendez-vous", "chez-soi", "chez-moi", "chez-nous":
		return true
	}
	return false
}

// lower is strings.ToLower without the allocation for words that are
// already in lower case, which is nearly all of them.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}
