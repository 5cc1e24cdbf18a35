package score

import "testing"

func TestNormName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Jean-Marc Ayrault", "jean marc ayrault"},
		{"Sergueï  Lavrov", "serguei lavrov"},
		{"  the Harbour Authority ", "harbour authority"},
		{"The La Les Ports", "ports"},           // one pass over the articles, in order
		{"la the Ports", "the ports"},           // "the" is tried before "la" only once
		{"l' Assemblée", "assemblee"},           // a separate l' is an article
		{"L’Assemblée", "l'assemblee"},          // a joined one is not
		{"Dr. Ilse (Brandt)", "dr ilse brandt"}, // punctuation reads as space
		{"«réforme»", "reforme"},                // guillemets too
		{"Ferrand–Roux", "ferrand–roux"},        // only the ASCII hyphen splits
		{"Ophelie\u00a0Roux", "ophelie roux"},   // NFKD turns NBSP to space
		{"a\x1cb", "a b"},                       // Python's whitespace, not Go's
		{"ΟΔΟΣ Group", "οδος group"},            // final sigma, as Python lowers it
		{"ΟΔΟΣΑ", "οδοσα"},                      // not final
		{"ﬁnance", "finance"},                   // compatibility decomposition
		{"the", ""},                             // nothing left
		{"", ""},
	} {
		if got := normName(tc.in); got != tc.want {
			t.Errorf("normName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNormPred(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"meets", "meet"},
		{"meets with", "meet with"},
		{"watches", "watch"},    // -es after h
		{"passes", "pass"},      // -es after s
		{"fixes", "fix"},        // -es after x
		{"approves", "approve"}, // -es after anything else loses the s only
		{"does", "doe"},         // as kgscore does
		{"ses", "se"},           // too short for -es, long enough for -s
		{"is", "is"},            // too short
		{"was", "wa"},           // as kgscore does
		{"discuss", "discuss"},  // -ss stays
		{"Dépose", "depose"},    // normalised first
		{"holds talks with", "hold talk with"},
		{"", ""},
	} {
		if got := normPred(tc.in); got != tc.want {
			t.Errorf("normPred(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestPredHead(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"withdraw troop from", "withdraw"},
		{"is president of", "is president"},
		{"wa elected to", "wa elected"},
		{"ha", "ha"},
		{"", ""},
	} {
		if got := predHead(tc.in); got != tc.want {
			t.Errorf("predHead(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestSymmetric checks symmetric against kgscore's SYMMETRIC as written
// there, unnormalised.
func TestSymmetric(t *testing.T) {
	for _, p := range []string{"meet", "talk with", "negotiate with", "agree with", "meet with",
		"speak with", "hold talks with", "exchange with", "Meets", "talks with"} {
		if !symmetric(normPred(p)) {
			t.Errorf("symmetric(normPred(%q)) = false, want true", p)
		}
	}
	for _, p := range []string{"signs", "meets in", "talks"} {
		if symmetric(normPred(p)) {
			t.Errorf("symmetric(normPred(%q)) = true, want false", p)
		}
	}
}

func TestNameMatch(t *testing.T) {
	for _, tc := range []struct {
		p     string
		forms []string
		want  bool
	}{
		{"mme heloise martin dubois", []string{"martin dubois"}, true}, // produced ends with gold
		{"varga", []string{"tomas varga"}, true},                       // gold ends with produced
		{"avarga", []string{"varga"}, false},                           // not a whole word
		{"varga tomas", []string{"tomas"}, true},
		{"tomas varga", []string{"tomas"}, false}, // a prefix is not enough
		{"", []string{""}, false},
		{"x", []string{"", "x"}, true},
	} {
		if got := nameMatch(tc.p, tc.forms); got != tc.want {
			t.Errorf("nameMatch(%q, %q) = %v, want %v", tc.p, tc.forms, got, tc.want)
		}
	}
}

func TestDocMatch(t *testing.T) {
	for _, tc := range []struct {
		p, g string
		want bool
	}{
		{"a.txt", "a.txt", true},
		{"corpus/a.txt", "a.txt", true},
		{"a.txt", "corpus/a.txt", true},
		{"xa.txt", "a.txt", true}, // plain suffixes, as kgscore has it
		{"a.txt", "b.txt", false},
		{"", "a.txt", true},
	} {
		if got := docMatch(tc.p, tc.g); got != tc.want {
			t.Errorf("docMatch(%q, %q) = %v, want %v", tc.p, tc.g, got, tc.want)
		}
	}
}
