package main

import (
	"encoding/binary"
	"testing"
)

// buildMO writes a little-endian .mo catalogue of pairs, as msgfmt would.
func buildMO(pairs [][2]string) []byte {
	n := len(pairs)
	origTab := 28
	transTab := origTab + 8*n
	data := transTab + 8*n
	var strs []byte
	head := make([]byte, data)
	le := binary.LittleEndian
	le.PutUint32(head[0:], 0x950412de)
	le.PutUint32(head[8:], uint32(n))
	le.PutUint32(head[12:], uint32(origTab))
	le.PutUint32(head[16:], uint32(transTab))
	for i, p := range pairs {
		for j, s := range p {
			row := origTab + 8*i
			if j == 1 {
				row = transTab + 8*i
			}
			le.PutUint32(head[row:], uint32(len(s)))
			le.PutUint32(head[row+4:], uint32(data+len(strs)))
			strs = append(strs, s...)
			strs = append(strs, 0)
		}
	}
	return append(head, strs...)
}

func TestParseMO(t *testing.T) {
	b := buildMO([][2]string{
		{"", "Content-Type: text/plain; charset=UTF-8\n"},
		{"Germany", "Allemagne"},
		{"Russian Federation", "Russie, Fédération de"},
		{"file\x00files", "fichier\x00fichiers"},
	})
	m, err := parseMO(b)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"Germany":            "Allemagne",
		"Russian Federation": "Russie, Fédération de",
		"file":               "fichier",
	}
	if len(m) != len(want) {
		t.Errorf("got %d entries, want %d: %q", len(m), len(want), m)
	}
	for k, v := range want {
		if m[k] != v {
			t.Errorf("m[%q] = %q, want %q", k, m[k], v)
		}
	}
}

func TestParseMOErrors(t *testing.T) {
	good := buildMO([][2]string{{"a", "b"}})
	tests := map[string][]byte{
		"short":     good[:10],
		"magic":     append([]byte{1, 2, 3, 4}, good[4:]...),
		"truncated": good[:len(good)-3],
	}
	for name, b := range tests {
		if _, err := parseMO(b); err == nil {
			t.Errorf("%s: parseMO succeeded, want error", name)
		}
	}
}
