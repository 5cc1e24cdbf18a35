package extract

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// clauseRow is one line of testdata/clauses.tsv.
type clauseRow struct {
	line               int
	subject, predicate string
	object             string
	negated            bool
	modality           graph.Modality
	family             string
	absent             bool // the predicate was written "!p"
}

func (r clauseRow) String() string {
	return fmt.Sprintf("(%s, %s, %s, negated=%v, %s)", r.subject, r.predicate, r.object, r.negated, r.modality)
}

// clauseSentence is a sentence of clauses.tsv with all its rows.
type clauseSentence struct {
	lang, text string
	rows       []clauseRow
}

// TestClauseRules checks each family of the dependency-tree rules on
// sentences written for it (testdata/clauses.tsv): the whole pipeline,
// built-in models included, must read each row's triple.
//
// The rows of a sentence list every triple it must give between their
// entities: any other triple between two of them (another predicate,
// the other direction, negation or modality) is a wrong reading and
// fails. Triples with an entity no row names are not checked. A
// predicate written "!p" says the sentence must not give (subject, p,
// object) at all; such a row names no entities, so a sentence with only
// such rows is checked for nothing else.
func TestClauseRules(t *testing.T) {
	sentences := readClauses(t, filepath.Join("testdata", "clauses.tsv"))
	x := newRulesExtractor(t)
	for _, s := range sentences {
		t.Run(s.rows[0].family+"/"+s.lang, func(t *testing.T) {
			doc := graph.Document{ID: "t", Lang: s.lang, Text: s.text}
			res, err := x.Extract(context.Background(), &doc)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, tr := range res.Triples {
				got = append(got, fmt.Sprintf("(%s, %s, %s, negated=%v, %s)", tr.Subject, tr.Predicate, tr.Object, tr.Negated, tr.Modality))
			}
			entities := map[string]bool{}
			for _, r := range s.rows {
				if !r.absent {
					entities[r.subject], entities[r.object] = true, true
				}
			}
			for _, r := range s.rows {
				found := slices.ContainsFunc(res.Triples, func(tr graph.Triple) bool {
					return tr.Subject == r.subject && tr.Predicate == r.predicate && tr.Object == r.object &&
						(r.absent || tr.Negated == r.negated && tr.Modality == r.modality)
				})
				switch {
				case r.absent && found:
					t.Errorf("clauses.tsv:%d: %q gives (%s, %s, %s), which it must not", r.line, s.text, r.subject, r.predicate, r.object)
				case !r.absent && !found:
					t.Errorf("clauses.tsv:%d: %q: no %v; got %s", r.line, s.text, r, strings.Join(got, " "))
				}
			}
			for i, tr := range res.Triples {
				if !entities[tr.Subject] || !entities[tr.Object] {
					continue
				}
				listed := slices.ContainsFunc(s.rows, func(r clauseRow) bool {
					return !r.absent && tr.Subject == r.subject && tr.Predicate == r.predicate && tr.Object == r.object &&
						tr.Negated == r.negated && tr.Modality == r.modality
				})
				if !listed {
					t.Errorf("clauses.tsv:%d: %q gives %s, which no row of it lists", s.rows[0].line, s.text, got[i])
				}
			}
		})
	}
}

// readClauses reads clauses.tsv, grouping the rows by sentence in the
// order of their first row.
func readClauses(t *testing.T, path string) []*clauseSentence {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sentences []*clauseSentence
	byText := map[[2]string]*clauseSentence{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if strings.HasPrefix(sc.Text(), "#") || sc.Text() == "" {
			continue
		}
		col := strings.Split(sc.Text(), "\t")
		if len(col) != 8 {
			t.Fatalf("clauses.tsv:%d: %d columns, want 8", line, len(col))
		}
		negated, err := strconv.ParseBool(col[5])
		if err != nil {
			t.Fatalf("clauses.tsv:%d: %v", line, err)
		}
		r := clauseRow{line: line, subject: col[2], predicate: col[3], object: col[4],
			negated: negated, modality: graph.Modality(col[6]), family: col[7]}
		r.predicate, r.absent = strings.CutPrefix(r.predicate, "!")
		key := [2]string{col[0], col[1]}
		s := byText[key]
		if s == nil {
			s = &clauseSentence{lang: col[0], text: col[1]}
			byText[key] = s
			sentences = append(sentences, s)
		}
		s.rows = append(s.rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return sentences
}
