package segment

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kg/internal/shareddata"
)

var update = flag.Bool("update", false, "rewrite the .golden files")

func texts(toks []Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Text
	}
	return out
}

func TestTokenizeRules(t *testing.T) {
	tests := []struct {
		lang, in string
		want     []string
	}{
		// French elisions, with both apostrophes.
		{"fr", "l'homme d'État qu'il jusqu'à lorsqu'on puisqu'elle",
			[]string{"l'", "homme", "d'", "État", "qu'", "il", "jusqu'", "à", "lorsqu'", "on", "puisqu'", "elle"}},
		{"fr", "s’il n’a j’ai m’a t’as c’est L’ONU",
			[]string{"s’", "il", "n’", "a", "j’", "ai", "m’", "a", "t’", "as", "c’", "est", "L’", "ONU"}},
		{"fr", "aujourd'hui quelqu'un prud'hommes",
			[]string{"aujourd'hui", "quelqu'un", "prud'hommes"}},
		// Clitic inversions split; compounds and names do not.
		{"fr", "a-t-il dit-il pensez-vous donne-le-moi est-ce",
			[]string{"a", "-t-il", "dit", "-il", "pensez", "-vous", "donne", "-le", "-moi", "est", "-ce"}},
		{"fr", "Jean-Marc Etats-Unis États-Unis porte-parole Saint-Pétersbourg peut-être rendez-vous Aix-en-Provence",
			[]string{"Jean-Marc", "Etats-Unis", "États-Unis", "porte-parole", "Saint-Pétersbourg", "peut-être", "rendez-vous", "Aix-en-Provence"}},
		// Quotes, glued or not.
		{"fr", "au «bon sens» et “quotes”",
			[]string{"au", "«", "bon", "sens", "»", "et", "“", "quotes", "”"}},
		// Numbers.
		{"fr", "7,2 ; 1.5 ; 10 000 ; 10\u00a0000 ; 10\u202f000 ; 2,5% ; 6 octobre ; 1 425,67 €",
			[]string{"7,2", ";", "1.5", ";", "10 000", ";", "10\u00a0000", ";", "10\u202f000", ";", "2,5", "%", ";", "6", "octobre", ";", "1 425,67", "€"}},
		{"en", "1,000 people, 10 000 here is two numbers, 10\u00a0000 one",
			[]string{"1,000", "people", ",", "10", "000", "here", "is", "two", "numbers", ",", "10\u00a0000", "one"}},
		{"fr", "en 2012 300 personnes, de 18 h 30",
			[]string{"en", "2012", "300", "personnes", ",", "de", "18", "h", "30"}},
		// Addresses.
		{"en", "see https://en.wikinews.org/wiki/Foo_(bar), www.example.com. Or mail a.b@example.co.uk.",
			[]string{"see", "https://en.wikinews.org/wiki/Foo_(bar)", ",", "www.example.com", ".", "Or", "mail", "a.b@example.co.uk", "."}},
		// English contractions, UD style.
		{"en", "don't it's Kerry's can't they're I'll we've she'd I'm the voters' choice O'Brien",
			[]string{"do", "n't", "it", "'s", "Kerry", "'s", "ca", "n't", "they", "'re", "I", "'ll", "we", "'ve", "she", "'d", "I", "'m", "the", "voters", "'", "choice", "O'Brien"}},
		{"en", "doesn’t Russia’s",
			[]string{"does", "n’t", "Russia", "’s"}},
		// Abbreviations keep their period.
		{"en", "Mr. Smith, Mrs. Jones, Dr. Who, St. Louis, Jr. and U.S. or U.N. e.g. etc. Jan. Feb. John F. Kennedy No. 5",
			[]string{"Mr.", "Smith", ",", "Mrs.", "Jones", ",", "Dr.", "Who", ",", "St.", "Louis", ",", "Jr.", "and", "U.S.", "or", "U.N.", "e.g.", "etc.", "Jan.", "Feb.", "John", "F.", "Kennedy", "No.", "5"}},
		{"en", "say No. Then",
			[]string{"say", "No", ".", "Then"}},
		{"fr", "M. Ayrault et Mme. Royal, 52 av. J.-C.",
			[]string{"M.", "Ayrault", "et", "Mme.", "Royal", ",", "52", "av.", "J.-C."}},
		// Other languages keep apostrophes and clitics whole.
		{"it", "l'Italia dell'anno", []string{"l'Italia", "dell'anno"}},
		{"de", "Die Bundesregierung (z.B. Merkel) 1.000", []string{"Die", "Bundesregierung", "(", "z.B.", "Merkel", ")", "1.000"}},
		// Odd input stays covered.
		{"fr", "?! ... …  -- a\u200bb \xff", []string{"?!", "...", "…", "--", "a", "b", "\xff"}},
	}
	for _, tt := range tests {
		got := Tokenize(tt.in, rulesOf(t, tt.lang))
		checkTokens(t, tt.in, got)
		if g := texts(got); !equal(g, tt.want) {
			t.Errorf("Tokenize(%q, %q)\n got %q\nwant %q", tt.in, tt.lang, g, tt.want)
		}
	}
}

func TestKinds(t *testing.T) {
	in := "« Il » a payé 2,5 % de 10 000 $ à https://x.org/a, «x@y.fr» !"
	want := []Kind{Quote, Word, Quote, Word, Word, Number, Symbol, Word, Number, Symbol, Word, URL, Punct, Quote, URL, Quote, Punct}
	got := Tokenize(in, rulesOf(t, "fr"))
	if len(got) != len(want) {
		t.Fatalf("Tokenize(%q) = %q, want %d tokens", in, texts(got), len(want))
	}
	for i, tok := range got {
		if tok.Kind != want[i] {
			t.Errorf("token %d %q: kind %v, want %v", i, tok.Text, tok.Kind, want[i])
		}
	}
}

func TestSplitRules(t *testing.T) {
	tests := []struct {
		lang, in string
		want     []string
	}{
		{"en", "Mr. Smith met Mrs. Jones. Dr. Who and St. Louis are Jr. partners.",
			[]string{"Mr. Smith met Mrs. Jones.", "Dr. Who and St. Louis are Jr. partners."}},
		{"en", "The U.S. Congress met the U.N. Security Council. It was late.",
			[]string{"The U.S. Congress met the U.N. Security Council.", "It was late."}},
		{"en", "He moved to the U.S. The move was long.",
			[]string{"He moved to the U.S.", "The move was long."}},
		{"en", "Take fruit, e.g. Apples. Or pears, etc. and more. We sold pears, etc. Then we left.",
			[]string{"Take fruit, e.g. Apples.", "Or pears, etc. and more.", "We sold pears, etc.", "Then we left."}},
		{"en", "On Jan. 5 and Feb. 6 John F. Kennedy was No. 5 in line. Good.",
			[]string{"On Jan. 5 and Feb. 6 John F. Kennedy was No. 5 in line.", "Good."}},
		{"fr", "M. Ayrault et Mme. Royal sont là. Ils partent !",
			[]string{"M. Ayrault et Mme. Royal sont là.", "Ils partent !"}},
		// A name led by a lower-case article starts a sentence after a full stop.
		{"en", "He was killed. al-Masri was his deputy. The talks, e.g. al-Masri's, failed.",
			[]string{"He was killed.", "al-Masri was his deputy.", "The talks, e.g. al-Masri's, failed."}},
		// Lower case after ? or ! goes on; a capital, a quote or a number starts anew.
		{"fr", "Ah ! dit-il. Vraiment ? « Oui. » 12 personnes sont venues… Puis rien.",
			[]string{"Ah ! dit-il.", "Vraiment ?", "« Oui. »", "12 personnes sont venues…", "Puis rien."}},
		// Closing quotes and brackets stay with their sentence.
		{"en", `He said "Go." Then he left. (It was late.) Fine!" she said.`,
			[]string{`He said "Go."`, "Then he left.", "(It was late.)", `Fine!" she said.`}},
		// A quotation the sentence goes on after stays whole.
		{"fr", "«Je pars. Adieu», a-t-il dit. Il part. « Je pars. Adieu. » Il part.",
			[]string{"«Je pars. Adieu», a-t-il dit.", "Il part.", "« Je pars.", "Adieu. »", "Il part."}},
		// Line breaks always end sentences; blank lines make no empty ones.
		{"fr", "Titre sans point\n\nPremier paragraphe. Suite\r\nFin",
			[]string{"Titre sans point", "Premier paragraphe.", "Suite", "Fin"}},
		// A dateline opening a paragraph is a sentence of its own.
		{"en", "OSLO, Feb 3 - Acme Corp said it sold its mill.\nBERGEN, N.D., March 4 -- The mill closed.\nSALEM, Ore., May 2 - Salem voted.",
			[]string{"OSLO, Feb 3 -", "Acme Corp said it sold its mill.", "BERGEN, N.D., March 4 --", "The mill closed.", "SALEM, Ore., May 2 -", "Salem voted."}},
		{"en", "LIMA (Reuters) — Peru said on Monday it would act. NEW DELHI, May 5 (AP) - India agreed.",
			[]string{"LIMA (Reuters) —", "Peru said on Monday it would act.", "NEW DELHI, May 5 (AP) - India agreed."}},
		{"en", "Chicago, March 5 - Delegates met.\nParis, 2 - 1 was the score.",
			[]string{"Chicago, March 5 -", "Delegates met.", "Paris, 2 - 1 was the score."}},
		{"fr", "NANTES, 6 octobre (AFP) - Le maire a démissionné.\nRennes (AFP) - La ville proteste.",
			[]string{"NANTES, 6 octobre (AFP) -", "Le maire a démissionné.", "Rennes (AFP) -", "La ville proteste."}},
		// Not datelines: a headline with a dash, a bracket left open, a
		// dash inside a sentence.
		{"en", "Oslo - the city of the year\nOSLO (Reuters - late) - text\nThe CEO - Mr Smith - left.",
			[]string{"Oslo - the city of the year", "OSLO (Reuters - late) - text", "The CEO - Mr Smith - left."}},
		{"en", "  \n ", nil},
		{"en", "no end", []string{"no end"}},
		{"en", "Version 2.5 is out.It works.", []string{"Version 2.5 is out.It works."}},
	}
	for _, tt := range tests {
		got := Split(tt.in, rulesOf(t, tt.lang))
		checkSentences(t, tt.in, got)
		var g []string
		for _, s := range got {
			g = append(g, s.Text)
		}
		if !equal(g, tt.want) {
			t.Errorf("Split(%q, %q)\n got %q\nwant %q", tt.in, tt.lang, g, tt.want)
		}
	}
}

// A case of testdata/tokens.txt or testdata/sentences.txt.
type fileCase struct {
	line       int
	lang, text string
	want       []string
}

func readCases(t *testing.T, name string) []fileCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var cases []fileCase
	var c *fileCase
	for i, line := range strings.Split(string(data), "\n") {
		key, val, ok := strings.Cut(line, ": ")
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case !ok:
			t.Fatalf("%s:%d: want key: value, got %q", name, i+1, line)
		case key == "lang":
			cases = append(cases, fileCase{line: i + 1, lang: val})
			c = &cases[len(cases)-1]
		case c == nil:
			t.Fatalf("%s:%d: %s before lang", name, i+1, key)
		case key == "text":
			c.text = val
		case key == "want":
			c.want = append(c.want, val)
		default:
			t.Fatalf("%s:%d: unknown key %q", name, i+1, key)
		}
	}
	if len(cases) == 0 {
		t.Fatalf("%s: no cases", name)
	}
	return cases
}

func TestTokenizeFile(t *testing.T) {
	for _, c := range readCases(t, "tokens.txt") {
		if len(c.want) != 1 {
			t.Fatalf("tokens.txt:%d: want one want line", c.line)
		}
		got := Tokenize(c.text, rulesOf(t, c.lang))
		checkTokens(t, c.text, got)
		if g, w := strings.Join(texts(got), " | "), c.want[0]; g != w {
			t.Errorf("tokens.txt:%d: Tokenize(%q)\n got %s\nwant %s", c.line, c.text, g, w)
		}
	}
}

func TestSplitFile(t *testing.T) {
	for _, c := range readCases(t, "sentences.txt") {
		got := Split(c.text, rulesOf(t, c.lang))
		checkSentences(t, c.text, got)
		var g []string
		for _, s := range got {
			g = append(g, s.Text)
		}
		if !equal(g, c.want) {
			t.Errorf("sentences.txt:%d: Split\n got %q\nwant %q", c.line, g, c.want)
		}
	}
}

// TestGolden compares the full output on two articles with golden files;
// go test -update rewrites them.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/golden/*.txt")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		lang := strings.TrimSuffix(filepath.Base(in), ".txt")
		var b bytes.Buffer
		for _, s := range Split(string(src), rulesOf(t, lang)) {
			fmt.Fprintf(&b, "[%d,%d) %s\n", s.Start, s.End, s.Text)
			for _, tok := range s.Tokens {
				fmt.Fprintf(&b, "\t%d\t%s\t%s\n", tok.Start, tok.Kind, tok.Text)
			}
		}
		golden := strings.TrimSuffix(in, ".txt") + ".golden"
		if *update {
			if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s: output differs from %s; run go test -update and review the diff", in, golden)
		}
	}
}

// TestCorpusOffsets checks the offset invariants on every article of the
// shared news corpus.
func TestCorpusOffsets(t *testing.T) {
	dir := filepath.Join(shareddata.Dir(t), "data", "news")
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Skipf("no news files in %s", dir)
	}
	if testing.Short() {
		files = files[:1]
	}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		docs, sents := 0, 0
		for sc.Scan() {
			var d struct{ Lang, Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, src := range []string{d.Title, d.Text} {
				ss := Split(src, rulesOf(t, d.Lang))
				if !checkSentences(t, src, ss) {
					t.Fatalf("%s: offsets broken in %.80q", name, src)
				}
				sents += len(ss)
			}
			docs++
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		t.Logf("%s: %d documents, %d sentences", filepath.Base(name), docs, sents)
	}
}

// checkTokens reports broken token invariants: Text == src[Start:End],
// tokens in order, non-empty, and only space between them.
func checkTokens(t testing.TB, src string, toks []Token) bool {
	t.Helper()
	prev := 0
	for i, tok := range toks {
		switch {
		case tok.Start < prev || tok.End <= tok.Start || tok.End > len(src):
			t.Errorf("token %d %q: bad range [%d,%d) after %d in %q", i, tok.Text, tok.Start, tok.End, prev, src)
			return false
		case src[tok.Start:tok.End] != tok.Text:
			t.Errorf("token %d: Text %q != src[%d:%d] %q", i, tok.Text, tok.Start, tok.End, src[tok.Start:tok.End])
			return false
		}
		if gap := src[prev:tok.Start]; !onlySpace(gap) {
			t.Errorf("token %d %q: skipped non-space %q in %q", i, tok.Text, gap, src)
			return false
		}
		prev = tok.End
	}
	if gap := src[prev:]; !onlySpace(gap) {
		t.Errorf("skipped trailing non-space %q in %q", gap, src)
		return false
	}
	return true
}

// checkSentences reports broken sentence invariants: Text == src[Start:End],
// spans that are the spans of their tokens, and tokens that are those of
// the whole text.
func checkSentences(t testing.TB, src string, sents []Sentence) bool {
	t.Helper()
	var all []Token
	for i, s := range sents {
		if len(s.Tokens) == 0 {
			t.Errorf("sentence %d %q has no tokens", i, s.Text)
			return false
		}
		if s.Start != s.Tokens[0].Start || s.End != s.Tokens[len(s.Tokens)-1].End || s.Text != src[s.Start:s.End] {
			t.Errorf("sentence %d: [%d,%d) %q does not match its tokens or src", i, s.Start, s.End, s.Text)
			return false
		}
		all = append(all, s.Tokens...)
	}
	return checkTokens(t, src, all)
}

func onlySpace(s string) bool {
	for _, r := range s {
		if !isSpace(r) {
			return false
		}
	}
	return utf8.ValidString(s)
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func BenchmarkSplit(b *testing.B) {
	for _, lang := range []string{"fr", "en"} {
		src, err := os.ReadFile(filepath.Join("testdata", "golden", lang+".txt"))
		if err != nil {
			b.Fatal(err)
		}
		text, rules := string(src), rulesOf(b, lang)
		b.Run(lang, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				Split(text, rules)
			}
		})
	}
}

// TestDatelineMarked checks that a dateline sentence says it is one, and
// no other sentence does.
func TestDatelineMarked(t *testing.T) {
	in := "BERGEN, N.D., March 4 -- The mill closed.\nOslo - the city of the year\nSALEM, Ore., May 2 - Salem voted."
	var got []string
	for _, s := range Split(in, rulesOf(t, "en")) {
		if s.Dateline {
			got = append(got, s.Text)
		}
	}
	want := []string{"BERGEN, N.D., March 4 --", "SALEM, Ore., May 2 -"}
	if !equal(got, want) {
		t.Errorf("datelines %q, want %q", got, want)
	}
}
