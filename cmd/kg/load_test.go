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

	"github.com/kgraph/kg/storage"
)

// Invented articles added to the examples for the load tests: two that
// name the same persons in two shards, one in a language kg stores
// without extracting.
var loadArticles = map[string]string{
	"berg-1.txt": `Anna Berg, the foreign minister of Norway, met Carl Dunn in Oslo on Monday.
Berg said that Norway supports the talks on fishing rights.
Carl Dunn criticised the new quotas and rejected the proposal of the European Commission.
`,
	"berg-2.txt": `Anna Berg visited Stockholm on Friday.
The minister met Swedish officials and praised the agreement on fishing rights.
Carl Dunn did not attend the meeting.
`,
	"regeln-de.txt": `Die Bundesregierung hat am Montag neue Regeln für den Handel mit Fisch beschlossen.
Der Minister sagte, die Gespräche mit den Nachbarländern würden im Frühjahr fortgesetzt.
Die Opposition kritisierte den Entwurf als unzureichend und forderte eine Abstimmung im Bundestag.
`,
}

// loadShards are the files of each shard, in another order than kg
// extract reads the corpus directory (sorted), each language in two.
var loadShards = [][]string{
	{"corpus/berg-1.txt", "corpus/lavrov-ayrault-fr.txt", "corpus/regeln-de.txt"},
	{"corpus/wikinews-en.jsonl"},
	{"corpus/wikinews-fr.jsonl", "corpus/berg-2.txt"},
}

// loadCorpus makes the corpus in dir/corpus (the test's working
// directory), extracts it whole into dir/whole and each shard of
// loadShards into dir/shard-N.jsonl: the first and last with no store,
// the second with a store of its own. It returns the whole store and the
// shards.
func loadCorpus(t *testing.T) (whole string, shards []string) {
	t.Helper()
	dir, ex := isolate(t)
	corpus := filepath.Join(dir, "corpus")
	if err := os.Mkdir(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"lavrov-ayrault-fr.txt", "wikinews-en.jsonl", "wikinews-fr.jsonl"} {
		b, err := os.ReadFile(filepath.Join(ex, name))
		if err != nil {
			t.Fatal(err)
		}
		loadArticles[name] = string(b)
	}
	for name, text := range loadArticles {
		if err := os.WriteFile(filepath.Join(corpus, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, stderr, code := kg(t, "--quiet", "--store", "whole", "extract", "corpus"); code != exitOK {
		t.Fatalf("extract exit %d: %s", code, stderr)
	}
	for i, files := range loadShards {
		args := []string{"--quiet", "extract", "--no-store", "--emit", "shard"}
		if i == 1 {
			args = []string{"--quiet", "--store", "shard-store", "extract", "--emit", "shard"}
		}
		out, stderr, code := kg(t, append(args, files...)...)
		if code != exitOK {
			t.Fatalf("extract --emit shard %q: exit %d: %s", files, code, stderr)
		}
		name := fmt.Sprintf("shard-%d.jsonl", i+1)
		if err := os.WriteFile(name, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		shards = append(shards, name)
	}
	return "whole", shards
}

// storeDump returns every record of the store, after checking that its
// counters agree with its triples.
func storeDump(t *testing.T, dir string) string {
	t.Helper()
	st, err := storage.Open(dir, storage.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if err := st.Verify(ctx); err != nil {
		t.Errorf("store %s: %v", dir, err)
	}
	var b strings.Builder
	if err := st.Dump(ctx, &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// sameDump reports how the dumps of two stores differ: the first record
// of each that the other lacks.
func sameDump(t *testing.T, what, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	gs, ws := map[string]bool{}, map[string]bool{}
	for _, l := range g {
		gs[l] = true
	}
	for _, l := range w {
		ws[l] = true
	}
	var extra, missing string
	for _, l := range g {
		if !ws[l] && extra == "" {
			extra = l
		}
	}
	for _, l := range w {
		if !gs[l] && missing == "" {
			missing = l
		}
	}
	t.Errorf("%s: store differs from kg extract's over the whole corpus (%d records, want %d)\nfirst extra:   %.300s\nfirst missing: %.300s",
		what, len(g)-1, len(w)-1, extra, missing)
}

// TestLoad stores the shards of a corpus extracted three ways and checks
// that the store is the one kg extract makes of the whole corpus, record
// for record, in any order, loaded once or twice, from files or standard
// input, and after loads that skipped bad input.
func TestLoad(t *testing.T) {
	whole, shards := loadCorpus(t)
	want := storeDump(t, whole)
	docs := strings.Count(want, "\n\"d")
	if docs != 12 {
		t.Fatalf("the whole store has %d documents, want 12", docs)
	}

	_, stderr, code := kg(t, append([]string{"--store", "loaded", "load"}, shards...)...)
	if code != exitOK || !strings.Contains(stderr, "kg: 12 documents loaded: 12 added, 0 replaced, 0 unchanged, 1 not extracted (language), 0 skipped") {
		t.Errorf("load: exit %d: %s", code, stderr)
	}
	sameDump(t, "3 shards", storeDump(t, "loaded"), want)

	_, stderr, code = kg(t, append([]string{"--store", "loaded", "load"}, shards...)...)
	if code != exitOK || !strings.Contains(stderr, "0 added, 0 replaced, 12 unchanged") {
		t.Errorf("second load: exit %d: %s", code, stderr)
	}
	sameDump(t, "loaded twice", storeDump(t, "loaded"), want)

	// Called without cobra, in another order, one shard on stdin.
	stdin, err := os.ReadFile(shards[1])
	if err != nil {
		t.Fatal(err)
	}
	a, _, errb := testApp(context.Background(), "reordered")
	a.stdin = bytes.NewReader(stdin)
	if err := runLoad(context.Background(), a, loadOptions{}, []string{shards[2], "-", shards[0]}); err != nil {
		t.Errorf("runLoad: %v: %s", err, errb)
	}
	sameDump(t, "other order, stdin", storeDump(t, "reordered"), want)
}

// TestLoadBadInput loads shards with a fault each into a store of its
// own, checks the exit status and the message naming the place, then
// loads the good shards into the same store: the fault must have left
// nothing partial, and the rest must have gone in.
func TestLoadBadInput(t *testing.T) {
	whole, shards := loadCorpus(t)
	want := storeDump(t, whole)
	lines := func(name string) []string {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		return strings.SplitAfter(strings.TrimSuffix(string(b), "\n"), "\n")
	}
	s2 := lines(shards[1])
	s3 := lines(shards[2])
	var first struct{ Document struct{ ID string } }
	if err := json.Unmarshal([]byte(s2[0]), &first); err != nil || first.Document.ID == "" {
		t.Fatalf("shard-2.jsonl begins with %.200s", s2[0])
	}
	triplesOnly, stderr, code := kg(t, "--quiet", "extract", "--no-store", "--emit", "jsonl", "corpus/berg-1.txt")
	if code != exitOK || triplesOnly == "" {
		t.Fatalf("extract --emit jsonl: exit %d: %s", code, stderr)
	}
	tests := []struct {
		name  string
		bad   string // its content, or none when empty: a missing file
		args  []string
		want  int
		msgs  []string
		count string // in the summary
	}{
		{"malformed triple", strings.Join(s2[:1], "") + "{\"subject\":\n" + strings.Join(s2[2:], ""), nil, exitPartial,
			[]string{"bad.jsonl:2: document " + strconv.Quote(first.Document.ID) + ": not a JSON object", "the document (line 1) is skipped"},
			"3 documents loaded"},
		{"cut short", strings.Join(s3[:len(s3)-1], "") + s3[len(s3)-1][:10], nil, exitPartial,
			[]string{fmt.Sprintf("bad.jsonl:%d: document \"berg-2.txt\": not a JSON object", len(s3))},
			"4 documents loaded"},
		{"triples only", triplesOnly, nil, exitPartial,
			[]string{"bad.jsonl:1: a triple where a document header was expected (kg load reads what kg extract --emit shard writes, not --emit jsonl)"},
			"0 documents loaded"},
		{"missing shard", "", nil, exitPartial,
			[]string{"bad.jsonl: no such file or directory"}, "0 documents loaded"},
		{"duplicate", strings.Join(s3, ""), []string{shards[2]}, exitPartial,
			[]string{`bad.jsonl:1: document "frwikinews`, "duplicate document id", "first read at shard-3.jsonl:1, which is kept"},
			"5 documents loaded: 5 added, 0 replaced, 0 unchanged, 0 not extracted (language), 5 skipped"},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			os.Remove("bad.jsonl")
			if tt.bad != "" {
				if err := os.WriteFile("bad.jsonl", []byte(tt.bad), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			store := fmt.Sprintf("bad-%d", i)
			args := append(append([]string{"--store", store, "load"}, tt.args...), "bad.jsonl")
			_, stderr, code := kg(t, args...)
			if code != tt.want {
				t.Errorf("exit %d, want %d: %s", code, tt.want, stderr)
			}
			for _, m := range append(tt.msgs, tt.count) {
				if !strings.Contains(stderr, m) {
					t.Errorf("stderr lacks %q:\n%s", m, stderr)
				}
			}
			if _, stderr, code := kg(t, append([]string{"--quiet", "--store", store, "load"}, shards...)...); code != exitOK {
				t.Fatalf("load of the good shards after: exit %d: %s", code, stderr)
			}
			sameDump(t, tt.name, storeDump(t, store), want)
		})
	}
}

// TestLoadMixed refuses a shard of documents extracted with other
// settings than the store's, unless --allow-mixed.
func TestLoadMixed(t *testing.T) {
	whole, shards := loadCorpus(t)
	want := storeDump(t, whole)
	out, stderr, code := kg(t, "--quiet", "extract", "--no-store", "--emit", "shard", "--min-confidence", "0.9", "corpus/berg-2.txt")
	if code != exitOK {
		t.Fatalf("extract: exit %d: %s", code, stderr)
	}
	os.WriteFile("other.jsonl", []byte(out), 0o644)
	if _, stderr, code := kg(t, append([]string{"--quiet", "--store", "mixed", "load"}, shards...)...); code != exitOK {
		t.Fatalf("load: exit %d: %s", code, stderr)
	}
	_, stderr, code = kg(t, "--store", "mixed", "load", "other.jsonl")
	if code != exitPartial || !strings.Contains(stderr, `other.jsonl:1: document "berg-2.txt": extracted with other models or settings`) ||
		!strings.Contains(stderr, "--allow-mixed") {
		t.Errorf("mixed load: exit %d: %s", code, stderr)
	}
	sameDump(t, "refused mixed shard", storeDump(t, "mixed"), want)

	_, stderr, code = kg(t, "--store", "mixed", "load", "--allow-mixed", "other.jsonl")
	if code != exitOK || !strings.Contains(stderr, "1 replaced") {
		t.Errorf("load --allow-mixed: exit %d: %s", code, stderr)
	}
	// Two shards of other settings in an empty store: the first's wins.
	_, stderr, code = kg(t, "--store", "mixed-2", "load", "other.jsonl", shards[0])
	if code != exitPartial || !strings.Contains(stderr, `shard-1.jsonl:1: document "berg-1.txt": extracted with other models`) ||
		!strings.Contains(stderr, "3 documents loaded: 3 added, 0 replaced, 0 unchanged, 1 not extracted (language), 1 skipped") {
		t.Errorf("mixed shards: exit %d: %s", code, stderr)
	}
}

// TestLoadMerge checks that entity merges agree: a merge made after
// kg extract over the whole corpus and one made between loads (the later
// documents obeying it as they are stored) give the same records, but
// for the merge rule's and log's times.
func TestLoadMerge(t *testing.T) {
	whole, shards := loadCorpus(t)
	merge := func(store string) {
		t.Helper()
		if _, stderr, code := kg(t, "--quiet", "--store", store, "entities", "merge", "Carl Dunn", "Anna Berg"); code != exitOK {
			t.Fatalf("merge in %s: exit %d: %s", store, code, stderr)
		}
	}
	merge(whole)
	for _, s := range shards {
		if _, stderr, code := kg(t, "--quiet", "--store", "loaded", "load", s); code != exitOK {
			t.Fatalf("load %s: exit %d: %s", s, code, stderr)
		}
		if s == shards[0] {
			merge("loaded") // berg-2.txt, naming Carl Dunn, comes after
		}
	}
	timeless := func(dump string) string {
		var b strings.Builder
		for _, l := range strings.SplitAfter(dump, "\n") {
			if !strings.HasPrefix(l, `"m`) && !strings.HasPrefix(l, `"l`) {
				b.WriteString(l)
			}
		}
		return b.String()
	}
	want := storeDump(t, whole)
	if !strings.Contains(want, "\"mCarl Dunn\"") || !strings.Contains(want, "\"uberg-2.txt\"") {
		t.Fatalf("the merge left no rule, or berg-2.txt named nothing it renamed:\n%.3000s", want)
	}
	sameDump(t, "merge between loads", timeless(storeDump(t, "loaded")), timeless(want))
}

// TestLoadKillAndResume kills kg load at set document counts, each run
// resuming the last, as TestKillAndResume does kg extract, and checks
// that the store ends as kg extract's over the whole corpus.
func TestLoadKillAndResume(t *testing.T) {
	skipShort(t)
	whole, shards := loadCorpus(t)
	want := storeDump(t, whole)
	stored := 0
	// A resumed load puts the documents stored before again (unchanged),
	// which count.
	for _, n := range []int{2, 5, 9} {
		cmd := exec.Command(os.Args[0], append([]string{"--quiet", "--store", "killed", "load"}, shards...)...)
		cmd.Env = append(os.Environ(), "KG_TEST_AS_KG=1", "KG_TEST_KILL_AFTER="+strconv.Itoa(n))
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("kill after %d documents: the load ended by itself (%v): %s", n, err, stderr.String())
		}
		got := len(storedDocs(t, "killed"))
		if got <= stored || got >= 12 {
			t.Errorf("killed after %d documents: %d stored, %d before", n, got, stored)
		}
		stored = got
	}
	_, stderr, code := kg(t, append([]string{"--store", "killed", "load"}, shards...)...)
	if code != exitOK || strings.Contains(stderr, " 0 unchanged") {
		t.Errorf("resumed load: exit %d: %s", code, stderr)
	}
	sameDump(t, "killed and resumed", storeDump(t, "killed"), want)
}
