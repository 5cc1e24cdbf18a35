package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/ingest"
)

// backendOptions are extractOptions with the backend of extract.backend:
// for llm, the language model's settings and its key, read from the
// variable llm.api_key_env names.
func (a *app) backendOptions() (extract.Options, error) {
	o := a.extractOptions()
	if a.cfg.Extract.Backend != extract.BackendLLM {
		return o, nil
	}
	l, err := a.llmOptions()
	if err != nil {
		return o, err
	}
	o.Backend, o.LLM = extract.BackendLLM, l
	return o, nil
}

// llmOptions are the settings of the llm section, with the API key.
func (a *app) llmOptions() (extract.LLMOptions, error) {
	c := a.cfg.LLM
	if strings.TrimSpace(c.Model) == "" {
		return extract.LLMOptions{}, usageError("no language model: set llm.model (or --llm-model), e.g. qwen2.5:7b")
	}
	o := extract.LLMOptions{URL: c.URL, Model: c.Model, Parallel: c.Parallel, Timeout: c.Timeout, Retries: c.Retries, Backoff: c.Backoff}
	if o.Retries == 0 {
		o.Retries = -1 // none; the client's 0 means its default
	}
	if env := c.APIKeyEnv; env != "" {
		if o.APIKey = os.Getenv(env); o.APIKey == "" {
			return o, usageError("llm.api_key_env names %s, which is not set", env)
		}
	}
	switch c.Cache {
	case "off":
	case "":
		dir, err := os.UserCacheDir()
		if err != nil {
			a.warnf("no cache of language model answers: %v (set llm.cache)", err)
			break
		}
		o.CacheDir = filepath.Join(dir, "kg", "llm")
	default:
		o.CacheDir = c.Cache
	}
	return o, nil
}

// llmFlags adds the flags of the llm settings.
func (a *app) llmFlags(f *pflag.FlagSet) {
	f.Int("llm-parallel", 4, "requests to the language model in flight at once")
	a.bind("llm.parallel", f.Lookup("llm-parallel"))
	f.String("llm-model", "", "the language model, as its server names it (e.g. qwen2.5:7b)")
	a.bind("llm.model", f.Lookup("llm-model"))
	f.String("llm-url", "http://localhost:11434/v1", "base URL of the OpenAI-compatible API")
	a.bind("llm.url", f.Lookup("llm-url"))
}

// workers is the number of documents extracted at once: for the llm
// backend, at least one per request in flight.
func (a *app) workers() int {
	if a.cfg.Extract.Backend == extract.BackendLLM {
		return max(a.cfg.Extract.Workers, a.cfg.LLM.Parallel)
	}
	return a.cfg.Extract.Workers
}

// printLLMSummary says what the language model was asked and what it
// cost, when it was asked anything.
func printLLMSummary(a *app, l *ingest.LLMSummary) {
	if l == nil {
		return
	}
	fmt.Fprintf(a.stderr, "kg: llm %s: %d documents asked, %d from the cache, %d requests; tokens used: %d prompt + %d completion = %d\n",
		a.cfg.LLM.Model, l.Asked, l.Cached, l.Requests, l.PromptTokens, l.CompletionTokens, l.PromptTokens+l.CompletionTokens)
	if l.Dropped > 0 || l.Malformed > 0 || l.Failed > 0 {
		fmt.Fprintf(a.stderr, "kg: llm: %d triples dropped (sentence not in the document), %d answers malformed, %d documents failed\n",
			l.Dropped, l.Malformed, l.Failed)
	}
}
