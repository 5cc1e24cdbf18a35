package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// fingerprints returns the fingerprint of each extracted language: a
// hash of what, besides a document's text and language, decides its
// triples and that a user can change without rebuilding kg — the relation
// mode and model, the language's syntactic model, the extra lexicon
// directories, the alias file and the options that filter triples. Models
// count by their checksums, computed as they are read, and files by their
// bytes, so New pays only for reading the user's few small files again.
//
// What is built into kg (rules, embedded lexicons) is left out: a new
// build of kg does not make a store extract its corpus again.
func (x *Extractor) fingerprints() (map[string]string, error) {
	h := sha256.New()
	o := x.opts
	mode := "rules"
	if x.rel != nil {
		mode = "learned " + strconv.FormatUint(uint64(x.rel.Checksum()), 16)
	}
	fmt.Fprintf(h, "relations %s\nmin-confidence %g\ncapital-as-state %t\nsyntax %t\n",
		mode, o.MinConfidence, o.CapitalAsState, !o.NoSyntax)
	if x.llm != nil {
		// Another model or prompt reads a document again; the server
		// it runs on, its key or its parallelism do not.
		fmt.Fprintf(h, "backend %s\n", x.llm.name)
	}
	for _, dir := range o.Lexicons {
		if err := hashDir(h, dir); err != nil {
			return nil, fmt.Errorf("fingerprint: lexicon directory %s: %w", dir, err)
		}
	}
	if o.Aliases != "" {
		if err := hashFile(h, "aliases", o.Aliases); err != nil {
			return nil, fmt.Errorf("fingerprint: aliases: %w", err)
		}
	}
	common := h.Sum(nil)
	out := make(map[string]string, len(x.langs))
	for l, lg := range x.langs {
		h := sha256.New()
		h.Write(common)
		sum := "none"
		if lg.model != nil {
			sum = strconv.FormatUint(uint64(lg.model.Checksum()), 16)
		}
		fmt.Fprintf(h, "lang %s\nmodel %s\n", l, sum)
		out[l] = hex.EncodeToString(h.Sum(nil)[:8])
	}
	return out, nil
}

// hashDir adds to h the names and bytes of the files under dir, in
// lexical order.
func hashDir(h hash.Hash, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		return hashFile(h, filepath.ToSlash(rel), p)
	})
}

func hashFile(h hash.Hash, name, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(h, "file %s %d\n", name, len(b))
	h.Write(b)
	return nil
}
