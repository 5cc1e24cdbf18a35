package entity

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/kgraph/kg/graph"
)

// The genders a mention or a person can have. Zero means unknown.
const (
	Feminine  byte = 'f'
	Masculine byte = 'm'
)

//go:embed data/firstnames.tsv
var firstNamesTSV []byte

// FirstNames maps folded given names to the gender they tell: Feminine,
// Masculine, or 0 for a name borne by both.
type FirstNames map[string]byte

// LoadFirstNames reads the embedded first-name table.
func LoadFirstNames() (FirstNames, error) {
	fn := FirstNames{}
	sc := bufio.NewScanner(bytes.NewReader(firstNamesTSV))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		name, g, ok := strings.Cut(line, "\t")
		if !ok || name == "" || (g != "f" && g != "m" && g != "-") {
			return nil, fmt.Errorf("first-name table data/firstnames.tsv:%d: want name<TAB>f, m or -", n)
		}
		fn[graph.Fold(name)] = genderOf(g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("first-name table data/firstnames.tsv: %w", err)
	}
	return fn, nil
}

func genderOf(g string) byte {
	switch g {
	case "f":
		return Feminine
	case "m":
		return Masculine
	}
	return 0
}

// defaultFirstNames is the embedded table, read once and never changed.
var defaultFirstNames = sync.OnceValue(func() FirstNames {
	fn, err := LoadFirstNames()
	if err != nil {
		// The table is embedded and TestFirstNamesTable checks it.
		panic(err)
	}
	return fn
})

// Person returns the gender a person's full name tells by its first
// word: "Hillary Clinton" is feminine, "Jean-Marc Ayrault" masculine by
// "Jean". A single word (a surname, maybe), an initial or a name the table
// does not know tells nothing.
func (fn FirstNames) Person(name string) byte {
	words := strings.Fields(name)
	if len(words) < 2 {
		return 0
	}
	first := graph.Fold(words[0])
	if g, ok := fn[first]; ok {
		return g
	}
	// A compound first name takes the gender of its first part:
	// Jean-Marie, Marie-Christine, Anne-Sophie.
	if head, _, ok := strings.Cut(first, " "); ok {
		return fn[head]
	}
	return 0
}

// compatible reports whether a person of gender p can be the referent of
// a mention of gender m: unknown on either side fits anything.
func compatible(p, m byte) bool {
	return p == 0 || m == 0 || p == m
}

// pronounGender returns the gender of a personal pronoun.
func pronounGender(text string) byte {
	switch strings.ToLower(text) {
	case "il", "-il", "-t-il", "he", "him":
		return Masculine
	case "elle", "-elle", "-t-elle", "she", "her":
		return Feminine
	}
	return 0
}

// honorificGender gives the gender of the honorifics (folded) that say
// one. Dr, Lord and their like are in honorifics but not all here.
var honorificGender = map[string]byte{
	"mme": Feminine, "mme.": Feminine, "mlle": Feminine, "mlle.": Feminine, "madame": Feminine,
	"mademoiselle": Feminine, "mrs": Feminine, "mrs.": Feminine, "ms": Feminine, "ms.": Feminine,
	"m.": Masculine, "monsieur": Masculine, "mr": Masculine, "mr.": Masculine, "sir": Masculine, "lord": Masculine,
}

// titleWordGender gives, by language, the words of title phrases (folded,
// one word each) whose form says the holder's gender: the feminine forms
// of French titles and qualifiers, and the few gendered English ones.
// Epicene words ("ministre", "secrétaire", "president" in English) are
// absent.
var titleWordGender = map[string]map[string]byte{
	"fr": {
		"presidente": Feminine, "cheffe": Feminine, "premiere": Feminine, "deleguee": Feminine,
		"chanceliere": Feminine, "reine": Feminine, "princesse": Feminine, "dirigeante": Feminine,
		"generale": Feminine, "ambassadrice": Feminine, "envoyee": Feminine, "representante": Feminine,
		"mediatrice": Feminine, "deputee": Feminine, "eurodeputee": Feminine, "senatrice": Feminine,
		"elue": Feminine, "gouverneure": Feminine, "prefete": Feminine, "conseillere": Feminine,
		"procureure": Feminine, "avocate": Feminine, "europeenne": Feminine, "haute": Feminine,
		"directrice": Feminine, "patronne": Feminine, "fondatrice": Feminine, "correspondante": Feminine,
		"candidate": Feminine, "opposante": Feminine, "militante": Feminine, "alliee": Feminine,
		"negociatrice": Feminine, "speciale": Feminine, "imperatrice": Feminine, "duchesse": Feminine,
		"comtesse": Feminine, "baronne": Feminine, "actuelle": Feminine, "ancienne": Feminine,
		"nouvelle": Feminine, "sortante": Feminine, "future": Feminine,

		"president": Masculine, "premier": Masculine, "delegue": Masculine, "chancelier": Masculine,
		"roi": Masculine, "prince": Masculine, "dirigeant": Masculine, "general": Masculine,
		"ambassadeur": Masculine, "envoye": Masculine, "representant": Masculine, "mediateur": Masculine,
		"depute": Masculine, "eurodepute": Masculine, "senateur": Masculine, "elu": Masculine,
		"gouverneur": Masculine, "prefet": Masculine, "conseiller": Masculine, "procureur": Masculine,
		"avocat": Masculine, "europeen": Masculine, "haut": Masculine, "directeur": Masculine,
		"patron": Masculine, "fondateur": Masculine, "correspondant": Masculine, "candidat": Masculine,
		"opposant": Masculine, "militant": Masculine, "allie": Masculine, "negociateur": Masculine,
		"special": Masculine, "emir": Masculine, "pape": Masculine, "dictateur": Masculine,
		"empereur": Masculine, "duc": Masculine, "comte": Masculine, "baron": Masculine,
		"sultan": Masculine, "ayatollah": Masculine, "actuel": Masculine, "ancien": Masculine,
		"nouveau": Masculine, "sortant": Masculine, "futur": Masculine,
	},
	"en": {
		"queen": Feminine, "princess": Feminine, "congresswoman": Feminine, "spokeswoman": Feminine,
		"chairwoman": Feminine, "duchess": Feminine, "empress": Feminine, "countess": Feminine,
		"baroness": Feminine, "businesswoman": Feminine,

		"king": Masculine, "prince": Masculine, "congressman": Masculine, "spokesman": Masculine,
		"chairman": Masculine, "emperor": Masculine, "duke": Masculine, "baron": Masculine,
		"emir": Masculine, "sultan": Masculine, "pope": Masculine, "ayatollah": Masculine,
		"businessman": Masculine,
	},
}

// frenchArticleGender gives the gender of the French determiners that say
// one before a title: "la ministre", "le ministre".
var frenchArticleGender = map[string]byte{
	"la": Feminine, "une": Feminine, "sa": Feminine, "cette": Feminine,
	"le": Masculine, "un": Masculine, "du": Masculine, "au": Masculine, "ce": Masculine,
}

// titleGender returns the gender a title phrase at tokens [i, end) says,
// by its words or, in French, by the determiner before it; 0 when it says
// none or says both. Complements are left out: "président de la Commission
// européenne" is a man.
func (r *Recognizer) titleGender(s *sentence, i, end int) byte {
	var g byte
	words := titleWordGender[r.lang]
	for k := i; k < end && !titlePrepositions[s.low[k]]; k++ {
		for _, w := range strings.Fields(s.low[k]) {
			if wg := words[w]; wg != 0 {
				if g != 0 && g != wg {
					return 0
				}
				g = wg
			}
		}
	}
	if r.lang == "fr" && i > 0 {
		if ag := frenchArticleGender[s.low[i-1]]; ag != 0 {
			if g != 0 && g != ag {
				return 0
			}
			g = ag
		}
	}
	return g
}

// titlePrepositions (folded) start the complement of a title.
var titlePrepositions = map[string]bool{
	"de": true, "du": true, "des": true, "d'": true, "a": true, "au": true, "aux": true,
	"of": true, "for": true, "at": true,
}
