package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/kgraph/kg/extract/llm/llmtest"
	"github.com/kgraph/kg/extract/llm/prompt"
	"github.com/kgraph/kg/extract/relmodel"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/storage"
)

// The API key of the tests: it must reach the server and nothing else.
const testKey = "sk-invented-9f8e7d6c5b4a"

// llmDoc is an invented document and what the scripted model answers.
type llmDoc struct {
	id, text string
	steps    []llmtest.Step
}

func answer(rels ...prompt.Relation) llmtest.Step {
	return llmtest.Step{Content: prompt.Marshal(rels), PromptTokens: 800, CompletionTokens: 60}
}

func r(s string, st graph.EntityType, p, o string, ot graph.EntityType, neg bool, sentence string) prompt.Relation {
	return prompt.Relation{Subject: s, SubjectType: st, Predicate: p, Object: o, ObjectType: ot, Negated: neg, Modality: graph.Asserted, Sentence: sentence}
}

const (
	goodS1    = "Mayor Lena Okafor opened the new bridge in Tarnby on Friday."
	goodS2    = "Okafor thanked the engineers of Brightwell Works."
	halluS    = "The Vantor Council approved the budget of Tarnby."
	variantS1 = "Sergueï Domnin met Clara Vesk in Lisbon."
	variantS2 = "Domnin later criticized Vesk."
	slowS     = "Piet Hallo visited Rotterdam."
	busyS     = "Ines Maro sued Corvane Logistics."
	flakyS    = "Tom Reyd joined Corvane Logistics."
	brokenS   = "Ada Pell resigned."
	deadS     = "Olaf Brun left Vantor."
)

// llmCorpus is the corpus of the store test: one document per kind of
// answer the issue lists.
var llmCorpus = []llmDoc{
	{"good", goodS1 + " " + goodS2, []llmtest.Step{answer(
		r("Lena Okafor", graph.Person, "opened", "new bridge", graph.Concept, false, goodS1),
		r("Lena Okafor", graph.Person, "thanks", "Brightwell Works", graph.Org, false, goodS2))}},
	{"hallucinated", halluS, []llmtest.Step{answer(
		r("Vantor Council", graph.Org, "approves", "budget", graph.Concept, false, halluS),
		r("Vantor Council", graph.Org, "rejects", "budget", graph.Concept, false, "The Vantor Council rejected the budget."))}},
	{"variant", variantS1 + " " + variantS2, []llmtest.Step{answer(
		r("Sergueï Domnin", graph.Person, "met", "Clara Vesk", graph.Person, false, variantS1),
		r("Domnin", graph.Person, "criticized", "Vesk", graph.Person, false, variantS2))}},
	{"malformed", brokenS, []llmtest.Step{{Content: `{"triples": [{"subject": "Ada Pell", "predicate": `}}},
	{"timeout", slowS, []llmtest.Step{{Hang: true}, answer(r("Piet Hallo", graph.Person, "visits", "Rotterdam", graph.GPE, false, slowS))}},
	{"rate-limited", busyS, []llmtest.Step{{Status: 429, RetryAfter: "1"}, answer(r("Ines Maro", graph.Person, "sues", "Corvane Logistics", graph.Org, false, busyS))}},
	{"server-error", flakyS, []llmtest.Step{{Status: 500}, answer(r("Tom Reyd", graph.Person, "joins", "Corvane Logistics", graph.Org, false, flakyS))}},
	{"down", deadS, []llmtest.Step{{Status: 503}}},
}

func writeLLMCorpus(t *testing.T, path string, docs []llmDoc) {
	t.Helper()
	var b bytes.Buffer
	for _, d := range docs {
		line, _ := json.Marshal(map[string]string{"id": d.id, "lang": "en", "text": d.text})
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func scriptServer(docs []llmDoc) *llmtest.Server {
	srv := llmtest.New()
	for _, d := range docs {
		srv.On(d.text, d.steps...)
	}
	return srv
}

// serveLLM starts a scripted server answering docs, points kg at it
// (llmEnv) and writes docs as a corpus in dir, whose path it returns.
func serveLLM(t *testing.T, dir string, docs []llmDoc) (*llmtest.Server, string) {
	t.Helper()
	srv := scriptServer(docs)
	t.Cleanup(srv.Close)
	llmEnv(t, srv, dir)
	corpus := filepath.Join(dir, "corpus.jsonl")
	writeLLMCorpus(t, corpus, docs)
	return srv, corpus
}

// llmEnv points kg at srv with the test key, and a cache of its own.
func llmEnv(t *testing.T, srv *llmtest.Server, dir string) {
	t.Helper()
	t.Setenv("KG_LLM_URL", srv.URL())
	t.Setenv("KG_LLM_MODEL", "test-model")
	t.Setenv("KG_LLM_API_KEY_ENV", "KG_TEST_LLM_KEY")
	t.Setenv("KG_TEST_LLM_KEY", testKey)
	t.Setenv("KG_LLM_CACHE", filepath.Join(dir, "llm-cache"))
	t.Setenv("KG_LLM_TIMEOUT", "300ms")
	t.Setenv("KG_LLM_RETRIES", "2")
}

// storedTriples lists the store's triples as "subject|predicate|object|negated|sentence".
func storedTriples(t *testing.T, store string) []string {
	t.Helper()
	var got []string
	for _, e := range storeEdges(t, store) {
		for _, ev := range e.Evidence {
			got = append(got, fmt.Sprintf("%s|%s|%s|%t|%s|%s", e.Subject, e.Predicate, e.Object, e.Negated, ev.Doc, ev.Sentence))
			if ev.Extractor != "llm test-model "+prompt.Version || ev.Confidence != 0.9 {
				t.Errorf("evidence of %s: extractor %q, confidence %g", ev.Doc, ev.Extractor, ev.Confidence)
			}
		}
	}
	slices.Sort(got)
	return got
}

// TestLLMBackend extracts the corpus of every kind of answer with the
// llm backend and checks exactly what is stored, what is reported and
// that the API key is nowhere but in the requests.
func TestLLMBackend(t *testing.T) {
	dir, _ := isolate(t)
	t.Setenv("KG_LLM_BACKOFF", "1ms")
	srv, corpus := serveLLM(t, dir, llmCorpus)
	store := filepath.Join(dir, "store")

	start := time.Now()
	stdout, stderr, code := kg(t, "--store", store, "extract", "--backend", "llm", "--llm-parallel", "3", corpus)
	if code != exitPartial {
		t.Fatalf("extract exit %d, want %d: %s", code, exitPartial, stderr)
	}
	if time.Since(start) < time.Second {
		t.Errorf("the run took %s: Retry-After 1 was not waited for", time.Since(start))
	}
	want := []string{
		"Ines Maro|sues|Corvane Logistics|false|rate-limited|" + busyS,
		"Lena Okafor|opens|new bridge|false|good|" + goodS1,
		"Lena Okafor|thanks|Brightwell Works|false|good|" + goodS2,
		"Piet Hallo|visits|Rotterdam|false|timeout|" + slowS,
		"Sergei Domnin|criticizes|Clara Vesk|false|variant|" + variantS2,
		"Sergei Domnin|meets|Clara Vesk|false|variant|" + variantS1,
		"Tom Reyd|joins|Corvane Logistics|false|server-error|" + flakyS,
		"Vantor Council|approves|budget|false|hallucinated|" + halluS,
	}
	got := storedTriples(t, store)
	if !slices.Equal(got, want) {
		t.Errorf("stored triples:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range []string{
		"8 documents read: 6 added, 0 replaced, 0 unchanged, 0 not extracted (language), 2 skipped",
		"kg: llm test-model: 8 documents asked, 0 from the cache, 15 requests",
		"1 triples dropped (sentence not in the document), 3 answers malformed, 2 documents failed",
		"document malformed: llm: 3 answers could not be read",
		"document down: llm http://127.0.0.1:",
		"3 attempts: HTTP 503",
	} {
		if !strings.Contains(stderr, s) {
			t.Errorf("stderr lacks %q:\n%s", s, stderr)
		}
	}
	// 800 prompt + 60 completion tokens per answer, 6 good and 3
	// malformed answers (counted from what the server said).
	if !strings.Contains(stderr, "tokens used: ") {
		t.Errorf("no token count: %s", stderr)
	}

	// The name variants are one entity, with the forms the model used.
	out, stderr, code := kg(t, "--store", store, "--format", "jsonl", "entities", "--type", "PERSON")
	if code != exitOK {
		t.Fatalf("entities: exit %d: %s", code, stderr)
	}
	var persons []string
	for _, e := range decodeJSONL[graph.Entity](t, []byte(out)) {
		slices.Sort(e.Aliases)
		persons = append(persons, e.Name+" "+strings.Join(e.Aliases, ","))
	}
	slices.Sort(persons)
	if want := []string{"Clara Vesk Vesk", "Ines Maro ", "Lena Okafor ", "Piet Hallo ", "Sergei Domnin Domnin,Sergueï Domnin", "Tom Reyd "}; !slices.Equal(persons, want) {
		t.Errorf("persons %q, want %q", persons, want)
	}

	// Provenance and the failed documents, in the store itself.
	st, err := storage.Open(store, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	info, err := st.Document(context.Background(), "variant")
	if err != nil || info.Extractor != "llm test-model "+prompt.Version || info.Triples != 2 {
		t.Errorf("document variant: %+v, %v", info, err)
	}
	if _, err := st.Document(context.Background(), "malformed"); err == nil {
		t.Error("the document of malformed answers was stored")
	}
	st.Close()

	// The key went to the server, and nowhere else.
	for _, req := range srv.Requests() {
		if req.Authorization != "Bearer "+testKey || req.Model != "test-model" || !req.Schema {
			t.Fatalf("request %+v", req)
		}
	}
	noKey(t, "extract's output", stdout+stderr)
	noKeyIn(t, store)
	noKeyIn(t, filepath.Join(dir, "llm-cache"))

	// A second run asks nothing for the documents answered, and asks
	// again for those that failed.
	before := len(srv.Requests())
	_, stderr, code = kg(t, "--store", store, "extract", "--backend", "llm", corpus)
	if code != exitPartial || !strings.Contains(stderr, "6 unchanged") {
		t.Fatalf("second run: exit %d: %s", code, stderr)
	}
	if n := len(srv.Requests()) - before; n != 3+3 {
		t.Errorf("second run sent %d requests, want 6 (3 for each failed document)", n)
	}
	// Documents answered before are read from the cache, also without
	// a store.
	before = len(srv.Requests())
	one := filepath.Join(dir, "good.jsonl")
	writeLLMCorpus(t, one, llmCorpus[:1])
	out, stderr, code = kg(t, "extract", "--backend", "llm", "--no-store", "--emit", "jsonl", one)
	if code != exitOK || len(srv.Requests()) != before || strings.Count(out, "\n") != 2 || !strings.Contains(stderr, "0 documents asked, 1 from the cache") {
		t.Errorf("from the cache: exit %d, %d requests, %s%s", code, len(srv.Requests())-before, out, stderr)
	}
}

// TestLLMKeyInErrors: a server that echoes the Authorization header in
// its refusal does not make kg print the key.
func TestLLMKeyInErrors(t *testing.T) {
	dir, _ := isolate(t)
	docs := []llmDoc{{"refused", "Ada Pell resigned.", []llmtest.Step{{Status: 401, EchoAuth: true}}}}
	_, corpus := serveLLM(t, dir, docs)
	stdout, stderr, code := kg(t, "--store", filepath.Join(dir, "store"), "extract", "--backend", "llm", corpus)
	if code != exitFailure || !strings.Contains(stderr, "HTTP 401") || !strings.Contains(stderr, "[api key]") {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	noKey(t, "the output", stdout+stderr)
	// Nor does a key variable that is not set, nor a URL with a password.
	t.Setenv("KG_LLM_API_KEY_ENV", "KG_TEST_UNSET_KEY")
	os.Unsetenv("KG_TEST_UNSET_KEY")
	_, stderr, code = kg(t, "--store", filepath.Join(dir, "store"), "extract", "--backend", "llm", corpus)
	if code != exitUsage || !strings.Contains(stderr, "KG_TEST_UNSET_KEY, which is not set") {
		t.Errorf("unset key variable: exit %d: %s", code, stderr)
	}
	t.Setenv("KG_LLM_URL", "htp://user:"+testKey+"@host/v1")
	_, stderr, code = kg(t, "--store", filepath.Join(dir, "store"), "extract", "--backend", "llm", corpus)
	if code != exitUsage || !strings.Contains(stderr, "llm.url") {
		t.Errorf("bad URL: exit %d: %s", code, stderr)
	}
	noKey(t, "the output", stderr)
}

// TestLLMRefusedStopsRun: a server that refuses the key or does not
// have the model would refuse every document; the run stops at the
// first refusal, keeps what it stored, and resumes once fixed.
func TestLLMRefusedStopsRun(t *testing.T) {
	for _, status := range []int{401, 403, 404} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			dir, _ := isolate(t)
			s1, s2, s3, s4 := "Ada Pell visited Lisbon.", "Ben Ostrow met Ada Pell.", "Carla Dunne visited Porto.", "Dev Rana visited Braga."
			docs := []llmDoc{
				{"d1", s1, []llmtest.Step{answer(r("Ada Pell", graph.Person, "visits", "Lisbon", graph.GPE, false, s1))}},
				{"d2", s2, []llmtest.Step{{Status: status}}},
				{"d3", s3, []llmtest.Step{answer(r("Carla Dunne", graph.Person, "visits", "Porto", graph.GPE, false, s3))}},
				{"d4", s4, []llmtest.Step{answer(r("Dev Rana", graph.Person, "visits", "Braga", graph.GPE, false, s4))}},
			}
			srv, corpus := serveLLM(t, dir, docs)
			store := filepath.Join(dir, "store")
			_, stderr, code := kg(t, "--store", store, "extract", "--backend", "llm", "--workers", "1", "--llm-parallel", "1", corpus)
			if code != exitFailure || !strings.Contains(stderr, "document d2") || !strings.Contains(stderr, "HTTP "+strconv.Itoa(status)) {
				t.Fatalf("exit %d, want %d: %s", code, exitFailure, stderr)
			}
			if n := srv.Calls(s2); n != 1 {
				t.Errorf("the refused document was asked %d times, want once", n)
			}
			if n := srv.Calls(s3) + srv.Calls(s4); n != 0 {
				t.Errorf("%d requests after the refusal, want none", n)
			}
			if got := storedTriples(t, store); len(got) != 1 || !strings.HasPrefix(got[0], "Ada Pell|visits|Lisbon") {
				t.Errorf("stored %q, want d1's triple", got)
			}
			// Fixed (the server takes the key now), the run resumes.
			srv.On(s2, answer(r("Ben Ostrow", graph.Person, "meets", "Ada Pell", graph.Person, false, s2)))
			_, stderr, code = kg(t, "--store", store, "extract", "--backend", "llm", "--workers", "1", corpus)
			if code != exitOK || srv.Calls(s1) != 1 {
				t.Fatalf("resumed: exit %d, d1 asked %d times: %s", code, srv.Calls(s1), stderr)
			}
			if got := storedTriples(t, store); len(got) != 4 {
				t.Errorf("stored after resuming %q, want 4 triples", got)
			}
		})
	}
}

func noKey(t *testing.T, where, s string) {
	t.Helper()
	if strings.Contains(s, testKey) {
		t.Errorf("the API key is in %s:\n%s", where, s)
	}
}

// noKeyIn checks every file under dir.
func noKeyIn(t *testing.T, dir string) {
	t.Helper()
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		if bytes.Contains(b, []byte(testKey)) {
			t.Errorf("the API key is in %s", p)
		}
		return nil
	})
	if err != nil || n == 0 {
		t.Errorf("%s: %d files, %v", dir, n, err)
	}
}

// TestLLMKillAndResume kills an llm run after a few documents are
// stored, while the workers have asked for more, and runs it again: each
// document is asked for once in all, and the store is the store of an
// uninterrupted run.
func TestLLMKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("kill and resume runs processes; skipped with -short")
	}
	dir, _ := isolate(t)
	var docs []llmDoc
	names := []string{"Ana", "Bela", "Cyr", "Dag", "Eda", "Finn", "Gus", "Hal", "Ivo", "Jon", "Kai", "Lio"}
	for i, n := range names {
		s := fmt.Sprintf("%s Morrow met %s Quist in Tarnby.", n, names[(i+1)%len(names)])
		docs = append(docs, llmDoc{fmt.Sprintf("doc-%02d", i), s, []llmtest.Step{
			answer(r(n+" Morrow", graph.Person, "met", names[(i+1)%len(names)]+" Quist", graph.Person, false, s))}})
	}
	srv, corpus := serveLLM(t, dir, docs)
	store := filepath.Join(dir, "killed")

	cmd := exec.Command(os.Args[0], "--quiet", "--store", store, "extract", "--backend", "llm", "--llm-parallel", "4", corpus)
	cmd.Env = append(os.Environ(), "KG_TEST_AS_KG=1", "KG_TEST_KILL_AFTER=3")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("the run ended by itself (%v): %s", err, stderr.String())
	}
	// The answers cached before the kill: those of the documents stored
	// and of some the workers had asked for ahead; the requests in flight
	// at the kill are lost.
	cached, _ := filepath.Glob(filepath.Join(dir, "llm-cache", "*", "*.json"))
	asked := len(srv.Requests())
	if len(cached) < 3 || asked < len(cached) || asked-len(cached) > 4 {
		t.Fatalf("%d answers cached, %d requests before the kill", len(cached), asked)
	}
	_, errOut, code := kg(t, "--store", store, "extract", "--backend", "llm", corpus)
	if code != exitOK || !strings.Contains(errOut, "3 unchanged") {
		t.Fatalf("resume: exit %d: %s", code, errOut)
	}
	// Only the documents with no cached answer are asked for.
	if n := len(srv.Requests()) - asked; n != len(docs)-len(cached) {
		t.Errorf("resume sent %d requests, want %d", n, len(docs)-len(cached))
	}
	if !strings.Contains(errOut, fmt.Sprintf("%d documents asked, %d from the cache", len(docs)-len(cached), len(cached)-3)) {
		t.Errorf("resume summary (%d cached before the kill): %s", len(cached), errOut)
	}
	whole := filepath.Join(dir, "whole")
	if _, e, code := kg(t, "--quiet", "--store", whole, "extract", "--backend", "llm", corpus); code != exitOK {
		t.Fatalf("uninterrupted run: exit %d: %s", code, e)
	}
	if got, want := storedTriples(t, store), storedTriples(t, whole); !slices.Equal(got, want) || len(got) != len(docs) {
		t.Errorf("resumed store:\n%s\nuninterrupted:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestAnnotateAndTrain annotates a corpus in the silver format and
// trains a relation model on it.
func TestAnnotateAndTrain(t *testing.T) {
	dir, _ := isolate(t)
	var docs []llmDoc
	first := []string{"Ana", "Bela", "Cyr", "Dag", "Eda", "Finn", "Gus", "Hal", "Ivo", "Jon"}
	for i, n := range first {
		s1 := fmt.Sprintf("%s Morrow met %s Quist in Geneva on Monday.", n, first[(i+3)%len(first)])
		s2 := "Morrow later criticized the Vantor Council."
		docs = append(docs, llmDoc{fmt.Sprintf("doc-%02d", i), s1 + " " + s2, []llmtest.Step{answer(
			r(n+" Morrow", graph.Person, "met with", first[(i+3)%len(first)]+" Quist", graph.Person, false, s1),
			r("Morrow", graph.Person, "criticized", "Vantor Council", graph.Org, false, s2),
			r("Morrow", graph.Person, "praises", "Geneva", graph.GPE, false, "Morrow praised Geneva."))}})
	}
	srv, corpus := serveLLM(t, dir, docs)
	ann, arts := filepath.Join(dir, "sample.gold.jsonl"), filepath.Join(dir, "sample.articles.jsonl")

	// The estimate asks nothing.
	est, stderr, code := kg(t, "--format", "json", "annotate", corpus, "--sample", "8", "--estimate")
	var e struct{ Documents, PromptTokens, CompletionTokens int }
	if code != exitOK || json.Unmarshal([]byte(strings.ReplaceAll(est, "_tokens", "tokens")), &e) != nil || e.Documents != 8 ||
		e.PromptTokens < 8*prompt.Tokens(prompt.System) || e.CompletionTokens == 0 || len(srv.Requests()) != 0 {
		t.Fatalf("estimate: exit %d, %+v, %d requests: %s%s", code, e, len(srv.Requests()), est, stderr)
	}
	_, stderr, code = kg(t, "annotate", corpus, "--sample", "8", "--out", ann, "--articles", arts)
	if code != exitOK || !strings.Contains(stderr, "8 documents annotated, 16 triples") || !strings.Contains(stderr, "8 triples dropped") {
		t.Fatalf("annotate: exit %d: %s", code, stderr)
	}
	f, err := os.Open(ann)
	if err != nil {
		t.Fatal(err)
	}
	anns, err := relmodel.ReadAnnotations(f, ann)
	f.Close()
	if err != nil || len(anns) != 16 {
		t.Fatalf("%d annotations, %v", len(anns), err)
	}
	a := anns[1]
	if len(a.S) != 2 || a.S[1] != "Morrow" || !strings.HasSuffix(a.S[0], " Morrow") || strings.Join(a.P, "|") != "criticizes|criticized" ||
		strings.Join(a.O, "|") != "Vantor Council" || a.Neg || a.Modality != "asserted" || a.Sentence != "Morrow later criticized the Vantor Council." {
		t.Errorf("annotation %+v", a)
	}
	if a := anns[0]; strings.Join(a.P, "|") != "meets|met with" {
		t.Errorf("annotation %+v", a)
	}
	arts8, _ := os.ReadFile(arts)
	if n := strings.Count(string(arts8), "\n"); n != 8 {
		t.Errorf("%d articles written", n)
	}
	// The same sample again is asked nothing: the cache answers.
	before := len(srv.Requests())
	if _, stderr, code := kg(t, "annotate", corpus, "--sample", "8", "--out", ann); code != exitOK || len(srv.Requests()) != before ||
		!strings.Contains(stderr, "0 documents asked, 8 from the cache") {
		t.Errorf("annotate again: exit %d, %d requests: %s", code, len(srv.Requests())-before, stderr)
	}
	model := filepath.Join(dir, "mine.kgr")
	out, stderr, code := kg(t, "model", "train", "--relations", "--articles", arts, "--gold", ann, "--folds", "2", "--out", model)
	if code != exitOK {
		t.Fatalf("train: exit %d: %s%s", code, stderr, out)
	}
	if !strings.Contains(out, "annotations   16") {
		t.Errorf("train output: %s", out)
	}
	if _, err := os.Stat(model); err != nil {
		t.Error(err)
	}
	// The trained model extracts.
	if _, stderr, code := kg(t, "extract", "--no-store", "--emit", "jsonl", corpus); code != exitOK {
		t.Errorf("extract: exit %d: %s", code, stderr)
	}
	t.Setenv("KG_EXTRACT_RELATION_MODEL", model)
	if _, stderr, code := kg(t, "extract", "--no-store", "--emit", "jsonl", corpus); code != exitOK {
		t.Errorf("extract with the trained model: exit %d: %s", code, stderr)
	}
}

// TestEvalCompare scores both backends on the same gold.
func TestEvalCompare(t *testing.T) {
	dir, _ := isolate(t)
	docs := llmCorpus[:3]
	_, corpus := serveLLM(t, dir, docs)
	gold := filepath.Join(dir, "gold.jsonl")
	os.WriteFile(gold, []byte(`{"doc":"good","s":["Lena Okafor"],"p":["opens"],"o":["new bridge","bridge"],"neg":false}
{"doc":"variant","s":["Sergei Domnin"],"p":["meets"],"o":["Clara Vesk"],"neg":false}
{"doc":"variant","s":["Clara Vesk"],"p":["leaves"],"o":["Lisbon"],"neg":false}
`), 0o644)
	out, stderr, code := kg(t, "--format", "json", "eval", gold, "--corpus", corpus, "--compare")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Backends []struct {
			Backend                 string
			Gold, Produced, Matched int
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Backends) != 2 || res.Backends[0].Backend != "local" || res.Backends[1].Backend != "llm test-model" {
		t.Fatalf("%+v", res)
	}
	// The llm backend's triples on the two gold documents: 2 and 2; it
	// matches the first two gold triples.
	if b := res.Backends[1]; b.Gold != 3 || b.Produced != 4 || b.Matched != 2 {
		t.Errorf("llm: %+v", b)
	}
	out, _, code = kg(t, "eval", gold, "--corpus", corpus, "--compare")
	if code != exitOK || !strings.Contains(out, "llm test-model") || !strings.Contains(out, "precision") {
		t.Errorf("table: %s", out)
	}
}
