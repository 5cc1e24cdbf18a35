package main

import (
	"strings"
	"testing"
)

// TestEntitiesMergeSplit merges two entities of the examples store, checks
// what queries see, and splits them back to the store as extracted.
func TestEntitiesMergeSplit(t *testing.T) {
	store := examplesStore(t)
	run := func(args ...string) (string, string, int) {
		t.Helper()
		return kg(t, append([]string{"--store", store, "--format", "jsonl"}, args...)...)
	}
	snapshot := func() string {
		t.Helper()
		var b strings.Builder
		for _, args := range [][]string{{"query", "--evidence"}, {"entities"}} {
			out, stderr, code := run(args...)
			if code != exitOK {
				t.Fatalf("%v exit %d: %s", args, code, stderr)
			}
			b.WriteString(out)
		}
		return b.String()
	}
	before := snapshot()
	const q = `House * ?x`
	if _, _, code := run("query", q); code != exitOK {
		t.Fatalf("%s before the merge: exit %d", q, code)
	}
	_, stderr, code := run("entities", "merge", "House", "House of Representatives")
	if code != exitOK || !strings.Contains(stderr, `merged "House" into "US House of Representatives" (2 documents stored again)`) {
		t.Fatalf("merge: exit %d, %s", code, stderr)
	}
	// The merged name finds the entity it is merged into.
	out, _, code := run("query", q)
	if code != exitOK || !strings.Contains(out, `"?x":`) {
		t.Errorf("%s after the merge: exit %d\n%s", q, code, out)
	}
	if out, _, _ := run("entities"); strings.Contains(out, `"name":"House"`) {
		t.Errorf("House still listed after the merge:\n%s", out)
	}
	if out, _, code := run("entities", "merges"); code != exitOK || !strings.Contains(out, `"from":"House","into":"US House of Representatives"`) {
		t.Errorf("merges: exit %d\n%s", code, out)
	}
	if _, stderr, code := run("entities", "merge", "House", "Donald Trump"); code != exitUsage {
		t.Errorf("merge a merged entity elsewhere: exit %d, %s", code, stderr)
	}
	if _, _, code := run("entities", "split", "house"); code != exitOK {
		t.Fatalf("split: exit %d", code)
	}
	if after := snapshot(); after != before {
		t.Errorf("after merge and split the store reads differently:\n%s\nwant\n%s", after, before)
	}
	if _, _, code := run("entities", "split", "House"); code != exitNoMatch {
		t.Errorf("split again: exit %d, want %d", code, exitNoMatch)
	}
	out, _, code = run("entities", "log")
	if code != exitOK || strings.Count(out, "\n") != 2 || !strings.Contains(out, `"op":"merge"`) || !strings.Contains(out, `"op":"split"`) {
		t.Errorf("log: exit %d\n%s", code, out)
	}
	if _, _, code := run("entities", "merge", "Nobody", "United States"); code != exitNoMatch {
		t.Errorf("merge an unknown entity: exit %d", code)
	}
}
