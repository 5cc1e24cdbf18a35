package entity

import (
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

func TestReadAliases(t *testing.T) {
	a, err := ReadAliases(strings.NewReader(`
Sergei Lavrov: [Lavrov, S. Lavrov]
European Union:
  type: ORG
  aliases: [UE, Union européenne]
`), "aliases.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, name string }{
		{"lavrov", "Sergei Lavrov"}, {"S. Lavrov", "Sergei Lavrov"}, {"Sergei Lavrov", "Sergei Lavrov"},
		{"union europeenne", "European Union"},
	}
	for _, tt := range tests {
		if got := a[graph.Fold(tt.in)]; got.Name != tt.name {
			t.Errorf("alias %q = %q, want %q", tt.in, got.Name, tt.name)
		}
	}
	if a[graph.Fold("UE")].Type != graph.Org {
		t.Errorf("UE type %q", a[graph.Fold("UE")].Type)
	}
}

func TestReadAliasesErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"- a\n- b\n", "want a map"},
		{"X: 3\n", "want a list"},
		{"X:\n  type: ANIMAL\n", "ANIMAL"},
		{"X: [Y]\nZ: [Y]\n", `"Y" names both`},
		{"X: [a\n", "aliases.yaml"},
	}
	for _, tt := range tests {
		_, err := ReadAliases(strings.NewReader(tt.in), "aliases.yaml")
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "aliases.yaml") {
			t.Errorf("%q: error %v, want %q and the file", tt.in, err, tt.want)
		}
	}
}

func TestResolveWithAliases(t *testing.T) {
	a := Aliases{graph.Fold("Moscou"): {Name: "Kremlin"}, graph.Fold("Poutine"): {Name: "Vladimir Putin", Type: graph.Person}}
	r := NewResolver(Translit{}).WithAliases(a)
	ms := []Mention{
		{Kind: Name, Text: "Moscou", Name: "Moscow", Type: graph.GPE, Known: true},
		{Kind: Name, Text: "Poutine"},
	}
	for i := range ms {
		if !r.Resolve(&ms[i], 0) {
			t.Fatalf("%q not resolved", ms[i].Text)
		}
	}
	if ms[0].Name != "Kremlin" || ms[0].Type != graph.GPE {
		t.Errorf("Moscou → %s %s, want the user's Kremlin, type kept", ms[0].Name, ms[0].Type)
	}
	if ms[1].Name != "Vladimir Putin" || ms[1].Type != graph.Person {
		t.Errorf("Poutine → %s %s", ms[1].Name, ms[1].Type)
	}
}
