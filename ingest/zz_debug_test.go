package ingest

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
)

func TestZZSlow(t *testing.T) {
	x, _ := extract.New(extract.Options{Languages: []string{"fr", "en"}, CapitalAsState: true})
	dir := os.Getenv("FZDIR")
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		line := strings.Split(string(b), "\n")[1]
		s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(line, "string("), ")"))
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		for _, l := range []string{"fr", "en", ""} {
			d := graph.Document{ID: "x", Lang: l, Text: s}
			x.Extract(context.Background(), &d)
		}
		if el := time.Since(start); el > 5*time.Millisecond {
			t.Logf("%s: %d bytes, %v", e.Name(), len(s), el)
		}
	}
}
