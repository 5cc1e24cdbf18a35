package entity

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/segment"
	"github.com/kgraph/kg/graph"
)

// Mentions as the recognizer gives them, for resolution tests.

func nm(text string) Mention { return Mention{Text: text, Kind: Name} }

func typed(text string, typ graph.EntityType) Mention {
	return Mention{Text: text, Kind: Name, Type: typ}
}

func per(text string) Mention { return typed(text, graph.Person) }

func known(text, name string, typ graph.EntityType) Mention {
	return Mention{Text: text, Kind: Name, Name: name, Type: typ, Known: true}
}

func auth(text, country string) Mention {
	return Mention{Text: text, Kind: Authority, Name: country, Type: graph.GPE, Known: true}
}

func desc(text, role, country string) Mention {
	return Mention{Text: text, Kind: Description, Type: graph.Person, Role: role, Country: country}
}

func pron(text string) Mention { return Mention{Text: text, Kind: Pronoun, Type: graph.Person} }

// gendered is a mention with the gender an honorific or a title in it says.
func gendered(m Mention, g byte) Mention {
	m.Gender = g
	return m
}

// titled is a person's name with the title read next to it.
func titled(m Mention, role, of string) Mention {
	m.Role, m.RoleOf = role, of
	return m
}

func translit(t *testing.T) Translit {
	t.Helper()
	tr, err := LoadTranslit()
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// step is one mention of a document and what it resolves to: "Name
// TYPE", or "" when Resolve reports false.
type step struct {
	sent      int
	m         Mention
	want      string
	notTo     []string // when want is "": resolved, but to none of these names
	alt       string   // for a pronoun: the Alt it must get ("" for none)
	primeOnly bool     // given to Prime, never resolved
}

// entityString renders a resolved entity with its sorted aliases.
func entityString(e graph.Entity) string {
	return fmt.Sprintf("%s %s %q", e.Name, e.Type, e.Aliases)
}

var resolveTests = []struct {
	name     string
	noPrime  bool // resolve without priming, as a caller that does not know the document
	steps    []step
	entities []string // nil: not checked
	roles    []Role   // nil: not checked
}{
	{
		name: "surname after the full name, translit",
		steps: []step{
			{sent: 0, m: per("Sergueï Lavrov"), want: "Sergei Lavrov PERSON"},
			{sent: 1, m: nm("Lavrov"), want: "Sergei Lavrov PERSON"},
			{sent: 2, m: per("Sergei Lavrov"), want: "Sergei Lavrov PERSON"},
		},
		entities: []string{`Sergei Lavrov PERSON ["Lavrov" "Sergueï Lavrov"]`},
	},
	{
		// The recogniser gives a lone surname of data/people.tsv its
		// bearer (Full); the document's own bearer comes first.
		name: "lone surname of a known politician",
		steps: []step{
			{sent: 0, m: Mention{Text: "Obama", Kind: Name, Type: graph.Person, Full: "Barack Obama"}, want: "Barack Obama PERSON"},
		},
		entities: []string{`Barack Obama PERSON ["Obama"]`},
	},
	{
		name: "lone surname of the document's person",
		steps: []step{
			{sent: 0, m: per("Michelle Obama"), want: "Michelle Obama PERSON"},
			{sent: 1, m: Mention{Text: "Obama", Kind: Name, Type: graph.Person, Full: "Barack Obama"}, want: "Michelle Obama PERSON"},
		},
	},
	{
		name: "surname with a hyphened article",
		steps: []step{
			{sent: 0, m: per("Abu Mahdi al-Masri"), want: "Abu Mahdi al-Masri PERSON"},
			{sent: 1, m: nm("al-Masri"), want: "Abu Mahdi al-Masri PERSON"},
		},
	},
	{
		name: "surname before the full name, through Prime",
		steps: []step{
			{sent: 0, m: nm("Lavrov"), want: "Sergei Lavrov PERSON"},
			{sent: 1, m: per("Sergueï Lavrov"), want: "Sergei Lavrov PERSON"},
		},
	},
	{
		name: "translit surname alone, before and after",
		steps: []step{
			{sent: 0, m: nm("Poutine"), want: "Vladimir Putin PERSON"},
			{sent: 1, m: per("Vladimir Poutine"), want: "Vladimir Putin PERSON"},
			{sent: 2, m: nm("Putin"), want: "Vladimir Putin PERSON"},
			{sent: 3, m: per("Bachar el-Assad"), want: "Bashar al-Assad PERSON"},
			{sent: 4, m: nm("Assad"), want: "Bashar al-Assad PERSON"},
		},
		entities: []string{
			`Vladimir Putin PERSON ["Poutine" "Putin" "Vladimir Poutine"]`,
			`Bashar al-Assad PERSON ["Assad" "Bachar el-Assad"]`,
		},
	},
	{
		name: "surname after an honorific",
		steps: []step{
			{sent: 0, m: per("François Hollande"), want: "François Hollande PERSON"},
			{sent: 1, m: per("Hollande"), want: "François Hollande PERSON"},
		},
	},
	{
		name: "accent, case and hyphen variants",
		steps: []step{
			{sent: 0, m: per("Jean-Marc Ayrault"), want: "Jean-Marc Ayrault PERSON"},
			{sent: 1, m: per("Jean Marc Ayrault"), want: "Jean-Marc Ayrault PERSON"},
			{sent: 2, m: per("Jean-Marc AYRAULT"), want: "Jean-Marc Ayrault PERSON"},
			{sent: 2, m: per("François Hollande"), want: "François Hollande PERSON"},
			{sent: 3, m: per("Francois Hollande"), want: "François Hollande PERSON"},
		},
		entities: []string{
			`Jean-Marc Ayrault PERSON ["Jean Marc Ayrault" "Jean-Marc AYRAULT"]`,
			`François Hollande PERSON ["Francois Hollande"]`,
		},
	},
	{
		name:    "initial and surname",
		noPrime: true,
		steps: []step{
			{sent: 0, m: per("Barack Obama"), want: "Barack Obama PERSON"},
			{sent: 1, m: per("B. Obama"), want: "Barack Obama PERSON"},
			{sent: 2, m: nm("Obama"), want: "Barack Obama PERSON"},
		},
		entities: []string{`Barack Obama PERSON ["B. Obama" "Obama"]`},
	},
	{
		name: "ambiguous surname resolves to neither person",
		steps: []step{
			{sent: 0, m: per("Ed Miliband"), want: "Ed Miliband PERSON"},
			{sent: 1, m: per("David Miliband"), want: "David Miliband PERSON"},
			{sent: 2, m: nm("Miliband"), notTo: []string{"Ed Miliband", "David Miliband"}},
			{sent: 3, m: per("Ed Miliband"), want: "Ed Miliband PERSON"},
		},
	},
	{
		name: "ambiguous surname before the full names",
		steps: []step{
			{sent: 0, m: nm("Miliband"), notTo: []string{"Ed Miliband", "David Miliband"}},
			{sent: 1, m: per("Ed Miliband"), want: "Ed Miliband PERSON"},
			{sent: 1, m: per("David Miliband"), want: "David Miliband PERSON"},
		},
	},
	{
		name: "description by role and country",
		steps: []step{
			{sent: 0, m: titled(per("Hillary Clinton"), "secretary of state", "United States"), want: "Hillary Clinton PERSON"},
			{sent: 0, m: titled(per("Sergueï Lavrov"), "foreign minister", "Russia"), want: "Sergei Lavrov PERSON"},
			// Lavrov is more recent; role and country pick Clinton.
			{sent: 1, m: desc("secrétaire d'Etat américaine", "secretary of state", "United States"), want: "Hillary Clinton PERSON"},
			{sent: 2, m: desc("chef de la diplomatie russe", "foreign minister", "Russia"), want: "Sergei Lavrov PERSON"},
			{sent: 2, m: desc("secretary of state", "secretary of state", ""), want: "Hillary Clinton PERSON"},
			{sent: 3, m: desc("Premier ministre français", "prime minister", "France"), want: ""},
			{sent: 3, m: desc("président", "president", ""), want: ""},
			{sent: 3, m: desc("ministre britannique", "minister", "United Kingdom"), want: ""},
		},
		roles: []Role{
			{Person: "Hillary Clinton", Role: "secretary of state", Of: "United States"},
			{Person: "Sergei Lavrov", Role: "foreign minister", Of: "Russia"},
		},
	},
	{
		name: "description of a person with no known title",
		steps: []step{
			{sent: 0, m: per("Angela Merkel"), want: "Angela Merkel PERSON"},
			{sent: 1, m: desc("président français", "president", "France"), want: ""},
			{sent: 1, m: desc("chancelier", "chancellor", ""), want: ""},
		},
		roles: []Role{},
	},
	{
		name: "description gives the country of a title",
		steps: []step{
			{sent: 0, m: titled(per("Hillary Clinton"), "secretary of state", ""), want: "Hillary Clinton PERSON"},
			{sent: 1, m: desc("secrétaire d'Etat américaine", "secretary of state", "United States"), want: "Hillary Clinton PERSON"},
		},
		roles: []Role{{Person: "Hillary Clinton", Role: "secretary of state", Of: "United States"}},
	},
	{
		name: "pronoun within two sentences",
		steps: []step{
			{sent: 0, m: per("Angela Merkel"), want: "Angela Merkel PERSON"},
			{sent: 2, m: pron("elle"), want: "Angela Merkel PERSON"},
		},
	},
	{
		name: "pronoun beyond two sentences",
		steps: []step{
			{sent: 0, m: per("Angela Merkel"), want: "Angela Merkel PERSON"},
			{sent: 3, m: pron("elle"), want: ""},
		},
	},
	{
		name: "each resolved mention renews the window",
		steps: []step{
			{sent: 0, m: per("Angela Merkel"), want: "Angela Merkel PERSON"},
			{sent: 2, m: pron("she"), want: "Angela Merkel PERSON"},
			{sent: 4, m: pron("she"), want: "Angela Merkel PERSON"},
			{sent: 7, m: pron("she"), want: ""},
		},
	},
	{
		name: "pronoun with no person before it",
		steps: []step{
			{sent: 0, m: known("France", "France", graph.GPE), want: "France GPE"},
			{sent: 0, m: pron("il"), want: ""},
			{sent: 1, m: per("Nicolas Sarkozy"), want: "Nicolas Sarkozy PERSON"},
		},
	},
	{
		name: "pronoun to the most recent person, places and authorities aside",
		steps: []step{
			{sent: 0, m: per("Barack Obama"), want: "Barack Obama PERSON"},
			{sent: 1, m: per("Angela Merkel"), want: "Angela Merkel PERSON"},
			{sent: 1, m: known("Paris", "Paris", graph.GPE), want: "Paris GPE"},
			{sent: 1, m: auth("autorités allemandes", "Germany"), want: "Germany GPE"},
			{sent: 1, m: pron("she"), want: "Angela Merkel PERSON"},
			{sent: 2, m: nm("Obama"), want: "Barack Obama PERSON"},
			{sent: 2, m: pron("he"), want: "Barack Obama PERSON"},
		},
	},
	// Genders: a pronoun goes to the most recent person whose gender,
	// from the first name, an honorific, a title or an English pronoun,
	// fits it; an unknown gender fits both.
	{
		name: "il skips a more recent woman",
		steps: []step{
			{sent: 0, m: per("Barack Obama"), want: "Barack Obama PERSON"},
			{sent: 1, m: pron("Il"), want: "Barack Obama PERSON"},
			{sent: 1, m: pron("il"), want: "Barack Obama PERSON"},
			{sent: 1, m: per("Hillary Clinton"), want: "Hillary Clinton PERSON"},
			{sent: 1, m: pron("il"), want: "Barack Obama PERSON"},
			{sent: 1, m: per("Carlos Santana"), want: "Carlos Santana PERSON"},
			// The other candidate is a man too: Clinton is passed over.
			{sent: 2, m: pron("il"), want: "Carlos Santana PERSON", alt: "Barack Obama"},
			{sent: 2, m: pron("elle"), want: "Hillary Clinton PERSON"},
			{sent: 2, m: pron("-t-elle"), want: "Hillary Clinton PERSON"},
			{sent: 2, m: pron("-t-il"), want: "Carlos Santana PERSON", alt: "Barack Obama"},
		},
	},
	{
		name: "elle skips a more recent man for a woman known by her title",
		steps: []step{
			// "la ministre de l'Ecologie, Dominique Voynet": the first name
			// is borne by both, the title is feminine.
			{sent: 0, m: gendered(titled(per("Dominique Voynet"), "minister", ""), Feminine), want: "Dominique Voynet PERSON"},
			// "M. Claude Guéant": masculine by the honorific alone.
			{sent: 1, m: gendered(per("Claude Guéant"), Masculine), want: "Claude Guéant PERSON"},
			{sent: 1, m: pron("elle"), want: "Dominique Voynet PERSON"},
			{sent: 1, m: pron("il"), want: "Claude Guéant PERSON"},
			// A later mention without the title keeps the gender.
			{sent: 2, m: nm("Voynet"), want: "Dominique Voynet PERSON"},
			{sent: 2, m: pron("il"), want: "Claude Guéant PERSON"},
		},
	},
	{
		name: "a masculine title does not outweigh a feminine first name",
		steps: []step{
			// "le Premier ministre Theresa May": the generic masculine.
			{sent: 0, m: gendered(titled(per("Theresa May"), "prime minister", "United Kingdom"), Masculine), want: "Theresa May PERSON"},
			{sent: 0, m: per("Boris Johnson"), want: "Boris Johnson PERSON"},
			{sent: 1, m: pron("elle"), want: "Theresa May PERSON"},
		},
	},
	{
		name: "unknown and shared first names fit both pronouns",
		steps: []step{
			{sent: 0, m: per("Zorbek Tandali"), want: "Zorbek Tandali PERSON"},
			{sent: 1, m: pron("elle"), want: "Zorbek Tandali PERSON"},
			{sent: 1, m: pron("il"), want: "Zorbek Tandali PERSON"},
			{sent: 2, m: per("Andrea Nahles"), want: "Andrea Nahles PERSON"},
			{sent: 2, m: pron("il"), want: "Andrea Nahles PERSON", alt: "Zorbek Tandali"},
			{sent: 2, m: pron("elle"), want: "Andrea Nahles PERSON", alt: "Zorbek Tandali"},
		},
	},
	{
		name: "a pronoun with only persons of the other gender around",
		steps: []step{
			{sent: 0, m: per("Angela Merkel"), want: "Angela Merkel PERSON"},
			{sent: 1, m: pron("il"), want: ""},
			{sent: 1, m: pron("he"), want: ""},
			{sent: 1, m: pron("elle"), want: "Angela Merkel PERSON"},
		},
	},
	{
		name: "English he, she, him and her",
		steps: []step{
			{sent: 0, m: per("Theresa May"), want: "Theresa May PERSON"},
			{sent: 0, m: per("Boris Johnson"), want: "Boris Johnson PERSON"},
			{sent: 1, m: pron("she"), want: "Theresa May PERSON", alt: ""},
			{sent: 1, m: pron("he"), want: "Boris Johnson PERSON", alt: ""},
			// "May thanked him": him is not the person just named.
			{sent: 2, m: nm("May"), want: "Theresa May PERSON"},
			{sent: 2, m: pron("him"), want: "Boris Johnson PERSON"},
			{sent: 2, m: pron("her"), want: "Theresa May PERSON"},
		},
	},
	{
		name: "an English pronoun with one person around gives that person its gender",
		steps: []step{
			{sent: 0, m: per("Kim Ardel"), want: "Kim Ardel PERSON"},
			{sent: 1, m: pron("she"), want: "Kim Ardel PERSON"},
			{sent: 1, m: per("Pat Quorn"), want: "Pat Quorn PERSON"},
			{sent: 2, m: nm("Ardel"), want: "Kim Ardel PERSON"},
			// Ardel is more recent, but "she" said she is a woman.
			{sent: 2, m: pron("he"), want: "Pat Quorn PERSON"},
			// Two persons around: "he" told nothing of Quorn, who still
			// fits "she" and, as the most recent, takes it.
			{sent: 3, m: pron("she"), want: "Pat Quorn PERSON", alt: "Kim Ardel"},
			{sent: 3, m: pron("he"), want: "Pat Quorn PERSON"},
		},
	},
	{
		name: "a gendered description skips a person of the other gender",
		steps: []step{
			{sent: 0, m: titled(per("Angela Merkel"), "chancellor", "Germany"), want: "Angela Merkel PERSON"},
			{sent: 0, m: titled(per("Olaf Scholz"), "chancellor", "Germany"), want: "Olaf Scholz PERSON"},
			{sent: 1, m: gendered(desc("chancelière allemande", "chancellor", "Germany"), Feminine), want: "Angela Merkel PERSON"},
			{sent: 1, m: gendered(desc("chancelier allemand", "chancellor", "Germany"), Masculine), want: "Olaf Scholz PERSON"},
			{sent: 1, m: desc("chancellor", "chancellor", ""), want: "Olaf Scholz PERSON"},
		},
	},
	{
		name: "entities in order of first mention with sorted aliases",
		steps: []step{
			{sent: 0, m: known("Etats-Unis", "United States", graph.GPE), want: "United States GPE"},
			{sent: 0, m: auth("autorités allemandes", "Germany"), want: "Germany GPE"},
			{sent: 1, m: known("Allemagne", "Germany", graph.GPE), want: "Germany GPE"},
			{sent: 1, m: known("France", "France", graph.GPE), want: "France GPE"},
			{sent: 1, m: typed("University of Oxford", graph.Org), want: "University of Oxford ORG"},
			{sent: 2, m: typed("Trifouillis", graph.GPE), want: "Trifouillis GPE"},
			{sent: 2, m: typed("CGT", graph.Org), want: "CGT ORG"},
			{sent: 3, m: typed("CGT", graph.Org), want: "CGT ORG"},
			{sent: 3, m: known("USA", "United States", graph.GPE), want: "United States GPE"},
			// Primed but never resolved: not an entity of the document.
			{sent: 3, m: per("Laurent Fabius"), primeOnly: true},
		},
		entities: []string{
			`United States GPE ["Etats-Unis" "USA"]`,
			`Germany GPE ["Allemagne" "autorités allemandes"]`,
			`France GPE []`,
			`University of Oxford ORG []`,
			`Trifouillis GPE []`,
			`CGT ORG []`,
		},
		roles: []Role{},
	},
	{
		name: "roles in order of first mention, counterparts and roles of nowhere left out",
		steps: []step{
			{sent: 0, m: titled(per("Vladimir Poutine"), "president", ""), want: "Vladimir Putin PERSON"},
			{sent: 0, m: titled(per("Laurent Fabius"), "foreign minister", "France"), want: "Laurent Fabius PERSON"},
			{sent: 1, m: titled(per("Sergueï Lavrov"), "counterpart", "Russia"), want: "Sergei Lavrov PERSON"},
			{sent: 1, m: titled(per("Angela Merkel"), "chancellor", "Germany"), want: "Angela Merkel PERSON"},
			{sent: 2, m: nm("Fabius"), want: "Laurent Fabius PERSON"},
		},
		roles: []Role{
			{Person: "Laurent Fabius", Role: "foreign minister", Of: "France"},
			{Person: "Angela Merkel", Role: "chancellor", Of: "Germany"},
		},
	},
}

func TestResolve(t *testing.T) {
	tr := translit(t)
	for _, tt := range resolveTests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewResolver(tr)
			if !tt.noPrime {
				// Prime sentence by sentence, as a document's caller does.
				var sent []Mention
				for k, st := range tt.steps {
					sent = append(sent, st.m)
					if k+1 == len(tt.steps) || tt.steps[k+1].sent != st.sent {
						r.Prime(sent)
						sent = nil
					}
				}
			}
			for _, st := range tt.steps {
				if st.primeOnly {
					continue
				}
				m := st.m
				ok := r.Resolve(&m, st.sent)
				got := ""
				if ok {
					got = fmt.Sprintf("%s %s", m.Name, m.Type)
				}
				switch {
				case st.notTo != nil:
					if !ok || slices.Contains(st.notTo, m.Name) {
						t.Errorf("sentence %d: %s %q resolved to %q (ok %v), want another entity than %q", st.sent, st.m.Kind, st.m.Text, m.Name, ok, st.notTo)
					}
				case got != st.want:
					t.Errorf("sentence %d: %s %q resolved to %q, want %q", st.sent, st.m.Kind, st.m.Text, got, st.want)
				}
				if st.m.Kind == Pronoun && m.Alt != st.alt {
					t.Errorf("sentence %d: pronoun %q: Alt %q, want %q", st.sent, st.m.Text, m.Alt, st.alt)
				}
			}
			if tt.entities != nil {
				var got []string
				for _, e := range r.Entities() {
					got = append(got, entityString(e))
				}
				if !slices.Equal(got, tt.entities) {
					t.Errorf("Entities()\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.entities, "\n     "))
				}
			}
			if tt.roles != nil {
				if got := r.Roles(); !slices.Equal(got, tt.roles) {
					t.Errorf("Roles()\n got %+v\nwant %+v", got, tt.roles)
				}
			}
		})
	}
}

func TestTranslitEnglish(t *testing.T) {
	tr := translit(t)
	tests := []struct{ in, want string }{
		{"Sergueï Lavrov", "Sergei Lavrov"},
		{"sergueï lavrov", "Sergei lavrov"}, // word by word, case-insensitive
		{"Vladimir Poutine", "Vladimir Putin"},
		{"Bachar el-Assad", "Bashar al-Assad"},
		{"Jean-Marc Ayrault", "Jean-Marc Ayrault"},
		{"Poutineville", "Poutineville"}, // whole words only
		{"", ""},
	}
	for _, tt := range tests {
		if got := tr.English(tt.in); got != tt.want {
			t.Errorf("English(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// capitalisedIn returns the words of a document seen capitalised away
// from the start of a sentence, as the document's caller computes them.
func capitalisedIn(sents []segment.Sentence) func(string) bool {
	seen := map[string]bool{}
	for _, s := range sents {
		first := true
		for _, tk := range s.Tokens {
			if tk.Kind != segment.Word {
				continue
			}
			if !first && isCap(tk.Text) {
				seen[graph.Fold(tk.Text)] = true
			}
			first = false
		}
	}
	return func(w string) bool { return seen[w] }
}

// TestDocument runs recognition and resolution over whole documents, the
// way the extraction pipeline does: recognise every sentence, prime, then
// resolve in order.
func TestDocument(t *testing.T) {
	rs := recognizers(t)
	tr := translit(t)
	tests := []struct {
		name, lang, text string
		want             []string // sentence: mention → name, for resolved mentions
		entities         []string
		roles            []Role
	}{
		{
			name: "fr",
			lang: "fr",
			text: "Merkel a reçu mardi à Berlin le président français. " +
				"La chancelière allemande, Angela Merkel, a salué les autorités françaises. " +
				"Selon elle, le dialogue continue.",
			want: []string{
				`0: "Merkel" → Angela Merkel PERSON`,
				`0: "Berlin" → Berlin GPE`,
				`1: "Angela Merkel" → Angela Merkel PERSON`,
				`1: "autorités françaises" → France GPE`,
				`2: "elle" → Angela Merkel PERSON`,
			},
			entities: []string{
				`Angela Merkel PERSON ["Merkel"]`,
				`Berlin GPE []`,
				`France GPE ["autorités françaises"]`,
			},
			roles: []Role{{Person: "Angela Merkel", Role: "chancellor", Of: "Germany"}},
		},
		{
			name: "en",
			lang: "en",
			text: "President Barack Obama met German Chancellor Angela Merkel in Berlin on Monday. " +
				"Obama said the German government had helped. " +
				"The chancellor thanked him, and she left for Paris.",
			want: []string{
				`0: "Barack Obama" → Barack Obama PERSON`,
				`0: "Angela Merkel" → Angela Merkel PERSON`,
				`0: "Berlin" → Berlin GPE`,
				`1: "Obama" → Barack Obama PERSON`,
				`1: "German government" → Germany GPE`,
				`2: "chancellor" → Angela Merkel PERSON`,
				`2: "him" → Barack Obama PERSON`,
				`2: "she" → Angela Merkel PERSON`,
				`2: "Paris" → Paris GPE`,
			},
			entities: []string{
				`Barack Obama PERSON ["Obama"]`,
				`Angela Merkel PERSON []`,
				`Berlin GPE []`,
				`Germany GPE ["German government"]`,
				`Paris GPE []`,
			},
			// The text does not say of where Obama is president; the
			// table of politicians does.
			roles: []Role{{Person: "Barack Obama", Role: "president", Of: "United States"}, {Person: "Angela Merkel", Role: "chancellor", Of: "Germany"}},
		},
		{
			// The last "il" is Macron's, not the more recent Merkel's.
			name: "fr pronouns skip a person of the other gender",
			lang: "fr",
			text: "Emmanuel Macron a inauguré un pont à Toulouse. " +
				"Il a ensuite déjeuné à Albi, où il a croisé Angela Merkel, puis il a rejoint le chanteur Renaud Séchan.",
			want: []string{
				`0: "Emmanuel Macron" → Emmanuel Macron PERSON`,
				`0: "Toulouse" → Toulouse GPE`,
				`1: "Il" → Emmanuel Macron PERSON`,
				`1: "Albi" → Albi GPE`,
				`1: "il" → Emmanuel Macron PERSON`,
				`1: "Angela Merkel" → Angela Merkel PERSON`,
				`1: "il" → Emmanuel Macron PERSON`,
				`1: "Renaud Séchan" → Renaud Séchan PERSON`,
			},
			entities: []string{
				`Emmanuel Macron PERSON []`,
				`Toulouse GPE []`,
				`Albi GPE []`,
				`Angela Merkel PERSON []`,
				`Renaud Séchan PERSON []`,
			},
		},
		{
			name: "en he and she",
			lang: "en",
			text: "Prime Minister Theresa May met Boris Johnson on Tuesday. She said he would stay, and he thanked her.",
			want: []string{
				`0: "Theresa May" → Theresa May PERSON`,
				`0: "Boris Johnson" → Boris Johnson PERSON`,
				`1: "She" → Theresa May PERSON`,
				`1: "he" → Boris Johnson PERSON`,
				`1: "he" → Boris Johnson PERSON`,
				`1: "her" → Theresa May PERSON`,
			},
			entities: []string{`Theresa May PERSON []`, `Boris Johnson PERSON []`},
			roles:    []Role{{Person: "Theresa May", Role: "prime minister", Of: "United Kingdom"}},
		},
		{
			// A lone institution word names the body of its kind named
			// before, or none; never a person.
			name: "en lone institution words",
			lang: "en",
			text: "The Royal Widget Society met the Avon House Committee on Friday. " +
				"The Society said the Committee was wrong. The Parliament did not reply. " +
				"Society President Ann Kerr agreed.",
			want: []string{
				`0: "Royal Widget Society" → Royal Widget Society ORG`,
				`0: "Avon House Committee" → Avon House Committee ORG`,
				`1: "Society" → Royal Widget Society ORG`,
				`1: "Committee" → Avon House Committee ORG`,
				`3: "Society" → Royal Widget Society ORG`,
				`3: "Ann Kerr" → Ann Kerr PERSON`,
			},
			entities: []string{`Royal Widget Society ORG []`, `Avon House Committee ORG []`, `Ann Kerr PERSON []`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := segment.Split(tt.text, rs[tt.lang].traits.Spelling)
			capitalised := capitalisedIn(sents)
			mentions := make([][]Mention, len(sents))
			res := NewResolver(tr)
			for i, s := range sents {
				mentions[i] = rs[tt.lang].Sentence(tt.text, s.Tokens, capitalised)
				res.Prime(mentions[i])
			}
			var got []string
			for i := range sents {
				for _, m := range mentions[i] {
					if res.Resolve(&m, i) {
						got = append(got, fmt.Sprintf("%d: %q → %s %s", i, m.Text, m.Name, m.Type))
					}
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("mentions\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.want, "\n     "))
			}
			var ents []string
			for _, e := range res.Entities() {
				ents = append(ents, entityString(e))
			}
			if !slices.Equal(ents, tt.entities) {
				t.Errorf("Entities()\n got %s\nwant %s", strings.Join(ents, "\n     "), strings.Join(tt.entities, "\n     "))
			}
			if got := res.Roles(); !slices.Equal(got, tt.roles) {
				t.Errorf("Roles()\n got %+v\nwant %+v", got, tt.roles)
			}
		})
	}
}
