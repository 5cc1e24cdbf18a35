package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/ingest"
	"github.com/kgraph/kg/storage"
)

// TestMain lets the test binary act as kg itself, for the tests that
// need a real process (kill and resume, the store lock).
func TestMain(m *testing.M) {
	if os.Getenv("KG_TEST_AS_KG") == "1" {
		if n, err := strconv.Atoi(os.Getenv("KG_TEST_KILL_AFTER")); err == nil {
			wrapStore = func(st ingest.Store) ingest.Store { return &killAfter{Store: st, left: n} }
		}
		os.Exit(runMain())
	}
	os.Exit(m.Run())
}

// killAfter kills its own process with SIGKILL as soon as it has stored
// left documents, for TestKillAndResume: a kill at a document count,
// which no machine's speed can move, with the workers still extracting
// the documents that follow.
type killAfter struct {
	ingest.Store
	left int
}

func (k *killAfter) PutDocument(ctx context.Context, doc graph.Document, entities []graph.Entity, triples []graph.Triple) (storage.PutResult, error) {
	put, err := k.Store.PutDocument(ctx, doc, entities, triples)
	if err != nil {
		return put, err
	}
	if k.left--; k.left == 0 {
		self, _ := os.FindProcess(os.Getpid())
		self.Kill()
		select {} // the kill is not synchronous
	}
	return put, nil
}

// kg runs the CLI in process and returns stdout, stderr and the exit code.
func kg(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func examples(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// isolate keeps the test from reading the repository's config.yaml or
// the environment of the developer running it.
func isolate(t *testing.T) (string, string) {
	t.Helper()
	ex := examples(t)
	dir := t.TempDir()
	t.Chdir(dir)
	for _, k := range []string{"KG_STORE", "KG_FORMAT", "KG_QUIET", "KG_CONFIG", "KG_EXTRACT_LANG"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	return dir, ex
}

func TestEndToEnd(t *testing.T) {
	dir, ex := isolate(t)
	store := filepath.Join(dir, "store")
	_, stderr, code := kg(t, "--store", store, "extract", ex)
	if code != exitOK {
		t.Fatalf("extract exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "9 documents read: 9 added") {
		t.Errorf("summary = %q", stderr)
	}

	// The two triples the example article must give.
	out, stderr, code := kg(t, "--store", store, "--format", "jsonl", "query", "--subject", "sergueï lavrov", "--predicate", "meets")
	if code != exitOK {
		t.Fatalf("query exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, `"object":"Jean-Marc Ayrault"`) {
		t.Errorf("no (Sergei Lavrov, meets, Jean-Marc Ayrault) in\n%s", out)
	}
	out, _, _ = kg(t, "--store", store, "--format", "json", "query", "--subject", "Germany", "--predicate", "considers", "--evidence")
	var edges []struct {
		Subject, Object string
		Evidence        []struct{ Doc, Sentence string }
	}
	if err := json.Unmarshal([]byte(out), &edges); err != nil {
		t.Fatalf("query json: %v\n%s", err, out)
	}
	found := false
	for _, e := range edges {
		if e.Object == "sanctions" && len(e.Evidence) > 0 && e.Evidence[0].Doc == "lavrov-ayrault-fr.txt" && strings.Contains(e.Evidence[0].Sentence, "autorités allemandes") {
			found = true
		}
	}
	if !found {
		t.Errorf("no (Germany, considers, sanctions) with its evidence in\n%s", out)
	}

	// Running again adds nothing.
	_, stderr, code = kg(t, "--store", store, "extract", ex)
	if code != exitOK || !strings.Contains(stderr, "0 added, 0 replaced, 9 unchanged") {
		t.Errorf("second extract exit %d: %s", code, stderr)
	}

	out, _, code = kg(t, "--store", store, "--format", "csv", "entities", "--type", "person", "--top", "3")
	if code != exitOK || !strings.HasPrefix(out, "name,type,documents,mentions,relations,aliases\n") || strings.Count(out, "\n") != 4 {
		t.Errorf("entities exit %d:\n%s", code, out)
	}
	out, _, code = kg(t, "--store", store, "--format", "json", "stats")
	if code != exitOK || !strings.Contains(out, `"Documents": 9`) && !strings.Contains(out, `"documents": 9`) {
		t.Errorf("stats exit %d:\n%s", code, out)
	}

	out, _, code = kg(t, "--store", store, "--format", "jsonl", "why", "sergueï lavrov", "meets", "Ayrault")
	if code != exitOK || !strings.Contains(out, `"doc":"lavrov-ayrault-fr.txt"`) || !strings.Contains(out, `"span":[0,254]`) {
		t.Errorf("why exit %d:\n%s", code, out)
	}
	if _, _, code := kg(t, "--store", store, "why", "Sergei Lavrov", "sues", "Jean-Marc Ayrault"); code != exitNoMatch {
		t.Errorf("why of an unstated relation: exit %d", code)
	}
	out, _, code = kg(t, "--store", store, "--format", "jsonl", "neighbors", "Lavrov")
	if code != exitOK || !strings.Contains(out, `"predicate":"meets","object":"Jean-Marc Ayrault"`) {
		t.Errorf("neighbors exit %d:\n%s", code, out)
	}
	if _, _, code := kg(t, "--store", store, "neighbors", "Lavrov", "--in"); code != exitNoMatch {
		t.Errorf("neighbors --in of Lavrov (no relation points to him): exit %d", code)
	}

	out, _, code = kg(t, "--store", store, "--format", "csv", "path", "Lavrov", "Moscow")
	if code != exitOK || out != "path,step,subject,predicate,object\n1,1,Sergei Lavrov,meets,Jean-Marc Ayrault\n1,2,Jean-Marc Ayrault,visits,Moscow\n" {
		t.Errorf("path exit %d:\n%s", code, out)
	}
	if _, _, code := kg(t, "--store", store, "path", "Lavrov", "Moscow", "--max-depth", "1"); code != exitNoMatch {
		t.Errorf("path too short: exit %d", code)
	}

	out, _, code = kg(t, "--store", store, "--format", "jsonl", "stats", "--unmapped", "--top", "3")
	if code != exitOK || strings.Count(out, "\n") != 3 || !strings.Contains(out, `"lemma":`) {
		t.Errorf("stats --unmapped exit %d:\n%s", code, out)
	}

	for _, format := range []string{"dot", "svg"} {
		file := filepath.Join(dir, "lavrov."+format)
		_, stderr, code = kg(t, "--store", store, "export", "--focus", "Lavrov", "--out", file)
		if code != exitOK {
			t.Fatalf("export %s exit %d: %s", format, code, stderr)
		}
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(data, []byte("Ayrault")) || !bytes.Contains(data, []byte("Sergei Lavrov")) {
			t.Errorf("%s lacks the focus and its neighbour:\n%.500s", format, data)
		}
	}
	if _, _, code := kg(t, "--store", store, "query", "--subject", "Nobody Atall"); code != exitNoMatch {
		t.Errorf("query with no match: exit %d, want %d", code, exitNoMatch)
	}
}

func TestStoreFromEnvironment(t *testing.T) {
	dir, ex := isolate(t)
	envStore := filepath.Join(dir, "from-env")
	t.Setenv("KG_STORE", envStore)
	if _, stderr, code := kg(t, "extract", filepath.Join(ex, "lavrov-ayrault-fr.txt")); code != exitOK {
		t.Fatalf("extract exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(envStore); err != nil {
		t.Errorf("KG_STORE ignored: %v", err)
	}
	// A flag beats the environment.
	flagStore := filepath.Join(dir, "from-flag")
	if _, stderr, code := kg(t, "--store", flagStore, "extract", filepath.Join(ex, "lavrov-ayrault-fr.txt")); code != exitOK {
		t.Fatalf("extract exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(flagStore); err != nil {
		t.Errorf("--store ignored: %v", err)
	}
	// The config file is below the environment.
	cfg := filepath.Join(dir, "kg.yaml")
	os.WriteFile(cfg, []byte("store: "+filepath.Join(dir, "from-file")+"\nformat: jsonl\n"), 0o644)
	out, _, code := kg(t, "--config", cfg, "query", "--predicate", "meets")
	if code != exitOK || !strings.HasPrefix(out, "{") {
		t.Errorf("config file format jsonl and KG_STORE: exit %d, out %q", code, out)
	}
}

func TestUsageErrors(t *testing.T) {
	dir, _ := isolate(t)
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want int
		msg  string
	}{
		{"unknown flag", []string{"query", "--frobnicate"}, nil, exitUsage, "frobnicate"},
		{"bad format", []string{"--format", "xml", "stats"}, nil, exitUsage, "format"},
		{"bad env", []string{"stats"}, map[string]string{"KG_EXPORT_RANKDIR": "diagonal"}, exitUsage, "export.rankdir"},
		{"extract needs a path", []string{"extract"}, nil, exitUsage, "arg"},
		{"bad entity type", []string{"entities", "--type", "ANIMAL"}, nil, exitUsage, "ANIMAL"},
		{"missing explicit config", []string{"--config", filepath.Join(dir, "none.yaml"), "stats"}, nil, exitUsage, "none.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			_, stderr, code := kg(t, append([]string{"--store", filepath.Join(dir, "s")}, tt.args...)...)
			if code != tt.want || !strings.Contains(stderr, tt.msg) {
				t.Errorf("exit %d (want %d), stderr %q (want %q in it)", code, tt.want, stderr, tt.msg)
			}
		})
	}
}

func TestBadInputIsSkipped(t *testing.T) {
	dir, _ := isolate(t)
	corpus := filepath.Join(dir, "corpus")
	os.MkdirAll(corpus, 0o755)
	os.WriteFile(filepath.Join(corpus, "a.jsonl"), []byte(
		`{"id":"one","text":"Sergueï Lavrov a rencontré Jean-Marc Ayrault à Moscou."}`+"\n"+
			`{"id":"two","text":`+"\n"+
			`{"id":"three","text":"John Kerry met Sergei Lavrov in Geneva on Monday."}`+"\n"), 0o644)
	os.WriteFile(filepath.Join(corpus, "b.txt"), []byte("bad \xff\xfe utf-8"), 0o644)
	os.WriteFile(filepath.Join(corpus, "c.txt"), nil, 0o644)
	store := filepath.Join(dir, "store")
	_, stderr, code := kg(t, "--store", store, "extract", corpus)
	if code != exitPartial {
		t.Errorf("exit %d, want %d: %s", code, exitPartial, stderr)
	}
	for _, want := range []string{"a.jsonl:2", "b.txt", "c.txt", "2 added"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// TestKillAndResume kills kg extract at set document counts, each run
// resuming the last, and checks that each kill kept exactly the
// documents stored before it and that running it again ends with the
// store of one uninterrupted run. The kills come from within: with
// KG_TEST_KILL_AFTER=N in its environment, the test binary acting as kg
// (TestMain) sends itself SIGKILL once it has stored N documents, so the
// verdict does not depend on the machine's speed.
func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("kill and resume runs processes; skipped with -short")
	}
	dir, ex := isolate(t)
	corpus := filepath.Join(dir, "corpus.jsonl")
	writeCorpus(t, ex, corpus, 200)

	want := dump(t, filepath.Join(dir, "whole"), corpus)

	store := filepath.Join(dir, "killed")
	stored := 0
	for _, n := range []int{1, 1, 3, 8, 21, 55} {
		cmd := exec.Command(os.Args[0], "--quiet", "--store", store, "extract", corpus)
		cmd.Env = append(os.Environ(), "KG_TEST_AS_KG=1", "KG_TEST_KILL_AFTER="+strconv.Itoa(n))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("kill after %d documents: the run ended by itself (%v): %s", n, err, stderr.String())
		}
		stored += n
		out, stderr2, code := kg(t, "--store", store, "--format", "json", "stats")
		var stats struct{ Documents int }
		if code != exitOK || json.Unmarshal([]byte(out), &stats) != nil {
			t.Fatalf("stats after a kill: exit %d: %s%s", code, stderr2, out)
		}
		if stats.Documents != stored {
			t.Fatalf("killed after %d more documents: %d stored, want %d", n, stats.Documents, stored)
		}
	}
	got := dump(t, store, corpus)
	if got != want {
		t.Errorf("store after kills and resume differs from an uninterrupted run:\n got %d bytes\nwant %d bytes", len(got), len(want))
	}
}

// dump extracts corpus into store (resuming) and returns the store's
// contents as text.
func dump(t *testing.T, store, corpus string) string {
	t.Helper()
	if _, stderr, code := kg(t, "--quiet", "--store", store, "extract", corpus); code != exitOK {
		t.Fatalf("extract exit %d: %s", code, stderr)
	}
	var b strings.Builder
	for _, args := range [][]string{
		{"query", "--evidence"},
		{"entities"},
		{"stats"},
	} {
		out, stderr, code := kg(t, append([]string{"--store", store, "--format", "jsonl"}, args...)...)
		if code != exitOK {
			t.Fatalf("%v exit %d: %s", args, code, stderr)
		}
		if args[0] == "stats" {
			out = dropSize(out)
		}
		b.WriteString(out)
	}
	return b.String()
}

// dropSize removes the store size, which depends on Badger's files.
func dropSize(statsJSON string) string {
	var m map[string]any
	if err := json.Unmarshal([]byte(statsJSON), &m); err != nil {
		return statsJSON
	}
	for k := range m {
		if strings.Contains(strings.ToLower(k), "size") {
			delete(m, k)
		}
	}
	b, _ := json.Marshal(m)
	return string(b)
}

// writeCorpus writes n documents made of the example articles' sentences.
func writeCorpus(t *testing.T, ex, path string, n int) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(ex, "lavrov-ayrault-fr.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(src)), "\n")
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for i := range n {
		text := lines[i%len(lines)] + "\n" + lines[(i*7+3)%len(lines)]
		enc.Encode(map[string]string{"id": fmt.Sprintf("doc-%04d", i), "lang": "fr", "text": text})
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLexiconFromConfig extends the French lexicon with a directory named
// in the environment, as a user would, and finds the new verb's triple.
func TestLexiconFromConfig(t *testing.T) {
	dir, _ := isolate(t)
	lex := filepath.Join(dir, "lexicons")
	os.MkdirAll(filepath.Join(lex, "fr"), 0o755)
	os.WriteFile(filepath.Join(lex, "fr", "verbs.tsv"), []byte("# my verbs\nsermonner\t-\tlectures\taction\t0\n"), 0o644)
	doc := filepath.Join(dir, "a.txt")
	os.WriteFile(doc, []byte("Le président Emmanuel Macron a sermonné Viktor Orban à Bruxelles.\n"), 0o644)

	out, stderr, code := kg(t, "--store", filepath.Join(dir, "s1"), "extract", "--lang", "fr", "--emit", "jsonl", doc)
	if code != exitOK || strings.Contains(out, `"lectures"`) {
		t.Fatalf("without the lexicon: exit %d, %s\n%s", code, stderr, out)
	}
	t.Setenv("KG_EXTRACT_LEXICONS", lex)
	out, stderr, code = kg(t, "--store", filepath.Join(dir, "s2"), "extract", "--lang", "fr", "--emit", "jsonl", doc)
	if code != exitOK || !strings.Contains(out, `"subject":"Emmanuel Macron","subject_type":"PERSON","predicate":"lectures","object":"Viktor Orban"`) {
		t.Errorf("with KG_EXTRACT_LEXICONS: exit %d, %s\n%s", code, stderr, out)
	}
	// A malformed row names its file and line, and stops kg as a usage error.
	os.WriteFile(filepath.Join(lex, "fr", "verbs.tsv"), []byte("# my verbs\nsermonner\tlectures\n"), 0o644)
	_, stderr, code = kg(t, "--store", filepath.Join(dir, "s3"), "extract", doc)
	if code != exitUsage || !strings.Contains(stderr, "verbs.tsv:2") {
		t.Errorf("malformed lexicon: exit %d, %s", code, stderr)
	}
}

// TestModelTrainEval trains a model on the small sample treebank of
// extract/model and evaluates it, as a user would with full treebanks.
func TestModelTrainEval(t *testing.T) {
	dir, ex := isolate(t)
	sample := filepath.Join(filepath.Dir(ex), "extract", "model", "testdata")
	out := filepath.Join(dir, "en.kgm")
	_, stderr, code := kg(t, "--quiet", "model", "train", "--treebank", filepath.Join(sample, "train.conllu"), "--lang", "en", "--folds", "2", "--out", out)
	if code != exitOK {
		t.Fatalf("train exit %d: %s", code, stderr)
	}
	stdout, stderr, code := kg(t, "--format", "json", "model", "eval", "--treebank", filepath.Join(sample, "eval.conllu"), "--model", out)
	if code != exitOK {
		t.Fatalf("eval exit %d: %s", code, stderr)
	}
	var s struct {
		Words           int
		UPOS, UAS, LAS  float64
		TokensPerSecond float64 `json:"tokens_per_sec"`
	}
	if err := json.Unmarshal([]byte(stdout), &s); err != nil {
		t.Fatalf("%v: %s", err, stdout)
	}
	if s.Words != 807 || s.UPOS <= 0 || s.UAS <= 0 || s.LAS > s.UAS || s.TokensPerSecond <= 0 {
		t.Errorf("scores %+v", s)
	}
	// --exclude leaves sentences out by sent_id, from a plain list or
	// from JSON Lines documents whose ids name "treebank:sent_id".
	held := filepath.Join(dir, "held-out.jsonl")
	os.WriteFile(held, []byte(`{"id": "en_ewt:weblog-juancole.com_juancole_20051126063000_ENG_20051126_063000-0002", "lang": "en", "text": "x"}`+"\nweblog-juancole.com_juancole_20051126063000_ENG_20051126_063000-0003\n"), 0o644)
	_, stderr, code = kg(t, "model", "train", "--treebank", filepath.Join(sample, "train.conllu"), "--exclude", held, "--lang", "en", "--folds", "2", "--out", filepath.Join(dir, "held.kgm"))
	if code != exitOK || !strings.Contains(stderr, "left out 2 training and 0 dev sentences") || !strings.Contains(stderr, "from 58 sentences") {
		t.Errorf("--exclude: exit %d, %s", code, stderr)
	}
	_, stderr, code = kg(t, "model", "train", "--treebank", filepath.Join(sample, "train.conllu"), "--exclude", filepath.Join(dir, "none.txt"), "--lang", "en", "--out", filepath.Join(dir, "held.kgm"))
	if code != exitUsage || !strings.Contains(stderr, "none.txt") {
		t.Errorf("missing --exclude file: exit %d, %s", code, stderr)
	}
	// A model for another language is refused, naming both.
	_, stderr, code = kg(t, "model", "eval", "--treebank", filepath.Join(sample, "eval.conllu"), "--model", out, "--lang", "fr")
	if code != exitFailure || !strings.Contains(stderr, `"en"`) || !strings.Contains(stderr, `"fr"`) {
		t.Errorf("wrong-language model: exit %d, %s", code, stderr)
	}
	// A file that is not a model is refused.
	bad := filepath.Join(dir, "bad.kgm")
	os.WriteFile(bad, []byte("not a model"), 0o644)
	_, stderr, code = kg(t, "model", "eval", "--treebank", filepath.Join(sample, "eval.conllu"), "--model", bad)
	if code != exitFailure || !strings.Contains(stderr, "not a kg model") {
		t.Errorf("corrupt model: exit %d, %s", code, stderr)
	}
}

// TestEval scores the example article against two gold triples written
// for the test: one it states and kg finds, one it does not state.
func TestEval(t *testing.T) {
	dir, ex := isolate(t)
	gold := filepath.Join(dir, "gold.jsonl")
	os.WriteFile(gold, []byte(
		`{"doc":"lavrov-ayrault-fr.txt","s":["Sergei Lavrov"],"p":["meets"],"o":["Jean-Marc Ayrault"],"neg":false}`+"\n"+
			`{"doc":"lavrov-ayrault-fr.txt","s":["Jean-Marc Ayrault"],"p":["sings with"],"o":["Sergei Lavrov"],"neg":false}`+"\n"), 0o644)
	out, stderr, code := kg(t, "--format", "json", "eval", gold, "--corpus", filepath.Join(ex, "lavrov-ayrault-fr.txt"))
	if code != exitOK {
		t.Fatalf("eval exit %d: %s", code, stderr)
	}
	var r struct {
		Gold, Produced, Matched int
		Recall                  float64
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if r.Gold != 2 || r.Matched != 1 || r.Recall != 0.5 || r.Produced == 0 {
		t.Errorf("eval = %+v", r)
	}
	out, _, code = kg(t, "eval", gold, "--corpus", filepath.Join(ex, "lavrov-ayrault-fr.txt"), "--show")
	if code != exitOK || !strings.Contains(out, "sings with") || !strings.Contains(out, "gold 2  produced") {
		t.Errorf("eval --show exit %d:\n%s", code, out)
	}
	if _, stderr, code := kg(t, "eval", gold); code != exitUsage {
		t.Errorf("eval without --corpus or --pred: exit %d, %s", code, stderr)
	}
}

func TestEmitCaRB(t *testing.T) {
	dir, _ := isolate(t)
	in := filepath.Join(dir, "sentences.txt")
	os.WriteFile(in, []byte("John Kerry met Sergei Lavrov in Geneva .\nParis is the capital of France .\n"), 0o644)
	out, stderr, code := kg(t, "extract", "--emit", "carb", in)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "John Kerry met Sergei Lavrov in Geneva .\t0.80\tmet\tJohn Kerry\tSergei Lavrov\tin Geneva\n") {
		t.Errorf("output:\n%s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "kg-data")); err == nil {
		t.Error("--emit carb created a store")
	}
}

func TestEvalParallel(t *testing.T) {
	dir, _ := isolate(t)
	fr := filepath.Join(dir, "fr.jsonl")
	en := filepath.Join(dir, "en.jsonl")
	os.WriteFile(fr, []byte(`{"id":"a#fr","parallel_id":"a","lang":"fr","text":"La France soutient l'Allemagne. Le Japon a critiqué la Chine."}`+"\n"), 0o644)
	os.WriteFile(en, []byte(`{"id":"a#en","parallel_id":"a","lang":"en","text":"France supports Germany."}`+"\n"), 0o644)
	out, stderr, code := kg(t, "--format", "json", "eval", "--parallel", fr, en)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r struct {
		Articles, Both int
		PairsA         int `json:"pairs_a"`
		PairsB         int `json:"pairs_b"`
		Share          float64
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if r.Articles != 1 || r.PairsA != 2 || r.PairsB != 1 || r.Both != 1 || r.Share != 0.5 {
		t.Errorf("agreement %+v, want 1 article, 2/1 pairs, 1 on both, share 0.5", r)
	}
	if _, _, code := kg(t, "eval", "--parallel", fr); code != exitUsage {
		t.Errorf("one corpus: exit %d, want usage", code)
	}
}

// TestAliasesFile names an entity the user's way through extract.aliases.
func TestAliasesFile(t *testing.T) {
	dir, ex := isolate(t)
	aliases := filepath.Join(dir, "aliases.yaml")
	os.WriteFile(aliases, []byte("Lavrov (Russian foreign minister):\n  type: PERSON\n  aliases: [Sergueï Lavrov, Lavrov]\n"), 0o644)
	t.Setenv("KG_EXTRACT_ALIASES", aliases)
	out, stderr, code := kg(t, "extract", "--no-store", "--emit", "jsonl", filepath.Join(ex, "lavrov-ayrault-fr.txt"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, `"subject":"Lavrov (Russian foreign minister)","subject_type":"PERSON","predicate":"meets"`) {
		t.Errorf("the alias file did not name Lavrov:\n%.600s", out)
	}
	os.WriteFile(aliases, []byte("X: 3\n"), 0o644)
	if _, stderr, code := kg(t, "extract", "--no-store", filepath.Join(ex, "lavrov-ayrault-fr.txt")); code != exitUsage || !strings.Contains(stderr, "aliases.yaml") {
		t.Errorf("bad alias file: exit %d, %s", code, stderr)
	}
}
