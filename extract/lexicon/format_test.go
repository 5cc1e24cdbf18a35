package lexicon

import (
	"bufio"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/lexicon/internal/inflect"
)

// rawRows reads the data rows of an embedded file, checking its header.
func rawRows(t *testing.T, lang string, spec fileSpec) (rows [][]string, lines []int) {
	t.Helper()
	p := path.Join(lang, spec.name+".tsv")
	f, err := data.Open(p)
	if err != nil && spec.optional && errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if n == 1 && !strings.HasPrefix(l, "# "+spec.name+".tsv: ") {
			t.Errorf("%s:1: want a header comment starting %q", p, "# "+spec.name+".tsv: ")
		}
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cols := strings.Split(l, "\t")
		if len(cols) != spec.max {
			t.Errorf("%s:%d: %d columns, want %d", p, n, len(cols), spec.max)
		}
		for _, c := range cols {
			if c == "" || c != strings.TrimSpace(c) || strings.Contains(c, "  ") {
				t.Errorf("%s:%d: empty column or stray spaces in %q (write - for none)", p, n, l)
			}
		}
		rows, lines = append(rows, cols), append(lines, n)
	}
	return rows, lines
}

func TestFormat(t *testing.T) {
	for _, lang := range Languages() {
		for _, spec := range files {
			rows, lines := rawRows(t, lang, spec)
			p := path.Join(lang, spec.name+".tsv")
			seen := map[string]int{}
			for i, r := range rows {
				if len(r) != spec.max {
					continue
				}
				k := strings.Join(r, "\t")
				if spec.name != "forms" {
					if first, ok := seen[k]; ok {
						t.Errorf("%s:%d: repeats line %d", p, lines[i], first)
					}
					seen[k] = lines[i]
				}
				var pred, class, sym string
				switch spec.name {
				case "verbs", "nouns":
					pred, class, sym = r[2], r[3], r[4]
				case "light":
					pred, class, sym = r[3], r[4], r[5]
				case "verbgloss":
					for _, p := range r[1:] {
						if p == "-" {
							continue
						}
						if err := checkPredicate(p); err != nil {
							t.Errorf("%s:%d: %v", path.Join(lang, spec.name+".tsv"), lines[i], err)
						}
					}
					continue
				default:
					continue
				}
				if err := checkPredicate(pred); err != nil {
					t.Errorf("%s:%d: %v", p, lines[i], err)
				}
				if !slices.Contains(classes, Class(class)) {
					t.Errorf("%s:%d: class %q", p, lines[i], class)
				}
				if sym != "0" && sym != "1" {
					t.Errorf("%s:%d: sym %q, want 0 or 1", p, lines[i], sym)
				}
			}
		}
	}
}

// TestSymmetry checks that a predicate is symmetric in every row or in
// none, whichever word expresses it.
func TestSymmetry(t *testing.T) {
	for _, lang := range Languages() {
		sym := map[string]string{}
		for _, spec := range files {
			if spec.name != "verbs" && spec.name != "nouns" && spec.name != "light" {
				continue
			}
			rows, lines := rawRows(t, lang, spec)
			for i, r := range rows {
				pred, s := r[len(r)-3], r[len(r)-1]
				if spec.name == "nouns" {
					pred, s = r[2], r[4]
				}
				where := spec.name + ".tsv:" + strconv.Itoa(lines[i])
				if prev, ok := sym[pred]; ok && prev[:1] != s {
					t.Errorf("%s %s: %q has sym %s, but sym %s at %s", lang, where, pred, s, prev[:1], prev[2:])
				}
				sym[pred] = s + " " + where
			}
		}
	}
}

// TestCounts checks the minimum sizes the extractor was promised.
func TestCounts(t *testing.T) {
	least := map[string]int{"verb lemmas": 300, "verbs": 300, "nouns": 60, "light": 30, "concepts": 200, "titles": 80,
		"negation": 8, "modal": 8, "auxiliary": 20, "forms": 1000, "stop": 50}
	for _, lang := range Languages() {
		st := mustLoad(t, lang).Stats()
		for k, m := range least {
			if st[k] < m {
				t.Errorf("%s: %d %s, want at least %d", lang, st[k], k, m)
			}
		}
		t.Logf("%s: %v", lang, st)
	}
}

// TestFormsUpToDate checks that forms.tsv was regenerated after the verb
// lists or the French models changed: every verb of verbs.tsv and
// light.tsv has its forms in it.
func TestFormsUpToDate(t *testing.T) {
	const regen = "run go run ./extract/lexicon/internal/gen"
	for _, lang := range Languages() {
		// Load would conjugate missing verbs itself; read forms.tsv alone.
		b := &builder{lang: lang, forms: map[string][]Form{}}
		f, err := data.Open(path.Join(lang, "forms.tsv"))
		if err != nil {
			t.Fatal(err)
		}
		if err := b.read(f, lang+"/forms.tsv", fileSpec{name: "forms", min: 3, max: 4}); err != nil {
			t.Fatal(err)
		}
		f.Close()
		has := func(form, lemma, tag string) bool {
			for _, g := range b.forms[key(form)] {
				if g.Lemma == lemma && g.POS == "verb" && slices.Contains(g.Tags, tag) {
					return true
				}
			}
			return false
		}
		var lemmas []string
		for _, name := range []string{"verbs", "light"} {
			rows, _ := rawRows(t, lang, fileSpec{name: name, max: map[string]int{"verbs": 5, "light": 6}[name]})
			for _, r := range rows {
				lemmas = append(lemmas, parseEntry(lang == "fr", r[0]).base)
			}
		}
		for _, v := range lemmas {
			if lang == "fr" {
				fs, err := inflect.French(v)
				if err != nil {
					t.Errorf("fr: %v", err)
					continue
				}
				for _, g := range fs {
					if !has(g.Word, v, g.Tag) {
						t.Errorf("fr/forms.tsv lacks %s %s of %s: %s", g.Tag, g.Word, v, regen)
						break
					}
				}
				continue
			}
			if !has(v, v, inflect.Base) || !has(englishS3(v), v, inflect.S3) {
				t.Errorf("en/forms.tsv lacks the forms of %s: %s", v, regen)
			}
		}
	}
}

func englishS3(v string) string {
	switch v {
	case "have":
		return "has"
	case "be":
		return "is"
	}
	return inflect.English(v)[1].Word
}

// TestNounsReachable checks that every noun lemma of nouns.tsv and
// light.tsv is what NounLemma returns for it, since extractors look nouns
// up by NounLemma.
func TestNounsReachable(t *testing.T) {
	for _, lang := range Languages() {
		l := mustLoad(t, lang)
		for _, spec := range []fileSpec{{name: "nouns", max: 6}, {name: "light", max: 6}} {
			rows, lines := rawRows(t, lang, spec)
			for i, r := range rows {
				n := r[0]
				if spec.name == "light" {
					n = r[1]
				}
				if strings.Contains(n, " ") {
					continue
				}
				if got := l.NounLemma(n); got != n {
					t.Errorf("%s/%s.tsv:%d: noun %q is unreachable: NounLemma(%q) = %q", lang, spec.name, lines[i], n, n, got)
				}
			}
		}
	}
}
