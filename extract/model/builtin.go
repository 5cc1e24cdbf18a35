package model

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// builtin holds the shipped models, one file per language (en.kgm, ...),
// made by the training command in the README from the shared treebanks.
//
//go:embed builtin/*.kgm
var builtin embed.FS

// ErrNoModel means kg ships no model for a language.
var ErrNoModel = errors.New("no built-in model")

// Builtin returns the shipped model of lang. Each call reads it anew: load
// it once and share it (a Model is safe for concurrent use).
func Builtin(lang string) (*Model, error) {
	data, err := builtin.ReadFile(path.Join("builtin", lang+".kgm"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w for language %q (have %s)", ErrNoModel, lang, strings.Join(BuiltinLanguages(), ", "))
	}
	if err != nil {
		return nil, err
	}
	m, err := Read(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("built-in model %s: %w", lang, err)
	}
	if m.Lang != lang {
		return nil, fmt.Errorf("built-in model %s.kgm is for language %q", lang, m.Lang)
	}
	return m, nil
}

// BuiltinLanguages lists the languages kg ships a model for.
func BuiltinLanguages() []string {
	entries, _ := builtin.ReadDir("builtin")
	var out []string
	for _, e := range entries {
		if l, ok := strings.CutSuffix(e.Name(), ".kgm"); ok {
			out = append(out, l)
		}
	}
	slices.Sort(out)
	return out
}
