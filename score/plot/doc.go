// Package plot draws the precision–recall curve of score.Curve: recall
// across, precision up, both from 0 to 1, one marker a threshold, each
// labelled with its minimum confidence, under a title the caller gives.
//
// It writes SVG by hand and PNG through export/raster (anti-aliased, in
// the embedded Go fonts), both from one layout, so the two formats show
// the same figure. Thresholds that keep no triple have no precision and
// are not drawn; a run of thresholds that give the same point is drawn
// once per threshold but labelled once ("0–0.3").
package plot
