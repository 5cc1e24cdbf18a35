package relate

import (
	"github.com/kgraph/kg/extract/entity"
	"strings"

	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/segment"
	"github.com/kgraph/kg/graph"
)

// The predicate classes of the lexicons.
const (
	classAction     = lexicon.Class("action")
	classSpeech     = lexicon.Class("speech")
	classConsidered = lexicon.Class("modal:considered")
	classIntended   = lexicon.Class("modal:intended")
	classNeg        = lexicon.Class("neg")
	classAspect     = lexicon.Class("aspect")
)

// triples makes the triples of one trigger: every subject with every
// object.
func (st *state) triples(t *trigger) []graph.Triple {
	subj := t.subj
	if t.subjFrom >= 0 {
		subj = st.subjects(t.subjFrom)
	}
	if len(subj) == 0 || t.pred.Predicate == "" {
		return nil
	}
	if t.pred.Class == classAspect || t.pred.Class == classNeg || strings.HasSuffix(t.pred.Predicate, " to") && t.pred.Class != classAction && t.pred.Class != classSpeech {
		return nil // they only qualify the verb they govern
	}
	conf := 0.75
	if t.subjFrom >= 0 {
		conf -= 0.1
	}
	if t.modality == graph.Reported {
		conf -= 0.05
	}
	var out []graph.Triple
	add := func(s, o int, object string, otype graph.EntityType, c float64) {
		sm := st.s.Mentions[s]
		sname := st.name(sm, true)
		if sname == "" || object == "" || graph.Fold(sname) == graph.Fold(object) {
			return
		}
		if sm.Kind != 0 { // descriptions, pronouns, authorities are less sure
			c -= 0.1
		}
		out = append(out, graph.Triple{
			Subject: sname, SubjectType: st.typ(sm, true),
			Predicate: t.pred.Predicate,
			Object:    object, ObjectType: otype,
			Negated: t.negated, Modality: t.modality,
			Confidence: round2(c), Source: t.lemma, Attribution: t.speaker,
		})
	}
	// "Renault annonçait qu'il allait fermer l'usine": a pronoun
	// subject of what someone says is, most often, the speaker.
	if len(subj) == 1 && st.s.Mentions[subj[0]].Kind == entity.Pronoun && t.speakerMention >= 0 {
		subj = []int{t.speakerMention}
	}
	for _, s := range subj {
		switch {
		case len(t.objMention) > 0:
			for _, o := range t.objMention {
				om := st.s.Mentions[o]
				add(s, o, st.name(om, false), st.typ(om, false), conf)
			}
		case t.objConcept != "" && t.objFallback:
			// As in the clause rules: a bare noun the lexicon does not
			// know is seldom what the sentence is about.
			if strings.Contains(t.objConcept, " ") {
				add(s, -1, t.objConcept, graph.Concept, conf-0.25)
			}
		case t.objConcept != "":
			add(s, -1, t.objConcept, graph.Concept, conf-0.1)
		}
	}
	return out
}

// events reads event nouns whose participants the sentence names: "leur
// rencontre ... X et Y", "la visite de X à Y", "talks between X and Y".
func (st *state) events() []graph.Triple {
	var out []graph.Triple
	for i := range st.low {
		if st.mention[i] >= 0 || st.trigAt[i] >= 0 || st.s.Tokens[i].Kind != segment.Word {
			continue
		}
		rows := st.nounRows(i)
		if len(rows) == 0 {
			continue
		}
		row := rows[0]
		mk := func(a, b int, conf float64) {
			am, bm := st.s.Mentions[a], st.s.Mentions[b]
			if am.Name == "" || bm.Name == "" || graph.Fold(am.Name) == graph.Fold(bm.Name) {
				return
			}
			out = append(out, graph.Triple{
				Subject: st.name(am, true), SubjectType: st.typ(am, true),
				Predicate: row.Predicate,
				Object:    bm.Name, ObjectType: bm.Type,
				Modality: graph.Asserted, Confidence: conf, Source: row.Lemma,
			})
		}
		// "leur rencontre", "their meeting": the participants are the
		// coordinated mentions of the sentence.
		if row.Symmetric && i > 0 && st.is(lexicon.PossPlural, st.low[i-1]) {
			if group := st.firstGroup(); len(group) >= 2 {
				for a := 0; a < len(group); a++ {
					for b := a + 1; b < len(group); b++ {
						mk(group[a], group[b], 0.6)
					}
				}
			}
			continue
		}
		// "rencontre entre X et Y", "talks between X and Y".
		if i+2 < len(st.low) && (st.low[i+1] == "entre" || st.low[i+1] == "between") {
			if m := st.mention[i+2]; m >= 0 {
				if group := st.coordinated(m, 1); len(group) >= 2 {
					mk(group[0], group[1], 0.6)
				}
			}
			continue
		}
		// "la visite de X à Y", "the visit of X to Y", "X's visit to Y".
		agent := -1
		if i+2 < len(st.low) && (st.is(lexicon.Genitive, st.low[i+1]) || st.is(lexicon.AgentPrep, st.low[i+1])) {
			agent = st.mention[i+2]
			if agent < 0 && i+3 < len(st.low) && st.is(lexicon.Definite, st.low[i+2]) {
				agent = st.mention[i+3]
			}
		}
		if i >= 2 && st.low[i-1] == "'s" && st.mention[i-2] >= 0 {
			agent = st.mention[i-2]
		}
		if agent < 0 {
			continue
		}
		from := st.s.Mentions[agent].End
		if i > 0 && st.low[i-1] == "'s" {
			from = i + 1
		}
		if row.Prep == "" {
			continue
		}
		if next, ok := st.findPrep(from, 3, row.Prep); ok && next < len(st.low) {
			obj := st.mention[next]
			if obj < 0 && next+1 < len(st.low) && st.is(lexicon.Definite, st.low[next]) {
				obj = st.mention[next+1]
			}
			if obj >= 0 {
				mk(agent, obj, 0.55)
			}
		}
	}
	return out
}

// nounRows returns the event-noun rows of the word at i, as written or
// in the singular ("talks" is listed as "talk", "sanctions" as
// "sanction").
func (st *state) nounRows(i int) []lexicon.Predicate {
	lex := st.r.lex
	if rows := lex.Nouns(st.low[i]); len(rows) > 0 {
		return rows
	}
	if l := lex.NounLemma(st.low[i]); l != st.low[i] {
		return lex.Nouns(l)
	}
	if strings.HasSuffix(st.low[i], "s") {
		return lex.Nouns(strings.TrimSuffix(st.low[i], "s"))
	}
	return nil
}

// firstGroup returns the first run of two or more coordinated mentions.
func (st *state) firstGroup() []int {
	for m := range st.s.Mentions {
		if g := st.coordinated(m, 1); len(g) >= 2 {
			return g
		}
	}
	return nil
}

func isWordKind(st *state, j int) bool { return st.s.Tokens[j].Kind == segment.Word }

// joinWords joins tokens back into a phrase, with no space after an
// elided article, whichever apostrophe it is written with ("l'usage",
// "l’usage").
func joinWords(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 && !strings.HasSuffix(words[i-1], "'") && !strings.HasSuffix(words[i-1], "’") && !strings.HasSuffix(words[i-1], "ʼ") {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

func round2(f float64) float64 {
	if f < 0.05 {
		f = 0.05
	}
	return float64(int(f*100+0.5)) / 100
}

// dedupe keeps the first of triples stating the same relation.
func dedupe(ts []graph.Triple) []graph.Triple {
	seen := map[graph.Key]bool{}
	out := ts[:0]
	for _, t := range ts {
		if seen[t.Key()] {
			continue
		}
		seen[t.Key()] = true
		out = append(out, t)
	}
	return out
}
