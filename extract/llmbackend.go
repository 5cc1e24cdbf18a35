package extract

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/kgraph/kg/extract/entity"
	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/extract/llm"
	"github.com/kgraph/kg/extract/llm/cache"
	"github.com/kgraph/kg/extract/llm/prompt"
	"github.com/kgraph/kg/extract/relmodel"
	"github.com/kgraph/kg/extract/segment"
	"github.com/kgraph/kg/graph"
)

// The backends: who reads the relations of a document.
const (
	BackendLocal = "local" // kg's own rules and relation model
	BackendLLM   = "llm"   // a language model behind an OpenAI-compatible API
)

// LLMConfidence is the confidence of every triple of the llm backend:
// a model gives no calibrated score, and --min-confidence up to it keeps
// them all.
const LLMConfidence = 0.9

// LLMOptions configures the llm backend; see config.LLM.
type LLMOptions struct {
	URL    string
	Model  string
	APIKey string // the key itself, read from the variable config names
	// Parallel bounds the requests in flight.
	Parallel int
	Timeout  time.Duration
	Retries  int
	// Backoff is the first wait before a retry (0: the client's 1 s).
	Backoff time.Duration
	// Attempts is how many answers are asked for a document before it
	// fails, when they cannot be read (0: 3).
	Attempts int
	// CacheDir keeps the answers; "" keeps none.
	CacheDir string
}

// llmBackend is what the llm backend needs besides the Extractor's
// names: the client, the cache and the English lexicon for predicates
// and concepts.
type llmBackend struct {
	client   *llm.Client
	cache    *cache.Cache // nil: none
	en       *lexicon.Lexicon
	attempts int
	name     string // provenance: "llm MODEL PROMPT-VERSION"
}

func (x *Extractor) newLLMBackend(o LLMOptions) (*llmBackend, error) {
	c, err := llm.New(llm.Config{URL: o.URL, Model: o.Model, APIKey: o.APIKey, Parallel: o.Parallel, Timeout: o.Timeout, Retries: o.Retries, Backoff: o.Backoff})
	if err != nil {
		return nil, err
	}
	b := &llmBackend{client: c, attempts: cmp.Or(o.Attempts, 3), name: "llm " + o.Model + " " + prompt.Version}
	if lg := x.langs["en"]; lg != nil {
		b.en = lg.lexicon
	} else if b.en, err = lexicon.LoadDirs("en", x.opts.Lexicons...); err != nil {
		return nil, fmt.Errorf("lexicon en: %w", err)
	}
	if o.CacheDir != "" {
		if b.cache, err = cache.Open(o.CacheDir); err != nil {
			return nil, err
		}
	}
	return b, nil
}

// LLMStats is what the llm backend did for one document.
type LLMStats struct {
	// Usage is the tokens of the requests sent (none when cached).
	Usage llm.Usage `json:"usage"`
	// Requests counts the requests sent, retries included.
	Requests int `json:"requests"`
	// Cached is set when the answer came from the cache.
	Cached bool `json:"cached,omitempty"`
	// Malformed counts the answers that could not be read.
	Malformed int `json:"malformed,omitempty"`
	// Dropped counts the triples whose sentence is not in the document.
	Dropped int `json:"dropped,omitempty"`
}

// extractLLM asks the model for doc's triples (or takes its answer from
// the cache), keeps those whose sentence the document contains, and
// gives them kg's names and predicates.
func (x *Extractor) extractLLM(ctx context.Context, doc *graph.Document, lg *language) (Result, error) {
	_, res, err := x.readLLM(ctx, doc, lg)
	return res, err
}

// readLLM is extractLLM, also returning the triples with the model's
// wording.
func (x *Extractor) readLLM(ctx context.Context, doc *graph.Document, lg *language) ([]llmTriple, Result, error) {
	sents := segment.Split(doc.Text, lg.lexicon.Traits().Spelling)
	res := Result{Sentences: len(sents)}
	for _, s := range sents {
		res.Tokens += len(s.Tokens)
	}
	rels, err := x.llm.ask(ctx, doc, &res.LLM)
	if err != nil {
		return nil, res, err
	}
	doc.Extractor = x.llm.name
	var ts []llmTriple
	ts, res.Entities, res.LLM.Dropped = x.llmTriples(doc, sents, rels)
	for _, t := range ts {
		res.Triples = append(res.Triples, t.Triple)
	}
	return ts, res, nil
}

// Annotate asks the llm backend for doc's triples as Extract does and
// returns them as annotations in the silver format that kg model train
// --relations learns from: each name and predicate with the model's own
// wording as a second form when it differs, and the sentence of kg's
// segmentation that states it.
func (x *Extractor) Annotate(ctx context.Context, doc *graph.Document) ([]relmodel.Annotation, Result, error) {
	if x.llm == nil {
		return nil, Result{}, errNoLLM
	}
	x.Identify(doc)
	lg := x.langs[doc.Lang]
	if lg == nil {
		return nil, Result{Skipped: fmt.Sprintf("language %q is not extracted", doc.Lang)}, nil
	}
	ts, res, err := x.readLLM(ctx, doc, lg)
	if err != nil {
		return nil, res, err
	}
	out := make([]relmodel.Annotation, 0, len(ts))
	for _, t := range ts {
		out = append(out, relmodel.Annotation{
			Doc: doc.ID, S: forms(t.Subject, t.said[0]), P: forms(t.Predicate, t.said[1]), O: forms(t.Object, t.said[2]),
			Neg: t.Negated, Modality: string(t.Modality), Sentence: t.Sentence,
		})
	}
	return out, res, nil
}

// forms is a canonical form, then the model's when it differs in more
// than case and accents.
func forms(canonical, said string) []string {
	if said == "" || graph.Fold(said) == graph.Fold(canonical) {
		return []string{canonical}
	}
	return []string{canonical, said}
}

// ask returns the model's relations for doc, from the cache when it has
// them. An answer that cannot be read is asked again, saying why, up to
// the backend's attempts; then the document fails.
func (b *llmBackend) ask(ctx context.Context, doc *graph.Document, st *LLMStats) ([]prompt.Relation, error) {
	hash := doc.Hash
	if hash == "" {
		sum := sha256.Sum256([]byte(doc.Text))
		hash = hex.EncodeToString(sum[:])
	}
	key := cache.Key{Model: b.client.Model(), Prompt: prompt.Version, Doc: hash}
	if b.cache != nil {
		e, ok, err := b.cache.Get(key)
		if err != nil {
			return nil, err
		}
		if ok {
			if rels, err := prompt.Parse(e.Content); err == nil {
				st.Cached = true
				return rels, nil
			}
		}
	}
	base := prompt.Request(*doc)
	req := base
	for attempt := 1; ; attempt++ {
		resp, err := b.client.Complete(ctx, req)
		st.Requests += resp.Attempts
		st.Usage = st.Usage.Add(resp.Usage)
		if err != nil {
			return nil, err
		}
		rels, perr := prompt.Parse(resp.Content)
		if perr == nil {
			if b.cache != nil {
				if err := b.cache.Put(cache.Entry{Key: key, Content: resp.Content, Usage: st.Usage}); err != nil {
					return nil, err
				}
			}
			return rels, nil
		}
		st.Malformed++
		if resp.FinishReason == "length" {
			perr = fmt.Errorf("%w (the answer was cut at the model's length limit)", perr)
		}
		if attempt >= b.attempts {
			return nil, fmt.Errorf("llm: %d answers could not be read; the last: %w", attempt, perr)
		}
		req = prompt.Retry(base, resp.Content, perr)
	}
}

// llmRelation is an answer's relation found in the document.
type llmRelation struct {
	prompt.Relation
	span graph.Span
	sent int // index of the sentence of kg's segmentation it starts in
	s, o entity.Mention
}

// llmTriples turns the model's relations into triples: each sentence
// must occur verbatim in the text (else the relation is dropped and
// counted), and takes the span of the sentence of kg's segmentation that
// holds it; names go through the resolver (the user's aliases, the
// gazetteer, spellings, surnames after full names) and predicates through
// normalisePredicate, so that they meet the local backend's triples.
func (x *Extractor) llmTriples(doc *graph.Document, sents []segment.Sentence, rels []prompt.Relation) ([]llmTriple, []graph.Entity, int) {
	var found []llmRelation
	dropped := 0
	for _, r := range rels {
		sp, ok := prompt.Locate(doc.Text, r.Sentence)
		if !ok {
			dropped++
			continue
		}
		lr := llmRelation{Relation: r, span: sp}
		for i, s := range sents {
			if s.Start <= sp.Start && sp.Start < s.End {
				lr.sent = i
				if sp.End <= s.End {
					lr.span = graph.Span{Start: s.Start, End: s.End}
				}
				break
			}
		}
		lr.s, lr.o = x.llmMention(r.Subject, r.SubjectType), x.llmMention(r.Object, r.ObjectType)
		found = append(found, lr)
	}
	// A person named by the end of another's full name ("Halvorsen-Lund"
	// after "Ingrid Halvorsen-Lund") is left untyped, as the recogniser
	// leaves a name it does not know, so that the resolver joins them.
	var full []string
	for _, r := range found {
		for _, m := range []entity.Mention{r.s, r.o} {
			if m.Type == graph.Person {
				full = append(full, " "+graph.Fold(m.Text))
			}
		}
	}
	for i := range found {
		for _, m := range []*entity.Mention{&found[i].s, &found[i].o} {
			f := " " + graph.Fold(m.Text)
			if m.Type == graph.Person && slices.ContainsFunc(full, func(n string) bool { return n != f && strings.HasSuffix(n, f) }) {
				m.Type = ""
			}
		}
	}
	// Names resolve in the order the text gives them, full names first.
	slices.SortStableFunc(found, func(a, b llmRelation) int { return cmp.Compare(a.span.Start, b.span.Start) })
	res := entity.NewResolver(x.translit).WithAliases(x.aliases)
	for _, r := range found {
		res.Prime([]entity.Mention{r.s, r.o})
	}
	var out []llmTriple
	seen := map[struct {
		k    graph.Key
		span graph.Span
	}]bool{}
	for _, r := range found {
		s, sok := x.llmName(res, r.s, r.sent)
		o, ook := x.llmName(res, r.o, r.sent)
		if !sok || !ook || s.Name == o.Name {
			continue
		}
		pred, neg := normalisePredicate(x.llm.en, r.Predicate)
		if pred == "" {
			continue
		}
		t := graph.Triple{
			Subject: s.Name, SubjectType: s.Type, Predicate: pred, Object: o.Name, ObjectType: o.Type,
			Negated: r.Negated || neg, Modality: r.Modality, Confidence: LLMConfidence,
			Source:    strings.ToLower(strings.Join(strings.Fields(r.Predicate), " ")),
			Extractor: x.llm.name,
		}
		if t.Confidence < x.opts.MinConfidence {
			continue
		}
		t = placed(t, doc, r.span)
		k := struct {
			k    graph.Key
			span graph.Span
		}{t.Key(), t.Span}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, llmTriple{Triple: t, said: [3]string{r.Subject, t.Source, r.Object}})
	}
	return out, res.Entities(), dropped
}

// llmTriple is a triple of the llm backend with the model's own wording
// of its subject, predicate and object.
type llmTriple struct {
	graph.Triple
	said [3]string
}

// llmMention is the mention a name of the model's answer makes: a
// gazetteer entry when it names one (unless the model says a person),
// else a name of the type the model gives. A concept is no mention.
func (x *Extractor) llmMention(name string, typ graph.EntityType) entity.Mention {
	m := entity.Mention{Kind: entity.Name, Text: name, Type: typ}
	if typ == graph.Concept {
		return m
	}
	if typ != graph.Person {
		if e, ok := x.gaz.Lookup(name); ok {
			m.Known, m.Name, m.Type = true, e.Name, e.Type
		}
	}
	return m
}

// llmName resolves a mention of the model's answer; a concept becomes
// the lexicon's English concept, else its own words in lower case.
func (x *Extractor) llmName(res *entity.Resolver, m entity.Mention, sent int) (entity.Mention, bool) {
	if m.Type == graph.Concept {
		name := strings.ToLower(strings.Join(strings.Fields(m.Text), " "))
		if c, ok := x.llm.en.Concept(name); ok {
			name = c
		}
		m.Name = name
		return m, name != ""
	}
	ok := res.Resolve(&m, sent)
	return m, ok && m.Name != ""
}

// errNoLLM is returned by Annotate for an extractor of another backend.
var errNoLLM = errors.New("extract: the llm backend is not configured")
