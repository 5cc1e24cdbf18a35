package score

import (
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/kgraph/kg/graph"
)

// Thresholds returns the minimum confidences kg eval scores at: 0 (every
// triple) to 0.9 in steps of 0.1. The grid is fixed, not fitted to the
// confidences an extractor happens to give, so that the curves of
// successive runs compare point by point.
func Thresholds() []float64 {
	return []float64{0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}
}

// Point is how the produced triples of at least some confidence fare
// against the gold triples: one point of a precision–recall curve.
type Point struct {
	MinConfidence float64 `json:"min_confidence"`
	Produced      int     `json:"produced"` // distinct produced triples kept, on the gold documents
	Correct       int     `json:"correct"`  // of Produced, those matching a gold triple
	Matched       int     `json:"matched"`  // gold triples matched
	Precision     float64 `json:"precision"`
	Recall        float64 `json:"recall"`
	F1            float64 `json:"f1"`
}

// confSlack lets a confidence computed in floating point (0.3-0.1 is
// 0.19999999999999998) pass the threshold it was meant to reach.
const confSlack = 1e-9

// Above appends to dst the triples of pred whose confidence is at least
// min, and returns it: what a threshold keeps.
func Above(dst, pred []graph.Triple, min float64) []graph.Triple {
	for _, t := range pred {
		if t.Confidence >= min-confSlack {
			dst = append(dst, t)
		}
	}
	return dst
}

// Curve scores, for each threshold in turn, only the triples of pred
// whose confidence is at least the threshold, as Score does with opts.
// A triple repeated with several confidences is kept at a threshold if
// one of its copies is.
func Curve(golds []Gold, pred []graph.Triple, opts Options, thresholds []float64) []Point {
	pts := make([]Point, len(thresholds))
	kept := make([]graph.Triple, 0, len(pred))
	for i, th := range thresholds {
		kept = Above(kept[:0], pred, th)
		r := Score(golds, kept, opts)
		pts[i] = Point{
			MinConfidence: th,
			Produced:      r.Produced,
			Correct:       r.Produced - len(r.FalsePositives),
			Matched:       r.Matched,
			Precision:     r.Precision,
			Recall:        r.Recall,
			F1:            r.F1,
		}
	}
	return pts
}

// WriteCurve writes pts as an aligned table, one line a threshold.
func WriteCurve(w io.Writer, pts []Point) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "confidence ≥\tproduced\tcorrect\tmatched\tprecision\trecall\tF1\t")
	for _, p := range pts {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t\n",
			strconv.FormatFloat(p.MinConfidence, 'f', -1, 64), p.Produced, p.Correct, p.Matched, p.Precision, p.Recall, p.F1)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("score curve: %w", err)
	}
	return nil
}
