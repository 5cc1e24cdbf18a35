package extract

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/extract/relmodel"
	"github.com/kgraph/kg/graph"
)

// readTrainingData reads the invented annotated articles of testdata.
func readTrainingData(t *testing.T) ([]graph.Document, []relmodel.Annotation) {
	t.Helper()
	dir := filepath.Join("testdata", "relations")
	f, err := os.Open(filepath.Join(dir, "articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var docs []graph.Document
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var d struct{ ID, Lang, Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, graph.Document{ID: d.ID, Lang: d.Lang, Text: d.Text})
	}
	g, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	anns, err := relmodel.ReadAnnotations(g, "gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return docs, anns
}

// TestTrainRelations trains the relation model on invented articles: the
// same data gives the same bytes, and the model reads the relations it
// was taught in a sentence it never saw.
func TestTrainRelations(t *testing.T) {
	docs, anns := readTrainingData(t)
	x, err := New(Options{Languages: []string{"en"}, Relations: "rules"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var files [2]bytes.Buffer
	var m *relmodel.Model
	for i := range files {
		var rep relmodel.Report
		m, rep, err = x.TrainRelations(ctx, docs, anns, relmodel.TrainOptions{Folds: 4})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Annotations != len(anns) || rep.Covered < len(anns)*3/4 {
			t.Errorf("covered %d of %d annotations, want at least 3/4 of %d", rep.Covered, rep.Annotations, len(anns))
		}
		if _, err := m.WriteTo(&files[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(files[0].Bytes(), files[1].Bytes()) {
		t.Fatal("two trainings on the same data wrote different models")
	}
	back, err := relmodel.Read(bytes.NewReader(files[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "rel.kgr")
	if err := back.Save(path); err != nil {
		t.Fatal(err)
	}
	y, err := New(Options{Languages: []string{"en"}, RelationModel: path, MinConfidence: 0.3})
	if err != nil {
		t.Fatal(err)
	}
	doc := &graph.Document{ID: "new", Lang: "en", Text: "Hanna Kowalski visited Namur on Friday. Hanna Kowalski met Lucas Meyer at the town hall."}
	res, err := y.Extract(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	// Either phrasing the annotations accept will do.
	want := map[string]bool{"Hanna Kowalski|visits|Namur": false, "Hanna Kowalski|meets|Lucas Meyer": false}
	alias := map[string]string{"travels to": "visits", "meets with": "meets"}
	for _, tr := range res.Triples {
		p := tr.Predicate
		if a, ok := alias[p]; ok {
			p = a
		}
		k := tr.Subject + "|" + p + "|" + tr.Object
		if _, ok := want[k]; ok {
			want[k] = true
		}
		if tr.Confidence < 0.3 || tr.Confidence > 1 {
			t.Errorf("%s: confidence %v out of [0.3, 1]", k, tr.Confidence)
		}
		if tr.Sentence == "" || tr.Doc != "new" || tr.Span.End <= tr.Span.Start {
			t.Errorf("%s: no sentence, document or span: %+v", k, tr)
		}
	}
	for k, found := range want {
		if !found {
			t.Errorf("the trained model did not read %s; got %v", k, res.Triples)
		}
	}
}
