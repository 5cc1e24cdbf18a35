// Package raster draws a graph laid out by Graphviz into an RGBA image,
// so that kg can write PNG with no system Graphviz, Cairo or font.
//
// Its input is the drawing Graphviz computed, not the graph: the xdot
// operations (ellipses, polygons, B-splines, text, colours, pen styles) of
// the _draw_, _ldraw_, _hdraw_, _tdraw_, _hldraw_ and _tldraw_ attributes,
// as Graphviz's JSON output carries them (ParseJSON). Draw fills and
// strokes them anti-aliased with golang.org/x/image/vector, and draws text
// with the Go fonts (golang.org/x/image/font/gofont, BSD licence), embedded.
//
// It does not lay anything out, and it draws only what xdot describes:
// images (the I operation) are skipped, and text is set in the Go fonts
// whatever font Graphviz was asked for, squeezed when wider than the space
// Graphviz measured for it. Glyphs the Go fonts lack (CJK, for one) come
// out as empty boxes.
package raster
