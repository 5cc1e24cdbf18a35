package query

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

// Options filter and page the rows of a query. The zero value keeps
// every stated relation and every row.
type Options struct {
	// Since and Until bound the article dates of the sentences that
	// count, inclusively, as graph.ParseDate reads them: Until 2016-10 is
	// to the end of October (see graph.Filter.KeepsDate). Run refuses
	// others with an error wrapping graph.ErrDate.
	Since, Until string
	Lang         string         // only sentences in this language count
	Modality     graph.Modality // only sentences stating it so count
	// Negated matches relations stated as denied, as if every predicate
	// were preceded by "not".
	Negated bool
	// Source matches predicates on the lemma they were read from
	// ("rencontrer", "meet") instead of the canonical predicate.
	Source bool
	// MinSupport keeps the rows of at least this support.
	MinSupport int
	// Offset rows are skipped, then at most Limit are returned (0: all).
	Offset, Limit int
	// Evidence lists the relations of each returned row with their
	// sentences.
	Evidence bool
}

// filter returns the sentence rules of o, its dates read by
// graph.ParseDate: the first day of Since, the last of Until.
func (o Options) filter() (graph.Filter, error) {
	f := graph.Filter{Lang: o.Lang, Modality: o.Modality}
	var err error
	if o.Since != "" {
		if f.Since, _, err = graph.ParseDate(o.Since); err != nil {
			return f, fmt.Errorf("since: %w", err)
		}
	}
	if o.Until != "" {
		if _, f.Until, err = graph.ParseDate(o.Until); err != nil {
			return f, fmt.Errorf("until: %w", err)
		}
	}
	return f, nil
}

// ErrTooBroad means a query would make more intermediate rows than
// MaxRows: it needs a name or a shared variable.
var ErrTooBroad = errors.New("query too broad")

// MaxRows bounds the partial rows of a join, so that a query whose
// patterns share no variable cannot exhaust memory.
const MaxRows = 5_000_000

// Row is one binding of the query's variables.
type Row struct {
	// Vars names the variables, in the order of Values; every row of a
	// result shares it.
	Vars   []string
	Values []string
	// Support is the least number of distinct documents stating the
	// relations matching one of the patterns; Sources, the least number
	// of distinct sources (storage.Site).
	Support, Sources int
	// First and Last are the earliest and latest article dates of the
	// documents stating the row's relations; empty when none is dated.
	First, Last string
	// Relations are the relations matching the patterns under this
	// binding, pattern by pattern, with their sentences; with
	// Options.Evidence only.
	Relations []graph.Edge

	rels [][]*match // per pattern, the relations matching it
	docs [][]string // per pattern, the distinct documents stating them
}

// MarshalJSON writes a row as an object with one field per variable,
// named with its '?' ("?x"), then support, sources, first, last (omitted
// when empty) and, with evidence, relations.
func (r Row) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, v := range r.Vars {
		k, err := json.Marshal("?" + v)
		if err != nil {
			return nil, err
		}
		s, err := json.Marshal(r.Values[i])
		if err != nil {
			return nil, err
		}
		b = append(append(append(append(b, k...), ':'), s...), ',')
	}
	b = fmt.Appendf(b, `"support":%d,"sources":%d`, r.Support, r.Sources)
	for _, f := range []struct{ name, v string }{{"first", r.First}, {"last", r.Last}} {
		if f.v != "" {
			s, _ := json.Marshal(f.v)
			b = fmt.Appendf(b, `,%q:%s`, f.name, s)
		}
	}
	if len(r.Relations) > 0 {
		s, err := json.Marshal(r.Relations)
		if err != nil {
			return nil, err
		}
		b = append(b, `,"relations":`...)
		b = append(b, s...)
	}
	return append(b, '}'), nil
}

// Result is the answer to a query.
type Result struct {
	Vars []string
	// Rows are those asked for by Offset and Limit, most supported first,
	// then in order of their values.
	Rows []Row
	// Total is the number of rows before Offset and Limit.
	Total int
	// Unknown lists the names and predicates that match nothing in the
	// store, which is why a query gives no row.
	Unknown []Unknown
	// Plan is the order the patterns were joined in; it stops at a
	// pattern that left no row.
	Plan []Step
}

// Unknown is a term of the query naming nothing in the store.
type Unknown struct {
	Term
	Predicate bool // the term is a predicate, else a subject or object
}

// Step is one pattern of a plan.
type Step struct {
	Pattern int // index in Query.Patterns
	// Estimate is the cost foreseen, in triples read: for the first
	// pattern, those its constants match (counted up to 10,000; -1 for a
	// query of one pattern, not counted); for the others, what joining
	// it to the rows before would read (see Run).
	Estimate int
}

// KnownPredicates returns the test Parse needs of the store: whether a
// predicate is stored (ignoring case and accents) or, for a query of
// source lemmas, whether it is one word. A store that cannot be read
// knows none; Run will report the error.
func KnownPredicates(ctx context.Context, sn *storage.Snapshot, source bool) func(string) bool {
	if source {
		return func(p string) bool { return !strings.Contains(p, " ") }
	}
	return func(p string) bool {
		preds, err := sn.Predicates(ctx, p)
		return err == nil && len(preds) > 0
	}
}

// Run answers q in the snapshot: it resolves the names, joins the
// patterns in the order their costs suggest (see Result.Plan), groups the
// joined relations by binding and fills in the coverage of the rows
// returned.
func Run(ctx context.Context, sn *storage.Snapshot, q *Query, opts Options) (*Result, error) {
	res := &Result{Vars: q.Vars}
	f, err := opts.filter()
	if err != nil {
		return nil, err
	}
	x := &executor{sn: sn, vars: make(map[string]int), names: q.Vars, opts: opts, f: f}
	for i, v := range q.Vars {
		x.vars[v] = i
	}
	empty := false
	for i, p := range q.Patterns {
		c, unknown, err := x.compile(ctx, i, p)
		if err != nil {
			return nil, err
		}
		res.Unknown = append(res.Unknown, unknown...)
		empty = empty || len(unknown) > 0
		x.pats = append(x.pats, c)
	}
	if empty {
		return res, nil
	}
	rows, plan, err := x.join(ctx)
	res.Plan = plan
	if err != nil {
		return nil, err
	}
	res.Total = len(rows)
	lo := min(opts.Offset, len(rows))
	hi := len(rows)
	if opts.Limit > 0 {
		hi = min(lo+opts.Limit, hi)
	}
	res.Rows = rows[lo:hi]
	for i := range res.Rows {
		if err := x.complete(ctx, &res.Rows[i]); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// pattern is a pattern ready to probe the store.
type pattern struct {
	index int
	// Alternatives of each place: the canonical names a constant stands
	// for, or "" for a variable or wildcard.
	alts [3][]string
	vars [3]int // variable of each place, -1 for none
	f    graph.Filter
	est  int
}

type executor struct {
	sn    *storage.Snapshot
	opts  Options
	f     graph.Filter // of opts, before a pattern's polarity and lemma
	vars  map[string]int
	names []string   // the variables in order, shared by every row
	pats  []*pattern // in query order
}

// compile resolves a pattern's constants, returning those that match
// nothing.
func (x *executor) compile(ctx context.Context, i int, p Pattern) (*pattern, []Unknown, error) {
	c := &pattern{index: i, f: x.f}
	c.f.Polarity = graph.Stated
	if p.Negated || x.opts.Negated {
		c.f.Polarity = graph.Denied
	}
	var unknown []Unknown
	for place, t := range p.terms() {
		c.vars[place] = -1
		c.alts[place] = []string{""}
		switch {
		case t.Kind == Var:
			c.vars[place] = x.vars[t.Text]
		case t.Kind == Any:
		case place == 1 && x.opts.Source:
			c.f.Lemma = t.Text
		default:
			var (
				names []string
				err   error
			)
			if place == 1 {
				names, err = x.sn.Predicates(ctx, t.Text)
			} else {
				names, err = x.sn.Resolve(ctx, t.Text)
			}
			if err != nil {
				return nil, nil, err
			}
			if len(names) == 0 {
				unknown = append(unknown, Unknown{Term: t, Predicate: place == 1})
			}
			c.alts[place] = names
		}
	}
	return c, unknown, nil
}

// The plan's counts are bounded: past them a pattern is simply not
// selective, and counting further costs time.
const (
	// estimateCap bounds the count of a pattern's constants.
	estimateCap = 10_000
	// probeCap bounds the count of one lookup, with bound values, and
	// probeSample the lookups counted for a pattern, when choosing the
	// next pattern to join.
	probeCap    = 2_000
	probeSample = 16
	// probeCost is what a lookup costs over the triples it reads, in
	// triples: seeking in every level of the store.
	probeCost = 4
)

// count returns the number of triples c matches with the variables
// bound in vals (nil: none), counting up to limit.
func (x *executor) count(ctx context.Context, c *pattern, vals []string, limit int) (int, error) {
	n := 0
	for sel := range c.selects(vals) {
		m, err := x.sn.Count(ctx, sel, limit-n)
		if err != nil {
			return 0, err
		}
		if n += m; n >= limit {
			break
		}
	}
	return n, nil
}

// join answers the patterns one at a time, choosing the next as it goes.
// First comes the pattern whose constants match fewest triples by the
// index's count. Then, with the rows so far in hand, the pattern whose
// lookups cost least: for one sharing variables with the rows, the
// triples its lookups would read, counted for a sample of the rows'
// distinct values and scaled to all, plus a cost per lookup; for one
// sharing none, the rows times its count, as it multiplies them. So a
// path between two named entities joins both ends before the middle,
// whose lookups are then bound at both ends. Ties go to a pattern sharing
// variables, then to the query's order.
func (x *executor) join(ctx context.Context) ([]Row, []Step, error) {
	if len(x.pats) == 1 {
		x.pats[0].est = -1 // nothing to choose: save the count
	} else {
		for _, c := range x.pats {
			var err error
			if c.est, err = x.count(ctx, c, nil, estimateCap); err != nil {
				return nil, nil, err
			}
		}
	}
	rows := []partial{{vals: make([]string, len(x.vars)), matches: make([][]*match, len(x.pats))}}
	left := slices.Clone(x.pats)
	bound := make([]bool, len(x.vars))
	var plan []Step
	for len(left) > 0 && len(rows) > 0 {
		best, bestCost, bestJoins := 0, -1, false
		for i, c := range left {
			cost, joins := c.est, c.joins(bound)
			if len(plan) > 0 {
				var err error
				if cost, err = x.cost(ctx, c, rows, bound); err != nil {
					return nil, plan, err
				}
			}
			if bestCost < 0 || cost < bestCost || cost == bestCost && joins && !bestJoins {
				best, bestCost, bestJoins = i, cost, joins
			}
		}
		c := left[best]
		left = slices.Delete(left, best, best+1)
		plan = append(plan, Step{Pattern: c.index, Estimate: bestCost})
		var err error
		if rows, err = x.lookup(ctx, c, rows); err != nil {
			return nil, plan, err
		}
		for _, v := range c.vars {
			if v >= 0 {
				bound[v] = true
			}
		}
	}
	if len(left) > 0 {
		return nil, plan, nil
	}
	return x.group(rows), plan, nil
}

// cost estimates the work of joining c to rows (see join).
func (x *executor) cost(ctx context.Context, c *pattern, rows []partial, bound []bool) (int, error) {
	if !c.joins(bound) {
		return satMul(len(rows), c.est), nil
	}
	seen := make(map[string]bool)
	sampled, read := 0, 0
	var key []string
	for _, r := range rows {
		key = key[:0]
		for _, v := range c.vars {
			if v >= 0 && bound[v] {
				key = append(key, r.vals[v])
			}
		}
		k := strings.Join(key, "\x00")
		if seen[k] {
			continue
		}
		seen[k] = true
		if sampled < probeSample {
			n, err := x.count(ctx, c, r.vals, probeCap)
			if err != nil {
				return 0, err
			}
			read += n
			sampled++
		}
	}
	return satMul(len(seen), read/sampled+probeCost), nil
}

// satMul returns a×b, or the largest int if that overflows.
func satMul(a, b int) int {
	if a != 0 && b > math.MaxInt/a {
		return math.MaxInt
	}
	return a * b
}

// joins reports whether c has a variable bound.
func (c *pattern) joins(bound []bool) bool {
	for _, v := range c.vars {
		if v >= 0 && bound[v] {
			return true
		}
	}
	return false
}

// selects yields the index lookups of c given the values of the
// variables bound (nil: none).
func (c *pattern) selects(vals []string) func(func(storage.Select) bool) {
	var places [3][]string
	for i := range places {
		places[i] = c.alts[i]
		if v := c.vars[i]; v >= 0 && vals != nil && vals[v] != "" {
			places[i] = []string{vals[v]}
		}
	}
	return func(yield func(storage.Select) bool) {
		for _, s := range places[0] {
			for _, p := range places[1] {
				for _, o := range places[2] {
					if !yield(storage.Select{Subject: s, Predicate: p, Object: o}) {
						return
					}
				}
			}
		}
	}
}

// match is a relation matching a pattern.
type match struct {
	key  graph.Key
	docs []string
	cov  *storage.Coverage // once computed
}

// partial is a row being joined: one binding of the variables joined so
// far, with every relation matching each pattern joined under it, so
// that relations differing only where a pattern has a wildcard make one
// row, not one each.
type partial struct {
	vals    []string   // "" while unbound
	matches [][]*match // per pattern in query order, nil while unjoined
}

// lookup joins c to rows: c looked up for every row, bound by its
// values. Lookups repeated with the same values are answered from memory.
func (x *executor) lookup(ctx context.Context, c *pattern, rows []partial) ([]partial, error) {
	memo := make(map[storage.Select][]*match)
	var next []partial
	made := make(map[[3]string]int) // the row made from r for the names at c's variables
	for _, r := range rows {
		clear(made)
		for sel := range c.selects(r.vals) {
			ms, ok := memo[sel]
			if !ok {
				err := x.sn.Relations(ctx, sel, c.f, func(k graph.Key, docs []string) error {
					ms = append(ms, &match{key: k, docs: docs})
					return nil
				})
				if err != nil {
					return nil, err
				}
				memo[sel] = ms
			}
			for _, m := range ms {
				vals, ok := c.bind(r.vals, m.key)
				if !ok {
					continue
				}
				var at [3]string
				for i, name := range [3]string{m.key.Subject, m.key.Predicate, m.key.Object} {
					if c.vars[i] >= 0 {
						at[i] = name
					}
				}
				if i, ok := made[at]; ok {
					next[i].matches[c.index] = append(next[i].matches[c.index], m)
					continue
				}
				if len(next) == MaxRows {
					return nil, fmt.Errorf("%w: more than %d partial rows at pattern %d; bind it with a name or a shared variable", ErrTooBroad, MaxRows, c.index+1)
				}
				matches := slices.Clone(r.matches)
				matches[c.index] = []*match{m}
				made[at] = len(next)
				next = append(next, partial{vals: vals, matches: matches})
			}
		}
	}
	return next, nil
}

// bind returns vals with c's variables bound to the names of k, or false
// if k contradicts them (a variable twice in the pattern, or bound by an
// earlier pattern to another name).
func (c *pattern) bind(vals []string, k graph.Key) ([]string, bool) {
	names := [3]string{k.Subject, k.Predicate, k.Object}
	out := vals
	cloned := false
	for i, v := range c.vars {
		if v < 0 {
			continue
		}
		switch out[v] {
		case names[i]:
		case "":
			if !cloned {
				out, cloned = slices.Clone(vals), true
			}
			out[v] = names[i]
		default:
			return nil, false
		}
	}
	return out, true
}

// group makes a row of each partial row, a distinct binding, with the
// union of each pattern's documents, sorted by support.
func (x *executor) group(rows []partial) []Row {
	out := make([]Row, len(rows))
	for i, pr := range rows {
		r := &out[i]
		*r = Row{Vars: x.names, Values: pr.vals, rels: pr.matches, docs: make([][]string, len(x.pats)), Support: -1}
		for p, ms := range r.rels {
			docs := ms[0].docs
			if len(ms) > 1 {
				docs = nil
				for _, m := range ms {
					docs = append(docs, m.docs...)
				}
				slices.Sort(docs)
				docs = slices.Compact(docs)
			}
			r.docs[p] = docs
			if r.Support < 0 || len(docs) < r.Support {
				r.Support = len(docs)
			}
		}
	}
	out = slices.DeleteFunc(out, func(r Row) bool { return r.Support < x.opts.MinSupport })
	// Sort indexes, not rows, which are large to move.
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(i, j int) int {
		a, b := &out[i], &out[j]
		return cmp.Or(cmp.Compare(b.Support, a.Support), slices.Compare(a.Values, b.Values))
	})
	sorted := make([]Row, len(out))
	for i, j := range idx {
		sorted[i] = out[j]
	}
	return sorted
}

// complete fills in a returned row's sources, dates and, with evidence,
// its relations in full. The first and last dates of the row are the
// least and greatest of its patterns'.
func (x *executor) complete(ctx context.Context, r *Row) error {
	r.Sources = -1
	for p, docs := range r.docs {
		var c storage.Coverage
		if ms := r.rels[p]; len(ms) == 1 {
			// A relation shared by many rows is covered once.
			if ms[0].cov == nil {
				cov, err := x.sn.Coverage(ctx, docs)
				if err != nil {
					return err
				}
				ms[0].cov = &cov
			}
			c = *ms[0].cov
		} else {
			var err error
			if c, err = x.sn.Coverage(ctx, docs); err != nil {
				return err
			}
		}
		if r.Sources < 0 || c.Sources < r.Sources {
			r.Sources = c.Sources
		}
		if c.First != "" && (r.First == "" || c.First < r.First) {
			r.First = c.First
		}
		r.Last = max(r.Last, c.Last)
	}
	if !x.opts.Evidence {
		return nil
	}
	for p, ms := range r.rels {
		for _, m := range ms {
			// The pattern's own filter: its lemma with Source.
			e, err := x.sn.Edge(ctx, m.key, x.pats[p].f, true)
			if err != nil {
				return err
			}
			r.Relations = append(r.Relations, e)
		}
	}
	return nil
}
