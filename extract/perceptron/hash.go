package perceptron

import "unicode"

// Feature is a hashed feature: a template id mixed with its values.
type Feature uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Hasher builds a Feature from a template id and values without
// allocating. The zero value is usable but NewHasher separates templates.
//
//	h := perceptron.NewHasher(tmplWordSuffix)
//	h.String(word)
//	h.Int(3)
//	f := h.Sum()
type Hasher struct{ h uint64 }

// NewHasher starts a feature of template id.
func NewHasher(template uint32) Hasher {
	h := Hasher{h: fnvOffset}
	h.Int(int(template))
	return h
}

// String adds s, followed by a separator so that ("ab","c") and
// ("a","bc") differ.
func (h *Hasher) String(s string) {
	x := h.h
	for i := 0; i < len(s); i++ {
		x ^= uint64(s[i])
		x *= fnvPrime
	}
	x ^= 0xff
	x *= fnvPrime
	h.h = x
}

// Lower adds s lowercased (rune by rune), as String(strings.ToLower(s))
// would for most text, without allocating.
func (h *Hasher) Lower(s string) {
	x := h.h
	for _, r := range s {
		if r < 0x80 {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			x ^= uint64(r)
			x *= fnvPrime
			continue
		}
		r = unicode.ToLower(r)
		// Hashing the rune's value rather than its UTF-8 bytes keeps this
		// allocation-free; it only has to agree with itself.
		for v := uint32(r); v != 0; v >>= 8 {
			x ^= uint64(v & 0xff)
			x *= fnvPrime
		}
	}
	x ^= 0xff
	x *= fnvPrime
	h.h = x
}

// Int adds n.
func (h *Hasher) Int(n int) {
	x := h.h ^ uint64(n)
	x *= fnvPrime
	x ^= x >> 29
	x *= 0xbf58476d1ce4e5b9
	h.h = x
}

// Uint64 adds an already hashed value, such as another Hasher's Sum.
func (h *Hasher) Uint64(v uint64) { h.Int(int(v)) }

// Sum returns the feature; the Hasher may be used further.
func (h *Hasher) Sum() Feature { return Feature(mix(h.h)) }

// mix is the murmur3 finalizer: FNV's low bits are weak, and the
// inference table indexes by low bits.
func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}

// Combine returns a feature of template id over already hashed values;
// it is the cheap path for conjunctions of precomputed hashes.
func Combine(template uint32, vals ...uint64) Feature {
	h := NewHasher(template)
	for _, v := range vals {
		h.Uint64(v)
	}
	return h.Sum()
}
