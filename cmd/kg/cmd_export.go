package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/kgraph/kg/config"
	"github.com/kgraph/kg/export"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/outfile"
	"github.com/kgraph/kg/storage"
	"github.com/kgraph/kg/subgraph"
)

func newExportCmd(a *app) *cobra.Command {
	var opts exportOptions
	cmd := &cobra.Command{
		Use:   "export [--path A B]",
		Short: "Draw the graph, or part of it, or write it for other graph tools",
		Long: `Export writes the relations in the store as a Graphviz diagram: DOT written by
kg itself, or SVG or PNG laid out and rendered by Graphviz (embedded, no
system dependency). PNG is drawn at --dpi (150 by default, for print), by kg
itself, or by the system's Graphviz with --renderer native. Nodes are
shaped and coloured by entity type; each edge is labelled "predicate ×N"
with N the number of documents stating it, and drawn wider the more there
are; denied relations are dashed. The caption names the
store, its documents and triples, and the selection. --layout picks the
Graphviz engine: dot (ranks), sfdp (force-directed, for large graphs), neato,
or auto: dot up to 60 entities, sfdp beyond.

Or it writes them for other tools: nt (N-Triples) and nq (N-Quads, one graph
per document), with each sentence as a reified rdf:Statement; graphml (Gephi,
yEd, networkx); neo4j (nodes.csv and relationships.csv for neo4j-admin
import, in the directory --out names); d3 (d3-force JSON); jsonl (one
relation per line with its sentences).

What to export:
  --focus        the entities within --depth hops of the named ones
  --path A B     the --k shortest paths of at most --max-depth relations
                 between two entities
  --min-support  relations stated by at least N documents
  --predicates   these predicates only
  --types        relations between entities of these types only
  --since, --until, --lang
                 only the sentences of documents dated in the range, or in
                 the language; a relation's support counts those only
  --max-nodes    at most N entities: those of most support next to the
                 focus, the others dropped with a warning; by default 150
                 for svg and png, and no limit for the data formats (dot,
                 nt, nq, graphml, neo4j, d3, jsonl)

Names are names or aliases, in any case and accents. The format defaults to
the extension of --out (.svg, .png, .nt, .nq, .graphml, .json for d3,
.jsonl), else DOT; without --out the output goes to standard output. Beyond
` + strconv.Itoa(export.MaxLayoutEntities) + ` entities SVG and PNG are refused (lower --max-nodes); DOT is
always written.`,
		Example: `  kg export --focus "Sergei Lavrov" --out lavrov.svg
  kg export --focus "Sergei Lavrov" --dpi 300 --out lavrov.png
  kg export --format dot --focus Lavrov --depth 2 > lavrov.dot
  kg export --path Lavrov Kerry --max-depth 4 --out lavrov-kerry.svg
  kg export --min-support 2 --types PERSON,GPE --since 2016-01-01 --lang fr --out fr.svg
  kg export --format nq --predicates meets,visits > meetings.nq
  kg export --format neo4j --out neo4j-import/`,
		Args: func(cmd *cobra.Command, args []string) error {
			return opts.filters.checkEnds(args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd.Context(), a, opts, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "", "dot, svg, png, nt, nq, graphml, neo4j, d3 or jsonl (default: from --out, else dot)")
	f.StringVarP(&opts.out, "out", "o", "", "file to write, directory for neo4j (default: standard output)")
	f.StringSliceVar(&opts.focus, "focus", nil, "entities to centre on (repeat or comma-separate)")
	f.Int("depth", 1, "hops around the focus")
	f.Int("max-nodes", 0, "keep at most this many entities, those of most support and the focus (default 150 for svg and png, all for data formats)")
	f.String("rankdir", "LR", "layout direction: LR, RL, TB or BT")
	f.String("layout", "auto", "Graphviz layout: dot, sfdp, neato, or auto (dot up to 60 entities, sfdp beyond)")
	opts.filters.flags(f)
	opts.png.flags(f)
	a.bind("export.depth", f.Lookup("depth"))
	a.bind("export.max_nodes", f.Lookup("max-nodes"))
	a.bind("export.rankdir", f.Lookup("rankdir"))
	a.bind("export.layout", f.Lookup("layout"))
	cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(append([]string{"dot", "svg", "png"}, interchangeFormats()...), cobra.ShellCompDirectiveNoFileComp))
	cmd.RegisterFlagCompletionFunc("renderer", cobra.FixedCompletions([]string{"embedded", "native"}, cobra.ShellCompDirectiveNoFileComp))
	cmd.RegisterFlagCompletionFunc("layout", cobra.FixedCompletions(config.Layouts, cobra.ShellCompDirectiveNoFileComp))
	cmd.RegisterFlagCompletionFunc("types", cobra.FixedCompletions(entityTypeNames(), cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// exportOptions are the flags of kg export.
type exportOptions struct {
	format, out string
	focus       []string
	filters     exportFilters
	png         pngFlags
}

// runExport writes the relations opts selects, drawn or for other
// tools; ends are the two entities of --path.
func runExport(ctx context.Context, a *app, opts exportOptions, ends []string) error {
	if err := opts.filters.checkEnds(ends); err != nil {
		return &exitError{code: exitUsage, err: err}
	}
	format, out, focus, x := opts.format, opts.out, opts.focus, opts.filters
	if format == "" {
		format = formatOf(out)
	}
	if format != "dot" && format != "svg" && format != "png" && !slices.Contains(interchangeFormats(), format) {
		return usageError("--format %q: want one of dot, svg, png, %s", format, strings.Join(interchangeFormats(), ", "))
	}
	if format == "png" {
		if err := opts.png.check(); err != nil {
			return err
		}
	}
	if format == "neo4j" && (out == "" || out == "-") {
		return usageError("--format neo4j writes two files: name their directory with --out")
	}
	filter, err := x.filter()
	if err != nil {
		return err
	}
	// A path that cannot be written is refused before any work.
	if err := a.checkOut(format, out); err != nil {
		return err
	}
	if x.path && len(focus) > 0 {
		return usageError("--path and --focus: choose one")
	}
	st, err := a.openStore(true)
	if err != nil {
		return err
	}
	defer st.Close()
	sel := graph.Selection{Filter: filter, Depth: a.cfg.Export.Depth, PathLength: x.maxDepth, PathCount: x.k, MaxNodes: export.EntityLimit(format, a.cfg.Export.MaxNodes)}
	// RDF and JSON Lines carry the sentences; the filters on dates
	// and language read them.
	evidence := filter.NeedsEvidence() || format == "nt" || format == "nq" || format == "jsonl"
	edges, caption, err := a.selectEdges(ctx, st, sel, focus, ends, evidence)
	if err != nil {
		return err
	}
	// Nothing is written when nothing matched: an empty diagram
	// over the user's file would lose it for nothing.
	if len(edges) == 0 {
		return &exitError{code: exitNoMatch, err: fmt.Errorf("no relation to export%s; nothing written", focusNote(focus))}
	}
	if slices.Contains(interchangeFormats(), format) {
		return a.writeInterchange(format, out, edges)
	}
	var dot bytes.Buffer
	if err := export.WriteDOT(&dot, edges, export.Style{RankDir: a.cfg.Export.RankDir, Layout: a.cfg.Export.Layout, Title: caption}); err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	data := dot.Bytes()
	if err := checkLayoutSize(format, len(graph.Nodes(edges))); err != nil {
		return err
	}
	if format == "svg" {
		// Rendering is never cancelled half-way: go-graphviz breaks for
		// good after a cancelled render (its issue #118).
		r, err := export.NewRenderer(context.WithoutCancel(ctx))
		if err != nil {
			return &exitError{code: exitFailure, err: err}
		}
		defer r.Close()
		var svg bytes.Buffer
		if err := r.SVG(ctx, data, &svg); err != nil {
			return &exitError{code: exitFailure, err: err}
		}
		data = svg.Bytes()
	}
	if format == "png" {
		if data, err = opts.png.render(ctx, data); err != nil {
			return &exitError{code: exitFailure, err: err}
		}
	}
	if err := outError(outfile.Put(a.stdout, out, data, a.cfg.Store)); err != nil {
		return err
	}
	if out != "" && !a.cfg.Quiet {
		fmt.Fprintf(a.stderr, "kg: wrote %s (%d entities, %d relations)\n", out, len(graph.Nodes(edges)), len(edges))
	}
	return nil
}

func focusNote(focus []string) string {
	if len(focus) == 0 {
		return ""
	}
	return " around " + strings.Join(focus, ", ")
}

// selectEdges returns the relations sel selects in st, as
// subgraph.Select, and the caption that says what they are; it warns of
// what sel.MaxNodes pruned and gives the errors their exit status.
func (a *app) selectEdges(ctx context.Context, st *storage.Store, sel graph.Selection, focus, ends []string, evidence bool) ([]graph.Edge, string, error) {
	picked, err := subgraph.Select(ctx, st, sel, focus, ends, evidence)
	var unknown *subgraph.UnknownError
	switch {
	case errors.As(err, &unknown):
		return nil, "", &exitError{code: exitNoMatch, err: fmt.Errorf("%w (try kg entities)", err)}
	case errors.Is(err, graph.ErrPathBudget):
		return nil, "", pathError(err)
	case err != nil:
		return nil, "", failure(ctx, err)
	}
	if picked.DroppedNodes > 0 {
		a.warnf("the selection has %d entities, more than --max-nodes %d: dropped the %d of least support and their %d relations (narrow it with --focus, --min-support, --predicates or --types, or raise --max-nodes)",
			len(graph.Nodes(picked.Edges))+picked.DroppedNodes, sel.MaxNodes, picked.DroppedNodes, picked.DroppedEdges)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return nil, "", &exitError{code: exitFailure, err: err}
	}
	return picked.Edges, picked.Caption(filepath.Base(filepath.Clean(a.cfg.Store)), stats), nil
}

// checkOut refuses an --out that cannot be written or lies in the
// store, before any work is done for it.
func (a *app) checkOut(format, out string) error {
	if out == "" || out == "-" {
		return nil
	}
	var err error
	if format == "neo4j" {
		err = outfile.CheckDir(out, a.cfg.Store)
	} else {
		err = outfile.Check(out, a.cfg.Store)
	}
	return outError(err)
}

// outError gives an error of outfile its exit status: a path in the
// store is a usage error, naming the store; others are failures.
func outError(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, outfile.ErrForbidden):
		return usageError("%w (the store): choose another --out", err)
	}
	return &exitError{code: exitFailure, err: err}
}

// exportFilters are the flags of kg export that choose the relations to
// draw; selection turns them into a graph.Selection.
type exportFilters struct {
	minSupport   int
	predicates   []string
	types        []string
	since, until string
	lang         string
	path         bool
	maxDepth, k  int
}

func (x *exportFilters) flags(f *pflag.FlagSet) {
	f.IntVar(&x.minSupport, "min-support", 0, "only relations stated by at least N documents")
	f.StringSliceVar(&x.predicates, "predicates", nil, "only these predicates (comma-separate)")
	f.StringSliceVar(&x.types, "types", nil, "only relations between entities of these types: PERSON, ORG, GPE, LOC, EVENT, CONCEPT")
	f.StringVar(&x.since, "since", "", "only sentences of documents dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD)")
	f.StringVar(&x.until, "until", "", "only sentences of documents dated on or before this (YYYY, YYYY-MM or YYYY-MM-DD)")
	f.StringVar(&x.lang, "lang", "", "only sentences in this language (fr, en)")
	f.BoolVar(&x.path, "path", false, "draw the paths between the two entities given as arguments")
	f.IntVar(&x.maxDepth, "max-depth", 3, "with --path, the longest path, in relations")
	f.IntVar(&x.k, "k", 3, "with --path, the number of shortest paths")
}

// checkEnds refuses the entities given as arguments unless they are the
// two ends of --path.
func (x *exportFilters) checkEnds(args []string) error {
	if x.path && len(args) != 2 {
		return fmt.Errorf("--path takes two entities, not %d", len(args))
	}
	if !x.path && len(args) > 0 {
		return fmt.Errorf("unexpected argument %q (entities go with --focus, or two with --path)", args[0])
	}
	return nil
}

// filter returns the graph.Filter the flags describe, or a usage error
// naming the flag that is wrong.
func (x *exportFilters) filter() (graph.Filter, error) {
	f := graph.Filter{MinSupport: x.minSupport, Predicates: x.predicates, Lang: x.lang}
	if x.minSupport < 0 {
		return f, usageError("--min-support %d: want 0 or more", x.minSupport)
	}
	for _, t := range x.types {
		typ, err := graph.ParseEntityType(strings.ToUpper(strings.TrimSpace(t)))
		if err != nil {
			return f, usageError("--types: %w", err)
		}
		f.Types = append(f.Types, typ)
	}
	var err error
	if f.Since, f.Until, err = dateRange(x.since, x.until); err != nil {
		return f, err
	}
	if x.lang != "" && (len(x.lang) != 2 || strings.ToLower(x.lang) != x.lang) {
		return f, usageError("--lang %q: want an ISO 639-1 code such as fr or en", x.lang)
	}
	if x.path && (x.maxDepth <= 0 || x.k <= 0) {
		return f, usageError("--max-depth %d and --k %d: want positive numbers", x.maxDepth, x.k)
	}
	return f, nil
}

// checkLayoutSize refuses to lay out, for any format but dot, more
// entities than export.MaxLayoutEntities: Graphviz would take minutes and
// the drawing be unreadable.
func checkLayoutSize(format string, entities int) error {
	if format == "dot" || entities <= export.MaxLayoutEntities {
		return nil
	}
	return usageError("the selection has %d entities, more than the %d kg lays out as %s: lower --max-nodes, narrow it with --focus, --min-support, --predicates or --types, or write --format dot",
		entities, export.MaxLayoutEntities, strings.ToUpper(format))
}

// entityTypeNames returns the names of graph.EntityTypes.
func entityTypeNames() []string {
	names := make([]string, len(graph.EntityTypes))
	for i, t := range graph.EntityTypes {
		names[i] = string(t)
	}
	return names
}

// interchangeFormats returns the formats of kg export that are not
// diagrams.
func interchangeFormats() []string {
	return []string{"nt", "nq", "graphml", "neo4j", "d3", "jsonl"}
}

// formatOf returns the format that the extension of an output file names:
// dot for none or another.
func formatOf(out string) string {
	switch ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(out)), "."); ext {
	case "svg", "png", "nt", "nq", "graphml", "jsonl":
		return ext
	case "json":
		return "d3"
	}
	return "dot"
}

// writeInterchange writes edges to out in one of interchangeFormats; for
// neo4j, out is a directory, created, that receives the two CSV files.
func (a *app) writeInterchange(format, out string, edges []graph.Edge) error {
	var b bytes.Buffer
	var err error
	switch format {
	case "nt":
		err = export.WriteNTriples(&b, edges)
	case "nq":
		err = export.WriteNQuads(&b, edges)
	case "graphml":
		err = export.WriteGraphML(&b, edges)
	case "d3":
		err = export.WriteD3(&b, edges)
	case "jsonl":
		err = export.WriteJSONL(&b, edges)
	case "neo4j":
		var rels bytes.Buffer
		if err := export.WriteNeo4j(&b, &rels, edges); err != nil {
			return &exitError{code: exitFailure, err: err}
		}
		if err := os.MkdirAll(out, 0o755); err != nil {
			return &exitError{code: exitFailure, err: fmt.Errorf("output directory: %w", err)}
		}
		if err := outError(outfile.Put(a.stdout, filepath.Join(out, export.Neo4jNodesFile), b.Bytes(), a.cfg.Store)); err != nil {
			return err
		}
		b = rels
		out = filepath.Join(out, export.Neo4jRelationshipsFile)
	}
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	if err := outError(outfile.Put(a.stdout, out, b.Bytes(), a.cfg.Store)); err != nil {
		return err
	}
	if out != "" && !a.cfg.Quiet {
		if format == "neo4j" {
			out = filepath.Dir(out)
		}
		fmt.Fprintf(a.stderr, "kg: wrote %s (%d entities, %d relations)\n", out, len(graph.Nodes(edges)), len(edges))
	}
	return nil
}

// pngFlags are the flags of kg export that say how to draw PNG.
type pngFlags struct {
	dpi      float64
	renderer string
}

func (p *pngFlags) flags(f *pflag.FlagSet) {
	f.Float64Var(&p.dpi, "dpi", export.DefaultDPI, "PNG resolution in pixels per inch")
	f.StringVar(&p.renderer, "renderer", "embedded", "PNG renderer: embedded (no system dependency) or native (the system's Graphviz dot)")
}

func (p *pngFlags) check() error {
	if math.IsNaN(p.dpi) || p.dpi < 1 || p.dpi > export.MaxDPI {
		return usageError("--dpi %g: want 1 to %d", p.dpi, export.MaxDPI)
	}
	if p.renderer != "embedded" && p.renderer != "native" {
		return usageError("--renderer %q: want embedded or native", p.renderer)
	}
	return nil
}

// render lays out and draws the DOT graph dot as PNG.
func (p *pngFlags) render(ctx context.Context, dot []byte) ([]byte, error) {
	var b bytes.Buffer
	if p.renderer == "native" {
		if err := export.NativePNG(ctx, dot, &b, p.dpi); err != nil {
			return nil, err
		}
		return b.Bytes(), nil
	}
	// As for SVG, never cancelled half-way (go-graphviz issue #118).
	r, err := export.NewRenderer(context.WithoutCancel(ctx))
	if err != nil {
		return nil, err
	}
	defer r.Close()
	if err := r.PNG(ctx, dot, &b, p.dpi); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// dateRange reads --since and --until, either of which may be "", as the
// first day of since and the last day of until: --until 2019 is to the
// end of 2019. A date that cannot be read, or a range that ends before it
// starts, is a usage error naming the flag.
func dateRange(since, until string) (first, last time.Time, err error) {
	if since != "" {
		if first, _, err = graph.ParseDate(since); err != nil {
			return first, last, usageError("--since: %w", err)
		}
	}
	if until != "" {
		if _, last, err = graph.ParseDate(until); err != nil {
			return first, last, usageError("--until: %w", err)
		}
	}
	if !first.IsZero() && !last.IsZero() && last.Before(first) {
		return first, last, usageError("--until %s is before --since %s", until, since)
	}
	return first, last, nil
}
