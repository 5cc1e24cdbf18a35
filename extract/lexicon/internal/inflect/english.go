package inflect

import "strings"

// English returns the regular forms of an English verb: base, third
// person singular, -ed and -ing. Irregular forms (met, taken) are not
// generated; callers add them from WordNet's verb.exc. A final consonant
// is doubled for one-syllable verbs (ban, banned) and for the
// finally-stressed verbs in doubled (commit, committed).
func English(lemma string) []Form {
	v := strings.ToLower(strings.TrimSpace(lemma))
	if v == "" {
		return nil
	}
	var f forms
	f.add(Base, v)
	f.add(S3, englishS(v))
	stem := v
	if doubles(v) {
		stem = v + v[len(v)-1:]
	}
	switch {
	case strings.HasSuffix(v, "e"):
		f.add(Ed, v+"d")
	case consonantY(v):
		f.add(Ed, v[:len(v)-1]+"ied")
	default:
		f.add(Ed, stem+"ed")
	}
	switch {
	case strings.HasSuffix(v, "ie"):
		f.add(PPr, v[:len(v)-2]+"ying")
	case strings.HasSuffix(v, "e") && len(v) > 2 && !strings.HasSuffix(v, "ee") && !strings.HasSuffix(v, "ye") && !strings.HasSuffix(v, "oe"):
		f.add(PPr, v[:len(v)-1]+"ing")
	default:
		f.add(PPr, stem+"ing")
	}
	return f.list
}

func englishS(v string) string {
	switch {
	case consonantY(v):
		return v[:len(v)-1] + "ies"
	case hasAnySuffix(v, "s", "x", "z", "ch", "sh"), v == "go", v == "do", hasAnySuffix(v, "veto", "echo"):
		return v + "es"
	}
	return v + "s"
}

// EnglishPlural returns the regular plural of an English noun.
func EnglishPlural(n string) string {
	n = strings.ToLower(n)
	switch {
	case consonantY(n):
		return n[:len(n)-1] + "ies"
	case hasAnySuffix(n, "s", "x", "z", "ch", "sh"):
		return n + "es"
	case strings.HasSuffix(n, "man") && n != "human" && n != "german" && n != "roman":
		return strings.TrimSuffix(n, "man") + "men"
	}
	return n + "s"
}

// doubled lists verbs of more than one syllable stressed on the last,
// whose final consonant doubles before -ed and -ing.
var doubled = map[string]bool{
	"commit": true, "admit": true, "permit": true, "submit": true, "omit": true, "emit": true,
	"transmit": true, "refer": true, "prefer": true, "confer": true, "defer": true, "deter": true,
	"occur": true, "incur": true, "recur": true, "transfer": true, "compel": true, "expel": true,
	"propel": true, "repel": true, "rebel": true, "control": true, "patrol": true, "regret": true,
	"forbid": true, "equip": true, "acquit": true, "embed": true, "abet": true,
	"extol": true, "quit": true, "enrol": true, "instil": true, "annul": true, "dispel": true,
}

func doubles(v string) bool {
	if d, ok := doubled[v]; ok {
		return d
	}
	n := len(v)
	if n < 3 || syllables(v) != 1 {
		return false
	}
	c, vw, c0 := v[n-1], v[n-2], v[n-3]
	return !isVowel(c) && !strings.ContainsRune("wxy", rune(c)) && isVowel(vw) && !isVowel(c0)
}

func syllables(v string) int {
	n, prev := 0, false
	for i := 0; i < len(v); i++ {
		vw := isVowel(v[i]) || (v[i] == 'y' && i > 0)
		if vw && !prev {
			n++
		}
		prev = vw
	}
	if strings.HasSuffix(v, "e") && n > 1 && !strings.HasSuffix(v, "le") {
		n-- // silent final e: "rule", "vote"
	}
	return n
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func consonantY(v string) bool {
	return len(v) > 1 && v[len(v)-1] == 'y' && !isVowel(v[len(v)-2])
}

func hasAnySuffix(s string, suf ...string) bool {
	for _, x := range suf {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// FrenchPlural returns the plural forms of a French noun or adjective
// (masculine or feminine as given): +s, +x after -au/-eau/-eu,
// -al → -aux. Nouns ending in s, x or z do not change.
func FrenchPlural(n string) []string {
	n = strings.ToLower(n)
	if p, ok := frenchIrregularPlural[n]; ok {
		return p
	}
	switch {
	case hasAnySuffix(n, "s", "x", "z"):
		return []string{n}
	case hasAnySuffix(n, "au", "eu") && n != "pneu" && n != "bleu":
		return []string{n + "x"}
	case strings.HasSuffix(n, "al") && !frenchAlS[n]:
		return []string{strings.TrimSuffix(n, "al") + "aux"}
	}
	return []string{n + "s"}
}

var frenchIrregularPlural = map[string][]string{
	"travail": {"travaux"}, "bail": {"baux"}, "corail": {"coraux"}, "vitrail": {"vitraux"},
	"œil": {"yeux"}, "oeil": {"yeux"}, "ciel": {"cieux", "ciels"}, "monsieur": {"messieurs"},
	"madame": {"mesdames"}, "bijou": {"bijoux"}, "caillou": {"cailloux"}, "chou": {"choux"},
	"genou": {"genoux"}, "hibou": {"hiboux"}, "joujou": {"joujoux"}, "pou": {"poux"},
	"final": {"finals", "finaux"}, "idéal": {"idéaux", "idéals"},
}

// frenchAlS lists -al words whose plural is -als.
var frenchAlS = map[string]bool{
	"bal": true, "carnaval": true, "festival": true, "récital": true, "régal": true,
	"chacal": true, "cérémonial": true, "naval": true, "fatal": true, "natal": true,
	"banal": true, "étal": true,
}
