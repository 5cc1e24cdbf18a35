package graph

import "testing"

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Sergueï Lavrov", "serguei lavrov"},
		{"Jean-Marc  Ayrault", "jean marc ayrault"},
		{"  États-Unis ", "etats unis"},
		{"l’ONU", "l'onu"},
		{"Œuvre", "oeuvre"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
