package entity

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestWordClasses: every language's word classes load, with the words
// its rules need, and Party reads them.
func TestWordClasses(t *testing.T) {
	tests := []struct {
		lang        string
		class       wordClass
		word, value string
	}{
		{"fr", classifierClass, "entreprise", "org"},
		{"fr", authorityClass, "autorites", ""},
		{"fr", honorificClass, "mme", "f"},
		{"fr", connectorClass, "von", ""},
		{"fr", pronounClass, "t il", "m"},
		{"fr", orgDescClass, "parti", "party"},
		{"fr", articleGenderClass, "la", "f"},
		{"fr", titleGenderClass, "presidente", "f"},
		{"fr", partyClass, "socialiste", "Socialist Party"},
		{"en", classifierClass, "city", "gpe"},
		{"en", honorificClass, "mme", "f"}, // honorifics travel with names
		{"en", pronounClass, "her", "f"},
		{"en", possessiveClass, "her", ""},
		{"en", orgDescClass, "company", ""},
		{"en", titleGenderClass, "spokeswoman", "f"},
		{"en", partyClass, "Republican", "Republican Party"},
	}
	for _, tt := range tests {
		w, err := loadWordClasses(tt.lang)
		if err != nil {
			t.Fatalf("%s: %v", tt.lang, err)
		}
		if v, ok := w.value(tt.class, tt.word); !ok || v != tt.value {
			t.Errorf("%s %s %q = %q, %v; want %q", tt.lang, tt.class, tt.word, v, ok, tt.value)
		}
	}
	parties := []struct {
		lang, word, party string
	}{
		{"en", "Republican", "Republican Party"},
		{"en", "republican", ""}, // the adjective, not the party
		{"fr", "Républicain", "Republican Party"},
		{"fr", "Republican", ""},
		{"de", "Republican", ""},
	}
	for _, tt := range parties {
		if p, _ := Party(tt.lang, tt.word); p != tt.party {
			t.Errorf("Party(%q, %q) = %q, want %q", tt.lang, tt.word, p, tt.party)
		}
	}
}

// TestWordClassesMalformed: a bad row is reported with its file and line.
func TestWordClassesMalformed(t *testing.T) {
	tests := []struct {
		name, row, want string
	}{
		{"no classes", "maire", "x.tsv:2: want word<TAB>classes"},
		{"unknown class", "maire\tmayor", `x.tsv:2: unknown class "mayor"`},
		{"missing value", "ville\tclassifier", `x.tsv:2: class classifier: value ""`},
		{"bad value", "ville\tclassifier=city", `x.tsv:2: class classifier: value "city"`},
		{"value where none", "von\tconnector=x", `x.tsv:2: class connector: value "x"`},
		{"not folded", "société\torgdesc", `x.tsv:2: word "société": write it folded ("societe")`},
		{"capital outside party", "Union\torgdesc=union", `x.tsv:2: word "Union": only party words`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"x.tsv": {Data: []byte("# header\n" + tt.row + "\n")}}
			err := wordClasses{}.read(fsys, "x.tsv")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("read(%q) = %v, want %q", tt.row, err, tt.want)
			}
		})
	}
}
