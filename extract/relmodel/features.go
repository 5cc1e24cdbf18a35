package relmodel

import (
	"strconv"
	"strings"
)

// featurer hashes a candidate's features into the model's space. FNV-1a
// over the template and its values, so the same feature gets the same
// index in training and at run time, on every machine.
type featurer struct {
	out []uint32
}

func (f *featurer) add(parts ...string) {
	h := uint64(14695981039346656037)
	for i, p := range parts {
		if i > 0 {
			h ^= 0x1f
			h *= 1099511628211
		}
		for j := 0; j < len(p); j++ {
			h ^= uint64(p[j])
			h *= 1099511628211
		}
	}
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 32
	f.out = append(f.out, uint32(h&(1<<featureBits-1)))
}

// features returns the hashed features of a candidate (what all its
// predicate options share).
func features(c *candidate, a *analysed, lang string, buf []uint32) []uint32 {
	f := featurer{out: buf[:0]}
	kinds := c.sKind.String() + ">" + c.oKind.String()
	types := string(c.sType) + ">" + string(c.oType)
	f.add("bias")
	f.add("lang", lang)
	f.add("kinds", kinds)
	f.add("types", types)
	f.add("kinds+types", kinds, types)
	f.add("neg", strconv.FormatBool(c.neg))
	f.add("mod", string(c.modality))
	f.add("len", strconv.Itoa(c.length))
	if c.rule >= 0 {
		r := a.s.Rules[c.rule]
		f.add("rule")
		f.add("rule+src", lang, strings.ToLower(r.Source))
		f.add("rule+pred", r.Predicate)
		f.add("rule+conf", share(float32(r.Confidence)))
		f.add("rule+path", c.path)
		f.add("rule+args", strconv.FormatBool(c.subj >= 0), strconv.FormatBool(c.obj >= 0))
		f.add("rule+kinds", kinds)
		f.add("rule+tree", strconv.FormatBool(c.ruleAgrees))
		return f.out
	}
	f.add("agrees", strconv.FormatBool(c.ruleAgrees))
	f.add("path", c.path)
	if steps := strings.Fields(c.path); len(steps) > 0 {
		f.add("ends", steps[0], steps[len(steps)-1])
		f.add("ends+kinds", steps[0], steps[len(steps)-1], kinds)
		f.add("ends+lemma", lang, c.key()[2], steps[0], steps[len(steps)-1])
	}
	// Annotators write most relations of an article's first sentences,
	// and fewer of each in a sentence with many arguments.
	f.add("sent", bucket(c.sent))
	f.add("sent+kinds", bucket(c.sent), kinds)
	between := 0
	lo, hi := min(a.args[c.subj].word, a.args[c.obj].word), max(a.args[c.subj].word, a.args[c.obj].word)
	for _, x := range a.args {
		if x.word > lo && x.word < hi {
			between++
		}
	}
	f.add("between", bucket(between))
	f.add("path+kinds", c.path, kinds)
	f.add("path+types", c.path, types)
	if c.length <= 3 {
		f.add("lexpath", lang, c.lexPath)
	}
	f.add("key0", lang, c.key()[0])
	f.add("key1", lang, c.key()[1])
	f.add("key2", lang, c.key()[2])
	sa, oa := a.args[c.subj], a.args[c.obj]
	f.add("known", strconv.FormatBool(sa.known), strconv.FormatBool(oa.known))
	f.add("order", strconv.FormatBool(sa.word < oa.word))
	f.add("olemma", lang, oa.lemma)
	f.add("slemma", lang, sa.lemma)
	f.add("dist", bucket(abs(sa.word-oa.word)))
	if c.trigger >= 0 {
		w := a.s.Words[c.trigger]
		f.add("tupos", w.UPOS)
		f.add("tupos+path", w.UPOS, c.path)
		f.add("tdeprel", w.Deprel)
		f.add("tlemma+types", lang, c.key()[2], types)
		for _, k := range a.t.kids[c.trigger] {
			switch d := a.s.Words[k].Deprel; d {
			case "cop", "aux:pass", "expl", "expl:pass", "expl:pv":
				f.add("tkid", d)
			}
		}
	}
	f.add("nargs", bucket(len(a.args)))
	// How specific each side is: a bare generic noun ("data", "joueurs")
	// is seldom what annotators relate; a phrase with modifiers or a
	// determiner that points at one thing more often is.
	for side, x := range [2]arg{sa, oa} {
		if x.kind != argConcept {
			continue
		}
		det := "none"
		for _, k := range a.t.kids[x.word] {
			w := a.s.Words[k]
			switch {
			case w.Deprel == "det" || w.Deprel == "det:poss" || w.Deprel == "nmod:poss":
				det = strings.ToLower(w.Lemma)
			case w.Deprel == "nummod":
				det = "num"
			}
		}
		nw := strings.Count(x.text, " ") + 1
		f.add("spec", strconv.Itoa(side), lang, det, bucket(nw))
		f.add("spec+kids", strconv.Itoa(side), bucket(len(a.t.kids[x.word])), bucket(nw))
	}
	// The headline names the story's main actors.
	if a.titled != nil {
		st, ot := a.titled[c.subj], a.titled[c.obj]
		f.add("title", st, ot)
		f.add("title+kinds", st, ot, kinds)
	} else {
		f.add("title", "none")
	}
	// Annotators write the relations of a story's main actors: how many
	// sentences name each side.
	if a.named != nil {
		f.add("salience", bucket(a.named[sa.name]), bucket(a.named[oa.name]))
		f.add("salience+kinds", bucket(a.named[sa.name]), bucket(a.named[oa.name]), kinds)
	}
	return f.out
}

// optionFeatures appends to a candidate's features those of one of its
// predicate options: where it comes from, how reliable that source was,
// and the predicate with the trigger (the mapping itself, learned).
func optionFeatures(c *candidate, o *option, lang string, base []uint32, buf []uint32) []uint32 {
	f := featurer{out: append(buf[:0], base...)}
	types := string(c.sType) + ">" + string(c.oType)
	kind := "tree"
	if c.rule >= 0 {
		kind = "rule"
	}
	for _, from := range o.from {
		f.add("o:from", kind, from)
		f.add("o:from+share", kind, from, share(o.share))
		f.add("o:from+seen", kind, from, bucket(o.seen))
		f.add("o:from+rank", kind, from, strconv.Itoa(o.rank))
		f.add("o:from+share+seen", kind, from, share(o.share), bucket(o.seen))
	}
	f.add("o:nfrom", strconv.Itoa(len(o.from)))
	// Whether the phrasing says the trigger's own word ("wins" for win,
	// "is president of" for president): annotators mostly keep it.
	for _, tg := range c.trigs {
		if tg.word >= 0 {
			w, _, _ := strings.Cut(tg.key[2], " ")
			m := mainWord(o.norm)
			f.add("o:own", tg.pos, strconv.FormatBool(w != "" && m != "" && commonPrefix(w, m) >= min(4, len(w), len(m))))
		}
	}
	f.add("o:pred", lang, o.norm)
	f.add("o:pred+types", lang, o.norm, types)
	f.add("o:pred+key1", lang, c.key()[1], o.norm)
	f.add("o:pred+key2", lang, c.key()[2], o.norm)
	f.add("o:pred+path", c.path, o.norm)
	return f.out
}

// bucket puts a count on a rough log scale.
func bucket(n int) string {
	switch {
	case n <= 0:
		return "0"
	case n == 1:
		return "1"
	case n <= 3:
		return "2-3"
	case n <= 7:
		return "4-7"
	case n <= 15:
		return "8-15"
	case n <= 40:
		return "16-40"
	}
	return "41+"
}

// share puts a proportion in tenths.
func share(p float32) string {
	return strconv.Itoa(int(p * 10))
}
