package conllu

import (
	"strings"
	"testing"
)

func TestWithout(t *testing.T) {
	list := `# sentences held out
{"id": "fr_gsd:fr-ud-dev_00003", "lang": "fr", "text": "Une phrase."}
frwiki-s2

{"id": "enwikinews:An_article", "lang": "en", "text": "No treebank sentence."}
`
	ids, err := ReadIDs(strings.NewReader(list), "held-out.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var sents []*Sentence
	for _, id := range []string{"fr-ud-dev_00001", "fr-ud-dev_00003", "frwiki-s2", "", "An_article"} {
		s := &Sentence{}
		if id != "" {
			s.Comments = []string{"sent_id = " + id}
		}
		sents = append(sents, s)
	}
	kept, dropped := Without(sents, ids)
	var got []string
	for _, s := range kept {
		got = append(got, s.ID())
	}
	// "enwikinews:An_article" is no sentence id: its bare part matches
	// a sentence of that id all the same, which no treebank has.
	if want := []string{"fr-ud-dev_00001", ""}; strings.Join(got, "|") != strings.Join(want, "|") || dropped != 3 {
		t.Errorf("kept %q (dropped %d), want %q (dropped 3)", got, dropped, want)
	}
	if kept, dropped := Without(sents, nil); len(kept) != len(sents) || dropped != 0 {
		t.Errorf("no ids: kept %d of %d", len(kept), len(sents))
	}
}

func TestReadIDsBadJSON(t *testing.T) {
	_, err := ReadIDs(strings.NewReader("a\n{\"id\": \n"), "ids.jsonl")
	if err == nil || !strings.Contains(err.Error(), "ids.jsonl:2") {
		t.Errorf("error %v, want one naming ids.jsonl:2", err)
	}
}
