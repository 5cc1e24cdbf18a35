package perceptron

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
)

// The stored form, all integers unsigned varints unless said otherwise:
//
//	"KGPC" version(byte=1)
//	classes features
//	per feature, by increasing key: key−previous key, n, then n times
//	  class−previous class, weight (float16, 2 bytes little-endian)
//	CRC-32 (IEEE) of all the above, 4 bytes little-endian
const (
	magic   = "KGPC"
	version = 1
)

// WriteTo writes the averaged model (averaging it first if needed).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	m.Average()
	var b []byte
	b = append(b, magic...)
	b = append(b, version)
	b = binary.AppendUvarint(b, uint64(m.classes))
	fs := m.features()
	b = binary.AppendUvarint(b, uint64(len(fs)))
	var prev Feature
	for _, f := range fs {
		b = binary.AppendUvarint(b, uint64(f.key-prev))
		prev = f.key
		b = binary.AppendUvarint(b, uint64(len(f.cls)))
		var pc uint16
		for i, c := range f.cls {
			b = binary.AppendUvarint(b, uint64(c-pc))
			pc = c
			b = binary.LittleEndian.AppendUint16(b, toHalf(f.w[i]))
		}
	}
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	n, err := w.Write(b)
	if err != nil {
		return int64(n), fmt.Errorf("writing perceptron model: %w", err)
	}
	return int64(n), nil
}

// ErrCorrupt is wrapped by every error about a malformed model.
var ErrCorrupt = errors.New("corrupt perceptron model")

// ReadModel reads a model written by WriteTo. The model is frozen.
// From a *bytes.Reader or another io.ByteReader it reads exactly the
// model's bytes, so models can be concatenated with other data (a
// *bytes.Reader is fastest); from another reader it reads to the end.
func ReadModel(r io.Reader) (*Model, error) {
	if br, ok := r.(*bytes.Reader); ok {
		// Parse the unread bytes in place of reading them one by one:
		// loading is then bounded by memory speed, not by calls.
		rest := make([]byte, br.Len())
		br.ReadAt(rest, br.Size()-int64(br.Len()))
		m, n, err := parseModel(rest)
		if err != nil {
			return nil, err
		}
		br.Seek(int64(n), io.SeekCurrent)
		return m, nil
	}
	if br, ok := r.(io.ByteReader); ok {
		return readModelStream(br)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrCorrupt, err)
	}
	m, _, err := parseModel(data)
	return m, err
}

// readModelStream reads a model byte by byte from a reader that may
// hold more after it.
func readModelStream(br io.ByteReader) (*Model, error) {
	cr := &crcReader{r: br}
	var head [5]byte
	for i := range head {
		c, err := cr.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("%w: header: %w", ErrCorrupt, noEOF(err))
		}
		head[i] = c
	}
	if string(head[:4]) != magic {
		return nil, fmt.Errorf("%w: bad magic %q", ErrCorrupt, head[:4])
	}
	if head[4] != version {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrCorrupt, head[4], version)
	}
	classes, err := binary.ReadUvarint(cr)
	if err != nil {
		return nil, fmt.Errorf("%w: class count: %w", ErrCorrupt, noEOF(err))
	}
	if classes == 0 || classes > math.MaxUint16 {
		return nil, fmt.Errorf("%w: class count %d", ErrCorrupt, classes)
	}
	nf, err := binary.ReadUvarint(cr)
	if err != nil {
		return nil, fmt.Errorf("%w: feature count: %w", ErrCorrupt, noEOF(err))
	}
	if nf > 1<<32 {
		return nil, fmt.Errorf("%w: feature count %d", ErrCorrupt, nf)
	}
	fs := make([]feature, 0, min(nf, 1<<20))
	var key Feature
	var cls []uint16
	var ws []float32
	for i := range nf {
		d, err := binary.ReadUvarint(cr)
		if err != nil {
			return nil, fmt.Errorf("%w: feature %d: %w", ErrCorrupt, i, noEOF(err))
		}
		key += Feature(d)
		n, err := binary.ReadUvarint(cr)
		if err != nil || n == 0 || n > classes {
			return nil, fmt.Errorf("%w: feature %d: class count %d: %v", ErrCorrupt, i, n, noEOF(err))
		}
		start := len(cls)
		c := uint64(0)
		for j := range n {
			dc, err := binary.ReadUvarint(cr)
			if err != nil {
				return nil, fmt.Errorf("%w: feature %d: %w", ErrCorrupt, i, noEOF(err))
			}
			c += dc
			if c >= classes || (j > 0 && dc == 0) {
				return nil, fmt.Errorf("%w: feature %d: class %d out of order or range", ErrCorrupt, i, c)
			}
			lo, err1 := cr.ReadByte()
			hi, err2 := cr.ReadByte()
			if err := errors.Join(err1, err2); err != nil {
				return nil, fmt.Errorf("%w: feature %d: %w", ErrCorrupt, i, noEOF(err))
			}
			cls = append(cls, uint16(c))
			ws = append(ws, fromHalf(uint16(lo)|uint16(hi)<<8))
		}
		fs = append(fs, feature{key: key, cls: cls[start:len(cls):len(cls)], w: ws[start:len(ws):len(ws)]})
	}
	want := cr.crc
	var sum [4]byte
	for i := range sum {
		c, err := br.ReadByte()
		if err != nil {
			return nil, fmt.Errorf("%w: checksum: %w", ErrCorrupt, noEOF(err))
		}
		sum[i] = c
	}
	if got := binary.LittleEndian.Uint32(sum[:]); got != want {
		return nil, fmt.Errorf("%w: checksum mismatch", ErrCorrupt)
	}
	m := &Model{classes: int(classes)}
	m.freeze(fs, int(classes))
	return m, nil
}

// parseModel decodes a model from the start of data and returns it with
// the number of bytes it took.
func parseModel(data []byte) (*Model, int, error) {
	pos := 0
	uvarint := func(what string) (uint64, error) {
		v, n := binary.Uvarint(data[pos:])
		if n <= 0 {
			return 0, fmt.Errorf("%w: %s: %w", ErrCorrupt, what, io.ErrUnexpectedEOF)
		}
		pos += n
		return v, nil
	}
	if len(data) < 5 {
		return nil, 0, fmt.Errorf("%w: header: %w", ErrCorrupt, io.ErrUnexpectedEOF)
	}
	if string(data[:4]) != magic {
		return nil, 0, fmt.Errorf("%w: bad magic %q", ErrCorrupt, data[:4])
	}
	if data[4] != version {
		return nil, 0, fmt.Errorf("%w: version %d, want %d", ErrCorrupt, data[4], version)
	}
	pos = 5
	classes, err := uvarint("class count")
	if err != nil {
		return nil, 0, err
	}
	if classes == 0 || classes > math.MaxUint16 {
		return nil, 0, fmt.Errorf("%w: class count %d", ErrCorrupt, classes)
	}
	nf, err := uvarint("feature count")
	if err != nil {
		return nil, 0, err
	}
	if nf > uint64(len(data)) {
		return nil, 0, fmt.Errorf("%w: feature count %d", ErrCorrupt, nf)
	}
	// Decode straight into the frozen layout: one pass, no copy.
	m := &Model{classes: int(classes)}
	size := 2
	for size < int(nf)+int(nf)/3 { // load factor at most 3/4
		size *= 2
	}
	m.slots = make([]slot, size)
	m.mask = uint64(size - 1)
	// Each weight takes at least three bytes (class delta, half float).
	m.cls = make([]uint16, 0, (len(data)-pos)/3)
	m.w = make([]float32, 0, (len(data)-pos)/3)
	var key Feature
	for i := range nf {
		d, err := uvarint("feature")
		if err != nil {
			return nil, 0, err
		}
		key += Feature(d)
		n, err := uvarint("feature")
		if err != nil || n == 0 || n > classes {
			return nil, 0, fmt.Errorf("%w: feature %d: class count %d: %v", ErrCorrupt, i, n, err)
		}
		start := uint32(len(m.cls))
		c := uint64(0)
		for j := range n {
			dc, err := uvarint("feature")
			if err != nil {
				return nil, 0, err
			}
			c += dc
			if c >= classes || (j > 0 && dc == 0) {
				return nil, 0, fmt.Errorf("%w: feature %d: class %d out of order or range", ErrCorrupt, i, c)
			}
			if pos+2 > len(data) {
				return nil, 0, fmt.Errorf("%w: feature %d: %w", ErrCorrupt, i, io.ErrUnexpectedEOF)
			}
			if w := fromHalf(binary.LittleEndian.Uint16(data[pos:])); w != 0 {
				m.cls = append(m.cls, uint16(c))
				m.w = append(m.w, w)
			}
			pos += 2
		}
		if uint32(len(m.cls)) == start {
			continue
		}
		slotAt := uint64(key) & m.mask
		for m.slots[slotAt].end != 0 {
			if m.slots[slotAt].key == key {
				return nil, 0, fmt.Errorf("%w: feature %d repeated", ErrCorrupt, i)
			}
			slotAt = (slotAt + 1) & m.mask
		}
		m.slots[slotAt] = slot{key: key, start: start, end: uint32(len(m.cls))}
		m.nfeat++
	}
	if pos+4 > len(data) {
		return nil, 0, fmt.Errorf("%w: checksum: %w", ErrCorrupt, io.ErrUnexpectedEOF)
	}
	if got, want := binary.LittleEndian.Uint32(data[pos:]), crc32.ChecksumIEEE(data[:pos]); got != want {
		return nil, 0, fmt.Errorf("%w: checksum mismatch", ErrCorrupt)
	}
	m.densify()
	return m, pos + 4, nil
}

func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

type crcReader struct {
	r   io.ByteReader
	crc uint32
	buf [1]byte
}

func (c *crcReader) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err != nil {
		return 0, err
	}
	c.buf[0] = b
	c.crc = crc32.Update(c.crc, crc32.IEEETable, c.buf[:])
	return b, nil
}

// toHalf rounds f to the nearest IEEE 754 half-precision value; values
// beyond its range are clamped to the largest finite one.
func toHalf(f float32) uint16 {
	b := math.Float32bits(f)
	sign := uint16(b>>16) & 0x8000
	e := int(b>>23) & 0xff
	mant := b & 0x7fffff
	if e == 0xff {
		if mant != 0 {
			return sign | 0x7e00
		}
		return sign | 0x7bff
	}
	exp := e - 127 + 15
	if exp >= 31 {
		return sign | 0x7bff
	}
	if exp <= 0 {
		if exp < -10 {
			return sign
		}
		mant |= 0x800000
		shift := uint(14 - exp)
		h := mant >> shift
		rem := mant & (1<<shift - 1)
		half := uint32(1) << (shift - 1)
		if rem > half || (rem == half && h&1 == 1) {
			h++
		}
		return sign | uint16(h)
	}
	h := uint32(exp)<<10 | mant>>13
	rem := mant & 0x1fff
	if rem > 0x1000 || (rem == 0x1000 && h&1 == 1) {
		h++
	}
	if h >= 0x7c00 {
		h = 0x7bff
	}
	return sign | uint16(h)
}

func fromHalf(h uint16) float32 {
	sign := uint32(h&0x8000) << 16
	exp := uint32(h>>10) & 0x1f
	mant := uint32(h & 0x3ff)
	switch exp {
	case 0:
		f := float32(mant) / (1 << 24)
		if sign != 0 {
			f = -f
		}
		return f
	case 31:
		return math.Float32frombits(sign | 0x7f800000 | mant<<13)
	}
	return math.Float32frombits(sign | (exp-15+127)<<23 | mant<<13)
}
