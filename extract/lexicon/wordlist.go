package lexicon

import (
	"bytes"
	"sort"
)

// sortedWords is a word list kept as its file's bytes, one word a line in
// byte order, searched in place: the generated lists are large (French
// common words: 140,000 lines), and a map of them would cost start-up
// time and memory in every process.
type sortedWords struct {
	data   []byte
	starts []int32 // the offset of each line
}

// newSortedWords returns the list of data's lines, comments (#) and blank
// lines aside, or false when the lines are not each a key (see key) in
// strictly increasing byte order: such a list is read row by row.
func newSortedWords(data []byte) (sortedWords, bool) {
	w := sortedWords{data: data}
	var prev []byte
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		line := data[off:end]
		if len(line) > 0 && line[0] != '#' {
			if key(string(line)) != string(line) || prev != nil && bytes.Compare(prev, line) >= 0 || len(data) > 1<<31-1 {
				return sortedWords{}, false
			}
			w.starts = append(w.starts, int32(off))
			prev = line
		}
		off = end + 1
	}
	return w, true
}

// line returns the i-th word.
func (w *sortedWords) line(i int) []byte {
	s := w.data[w.starts[i]:]
	if e := bytes.IndexByte(s, '\n'); e >= 0 {
		return s[:e]
	}
	return s
}

// has reports whether k is in the list.
func (w *sortedWords) has(k string) bool {
	i := sort.Search(len(w.starts), func(i int) bool { return string(w.line(i)) >= k })
	return i < len(w.starts) && string(w.line(i)) == k
}

// len returns the number of words.
func (w *sortedWords) len() int { return len(w.starts) }
