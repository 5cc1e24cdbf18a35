package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/listing"
	"github.com/kgraph/kg/storage"
)

// stat is one line of kg stats.
type stat struct {
	Name  string `json:"name"`
	Value int64  `json:"value"`
}

// unmappedVerb is a verb lemma the lexicons map to no predicate.
type unmappedVerb struct {
	Lang      string `json:"lang"`
	Lemma     string `json:"lemma"`
	Count     int    `json:"count"`
	Documents int    `json:"documents"`
}

func newStatsCmd(a *app) *cobra.Command {
	var opts statsOptions
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count documents, entities, triples and relations in the store",
		Long: `Stats counts what the store holds: documents (and how many were extracted),
triple mentions, distinct relations, entities, and breakdowns by language,
entity type and predicate.

--unmapped lists instead the most frequent verbs (by lemma and language)
that the lexicons map to no predicate: the candidates for a lexicon
extension (see extract.lexicons). It needs documents extracted with the
syntactic core (extract.syntax, the default).`,
		Example: `  kg stats
  kg stats --unmapped --top 30
  kg stats --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runStats(cmd.Context(), a, opts)
		},
	}
	cmd.Flags().BoolVar(&opts.unmapped, "unmapped", false, "list the most frequent verbs without a predicate in the lexicons")
	cmd.Flags().IntVar(&opts.top, "top", 20, "with --unmapped, at most this many (0: all)")
	return cmd
}

// statsOptions are the flags of kg stats.
type statsOptions struct {
	unmapped bool
	top      int
}

// runStats counts what the store holds or, with opts.unmapped, lists the
// verbs the lexicons map to no predicate.
func runStats(ctx context.Context, a *app, opts statsOptions) error {
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer st.Close()
	if opts.unmapped {
		return writeUnmapped(ctx, a, st, opts.top)
	}
	s, err := st.Stats(ctx)
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	switch a.cfg.Format {
	case "json":
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(s)
	case "jsonl":
		return json.NewEncoder(a.stdout).Encode(s)
	}
	rows := []stat{
		{"documents", int64(s.Documents)},
		{"documents extracted", int64(s.Extracted)},
		{"triples", int64(s.Triples)},
		{"relations", int64(s.Edges)},
		{"entities", int64(s.Entities)},
		{"store bytes", s.SizeBytes},
	}
	add := func(prefix string, m map[string]int) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if m[keys[i]] != m[keys[j]] {
				return m[keys[i]] > m[keys[j]]
			}
			return keys[i] < keys[j]
		})
		for _, k := range keys {
			rows = append(rows, stat{fmt.Sprintf("%s %s", prefix, k), int64(m[k])})
		}
	}
	add("language", s.ByLang)
	types := map[string]int{}
	for k, v := range s.ByEntityType {
		types[string(k)] = v
	}
	add("entity type", types)
	add("predicate", s.ByPredicate)
	cols := []listing.Column[stat]{
		{Name: "stat", Value: func(s stat) string { return s.Name }},
		{Name: "value", Value: func(s stat) string { return strconv.FormatInt(s.Value, 10) }},
	}
	return listing.Write(a.stdout, a.cfg.Format, cols, rows)
}

// writeUnmapped lists the top verb lemmas, by language, that the
// lexicons map to no predicate, most frequent first.
func writeUnmapped(ctx context.Context, a *app, st *storage.Store, top int) error {
	byKey := map[[2]string]*unmappedVerb{}
	err := st.Documents(ctx, func(d storage.DocumentInfo) error {
		for lemma, n := range d.Unmapped {
			k := [2]string{d.Lang, lemma}
			u := byKey[k]
			if u == nil {
				u = &unmappedVerb{Lang: d.Lang, Lemma: lemma}
				byKey[k] = u
			}
			u.Count += n
			u.Documents++
		}
		return nil
	})
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	list := make([]unmappedVerb, 0, len(byKey))
	for _, u := range byKey {
		list = append(list, *u)
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Count != list[j].Count {
			return list[i].Count > list[j].Count
		}
		if list[i].Lang != list[j].Lang {
			return list[i].Lang < list[j].Lang
		}
		return list[i].Lemma < list[j].Lemma
	})
	if top > 0 && len(list) > top {
		list = list[:top]
	}
	cols := []listing.Column[unmappedVerb]{
		{Name: "lang", Value: func(u unmappedVerb) string { return u.Lang }},
		{Name: "lemma", Value: func(u unmappedVerb) string { return u.Lemma }},
		{Name: "count", Value: func(u unmappedVerb) string { return strconv.Itoa(u.Count) }},
		{Name: "documents", Value: func(u unmappedVerb) string { return strconv.Itoa(u.Documents) }},
	}
	return writeListing(a, cols, list)
}
