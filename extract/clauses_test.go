package extract

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// TestClauseRules checks each family of the dependency-tree rules on
// sentences written for it (testdata/clauses.tsv): the whole pipeline,
// built-in models included, must read the triple. A predicate written
// "!p" says the sentence must not give (subject, p, object) at all.
func TestClauseRules(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "clauses.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x := newRulesExtractor(t)
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if strings.HasPrefix(sc.Text(), "#") || sc.Text() == "" {
			continue
		}
		col := strings.Split(sc.Text(), "\t")
		if len(col) != 8 {
			t.Fatalf("clauses.tsv:%d: %d columns, want 8", line, len(col))
		}
		lang, text, s, p, o, family := col[0], col[1], col[2], col[3], col[4], col[7]
		negated, err := strconv.ParseBool(col[5])
		if err != nil {
			t.Fatalf("clauses.tsv:%d: %v", line, err)
		}
		modality := graph.Modality(col[6])
		t.Run(family+"/"+lang, func(t *testing.T) {
			doc := graph.Document{ID: "t", Lang: lang, Text: text}
			res, err := x.Extract(context.Background(), &doc)
			if err != nil {
				t.Fatal(err)
			}
			if absent, ok := strings.CutPrefix(p, "!"); ok {
				for _, tr := range res.Triples {
					if tr.Subject == s && tr.Predicate == absent && tr.Object == o {
						t.Errorf("%q: gives (%s, %s, %s), which it must not", text, s, absent, o)
					}
				}
				return
			}
			for _, tr := range res.Triples {
				if tr.Subject == s && tr.Predicate == p && tr.Object == o && tr.Negated == negated && tr.Modality == modality {
					return
				}
			}
			var got []string
			for _, tr := range res.Triples {
				got = append(got, "("+tr.Subject+", "+tr.Predicate+", "+tr.Object+", negated="+strconv.FormatBool(tr.Negated)+", "+string(tr.Modality)+")")
			}
			t.Errorf("%q: no (%s, %s, %s, negated=%v, %s); got %s", text, s, p, o, negated, modality, strings.Join(got, " "))
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
