package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/bench"
	"github.com/kgraph/kg/config"
	"github.com/kgraph/kg/storage"
)

// testApp is an app as loadConfig leaves it, for calling a runX function
// without cobra: the default settings on store, output in CSV.
func testApp(ctx context.Context, store string) (a *app, stdout, stderr *bytes.Buffer) {
	cfg := config.Default()
	cfg.Store = store
	cfg.Format = "csv"
	stdout, stderr = new(bytes.Buffer), new(bytes.Buffer)
	return &app{ctx: ctx, cfg: cfg, stdin: strings.NewReader(""), stdout: stdout, stderr: stderr}, stdout, stderr
}

func exitCode(err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	if err != nil {
		return exitFailure
	}
	return exitOK
}

// outcome is what a command leaves: its output, its messages and its exit
// status.
type outcome struct {
	stdout, stderr string
	code           int
}

// reported is the outcome of a runX function that wrote stdout and
// stderr and returned err, with err said on stderr as runApp says it.
func reported(stdout, stderr *bytes.Buffer, err error) outcome {
	o := outcome{stdout: stdout.String(), stderr: stderr.String(), code: exitCode(err)}
	var ee *exitError
	switch {
	case errors.As(err, &ee):
		if ee.err != nil {
			o.stderr += "kg: " + ee.err.Error() + "\n"
		}
	case err != nil:
		o.stderr += "kg: " + err.Error() + "\n"
	}
	return o
}

// copyStore copies the closed store dir to a new directory.
func copyStore(t *testing.T, dir string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "store")
	if err := os.CopyFS(dst, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// TestRunWithoutCobra calls the runX functions directly and checks that
// they do what the commands do: the same output, messages and exit
// status, errors included.
func TestRunWithoutCobra(t *testing.T) {
	ex := examples(t) // before examplesStore leaves the repository
	treebank := filepath.Join(filepath.Dir(ex), "extract", "model", "testdata", "eval.conllu")
	article := filepath.Join(ex, "lavrov-ayrault-fr.txt")
	gold := filepath.Join(t.TempDir(), "gold.jsonl")
	err := os.WriteFile(gold, []byte(`{"doc":"lavrov-ayrault-fr.txt","s":["Sergei Lavrov"],"p":["meets"],"o":["Jean-Marc Ayrault"],"neg":false}`+"\n"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	badCorpus := filepath.Join(t.TempDir(), "bad.jsonl")
	err = os.WriteFile(badCorpus, []byte(`{"id":"a","lang":"en","text":"John Kerry met Sergei Lavrov in Geneva."}`+"\n{not json\n"), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	store := examplesStore(t)
	// Listings in CSV, as testApp has them; not --format, which kg
	// export would take for its own.
	t.Setenv("KG_FORMAT", "csv")
	// merged is the store with House merged, for the listings of merges,
	// which give their time: made once, it gives kg and the function the
	// same.
	mergeHouse := []string{"--quiet", "entities", "merge", "House", "House of Representatives"}
	merged := copyStore(t, store)
	if _, stderr, code := kg(t, append([]string{"--store", merged}, mergeHouse...)...); code != exitOK {
		t.Fatalf("kg %q: exit %d, %s", mergeHouse, code, stderr)
	}
	tests := []struct {
		name string
		run  func(ctx context.Context, a *app) error
		args []string // kg's, after --store
		code int
		// store, when set, replaces the examples' store.
		store string
		// writes says that the command changes the store: the function
		// and kg then each run on a copy of their own.
		writes bool
		// mask, when set, matches what may differ from run to run (a
		// speed): it is left out of both outputs.
		mask *regexp.Regexp
		// before are the arguments of a kg command run on the store, or
		// on each copy, first.
		before []string
	}{
		{name: "neighbors",
			run: func(ctx context.Context, a *app) error {
				return runNeighbors(ctx, a, neighborsOptions{depth: 1, out: true}, "Lavrov")
			},
			args: []string{"neighbors", "Lavrov", "--out"}},
		{name: "neighbors in and out",
			run: func(ctx context.Context, a *app) error {
				return runNeighbors(ctx, a, neighborsOptions{depth: 1, in: true, out: true}, "Lavrov")
			},
			args: []string{"neighbors", "Lavrov", "--in", "--out"}, code: exitUsage},
		{name: "why",
			run: func(ctx context.Context, a *app) error {
				return runWhy(ctx, a, "Sergei Lavrov", "meets", "Jean-Marc Ayrault")
			},
			args: []string{"why", "Sergei Lavrov", "meets", "Jean-Marc Ayrault"}},
		{name: "why of an unknown name",
			run: func(ctx context.Context, a *app) error {
				return runWhy(ctx, a, "Nobody Known", "meets", "Lavrov")
			},
			args: []string{"why", "Nobody Known", "meets", "Lavrov"}, code: exitNoMatch},
		{name: "rm",
			run: func(ctx context.Context, a *app) error {
				return runRm(ctx, a, []string{trumpDoc3, "no-such-document", trumpDoc3})
			},
			args: []string{"rm", trumpDoc3, "no-such-document", trumpDoc3}, code: exitNoMatch, writes: true},
		{name: "path",
			run: func(ctx context.Context, a *app) error {
				return runPath(ctx, a, pathOptions{maxDepth: 3, k: 2, evidence: true}, "Lavrov", "Moscow")
			},
			args: []string{"path", "Lavrov", "Moscow", "--k", "2", "--evidence"}},
		{name: "path too short",
			run: func(ctx context.Context, a *app) error {
				return runPath(ctx, a, pathOptions{maxDepth: 1, k: 1}, "Lavrov", "Moscow")
			},
			args: []string{"path", "Lavrov", "Moscow", "--max-depth", "1"}, code: exitNoMatch},
		{name: "path from an unknown name",
			run: func(ctx context.Context, a *app) error {
				return runPath(ctx, a, pathOptions{maxDepth: 3, k: 1}, "Nobody Known", "Moscow")
			},
			args: []string{"path", "Nobody Known", "Moscow"}, code: exitNoMatch},
		{name: "query",
			run: func(ctx context.Context, a *app) error {
				return runQuery(ctx, a, queryOptions{}, []string{"?x meets ?y", "?y visits Moscow"})
			},
			args: []string{"query", "?x meets ?y", "?y visits Moscow"}},
		{name: "query of one pattern",
			run: func(ctx context.Context, a *app) error {
				return runQuery(ctx, a, queryOptions{pattern: storage.Pattern{Subject: "Lavrov"}, evidence: true}, nil)
			},
			args: []string{"query", "--subject", "Lavrov", "--evidence"}},
		{name: "query explained, no row",
			run: func(ctx context.Context, a *app) error {
				return runQuery(ctx, a, queryOptions{explain: true, until: "2018"}, []string{"Mike Pompeo blames ?what"})
			},
			args: []string{"query", "Mike Pompeo blames ?what", "--explain", "--until", "2018"}, code: exitNoMatch},
		{name: "query of an unknown name",
			run: func(ctx context.Context, a *app) error {
				return runQuery(ctx, a, queryOptions{}, []string{"Nobody meets ?y"})
			},
			args: []string{"query", "Nobody meets ?y"}, code: exitNoMatch},
		{name: "query with a bad modality",
			run: func(ctx context.Context, a *app) error {
				return runQuery(ctx, a, queryOptions{modal: "said"}, []string{"?x meets ?y"})
			},
			args: []string{"query", "?x meets ?y", "--modality", "said"}, code: exitUsage},
		{name: "query that cannot be read",
			run: func(ctx context.Context, a *app) error {
				return runQuery(ctx, a, queryOptions{}, []string{"?x meets"})
			},
			args: []string{"query", "?x meets"}, code: exitUsage},
		{name: "stats",
			run:  func(ctx context.Context, a *app) error { return runStats(ctx, a, statsOptions{top: 20}) },
			args: []string{"stats"}},
		{name: "stats of the unmapped verbs",
			run:  func(ctx context.Context, a *app) error { return runStats(ctx, a, statsOptions{unmapped: true, top: 5}) },
			args: []string{"stats", "--unmapped", "--top", "5"}},
		{name: "stats without a store",
			run:  func(ctx context.Context, a *app) error { return runStats(ctx, a, statsOptions{top: 20}) },
			args: []string{"stats"}, code: exitFailure, store: filepath.Join(t.TempDir(), "no-store")},
		{name: "entities",
			run: func(ctx context.Context, a *app) error {
				return runEntities(ctx, a, entitiesOptions{typ: "person", top: 5})
			},
			args: []string{"entities", "--type", "person", "--top", "5"}},
		{name: "entities of a bad type",
			run:  func(ctx context.Context, a *app) error { return runEntities(ctx, a, entitiesOptions{typ: "ANIMAL"}) },
			args: []string{"entities", "--type", "ANIMAL"}, code: exitUsage},
		{name: "entities of an empty store",
			run:  func(ctx context.Context, a *app) error { return runEntities(ctx, a, entitiesOptions{}) },
			args: []string{"entities"}, code: exitNoMatch,
			store:  filepath.Join(t.TempDir(), "empty"),
			before: []string{"load", "--quiet", "-"}, // makes the store
		},
		{name: "merge",
			run: func(ctx context.Context, a *app) error {
				return runMerge(ctx, a, "House", "House of Representatives")
			},
			args: []string{"entities", "merge", "House", "House of Representatives"}, writes: true},
		{name: "merge of an unknown entity",
			run: func(ctx context.Context, a *app) error {
				return runMerge(ctx, a, "Nobody", "United States")
			},
			args: []string{"entities", "merge", "Nobody", "United States"}, code: exitNoMatch, writes: true},
		{name: "merge of a merged entity elsewhere",
			run: func(ctx context.Context, a *app) error {
				return runMerge(ctx, a, "House", "Donald Trump")
			},
			args: []string{"entities", "merge", "House", "Donald Trump"}, code: exitUsage, writes: true,
			before: mergeHouse},
		{name: "split",
			run:  func(ctx context.Context, a *app) error { return runSplit(ctx, a, "house") },
			args: []string{"entities", "split", "house"}, writes: true,
			before: mergeHouse},
		{name: "split of an entity not merged",
			run:  func(ctx context.Context, a *app) error { return runSplit(ctx, a, "House") },
			args: []string{"entities", "split", "House"}, code: exitNoMatch, writes: true},
		{name: "merges",
			run:  runMerges,
			args: []string{"entities", "merges"}, store: merged},
		{name: "merges, none",
			run:  runMerges,
			args: []string{"entities", "merges"}, code: exitNoMatch},
		{name: "merge log",
			run:  runMergeLog,
			args: []string{"entities", "log"}, store: merged},
		{name: "merge log, empty",
			run:  runMergeLog,
			args: []string{"entities", "log"}, code: exitNoMatch},
		{name: "export",
			run: func(ctx context.Context, a *app) error {
				return runExport(ctx, a, exportOptions{focus: []string{"Lavrov"}, filters: exportFilters{maxDepth: 3, k: 3}}, nil)
			},
			args: []string{"export", "--focus", "Lavrov"}},
		{name: "export of paths as JSON Lines",
			run: func(ctx context.Context, a *app) error {
				opts := exportOptions{format: "jsonl", filters: exportFilters{path: true, maxDepth: 3, k: 2}}
				return runExport(ctx, a, opts, []string{"Lavrov", "Moscow"})
			},
			args: []string{"export", "--format", "jsonl", "--path", "Lavrov", "Moscow", "--k", "2"}},
		{name: "export of nothing",
			run: func(ctx context.Context, a *app) error {
				return runExport(ctx, a, exportOptions{focus: []string{"Lavrov"}, filters: exportFilters{minSupport: 100, maxDepth: 3, k: 3}}, nil)
			},
			args: []string{"export", "--focus", "Lavrov", "--min-support", "100"}, code: exitNoMatch},
		{name: "export around an unknown name",
			run: func(ctx context.Context, a *app) error {
				return runExport(ctx, a, exportOptions{focus: []string{"Nobody Known"}, filters: exportFilters{maxDepth: 3, k: 3}}, nil)
			},
			args: []string{"export", "--focus", "Nobody Known"}, code: exitNoMatch},
		{name: "export in a bad format",
			run: func(ctx context.Context, a *app) error {
				return runExport(ctx, a, exportOptions{format: "xml", filters: exportFilters{maxDepth: 3, k: 3}}, nil)
			},
			args: []string{"export", "--format", "xml"}, code: exitUsage},
		{name: "export of a path with one end",
			run: func(ctx context.Context, a *app) error {
				return runExport(ctx, a, exportOptions{filters: exportFilters{path: true, maxDepth: 3, k: 3}}, []string{"Lavrov"})
			},
			args: []string{"export", "--path", "Lavrov"}, code: exitUsage},
		{name: "bench of standard input",
			run: func(ctx context.Context, a *app) error {
				return runBench(ctx, a, benchOptions{workersList: "1"}, []string{"-"})
			},
			args: []string{"bench", "--workers-list", "1", "-"}, code: exitUsage},
		{name: "bench with a bad worker count",
			run: func(ctx context.Context, a *app) error {
				return runBench(ctx, a, benchOptions{workersList: "1,0"}, []string{ex})
			},
			args: []string{"bench", "--workers-list", "1,0", ex}, code: exitUsage},
		{name: "model eval",
			run: func(ctx context.Context, a *app) error {
				return runModelEval(ctx, a, modelEvalOptions{treebanks: []string{treebank}, split: "test", lang: "en"})
			},
			args: []string{"model", "eval", "--treebank", treebank, "--lang", "en"},
			mask: regexp.MustCompile(`(?m)^tokens/s .*$`)},
		{name: "model eval of a file that is no model",
			run: func(ctx context.Context, a *app) error {
				return runModelEval(ctx, a, modelEvalOptions{treebanks: []string{treebank}, split: "test", path: treebank})
			},
			args: []string{"model", "eval", "--treebank", treebank, "--model", treebank}, code: exitFailure},
		{name: "model eval without a treebank",
			run:  func(ctx context.Context, a *app) error { return runModelEval(ctx, a, modelEvalOptions{split: "test"}) },
			args: []string{"model", "eval"}, code: exitUsage},
		{name: "model train without a language",
			run: func(ctx context.Context, a *app) error {
				return runModelTrain(ctx, a, modelTrainOptions{treebanks: []string{treebank}, out: "en.kgm"})
			},
			args: []string{"model", "train", "--treebank", treebank, "--out", "en.kgm"}, code: exitUsage},
		{name: "model train of a missing treebank",
			run: func(ctx context.Context, a *app) error {
				return runModelTrain(ctx, a, modelTrainOptions{treebanks: []string{"no-such.conllu"}, lang: "en", out: "en.kgm"})
			},
			args: []string{"model", "train", "--treebank", "no-such.conllu", "--lang", "en", "--out", "en.kgm"}, code: exitUsage},
		{name: "model train of relations without --out",
			run: func(ctx context.Context, a *app) error {
				return runModelTrain(ctx, a, modelTrainOptions{relations: true})
			},
			args: []string{"model", "train", "--relations"}, code: exitUsage},
		{name: "eval",
			run: func(ctx context.Context, a *app) error {
				return runEval(ctx, a, evalOptions{corpus: []string{article}, show: true}, []string{gold})
			},
			args: []string{"eval", gold, "--corpus", article, "--show"}},
		{name: "eval of nothing",
			run:  func(ctx context.Context, a *app) error { return runEval(ctx, a, evalOptions{}, []string{gold}) },
			args: []string{"eval", gold}, code: exitUsage},
		{name: "eval of one parallel corpus",
			run: func(ctx context.Context, a *app) error {
				return runEval(ctx, a, evalOptions{parallel: true}, []string{article})
			},
			args: []string{"eval", "--parallel", article}, code: exitUsage},
		{name: "extract",
			run: func(ctx context.Context, a *app) error {
				a.cfg.Quiet = true // the summary gives times
				return runExtract(ctx, a, extractFlags{emit: "jsonl", noStore: true}, []string{article})
			},
			args: []string{"--quiet", "extract", "--emit", "jsonl", "--no-store", article}},
		{name: "extract of a corpus with a bad line",
			run: func(ctx context.Context, a *app) error {
				a.cfg.Quiet = true
				return runExtract(ctx, a, extractFlags{emit: "jsonl", noStore: true}, []string{badCorpus})
			},
			args: []string{"--quiet", "extract", "--emit", "jsonl", "--no-store", badCorpus}, code: exitPartial},
		{name: "extract emitting a bad format",
			run: func(ctx context.Context, a *app) error {
				return runExtract(ctx, a, extractFlags{emit: "xml"}, []string{article})
			},
			args: []string{"extract", "--emit", "xml", article}, code: exitUsage},
		{name: "annotate --estimate",
			run: func(ctx context.Context, a *app) error {
				return runAnnotate(ctx, a, annotateOptions{estimate: true, sample: 2}, []string{ex})
			},
			args: []string{"annotate", "--estimate", "--sample", "2", ex}},
		{name: "annotate without --out",
			run: func(ctx context.Context, a *app) error {
				return runAnnotate(ctx, a, annotateOptions{}, []string{article})
			},
			args: []string{"annotate", article}, code: exitUsage},
		{name: "annotate of a negative sample",
			run: func(ctx context.Context, a *app) error {
				return runAnnotate(ctx, a, annotateOptions{sample: -1, out: "x.jsonl"}, []string{article})
			},
			args: []string{"annotate", "--sample", "-1", "--out", "x.jsonl", article}, code: exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			fnStore, kgStore := store, store
			if tt.store != "" {
				fnStore, kgStore = tt.store, tt.store
			}
			if tt.writes {
				fnStore, kgStore = copyStore(t, fnStore), copyStore(t, kgStore)
			}
			if tt.before != nil {
				for _, dir := range slices.Compact([]string{fnStore, kgStore}) {
					if _, stderr, code := kg(t, append([]string{"--store", dir}, tt.before...)...); code != exitOK {
						t.Fatalf("kg %q: exit %d, %s", tt.before, code, stderr)
					}
				}
			}
			a, stdout, stderr := testApp(ctx, fnStore)
			got := reported(stdout, stderr, tt.run(ctx, a))
			out, errOut, code := kg(t, append([]string{"--store", kgStore}, tt.args...)...)
			want := outcome{stdout: out, stderr: strings.ReplaceAll(errOut, kgStore, fnStore), code: code}
			if tt.mask != nil {
				got.stdout = tt.mask.ReplaceAllString(got.stdout, "")
				want.stdout = tt.mask.ReplaceAllString(want.stdout, "")
			}
			if got != want {
				t.Errorf("the function gives (exit %d)\n%s%s\nkg %q gives (exit %d)\n%s%s", got.code, got.stdout, got.stderr, tt.args, want.code, want.stdout, want.stderr)
			}
			if want.code != tt.code {
				t.Errorf("exit %d, want %d", want.code, tt.code)
			}
		})
	}

	// One run of kg bench, which measures times: the counts are the
	// command's.
	t.Run("bench sample", func(t *testing.T) {
		ctx := context.Background()
		a, stdout, stderr := testApp(ctx, filepath.Join(t.TempDir(), "store"))
		if err := runBench(ctx, a, benchOptions{sampleWorkers: 1}, []string{ex}); err != nil {
			t.Fatalf("runBench: %v, %s", err, stderr)
		}
		out, errOut, code := kg(t, "--store", filepath.Join(t.TempDir(), "store"), "bench", "--sample-workers", "1", ex)
		if code != exitOK {
			t.Fatalf("kg bench: exit %d, %s", code, errOut)
		}
		var got, want bench.Sample
		if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
			t.Fatalf("runBench wrote %q: %v", stdout, err)
		}
		if err := json.Unmarshal([]byte(out), &want); err != nil {
			t.Fatalf("kg bench wrote %q: %v", out, err)
		}
		got.Seconds, got.StoreBytes, got.PeakRSS = 0, 0, 0
		want.Seconds, want.StoreBytes, want.PeakRSS = 0, 0, 0
		if got != want || want.Documents != 9 {
			t.Errorf("runBench counts %+v, kg bench %+v", got, want)
		}
	})

	var b bytes.Buffer
	if err := runVersion(&b); err != nil || !strings.HasPrefix(b.String(), "kg ") {
		t.Errorf("runVersion wrote %q, %v", b.String(), err)
	}
}
