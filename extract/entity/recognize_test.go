package entity

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/gazetteer"
	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/segment"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/shareddata"
)

// recognizers returns a French and an English recognizer on the embedded
// gazetteer and lexicons.
func recognizers(t *testing.T) map[string]*Recognizer {
	t.Helper()
	gaz, err := gazetteer.New()
	if err != nil {
		t.Fatal(err)
	}
	rs := map[string]*Recognizer{}
	for _, lang := range []string{"fr", "en"} {
		lex, err := lexicon.Load(lang)
		if err != nil {
			t.Fatal(err)
		}
		r, err := NewRecognizer(lang, gaz, lex)
		if err != nil {
			t.Fatal(err)
		}
		rs[lang] = r
	}
	return rs
}

// seenCapitalised returns a capitalised func for Recognizer.Sentence that
// knows the given words (folded) as seen capitalised elsewhere in the
// document.
func seenCapitalised(words ...string) func(string) bool {
	seen := map[string]bool{}
	for _, w := range words {
		seen[graph.Fold(w)] = true
	}
	return func(w string) bool { return seen[w] }
}

// describe renders a mention on one line, with only the fields that are
// set: kind, text, the tokens it spans when they differ from the text
// (an honorific or an apposed title), canonical name, type and the rest.
func describe(src string, toks []segment.Token, m Mention) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q", m.Kind, m.Text)
	if span := src[toks[m.Start].Start:toks[m.End-1].End]; span != m.Text {
		fmt.Fprintf(&b, " span=%q", span)
	}
	if m.Name != "" {
		fmt.Fprintf(&b, " → %s", m.Name)
	}
	typ := string(m.Type)
	if typ == "" {
		typ = "untyped"
	}
	b.WriteString(" " + typ)
	if m.Known {
		b.WriteString(" known")
	}
	if m.Plural {
		b.WriteString(" plural")
	}
	if m.Complement {
		b.WriteString(" complement")
	}
	for _, f := range []struct{ key, val string }{
		{"role", m.Role}, {"of", m.RoleOf}, {"country", m.Country}, {"capital", m.Capital}, {"full", m.Full},
	} {
		if f.val != "" {
			fmt.Fprintf(&b, " %s=%q", f.key, f.val)
		}
	}
	return b.String()
}

// Sentences marked "Wikinews" are copied from Wikinews articles (CC BY
// 2.5, Wikinews contributors); testdata/SOURCES.md names them.
var recognizeTests = []struct {
	name string
	lang string
	text string
	seen []string // words capitalised elsewhere in the document
	want []string
}{
	// A capitalised compound ending in a common word is no name.
	{
		name: "fr compound common noun",
		lang: "fr", text: "Ils votaient au Nevada, Etat-pivot du scrutin.",
		want: []string{
			`name "Nevada" → Nevada GPE known`,
		},
	},
	// Two particles inside a name.
	{
		name: "en name with two particles",
		lang: "en", text: "Yesterday Ursula von der Leyen met Mark Rutte.",
		want: []string{
			`name "Ursula von der Leyen" PERSON`,
			`name "Mark Rutte" PERSON`,
		},
	},
	// Acronyms of common nouns are no names.
	{
		name: "fr common-noun acronyms",
		lang: "fr", text: "La PME a payé la TVA et Renault aussi.",
		want: []string{
			`name "Renault" → Renault ORG known`,
		},
	},
	// Arabic articles joined to a name by a hyphen stay in it.
	{
		name: "en name with a lower-case article",
		lang: "en", text: "Later, al-Masri met Ahmed al-Rashid in Cairo.",
		want: []string{
			`name "al-Masri" untyped`,
			`name "Ahmed al-Rashid" PERSON`,
			`name "Cairo" → Cairo GPE known capital="Egypt"`,
		},
	},
	// Gazetteer names, with the article outside the mention.
	{
		name: "fr gazetteer names with articles",
		lang: "fr", text: "La France et les Etats-Unis ont saisi l'ONU.",
		want: []string{
			`name "France" → France GPE known`,
			`name "Etats-Unis" → United States GPE known`,
			`name "ONU" → United Nations ORG known`,
		},
	},
	{
		name: "fr lower-case multiword org",
		lang: "fr", text: "Le texte sera soumis lundi au conseil de sécurité de l'ONU à New York.",
		want: []string{
			`name "conseil de sécurité de l'ONU" → United Nations Security Council ORG known`,
			`name "New York" → New York GPE known`,
		},
	},
	{
		name: "fr lower-case org and lower-case second word",
		lang: "fr", text: "Les Nations unies et le conseil de sécurité ont voté.",
		want: []string{
			`name "Nations unies" → United Nations ORG known`,
			`name "conseil de sécurité" → United Nations Security Council ORG known`,
		},
	},
	{
		name: "fr capital and state building stand for their country",
		lang: "fr", text: "Le Kremlin a répondu à Paris.",
		want: []string{
			`name "Kremlin" → Kremlin ORG known capital="Russia"`,
			`name "Paris" → Paris GPE known capital="France"`,
		},
	},
	{
		name: "fr hyphenated place and lower-case word in an org",
		lang: "fr", text: "La Commission européenne siège loin de Saint-Pétersbourg.",
		want: []string{
			`name "Commission européenne" → European Commission ORG known`,
			`name "Saint-Pétersbourg" → Saint Petersburg GPE known`,
		},
	},

	// Authorities by demonym, and plural demonym nouns.
	{
		name: "fr authorities",
		lang: "fr", text: "Pendant ce temps, les autorités allemandes et le gouvernement français se taisent.",
		want: []string{
			`authority "autorités allemandes" → Germany GPE known plural`,
			`authority "gouvernement français" → France GPE known`,
		},
	},
	{
		name: "fr authorities, Wikinews",
		lang: "fr", text: "Les autorités chinoises ont refusé cet accès.",
		want: []string{
			`authority "autorités chinoises" → China GPE known plural`,
		},
	},
	{
		name: "fr armed forces are authorities",
		lang: "fr", text: "Hier, les forces syriennes ont bombardé Alep.",
		want: []string{
			`authority "forces syriennes" → Syria GPE known plural`,
			`name "Alep" → Aleppo GPE known`,
		},
	},
	{
		name: "en authorities",
		lang: "en", text: "French Foreign Minister Jean-Marc Ayrault met the German government and Turkish authorities.",
		want: []string{
			`name "Jean-Marc Ayrault" span="French Foreign Minister Jean-Marc Ayrault" PERSON role="foreign minister" of="France"`,
			`authority "German government" → Germany GPE known`,
			`authority "Turkish authorities" → Turkey GPE known`,
		},
	},
	{
		name: "en authorities, Wikinews",
		lang: "en", text: "The Russian government dismissed the claim from Berlin as groundless.",
		want: []string{
			`authority "Russian government" → Russia GPE known`,
			`name "Berlin" → Berlin GPE known capital="Germany"`,
		},
	},
	{
		name: "fr institution named by its head and lower-case complements",
		lang: "fr", text: "L'Association des maires ruraux de France a écrit au gouvernement.",
		want: []string{`name "Association des maires ruraux de France" ORG`},
	},
	{
		name: "en lower-case demonym is no demonym",
		lang: "en", text: "They polish the french windows.",
		want: nil,
	},

	// Titles with a demonym before, inside or after them; appositions.
	{
		name: "fr title with inserted demonym, apposed name",
		lang: "fr", text: "Le ministre français des Affaires étrangères, Laurent Fabius, est arrivé à Berlin.",
		want: []string{
			`name "Laurent Fabius" span="ministre français des Affaires étrangères, Laurent Fabius" PERSON role="foreign minister" of="France"`,
			`name "Berlin" → Berlin GPE known capital="Germany"`,
		},
	},
	{
		name: "fr title then demonym, apposed name",
		lang: "fr", text: "Le chef de la diplomatie russe, Sergueï Lavrov, a parlé.",
		want: []string{
			`name "Sergueï Lavrov" span="chef de la diplomatie russe, Sergueï Lavrov" PERSON role="foreign minister" of="Russia"`,
		},
	},
	{
		name: "fr titles next to names",
		lang: "fr", text: "Le président américain Barack Obama a reçu la chancelière allemande Angela Merkel.",
		want: []string{
			`name "Barack Obama" span="président américain Barack Obama" PERSON role="president" of="United States"`,
			`name "Angela Merkel" span="chancelière allemande Angela Merkel" PERSON role="chancellor" of="Germany"`,
		},
	},
	{
		name: "fr title without country, of a known politician",
		lang: "fr", text: "Lundi, le président Vladimir Poutine a reçu le Premier ministre britannique, David Cameron, au Kremlin.",
		want: []string{
			`name "Vladimir Poutine" span="président Vladimir Poutine" PERSON role="president" of="Russia"`,
			`name "David Cameron" span="Premier ministre britannique, David Cameron" PERSON role="prime minister" of="United Kingdom"`,
			`name "Kremlin" → Kremlin ORG known capital="Russia"`,
		},
	},
	{
		name: "fr name then apposed title closed by a comma",
		lang: "fr", text: "Hillary Clinton, la secrétaire d'Etat américaine, a parlé.",
		want: []string{
			`name "Hillary Clinton" span="Hillary Clinton, la secrétaire d'Etat américaine" PERSON role="secretary of state" of="United States"`,
		},
	},
	{
		name: "fr name then title starting the next clause",
		lang: "fr", text: "Tous ont remercié Angela Merkel, la chancelière allemande a répondu par écrit.",
		want: []string{
			`name "Angela Merkel" PERSON role="chancellor" of="Germany"`,
			`description "chancelière allemande" PERSON role="chancellor" country="Germany"`,
		},
	},
	{
		name: "fr descriptions",
		lang: "fr", text: "La secrétaire d'Etat américaine a salué le ministre russe.",
		want: []string{
			`description "secrétaire d'Etat américaine" PERSON role="secretary of state" country="United States"`,
			`description "ministre russe" PERSON role="minister" country="Russia"`,
		},
	},
	{
		name: "en title with demonym before it, Wikinews",
		lang: "en", text: "According to Mexican President Andrés Manuel López Obrador, six Mexican nationals were killed in the attack, and seven more were injured.",
		want: []string{
			`name "Andrés Manuel López Obrador" span="Mexican President Andrés Manuel López Obrador" PERSON role="president" of="Mexico"`,
		},
	},
	{
		name: "en demonym, qualifier and title, Wikinews",
		lang: "en", text: "On Wednesday, the German government said Russian opposition leader Alexei Navalny was poisoned with Novichok, a range of neurotoxins developed by the Soviet Union.",
		want: []string{
			`authority "German government" → Germany GPE known`,
			`name "Alexei Navalny" span="Russian opposition leader Alexei Navalny" PERSON role="opposition leader" of="Russia"`,
			`name "Novichok" untyped`,
			`name "Soviet Union" → Soviet Union GPE known`,
		},
	},
	{
		name: "en apposed title after a name",
		lang: "en", text: "Boris Johnson, the British prime minister, resigned.",
		want: []string{
			`name "Boris Johnson" span="Boris Johnson, the British prime minister" PERSON role="prime minister" of="United Kingdom"`,
		},
	},
	{
		name: "en description and pronoun",
		lang: "en", text: "The prime minister said he was sorry.",
		want: []string{
			`description "prime minister" PERSON role="prime minister"`,
			`pronoun "he" PERSON`,
		},
	},

	{
		name: "fr adjectives between a title and a name",
		lang: "fr", text: "Le président sortant Barack Obama a salué le premier ministre travailliste Gordon Brown.",
		want: []string{
			`name "Barack Obama" span="président sortant Barack Obama" PERSON role="president" of="United States"`,
			`name "Gordon Brown" span="premier ministre travailliste Gordon Brown" PERSON role="prime minister" of="United Kingdom"`,
		},
	},
	{
		name: "fr title with a complement of its own",
		lang: "fr", text: "Le président du comité a démissionné.",
		want: []string{
			`description "président" PERSON complement role="president"`,
		},
	},

	// Classifier nouns type the name after them.
	{
		name: "fr classifier nouns",
		lang: "fr", text: "Le constructeur PSA a signé avec la compagnie Ryanair près de la ville de Trifouillis.",
		want: []string{
			`name "PSA" ORG`,
			`name "Ryanair" ORG`,
			`name "Trifouillis" GPE`,
		},
	},
	{
		name: "en classifier nouns",
		lang: "en", text: "The airline Ryanair and the company Acme agreed.",
		want: []string{
			`name "Ryanair" ORG`,
			`name "Acme" ORG`,
		},
	},

	// Honorifics are outside the name and make it a person.
	{
		name: "fr honorifics",
		lang: "fr", text: "M. Hollande a reçu Mme Merkel.",
		want: []string{
			`name "Hollande" span="M. Hollande" PERSON`,
			`name "Merkel" span="Mme Merkel" PERSON`,
		},
	},
	{
		name: "en honorifics",
		lang: "en", text: "Mr. Smith met Dr. Jones, Ms. Clinton and Mr Brown.",
		want: []string{
			`name "Smith" span="Mr. Smith" PERSON`,
			`name "Jones" span="Dr. Jones" PERSON`,
			`name "Clinton" span="Ms. Clinton" PERSON`,
			`name "Brown" span="Mr Brown" PERSON`,
		},
	},

	// Capitalised function words and months are not names.
	{
		name: "fr sentence-initial function words",
		lang: "fr", text: "Alors que la crise continue, Paris hésite.",
		want: []string{
			`name "Paris" → Paris GPE known capital="France"`,
		},
	},
	{
		name: "fr Selon before a name, Wikinews",
		lang: "fr", text: "Selon François Dubet, sociologue français et professeur à l'Université Bordeaux II, une personne n'ayant pas le bac est « socialement marqué comme quelqu'un ayant des problèmes ».",
		want: []string{
			`name "François Dubet" PERSON`,
			`name "Université Bordeaux II" ORG`,
		},
	},
	{
		name: "fr function word before a name mid-sentence",
		lang: "fr", text: "Pourtant Hollande a gagné.",
		want: []string{
			`name "Hollande" PERSON full="François Hollande"`,
		},
	},
	{
		name: "fr months and days",
		lang: "fr", text: "Janvier a été froid, Lundi aussi, en Mars comme en Juillet.",
		seen: []string{"janvier", "mars", "juillet"},
		want: nil,
	},
	{
		name: "en months and days",
		lang: "en", text: "In January, the talks failed; on Monday and in February, March and December too.",
		want: nil,
	},
	{
		name: "en According to",
		lang: "en", text: "According to the University of Oxford, NATO and the EU disagree.",
		want: []string{
			`name "University of Oxford" ORG`,
			`name "NATO" → NATO ORG known`,
			`name "EU" → European Union ORG known`,
		},
	},

	// A capitalised first word is a name only if the document capitalises
	// it elsewhere.
	{
		name: "fr first word seen capitalised elsewhere",
		lang: "fr", text: "Hollande a gagné.",
		seen: []string{"hollande"},
		want: []string{`name "Hollande" PERSON full="François Hollande"`},
	},
	{
		name: "fr first word seen only sentence-initially",
		lang: "fr", text: "Hollande a gagné.",
		want: nil,
	},
	{
		name: "en first word seen capitalised elsewhere",
		lang: "en", text: "Obama said he was pleased.",
		seen: []string{"obama"},
		want: []string{`name "Obama" PERSON full="Barack Obama"`, `pronoun "he" PERSON`},
	},
	{
		name: "en first word seen only sentence-initially",
		lang: "en", text: "Obama said he was pleased.",
		want: []string{`pronoun "he" PERSON`},
	},
	{
		name: "fr chain of two at sentence start needs no evidence",
		lang: "fr", text: "Nicolas Sarkozy a quitté l'Elysée.",
		want: []string{
			`name "Nicolas Sarkozy" PERSON`,
			`name "Elysée" → Élysée ORG known capital="France"`,
		},
	},

	// Hyphenated names, connectors, acronyms.
	{
		name: "fr hyphenated names",
		lang: "fr", text: "Jean-Marc Ayrault a rencontré Ban Ki-moon.",
		want: []string{
			`name "Jean-Marc Ayrault" PERSON`,
			`name "Ban Ki-moon" PERSON`,
		},
	},
	{
		name: "fr connectors in names",
		lang: "fr", text: "En mars, la Banque de France a cité Charles de Gaulle.",
		want: []string{
			`name "Banque de France" → Bank of France ORG known`,
			`name "Charles de Gaulle" PERSON`,
		},
	},
	{
		name: "en connectors in names, Wikinews",
		lang: "en", text: "Both are professors at the University of Geneva; Queloz is also a professor at the University of Cambridge.",
		want: []string{
			`name "University of Geneva" ORG`,
			`name "Queloz" untyped`,
			`name "University of Cambridge" ORG`,
		},
	},
	{
		name: "en gazetteer org with connector",
		lang: "en", text: "The Wall Street Journal reported that the Bank of England raised rates.",
		want: []string{
			`name "Wall Street Journal" → The Wall Street Journal ORG known`,
			`name "Bank of England" → Bank of England ORG known`,
		},
	},
	{
		name: "en institution names with for and and",
		lang: "en", text: "The Institute for Coastal Research warned the Ministry of Transport and Tourism on Monday.",
		want: []string{
			`name "Institute for Coastal Research" ORG`,
			`name "Ministry of Transport and Tourism" ORG`,
		},
	},
	{
		name: "en a people's adjective opens a company's name; abbreviated titles",
		lang: "en", text: "Norwegian Shipping hired Sen. Mary Cole, and Gen. Tom Hale joined Danish Ferries.",
		want: []string{
			`name "Norwegian Shipping" ORG`,
			`name "Mary Cole" span="Sen. Mary Cole" PERSON role="senator"`,
			`name "Tom Hale" span="Gen. Tom Hale" PERSON role="general"`,
			`name "Danish Ferries" ORG`,
		},
	},
	{
		name: "en and between two long institution names",
		lang: "en", text: "On Monday the Coastal Workers Union of Maine and Native Forest Heritage Fund sued the state.",
		want: []string{
			`name "Coastal Workers Union of Maine" ORG`,
			`name "Native Forest Heritage Fund" ORG`,
		},
	},
	{
		name: "en a company's name a known name opens",
		lang: "en", text: "Canada Packers Ltd sold its stake to Reuters Holdings Plc and to Apple Inc.",
		want: []string{
			`name "Canada Packers Ltd" ORG`,
			`name "Reuters Holdings Plc" ORG`,
			`name "Apple Inc." → Apple ORG known`,
		},
	},
	{
		name: "en an auxiliary capitalised by mistake",
		lang: "en", text: "This showed the U.S. Would be ready to act, Theresa May said.",
		want: []string{
			`name "U.S." → United States GPE known`,
			`name "Theresa May" PERSON`,
		},
	},
	{
		name: "en state abbreviations",
		lang: "en", text: "A court in Miami, Fla., ruled; Trenton, N.J., agreed with Sen. Mary Cole (D-Calif.).",
		want: []string{
			`name "Miami" → Miami GPE known`,
			`name "Fla" → Florida GPE known`,
			`name "Trenton" untyped`,
			`name "N.J." → New Jersey GPE known`,
			`name "Mary Cole" span="Sen. Mary Cole" PERSON role="senator"`,
		},
	},
	{
		name: "en for and and between names",
		lang: "en", text: "Germany thanked Austria for Hungary's help; the Ministry of Defence and Britain agreed, as did Acme Inc. for Norway.",
		want: []string{
			`name "Germany" → Germany GPE known`,
			`name "Austria" → Austria GPE known`,
			`name "Hungary" → Hungary GPE known`,
			`name "Ministry of Defence" ORG`,
			`name "Britain" → United Kingdom GPE known`,
			`name "Acme Inc." ORG`,
			`name "Norway" → Norway GPE known`,
		},
	},
	{
		name: "en institution complement with an article",
		lang: "en", text: "Officials of the Ministry of the Interior met the Bank of the West.",
		want: []string{
			`name "Ministry of the Interior" ORG`,
			`name "Bank of the West" ORG`,
		},
	},
	{
		name: "en place opening an event's or a treaty's name",
		lang: "en", text: "Sweden joined the Paris Agreement before the Tokyo Olympics, held far from Paris.",
		want: []string{
			`name "Sweden" → Sweden GPE known`,
			`name "Paris Agreement" EVENT`,
			`name "Tokyo Olympics" EVENT`,
			`name "Paris" → Paris GPE known capital="France"`,
		},
	},
	{
		name: "en company legal forms close names",
		lang: "en", text: "Apple Inc. met Toyota Motor Corp. and Siemens AG.",
		want: []string{
			`name "Apple Inc." → Apple ORG known`,
			`name "Toyota Motor Corp." ORG`,
			`name "Siemens AG" ORG`,
		},
	},
	{
		name: "en award with a complement",
		lang: "en", text: "She received the Presidential Medal of Freedom, as Karsten Warholm of Norway did not.",
		want: []string{
			`pronoun "She" PERSON`,
			`name "Presidential Medal of Freedom" EVENT`,
			`name "Karsten Warholm" PERSON`,
			`name "Norway" → Norway GPE known`,
		},
	},
	{
		name: "en title word as a surname",
		lang: "en", text: "Stephen King met Jim Justice after Martin Luther King Jr. day, as Senate President Thomas Rivera Schatz did.",
		want: []string{
			`name "Stephen King" PERSON`,
			`name "Jim Justice" PERSON`,
			`name "Martin Luther King Jr." PERSON`,
			`name "Senate" ORG`,
			`name "Thomas Rivera Schatz" span="President Thomas Rivera Schatz" PERSON role="president"`,
		},
	},
	// A plural title inside an institution's name names its members.
	{
		name: "en members in an institution's name",
		lang: "en", text: "The Council of Economic Advisers and the Board of Governors met Senate President Ann Lowe.",
		want: []string{
			`name "Council of Economic Advisers" ORG`,
			`name "Board of Governors" ORG`,
			`name "Senate" ORG`,
			`name "Ann Lowe" span="President Ann Lowe" PERSON role="president"`,
		},
	},
	// A place after a company's acronym is its branch there; after a
	// classifier, the name itself.
	{
		name: "en company branch",
		lang: "en", text: "IBM France hired engineers and GM Europe cut jobs, the NGO Human Rights Watch said.",
		want: []string{
			`name "IBM France" ORG`,
			`name "GM Europe" ORG`,
			`name "Human Rights Watch" → Human Rights Watch ORG known`,
		},
	},
	// A region's, religion's or people's word is no name alone.
	{
		name: "en group words",
		lang: "en", text: "Yesterday European and Asian ministers met Muslims in the European Union.",
		want: []string{
			`description "ministers" PERSON role="minister"`,
			`name "European Union" → European Union ORG known`,
		},
	},
	{
		name: "fr group words",
		lang: "fr", text: "Hier, les Européens et les Musulmans ont salué l'Union européenne.",
		want: []string{
			`name "Union européenne" → European Union ORG known`,
		},
	},
	// A capitalised common noun after any determiner or a number is no
	// name; nor is a lone capital letter.
	{
		name: "fr capitalised common nouns and letters",
		lang: "fr", text: "Son État et 26 États ont dépensé 90 M$ avec Renault.",
		want: []string{
			`name "Renault" → Renault ORG known`,
		},
	},
	// A run of common words is no person, unless a given name opens it.
	{
		name: "en common words",
		lang: "en", text: "The National Intelligence Estimate worried Will Smith and Tomasz Kowalczyk.",
		want: []string{
			`name "National Intelligence Estimate" untyped`,
			`name "Will Smith" PERSON`,
			`name "Tomasz Kowalczyk" PERSON`,
		},
	},
	{
		name: "en place opening an institution's name",
		lang: "en", text: "The Atlantic Gas and Water Company sued the Glasgow School of Art, not Glasgow.",
		want: []string{
			`name "Atlantic Gas and Water Company" ORG`,
			`name "Glasgow School of Art" ORG`,
			`name "Glasgow" → Glasgow GPE known`,
		},
	},
	{
		name: "fr acronyms known and unknown",
		lang: "fr", text: "Le FMI, l'UMP et la CGT ont répondu.",
		want: []string{
			`name "FMI" → International Monetary Fund ORG known`,
			`name "UMP" → Union for a Popular Movement ORG known`,
			`name "CGT" → General Confederation of Labour ORG known`,
		},
	},
	{
		name: "fr lone capitalised noun after an article is not a name",
		lang: "fr", text: "Le budget de la Santé inquiète l'Association.",
		want: nil,
	},
	{
		name: "fr unknown place after a locative",
		lang: "fr", text: "Mon grand-père est né à Trifouillis.",
		want: []string{`name "Trifouillis" GPE`},
	},

	// The word classes of data/words.tsv.
	{
		name: "en months that are also names, in dates",
		lang: "en", text: "The vote was moved to May, then from Feb 3 to 12 May; Theresa May agreed in Jan.",
		want: []string{`name "Theresa May" PERSON`},
	},
	{
		name: "en time zones",
		lang: "en", text: "The strike began at 06:00 GMT (0800 CET) and ended at noon Lisbon time.",
		want: nil,
	},
	{
		name: "fr time zone named by its city",
		lang: "fr", text: "Le vote s'achève à 20 heures, heure de Paris, selon Jean Dufour.",
		want: []string{`name "Jean Dufour" PERSON`},
	},
	{
		name: "en photo credit",
		lang: "en", text: "Dancers at the parade in Leeds Image: Tom Harlow.",
		want: []string{`name "Leeds" GPE`},
	},
	{
		name: "en party words before a name and before a common noun",
		lang: "en", text: "Republican officials and the Democratic primary voters met Democrat Halvorsen and the Democratic House.",
		want: []string{`name "Halvorsen" PERSON`, `name "House" untyped`},
	},
	{
		name: "en party word before a title",
		lang: "en", text: "They chose Ann Kerr as the new Conservative leader.",
		want: []string{`name "Ann Kerr" PERSON`, `name "Conservative" → Conservative Party ORG known`, `description "leader" PERSON role="leader"`},
	},
	{
		name: "en institution, event and place words type a chain",
		lang: "en", text: "The Avon Valley Police and the National Widget Safety Board said Hurricane Zelda hit Mirren Island.",
		want: []string{
			`name "Avon Valley Police" ORG`,
			`name "National Widget Safety Board" ORG`,
			`name "Hurricane Zelda" EVENT`,
			`name "Mirren Island" LOC`,
		},
	},
	{
		name: "en and inside an institution's name",
		lang: "en", text: "Then the House Ethics and Budget Committee met the Senate and Assembly Committee.",
		want: []string{`name "House Ethics and Budget Committee" ORG`, `description "Senate" ORG`, `name "Assembly Committee" ORG`},
	},
	{
		name: "fr an institution's name with another country after it",
		lang: "fr", text: "Le Sénat de Belgique et la Cour suprême du Canada ont répondu à l'Assemblée nationale de France.",
		want: []string{
			`name "Sénat de Belgique" ORG`,
			`name "Cour suprême du Canada" ORG`,
			`name "Assemblée nationale" → National Assembly of France ORG known`,
			`name "France" → France GPE known`,
		},
	},
	{
		name: "en lone institution word before a title",
		lang: "en", text: "Then Society President Ann Kerr spoke.",
		want: []string{`name "Society" ORG`, `name "Ann Kerr" span="President Ann Kerr" PERSON role="president"`},
	},
	{
		name: "en words before a title are what it is of",
		lang: "en", text: "Yesterday Liberal National MP Jane Doe resigned.",
		want: []string{`name "Liberal National" ORG`, `name "Jane Doe" span="MP Jane Doe" PERSON role="member of parliament"`},
	},

	// A state title next to a known politician is of the politician's
	// country.
	{
		name: "fr state title of a known politician",
		lang: "fr", text: "Le ministre a reçu la chancelière Angela Merkel et le président Jean Dupont.",
		want: []string{
			`description "ministre" PERSON role="minister"`,
			`name "Angela Merkel" span="chancelière Angela Merkel" PERSON role="chancellor" of="Germany"`,
			`name "Jean Dupont" span="président Jean Dupont" PERSON role="president"`,
		},
	},
	{
		name: "en state title of a known politician, not a body's",
		lang: "en", text: "Later, President Vladimir Putin met NATO Secretary General Jens Stoltenberg.",
		want: []string{
			`name "Vladimir Putin" span="President Vladimir Putin" PERSON role="president" of="Russia"`,
			`name "NATO" → NATO ORG known`,
			`name "Jens Stoltenberg" span="Secretary General Jens Stoltenberg" PERSON role="secretary-general"`,
		},
	},

	{
		name: "en state title of a known politician named by surname",
		lang: "en", text: "In Mexico, President Reagan met Prime Minister Thatcher.",
		want: []string{
			`name "Mexico" → Mexico GPE known`,
			`name "Reagan" span="President Reagan" PERSON role="president" of="United States" full="Ronald Reagan"`,
			`name "Thatcher" span="Prime Minister Thatcher" PERSON role="prime minister" of="United Kingdom" full="Margaret Thatcher"`,
		},
	},
	{
		name: "fr state title of a known politician named with a middle name",
		lang: "fr", text: "La secrétaire d'Etat Hillary Rodham Clinton est arrivée.",
		want: []string{
			`name "Hillary Rodham Clinton" span="secrétaire d'Etat Hillary Rodham Clinton" PERSON role="secretary of state" of="United States"`,
		},
	},

	// Pronouns.
	{
		name: "fr pronouns mid-sentence",
		lang: "fr", text: "Selon lui, il partira et elle restera.",
		want: []string{`pronoun "il" PERSON`, `pronoun "elle" PERSON`},
	},
}

// TestRecognizerGender: honorifics, titles and pronouns give their
// mentions a gender; epicene titles and bare names give none.
func TestRecognizerGender(t *testing.T) {
	rs := recognizers(t)
	tests := []struct {
		name, lang, text string
		want             []string // kind "text" gender (f, m or -)
	}{
		{
			name: "fr honorifics",
			lang: "fr", text: "M. Hollande a reçu Mme Merkel, Madame Royal et Monsieur Valls.",
			want: []string{`name "Hollande" m`, `name "Merkel" f`, `name "Royal" f`, `name "Valls" m`},
		},
		{
			name: "en honorifics",
			lang: "en", text: "Mr. Smith met Dr. Jones, Ms. Clinton and Mrs Brown.",
			want: []string{`name "Smith" m`, `name "Jones" -`, `name "Clinton" f`, `name "Brown" f`},
		},
		{
			name: "fr feminine title in apposition",
			lang: "fr", text: "La chancelière allemande, Angela Merkel, a rencontré le président français.",
			want: []string{`name "Angela Merkel" f`, `description "président français" m`},
		},
		{
			name: "fr article before an epicene title",
			lang: "fr", text: "La ministre de la Justice a écrit au ministre de l'Intérieur.",
			want: []string{`description "ministre de la Justice" f`, `description "ministre de l'Intérieur" m`},
		},
		{
			name: "fr qualifier, and a complement left out",
			lang: "fr", text: "L'ancienne présidente du Chili et le président de la Commission européenne sont venus.",
			want: []string{`description "ancienne présidente du Chili" f`, `description "président de la Commission européenne" m`},
		},
		{
			name: "fr honorific with an epicene first name",
			lang: "fr", text: "La ministre de l'Ecologie, Dominique Voynet, a reçu M. Claude Guéant. Elle lui a dit qu'il avait tort.",
			want: []string{`name "Dominique Voynet" f`, `name "Claude Guéant" m`, `pronoun "Elle" f`, `pronoun "il" m`},
		},
		{
			name: "en gendered and epicene titles",
			lang: "en", text: "Queen Elizabeth met President Barack Obama, spokeswoman Jen Psaki and the chairman.",
			want: []string{`name "Elizabeth" f`, `name "Barack Obama" -`, `name "Jen Psaki" f`, `description "chairman" m`},
		},
		{
			name: "en pronouns",
			lang: "en", text: "He said she thanked him.",
			want: []string{`pronoun "He" m`, `pronoun "she" f`, `pronoun "him" m`},
		},
		{
			name: "fr inverted pronouns",
			lang: "fr", text: "Viendra-t-il ? Partira-t-elle ?",
			want: []string{`pronoun "-t-il" m`, `pronoun "-t-elle" f`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range segment.Split(tt.text, rs[tt.lang].traits.Spelling) {
				for _, m := range rs[tt.lang].Sentence(tt.text, s.Tokens, seenCapitalised()) {
					g := "-"
					if m.Gender != 0 {
						g = string(m.Gender)
					}
					got = append(got, fmt.Sprintf("%s %q %s", m.Kind, m.Text, g))
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s\n got:\n\t%s\nwant:\n\t%s", tt.text, strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

func TestRecognizerSentence(t *testing.T) {
	rs := recognizers(t)
	for _, tt := range recognizeTests {
		t.Run(tt.name, func(t *testing.T) {
			toks := segment.Tokenize(tt.text, rs[tt.lang].traits.Spelling)
			ms := rs[tt.lang].Sentence(tt.text, toks, seenCapitalised(tt.seen...))
			var got []string
			for _, m := range ms {
				got = append(got, describe(tt.text, toks, m))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("%s\n got:\n\t%s\nwant:\n\t%s", tt.text, strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// checkInvariants checks what every result must satisfy: mentions in
// order, not overlapping, within the sentence, starting and ending on
// words, with the text inside the span; known mentions have a name.
func checkInvariants(t *testing.T, src string, toks []segment.Token, ms []Mention) {
	t.Helper()
	if len(toks) == 0 {
		if len(ms) > 0 {
			t.Errorf("%d mentions in no tokens", len(ms))
		}
		return
	}
	sentence := src[toks[0].Start:toks[len(toks)-1].End]
	end := 0
	for _, m := range ms {
		if m.Start < end || m.End <= m.Start || m.End > len(toks) {
			t.Errorf("%s: mention %q spans [%d,%d) after %d in %d tokens", sentence, m.Text, m.Start, m.End, end, len(toks))
			continue
		}
		end = m.End
		if toks[m.Start].Kind != segment.Word || toks[m.End-1].Kind != segment.Word {
			t.Errorf("%s: mention %q does not start and end on words", sentence, m.Text)
		}
		span := src[toks[m.Start].Start:toks[m.End-1].End]
		if m.Text == "" || !strings.Contains(span, m.Text) {
			t.Errorf("%s: mention text %q is not in its span %q", sentence, m.Text, span)
		}
		if m.Known && m.Name == "" {
			t.Errorf("%s: known mention %q has no name", sentence, m.Text)
		}
	}
}

func TestRecognizerInvariants(t *testing.T) {
	rs := recognizers(t)
	for _, tt := range recognizeTests {
		toks := segment.Tokenize(tt.text, rs[tt.lang].traits.Spelling)
		for _, capitalised := range []func(string) bool{seenCapitalised(), func(string) bool { return true }} {
			checkInvariants(t, tt.text, toks, rs[tt.lang].Sentence(tt.text, toks, capitalised))
		}
	}
}

// TestRecognizeNews runs recognition and resolution over Wikinews
// articles and checks the invariants on real text.
func TestRecognizeNews(t *testing.T) {
	dir := filepath.Join(shareddata.Dir(t), "data", "news")
	rs := recognizers(t)
	tr := translit(t)
	for _, c := range []struct{ lang, file string }{
		{"fr", "fr-wikinews-keyphrase100.jsonl"},
		{"en", "en-wikinews-vanatteveldt.jsonl"},
	} {
		f, err := os.Open(filepath.Join(dir, c.file))
		if err != nil {
			t.Skipf("news corpus: %v", err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<22)
		mentions := 0
		for n := 0; n < 40 && sc.Scan(); n++ {
			var doc struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
				t.Fatalf("%s: %v", c.file, err)
			}
			sents := segment.Split(doc.Text, rs[c.lang].traits.Spelling)
			capitalised := capitalisedIn(sents)
			res := NewResolver(tr)
			all := make([][]Mention, len(sents))
			for i, s := range sents {
				all[i] = rs[c.lang].Sentence(doc.Text, s.Tokens, capitalised)
				checkInvariants(t, doc.Text, s.Tokens, all[i])
				res.Prime(all[i])
			}
			for i := range sents {
				for _, m := range all[i] {
					if res.Resolve(&m, i) && m.Name == "" {
						t.Errorf("%s: %s %q resolved to no name", c.file, m.Kind, m.Text)
					}
					mentions++
				}
			}
			for _, e := range res.Entities() {
				if e.Name == "" || e.Type == "" || !slices.IsSorted(e.Aliases) {
					t.Errorf("%s: entity %+v", c.file, e)
				}
			}
		}
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		if mentions < 300 {
			t.Errorf("%s: %d mentions in 40 articles, want hundreds", c.file, mentions)
		}
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Name: "name", Authority: "authority", Description: "description", Pronoun: "pronoun", Kind(99): "unknown"} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, got, want)
		}
	}
}
