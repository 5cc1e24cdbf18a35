package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"io"
	"math"
	"os/exec"
	"strconv"
	"strings"

	"github.com/goccy/go-graphviz"

	"github.com/kgraph/kg/export/raster"
)

// DefaultDPI is the resolution PNG draws at unless told otherwise: enough
// for print.
const DefaultDPI = 150

// MaxDPI is the highest resolution PNG and NativePNG accept.
const MaxDPI = 1200

// pad is the blank border around a PNG, in points: Graphviz's own default
// (its pad attribute).
const pad = 4

// ErrNoDot is returned, wrapped, by NativePNG when no Graphviz dot is on
// PATH.
var ErrNoDot = errors.New("Graphviz dot is not on PATH")

// PNG lays out the DOT graph dot with Graphviz's dot engine, draws it at
// dpi pixels per inch (0 means DefaultDPI) and writes it to w as PNG. It
// needs no system library: go-graphviz lays the graph out, package raster
// draws it, setting text in the Go fonts. It writes nothing if the graph is
// malformed, has more than MaxNodes nodes, or would make an image of more
// than raster.MaxPixels pixels.
//
// ctx can end the wait for another render and the drawing, but not a
// layout under way: go-graphviz cannot survive one cut short.
func (r *Renderer) PNG(ctx context.Context, dot []byte, w io.Writer, dpi float64) error {
	dpi, err := checkDPI(dpi)
	if err != nil {
		return fmt.Errorf("render png: %w", err)
	}
	// Graphviz's JSON carries the layout as xdot drawing operations.
	var layout bytes.Buffer
	if err := r.render(ctx, "png", dot, graphviz.Format("json"), &layout); err != nil {
		return err
	}
	d, err := raster.ParseJSON(layout.Bytes())
	if err != nil {
		return fmt.Errorf("render png: %w", err)
	}
	img, err := raster.Draw(ctx, d, raster.Options{DPI: dpi, Margin: pad})
	if err != nil {
		return fmt.Errorf("render png: %w", err)
	}
	// Encoding takes most of the time for a large graph; the best
	// compression would take a third longer for files 5% smaller.
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return fmt.Errorf("encode png: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write png: %w", err)
	}
	return nil
}

// NativePNG lays out and draws the DOT graph dot with the system's
// Graphviz, dot -Tpng, at dpi pixels per inch (0 means DefaultDPI), and
// writes it to w. It fails with ErrNoDot if there is no dot on PATH.
func NativePNG(ctx context.Context, dot []byte, w io.Writer, dpi float64) error {
	dpi, err := checkDPI(dpi)
	if err != nil {
		return fmt.Errorf("native png: %w", err)
	}
	path, err := exec.LookPath("dot")
	if err != nil {
		return fmt.Errorf("native png: %w: install Graphviz, or use the embedded renderer", ErrNoDot)
	}
	cmd := exec.CommandContext(ctx, path, "-Tpng", "-Gdpi="+strconv.FormatFloat(dpi, 'f', -1, 64))
	cmd.Stdin = bytes.NewReader(dot)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return fmt.Errorf("native png: %w", ctx.Err())
		}
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return fmt.Errorf("native png: %s: %w: %s", path, err, msg)
		}
		return fmt.Errorf("native png: %s: %w", path, err)
	}
	if _, err := w.Write(out.Bytes()); err != nil {
		return fmt.Errorf("write png: %w", err)
	}
	return nil
}

func checkDPI(dpi float64) (float64, error) {
	switch {
	case dpi == 0:
		return DefaultDPI, nil
	case math.IsNaN(dpi) || dpi < 1 || dpi > MaxDPI:
		return 0, fmt.Errorf("dpi %g: want 1 to %d", dpi, MaxDPI)
	}
	return dpi, nil
}
