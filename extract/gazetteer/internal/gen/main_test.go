package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

const (
	isoJSON = "/usr/share/iso-codes/json/iso_3166-1.json"
	isoMO   = "/usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo"
)

// TestGenerated checks that the committed countries.tsv is what the
// generator makes of the installed iso-codes and overrides.tsv.
func TestGenerated(t *testing.T) {
	for _, p := range []string{isoJSON, isoMO} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("iso-codes not installed (apt-get install -y iso-codes): %v", err)
		}
	}
	want, err := os.ReadFile("../../data/countries.tsv")
	if err != nil {
		t.Fatal(err)
	}
	v := isoVersion()
	if !bytes.Contains(want, []byte("iso-codes "+v+" ")) {
		t.Skipf("countries.tsv was generated from another iso-codes version than the installed %s", v)
	}
	rows, err := build(isoJSON, isoMO, "overrides.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if got := render(rows, v); !bytes.Equal(got, want) {
		t.Error("data/countries.tsv is stale: run go generate in extract/gazetteer")
	}
}

func TestAliases(t *testing.T) {
	drop := map[string]bool{"maurice": true}
	got := aliases(drop,
		[]string{"Turkey", "^Jersey", "île Maurice"},
		"Jersey", "Korea, Republic of", "Holy See (Vatican City State)", "the State of Eritrea", "Maurice", "turkey")
	want := "Turkey|^Jersey|île Maurice|State of Eritrea"
	if s := strings.Join(got, "|"); s != want {
		t.Errorf("aliases = %q, want %q", s, want)
	}
}
