package relmodel

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/score"
)

// Document is an annotated document, analysed: its sentences as the
// extractor reads them, with their byte spans in Text.
type Document struct {
	ID, Lang, Text string
	Sentences      []Sentence
	Spans          []graph.Span
}

// Annotation is one annotated triple in the silver format: the forms of
// subject, predicate and object, negation, modality and the sentence that
// states it, verbatim.
type Annotation struct {
	Doc      string   `json:"doc"`
	S        []string `json:"s"`
	P        []string `json:"p"`
	O        []string `json:"o"`
	Neg      bool     `json:"neg"`
	Modality string   `json:"modality"`
	Sentence string   `json:"sentence"`
}

// goldTriple is an annotation with its forms normalised.
type goldTriple struct {
	Annotation
	ns, no []string
	np     map[string]bool
	sents  []int // sentences of its document that overlap its sentence
}

// DefaultMinPrecision is the out-of-fold precision a model's default
// threshold must reach: below it, the threshold of best F1 is taken.
const DefaultMinPrecision = 0.45

// TrainOptions set how Train learns.
type TrainOptions struct {
	// Folds for cross-fitting the tables and calibrating scores (>= 2).
	Folds int
	// Epochs of the learner.
	Epochs int
	// Seed of the learner's shuffles (0: 1). Models of other seeds tell
	// a change's effect from retraining noise.
	Seed uint64
	// NegativeWeight weighs candidates no annotation covers (0: 0.5).
	// Annotations are dense but not exhaustive: some negatives are true
	// relations nobody wrote down.
	NegativeWeight float64
	// MinPrecision is the out-of-fold precision the default threshold
	// must reach.
	MinPrecision float64
	// Fraction of the documents to learn from (0 or 1: all), chosen by
	// a hash of their ids: for learning curves.
	Fraction float64
	// Lexicons per language, the predicates' last resort.
	Lexicons map[string]*lexicon.Lexicon
	// Progress, when set, is told what training is doing.
	Progress func(string)
	// Debug, when set, receives one line per annotation: covered or not,
	// and the predicates its candidates were given.
	Debug io.Writer
}

// Report says what Train saw and how well the model did out of fold.
type Report struct {
	Documents   int
	Annotations int
	// Covered counts annotations whose subject and object some candidate
	// relates in the annotated sentence: recall cannot exceed it.
	Covered    int
	Candidates int
	Examples   int // candidates times their predicate options
	// Reachable counts annotations some option of some candidate states
	// as scoring wants it: the ceiling of strict recall.
	Reachable int
	Positives int
	ByLang    map[string][2]int // annotations and covered ones per language
	Info      Info
}

// Train learns a relation model from analysed documents and their
// annotations. It is deterministic: the same input gives the same model,
// byte for byte.
func Train(ctx context.Context, docs []Document, anns []Annotation, o TrainOptions) (*Model, Report, error) {
	o.defaults()
	docs = trainingDocs(docs, o.Fraction)
	rep := Report{ByLang: map[string][2]int{}}
	all, aligned, langs, err := alignDocs(ctx, docs, goldByDoc(anns), o, &rep)
	if err != nil {
		return nil, rep, err
	}
	cands, err := crossFit(ctx, all, aligned, o, &rep)
	if err != nil {
		return nil, rep, err
	}
	to := defaultTrain
	to.epochs, to.seed = o.Epochs, o.Seed
	info, err := calibrate(ctx, cands, langs, to, o, &rep)
	if err != nil {
		return nil, rep, err
	}
	o.Progress("final model")
	pair, pred := fitBoth(cands, func(*trainCand) bool { return true }, to)
	m := &Model{info: info, tables: mine(aligned, o.Lexicons), pair: pair, pred: pred}
	rep.Info = info
	return m, rep, nil
}

// defaults fills the options a caller left at zero.
func (o *TrainOptions) defaults() {
	if o.Folds < 2 {
		o.Folds = 5
	}
	if o.Epochs <= 0 {
		o.Epochs = defaultTrain.epochs
	}
	if o.Seed == 0 {
		o.Seed = defaultTrain.seed
	}
	if o.MinPrecision <= 0 {
		o.MinPrecision = DefaultMinPrecision
	}
	if o.Progress == nil {
		o.Progress = func(string) {}
	}
}

// trainingDocs returns the documents sorted by id (so that training does
// not depend on their order), only a fraction of them when fraction is
// in (0, 1), chosen by a hash of the id.
func trainingDocs(docs []Document, fraction float64) []Document {
	docs = append([]Document(nil), docs...)
	sort.Slice(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	if fraction > 0 && fraction < 1 {
		kept := docs[:0]
		for _, d := range docs {
			if float64(hash(d.ID+"/fraction")%10000) < fraction*10000 {
				kept = append(kept, d)
			}
		}
		docs = kept
	}
	return docs
}

// docCands is a training document with its analysed sentences, its
// candidates, its annotations and its fold.
type docCands struct {
	doc   *Document
	an    []*analysed
	cands []candidate
	gold  []*goldTriple
	fold  int
}

// alignDocs makes the candidates of every document and aligns each
// annotation to the nearest candidates that cover it, counting coverage
// in rep. It returns the documents, the alignments and the languages
// seen.
func alignDocs(ctx context.Context, docs []Document, byDoc map[string][]*goldTriple, o TrainOptions, rep *Report) ([]docCands, []alignment, map[string]bool, error) {
	progress := o.Progress
	var all []docCands
	var aligned []alignment
	langs := map[string]bool{}
	for di := range docs {
		if di%100 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, nil, err
			}
			progress(fmt.Sprintf("candidates: %d/%d documents", di, len(docs)))
		}
		d := &docs[di]
		dc := docCands{doc: d, gold: byDoc[d.ID], fold: int(hash(d.ID) % uint32(o.Folds))}
		langs[d.Lang] = true
		lex := o.Lexicons[d.Lang]
		dc.an = make([]*analysed, len(d.Sentences))
		for si := range d.Sentences {
			a, cs := propose(&d.Sentences[si], lex, si)
			dc.an[si] = a
			dc.cands = append(dc.cands, cs...)
		}
		countNamed(dc.an)
		names := make([]sideNames, len(dc.cands))
		for ci := range dc.cands {
			names[ci] = namesOf(&dc.cands[ci], dc.an[dc.cands[ci].sent])
		}
		for _, g := range dc.gold {
			g.sents = overlapping(d, g.Sentence)
			rep.Annotations++
			bl := rep.ByLang[d.Lang]
			bl[0]++
			// The nearest candidates covering the annotation teach the
			// tables its phrasings; farther ones usually go through
			// another word than the one stating it.
			var hits []int
			shortest := MaxPath + 1
			for ci := range dc.cands {
				c := &dc.cands[ci]
				if slices.Contains(g.sents, c.sent) && names[ci].cover(g) {
					hits = append(hits, ci)
					if c.rule < 0 {
						shortest = min(shortest, c.length)
					}
				}
			}
			covered := false
			for _, ci := range hits {
				c := &dc.cands[ci]
				if c.rule < 0 && c.length > shortest {
					continue
				}
				covered = true
				aligned = append(aligned, alignment{lang: d.Lang, c: c, g: g, fold: dc.fold})
			}
			if covered {
				rep.Covered++
				bl[1]++
			}
			if o.Debug != nil && !covered {
				fmt.Fprintf(o.Debug, "MISS\t%s\t%s\t%v\t%v\t%v\t%s\n", d.Lang, missReason(dc.an, g), g.S, g.P, g.O, g.Sentence)
			}
			rep.ByLang[d.Lang] = bl
		}
		rep.Candidates += len(dc.cands)
		all = append(all, dc)
	}
	rep.Documents = len(docs)
	return all, aligned, langs, nil
}

// crossFit makes the training examples. Cross-fitting: each fold's
// candidates get their predicates and concept names from tables mined on
// the other folds, so that the classifiers learn how often a table is
// right on unseen documents.
//
// Two models share the work: the pair model says whether a candidate
// relates two arguments the sentence relates (its label: the candidate
// covers an annotation), the predicate model which option states it as
// annotated (trained on covering candidates only). A triple's score is
// the product of both, calibrated.
func crossFit(ctx context.Context, all []docCands, aligned []alignment, o TrainOptions, rep *Report) ([]trainCand, error) {
	progress := o.Progress
	var cands []trainCand
	negWeight := float32(o.NegativeWeight)
	if negWeight <= 0 {
		negWeight = 0.5
	}
	covering := map[*candidate]bool{}
	for _, al := range aligned {
		covering[al.c] = true
	}
	reach := map[*goldTriple]bool{}
	for f := 0; f < o.Folds; f++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		progress(fmt.Sprintf("features: fold %d/%d", f+1, o.Folds))
		var others []alignment
		for _, a := range aligned {
			if a.fold != f {
				others = append(others, a)
			}
		}
		t := mine(others, o.Lexicons)
		for _, dc := range all {
			if dc.fold != f {
				continue
			}
			var opts []option
			for ci := range dc.cands {
				c := dc.cands[ci] // a copy: options name its object
				a := dc.an[c.sent]
				opts = t.options(&c, a, dc.doc.Lang, o.Lexicons[dc.doc.Lang], opts, nil)
				if len(opts) == 0 || c.sName == "" || c.oName == "" {
					continue
				}
				if o.Debug != nil {
					debugOptions(o.Debug, &c, &dc.cands[ci], opts, aligned, dc.gold, dc.doc.Lang)
				}
				base := features(&c, a, dc.doc.Lang, nil)
				tc := trainCand{fold: f, lang: dc.doc.Lang, pair: example{fs: base, label: covering[&dc.cands[ci]], weight: 1}}
				if !tc.pair.label {
					tc.pair.weight = negWeight
				}
				for oi := range opts {
					c.pred = opts[oi].pred
					g := match(&c, dc.gold)
					tc.opts = append(tc.opts, example{fs: optionFeatures(&c, &opts[oi], dc.doc.Lang, base, nil), label: g != nil, weight: 1})
					tc.gold = append(tc.gold, g)
					if g != nil {
						rep.Positives++
						reach[g] = true
					}
				}
				rep.Examples += len(opts)
				cands = append(cands, tc)
			}
		}
	}
	rep.Reachable = len(reach)
	return cands, nil
}

// calibrate fits the models fold by fold and calibrates the final
// models' scores on the out-of-fold ones: Platt scaling, pooled and per
// language, and the threshold of the best F1 at the precision asked.
func calibrate(ctx context.Context, cands []trainCand, langs map[string]bool, to trainOptions, o TrainOptions, rep *Report) (Info, error) {
	progress := o.Progress
	var bz []float64
	var bl []bool
	var bg []*goldTriple
	var blang []string
	for f := 0; f < o.Folds; f++ {
		if err := ctx.Err(); err != nil {
			return Info{}, err
		}
		progress(fmt.Sprintf("calibration: fold %d/%d", f+1, o.Folds))
		pair, pred := fitBoth(cands, func(c *trainCand) bool { return c.fold != f }, to)
		for i := range cands {
			c := &cands[i]
			if c.fold != f {
				continue
			}
			z, k := score2(pair, pred, c.pair.fs, c.opts)
			bz, bl, bg = append(bz, z), append(bl, c.gold[k] != nil), append(bg, c.gold[k])
			blang = append(blang, c.lang)
		}
	}
	info := Info{Documents: rep.Documents, Triples: rep.Annotations}
	for l := range langs {
		info.Languages = append(info.Languages, l)
	}
	sort.Strings(info.Languages)
	if rep.Annotations > 0 {
		info.Aligned = float64(rep.Covered) / float64(rep.Annotations)
	}
	info.A, info.B = platt(bz, bl)
	info.ByLang = map[string]Calibration{}
	for _, l := range info.Languages {
		var z []float64
		var y []bool
		pos := 0
		for i := range bz {
			if blang[i] == l {
				z, y = append(z, bz[i]), append(y, bl[i])
				if bl[i] {
					pos++
				}
			}
		}
		// A language with few right candidates keeps the pooled fit.
		if pos >= minCalibration {
			a, b := platt(z, y)
			info.ByLang[l] = Calibration{A: a, B: b}
		}
	}
	conf := make([]float64, len(bz))
	for i, z := range bz {
		c := info.calibration(blang[i])
		conf[i] = sigmoid(c.A*z + c.B)
	}
	info.Curve, info.Threshold = curve(conf, bg, rep.Annotations, o.MinPrecision)

	return info, nil
}

// trainCand is one candidate in training: its pair example and one
// example per predicate option, with the annotation each option states.
type trainCand struct {
	fold int
	lang string
	pair example
	opts []example
	gold []*goldTriple
}

// fitBoth fits the pair model on the chosen candidates and the
// predicate model on the options of those that cover an annotation.
func fitBoth(cands []trainCand, use func(*trainCand) bool, to trainOptions) (pair, pred *linear) {
	var pe, oe []example
	for i := range cands {
		c := &cands[i]
		if !use(c) {
			continue
		}
		pe = append(pe, c.pair)
		if c.pair.label {
			oe = append(oe, c.opts...)
		}
	}
	return fit(pe, to), fit(oe, to)
}

// score2 returns the log-odds of a candidate's best option under both
// models, and which option that is.
func score2(pair, pred *linear, base []uint32, opts []example) (float64, int) {
	pp := sigmoid(pair.raw(base))
	best, k := -1.0, 0
	for i, o := range opts {
		if p := pp * sigmoid(pred.raw(o.fs)); p > best {
			best, k = p, i
		}
	}
	return logit(best), k
}

func logit(p float64) float64 {
	p = math.Min(math.Max(p, 1e-9), 1-1e-9)
	return math.Log(p / (1 - p))
}

// minCalibration is the number of right out-of-fold candidates a
// language needs for a calibration of its own.
const minCalibration = 200

// curve computes out-of-fold precision and recall at thresholds and picks
// the threshold of best F1 among those reaching minPrecision.
func curve(conf []float64, gold []*goldTriple, total int, minPrecision float64) ([]Point, float64) {
	var pts []Point
	best, bestF, bestAny, bestAnyF := 0.5, -1.0, 0.5, -1.0
	// The threshold is chosen on a grid of hundredths: on one of
	// twentieths, a precision a hair under the floor moved it a whole
	// step and a retrained model read very differently. The curve
	// reported keeps the twentieths.
	for h := 5; h <= 95; h++ {
		t := float64(h) / 100
		var produced, correct int
		matched := map[*goldTriple]bool{}
		for i, c := range conf {
			if c < t {
				continue
			}
			produced++
			if gold[i] != nil {
				correct++
				matched[gold[i]] = true
			}
		}
		p := Point{Threshold: t}
		if produced > 0 {
			p.Precision = float64(correct) / float64(produced)
		}
		if total > 0 {
			p.Recall = float64(len(matched)) / float64(total)
		}
		if p.Precision+p.Recall > 0 {
			p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
		}
		if h%5 == 0 {
			pts = append(pts, p)
		}
		if p.F1 > bestAnyF {
			bestAny, bestAnyF = t, p.F1
		}
		if p.Precision >= minPrecision && p.F1 > bestF {
			best, bestF = t, p.F1
		}
	}
	if bestF < 0 {
		best = bestAny
	}
	return pts, best
}

// overlapping returns the sentences of d that overlap the first place
// where text occurs in it.
func overlapping(d *Document, text string) []int {
	text = strings.TrimSpace(text)
	at := strings.Index(d.Text, text)
	if at < 0 || text == "" {
		return nil
	}
	var out []int
	for i, sp := range d.Spans {
		if sp.Start < at+len(text) && sp.End > at {
			out = append(out, i)
		}
	}
	return out
}

// sideNames are the names a candidate's subject and object go by —
// its names and the words of its arguments as written — normalised as
// the scorer normalises them, once per candidate.
type sideNames struct{ s, o []string }

func namesOf(c *candidate, a *analysed) sideNames {
	n := sideNames{s: []string{score.NormName(c.sName)}, o: []string{score.NormName(c.oName), score.NormName(c.oText)}}
	if c.subj >= 0 {
		n.s = append(n.s, score.NormName(a.args[c.subj].text))
	}
	if c.obj >= 0 {
		n.o = append(n.o, score.NormName(a.args[c.obj].text))
	}
	return n
}

// cover reports whether the candidate relates an annotation's subject
// and object.
func (n sideNames) cover(g *goldTriple) bool {
	return anyMatch(n.s, g.ns) && anyMatch(n.o, g.no)
}

func anyMatch(names, forms []string) bool {
	for _, n := range names {
		if score.NameMatch(n, forms) {
			return true
		}
	}
	return false
}

// match returns the annotation of the document that the candidate, as it
// would be stated, matches under strict scoring; nil for none.
func match(c *candidate, gold []*goldTriple) *goldTriple {
	s, o, p := score.NormName(c.sName), score.NormName(c.oName), score.NormPred(c.pred)
	sym := score.Symmetric(p)
	for _, g := range gold {
		if g.Neg != c.neg || !g.np[p] {
			continue
		}
		if score.NameMatch(s, g.ns) && score.NameMatch(o, g.no) || sym && score.NameMatch(o, g.ns) && score.NameMatch(s, g.no) {
			return g
		}
	}
	return nil
}

func hash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

// debugOptions tells, for a candidate covering annotations, the options
// it was given when none states them as annotated.
func debugOptions(w io.Writer, c, orig *candidate, opts []option, aligned []alignment, gold []*goldTriple, lang string) {
	for _, al := range aligned {
		if al.c != orig {
			continue
		}
		hit := false
		for _, op := range opts {
			cc := *c
			cc.pred = op.pred
			hit = hit || match(&cc, gold) != nil
		}
		if hit {
			continue
		}
		var ps []string
		for _, op := range opts {
			ps = append(ps, op.pred+"/"+strings.Join(op.from, "+"))
		}
		fmt.Fprintf(w, "OPTS\t%s\t%s | %s | neg=%v\tgold %v %v %v neg=%v\t%s\t%s\n", lang, c.sName, c.oName, c.neg, al.g.S, al.g.P, al.g.O, al.g.Neg, strings.Join(ps, "; "), c.key()[0])
	}
}

// missReason tells why no candidate covers an annotation: its sentence
// was not found, its subject or object is no argument there, or they
// are too far apart in the tree.
func missReason(an []*analysed, g *goldTriple) string {
	if len(g.sents) == 0 {
		return "no-sentence"
	}
	subj, obj := false, false
	for _, si := range g.sents {
		a := an[si]
		if a == nil {
			continue
		}
		var sw, ow []int
		for _, x := range a.args {
			names := []string{score.NormName(x.name), score.NormName(x.text)}
			if anyMatch(names, g.ns) {
				subj = true
				sw = append(sw, x.word)
			}
			if anyMatch(names, g.no) {
				obj = true
				ow = append(ow, x.word)
			}
		}
		if subj && obj {
			for _, i := range sw {
				for _, j := range ow {
					if _, _, ok := a.t.path(i, j); ok {
						return "filtered"
					}
				}
			}
		}
	}
	switch {
	case !subj && !obj:
		return "no-args"
	case !subj:
		return "no-subject"
	case !obj:
		return "no-object"
	}
	return "far"
}

// goldByDoc normalises annotations and groups them by document.
func goldByDoc(anns []Annotation) map[string][]*goldTriple {
	byDoc := map[string][]*goldTriple{}
	for i := range anns {
		a := anns[i]
		g := &goldTriple{Annotation: a, np: map[string]bool{}}
		for _, s := range a.S {
			g.ns = append(g.ns, score.NormName(s))
		}
		for _, s := range a.O {
			g.no = append(g.no, score.NormName(s))
		}
		for _, p := range a.P {
			g.np[score.NormPred(p)] = true
		}
		byDoc[a.Doc] = append(byDoc[a.Doc], g)
	}
	return byDoc
}
