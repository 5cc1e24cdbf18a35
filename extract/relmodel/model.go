package relmodel

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"os"
	"sort"

	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/outfile"
)

// magic starts every model file; the digit is the format's version.
const magic = "kg relation model 2\n"

// Model is a trained relation model. It is read-only after Train or Read
// and safe for concurrent use.
type Model struct {
	info   Info
	tables *tables
	pair   *linear // does the candidate relate its two arguments?
	pred   *linear // is this option the predicate that states it?
	sum    uint32  // CRC-32 of the model's bytes, which names it
}

// Checksum returns a CRC-32 of the model as read: two models with the
// same checksum are, for any practical purpose, the same. Extraction
// fingerprints documents with it.
func (m *Model) Checksum() uint32 { return m.sum }

// Info describes a model: what it was trained on and how its scores are
// calibrated.
type Info struct {
	Languages []string `json:"languages"`
	Documents int      `json:"documents"`
	Triples   int      `json:"triples"`
	// Aligned is the share of annotated triples some candidate covers.
	Aligned float64 `json:"aligned"`
	// A and B map a raw score z to the confidence sigmoid(A·z + B),
	// fitted on out-of-fold scores.
	A float64 `json:"a"`
	B float64 `json:"b"`
	// ByLang calibrates each language on its own out-of-fold scores
	// (A and B are the fallback): the same score is right more often in
	// one language than another, and a confidence should mean the same
	// precision whatever the language.
	ByLang map[string]Calibration `json:"by_lang,omitempty"`
	// Threshold is the confidence from which a candidate is stated: the
	// one of best out-of-fold F1 among those of precision >= MinPrecision.
	Threshold float64 `json:"threshold"`
	// Curve is the out-of-fold precision and recall at thresholds.
	Curve []Point `json:"curve"`
}

// Calibration maps a raw score z to sigmoid(A·z + B).
type Calibration struct {
	A float64 `json:"a"`
	B float64 `json:"b"`
}

// calibration returns the calibration of a language.
func (i *Info) calibration(lang string) Calibration {
	if c, ok := i.ByLang[lang]; ok {
		return c
	}
	return Calibration{A: i.A, B: i.B}
}

// Point is precision and recall at a confidence threshold.
type Point struct {
	Threshold float64 `json:"threshold"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// Info returns what the model was trained on and its calibration.
func (m *Model) Info() Info { return m.info }

// Threshold returns the confidence from which the model states a
// relation.
func (m *Model) Threshold() float64 { return m.info.Threshold }

// Floor is the lowest confidence Relations returns: below it a candidate
// is almost never a relation, and keeping it would only slow the store.
const Floor = 0.05

// Relations returns the relations the model reads in the sentences of one
// document, with their confidence, at least min (and at least Floor).
// Doc, Sentence, Span and Lang are left to the caller; the returned Sent
// field of each says which sentence it came from.
func (m *Model) Relations(sents []Sentence, lex *lexicon.Lexicon, min float64) []Found {
	min = math.Max(min, Floor)
	var out []Found
	var base, buf []uint32
	var opts []option
	norms := map[string]string{}
	// Every sentence is analysed first: a candidate's features count
	// the document's sentences that name each side. Candidates are made
	// one sentence at a time, so that a long document never holds them
	// all.
	an := make([]*analysed, len(sents))
	for i := range sents {
		an[i] = analyse(&sents[i], lex)
	}
	countNamed(an)
	for i := range sents {
		s := &sents[i]
		a := an[i]
		cs := a.candidates(lex, i)
		cal := m.info.calibration(s.Lang)
		best := map[[3]string]int{}
		start := len(out)
		for k := range cs {
			c := &cs[k]
			if c.sName == "" || c.oName == "" {
				continue
			}
			base = features(c, a, s.Lang, base)
			pp := sigmoid(m.pair.raw(base))
			// No option can score above the pair: most candidates end
			// here, before their options are made.
			if cal.A > 0 && sigmoid(cal.A*logit(pp)+cal.B) < min-0.0005 {
				continue
			}
			opts = m.tables.options(c, a, s.Lang, lex, opts, norms)
			if len(opts) == 0 || c.oName == "" {
				continue
			}
			top, pick := -1.0, 0
			for oi := range opts {
				buf = optionFeatures(c, &opts[oi], s.Lang, base, buf)
				if p := pp * sigmoid(m.pred.raw(buf)); p > top {
					top, pick = p, oi
				}
			}
			// Rounded as stated, so that a threshold compares what users see.
			conf := math.Round(sigmoid(cal.A*logit(top)+cal.B)*1000) / 1000
			if conf < min {
				continue
			}
			c.pred = opts[pick].pred
			t := c.triple(conf, a)
			// One triple per relation in a sentence, however many
			// candidates read it; a pair may hold several relations
			// ("Labour leader X" is leader and member of the party).
			pair := [3]string{t.Subject, t.Predicate, t.Object}
			if j, ok := best[pair]; ok {
				if out[j].Confidence < t.Confidence {
					out[j] = Found{Triple: t, Sent: i}
				}
				continue
			}
			best[pair] = len(out)
			out = append(out, Found{Triple: t, Sent: i})
		}
		out = append(out[:start], oneReading(out[start:])...)
		sort.SliceStable(out[start:], func(x, y int) bool { return out[start+x].Confidence > out[start+y].Confidence })
	}
	return out
}

// oneReading keeps, of the triples one word states between the same two
// sides, the surest: "se rendre à Moscou" read by the tree as goes to and
// by a rule as visits is one relation, not two. It filters in place.
func oneReading(fs []Found) []Found {
	best := map[[3]string]int{}
	for i, f := range fs {
		if f.Source == "" {
			continue
		}
		k := [3]string{f.Subject, f.Object, f.Source}
		if j, ok := best[k]; !ok || fs[j].Confidence < f.Confidence {
			best[k] = i
		}
	}
	kept := fs[:0]
	for i, f := range fs {
		if j, ok := best[[3]string{f.Subject, f.Object, f.Source}]; f.Source == "" || ok && j == i {
			kept = append(kept, f)
		}
	}
	return kept
}

// Found is a relation with the index of the sentence it was read in.
type Found struct {
	graph.Triple
	Sent int
}

// triple states a candidate.
func (c *candidate) triple(conf float64, a *analysed) graph.Triple {
	t := graph.Triple{
		Subject: c.sName, SubjectType: c.sType,
		Predicate: c.pred,
		Object:    c.oName, ObjectType: c.oType,
		Negated: c.neg, Modality: c.modality, Confidence: math.Round(conf*1000) / 1000,
	}
	if t.SubjectType == "" {
		t.SubjectType = graph.Org
	}
	if t.ObjectType == "" {
		t.ObjectType = graph.Org
	}
	if t.Modality == "" {
		t.Modality = graph.Asserted
	}
	switch {
	case c.rule >= 0:
		t.Source = a.s.Rules[c.rule].Source
	case c.trigger >= 0:
		t.Source = a.s.Words[c.trigger].Lemma
	}
	return t
}

// WriteTo writes the model: a gzip stream of the magic line, the info and
// tables as JSON, and the nonzero weights. Same model, same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	b.WriteString(magic)
	meta, err := json.Marshal(fileMeta{Info: m.info, Pred: m.tables.pred, Concept: m.tables.concept})
	if err != nil {
		return 0, fmt.Errorf("relation model: %w", err)
	}
	writeUvarint(&b, uint64(len(meta)))
	b.Write(meta)
	writeWeights(&b, m.pair)
	writeWeights(&b, m.pred)
	cw := &countWriter{w: w}
	zw, _ := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if _, err := zw.Write(b.Bytes()); err != nil {
		return cw.n, err
	}
	err = zw.Close()
	return cw.n, err
}

type fileMeta struct {
	Info    Info                     `json:"info"`
	Pred    [3]map[string]phraseStat `json:"pred"`
	Concept map[string]string        `json:"concept"`
}

// maxModelBytes bounds a model once inflated.
const maxModelBytes = 256 << 20

// ErrFormat is returned for a file that is not a relation model.
var ErrFormat = errors.New("not a kg relation model")

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	// A model holds at most 2^20 weights and tables of a few MB: a file
	// that inflates beyond maxModelBytes is no model (or a gzip bomb).
	data, err := io.ReadAll(io.LimitReader(zr, maxModelBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	if len(data) > maxModelBytes {
		return nil, fmt.Errorf("%w: larger than %d MB once inflated", ErrFormat, maxModelBytes>>20)
	}
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, ErrFormat
	}
	br := bytes.NewReader(data[len(magic):])
	n, err := binary.ReadUvarint(br)
	if err != nil || n > uint64(br.Len()) {
		return nil, fmt.Errorf("%w: truncated", ErrFormat)
	}
	meta := make([]byte, n)
	io.ReadFull(br, meta)
	var fm fileMeta
	if err := json.Unmarshal(meta, &fm); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	pair, err := readWeights(br)
	if err != nil {
		return nil, err
	}
	pred, err := readWeights(br)
	if err != nil {
		return nil, err
	}
	if br.Len() != 0 {
		return nil, fmt.Errorf("%w: trailing bytes", ErrFormat)
	}
	t := &tables{pred: fm.Pred, concept: fm.Concept}
	for l := range t.pred {
		if t.pred[l] == nil {
			t.pred[l] = map[string]phraseStat{}
		}
	}
	if t.concept == nil {
		t.concept = map[string]string{}
	}
	t.prepare()
	return &Model{info: fm.Info, tables: t, pair: pair, pred: pred, sum: crc32.ChecksumIEEE(data)}, nil
}

// Load reads a model file.
func Load(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("relation model: %w", err)
	}
	defer f.Close()
	m, err := Read(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("relation model %s: %w", path, err)
	}
	return m, nil
}

// Save writes the model to path, through a temporary file so that a
// failed write leaves any earlier model whole (internal/outfile).
func (m *Model) Save(path string) error {
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		return fmt.Errorf("relation model %s: %w", path, err)
	}
	if err := outfile.Write(path, b.Bytes()); err != nil {
		return fmt.Errorf("relation model: %w", err)
	}
	return nil
}

// writeWeights writes a model's nonzero weights: their number, then
// (index, float32) pairs in index order.
func writeWeights(b *bytes.Buffer, m *linear) {
	var n uint64
	for _, x := range m.w {
		if x != 0 {
			n++
		}
	}
	writeUvarint(b, n)
	var rec [8]byte
	for i, x := range m.w {
		if x == 0 {
			continue
		}
		binary.LittleEndian.PutUint32(rec[:4], uint32(i))
		binary.LittleEndian.PutUint32(rec[4:], math.Float32bits(x))
		b.Write(rec[:])
	}
}

func readWeights(br *bytes.Reader) (*linear, error) {
	n, err := binary.ReadUvarint(br)
	if err != nil || n*8 > uint64(br.Len()) {
		return nil, fmt.Errorf("%w: truncated weights", ErrFormat)
	}
	m := newLinear()
	var rec [8]byte
	for i := uint64(0); i < n; i++ {
		io.ReadFull(br, rec[:])
		k := binary.LittleEndian.Uint32(rec[:4])
		if k >= uint32(len(m.w)) {
			return nil, fmt.Errorf("%w: weight index out of range", ErrFormat)
		}
		m.w[k] = math.Float32frombits(binary.LittleEndian.Uint32(rec[4:]))
	}
	return m, nil
}

func writeUvarint(b *bytes.Buffer, v uint64) {
	var tmp [binary.MaxVarintLen64]byte
	b.Write(tmp[:binary.PutUvarint(tmp[:], v)])
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
