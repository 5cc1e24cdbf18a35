package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// FuzzExtract runs the whole pipeline (segment, recognise, resolve,
// relate) on arbitrary text in each language and checks the contract of
// what comes out. Extract turns a panic into an error, so any error is a
// failure here: the text is never cancelled and always in a known
// language.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		// Ordinary news sentences, written for this test.
		"Le ministre des Affaires étrangères, Jean Dupont, s'est rendu à Berlin mardi. Il a rencontré la chancelière allemande.",
		"La France n'envisage pas d'imposer de nouvelles sanctions contre la Russie, a déclaré le porte-parole.",
		"« Nous ne négocierons pas », a affirmé M. Martin à l'issue de sa visite à Madrid.",
		"The prime minister, John Smith, met his Canadian counterpart in Ottawa on Monday.",
		"Germany's foreign minister said the government would not rule out sanctions against Iran.",
		"Barack Obama visited Paris; he did not meet Nicolas Sarkozy.",
		// Edges of the tokenizer and segmenter.
		"",
		" ",
		"\n\n\n",
		".",
		"...!?;:,«»\"'()[]—–-",
		"'",
		"' ' ' '",
		"’",
		"'s",
		"'s Paris met London.",
		"’s Obama",
		"« »",
		"«Paris»",
		"« Le président » a dit « non ».",
		"d'",
		"l'Élysée d'Obama qu'",
		"M.",
		"Dr. Mr. St. U.S. U.N.",
		"A B C D E F G H I J K L M N O P Q R S T U V W X Y Z.",
		strings.Repeat("Jean ", 300) + "rencontre " + strings.Repeat("Paul ", 300),
		strings.Repeat("Nations Unies ", 200),
		strings.Repeat("The ", 500),
		strings.Repeat("« ", 200) + "Paris",
		"\xff\xfe\xfd",
		"Paris \xff rencontre \xc3 Londres.",
		"Jean Dupont\x00rencontre\x00Paul Martin.",
		"\x00",
		"\uFEFFLe président rencontre le roi.",
		"Sergueï Lavrov a rencontré Jean-Marc Ayrault à Moscou.",
		"Москва встречает Париж. 北京 meets Tokyo.",
		"1 2 3 4 5 6 7 8 9 10 11 12 13.",
		"M. Dupont — qui n'a jamais visité l'Allemagne — rencontre Mme Durand.",
		"He said: \"The U.S. will not meet Iran.\" She said nothing.",
		"Le président Le Le Le Le de de de la la du des.",
		"Obama Obama Obama met Obama.",
		"\r\n\r\nLondon\r\nParis\r\n",
		"\u00a0\u2009\u202fParis\u00a0rencontre\u2009Londres.",
		"e\u0301tats-Unis rencontre Franc\u0327ois.",
		// Names longer than the store takes.
		"Barack Obama met " + strings.Repeat("Jean-", 1000) + "Marc in Paris.",
		"Barack Obama met President " + strings.Repeat("J", 5000) + " in Paris.",
	} {
		f.Add(s)
	}
	x := newExtractor(f)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, text string) {
		// "" lets the detector choose, which may leave the document
		// unextracted; that is checked too.
		for _, lang := range []string{"fr", "en", ""} {
			doc := graph.Document{ID: "fuzz", Lang: lang, Text: text}
			res, err := x.Extract(ctx, &doc)
			if err != nil {
				t.Fatalf("lang %q: Extract(%q): %v", lang, text, err)
			}
			if lang != "" && doc.Lang != lang {
				t.Errorf("lang %q: Extract changed the language to %q", lang, doc.Lang)
			}
			if res.Skipped != "" {
				if lang != "" || len(res.Triples) > 0 {
					t.Errorf("lang %q: skipped (%s) with %d triples", lang, res.Skipped, len(res.Triples))
				}
				continue
			}
			if res.Sentences < 0 || res.Tokens < 0 {
				t.Errorf("lang %q: %d sentences, %d tokens", lang, res.Sentences, res.Tokens)
			}
			for _, tr := range res.Triples {
				checkTriple(t, doc, tr)
			}
			for _, e := range res.Entities {
				if !storable(e.Name) {
					t.Errorf("lang %q: the store refuses entity name %.40q (%d bytes; empty, over %d or with NUL)", doc.Lang, e.Name, len(e.Name), maxName)
				}
				for _, a := range e.Aliases {
					if len(a) > maxName || strings.ContainsRune(a, 0) {
						t.Errorf("lang %q: the store refuses alias %.40q of %.40q (%d bytes)", doc.Lang, a, e.Name, len(a))
					}
				}
			}
		}
	})
}

// maxName is the longest name storage.Store.PutDocument accepts; a longer
// one fails the document and stops an ingest run.
const maxName = 4096

// storable reports whether the store accepts s as a name or predicate.
func storable(s string) bool {
	return s != "" && len(s) <= maxName && !strings.ContainsRune(s, 0)
}

// checkTriple checks what the triple contract promises of every triple,
// and that the store accepts it.
func checkTriple(t *testing.T, doc graph.Document, tr graph.Triple) {
	t.Helper()
	sp := tr.Span
	switch {
	case sp.Start < 0 || sp.End < sp.Start || sp.End > len(doc.Text):
		t.Errorf("lang %q: span %v outside the text (%d bytes): %+v", doc.Lang, sp, len(doc.Text), tr)
	case doc.Text[sp.Start:sp.End] != tr.Sentence:
		t.Errorf("lang %q: text at %v is %q, not the sentence %q", doc.Lang, sp, doc.Text[sp.Start:sp.End], tr.Sentence)
	}
	if tr.Subject == "" || tr.Predicate == "" || tr.Object == "" {
		t.Errorf("lang %q: empty field in (%q, %q, %q) from %q", doc.Lang, tr.Subject, tr.Predicate, tr.Object, tr.Sentence)
	} else if !storable(tr.Subject) || !storable(tr.Predicate) || !storable(tr.Object) {
		t.Errorf("lang %q: the store refuses (%.40q, %.40q, %.40q) (%d, %d, %d bytes; over %d or with NUL)",
			doc.Lang, tr.Subject, tr.Predicate, tr.Object, len(tr.Subject), len(tr.Predicate), len(tr.Object), maxName)
	}
	if strings.TrimSpace(tr.Sentence) == "" {
		t.Errorf("lang %q: (%s, %s, %s) from an empty sentence", doc.Lang, tr.Subject, tr.Predicate, tr.Object)
	}
	if tr.Predicate != strings.ToLower(tr.Predicate) {
		t.Errorf("lang %q: predicate %q is not lower case", doc.Lang, tr.Predicate)
	}
	if !validType(tr.SubjectType) || !validType(tr.ObjectType) || !validModality(tr.Modality) {
		t.Errorf("lang %q: (%s, %s, %s): types %q, %q, modality %q", doc.Lang, tr.Subject, tr.Predicate, tr.Object, tr.SubjectType, tr.ObjectType, tr.Modality)
	}
	if !(tr.Confidence > 0 && tr.Confidence <= 1) {
		t.Errorf("lang %q: confidence %v of (%s, %s, %s)", doc.Lang, tr.Confidence, tr.Subject, tr.Predicate, tr.Object)
	}
	if tr.Doc != doc.ID || tr.Lang != doc.Lang {
		t.Errorf("lang %q: triple has doc %q lang %q, want %q %q", doc.Lang, tr.Doc, tr.Lang, doc.ID, doc.Lang)
	}
}

func validType(typ graph.EntityType) bool {
	_, err := graph.ParseEntityType(string(typ))
	return err == nil
}

func validModality(m graph.Modality) bool {
	switch m {
	case graph.Asserted, graph.Reported, graph.Intended, graph.Considered, graph.Hypothetical:
		return true
	}
	return false
}
