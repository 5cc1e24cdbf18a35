package score

// The scorer's normalisations, for code that must see names and
// predicates as the scorer does (the relation model's training aligns
// annotations to candidates with them).

// NormName normalises an entity or concept name as the scorer does.
func NormName(s string) string { return normName(s) }

// NormPred normalises a predicate as the scorer does ("meets" = "meet").
func NormPred(s string) string { return normPred(s) }

// NameMatch reports whether a normalised name matches one of the
// normalised forms: equal, or one ends with the other as whole words.
func NameMatch(name string, forms []string) bool { return nameMatch(name, forms) }

// Symmetric reports whether a normalised predicate holds both ways.
func Symmetric(p string) bool { return symmetric(p) }
