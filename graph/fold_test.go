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

// TestFoldLatinAgrees compares the table path with the general one on
// every rune it handles, alone, between letters and next to separators,
// and on names.
func TestFoldLatinAgrees(t *testing.T) {
	var in []string
	for r := rune(0x80); r < latinEnd; r++ {
		c := string(r)
		in = append(in, c, "a"+c+"b", " "+c+"-"+c+" ", "É"+c+c)
	}
	in = append(in, "l’ONU ‘x’ ʼa – b‐c‑d", "Sergueï Lavrov", "  États-Unis ", "Œuvre d’art", "Łódź", "Straße", "Ağrı", "São\u00a0Paulo", "x\u00adz")
	for _, s := range in {
		fast, ok := foldLatin(s)
		if !ok {
			t.Fatalf("foldLatin(%q) not ok", s)
		}
		if slow := foldUnicode(s); fast != slow {
			t.Errorf("%q: table path %q, general path %q", s, fast, slow)
		}
	}
	for _, s := range []string{"Москва", "e\u0301", "Ελλάδα"} {
		if _, ok := foldLatin(s); ok {
			t.Errorf("foldLatin accepted %q", s)
		}
	}
}
