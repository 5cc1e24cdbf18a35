package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/export"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

func newExportCmd(a *app) *cobra.Command {
	var format, out string
	var focus []string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Draw the graph, or part of it, as DOT or SVG",
		Long: `Export writes the relations in the store as a Graphviz diagram: DOT written by
kg itself, or SVG laid out and rendered by Graphviz (embedded, no system
dependency). Nodes are shaped and coloured by entity type; each edge is
labelled "predicate ×N" with N the number of documents stating it; denied
relations are dashed.

--focus keeps the entities within --depth hops of the named ones (names and
aliases, any case and accents). The format defaults to the extension of --out,
else DOT. Without --out the diagram goes to standard output.`,
		Example: `  kg export --focus "Sergei Lavrov" --out lavrov.svg
  kg export --format dot --focus Lavrov --depth 2 > lavrov.dot`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format == "" {
				format = strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), ".")
				if format != "svg" {
					format = "dot"
				}
			}
			if format != "dot" && format != "svg" {
				return usageError("--format %q: want dot or svg", format)
			}
			st, err := a.openStore(true)
			if err != nil {
				return err
			}
			defer st.Close()
			edges, caption, err := selectEdges(cmd.Context(), st, focus, a.cfg.Export.Depth)
			if err != nil {
				return err
			}
			if n := len(graph.Nodes(edges)); n > a.cfg.Export.MaxNodes {
				return usageError("the selection has %d entities, more than --max-nodes %d: narrow it with --focus and --depth, or raise --max-nodes", n, a.cfg.Export.MaxNodes)
			}
			var dot bytes.Buffer
			if err := export.WriteDOT(&dot, edges, export.Style{RankDir: a.cfg.Export.RankDir, Title: caption}); err != nil {
				return &exitError{code: exitFailure, err: err}
			}
			data := dot.Bytes()
			if format == "svg" {
				// Rendering is never cancelled half-way: go-graphviz breaks for
				// good after a cancelled render (its issue #118).
				r, err := export.NewRenderer(context.WithoutCancel(cmd.Context()))
				if err != nil {
					return &exitError{code: exitFailure, err: err}
				}
				defer r.Close()
				var svg bytes.Buffer
				if err := r.SVG(cmd.Context(), data, &svg); err != nil {
					return &exitError{code: exitFailure, err: err}
				}
				data = svg.Bytes()
			}
			if err := writeOut(a.stdout, out, data); err != nil {
				return &exitError{code: exitFailure, err: err}
			}
			if out != "" && !a.cfg.Quiet {
				fmt.Fprintf(a.stderr, "kg: wrote %s (%d entities, %d relations)\n", out, len(graph.Nodes(edges)), len(edges))
			}
			if len(edges) == 0 {
				return &exitError{code: exitNoMatch, err: fmt.Errorf("no relation to draw%s", focusNote(focus))}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&format, "format", "", "dot or svg (default: from --out, else dot)")
	f.StringVarP(&out, "out", "o", "", "file to write (default: standard output)")
	f.StringSliceVar(&focus, "focus", nil, "entities to centre on (repeat or comma-separate)")
	f.Int("depth", 1, "hops around the focus")
	f.Int("max-nodes", 150, "refuse to draw more entities than this")
	f.String("rankdir", "LR", "layout direction: LR, RL, TB or BT")
	a.bind("export.depth", f.Lookup("depth"))
	a.bind("export.max_nodes", f.Lookup("max-nodes"))
	a.bind("export.rankdir", f.Lookup("rankdir"))
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"dot", "svg"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func focusNote(focus []string) string {
	if len(focus) == 0 {
		return ""
	}
	return " around " + strings.Join(focus, ", ")
}

// selectEdges returns the relations to draw and a caption saying what
// they are.
func selectEdges(ctx context.Context, st *storage.Store, focus []string, depth int) ([]graph.Edge, string, error) {
	all, err := st.Edges(ctx, storage.Pattern{}, false)
	if err != nil {
		return nil, "", &exitError{code: exitFailure, err: err}
	}
	var names []string
	for _, f := range focus {
		resolved, err := resolve(ctx, st, f)
		if err != nil {
			return nil, "", err
		}
		names = append(names, resolved...)
	}
	edges := all
	if len(names) > 0 {
		edges = graph.Neighborhood(all, names, depth)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return nil, "", &exitError{code: exitFailure, err: err}
	}
	caption := fmt.Sprintf("kg: %d documents, %d triples", stats.Documents, stats.Triples)
	if len(names) > 0 {
		caption += fmt.Sprintf(" — around %s, depth %d", strings.Join(names, ", "), depth)
	}
	return edges, caption, nil
}

func writeOut(stdout io.Writer, path string, data []byte) error {
	if path == "" || path == "-" {
		_, err := stdout.Write(data)
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".kg-export-*")
	if err != nil {
		return fmt.Errorf("output %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("output %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("output %s: %w", path, err)
	}
	// CreateTemp makes the file private; a diagram is an ordinary file.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("output %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("output %s: %w", path, err)
	}
	return nil
}
