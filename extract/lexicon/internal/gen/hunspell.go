package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"strings"
)

// suffixRule is one SFX line of a Hunspell affix file: strip strip from
// the end of a word that cond matches, then add add.
type suffixRule struct {
	strip, add string
	cond       *regexp.Regexp
}

// writeFrenchCommonWords writes fr/commonwords.tsv: every form of the
// nouns, adjectives and adverbs Dicollecte's French Hunspell dictionary
// writes in lower case, and its verbs' infinitives. Proper names are
// capitalised there, so they are not listed. French inflects adjectives
// as well as nouns, and the recogniser looks words up as written
// ("Foire Internationale"), so forms are listed, not only lemmas.
func writeFrenchCommonWords(ld, dic string) error {
	rules, err := suffixRules(dic + ".aff")
	if err != nil {
		return err
	}
	f, err := os.Open(dic + ".dic")
	if err != nil {
		return fmt.Errorf("hunspell dictionary (apt-get install hunspell-fr-classical): %w", err)
	}
	defer f.Close()
	words := map[string]bool{}
	sc := bufio.NewScanner(f)
	for n := 0; sc.Scan(); n++ {
		if n == 0 {
			continue // the entry count
		}
		entry, morph, _ := strings.Cut(sc.Text(), " ")
		word, flags, _ := strings.Cut(entry, "/")
		if word == "" || strings.ToLower(word) != word || strings.ContainsAny(word, "0123456789.' -") {
			continue
		}
		switch {
		case strings.Contains(morph, "po:v"):
			words[word] = true
		case strings.Contains(morph, "po:nom") || strings.Contains(morph, "po:adj") || strings.Contains(morph, "po:adv"):
			words[word] = true
			// Flags are two characters long (FLAG long).
			for i := 0; i+2 <= len(flags); i += 2 {
				for _, r := range rules[flags[i:i+2]] {
					if !r.cond.MatchString(word) || !strings.HasSuffix(word, r.strip) {
						continue
					}
					if w := strings.TrimSuffix(word, r.strip) + r.add; w != "" {
						words[w] = true
					}
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("hunspell dictionary %s: %w", dic, err)
	}
	if len(words) == 0 {
		return fmt.Errorf("hunspell dictionary %s: no words", dic)
	}
	return writeCommonList(ld, "French", words,
		"Dicollecte's French Hunspell dictionary (Debian hunspell-fr-classical, MPL-2.0): every form of its",
		"lower-case nouns, adjectives and adverbs, and its verbs' infinitives; see SOURCES.md.")
}

// suffixRules reads the SFX rules of a Hunspell affix file by flag.
// Continuation flags after an affix ("s/D'Q'", elided prefixes) and
// morphology are left out.
func suffixRules(path string) (map[string][]suffixRule, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("hunspell affixes (apt-get install hunspell-fr-classical): %w", err)
	}
	defer f.Close()
	rules := map[string][]suffixRule{}
	sc := bufio.NewScanner(f)
	for ln := 1; sc.Scan(); ln++ {
		fs := strings.Fields(sc.Text())
		// SFX flag strip add cond [morphology]; the header line has
		// "Y" or "N" and a count where strip and add stand.
		if len(fs) < 5 || fs[0] != "SFX" {
			continue
		}
		strip, add := fs[2], fs[3]
		if strip == "0" {
			strip = ""
		}
		add, _, _ = strings.Cut(add, "/")
		if add == "0" {
			add = ""
		}
		cond, err := regexp.Compile(strings.ReplaceAll(fs[4], ".", "[^ ]") + "$")
		if err != nil {
			return nil, fmt.Errorf("hunspell affixes %s:%d: condition %q: %w", path, ln, fs[4], err)
		}
		rules[fs[1]] = append(rules[fs[1]], suffixRule{strip: strip, add: add, cond: cond})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("hunspell affixes %s: %w", path, err)
	}
	return rules, nil
}
