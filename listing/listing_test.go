package listing

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

type rec struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

func TestWrite(t *testing.T) {
	cols := []Column[rec]{
		{"name", func(r rec) string { return r.Name }},
		{"count", func(r rec) string { return itoa(r.Count) }},
	}
	items := []rec{{"Sergei Lavrov", 3}, {"Jean-Marc \"JMA\"\tAyrault", 12}, {"Zoë, the West", 0}}
	for _, format := range []string{"table", "json", "jsonl", "csv"} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, format, cols, items); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "write."+format+".golden")
			if *update {
				os.WriteFile(golden, buf.Bytes(), 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("got\n%s\nwant\n%s", buf.Bytes(), want)
			}
		})
	}
}

func TestWriteEmptyJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := Write[rec](&buf, "json", nil, nil); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != "[]\n" {
		t.Errorf("empty json = %q, want []", got)
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	if err := Write[rec](&bytes.Buffer{}, "xml", nil, nil); err == nil {
		t.Error("no error for format xml")
	}
}

func itoa(n int) string {
	return strconv.Itoa(n)
}
