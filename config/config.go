package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Config is every setting of kg. The mapstructure tags are the keys of
// config.yaml; the environment variable of a key is KG_ followed by the key
// in upper case with dots as underscores (extract.lang → KG_EXTRACT_LANG).
type Config struct {
	Store  string `mapstructure:"store"`
	Format string `mapstructure:"format"`
	Quiet  bool   `mapstructure:"quiet"`
	// Wait bounds how long a command waits for a store another kg
	// process holds; 0 fails at once.
	Wait    time.Duration `mapstructure:"wait"`
	Extract Extract       `mapstructure:"extract"`
	Export  Export        `mapstructure:"export"`
	LLM     LLM           `mapstructure:"llm"`
}

// Extract holds the settings of kg extract.
type Extract struct {
	// Lang forces the language of every document; empty means detect,
	// unless a JSON Lines document names its own.
	Lang string `mapstructure:"lang"`
	// Languages are extracted; documents in others are stored and reported.
	Languages []string `mapstructure:"languages"`
	// MaxDocumentBytes skips larger documents with a warning.
	MaxDocumentBytes int64 `mapstructure:"max_document_bytes"`
	// CapitalAsState reads a capital acting as subject ("Moscou affirme")
	// as its country.
	CapitalAsState bool `mapstructure:"capital_as_state"`
	// MinConfidence drops triples scored below it.
	MinConfidence float64 `mapstructure:"min_confidence"`
	// Lexicons lists directories of extra lexicon files, laid out like
	// the embedded ones (fr/verbs.tsv, en/concepts.tsv, ...) and read
	// after them.
	Lexicons []string `mapstructure:"lexicons"`
	// Syntax runs the tagger, lemmatizer and parser on every sentence,
	// giving relation extraction tags and lemmas.
	Syntax bool `mapstructure:"syntax"`
	// Models names a model file per language (made by kg model train);
	// languages not named use the built-in model.
	Models map[string]string `mapstructure:"models"`
	// Aliases is a YAML file of the user's names for entities, which take
	// precedence over recognition ("" for none).
	Aliases string `mapstructure:"aliases"`
	// Workers extract documents in parallel; 0 means one per CPU core,
	// and more than MaxWorkers means MaxWorkers.
	Workers int `mapstructure:"workers"`
	// Relations chooses who decides the relations: "learned" (the
	// relation model) or "rules" (the hand-written rules alone).
	Relations string `mapstructure:"relations"`
	// RelationModel is a relation model file made by kg model train
	// --relations; "" uses the built-in one.
	RelationModel string `mapstructure:"relation_model"`
	// Backend is who reads the relations: "local" (kg's own extraction)
	// or "llm" (the language model of the llm section).
	Backend string `mapstructure:"backend"`
}

// LLM holds the settings of the language model that extract.backend llm
// and kg annotate ask.
type LLM struct {
	// URL is the base URL of an OpenAI-compatible API, up to /v1.
	URL string `mapstructure:"url"`
	// Model is the model's name as the server knows it.
	Model string `mapstructure:"model"`
	// APIKeyEnv names the environment variable holding the API key ("":
	// none). The key itself is never a setting.
	APIKeyEnv string `mapstructure:"api_key_env"`
	// Parallel bounds the requests in flight.
	Parallel int `mapstructure:"parallel"`
	// Timeout bounds each request.
	Timeout time.Duration `mapstructure:"timeout"`
	// Retries is how many times a failed request is sent again.
	Retries int `mapstructure:"retries"`
	// Backoff is the wait before the first retry, doubled for each next
	// one (a server's Retry-After takes its place).
	Backoff time.Duration `mapstructure:"backoff"`
	// Cache is the directory of cached answers: "" for kg/llm under the
	// user's cache directory, "off" for none.
	Cache string `mapstructure:"cache"`
}

// Export holds the settings of kg export.
type Export struct {
	Depth int `mapstructure:"depth"`
	// MaxNodes prunes a bigger selection to this many entities; 0 means
	// the default of each format (export.EntityLimit).
	MaxNodes int    `mapstructure:"max_nodes"`
	RankDir  string `mapstructure:"rankdir"`
	// Layout is the Graphviz engine: one of Layouts; auto is dot for
	// small graphs and sfdp for large ones.
	Layout string `mapstructure:"layout"`
}

// Layouts are the values of the export.layout key.
var Layouts = []string{"auto", "dot", "sfdp", "neato"}

// Default returns the built-in settings.
func Default() Config {
	return Config{
		Store:  "./kg-data",
		Format: "table",
		Wait:   10 * time.Second,
		Extract: Extract{
			Languages:        []string{"fr", "en"},
			MaxDocumentBytes: 4 << 20,
			CapitalAsState:   true,
			Relations:        "learned",
			Backend:          "local",
			Lexicons:         []string{},
			Syntax:           true,
			Models:           map[string]string{},
		},
		Export: Export{Depth: 1, RankDir: "LR", Layout: "auto"},
		LLM:    LLM{URL: "http://localhost:11434/v1", Parallel: 4, Timeout: 5 * time.Minute, Retries: 4, Backoff: time.Second},
	}
}

// Formats are the values of the format key.
var Formats = []string{"table", "json", "jsonl", "csv"}

// defaults lists every key with its default, which is also what makes
// viper see KG_* variables for keys that no file or flag sets.
func defaults(c Config) map[string]any {
	return map[string]any{
		"store":                      c.Store,
		"format":                     c.Format,
		"quiet":                      c.Quiet,
		"wait":                       c.Wait,
		"extract.lang":               c.Extract.Lang,
		"extract.languages":          c.Extract.Languages,
		"extract.max_document_bytes": c.Extract.MaxDocumentBytes,
		"extract.capital_as_state":   c.Extract.CapitalAsState,
		"extract.min_confidence":     c.Extract.MinConfidence,
		"extract.lexicons":           c.Extract.Lexicons,
		"extract.syntax":             c.Extract.Syntax,
		"extract.models":             c.Extract.Models,
		"extract.aliases":            c.Extract.Aliases,
		"extract.workers":            c.Extract.Workers,
		"extract.relations":          c.Extract.Relations,
		"extract.relation_model":     c.Extract.RelationModel,
		"extract.backend":            c.Extract.Backend,
		"llm.url":                    c.LLM.URL,
		"llm.model":                  c.LLM.Model,
		"llm.api_key_env":            c.LLM.APIKeyEnv,
		"llm.parallel":               c.LLM.Parallel,
		"llm.timeout":                c.LLM.Timeout,
		"llm.retries":                c.LLM.Retries,
		"llm.backoff":                c.LLM.Backoff,
		"llm.cache":                  c.LLM.Cache,
		"export.depth":               c.Export.Depth,
		"export.max_nodes":           c.Export.MaxNodes,
		"export.rankdir":             c.Export.RankDir,
		"export.layout":              c.Export.Layout,
	}
}

// Source says where settings come from besides the defaults.
type Source struct {
	// File is the YAML file to read. When Explicit is false a missing
	// file is not an error.
	File     string
	Explicit bool
	// Flags binds config keys to command-line flags; a flag counts only
	// when it was set on the command line.
	Flags map[string]*pflag.Flag
}

// Load returns the settings from src, with warnings for keys of the file
// that kg does not know. An invalid value is an error naming its key.
func Load(src Source) (Config, []string, error) {
	v := viper.New()
	for k, val := range defaults(Default()) {
		v.SetDefault(k, val)
	}
	v.SetEnvPrefix("KG")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	for key, f := range src.Flags {
		if f == nil {
			continue
		}
		if err := v.BindPFlag(key, f); err != nil {
			return Config{}, nil, fmt.Errorf("config: binding flag --%s: %w", f.Name, err)
		}
	}

	var warnings []string
	if src.File != "" {
		v.SetConfigFile(src.File)
		v.SetConfigType("yaml")
		// kg reads the file first for the line of a syntax error, which
		// viper passes on from yaml.v3 a line short at times.
		if data, err := os.ReadFile(src.File); err == nil {
			if err := checkYAML(data); err != nil {
				return Config{}, nil, fmt.Errorf("config file %s: %w", src.File, err)
			}
		}
		err := v.ReadInConfig()
		switch {
		case err == nil:
			warnings = unknownKeys(v, src.File)
		case !src.Explicit && errors.Is(err, fs.ErrNotExist):
		default:
			return Config{}, nil, fmt.Errorf("config file %s: %w", src.File, err)
		}
	}

	var c Config
	if err := v.Unmarshal(&c); err != nil {
		return Config{}, warnings, fmt.Errorf("config: %w", err)
	}
	// A list given in the environment arrives as one string.
	c.Extract.Languages = splitList(c.Extract.Languages)
	c.Extract.Lexicons = splitList(c.Extract.Lexicons)
	if err := c.Validate(); err != nil {
		return Config{}, warnings, err
	}
	// Each worker holds a document's analysis (up to hundreds of MB): a
	// count far past the cores only costs memory.
	if limit := MaxWorkers(); c.Extract.Workers > limit {
		warnings = append(warnings, fmt.Sprintf("extract.workers %d is more than %d (4 per CPU core): using %d", c.Extract.Workers, limit, limit))
		c.Extract.Workers = limit
	}
	return c, warnings, nil
}

// MaxWorkers is the most extract.workers kg uses: 4 per CPU core, for
// documents that wait on the disk; more would be no faster.
func MaxWorkers() int { return 4 * runtime.NumCPU() }

// mapKeys are keys whose value is a map with keys of the user's choice.
var mapKeys = []string{"extract.models"}

func unknownKeys(v *viper.Viper, file string) []string {
	known := defaults(Default())
	var out []string
	for _, k := range v.AllKeys() {
		if _, ok := known[k]; ok {
			continue
		}
		if slices.ContainsFunc(mapKeys, func(m string) bool { return strings.HasPrefix(k, m+".") }) {
			continue
		}
		out = append(out, fmt.Sprintf("config file %s: unknown key %q ignored", file, k))
	}
	sort.Strings(out)
	return out
}

// Validate reports the first invalid setting, naming its key.
func (c Config) Validate() error {
	bad := func(key string, val any, want string) error {
		return fmt.Errorf("config: invalid %s %v: %s", key, val, want)
	}
	if strings.TrimSpace(c.Store) == "" {
		return bad("store", `""`, "want a directory")
	}
	if !slices.Contains(Formats, c.Format) {
		return bad("format", c.Format, "want one of "+strings.Join(Formats, ", "))
	}
	if c.Wait < 0 {
		return bad("wait", c.Wait, "want a duration of 0 or more, such as 30s or 2m")
	}
	if c.Extract.Lang != "" && !isLangCode(c.Extract.Lang) {
		return bad("extract.lang", c.Extract.Lang, "want an ISO 639-1 code such as fr or en")
	}
	for _, l := range c.Extract.Languages {
		if !isLangCode(l) {
			return bad("extract.languages", l, "want ISO 639-1 codes such as fr, en")
		}
	}
	if c.Extract.Workers < 0 {
		return bad("extract.workers", c.Extract.Workers, "want 0 (one per core) or more")
	}
	if c.Extract.MaxDocumentBytes <= 0 {
		return bad("extract.max_document_bytes", c.Extract.MaxDocumentBytes, "want a positive number of bytes")
	}
	if c.Extract.Relations != "learned" && c.Extract.Relations != "rules" {
		return bad("extract.relations", c.Extract.Relations, "want learned or rules")
	}
	if c.Extract.Backend != "local" && c.Extract.Backend != "llm" {
		return bad("extract.backend", c.Extract.Backend, "want local or llm")
	}
	if c.Extract.Backend == "llm" && strings.TrimSpace(c.LLM.Model) == "" {
		return bad("llm.model", `""`, "extract.backend llm needs a model (such as qwen2.5:7b)")
	}
	if u := c.LLM.URL; !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
		// The value is not repeated: a URL may carry a password.
		return errors.New("config: invalid llm.url: want http://host[:port]/v1 or https://...")
	}
	if c.LLM.Parallel < 1 {
		return bad("llm.parallel", c.LLM.Parallel, "want 1 or more")
	}
	if c.LLM.Timeout <= 0 {
		return bad("llm.timeout", c.LLM.Timeout, "want a duration such as 5m")
	}
	if c.LLM.Retries < 0 {
		return bad("llm.retries", c.LLM.Retries, "want 0 or more")
	}
	if c.LLM.Backoff <= 0 {
		return bad("llm.backoff", c.LLM.Backoff, "want a duration such as 1s")
	}
	if c.Extract.MinConfidence < 0 || c.Extract.MinConfidence > 1 {
		return bad("extract.min_confidence", c.Extract.MinConfidence, "want a number in [0, 1]")
	}
	for _, d := range c.Extract.Lexicons {
		if strings.TrimSpace(d) == "" {
			return bad("extract.lexicons", `""`, "want directories")
		}
	}
	for l, p := range c.Extract.Models {
		if !isLangCode(l) {
			return bad("extract.models", l, "want ISO 639-1 codes as keys")
		}
		if strings.TrimSpace(p) == "" {
			return bad("extract.models."+l, `""`, "want a model file")
		}
	}
	if c.Export.Depth < 0 {
		return bad("export.depth", c.Export.Depth, "want 0 or more")
	}
	if c.Export.MaxNodes < 0 {
		return bad("export.max_nodes", c.Export.MaxNodes, "want 0 (150 for svg and png, all for data) or more")
	}
	if !slices.Contains([]string{"LR", "RL", "TB", "BT"}, c.Export.RankDir) {
		return bad("export.rankdir", c.Export.RankDir, "want LR, RL, TB or BT")
	}
	if !slices.Contains(Layouts, c.Export.Layout) {
		return bad("export.layout", c.Export.Layout, "want one of "+strings.Join(Layouts, ", "))
	}
	return nil
}

func splitList(l []string) []string {
	if len(l) == 1 && strings.ContainsAny(l[0], ", ") {
		return strings.FieldsFunc(l[0], func(r rune) bool { return r == ',' || r == ' ' })
	}
	return l
}

func isLangCode(s string) bool {
	if len(s) != 2 {
		return false
	}
	return s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z'
}

// DefaultFile is the config file read when none is named: config.yaml in
// the working directory, if there is one.
func DefaultFile() string {
	if f := os.Getenv("KG_CONFIG"); f != "" {
		return f
	}
	return "config.yaml"
}
