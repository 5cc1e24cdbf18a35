package plot

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/kgraph/kg/score"
)

// SVG writes the curve of pts under title to w as an SVG document.
func SVG(w io.Writer, title string, pts []score.Point) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="Go, Helvetica, Arial, sans-serif">
`, width, height, width, height)
	fmt.Fprintf(bw, "<title>%s</title>\n", escape(title))
	fmt.Fprintf(bw, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", width, height)
	for _, s := range layout(title, pts) {
		switch s.kind {
		case 'L':
			ps := make([]string, len(s.pts))
			for i, p := range s.pts {
				ps[i] = num(p.x) + "," + num(p.y)
			}
			fmt.Fprintf(bw, "<polyline%s points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" stroke-linejoin=\"round\"/>\n",
				class(s), strings.Join(ps, " "), hex(s.colour), num(s.width))
		case 'D':
			fmt.Fprintf(bw, "<circle%s data-threshold=\"%s\" cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>\n",
				class(s), conf(s.threshold), num(s.pts[0].x), num(s.pts[0].y), num(s.r), hex(s.colour))
		case 'T':
			var extra string
			if s.bold {
				extra += ` font-weight="bold"`
			}
			if s.fit > 0 && textWidth(s.text, s.size) > s.fit {
				extra += fmt.Sprintf(` textLength="%s" lengthAdjust="spacingAndGlyphs"`, num(s.fit))
			}
			fmt.Fprintf(bw, "<text%s x=\"%s\" y=\"%s\" font-size=\"%s\" text-anchor=\"%s\" fill=\"%s\"%s>%s</text>\n",
				class(s), num(s.pts[0].x), num(s.pts[0].y), num(s.size), anchorName(s.anchor), hex(s.colour), extra, escape(s.text))
		}
	}
	fmt.Fprintln(bw, "</svg>")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("svg: %w", err)
	}
	return nil
}

func class(s shape) string {
	if s.class == "" {
		return ""
	}
	return ` class="` + s.class + `"`
}

func anchorName(a int) string {
	switch a {
	case start:
		return "start"
	case end:
		return "end"
	}
	return "middle"
}

func hex(c rgb) string { return fmt.Sprintf("#%06x", uint32(c)) }

// num writes a coordinate to a hundredth, enough at any zoom one reads
// a chart at.
func num(v float64) string { return strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64) }

// escape makes text safe as XML character data and attribute values.
func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // writes to a strings.Builder, which cannot fail
	return b.String()
}
