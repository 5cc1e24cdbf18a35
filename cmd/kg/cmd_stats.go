package main

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/listing"
)

// stat is one line of kg stats.
type stat struct {
	Name  string `json:"name"`
	Value int64  `json:"value"`
}

func newStatsCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Count documents, entities, triples and relations in the store",
		Long: `Stats counts what the store holds: documents (and how many were extracted),
triple mentions, distinct relations, entities, and breakdowns by language,
entity type and predicate.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore(true)
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Stats(cmd.Context())
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
		},
	}
}
