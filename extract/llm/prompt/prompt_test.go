package prompt

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

func TestSchemaIsJSON(t *testing.T) {
	var v map[string]any
	if err := json.Unmarshal(Schema, &v); err != nil {
		t.Fatal(err)
	}
	req := Request(graph.Document{ID: "d", Lang: "en", Title: "T", Text: "Body."})
	if len(req.Messages) != 2 || req.Messages[0].Content != System || !strings.HasSuffix(req.Messages[1].Content, "Article:\nBody.") {
		t.Errorf("request %+v", req.Messages)
	}
	again := Retry(req, "oops", errors.New("bad"))
	if len(again.Messages) != 4 || len(req.Messages) != 2 || again.Messages[2].Content != "oops" || !strings.Contains(again.Messages[3].Content, "(bad)") {
		t.Errorf("retry %+v", again.Messages)
	}
}

func TestParse(t *testing.T) {
	good := Relation{Subject: "Ana Ruiz", SubjectType: graph.Person, Predicate: "meets", Object: "Tomas Berg", ObjectType: graph.Person, Modality: graph.Asserted, Sentence: "Ana Ruiz met Tomas Berg."}
	tests := []struct {
		name, answer string
		want         int // triples; -1 for an error
	}{
		{"good", Marshal([]Relation{good}), 1},
		{"none", `{"triples": []}`, 0},
		{"fenced", "```json\n" + Marshal([]Relation{good}) + "\n```", 1},
		{"case of enums", strings.Replace(strings.Replace(Marshal([]Relation{good}), `"PERSON"`, `"person"`, 1), `"asserted"`, `"Asserted"`, 1), 1},
		{"not JSON", `Here are the triples: Ana Ruiz meets Tomas Berg`, -1},
		{"truncated", `{"triples": [{"subject": "Ana`, -1},
		{"no triples", `{"relations": []}`, -1},
		{"two objects", `{"triples": []} {"triples": []}`, -1},
		{"empty subject", strings.Replace(Marshal([]Relation{good}), `"Ana Ruiz"`, `""`, 1), -1},
		{"unknown type", strings.Replace(Marshal([]Relation{good}), `"PERSON"`, `"HUMAN"`, 1), -1},
		{"unknown modality", strings.Replace(Marshal([]Relation{good}), `"asserted"`, `"certain"`, 1), -1},
		{"wrong type", `{"triples": [{"subject": 3}]}`, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rels, err := Parse(tt.answer)
			if tt.want < 0 {
				if err == nil {
					t.Fatalf("no error, got %+v", rels)
				}
				return
			}
			if err != nil || len(rels) != tt.want {
				t.Fatalf("got %+v, %v", rels, err)
			}
			if tt.want == 1 && rels[0] != good {
				t.Errorf("got %+v, want %+v", rels[0], good)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	text := "Le maire de Valbonne a démissionné. Il a rencontré Ana Ruiz lundi.\nAna Ruiz a salué « une décision courageuse »."
	tests := []struct {
		sentence string
		want     string
		ok       bool
	}{
		{"Il a rencontré Ana Ruiz lundi.", "Il a rencontré Ana Ruiz lundi.", true},
		{"  Ana Ruiz a salué « une décision courageuse ».\n", "Ana Ruiz a salué « une décision courageuse ».", true},
		{"Il a rencontré Ana Ruiz mardi.", "", false},                // changed
		{"He met Ana Ruiz on Monday.", "", false},                    // translated
		{"Ana Ruiz a salué \"une décision courageuse\".", "", false}, // other quotes
		{"", "", false},
	}
	for _, tt := range tests {
		sp, ok := Locate(text, tt.sentence)
		if ok != tt.ok || ok && text[sp.Start:sp.End] != tt.want {
			t.Errorf("Locate(%q) = %v %v", tt.sentence, sp, ok)
		}
	}
}

func TestEstimate(t *testing.T) {
	if got := Tokens("abcdefgh"); got != 2 {
		t.Errorf("Tokens = %d", got)
	}
	if got := Tokens("éàü"); got != 1 {
		t.Errorf("Tokens of runes = %d", got)
	}
	// 50 words in 5 sentences of 10: 2 triples, each quoting a sentence
	// of a fifth of the text.
	text := strings.Repeat("Ana Ruiz met the new mayor of Valbonne on Monday. ", 5)
	e := EstimateRequest(graph.Document{Text: text})
	wantPrompt := Tokens(System) + Tokens("Article:\n"+text) + 8
	if e.Prompt != wantPrompt || e.Completion != 2*60+2*Tokens(text)/5+10 {
		t.Errorf("estimate %+v, want prompt %d", e, wantPrompt)
	}
}
