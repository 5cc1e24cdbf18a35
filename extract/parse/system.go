package parse

// The arc-hybrid transition system. Nodes are 0 (the artificial root)
// and the words 1..n. The root starts alone on the stack; the buffer is
// always the contiguous range b..n, which keeps the state small.

const (
	shift = iota
	left  // s0 ← b0, pop s0
	right // s1 → s0, pop s0
	nMoves
)

// state is a parser configuration plus the partial tree built so far.
type state struct {
	n     int
	stack []int
	b     int   // buffer front; the buffer is b..n, empty when b > n
	head  []int // -1 while unattached
	label []int
	// Leftmost, second leftmost, rightmost and second rightmost
	// dependents (0 when none: the root is never a dependent) and the
	// number of left and right dependents.
	l1, l2, r1, r2 []int
	nl, nr         []int
}

func (st *state) reset(n int) {
	st.n = n
	st.stack = append(st.stack[:0], 0)
	st.b = 1
	st.head = grow(st.head, n+1)
	st.label = grow(st.label, n+1)
	st.l1 = grow(st.l1, n+1)
	st.l2 = grow(st.l2, n+1)
	st.r1 = grow(st.r1, n+1)
	st.r2 = grow(st.r2, n+1)
	st.nl = grow(st.nl, n+1)
	st.nr = grow(st.nr, n+1)
	for i := 0; i <= n; i++ {
		st.head[i] = -1
		st.label[i] = 0
		st.l1[i], st.l2[i], st.r1[i], st.r2[i] = 0, 0, 0, 0
		st.nl[i], st.nr[i] = 0, 0
	}
}

func grow(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

func (st *state) terminal() bool { return st.b > st.n && len(st.stack) == 1 }

// s returns the i-th stack element from the top, or -1.
func (st *state) s(i int) int {
	if i < len(st.stack) {
		return st.stack[len(st.stack)-1-i]
	}
	return -1
}

// buf returns the i-th buffer element, or -1.
func (st *state) buf(i int) int {
	if st.b+i <= st.n {
		return st.b + i
	}
	return -1
}

// legal reports which moves are allowed. A word may attach to the root
// only as the very last move, so every tree has exactly one root word.
func (st *state) legal(ok *[nMoves]bool) {
	k := len(st.stack)
	buffered := st.b <= st.n
	ok[shift] = buffered
	ok[left] = k >= 2 && buffered
	ok[right] = k >= 2 && (st.stack[k-2] != 0 || (!buffered && k == 2))
}

func (st *state) apply(move, label int) {
	switch move {
	case shift:
		st.stack = append(st.stack, st.b)
		st.b++
	case left:
		d := st.stack[len(st.stack)-1]
		st.stack = st.stack[:len(st.stack)-1]
		st.attach(st.b, d, label)
	case right:
		d := st.stack[len(st.stack)-1]
		st.stack = st.stack[:len(st.stack)-1]
		st.attach(st.stack[len(st.stack)-1], d, label)
	}
}

func (st *state) attach(h, d, label int) {
	st.head[d] = h
	st.label[d] = label
	if d < h {
		// Left dependents arrive right to left in arc-hybrid (the
		// buffer front collects them from the stack top down), so the
		// newest is the leftmost; compare positions anyway.
		st.nl[h]++
		switch {
		case st.l1[h] == 0 || d < st.l1[h]:
			st.l2[h], st.l1[h] = st.l1[h], d
		case st.l2[h] == 0 || d < st.l2[h]:
			st.l2[h] = d
		}
	} else {
		st.nr[h]++
		switch {
		case st.r1[h] == 0 || d > st.r1[h]:
			st.r2[h], st.r1[h] = st.r1[h], d
		case st.r2[h] == 0 || d > st.r2[h]:
			st.r2[h] = d
		}
	}
}

// costs fills the dynamic-oracle cost of each legal move: the number of
// gold arcs still reachable that the move makes unreachable (Goldberg &
// Nivre 2013, arc-hybrid). gold holds the gold head of each node; it
// must be projective. Illegal moves get a cost of -1.
func (st *state) costs(gold []int, c *[nMoves]int) {
	var ok [nMoves]bool
	st.legal(&ok)
	k := len(st.stack)
	for m := range c {
		c[m] = -1
	}
	if ok[shift] {
		b := st.b
		n := 0
		for i, s := range st.stack {
			if gold[s] == b && st.head[s] < 0 && s != 0 {
				n++ // b's dependents on the stack
			}
			if i < k-1 && gold[b] == s {
				n++ // b's head below the stack top
			}
		}
		c[shift] = n
	}
	if k >= 2 {
		s0, s1 := st.stack[k-1], st.stack[k-2]
		deps := 0
		for d := st.b; d <= st.n; d++ {
			if gold[d] == s0 {
				deps++
			}
		}
		h := gold[s0]
		if ok[left] {
			n := deps
			if h == s1 || (h > st.b) {
				n++
			}
			c[left] = n
		}
		if ok[right] {
			n := deps
			if h >= st.b {
				n++
			}
			c[right] = n
		}
	}
}
