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

func TestFoldASCIIAgrees(t *testing.T) {
	for _, s := range []string{"Jean-Marc Ayrault", " a  b ", "US", "already folded", "Tab\tand_under", "-x-", "l'ONU", "x\x0by", ""} {
		fast, ok := foldASCII(s)
		if !ok {
			t.Fatalf("foldASCII(%q) not ok", s)
		}
		if slow := foldUnicode(s); fast != slow {
			t.Errorf("%q: fast path %q, general path %q", s, fast, slow)
		}
	}
	if _, ok := foldASCII("Sergueï"); ok {
		t.Error("foldASCII accepted non-ASCII")
	}
}

func BenchmarkFold(b *testing.B) {
	for b.Loop() {
		Fold("Jean-Marc Ayrault")
		Fold("Sergueï Lavrov")
	}
}
