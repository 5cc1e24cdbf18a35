package cache

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/kgraph/kg/extract/llm"
)

// Key names one answer: what asked and what was asked about.
type Key struct {
	Model  string // the model's name as the server knows it
	Prompt string // the prompt's version
	Doc    string // hex SHA-256 of the document's text
}

// id is the entry's file name: a hash of the three, so that any model
// name makes a valid file name.
func (k Key) id() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s", k.Model, k.Prompt, k.Doc)
	return hex.EncodeToString(h.Sum(nil))
}

// Entry is one cached answer.
type Entry struct {
	Key
	Content string    `json:"content"`
	Usage   llm.Usage `json:"usage"` // what the answer cost when it was asked
}

// Cache is a directory of answers. It is safe for concurrent use, also
// by several processes.
type Cache struct {
	dir string
}

// Open returns the cache in dir, creating the directory.
func Open(dir string) (*Cache, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("llm cache: %w", err)
	}
	return &Cache{dir: dir}, nil
}

// Dir returns the cache's directory.
func (c *Cache) Dir() string { return c.dir }

func (c *Cache) path(k Key) string {
	id := k.id()
	return filepath.Join(c.dir, id[:2], id+".json")
}

// Get returns the answer kept for k. A missing or damaged entry, or one
// of another key, is not found (ok false, no error); an error is a
// directory kg cannot read.
func (c *Cache) Get(k Key) (e Entry, ok bool, err error) {
	b, err := os.ReadFile(c.path(k))
	if errors.Is(err, fs.ErrNotExist) {
		return Entry{}, false, nil
	}
	if err != nil {
		return Entry{}, false, fmt.Errorf("llm cache: %w", err)
	}
	if json.Unmarshal(b, &e) != nil || e.Key != k {
		return Entry{}, false, nil
	}
	return e, true, nil
}

// Put keeps e under its key, replacing what was there.
func (c *Cache) Put(e Entry) error {
	p := c.path(e.Key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("llm cache: %w", err)
	}
	b, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("llm cache: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(p), ".tmp-*")
	if err != nil {
		return fmt.Errorf("llm cache: %w", err)
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("llm cache: %w", err)
	}
	return nil
}
