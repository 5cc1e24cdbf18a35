package lexicon

import (
	"fmt"
	"strconv"
)

// Traits are the grammatical properties of a language the relation rules
// depend on (language.tsv), so that a rule reads a property rather than
// names a language.
type Traits struct {
	// ContractWords: the language's words are the contract's own
	// (English): a verb the lexicon does not map reads as its own
	// predicate, a noun or title as its own concept or role.
	ContractWords bool
	// ComplementDepth is how many "de"/"of" complements a concept
	// phrase may chain: French chains them ("la réforme du marché du
	// travail").
	ComplementDepth int
	// TwoPartNegation: a verb is negated by "ne"/"n'" and a second
	// word (ne ... pas), not by the second word alone.
	TwoPartNegation bool
}

// Traits returns the language's grammatical properties.
func (l *Lexicon) Traits() Traits { return l.traits }

// applyTrait reads one row of language.tsv.
func (b *builder) applyTrait(name, val string) error {
	yes := func() (bool, error) {
		switch val {
		case "yes":
			return true, nil
		case "no":
			return false, nil
		}
		return false, fmt.Errorf("%s %q: want yes or no", name, val)
	}
	var err error
	switch name {
	case "contract-words":
		b.traits.ContractWords, err = yes()
	case "two-part-negation":
		b.traits.TwoPartNegation, err = yes()
	case "complement-depth":
		n, perr := strconv.Atoi(val)
		if perr != nil || n < 0 {
			return fmt.Errorf("complement-depth %q: want a number of complements", val)
		}
		b.traits.ComplementDepth = n
	default:
		return fmt.Errorf("property %q: want contract-words, complement-depth or two-part-negation", name)
	}
	return err
}
