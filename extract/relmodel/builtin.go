package relmodel

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
)

// builtinData is the model kg ships, trained by scripts/train-relations
// on the annotated corpus (see builtin/SOURCES.md).
//
//go:embed builtin/relations.kgr
var builtinData []byte

// ErrNoModel means this build of kg ships no relation model.
var ErrNoModel = errors.New("no built-in relation model")

// Builtin returns the relation model built into kg. Each call reads it
// anew: load it once and share it (a Model is safe for concurrent use).
func Builtin() (*Model, error) {
	if len(builtinData) == 0 {
		return nil, ErrNoModel
	}
	m, err := Read(bytes.NewReader(builtinData))
	if err != nil {
		return nil, fmt.Errorf("built-in relation model: %w", err)
	}
	return m, nil
}
