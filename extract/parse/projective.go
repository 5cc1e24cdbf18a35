package parse

import "strings"

// Pseudo-projective parsing, "head" encoding (Nivre & Nilsson 2005): a
// non-projective arc is lifted to its head's head until the tree is
// projective, and its label records the relation of the original head
// ("obl|xcomp"), so that deprojectivize can look for it again below the
// new head after parsing.

const liftSep = "|"

// projective reports whether the arc into d is projective: every word
// between d and its head descends from the head.
func projectiveArc(heads []int, d int) bool {
	h := heads[d]
	lo, hi := h, d
	if d < h {
		lo, hi = d, h
	}
	for i := lo + 1; i < hi; i++ {
		if !dominates(heads, h, i) {
			return false
		}
	}
	return true
}

// dominates reports whether a is an ancestor of (or equal to) x.
func dominates(heads []int, a, x int) bool {
	for steps := 0; x > 0 && steps < len(heads); steps++ {
		if x == a {
			return true
		}
		x = heads[x]
	}
	return x == a
}

// projectivize lifts non-projective arcs in place, shortest first, and
// rewrites the labels of lifted words. heads and labels are indexed by
// node (0 is the root). It returns the number of lifts.
func projectivize(heads []int, labels []string) int {
	lifted := make([]bool, len(heads))
	lifts := 0
	for {
		best, bestLen := -1, 0
		for d := 1; d < len(heads); d++ {
			if heads[d] == 0 || projectiveArc(heads, d) {
				continue
			}
			l := d - heads[d]
			if l < 0 {
				l = -l
			}
			if best < 0 || l < bestLen {
				best, bestLen = d, l
			}
		}
		if best < 0 {
			return lifts
		}
		h := heads[best]
		if !lifted[best] {
			labels[best] = labels[best] + liftSep + baseLabel(labels[h])
			lifted[best] = true
		}
		heads[best] = heads[h]
		lifts++
	}
}

// baseLabel strips a lift encoding: "obl|xcomp" → "obl".
func baseLabel(l string) string {
	if i := strings.Index(l, liftSep); i >= 0 {
		return l[:i]
	}
	return l
}

// deprojectivize undoes projectivize in place: a word labelled "d|h"
// moves to the first word labelled h found breadth-first, left to right,
// below its current head and outside its own subtree, and is relabelled
// d. When there is none it stays. Words are handled top-down so that
// lifted heads are back in place before their dependents search.
func deprojectivize(heads []int, labels []string) {
	order := bfs(heads, 0, nil)
	var queue []int
	for _, d := range order {
		l := labels[d]
		i := strings.Index(l, liftSep)
		if i < 0 {
			continue
		}
		want := l[i+len(liftSep):]
		labels[d] = l[:i]
		queue = bfs(heads, heads[d], queue[:0])
		for _, c := range queue[1:] {
			if c != d && baseLabel(labels[c]) == want && !dominates(heads, d, c) {
				heads[d] = c
				break
			}
		}
	}
}

// bfs lists the subtree of top breadth-first, children left to right.
func bfs(heads []int, top int, out []int) []int {
	out = append(out, top)
	for i := 0; i < len(out); i++ {
		x := out[i]
		for c := 1; c < len(heads); c++ {
			if heads[c] == x && c != x {
				out = append(out, c)
			}
		}
	}
	return out
}
