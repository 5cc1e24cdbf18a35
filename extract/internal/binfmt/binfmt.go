package binfmt

import (
	"encoding/binary"
	"fmt"
	"io"
)

// Reader is what the model readers read from.
type Reader interface {
	io.Reader
	io.ByteReader
}

// AppendString appends s as a uvarint length and its bytes.
func AppendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// ReadCount reads a uvarint of at most max.
func ReadCount(r io.ByteReader, max uint64) (uint64, error) {
	n, err := binary.ReadUvarint(r)
	if err == nil && n > max {
		err = fmt.Errorf("count %d out of range", n)
	}
	return n, NoEOF(err)
}

// ReadString reads a string written by AppendString (at most 64 KiB).
func ReadString(r Reader) (string, error) {
	n, err := ReadCount(r, 1<<16)
	if err != nil {
		return "", err
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", NoEOF(err)
	}
	return string(b), nil
}

// NoEOF turns an end of input in the middle of a model into
// io.ErrUnexpectedEOF.
func NoEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
