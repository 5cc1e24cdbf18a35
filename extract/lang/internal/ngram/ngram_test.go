package ngram

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want []string
	}{
		{"L'homme d’État, 12 ans!", 0, []string{"l", "homme", "d", "état", "ans"}},
		{"Jean-Marc AYRAULT", 0, []string{"jean", "marc", "ayrault"}},
		{"один two", 0, []string{"один", "two"}},
		{"a b c d", 2, []string{"a", "b"}},
		{"", 0, nil},
	}
	for _, tt := range tests {
		var got []string
		Words(tt.in, tt.max, func(w string, _ bool) { got = append(got, w) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("Words(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
	var latin []bool
	Words("один two", 0, func(_ string, l bool) { latin = append(latin, l) })
	if !slices.Equal(latin, []bool{false, true}) {
		t.Errorf("latin = %v, want [false true]", latin)
	}
}

func TestTrigrams(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"a", []string{" a "}},
		{"de", []string{" de", "de "}},
		{"été", []string{" ét", "été", "té "}},
	}
	for _, tt := range tests {
		var got []string
		Trigrams(tt.in, func(g []byte) { got = append(got, string(g)) })
		if !slices.Equal(got, tt.want) {
			t.Errorf("Trigrams(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
