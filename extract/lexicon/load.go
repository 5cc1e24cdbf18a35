package lexicon

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/kgraph/kg/extract/lexicon/internal/inflect"
	"github.com/kgraph/kg/graph"
)

// fileSpec names a lexicon file and the range of its column count.
type fileSpec struct {
	name     string
	min, max int
	optional bool // may be missing from the embedded lexicon
}

// files lists the lexicon files in the order they are read.
var files = []fileSpec{
	// language.tsv comes first: its traits say how the other files
	// read (verb-entries).
	{name: "language", min: 2, max: 2},
	{name: "forms", min: 3, max: 4},
	{name: "verbs", min: 3, max: 5},
	{name: "nouns", min: 3, max: 6},
	{name: "light", min: 4, max: 6},
	{name: "concepts", min: 2, max: 2},
	{name: "titles", min: 2, max: 4},
	{name: "negation", min: 2, max: 2},
	{name: "modal", min: 2, max: 3},
	{name: "auxiliary", min: 3, max: 3},
	{name: "stop", min: 2, max: 3, optional: true},
	{name: "verblist", min: 1, max: 1, optional: true},
	{name: "commonwords", min: 1, max: 1, optional: true},
	{name: "verbgloss", min: 2, max: 3, optional: true},
	{name: "grammar", min: 2, max: 2},
	{name: "nounclass", min: 2, max: 2},
	{name: "verbclass", min: 2, max: 2},
}

// source is one set of lexicon files: the embedded ones or a user's.
type source struct {
	fsys fs.FS
	name func(p string) string // how errors name a file of it
}

// Load returns the lexicon of a language: the embedded files, then each
// extra file system in turn, laid out like the embedded one
// (<lang>/verbs.tsv, <lang>/concepts.tsv...; any file may be missing).
// A user row overrides the row with the same key (verbs: lemma and prep;
// light: verb, noun and prep; concepts, titles, function words: the word
// or phrase), a row with a new key extends, and a row whose predicate,
// concept or role is "-" removes the row with its key. Errors name the
// file and line of a malformed row.
func Load(lang string, extra ...fs.FS) (*Lexicon, error) {
	srcs := []source{{fsys: data, name: func(p string) string { return p }}}
	for i, x := range extra {
		srcs = append(srcs, source{fsys: x, name: func(p string) string { return fmt.Sprintf("extra %d: %s", i+1, p) }})
	}
	return load(lang, srcs)
}

// LoadDirs is Load with user extension directories (the extract.lexicons
// paths of the configuration), each holding <lang>/*.tsv files. A
// directory that does not exist, or holds no <lang> directory for any
// language, is an error: it would otherwise extend nothing, silently.
func LoadDirs(lang string, dirs ...string) (*Lexicon, error) {
	srcs := []source{{fsys: data, name: func(p string) string { return p }}}
	for _, d := range dirs {
		if err := checkDir(d); err != nil {
			return nil, err
		}
		srcs = append(srcs, source{fsys: os.DirFS(d), name: func(p string) string { return filepath.Join(d, filepath.FromSlash(p)) }})
	}
	return load(lang, srcs)
}

// checkDir reports why d cannot be a lexicon extension directory.
func checkDir(d string) error {
	// The key is named for the user, who set it in config.yaml or
	// KG_EXTRACT_LEXICONS.
	fi, err := os.Stat(d)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("lexicon directory %s (extract.lexicons): %w", d, fs.ErrNotExist)
	}
	if err != nil {
		return fmt.Errorf("lexicon directory (extract.lexicons): %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("lexicon directory %s (extract.lexicons): not a directory", d)
	}
	for _, l := range Languages() {
		if fi, err := os.Stat(filepath.Join(d, l)); err == nil && fi.IsDir() {
			return nil
		}
	}
	return fmt.Errorf("lexicon directory %s (extract.lexicons): holds none of %s/: lay it out like extract/lexicon (fr/verbs.tsv, en/concepts.tsv, ...)", d, strings.Join(Languages(), "/, "))
}

// builder accumulates rows from all sources, keyed so that later sources
// override earlier ones.
type builder struct {
	lang     string
	verbs    ordered[Predicate]
	nouns    ordered[Predicate]
	light    ordered[LightVerb]
	concepts ordered[string]
	titles   ordered[Title]
	negation ordered[string]
	modal    ordered[modalRow]
	aux      ordered[Aux]
	stop     ordered[stopRow]
	verblist map[string]bool // word lists need no order, and are large (68,000 words)
	common   map[string]bool
	sorted   []sortedWords // common-word files already sorted, searched in place
	glosses  ordered[Gloss]
	words    ordered[wordRow] // grammar, nounclass and verbclass rows, by file and word
	traits   Traits
	morph    morphology // the inflection rules language.tsv names
	forms    map[string][]Form
	nForms   int
}

// ordered is a map that remembers insertion order, so that indexes list
// rows in file order.
type ordered[V any] struct {
	keys []string
	m    map[string]V
}

func (o *ordered[V]) set(k string, v V) {
	if o.m == nil {
		o.m = map[string]V{}
	}
	if _, ok := o.m[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.m[k] = v
}

func (o *ordered[V]) del(k string) { delete(o.m, k) }

func (o *ordered[V]) each(f func(k string, v V)) {
	for _, k := range o.keys {
		if v, ok := o.m[k]; ok {
			f(k, v)
		}
	}
}

func load(lang string, srcs []source) (*Lexicon, error) {
	if !slices.Contains(Languages(), lang) {
		return nil, fmt.Errorf("lexicon: no lexicon for language %q (have %s)", lang, strings.Join(Languages(), ", "))
	}
	b := &builder{lang: lang, forms: map[string][]Form{}, verblist: map[string]bool{}, common: map[string]bool{}}
	// The traits of every source first, so that a user's language.tsv
	// reads the embedded files too.
	for _, traits := range []bool{true, false} {
		if err := b.readAll(lang, srcs, traits); err != nil {
			return nil, err
		}
	}
	return b.build(), nil
}

// readAll reads the files of every source: language.tsv alone, or the
// others.
func (b *builder) readAll(lang string, srcs []source, traits bool) error {
	for i, src := range srcs {
		for _, spec := range files {
			if (spec.name == "language") != traits {
				continue
			}
			p := path.Join(lang, spec.name+".tsv")
			name := src.name(p)
			f, err := src.fsys.Open(p)
			if errors.Is(err, fs.ErrNotExist) && (i > 0 || spec.optional) {
				continue
			}
			if err != nil {
				return fmt.Errorf("lexicon file %s: %w", name, err)
			}
			if spec.name == "commonwords" {
				err = b.readWords(f, name, spec)
			} else {
				err = b.read(f, name, spec)
			}
			f.Close()
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// readWords reads a common-word file: kept as it is when it is sorted
// (the generated ones are), else read row by row.
func (b *builder) readWords(f fs.File, name string, spec fileSpec) error {
	data, err := io.ReadAll(f)
	if err != nil {
		return fmt.Errorf("lexicon file %s: %w", name, err)
	}
	if w, ok := newSortedWords(data); ok {
		b.sorted = append(b.sorted, w)
		return nil
	}
	return b.read(bytes.NewReader(data), name, spec)
}

// read parses one file and applies its rows.
func (b *builder) read(f io.Reader, name string, spec fileSpec) error {
	seen := map[string]struct {
		line int
		val  string
	}{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		if len(cols) < spec.min || len(cols) > spec.max {
			return fmt.Errorf("%s:%d: %d columns, want %d to %d (tab-separated)", name, n, len(cols), spec.min, spec.max)
		}
		for len(cols) < spec.max {
			cols = append(cols, "")
		}
		k, err := b.apply(spec.name, cols)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if k == "" {
			continue
		}
		val := strings.Join(cols[1:], "\t") // the key column may differ in case or accents
		if s, ok := seen[k]; ok && s.val != val {
			return fmt.Errorf("%s:%d: %q conflicts with line %d", name, n, cols[0], s.line)
		}
		seen[k] = struct {
			line int
			val  string
		}{n, val}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lexicon file %s: %w", name, err)
	}
	return nil
}

// apply adds one row and returns its key, for duplicate detection ("" for
// rows that only accumulate, as in forms.tsv and the word lists).
func (b *builder) apply(file string, c []string) (string, error) {
	for i, s := range c {
		if s == "-" && i > 0 {
			c[i] = ""
		}
	}
	switch file {
	case "forms":
		return "", b.applyForm(c)
	case "verbs", "nouns":
		return b.applyPredicate(file, c)
	case "light":
		return b.applyLight(c)
	case "concepts":
		return b.applyConcept(c)
	case "titles":
		return b.applyTitle(c)
	case "negation":
		return b.applyNegation(c)
	case "modal":
		return b.applyModal(c)
	case "auxiliary":
		return b.applyAux(c)
	case "verblist", "commonwords":
		return b.applyList(file, c)
	case "verbgloss":
		return b.applyGloss(c)
	case "grammar", "nounclass", "verbclass":
		return b.applyWords(file, c)
	case "language":
		k := key(c[0])
		return k, b.applyTrait(k, c[1])
	case "stop":
		return b.applyStop(c)
	}
	return "", fmt.Errorf("unknown lexicon file %s", file)
}

// applyPredicate adds a row of verbs.tsv or nouns.tsv: a word, its preposition and predicate.
func (b *builder) applyPredicate(file string, c []string) (string, error) {
	e, err := b.entry(c[0], file == "verbs")
	if err != nil {
		return "", err
	}
	k := key(c[0]) + "\t" + key(c[1])
	if c[2] == "" {
		b.table(file).del(k)
		return k, nil
	}
	cl, sym, err := checkRow(c[2], c[3], c[4])
	if err != nil {
		return "", err
	}
	p := Predicate{Lemma: e.base, Prep: key(c[1]), Predicate: c[2], Class: cl, Symmetric: sym,
		Reflexive: e.reflexive, Particle: e.particle, Entry: key(c[0])}
	if file == "nouns" {
		p.Agent = key(c[5])
	}
	b.table(file).set(k, p)
	return k, nil
}

// applyLight adds a row of light.tsv: a light verb with its noun and preposition.
func (b *builder) applyLight(c []string) (string, error) {
	e, err := b.entry(c[0], true)
	if err != nil {
		return "", err
	}
	if c[1] == "" {
		return "", fmt.Errorf("light verb %q without a noun", c[0])
	}
	k := key(c[0]) + "\t" + key(c[1]) + "\t" + key(c[2])
	if c[3] == "" {
		b.light.del(k)
		return k, nil
	}
	cl, sym, err := checkRow(c[3], c[4], c[5])
	if err != nil {
		return "", err
	}
	b.light.set(k, LightVerb{Verb: e.base, Noun: key(c[1]), Prep: key(c[2]), Predicate: c[3], Class: cl,
		Symmetric: sym, Reflexive: e.reflexive, Particle: e.particle, Entry: key(c[0])})
	return k, nil
}

// applyConcept adds a row of concepts.tsv: a phrase and its concept.
func (b *builder) applyConcept(c []string) (string, error) {
	k := graph.Fold(c[0])
	if k == "" {
		return "", errors.New("empty phrase")
	}
	if c[1] == "" {
		b.concepts.del(k)
	} else {
		b.concepts.set(k, c[1])
	}
	return k, nil
}

// applyTitle adds a row of titles.tsv: a title, its role, domain and body.
func (b *builder) applyTitle(c []string) (string, error) {
	k := graph.Fold(c[0])
	if k == "" {
		return "", errors.New("empty title")
	}
	if c[1] == "" {
		b.titles.del(k)
	} else {
		b.titles.set(k, Title{Role: c[1], Domain: c[2], Of: c[3]})
	}
	return k, nil
}

// applyNegation adds a row of negation.tsv: a word and its kind of negation.
func (b *builder) applyNegation(c []string) (string, error) {
	k := key(c[0])
	switch c[1] {
	case "":
		b.negation.del(k)
	case "neg", "post", "restrict":
		b.negation.set(k, c[1])
	default:
		return "", fmt.Errorf("negation kind %q: want neg, post or restrict", c[1])
	}
	return k, nil
}

// applyModal adds a row of modal.tsv: a word or verb and the modality it gives.
func (b *builder) applyModal(c []string) (string, error) {
	k := key(c[0])
	if c[1] == "" {
		b.modal.del(k)
		return k, nil
	}
	m := graph.Modality(c[1])
	if !slices.Contains([]graph.Modality{graph.Hypothetical, graph.Reported, graph.Intended, graph.Considered}, m) {
		return "", fmt.Errorf("modality %q: want hypothetical, reported, intended or considered", c[1])
	}
	if c[2] != "" && c[2] != "form" && c[2] != "lemma" {
		return "", fmt.Errorf("modal kind %q: want form or lemma", c[2])
	}
	b.modal.set(k, modalRow{modality: m, lemma: c[2] == "lemma"})
	return k, nil
}

// applyAux adds a row of auxiliary.tsv: a form and its auxiliary.
func (b *builder) applyAux(c []string) (string, error) {
	k := key(c[0])
	if c[1] == "" {
		b.aux.del(k)
		return k, nil
	}
	b.aux.set(k, Aux{Lemma: key(c[1]), Kind: c[2]})
	return k, nil
}

// applyList adds a word of a word list (verblist.tsv, commonwords.tsv).
func (b *builder) applyList(file string, c []string) (string, error) {
	list, what := b.verblist, "verb"
	if file == "commonwords" {
		list, what = b.common, "word"
	}
	k := key(c[0])
	if k == "" {
		return "", errors.New("empty " + what)
	}
	list[k] = true
	return "", nil // a word list only accumulates: nothing can conflict
}

// applyGloss adds a row of verbgloss.tsv: a verb and its English.
func (b *builder) applyGloss(c []string) (string, error) {
	e, err := b.entry(c[0], true)
	if err != nil {
		return "", err
	}
	k := key(c[0])
	if c[1] == "" {
		b.glosses.del(k)
		return k, nil
	}
	for _, p := range []string{c[1], c[2]} {
		if p == "" {
			continue
		}
		if err := checkPredicate(p); err != nil {
			return "", err
		}
	}
	b.glosses.set(k, Gloss{Lemma: e.base, Reflexive: e.reflexive, Predicate: c[1], Passive: c[2]})
	return k, nil
}

// applyWords adds a row of grammar.tsv, nounclass.tsv or verbclass.tsv: a word and its classes.
func (b *builder) applyWords(file string, c []string) (string, error) {
	k := key(c[0])
	if k == "" {
		return "", errors.New("empty word")
	}
	if c[1] == "" {
		b.words.del(file + "\t" + k)
		return k, nil
	}
	cls, err := parseClasses(file, c[1])
	if err != nil {
		return "", err
	}
	b.words.set(file+"\t"+k, wordRow{word: k, classes: cls})
	return k, nil
}

// applyStop adds a row of stop.tsv: a word, its classes and base form.
func (b *builder) applyStop(c []string) (string, error) {
	k := key(c[0])
	if c[1] == "" {
		b.stop.del(k)
		return k, nil
	}
	cls := strings.Split(c[1], ",")
	for _, cl := range cls {
		if !slices.Contains([]string{"det", "prep", "pron", "conj", "premod"}, cl) {
			return "", fmt.Errorf("stop class %q: want det, prep, pron, conj or premod", cl)
		}
	}
	b.stop.set(k, stopRow{classes: cls, base: key(c[2])})
	return k, nil
}

func (b *builder) table(file string) *ordered[Predicate] {
	if file == "nouns" {
		return &b.nouns
	}
	return &b.verbs
}

func (b *builder) applyForm(c []string) error {
	if c[0] == "" || c[1] == "" {
		return errors.New("form and lemma must not be empty")
	}
	pos := c[2]
	if pos != "verb" && pos != "noun" {
		return fmt.Errorf("part of speech %q: want verb or noun", pos)
	}
	var tags []string
	if c[3] != "" {
		tags = strings.Split(c[3], ",")
	}
	b.addForm(c[0], Form{Lemma: key(c[1]), POS: pos, Tags: tags})
	return nil
}

// addForm records a form, merging the tags of a form already known for
// the same lemma and part of speech.
func (b *builder) addForm(form string, f Form) {
	k := key(form)
	for i, g := range b.forms[k] {
		if g.Lemma == f.Lemma && g.POS == f.POS {
			for _, t := range f.Tags {
				if !slices.Contains(g.Tags, t) {
					b.forms[k][i].Tags = append(b.forms[k][i].Tags, t)
				}
			}
			return
		}
	}
	b.forms[k] = append(b.forms[k], f)
	b.nForms++
}

// entry is a verb lemma as written, split into its parts.
type entry struct {
	base      string
	reflexive bool
	particle  string
}

// parseEntry splits "se rendre", "s'en prendre" (reflexive entries, as
// Traits.ReflexiveEntries says) or "rule out".
func parseEntry(reflexive bool, s string) entry {
	s = key(s)
	var e entry
	if reflexive {
		switch {
		case strings.HasPrefix(s, "se "):
			e.reflexive, s = true, s[3:]
		case strings.HasPrefix(s, "s'"):
			e.reflexive, s = true, s[2:]
		}
		if e.reflexive {
			switch {
			case strings.HasPrefix(s, "en "):
				e.particle, s = "en", s[3:]
			case strings.HasPrefix(s, "y "):
				e.particle, s = "y", s[2:]
			}
		}
		e.base = s
		return e
	}
	fs := strings.Fields(s)
	if len(fs) > 0 {
		e.base, e.particle = fs[0], strings.Join(fs[1:], " ")
	}
	return e
}

func (b *builder) entry(s string, verb bool) (entry, error) {
	if s == "" {
		return entry{}, errors.New("empty lemma")
	}
	if !verb {
		return entry{base: key(s)}, nil
	}
	e := parseEntry(b.traits.ReflexiveEntries, s)
	// Reflexive entries have no particle after the verb: the words
	// left are a noun.
	if b.traits.ReflexiveEntries && strings.ContainsAny(e.base, " '") {
		return e, fmt.Errorf("verb %q: want an infinitive, optionally after se/s' (put verb + noun in light.tsv)", s)
	}
	return e, nil
}

// checkRow validates the predicate, class and sym columns.
func checkRow(pred, class, sym string) (Class, bool, error) {
	if err := checkPredicate(pred); err != nil {
		return "", false, err
	}
	cl := Class(class)
	if cl == "" {
		cl = Action
	}
	if !slices.Contains(classes, cl) {
		return "", false, fmt.Errorf("class %q: want one of action, speech, modal:considered, modal:intended, neg, aspect", class)
	}
	switch sym {
	case "", "0":
		return cl, false, nil
	case "1":
		return cl, true, nil
	}
	return "", false, fmt.Errorf("sym %q: want 0 or 1", sym)
}

// checkPredicate enforces the contract's form of a predicate: lower case,
// present tense, third person singular ("meets", "rules out", "is
// foreign minister of").
func checkPredicate(p string) error {
	if p != strings.ToLower(p) || p != strings.Join(strings.Fields(p), " ") {
		return fmt.Errorf("predicate %q: want lower case, single spaces", p)
	}
	first, _, _ := strings.Cut(p, " ")
	if first != "is" && first != "has" && !strings.HasSuffix(first, "s") {
		return fmt.Errorf("predicate %q: want present tense, third person singular (meets, rules out)", p)
	}
	return nil
}

// build indexes the rows and adds the forms of verbs that forms.tsv does
// not cover (verbs from user files).
func (b *builder) build() *Lexicon {
	l := &Lexicon{
		lang:        b.lang,
		verbs:       map[string][]Predicate{},
		nouns:       map[string][]Predicate{},
		light:       map[[2]string][]LightVerb{},
		concepts:    map[string]string{},
		titles:      map[string]Title{},
		titleStarts: map[string]bool{},
		negation:    map[string]string{},
		modal:       map[string]modalRow{},
		aux:         map[string]Aux{},
		stop:        map[string]stopRow{},
		glosses:     map[string][]Gloss{},
		words:       map[WordClass]map[string]string{},
		drop:        map[string]bool{},
		foldForms:   map[string][]Form{},
		stats:       map[string]int{},
	}
	known := map[string]bool{}
	for _, fs := range b.forms {
		for _, f := range fs {
			if f.POS == "verb" {
				known[f.Lemma] = true
			}
		}
	}
	need := func(base string) {
		if known[base] {
			return
		}
		known[base] = true
		var gen []inflect.Form
		if b.morph.verbForms != nil {
			gen = b.morph.verbForms(base)
		}
		b.addForm(base, Form{Lemma: base, POS: "verb", Tags: []string{inflect.Inf}})
		for _, g := range gen {
			b.addForm(g.Word, Form{Lemma: base, POS: "verb", Tags: []string{g.Tag}})
		}
	}
	entries := map[string]bool{}
	b.verbs.each(func(_ string, p Predicate) {
		l.verbs[p.Lemma] = append(l.verbs[p.Lemma], p)
		entries[p.Entry] = true
		l.stats["verbs"]++
		need(p.Lemma)
	})
	for base, rows := range l.verbs {
		if f := graph.Fold(base); f != base {
			l.verbs[f] = append(l.verbs[f], rows...)
		}
	}
	l.stats["verb lemmas"] = len(entries)
	b.nouns.each(func(_ string, p Predicate) {
		l.nouns[p.Lemma] = append(l.nouns[p.Lemma], p)
		l.stats["nouns"]++
	})
	for n, rows := range l.nouns {
		if f := graph.Fold(n); f != n {
			l.nouns[f] = append(l.nouns[f], rows...)
		}
	}
	b.light.each(func(_ string, v LightVerb) {
		k := [2]string{v.Verb, v.Noun}
		l.light[k] = append(l.light[k], v)
		if fk := [2]string{graph.Fold(v.Verb), graph.Fold(v.Noun)}; fk != k {
			l.light[fk] = append(l.light[fk], v)
		}
		l.stats["light"]++
		need(v.Verb)
	})
	b.concepts.each(func(k, v string) {
		l.concepts[k] = v
		l.conceptMax = max(l.conceptMax, len(strings.Fields(k)))
		l.stats["concepts"]++
	})
	b.titles.each(func(k string, v Title) {
		l.titles[k] = v
		l.titleMax = max(l.titleMax, len(strings.Fields(k)))
		if f := strings.Fields(k); len(f) > 0 {
			l.titleStarts[f[0]] = true
		}
		l.stats["titles"]++
	})
	b.negation.each(func(k, v string) { l.negation[k] = v; l.stats["negation"]++ })
	l.verblist, l.common, l.sorted = b.verblist, b.common, b.sorted
	l.stats["verblist"], l.stats["commonwords"] = len(b.verblist), len(b.common)
	for _, w := range b.sorted {
		l.stats["commonwords"] += w.len()
	}
	b.glosses.each(func(_ string, g Gloss) {
		l.glosses[g.Lemma] = append(l.glosses[g.Lemma], g)
		if f := graph.Fold(g.Lemma); f != g.Lemma {
			l.glosses[f] = append(l.glosses[f], g)
		}
		l.stats["verbgloss"]++
	})
	b.modal.each(func(k string, v modalRow) {
		l.modal[k] = v
		l.stats["modal"]++
		if v.lemma {
			need(k)
		}
	})
	b.aux.each(func(k string, v Aux) { l.aux[k] = v; l.stats["auxiliary"]++ })
	b.stop.each(func(k string, v stopRow) {
		l.stop[k] = v
		l.stats["stop"]++
		if slices.Contains(v.classes, "det") || slices.Contains(v.classes, "premod") {
			l.drop[graph.Fold(k)] = true
		}
	})
	b.words.each(func(k string, r wordRow) {
		file, _, _ := strings.Cut(k, "\t")
		l.stats[file]++
		for c, v := range r.classes {
			if l.words[c] == nil {
				l.words[c] = map[string]string{}
			}
			l.words[c][r.word] = v
		}
	})
	l.traits = b.traits
	l.morph = b.morph
	l.forms = b.forms
	for k, fs := range b.forms {
		if f := graph.Fold(k); f != k {
			l.foldForms[f] = append(l.foldForms[f], fs...)
		}
	}
	l.stats["forms"] = b.nForms
	return l
}
