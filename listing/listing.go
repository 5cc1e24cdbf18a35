package listing

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Column is one column of a table or CSV listing.
type Column[T any] struct {
	Name  string
	Value func(T) string
}

// Write writes items to w in format: table, json, jsonl or csv.
func Write[T any](w io.Writer, format string, cols []Column[T], items []T) error {
	switch format {
	case "json":
		if items == nil {
			items = []T{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(items)
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, it := range items {
			if err := enc.Encode(it); err != nil {
				return err
			}
		}
		return nil
	case "csv":
		cw := csv.NewWriter(w)
		row := make([]string, len(cols))
		for i, c := range cols {
			row[i] = c.Name
		}
		if err := cw.Write(row); err != nil {
			return err
		}
		for _, it := range items {
			for i, c := range cols {
				row[i] = c.Value(it)
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	case "table", "":
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for i, c := range cols {
			if i > 0 {
				io.WriteString(tw, "\t")
			}
			io.WriteString(tw, strings.ToUpper(c.Name))
		}
		io.WriteString(tw, "\n")
		for _, it := range items {
			for i, c := range cols {
				if i > 0 {
					io.WriteString(tw, "\t")
				}
				io.WriteString(tw, cell(c.Value(it)))
			}
			io.WriteString(tw, "\n")
		}
		return tw.Flush()
	default:
		return fmt.Errorf("listing: unknown format %q (want table, json, jsonl or csv)", format)
	}
}

// cell keeps a table row on one line.
func cell(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
	return s
}
