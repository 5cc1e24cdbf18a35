package extract

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/extract/entity"
	"github.com/kgraph/kg/extract/gazetteer"
	"github.com/kgraph/kg/extract/lang"
	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/model"
	"github.com/kgraph/kg/extract/relate"
	"github.com/kgraph/kg/extract/relmodel"
	"github.com/kgraph/kg/extract/segment"
	"github.com/kgraph/kg/graph"
)

// Options configures an Extractor; see config.Extract for their meaning.
type Options struct {
	Lang           string
	Languages      []string
	CapitalAsState bool
	MinConfidence  float64
	Lexicons       []string // directories of extra lexicon files
	// Models names a model file per language; a language without one
	// uses its built-in model, if kg ships one.
	Models map[string]string
	// NoSyntax skips the syntactic core (faster; relations by position
	// only).
	NoSyntax bool
	// Aliases is a user's alias file (see entity.ReadAliases); "" for none.
	Aliases string
	// Relations chooses who decides the relations: "learned" (the
	// relation model; the default) or "rules" (the hand-written rules
	// alone, the baseline).
	Relations string
	// RelationModel names a relation model file made by "kg model train
	// --relations"; "" uses the built-in one.
	RelationModel string
	// Backend chooses who reads the relations: BackendLocal ("" too) or
	// BackendLLM, a language model configured by LLM.
	Backend string
	LLM     LLMOptions
}

// language is what extraction needs for one language.
type language struct {
	lexicon    *lexicon.Lexicon
	recognizer *entity.Recognizer
	relater    *relate.Relater
	model      *model.Model // nil when the language has none
}

// Extractor extracts triples from documents. It is read-only after New
// and safe for concurrent use.
type Extractor struct {
	opts     Options
	detector *lang.Detector
	translit entity.Translit
	aliases  entity.Aliases
	gaz      *gazetteer.Gazetteer
	langs    map[string]*language
	rel      *relmodel.Model // nil: relations by the rules
	keepAll  bool            // return the relation model's triples below the threshold too
	known    []string        // languages kg knows: detected or with a lexicon
	prints   map[string]string
	llm      *llmBackend // nil: the local backend
}

// New loads the embedded models and lexicons (and the extra lexicon files
// of opts) for every language of opts.Languages.
func New(opts Options) (*Extractor, error) {
	det, err := lang.NewDetector()
	if err != nil {
		return nil, fmt.Errorf("language detector: %w", err)
	}
	gaz, err := gazetteer.New()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	tr, err := entity.LoadTranslit()
	if err != nil {
		return nil, err
	}
	x := &Extractor{opts: opts, detector: det, translit: tr, gaz: gaz, langs: map[string]*language{}}
	useLLM := false
	switch opts.Backend {
	case "", BackendLocal:
	case BackendLLM:
		useLLM = true
	default:
		return nil, fmt.Errorf("extract: backend %q: want local or llm", opts.Backend)
	}
	if opts.Aliases != "" {
		if x.aliases, err = entity.LoadAliases(opts.Aliases); err != nil {
			return nil, err
		}
	}
	supported := lexicon.Languages()
	x.known = slices.Compact(slices.Sorted(slices.Values(append(det.Languages(), supported...))))
	// A language kg does not know would be stored as the document's, and
	// the document never extracted.
	if opts.Lang != "" && !slices.Contains(x.known, opts.Lang) {
		return nil, fmt.Errorf("extract: language %q: kg knows %s", opts.Lang, strings.Join(x.known, ", "))
	}
	for _, l := range opts.Languages {
		if !slices.Contains(supported, l) {
			return nil, fmt.Errorf("extract: no lexicon for language %q (have %s)", l, strings.Join(supported, ", "))
		}
		lex, err := lexicon.LoadDirs(l, opts.Lexicons...)
		if err != nil {
			return nil, fmt.Errorf("lexicon %s: %w", l, err)
		}
		rec, err := entity.NewRecognizer(l, gaz, lex)
		if err != nil {
			return nil, err
		}
		lg := &language{lexicon: lex, recognizer: rec, relater: relate.New(l, lex, opts.CapitalAsState)}
		if !opts.NoSyntax && !useLLM {
			if lg.model, err = loadModel(l, opts.Models[l]); err != nil {
				return nil, err
			}
		}
		x.langs[l] = lg
	}
	switch opts.Relations {
	case "", "learned":
		if opts.NoSyntax || useLLM {
			break // the model reads trees; a language model reads for itself
		}
		if opts.RelationModel != "" {
			x.rel, err = relmodel.Load(opts.RelationModel)
		} else {
			x.rel, err = relmodel.Builtin()
			if errors.Is(err, relmodel.ErrNoModel) {
				err = nil // a build without one reads by the rules
			}
		}
		if err != nil {
			return nil, err
		}
	case "rules":
	default:
		return nil, fmt.Errorf("extract: relations %q: want learned or rules", opts.Relations)
	}
	if useLLM {
		if x.llm, err = x.newLLMBackend(opts.LLM); err != nil {
			return nil, err
		}
	}
	if x.prints, err = x.fingerprints(); err != nil {
		return nil, err
	}
	return x, nil
}

// KnownLanguages returns, sorted, the ISO 639-1 codes of the languages kg
// knows: those it detects and those it extracts.
func (x *Extractor) KnownLanguages() []string { return slices.Clone(x.known) }

// Fingerprint names what the extractor reads a document in lang with,
// besides its text: "" when lang is not extracted. Two extractors with
// the same fingerprint for a language extract the same triples from its
// documents, so a store need not extract a document again unless its text,
// language or fingerprint changed. See fingerprints for what it covers.
func (x *Extractor) Fingerprint(lang string) string { return x.prints[lang] }

// Identify sets what Extract will read doc with: its language (from
// Options.Lang, else the document's own, else by detection) and
// doc.Extraction, the fingerprint of that language.
func (x *Extractor) Identify(doc *graph.Document) {
	if x.opts.Lang != "" {
		doc.Lang = x.opts.Lang
	}
	if doc.Lang == "" {
		doc.Lang, _ = x.detector.Detect(doc.Text)
	}
	doc.Extraction = x.prints[doc.Lang]
}

// Threshold returns the confidence from which the extractor states a
// triple: Options.MinConfidence when set, else the relation model's own
// threshold (chosen in training), else 0.
func (x *Extractor) Threshold() float64 {
	if x.opts.MinConfidence > 0 || x.rel == nil {
		return x.opts.MinConfidence
	}
	return x.rel.Threshold()
}

// KeepingAll returns an extractor like x whose relation model states
// every triple it scores at least relmodel.Floor, whatever the
// threshold: for precision–recall curves.
func (x *Extractor) KeepingAll() *Extractor {
	y := *x
	y.keepAll = true
	return &y
}

// RelationModel returns the relation model the extractor uses, or nil
// when relations are read by the rules.
func (x *Extractor) RelationModel() *relmodel.Model { return x.rel }

// Lexicon returns the lexicon of a language the extractor reads, or nil.
func (x *Extractor) Lexicon(lang string) *lexicon.Lexicon {
	if lg := x.langs[lang]; lg != nil {
		return lg.lexicon
	}
	return nil
}

// Result is what extraction made of one document.
type Result struct {
	Triples   []graph.Triple
	Entities  []graph.Entity
	Sentences int
	Tokens    int
	// Skipped says why the document was not extracted (its language),
	// empty when it was.
	Skipped string
	// LLM is what the llm backend did for the document (also when it
	// failed); zero for the local backend.
	LLM LLMStats
}

// Extract extracts the triples of doc. It sets doc.Lang and
// doc.Extraction as Identify does.
func (x *Extractor) Extract(ctx context.Context, doc *graph.Document) (res Result, err error) {
	// A rule that fails on some odd sentence must cost that document,
	// not the run: the caller reports the error and goes on.
	defer func() {
		if p := recover(); p != nil {
			res, err = Result{}, fmt.Errorf("extraction failed (a bug in kg; please report it with this document): %v", p)
		}
	}()
	x.Identify(doc)
	lg := x.langs[doc.Lang]
	if lg == nil {
		why := fmt.Sprintf("language %q is not extracted", doc.Lang)
		if doc.Lang == "" {
			why = "language not recognised"
		}
		return Result{Skipped: why}, nil
	}
	if x.llm != nil {
		return x.extractLLM(ctx, doc, lg)
	}
	an, ents, tokens := x.analyse(ctx, doc, lg)
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	res = Result{Sentences: len(an.Sentences), Tokens: tokens, Entities: ents}
	if x.rel != nil {
		min := x.Threshold()
		if x.keepAll {
			min = 0
		}
		for _, f := range x.rel.Relations(an.Sentences, lg.lexicon, min) {
			res.Triples = append(res.Triples, placed(f.Triple, doc, an.Spans[f.Sent]))
		}
		res.Triples = dedupe(res.Triples)
		return res, nil
	}
	for i, s := range an.Sentences {
		for _, t := range s.Rules {
			if t.Confidence < x.opts.MinConfidence {
				continue
			}
			res.Triples = append(res.Triples, placed(t, doc, an.Spans[i]))
		}
	}
	res.Triples = dedupe(specific(res.Triples))
	return res, nil
}

// placed gives a triple the document and sentence it was read in.
func placed(t graph.Triple, doc *graph.Document, sp graph.Span) graph.Triple {
	t.Doc, t.Sentence, t.Lang, t.Span = doc.ID, doc.Text[sp.Start:sp.End], doc.Lang, sp
	return t
}

// Analyse reads a document up to its relations: sentences, resolved
// mentions, trees and the rules' triples. The relation model trains on
// it. The document's language must be set.
func (x *Extractor) Analyse(ctx context.Context, doc *graph.Document) (d relmodel.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("analysis of %s failed (a bug in kg; please report it with this document): %v", doc.ID, p)
		}
	}()
	lg := x.langs[doc.Lang]
	if lg == nil {
		return relmodel.Document{}, fmt.Errorf("document %s: language %q is not extracted", doc.ID, doc.Lang)
	}
	d, _, _ = x.analyse(ctx, doc, lg)
	return d, ctx.Err()
}

// analyse splits, recognises, resolves and parses a document's
// sentences and runs the relation rules on each.
func (x *Extractor) analyse(ctx context.Context, doc *graph.Document, lg *language) (relmodel.Document, []graph.Entity, int) {
	sents := segment.Split(doc.Text, lg.lexicon.Traits().Spelling)
	out := relmodel.Document{ID: doc.ID, Lang: doc.Lang, Text: doc.Text}
	capitalised := capitalisedWords(sents)
	tokens := 0

	// Recognise every sentence first, so that resolution knows the full
	// names of persons before their surnames appear alone.
	mentions := make([][]entity.Mention, len(sents))
	for i, s := range sents {
		if i%64 == 0 && ctx.Err() != nil {
			return out, nil, tokens
		}
		tokens += len(s.Tokens)
		mentions[i] = lg.recognizer.Sentence(doc.Text, s.Tokens, capitalised)
	}
	home := x.homeCountry(mentions)
	assumed := false
	if home == "" {
		// French news that names no country of its own is French:
		// "la ministre de la Culture" is France's.
		home, assumed = defaultHome[doc.Lang], true
	}
	resolver := entity.NewResolver(x.translit).WithAliases(x.aliases)
	stated := map[[2]string]bool{} // person and role predicate with a stated country
	derived := make([][]graph.Triple, len(sents))
	for _, ms := range mentions {
		resolver.Prime(ms)
	}
	for i, s := range sents {
		if i%64 == 0 && ctx.Err() != nil {
			return out, nil, tokens
		}
		resolved := mentions[i][:0]
		for k, m := range mentions[i] {
			if resolver.Resolve(&m, i) {
				resolved = append(resolved, m)
				if k+1 < len(mentions[i]) {
					if abbr, ok := abbreviation(s.Tokens, m, mentions[i][k+1]); ok {
						resolver.Abbreviation(m, abbr)
					}
				}
			}
		}
		sent := relate.Sentence{Src: doc.Text, Tokens: s.Tokens, Mentions: resolved, Home: home, HomeAssumed: assumed}
		if s.Dateline {
			// Where the story was filed states no relation: "WAPPINGERS
			// FALLS, N.Y., April 13 -" is no falling.
			out.Sentences = append(out.Sentences, relmodel.Sentence{Sentence: sent, Lang: doc.Lang, Demonym: x.gaz.Demonym})
			out.Spans = append(out.Spans, graph.Span{Start: s.Start, End: s.End})
			continue
		}
		if lg.model != nil {
			sent.Words = analyse(lg.model, lg.lexicon, s.Tokens)
			mendVerbLemmas(sent.Words, lg.lexicon)
			raiseInvertedGovernors(sent.Words)
			unhookFromTimeWords(sent.Words, lg.lexicon)
			lg.countUnmapped(doc, sent.Words)
		}
		rules := lg.relater.Relations(sent)
		roles, homeRoles := x.roleTriples(doc.Lang, s.Tokens, resolved, home, assumed)
		rules = append(rules, roles...)
		for _, t := range roles {
			stated[[2]string{t.Subject, t.Predicate}] = true
		}
		derived[i] = homeRoles
		out.Sentences = append(out.Sentences, relmodel.Sentence{Sentence: sent, Lang: doc.Lang, Rules: rules, Demonym: x.gaz.Demonym, Title: doc.Title})
		out.Spans = append(out.Spans, graph.Span{Start: s.Start, End: s.End})
	}
	for i, ts := range dropDerived(derived, stated) {
		out.Sentences[i].Rules = append(out.Sentences[i].Rules, ts...)
	}
	return out, resolver.Entities(), tokens
}

// countUnmapped adds to doc.Unmapped the verbs of a sentence that the
// lexicon maps to no predicate (no verbs.tsv row, no gloss), by their lemma.
func (lg *language) countUnmapped(doc *graph.Document, words []relate.Word) {
	mapped := func(l string) bool { return len(lg.lexicon.Verbs(l)) > 0 || len(lg.lexicon.Glosses(l)) > 0 }
	for i, w := range words {
		if w.UPOS != "VERB" {
			continue
		}
		// "according to", "selon": a preposition the tagger may call a
		// verb.
		if strings.EqualFold(w.Form, "according") && i+1 < len(words) && strings.EqualFold(words[i+1].Form, "to") {
			continue
		}
		lemma := strings.ToLower(w.Lemma)
		if lemma == "" || mapped(lemma) || lg.lexicon.IsAux(strings.ToLower(w.Form)) {
			continue
		}
		known := false
		for _, l := range lg.lexicon.Lemma(strings.ToLower(w.Form)) {
			known = known || mapped(l)
		}
		if known {
			continue
		}
		if doc.Unmapped == nil {
			doc.Unmapped = map[string]int{}
		}
		doc.Unmapped[lemma]++
	}
}

// loadModel loads the syntactic model of lang: the named file, else the
// built-in one; nil when kg ships none for lang.
func loadModel(lang, path string) (*model.Model, error) {
	if path != "" {
		return model.Load(path, lang)
	}
	m, err := model.Builtin(lang)
	if errors.Is(err, model.ErrNoModel) {
		return nil, nil
	}
	return m, err
}

// abbreviation reports a name followed by its abbreviation in
// parentheses, "Ligue des droits de l'homme (LDH)", and returns the
// abbreviation.
func abbreviation(toks []segment.Token, m, next entity.Mention) (string, bool) {
	if next.Known || next.Start != m.End+1 || next.End != next.Start+1 || next.End >= len(toks) ||
		toks[m.End].Text != "(" || toks[next.End].Text != ")" {
		return "", false
	}
	abbr := toks[next.Start].Text
	if len(abbr) < 2 || strings.ToUpper(abbr) != abbr || strings.ToLower(abbr) == abbr {
		return "", false
	}
	return abbr, true
}

// roleTriples states the titles read next to names: "le ministre français
// des Affaires étrangères, Jean-Marc Ayrault" → (Jean-Marc Ayrault, is
// foreign minister of, France).
//
// A national title with no country ("le Premier ministre Jean Castex")
// is of the document's home country, when it has one.
//
// Triples whose country is the document's home (or its language's) come
// apart, in derived: a country the document states for the same person
// and title elsewhere wins over them (see dropDerived).
func (x *Extractor) roleTriples(lang string, toks []segment.Token, ms []entity.Mention, home string, assumed bool) (stated, derived []graph.Triple) {
	for k, m := range ms {
		// Only a title next to a name states a role; "the president"
		// alone refers to one.
		if m.Kind != entity.Name {
			continue
		}
		otype := graph.GPE
		// "NATO Secretary General Jens Stoltenberg": the body named just
		// before the title is what it is of.
		if k > 0 && m.Role != "" && m.RoleOf == "" && !m.Complement {
			if body, typ, ok := bodyBefore(lang, ms[k-1], m); ok {
				m.RoleOf, otype = body, typ
			}
		}
		named := k > 0 && ms[k-1].End == m.Start || wordBefore(toks, m)
		// A country the sentence states is surer than the document's
		// home, and that than the one its language assumes: a French
		// article on German politics is no French one. The relation
		// model learns how far to trust each.
		conf, out := roleStated, &stated
		if m.RoleOf == "" && !m.Complement && !named && home != "" && relate.NationalRole(m.Role) && (!assumed || relate.NationalRoleAssumed(m.Role)) {
			m.RoleOf, conf, out = home, roleHome, &derived
			if assumed {
				conf = roleAssumed
			}
		}
		if m.Role == "" || m.RoleOf == "" || m.Role == "counterpart" || m.Type != graph.Person {
			continue
		}
		if e, ok := x.gaz.Lookup(m.RoleOf); ok && otype == graph.GPE {
			otype = e.Type
		}
		verb := "is "
		if m.FormerRole {
			verb = "is former " // present tense, as the contract wants
		}
		*out = append(*out, graph.Triple{
			Subject: m.Name, SubjectType: graph.Person,
			Predicate: verb + m.Role + " of",
			Object:    m.RoleOf, ObjectType: otype,
			Modality: graph.Asserted, Confidence: conf, Source: m.Role,
		})
	}
	return stated, derived
}

// bodyBefore returns the body that mention p, right before title mention
// m, names: an organization or a country, not a party adjective (that is
// membership: "Republican Representative X") nor a lone unknown word
// ("Senior Adviser X", "Vice President-elect X").
func bodyBefore(lang string, p, m entity.Mention) (name string, typ graph.EntityType, ok bool) {
	if p.End != m.Start || p.Kind != entity.Name || p.Name == "" || p.Type != graph.Org && p.Type != graph.GPE ||
		entity.IsParty(lang, p.Text) || !p.Known && p.End-p.Start <= 1 && !entity.IsAcronym(p.Text) {
		return "", "", false
	}
	return p.Name, p.Type, true
}

// wordBefore reports a capitalised word no mention took, right before
// title mention m, that names what the title is of ("Society President
// X"). At a sentence's start the word may be any ("Only President X"):
// only inside a sentence does the capital say a name. A lower-case title
// after a capitalised word is that word's anywhere ("Assembly president
// X").
func wordBefore(toks []segment.Token, m entity.Mention) bool {
	if m.Start == 0 {
		return false
	}
	prev := toks[m.Start-1]
	if prev.Kind != segment.Word || !unicode.IsUpper([]rune(prev.Text)[0]) || articles[strings.ToLower(prev.Text)] {
		return false
	}
	return m.Start > 1 && toks[m.Start-2].Kind == segment.Word || !unicode.IsUpper([]rune(toks[m.Start].Text)[0])
}

// The confidences of role triples, by where their country comes from:
// the sentence, the document's home country, its language's.
const (
	roleStated  = 0.8
	roleHome    = 0.6
	roleAssumed = 0.5
)

// dropDerived returns the role triples of derived (by sentence) whose
// person and title the document gives no stated country: "Peer
// Steinbrück, le ministre allemand des Finances" makes him no French
// minister in the next paragraph of a French article.
func dropDerived(derived [][]graph.Triple, stated map[[2]string]bool) [][]graph.Triple {
	for i, ts := range derived {
		kept := ts[:0]
		for _, t := range ts {
			if !stated[[2]string{t.Subject, t.Predicate}] {
				kept = append(kept, t)
			}
		}
		derived[i] = kept
	}
	return derived
}

// defaultHome is the country of a language's documents that name none
// more than others. English has none: British, American and other news
// share it.
var defaultHome = map[string]string{"fr": "France"}

// homeCountry returns the country a document is about: the country named
// most often (directly, by demonym authority, by its capital or by its
// cities and regions), if named at least twice and more than any other.
func (x *Extractor) homeCountry(mentions [][]entity.Mention) string {
	// Weights: a country, its authorities or its capital count 2; a city
	// or region of it counts 1 (a story set in Texas and Nevada is an
	// American one, but one passing mention of Massachusetts does not
	// make a Thai story American).
	count := map[string]int{}
	for _, ms := range mentions {
		for _, m := range ms {
			c, w := m.Capital, 2
			if c == "" && m.Known && (m.Type == graph.GPE || m.Type == graph.Loc) {
				if e, ok := x.gaz.Lookup(m.Name); ok && e.Kind == gazetteer.Country {
					c = e.Name
				} else if ok && (e.Kind == gazetteer.City || e.Kind == gazetteer.Region) {
					c, w = e.Country, 1
				}
			}
			if c != "" {
				count[c] += w
			}
		}
	}
	best, n, second := "", 0, 0
	for c, k := range count {
		switch {
		case k > n:
			best, n, second = c, k, n
		case k > second:
			second = k
		}
	}
	// A story that names two countries about as often (a trade dispute,
	// a summit) has no home: its titles are as often the other side's.
	if n < 4 || second*2 > n {
		return ""
	}
	return best
}

// capitalisedWords returns a test for words seen capitalised away from
// the start of a sentence.
func capitalisedWords(sents []segment.Sentence) func(string) bool {
	seen := map[string]bool{}
	for _, s := range sents {
		first := true
		for _, t := range s.Tokens {
			if t.Kind != segment.Word {
				continue
			}
			if !first && startsUpper(t.Text) {
				seen[graph.Fold(t.Text)] = true
			}
			first = false
		}
	}
	return func(w string) bool { return seen[w] }
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// dedupe keeps one triple per relation and sentence: the first, which
// rules produce most surely.
func dedupe(ts []graph.Triple) []graph.Triple {
	type key struct {
		k    graph.Key
		span graph.Span
	}
	seen := map[key]bool{}
	out := ts[:0]
	for _, t := range ts {
		k := key{t.Key(), t.Span}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	return out
}

// specific drops a membership that a sentence also states as a role
// ("Labour Party leader X" is leader of the party, not only a member).
func specific(ts []graph.Triple) []graph.Triple {
	type key struct {
		s, o string
		span graph.Span
	}
	role := map[key]bool{}
	for _, t := range ts {
		if t.Predicate != "is member of" && strings.HasPrefix(t.Predicate, "is ") && strings.HasSuffix(t.Predicate, " of") {
			role[key{t.Subject, t.Object, t.Span}] = true
		}
	}
	// "former Vice President Biden" read as both "was vice president of"
	// and "was president of": the longer title is the one meant.
	roles := map[key][]string{}
	for _, t := range ts {
		if isRolePredicate(t.Predicate) {
			k := key{t.Subject, t.Object, t.Span}
			roles[k] = append(roles[k], t.Predicate)
		}
	}
	out := ts[:0]
	for _, t := range ts {
		k := key{t.Subject, t.Object, t.Span}
		if t.Predicate == "is member of" && role[k] {
			continue
		}
		if isRolePredicate(t.Predicate) && slices.ContainsFunc(roles[k], func(p string) bool { return longerRole(p, t.Predicate) }) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// isRolePredicate reports "is X of" or "was X of".
func isRolePredicate(p string) bool {
	return (strings.HasPrefix(p, "is ") || strings.HasPrefix(p, "was ")) && strings.HasSuffix(p, " of")
}

// longerRole reports whether role predicate a names a longer title ending
// with b's ("was vice president of" over "was president of").
func longerRole(a, b string) bool {
	va, ra, _ := strings.Cut(a, " ")
	vb, rb, _ := strings.Cut(b, " ")
	return va == vb && len(ra) > len(rb) && strings.HasSuffix(ra, " "+rb)
}

// articles may stand capitalised before a title at a sentence's start
// ("The President said").
var articles = map[string]bool{"the": true, "a": true, "an": true, "le": true, "la": true, "les": true, "l'": true, "un": true, "une": true, "this": true, "our": true, "notre": true}
