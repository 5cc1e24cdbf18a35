package lexicon

import "testing"

func TestSortedWords(t *testing.T) {
	tests := []struct {
		name string
		data string
		ok   bool
		in   []string
		out  []string
	}{
		{"sorted", "# comment\napple\nbanana\ncherry\n", true, []string{"apple", "banana", "cherry"}, []string{"", "apples", "b", "date", "Apple"}},
		{"no final newline", "apple\nbanana", true, []string{"apple", "banana"}, []string{"ban"}},
		{"unsorted", "banana\napple\n", false, nil, nil},
		{"duplicate", "apple\napple\n", false, nil, nil},
		{"not a key", "Apple\nbanana\n", false, nil, nil},
	}
	for _, tt := range tests {
		w, ok := newSortedWords([]byte(tt.data))
		if ok != tt.ok {
			t.Errorf("%s: ok = %v, want %v", tt.name, ok, tt.ok)
			continue
		}
		for _, k := range tt.in {
			if !w.has(k) {
				t.Errorf("%s: %q not found", tt.name, k)
			}
		}
		for _, k := range tt.out {
			if w.has(k) {
				t.Errorf("%s: %q found", tt.name, k)
			}
		}
	}
}

// TestCommonWordsSorted checks that the generated common-word lists are
// searched in place, not read into a map, and that they answer.
func TestCommonWordsSorted(t *testing.T) {
	for lang, words := range map[string][]string{"en": {"national", "estimate"}, "fr": {"internationale", "foire", "droit"}} {
		l := mustLoad(t, lang)
		if len(l.sorted) == 0 || len(l.common) > 0 {
			t.Errorf("%s: %d sorted lists, %d words in a map; want the generated list sorted", lang, len(l.sorted), len(l.common))
		}
		for _, w := range words {
			if !l.Common(w) || !l.Common(capitalise(w)) {
				t.Errorf("%s: %q is no common word", lang, w)
			}
		}
		if l.Common("zzqx") {
			t.Errorf("%s: zzqx is a common word", lang)
		}
	}
}

func capitalise(w string) string { return string(w[0]-'a'+'A') + w[1:] }
