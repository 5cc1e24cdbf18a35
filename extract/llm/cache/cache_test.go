package cache

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/extract/llm"
)

func TestPutGet(t *testing.T) {
	c, err := Open(filepath.Join(t.TempDir(), "llm"))
	if err != nil {
		t.Fatal(err)
	}
	k := Key{Model: "qwen2.5:7b", Prompt: "p1", Doc: "abc"}
	if _, ok, err := c.Get(k); ok || err != nil {
		t.Fatalf("empty cache: %v %v", ok, err)
	}
	e := Entry{Key: k, Content: `{"triples":[]}`, Usage: llm.Usage{PromptTokens: 900, CompletionTokens: 12}}
	if err := c.Put(e); err != nil {
		t.Fatal(err)
	}
	got, ok, err := c.Get(k)
	if !ok || err != nil || got != e {
		t.Fatalf("got %+v %v %v", got, ok, err)
	}
	// Each part of the key tells entries apart.
	for _, other := range []Key{{"qwen2.5:14b", "p1", "abc"}, {"qwen2.5:7b", "p2", "abc"}, {"qwen2.5:7b", "p1", "abd"}} {
		if _, ok, _ := c.Get(other); ok {
			t.Errorf("%+v found %+v's answer", other, k)
		}
	}
	// A damaged entry reads as missing, and is replaced.
	if err := os.WriteFile(c.path(k), []byte(`{"model":"qwen`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := c.Get(k); ok || err != nil {
		t.Errorf("damaged entry: %v %v", ok, err)
	}
	if err := c.Put(e); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := c.Get(k); !ok {
		t.Error("entry not replaced")
	}
	// No temporary file is left behind.
	tmp, _ := filepath.Glob(filepath.Join(c.Dir(), "*", ".tmp-*"))
	if len(tmp) > 0 {
		t.Errorf("left %v", tmp)
	}
}
