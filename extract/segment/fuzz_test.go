package segment

import "testing"

var fuzzSeeds = []string{
	"L'homme a-t-il dit « bon sens » ? Oui. M. Ayrault, 10 000 €.",
	"Mr. Smith don't go to the U.S. e.g. at https://x.org/a_(b). Kerry's 1,000.5%",
	"«Je pars. Adieu», dit-il.\nTitre\r\n\u2028« x",
	"a.b@c.de 1\u202f000,5 J.-C. n°5 AT&T d‘éviter ..\xff\xfe",
	"\"", "«", "-t-", "''''", ".", "",
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "fr")
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, src, lang string) {
		checkTokens(t, src, Tokenize(src, rulesOf(t, lang)))
	})
}

func FuzzSplit(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "fr")
		f.Add(s, "en")
	}
	f.Fuzz(func(t *testing.T, src, lang string) {
		checkSentences(t, src, Split(src, rulesOf(t, lang)))
	})
}
