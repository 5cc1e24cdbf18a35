package plot

import (
	"bufio"
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"strconv"

	"github.com/kgraph/kg/export/raster"
	"github.com/kgraph/kg/score"
)

// PNG writes the curve of pts under title to w as a PNG image, one pixel
// a unit of the SVG.
func PNG(ctx context.Context, w io.Writer, title string, pts []score.Point) error {
	img, err := drawPNG(ctx, title, pts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if err := png.Encode(bw, img); err != nil {
		return fmt.Errorf("png: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("png: %w", err)
	}
	return nil
}

// drawPNG renders the layout with raster, which draws xdot operations in
// Graphviz's points, y growing upwards; at 72 dpi a point is a pixel.
func drawPNG(ctx context.Context, title string, pts []score.Point) (image.Image, error) {
	flip := func(p xy) raster.Point { return raster.Point{X: p.x, Y: height - p.y} }
	var ops []raster.Op
	for _, s := range layout(title, pts) {
		paint := raster.Paint{Color: s.colour.nrgba()}
		switch s.kind {
		case 'L':
			ps := make([]raster.Point, len(s.pts))
			for i, p := range s.pts {
				ps[i] = flip(p)
			}
			ops = append(ops,
				raster.Op{Kind: 'c', Paint: paint},
				raster.Op{Kind: 'S', Text: "setlinewidth(" + strconv.FormatFloat(s.width, 'f', -1, 64) + ")"},
				raster.Op{Kind: 'L', Points: ps})
		case 'D':
			ops = append(ops,
				raster.Op{Kind: 'c', Paint: paint},
				raster.Op{Kind: 'C', Paint: paint},
				raster.Op{Kind: 'E', Points: []raster.Point{flip(s.pts[0]), {X: s.r, Y: s.r}}})
		case 'T':
			font := "Helvetica"
			if s.bold {
				font = "Helvetica-Bold"
			}
			// Width squeezes the text only if it is wider.
			ops = append(ops,
				raster.Op{Kind: 'c', Paint: paint},
				raster.Op{Kind: 'F', Size: s.size, Text: font},
				raster.Op{Kind: 'T', Points: []raster.Point{flip(s.pts[0])}, Align: s.anchor, Width: s.fit, Text: s.text})
		}
	}
	d := &raster.Drawing{
		BB:    raster.Rect{Max: raster.Point{X: width, Y: height}},
		Lists: []raster.List{{Object: "graph", Name: "precision-recall", Attr: "_draw_", Ops: ops}},
	}
	img, err := raster.Draw(ctx, d, raster.Options{DPI: 72})
	if err != nil {
		return nil, fmt.Errorf("png: %w", err)
	}
	return img, nil
}
