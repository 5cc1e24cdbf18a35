package score

import (
	"bufio"
	"fmt"
	"io"

	"github.com/kgraph/kg/graph"
)

// Options changes how triples are compared.
type Options struct {
	// Lenient compares predicates on their head only ("withdraws troops
	// from" ~ "withdraws from"), to tell a wrong relation from another
	// phrasing of the right one. The headline score is the strict one.
	Lenient bool
}

// Result is how produced triples fare against gold triples.
type Result struct {
	Gold     int // gold triples
	Produced int // distinct produced triples on the gold documents
	Matched  int // gold triples matched by some produced triple

	// Precision is the share of Produced matching a gold triple, Recall
	// Matched/Gold, F1 their harmonic mean; each is 0 when undefined.
	Precision, Recall, F1 float64

	Missed         []Gold         // gold triples matched by none, in gold order
	FalsePositives []graph.Triple // produced triples matching none, in produced order
}

// gold is a Gold with its forms normalised once.
type gold struct {
	doc   string
	s, o  []string
	preds map[string]bool // normPred of each form of P, or their heads
	neg   bool
}

// produced is a triple with its fields normalised once.
type produced struct {
	doc, s, p, o string
	neg, sym     bool
}

// Score matches pred against gold as kgscore does. Only produced triples
// whose doc matches a gold doc count, and a triple repeated (same doc and
// normalised subject, predicate, object and negation) counts once. Each
// produced triple in turn takes the first gold triple it matches that is
// still unmatched; one matching only gold triples already taken still
// counts as correct for precision, but adds nothing to recall.
func Score(golds []Gold, pred []graph.Triple, opts Options) Result {
	gs := make([]gold, len(golds))
	docs := make(map[string]bool)
	for i, g := range golds {
		n := gold{doc: g.Doc, s: normAll(g.S), o: normAll(g.O), preds: make(map[string]bool), neg: g.Neg}
		for _, p := range g.P {
			p = normPred(p)
			if opts.Lenient {
				p = predHead(p)
			}
			n.preds[p] = true
		}
		gs[i] = n
		docs[g.Doc] = true
	}

	r := Result{Gold: len(golds)}
	used := make([]bool, len(gs))
	ps, from := distinct(pred, docs)
	r.Produced = len(ps)
	for k, p := range ps {
		t := pred[from[k]]
		p.sym = symmetric(p.p)
		if opts.Lenient {
			p.p = predHead(p.p)
		}
		hit := -1
		for i := range gs {
			if matches(p, &gs[i]) {
				hit = i
				if !used[i] {
					break
				}
			}
		}
		if hit < 0 {
			r.FalsePositives = append(r.FalsePositives, t)
			continue
		}
		if !used[hit] {
			used[hit] = true
			r.Matched++
		}
	}
	for i, g := range golds {
		if !used[i] {
			r.Missed = append(r.Missed, g)
		}
	}

	correct := r.Produced - len(r.FalsePositives)
	if r.Gold > 0 {
		r.Recall = float64(r.Matched) / float64(r.Gold)
	}
	if r.Produced > 0 {
		r.Precision = float64(correct) / float64(r.Produced)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}

// distinct returns the triples of pred stated in one of docs, normalised
// and each once (same doc and normalised subject, predicate, object and
// negation), in order, with the index in pred of each.
func distinct(pred []graph.Triple, docs map[string]bool) ([]produced, []int) {
	var ps []produced
	var from []int
	seen := make(map[produced]bool)
	for i, t := range pred {
		if !anyDoc(t.Doc, docs) {
			continue
		}
		p := produced{doc: t.Doc, s: normName(t.Subject), p: normPred(t.Predicate), o: normName(t.Object), neg: t.Negated}
		if seen[p] {
			continue
		}
		seen[p] = true
		ps = append(ps, p)
		from = append(from, i)
	}
	return ps, from
}

// matches is kgscore's matches for normalised triples.
func matches(p produced, g *gold) bool {
	if !docMatch(p.doc, g.doc) || p.neg != g.neg || !g.preds[p.p] {
		return false
	}
	if nameMatch(p.s, g.s) && nameMatch(p.o, g.o) {
		return true
	}
	return p.sym && nameMatch(p.o, g.s) && nameMatch(p.s, g.o)
}

func anyDoc(doc string, docs map[string]bool) bool {
	if docs[doc] {
		return true
	}
	for d := range docs {
		if docMatch(doc, d) {
			return true
		}
	}
	return false
}

func normAll(forms []string) []string {
	out := make([]string, len(forms))
	for i, f := range forms {
		out[i] = normName(f)
	}
	return out
}

// String is kgscore's summary line.
func (r Result) String() string {
	return fmt.Sprintf("gold %d  produced %d  matched %d  precision %.3f  recall %.3f  F1 %.3f",
		r.Gold, r.Produced, r.Matched, r.Precision, r.Recall, r.F1)
}

// WriteShow writes the missed gold triples and the false positives in the
// text of kgscore --show (without its summary line, which is String).
func (r Result) WriteShow(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "missed gold triples:")
	for _, g := range r.Missed {
		fmt.Fprintf(bw, "  %s: (%s | %s | %s) neg=%s\n", g.Doc, first(g.S), first(g.P), first(g.O), pyBool(g.Neg))
	}
	fmt.Fprintln(bw, "produced triples matching no gold triple:")
	for _, t := range r.FalsePositives {
		fmt.Fprintf(bw, "  %s: (%s | %s | %s) neg=%s\n", t.Doc, t.Subject, t.Predicate, t.Object, pyBool(t.Negated))
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("score listing: %w", err)
	}
	return nil
}

func first(forms []string) string {
	if len(forms) == 0 {
		return ""
	}
	return forms[0]
}

// pyBool spells b as kgscore's listing does.
func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}
