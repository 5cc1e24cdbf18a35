package extract

import (
	"strings"

	"github.com/kgraph/kg/extract/lexicon"
)

// normalisePredicate puts a predicate a language model wrote into the
// form of kg's own: lower case, no auxiliaries or negation (which it
// reports), present tense, third person singular, and the English
// lexicon's canonical predicate when one of its verb rows has this verb
// and preposition ("met with" → meets, "spoke with" → talks with, "has
// ruled out" → rules out). "is X of" (roles) is kept; the past is put in
// the present as kg's own triples have it: "was born in" → is born in,
// "was mayor of" → is former mayor of.
func normalisePredicate(en *lexicon.Lexicon, p string) (pred string, negated bool) {
	words := strings.Fields(strings.ToLower(strings.Trim(p, " \t\n.,;:!?\"'")))
	// Auxiliaries, modals and negation before the verb.
	for len(words) > 1 {
		w := words[0]
		switch {
		case negations[w]:
			negated = true
		case modals[w] || w == "to":
		case (w == "has" || w == "have" || w == "had") && (negations[words[1]] || len(en.Lemma(words[1])) > 0):
		case (w == "is" || w == "are" || w == "was" || w == "were") && (negations[words[1]] || strings.HasSuffix(words[1], "ing") && len(en.Lemma(words[1])) > 0):
			// "is not", "is meeting": the verb follows.
		case w == "been" || w == "be":
		default:
			goto verb
		}
		words = words[1:]
	}
verb:
	if len(words) == 0 {
		return "", negated
	}
	switch words[0] {
	case "are", "be", "been":
		words[0] = "is"
	case "were":
		words[0] = "was"
	case "have":
		words[0] = "has"
	}
	if words[0] == "was" && len(words) > 1 {
		words[0] = "is"
		// "was mayor of" is a role held before; "was born in", a
		// participle, is the passive in the present.
		if last := words[len(words)-1]; len(en.Lemma(words[1])) == 0 && (last == "of" || last == "at" || last == "for") && words[1] != "former" {
			words = append([]string{"is", "former"}, words[1:]...)
		}
	}
	if words[0] == "is" || words[0] == "has" {
		return strings.Join(words, " "), negated
	}
	lemma := verbLemma(en, words[0])
	rest := strings.Join(words[1:], " ")
	for _, row := range en.Verbs(lemma) {
		if row.Class != lexicon.Action && row.Class != lexicon.Speech {
			continue
		}
		prep := row.Prep
		if prep == "-" {
			prep = ""
		}
		if strings.TrimSpace(row.Particle+" "+prep) == rest {
			return row.Predicate, negated
		}
	}
	pred = thirdPersonOf(lemma)
	if rest != "" {
		pred += " " + rest
	}
	return pred, negated
}

// verbLemma returns the lemma of an English verb form: the lexicon's
// (met → meet, meets → meet), else the word less a third-person ending.
func verbLemma(en *lexicon.Lexicon, w string) string {
	if len(en.Verbs(w)) > 0 {
		return w
	}
	lemmas := en.Lemma(w)
	for _, l := range lemmas {
		if len(en.Verbs(l)) > 0 {
			return l
		}
	}
	if len(lemmas) > 0 {
		return lemmas[0]
	}
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return strings.TrimSuffix(w, "ies") + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "xes"):
		return strings.TrimSuffix(w, "es")
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return strings.TrimSuffix(w, "s")
	}
	return w
}

// thirdPersonOf returns the present third person singular of a verb
// lemma: meet → meets, carry → carries, push → pushes.
func thirdPersonOf(v string) string {
	switch {
	case v == "be":
		return "is"
	case v == "have":
		return "has"
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "x"), strings.HasSuffix(v, "z"),
		strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "o"):
		return v + "es"
	case len(v) > 1 && strings.HasSuffix(v, "y") && !strings.ContainsRune("aeiou", rune(v[len(v)-2])):
		return v[:len(v)-1] + "ies"
	}
	return v + "s"
}

var negations = map[string]bool{"not": true, "never": true, "no": true, "doesn't": true, "didn't": true, "don't": true, "won't": true, "isn't": true, "wasn't": true, "hasn't": true, "haven't": true, "cannot": true, "can't": true}

var modals = map[string]bool{"will": true, "would": true, "shall": true, "should": true, "may": true, "might": true, "can": true, "could": true, "must": true, "does": true, "did": true, "do": true}
