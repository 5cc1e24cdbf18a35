package relate

import "strings"

// The dependency tree, when the sentence was analysed, fills in what the
// position rules miss: a subject or object that is not next to its verb
// ("Les Talibans, qui ..., ont attaqué", "X said Y, ..., supports Z").

// wordOf returns the index in Words of the first word of token i, or -1.
func (st *state) wordOf(i int) int {
	for k, w := range st.s.Words {
		if w.Token == i {
			return k
		}
		if w.Token > i {
			break
		}
	}
	return -1
}

// treeChild returns the mention heading a dependent of the verb at token
// i whose relation is one of rels, or -1.
func (st *state) treeChild(i int, rels ...string) int {
	v := st.wordOf(i)
	if v < 0 {
		return -1
	}
	for k, w := range st.s.Words {
		if w.Head != v+1 {
			continue
		}
		for _, r := range rels {
			if w.Deprel == r || strings.HasPrefix(w.Deprel, r+":") && r == "obl" {
				if m := st.mentionInSubtree(k); m >= 0 {
					return m
				}
			}
		}
	}
	return -1
}

// mentionInSubtree returns the mention of the word at k, else of its
// nearest dependent that is a mention (a name's flat parts, a title's
// name), or -1.
func (st *state) mentionInSubtree(k int) int {
	if m := st.mention[st.s.Words[k].Token]; m >= 0 {
		return m
	}
	for _, w := range st.s.Words {
		if w.Head == k+1 {
			switch w.Deprel {
			case "flat", "flat:name", "appos", "nmod", "compound":
				if m := st.mention[w.Token]; m >= 0 {
					return m
				}
			}
		}
	}
	return -1
}

// obliqueWith returns the mention heading an oblique dependent of the
// verb at token i whose case marker is prep, or -1.
func (st *state) obliqueWith(i int, prep string) int {
	v := st.wordOf(i)
	if v < 0 {
		return -1
	}
	for k, w := range st.s.Words {
		if w.Head != v+1 || !strings.HasPrefix(w.Deprel, "obl") {
			continue
		}
		for _, c := range st.s.Words {
			if c.Head == k+1 && c.Deprel == "case" && strings.EqualFold(c.Form, prep) {
				return st.mentionInSubtree(k)
			}
		}
	}
	return -1
}

// fromTree fills the subject and object of triggers the position rules
// left without, from the verb's nsubj and obj dependents.
func (st *state) fromTree() {
	if st.s.Words == nil {
		return
	}
	for _, t := range st.trig {
		if t.noun || t.light {
			continue
		}
		if len(t.subj) == 0 && t.subjFrom < 0 && !t.passive {
			if m := st.treeChild(t.head, "nsubj"); m >= 0 {
				t.subj = st.coordinated(m, 1)
			}
		}
		if len(t.objMention) > 0 || t.objConcept != "" || t.passive || t.pred.Class != classAction {
			continue
		}
		if t.pred.Prep == "" {
			if m := st.treeChild(t.head, "obj"); m >= 0 {
				t.objMention = st.coordinated(m, 1)
			}
			continue
		}
		// An oblique introduced by the lexicon's preposition ("appelle
		// ... à la Russie", "calls on Iran").
		if m := st.obliqueWith(t.head, t.pred.Prep); m >= 0 {
			t.objMention = st.coordinated(m, 1)
		}
	}
}
