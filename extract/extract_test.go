package extract

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/extract/reader"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/shareddata"
)

var update = flag.Bool("update", false, "rewrite golden files")

func newExtractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := New(Options{Languages: []string{"fr", "en"}, CapitalAsState: true})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// newRulesExtractor reads relations by the hand-written rules alone: the
// tests of the rules, which are also the relation model's candidates.
func newRulesExtractor(t testing.TB) *Extractor {
	t.Helper()
	x, err := New(Options{Languages: []string{"fr", "en"}, CapitalAsState: true, Relations: "rules"})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func readDocs(t testing.TB, paths ...string) []graph.Document {
	t.Helper()
	var docs []graph.Document
	err := reader.Read(context.Background(), paths, reader.Options{}, nil, func(d graph.Document) error {
		docs = append(docs, d)
		return nil
	}, func(w reader.Warning) { t.Errorf("reader: %v", w) })
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestExampleArticle checks the relations the specification gives for
// the example article: the rules read them all; the relation model states
// the two of the product's card at its threshold and scores the others
// at least 0.15.
func TestExampleArticle(t *testing.T) {
	want := []struct {
		s, p, o  string
		negated  bool
		modality graph.Modality
		card     bool
	}{
		{"Sergei Lavrov", "meets", "Jean-Marc Ayrault", false, graph.Asserted, true},
		{"Germany", "considers", "sanctions", false, graph.Reported, true}, // "le Wall Street Journal avait écrit que"
		{"Jean-Marc Ayrault", "visits", "Moscow", false, graph.Asserted, false},
		{"Jean-Marc Ayrault", "is foreign minister of", "France", false, graph.Asserted, false},
		{"Germany", "imposes sanctions on", "Russia", false, graph.Considered, false},
		{"United States", "rules out", "military force", true, graph.Reported, false},
		{"John Kerry", "mentions", "military decision", true, graph.Reported, false},
	}
	learned := newExtractor(t)
	for _, tc := range []struct {
		name     string
		x        *Extractor
		min      float64 // for the triples not on the card
		cardOnly bool
	}{
		{"rules", newRulesExtractor(t), 0, false},
		{"learned", learned, learned.Threshold(), true},
		{"learned below its threshold", learned.KeepingAll(), 0.15, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			docs := readDocs(t, filepath.Join("..", "examples", "lavrov-ayrault-fr.txt"))
			res, err := tc.x.Extract(context.Background(), &docs[0])
			if err != nil {
				t.Fatal(err)
			}
			if docs[0].Lang != "fr" {
				t.Errorf("language %q, want fr", docs[0].Lang)
			}
			for _, w := range want {
				if tc.cardOnly && !w.card {
					continue
				}
				found := false
				for _, tr := range res.Triples {
					if tr.Subject == w.s && tr.Predicate == w.p && tr.Object == w.o && tr.Negated == w.negated && tr.Confidence >= tc.min {
						found = true
						if tr.Modality != w.modality {
							t.Errorf("(%s, %s, %s): modality %s, want %s", w.s, w.p, w.o, tr.Modality, w.modality)
						}
						if tr.Doc != "lavrov-ayrault-fr.txt" || docs[0].Text[tr.Span.Start:tr.Span.End] != tr.Sentence {
							t.Errorf("(%s, %s, %s): doc %q span %v does not give its sentence", w.s, w.p, w.o, tr.Doc, tr.Span)
						}
					}
				}
				if !found {
					t.Errorf("missing (%s, %s, %s, negated=%v) of confidence >= %.2f", w.s, w.p, w.o, w.negated, tc.min)
				}
			}
			if t.Failed() {
				for _, tr := range res.Triples {
					t.Logf("got (%s, %s, %s) neg=%v %s %.3f", tr.Subject, tr.Predicate, tr.Object, tr.Negated, tr.Modality, tr.Confidence)
				}
			}
		})
	}
}

// change of the rules or lexicons).
func TestGolden(t *testing.T) {
	x := newExtractor(t)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, d := range readDocs(t, filepath.Join("..", "examples")) {
		res, err := x.Extract(context.Background(), &d)
		if err != nil {
			t.Fatal(err)
		}
		for _, tr := range res.Triples {
			enc.Encode(tr)
		}
	}
	golden := filepath.Join("testdata", "examples.golden.jsonl")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("triples of examples/ differ from %s (run go test ./extract -run Golden -update and review the diff)", golden)
		diffLines(t, want, buf.Bytes())
	}
}

func diffLines(t *testing.T, want, got []byte) {
	w := map[string]bool{}
	for _, l := range bytes.Split(want, []byte("\n")) {
		w[string(l)] = true
	}
	g := map[string]bool{}
	for _, l := range bytes.Split(got, []byte("\n")) {
		g[string(l)] = true
		if !w[string(l)] {
			t.Logf("+ %s", l)
		}
	}
	for l := range w {
		if !g[l] {
			t.Logf("- %s", l)
		}
	}
}

func TestUnsupportedLanguage(t *testing.T) {
	x := newExtractor(t)
	doc := graph.Document{ID: "de", Text: "Die Bundesregierung hat am Montag neue Sanktionen gegen Russland beschlossen, teilte ein Sprecher in Berlin mit."}
	res, err := x.Extract(context.Background(), &doc)
	if err != nil {
		t.Fatal(err)
	}
	if res.Skipped == "" || len(res.Triples) != 0 || doc.Lang != "de" {
		t.Errorf("German document: lang %q skipped %q triples %d", doc.Lang, res.Skipped, len(res.Triples))
	}
	forced := graph.Document{ID: "x", Lang: "en", Text: "Sergei Lavrov met John Kerry in Geneva."}
	res, err = x.Extract(context.Background(), &forced)
	if err != nil || res.Skipped != "" || len(res.Triples) == 0 {
		t.Errorf("document with lang en: %v %q %d triples", err, res.Skipped, len(res.Triples))
	}
}

func TestSentencesEN(t *testing.T) {
	x := newRulesExtractor(t)
	tests := []struct {
		text    string
		s, p, o string
		negated bool
	}{
		{"Sergei Lavrov met John Kerry in Geneva on Monday.", "Sergei Lavrov", "meets", "John Kerry", false},
		{"The German government did not rule out new sanctions against Russia.", "Germany", "rules out", "sanctions", true},
		{"Prime Minister Theresa May criticized the European Union on Tuesday.", "Theresa May", "criticizes", "European Union", false},
		{"Turkey and Russia signed an agreement in Moscow.", "Turkey", "signs", "agreement", false},
	}
	for _, tt := range tests {
		doc := graph.Document{ID: "t", Lang: "en", Text: tt.text}
		res, err := x.Extract(context.Background(), &doc)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, tr := range res.Triples {
			if tr.Subject == tt.s && tr.Predicate == tt.p && tr.Object == tt.o && tr.Negated == tt.negated {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no (%s, %s, %s, negated=%v) in %v", tt.text, tt.s, tt.p, tt.o, tt.negated, res.Triples)
		}
	}
}

// BenchmarkExtract measures extraction (language detection to triples)
// on the Wikinews articles of the shared news corpus, in tokens/s.
func BenchmarkExtract(b *testing.B) {
	for _, name := range []string{"fr-wikinews-keyphrase100.jsonl", "en-wikinews-vanatteveldt.jsonl"} {
		b.Run(name, func(b *testing.B) {
			path := shareddata.Path(b, "data", "news", name)
			x := newExtractor(b)
			var docs []graph.Document
			f, _ := os.Open(path)
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 1<<24)
			var bytesIn int64
			for sc.Scan() {
				var d graph.Document
				var raw struct{ ID, Text, Lang string }
				json.Unmarshal(sc.Bytes(), &raw)
				d.ID, d.Text = raw.ID, raw.Text
				docs = append(docs, d)
				bytesIn += int64(len(raw.Text))
			}
			f.Close()
			b.SetBytes(bytesIn)
			b.ResetTimer()
			tokens := 0
			for b.Loop() {
				for _, d := range docs {
					d.Lang = ""
					res, err := x.Extract(context.Background(), &d)
					if err != nil {
						b.Fatal(err)
					}
					tokens += res.Tokens
				}
			}
			b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

func TestUnmappedVerbs(t *testing.T) {
	x := newExtractor(t)
	doc := graph.Document{ID: "u", Lang: "fr", Text: "Emmanuel Macron a sermonné Viktor Orban. Angela Merkel a rencontré Viktor Orban."}
	if _, err := x.Extract(context.Background(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Unmapped["sermonner"] != 1 || doc.Unmapped["rencontrer"] != 0 {
		t.Errorf("unmapped = %v, want sermonner once and no rencontrer", doc.Unmapped)
	}
	en := graph.Document{ID: "v", Lang: "en", Text: "According to Reuters, Emmanuel Macron scolded Viktor Orban."}
	if _, err := x.Extract(context.Background(), &en); err != nil {
		t.Fatal(err)
	}
	if en.Unmapped["scold"] != 1 || en.Unmapped["accord"] != 0 {
		t.Errorf("unmapped = %v, want scold once and no accord (according to)", en.Unmapped)
	}
}

// TestTreeFillsSubject: the position rules stop at the incise between
// commas; the parser's nsubj gives the subject.
func TestTreeFillsSubject(t *testing.T) {
	x := newRulesExtractor(t)
	doc := graph.Document{ID: "t", Lang: "fr", Text: "Le gouvernement français, dans un communiqué publié lundi, a condamné la Russie."}
	res, err := x.Extract(context.Background(), &doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range res.Triples {
		if tr.Subject == "France" && tr.Predicate == "condemns" && tr.Object == "Russia" {
			return
		}
	}
	t.Errorf("no (France, condemns, Russia) in %v", res.Triples)
}

// TestStatedRoleCountry checks that a country the document states for a
// person's title wins over the one its language assumes: the German
// finance minister of a French article is no French minister.
func TestStatedRoleCountry(t *testing.T) {
	x := newRulesExtractor(t)
	tests := []struct {
		name, text string
		want, deny string // role objects of Klaus Weber
	}{
		{"stated elsewhere", "Le ministre des Finances Klaus Weber a parlé mardi. Le ministre allemand des Finances Klaus Weber a ajouté qu'il partait.", "Germany", "France"},
		{"assumed alone", "Le ministre des Finances Klaus Weber a parlé mardi.", "France", "Germany"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := graph.Document{ID: "t", Lang: "fr", Text: tt.text}
			res, err := x.Extract(context.Background(), &doc)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, tr := range res.Triples {
				if tr.Subject == "Klaus Weber" && tr.Predicate == "is finance minister of" {
					got[tr.Object] = true
				}
			}
			if !got[tt.want] || got[tt.deny] {
				t.Errorf("Klaus Weber is finance minister of %v, want %s, not %s", got, tt.want, tt.deny)
			}
		})
	}
}

// TestPlaceInPlace checks that a place followed by ", in" another is in
// it, and that places each after its own preposition are a list.
func TestPlaceInPlace(t *testing.T) {
	x := newRulesExtractor(t)
	for _, tt := range []struct {
		text string
		want bool
		s, o string
	}{
		{"Il habite à Zoug, en Suisse, depuis dix ans.", true, "Zoug", "Switzerland"},
		{"La crise frappe en Grèce, en Italie, en Espagne, au Portugal.", false, "Italy", "Spain"},
	} {
		doc := graph.Document{ID: "t", Lang: "fr", Text: tt.text}
		res, err := x.Extract(context.Background(), &doc)
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, tr := range res.Triples {
			got = got || tr.Subject == tt.s && tr.Predicate == "is located in" && tr.Object == tt.o
		}
		if got != tt.want {
			t.Errorf("%q: (%s, is located in, %s) read %v, want %v", tt.text, tt.s, tt.o, got, tt.want)
		}
	}
}

// TestDatelineStatesNothing checks that no relation is read in a news
// dateline, while the story after it is read.
func TestDatelineStatesNothing(t *testing.T) {
	for _, x := range []*Extractor{newExtractor(t), newRulesExtractor(t)} {
		doc := graph.Document{ID: "t", Lang: "en", Text: "SPRING FALLS, N.Y., April 13 - Acme Airways Inc said it bought Zenith Aviation."}
		res, err := x.Extract(context.Background(), &doc)
		if err != nil {
			t.Fatal(err)
		}
		bought := false
		for _, tr := range res.Triples {
			if tr.Sentence == "SPRING FALLS, N.Y., April 13 -" {
				t.Errorf("relation in the dateline: %+v", tr)
			}
			bought = bought || tr.Predicate == "buys"
		}
		if !bought {
			t.Errorf("no buys in %+v", res.Triples)
		}
	}
}

// TestHomeNeedsDominance checks that a story naming two countries about
// as often gives neither's titles to the people it names: the prime
// minister of a trade dispute between the United States and Japan is no
// American one.
func TestHomeNeedsDominance(t *testing.T) {
	x := newRulesExtractor(t)
	doc := graph.Document{ID: "t", Lang: "en", Text: "The United States and Japan met on Monday. " +
		"The United States said Japan must open its markets. The United States agreed to wait. " +
		"Prime Minister Kenji Sato spoke on Tuesday."}
	res, err := x.Extract(context.Background(), &doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range res.Triples {
		if tr.Subject == "Kenji Sato" && tr.Predicate == "is prime minister of" {
			t.Errorf("got %+v, want no country for Kenji Sato", tr)
		}
	}
}
