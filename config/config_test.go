package config

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

func flagSet(t *testing.T, args ...string) map[string]*pflag.Flag {
	t.Helper()
	fs := pflag.NewFlagSet("kg", pflag.ContinueOnError)
	fs.String("store", "./kg-data", "")
	fs.String("format", "table", "")
	fs.Int("depth", 1, "")
	if err := fs.Parse(args); err != nil {
		t.Fatal(err)
	}
	return map[string]*pflag.Flag{
		"store":        fs.Lookup("store"),
		"format":       fs.Lookup("format"),
		"export.depth": fs.Lookup("depth"),
	}
}

func TestPrecedence(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		env       map[string]string
		args      []string
		wantStore string
		wantDepth int
		wantFmt   string
	}{
		{name: "defaults", wantStore: "./kg-data", wantDepth: 1, wantFmt: "table"},
		{name: "file", file: "full.yaml", wantStore: "/from/file", wantDepth: 3, wantFmt: "json"},
		{name: "env over default", env: map[string]string{"KG_STORE": "/from/env"}, wantStore: "/from/env", wantDepth: 1, wantFmt: "table"},
		{name: "env over file", file: "full.yaml", env: map[string]string{"KG_STORE": "/from/env", "KG_EXPORT_DEPTH": "5"}, wantStore: "/from/env", wantDepth: 5, wantFmt: "json"},
		{name: "flag over env", file: "full.yaml", env: map[string]string{"KG_STORE": "/from/env"}, args: []string{"--store", "/from/flag"}, wantStore: "/from/flag", wantDepth: 3, wantFmt: "json"},
		{name: "unset flag does not hide file", file: "full.yaml", args: []string{"--depth", "2"}, wantStore: "/from/file", wantDepth: 2, wantFmt: "json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			src := Source{Flags: flagSet(t, tt.args...)}
			if tt.file != "" {
				src.File, src.Explicit = filepath.Join("testdata", tt.file), true
			}
			c, warns, err := Load(src)
			if err != nil {
				t.Fatal(err)
			}
			if len(warns) > 0 {
				t.Errorf("warnings: %v", warns)
			}
			if c.Store != tt.wantStore || c.Export.Depth != tt.wantDepth || c.Format != tt.wantFmt {
				t.Errorf("got store=%q depth=%d format=%q, want %q %d %q", c.Store, c.Export.Depth, c.Format, tt.wantStore, tt.wantDepth, tt.wantFmt)
			}
		})
	}
}

func TestFileValues(t *testing.T) {
	c, _, err := Load(Source{File: "testdata/full.yaml", Explicit: true})
	if err != nil {
		t.Fatal(err)
	}
	if c.Extract.Lang != "fr" || !reflect.DeepEqual(c.Extract.Languages, []string{"fr"}) {
		t.Errorf("extract = %+v", c.Extract)
	}
	if !reflect.DeepEqual(c.Extract.Lexicons, []string{"my-lexicons"}) {
		t.Errorf("lexicons = %v", c.Extract.Lexicons)
	}
	if c.Extract.Syntax || !reflect.DeepEqual(c.Extract.Models, map[string]string{"fr": "my-fr.kgm"}) {
		t.Errorf("syntax %v, models %v", c.Extract.Syntax, c.Extract.Models)
	}
}

func TestEnvList(t *testing.T) {
	t.Setenv("KG_EXTRACT_LANGUAGES", "fr,en,de")
	c, _, err := Load(Source{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Extract.Languages, []string{"fr", "en", "de"}) {
		t.Errorf("languages = %q", c.Extract.Languages)
	}
}

func TestUnknownKeysWarn(t *testing.T) {
	c, warns, err := Load(Source{File: "testdata/unknown.yaml", Explicit: true})
	if err != nil {
		t.Fatal(err)
	}
	if c.Store != "/from/file" {
		t.Errorf("store = %q", c.Store)
	}
	want := []string{`unknown key "colour"`, `unknown key "export.shape"`}
	if len(warns) != len(want) {
		t.Fatalf("warnings = %q, want %d", warns, len(want))
	}
	for i, w := range want {
		if !strings.Contains(warns[i], w) || !strings.Contains(warns[i], "unknown.yaml") {
			t.Errorf("warning %d = %q, want it to contain %q and the file", i, warns[i], w)
		}
	}
}

func TestInvalidValues(t *testing.T) {
	tests := []struct {
		name, file string
		env        map[string]string
		wantKey    string
	}{
		{name: "format", file: "badformat.yaml", wantKey: "format"},
		{name: "type", file: "badtype.yaml", wantKey: "depth"},
		{name: "env format", env: map[string]string{"KG_FORMAT": "yaml"}, wantKey: "format"},
		{name: "env rankdir", env: map[string]string{"KG_EXPORT_RANKDIR": "up"}, wantKey: "export.rankdir"},
		{name: "env layout", env: map[string]string{"KG_EXPORT_LAYOUT": "circo"}, wantKey: "export.layout"},
		{name: "env lang", env: map[string]string{"KG_EXTRACT_LANG": "french"}, wantKey: "extract.lang"},
		{name: "env bool", env: map[string]string{"KG_QUIET": "perhaps"}, wantKey: "quiet"},
		{name: "env backoff", env: map[string]string{"KG_LLM_BACKOFF": "0s"}, wantKey: "llm.backoff"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			src := Source{}
			if tt.file != "" {
				src = Source{File: filepath.Join("testdata", tt.file), Explicit: true}
			}
			_, _, err := Load(src)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.wantKey) {
				t.Errorf("error %q does not name key %q", err, tt.wantKey)
			}
		})
	}
}

func TestMissingFile(t *testing.T) {
	if _, _, err := Load(Source{File: "testdata/none.yaml"}); err != nil {
		t.Errorf("implicit missing file: %v", err)
	}
	if _, _, err := Load(Source{File: "testdata/none.yaml", Explicit: true}); err == nil || !strings.Contains(err.Error(), "none.yaml") {
		t.Errorf("explicit missing file: %v", err)
	}
}

// TestRepoConfig checks that the config.yaml shipped at the top of the
// repository holds exactly the defaults, every key, and nothing unknown.
func TestRepoConfig(t *testing.T) {
	path := filepath.Join("..", "config.yaml")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("config.yaml: %v", err)
	}
	c, warns, err := Load(Source{File: path, Explicit: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) > 0 {
		t.Errorf("warnings: %v", warns)
	}
	if !reflect.DeepEqual(c, Default()) {
		t.Errorf("config.yaml = %+v\nwant defaults %+v", c, Default())
	}
	data, _ := os.ReadFile(path)
	for k := range defaults(Default()) {
		leaf := k[strings.LastIndex(k, ".")+1:]
		if !strings.Contains(string(data), leaf+":") {
			t.Errorf("config.yaml lacks key %s", k)
		}
	}
}

func TestWorkersCapped(t *testing.T) {
	limit := MaxWorkers()
	tests := []struct {
		env  string
		want int
		warn bool
	}{
		{"0", 0, false},
		{"3", 3, false},
		{strconv.Itoa(limit), limit, false},
		{strconv.Itoa(limit + 1), limit, true},
		{"1000000", limit, true},
	}
	for _, tt := range tests {
		t.Setenv("KG_EXTRACT_WORKERS", tt.env)
		c, warns, err := Load(Source{})
		if err != nil {
			t.Fatal(err)
		}
		warned := len(warns) == 1 && strings.Contains(warns[0], "extract.workers "+tt.env+" is more than")
		if c.Extract.Workers != tt.want || warned != tt.warn {
			t.Errorf("KG_EXTRACT_WORKERS=%s: workers %d, warnings %q; want %d, a warning %t", tt.env, c.Extract.Workers, warns, tt.want, tt.warn)
		}
	}
}

func TestSyntaxErrorLine(t *testing.T) {
	tests := []struct {
		file string
		line int
	}{
		{"flow.yaml", 5},
		{"indent.yaml", 5},
		{"tab.yaml", 3},
		{"quote.yaml", 2},
		{"multiline.yaml", 5},
		{"dupkey.yaml", 4},
	}
	for _, tt := range tests {
		file := filepath.Join("testdata", "syntax", tt.file)
		_, _, err := Load(Source{File: file, Explicit: true})
		want := fmt.Sprintf("config file %s: line %d: ", file, tt.line)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("Load(%s) = %v, want an error starting %q", tt.file, err, want)
		}
	}
}
