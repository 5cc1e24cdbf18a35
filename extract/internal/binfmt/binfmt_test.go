package binfmt

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	b := AppendString(nil, "héllo")
	b = AppendString(b, "")
	r := bytes.NewReader(b)
	for _, want := range []string{"héllo", ""} {
		got, err := ReadString(r)
		if err != nil || got != want {
			t.Errorf("ReadString = %q, %v; want %q", got, err, want)
		}
	}
	if _, err := ReadString(r); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("at the end: %v, want ErrUnexpectedEOF", err)
	}
	if _, err := ReadString(bytes.NewReader(AppendString(nil, "abc")[:2])); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("truncated: %v", err)
	}
	if _, err := ReadCount(bytes.NewReader([]byte{200, 1}), 100); err == nil {
		t.Error("count over the bound accepted")
	}
}
