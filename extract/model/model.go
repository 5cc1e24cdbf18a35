package model

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"

	"github.com/kgraph/kg/extract/lemma"
	"github.com/kgraph/kg/extract/parse"
	"github.com/kgraph/kg/extract/tag"
)

// Model is the syntactic core of one language.
type Model struct {
	Lang       string // ISO 639-1
	Tagger     *tag.Tagger
	Lemmatizer *lemma.Lemmatizer
	Parser     *parse.Parser

	sum uint32 // CRC-32 of the file, which names this model
}

// Checksum returns the CRC-32 the model's file ends with: two models
// with the same checksum are, for any practical purpose, the same.
// Extraction fingerprints documents with it.
func (m *Model) Checksum() uint32 { return m.sum }

// The file starts with magic and a format version; sections follow, each
// a name and a length-prefixed body, and a CRC-32 (IEEE) of everything
// before it ends the file.
const (
	magic   = "kg-model\n"
	version = 1
)

// ErrFormat means a file is not a kg model, or not one this kg reads.
var ErrFormat = errors.New("not a kg model file")

// ErrCorrupt means a model file is damaged: truncated or failing its
// checksum.
var ErrCorrupt = errors.New("corrupt model file")

// WriteTo writes the model.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var body bytes.Buffer
	body.WriteString(magic)
	binary.Write(&body, binary.LittleEndian, uint32(version))
	writeString(&body, m.Lang)
	sections := []struct {
		name string
		w    io.WriterTo
	}{{"tag", m.Tagger}, {"lemma", m.Lemmatizer}, {"parse", m.Parser}}
	for _, s := range sections {
		var buf bytes.Buffer
		if _, err := s.w.WriteTo(&buf); err != nil {
			return 0, fmt.Errorf("model %s: %s: %w", m.Lang, s.name, err)
		}
		writeString(&body, s.name)
		binary.Write(&body, binary.LittleEndian, uint64(buf.Len()))
		body.Write(buf.Bytes())
	}
	binary.Write(&body, binary.LittleEndian, crc32.ChecksumIEEE(body.Bytes()))
	n, err := w.Write(body.Bytes())
	return int64(n), err
}

func writeString(b *bytes.Buffer, s string) {
	binary.Write(b, binary.LittleEndian, uint16(len(s)))
	b.WriteString(s)
}

// Read reads a model written by WriteTo. Its errors wrap ErrFormat or
// ErrCorrupt.
func Read(r io.Reader) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w (no kg-model header)", ErrFormat)
	}
	if len(data) < len(magic)+4+4 {
		return nil, fmt.Errorf("%w: truncated", ErrCorrupt)
	}
	body, sum := data[:len(data)-4], binary.LittleEndian.Uint32(data[len(data)-4:])
	rd := bytes.NewReader(body[len(magic):])
	var v uint32
	binary.Read(rd, binary.LittleEndian, &v)
	if v != version {
		return nil, fmt.Errorf("%w: format version %d, this kg reads %d", ErrFormat, v, version)
	}
	if crc32.ChecksumIEEE(body) != sum {
		return nil, fmt.Errorf("%w: checksum mismatch (truncated or damaged)", ErrCorrupt)
	}
	m := &Model{sum: sum}
	if m.Lang, err = readString(rd); err != nil {
		return nil, err
	}
	for rd.Len() > 0 {
		name, err := readString(rd)
		if err != nil {
			return nil, err
		}
		var n uint64
		if err := binary.Read(rd, binary.LittleEndian, &n); err != nil || n > uint64(rd.Len()) {
			return nil, fmt.Errorf("%w: section %s truncated", ErrCorrupt, name)
		}
		buf := make([]byte, n)
		io.ReadFull(rd, buf)
		switch name {
		case "tag":
			m.Tagger, err = tag.Read(bytes.NewReader(buf))
		case "lemma":
			m.Lemmatizer, err = lemma.Read(bytes.NewReader(buf))
		case "parse":
			m.Parser, err = parse.Read(bytes.NewReader(buf))
		default:
			err = fmt.Errorf("%w: unknown section %q", ErrFormat, name)
		}
		if err != nil {
			return nil, fmt.Errorf("model %s: %s: %w", m.Lang, name, err)
		}
	}
	if m.Tagger == nil || m.Lemmatizer == nil || m.Parser == nil {
		return nil, fmt.Errorf("%w: model %s lacks a component", ErrCorrupt, m.Lang)
	}
	return m, nil
}

func readString(r *bytes.Reader) (string, error) {
	var n uint16
	if err := binary.Read(r, binary.LittleEndian, &n); err != nil || int(n) > r.Len() {
		return "", fmt.Errorf("%w: truncated", ErrCorrupt)
	}
	b := make([]byte, n)
	io.ReadFull(r, b)
	return string(b), nil
}

// Load reads the model file at path and checks that it is for lang.
func Load(path, lang string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	defer f.Close()
	m, err := Read(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", path, err)
	}
	if lang != "" && m.Lang != lang {
		return nil, fmt.Errorf("model %s is for language %q, not %q", path, m.Lang, lang)
	}
	return m, nil
}

// Save writes the model to path, atomically.
func (m *Model) Save(path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".kg-model-*")
	if err != nil {
		return fmt.Errorf("model %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriter(tmp)
	if _, err := m.WriteTo(w); err != nil {
		tmp.Close()
		return fmt.Errorf("model %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("model %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("model %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("model %s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}
