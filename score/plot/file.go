package plot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/kgraph/kg/score"
)

// Format is a kind of image file.
type Format int

// The formats WriteFile writes, by file name extension.
const (
	FormatSVG Format = iota + 1 // .svg
	FormatPNG                   // .png
)

// ErrFormat is returned, wrapped, for a file name whose extension names
// no format this package writes.
var ErrFormat = errors.New("unknown image format")

// FormatOf returns the format a file name's extension names, in any case.
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".svg":
		return FormatSVG, nil
	case ".png":
		return FormatPNG, nil
	}
	return 0, fmt.Errorf("plot %s: %w: want a name ending in .png or .svg", path, ErrFormat)
}

// WriteFile draws the curve of pts under title into the file path, in
// the format its extension names. The image goes to a temporary file
// beside path, renamed to path once complete, so that path never holds
// half an image. Errors name path.
func WriteFile(ctx context.Context, path, title string, pts []score.Point) error {
	f, err := FormatOf(path)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if f == FormatSVG {
		err = SVG(&b, title, pts)
	} else {
		err = PNG(ctx, &b, title, pts)
	}
	if err != nil {
		return fmt.Errorf("plot %s: %w", path, err)
	}

	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("plot %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if _, err := tmp.Write(b.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("plot %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("plot %s: %w", path, err)
	}
	// CreateTemp makes the file private; an image is an ordinary file.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("plot %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("plot %s: %w", path, err)
	}
	return nil
}
