package main

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// parseMO decodes a GNU gettext message catalogue (.mo) into a map from
// original string to translation. Plural forms keep their first variant;
// the header entry (empty msgid) is dropped.
func parseMO(b []byte) (map[string]string, error) {
	if len(b) < 20 {
		return nil, errors.New("mo file: too short")
	}
	var order binary.ByteOrder
	switch binary.LittleEndian.Uint32(b) {
	case 0x950412de:
		order = binary.LittleEndian
	case 0xde120495:
		order = binary.BigEndian
	default:
		return nil, errors.New("mo file: bad magic number")
	}
	n := int(order.Uint32(b[8:]))
	origTab := int(order.Uint32(b[12:]))
	transTab := int(order.Uint32(b[16:]))
	// at reads the i-th string of the table at off: each table row is a
	// length and an offset, both uint32.
	at := func(off, i int) (string, error) {
		row := off + 8*i
		if row < 0 || row+8 > len(b) {
			return "", fmt.Errorf("mo file: string table row %d out of range", i)
		}
		l := int(order.Uint32(b[row:]))
		o := int(order.Uint32(b[row+4:]))
		if o < 0 || l < 0 || o+l > len(b) {
			return "", fmt.Errorf("mo file: string %d out of range", i)
		}
		return string(b[o : o+l]), nil
	}
	m := make(map[string]string, n)
	for i := range n {
		orig, err := at(origTab, i)
		if err != nil {
			return nil, err
		}
		trans, err := at(transTab, i)
		if err != nil {
			return nil, err
		}
		if orig == "" {
			continue
		}
		// Plural entries separate their variants with NUL bytes.
		m[cut(orig)] = cut(trans)
	}
	return m, nil
}

func cut(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return s[:i]
		}
	}
	return s
}
