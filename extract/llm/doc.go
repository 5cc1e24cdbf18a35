// Package llm is a client for the OpenAI-compatible chat completions API
// (POST {base}/chat/completions), which Ollama, llama.cpp's server, vLLM
// and hosted services speak. It asks for structured output
// (response_format json_schema), runs at most Parallel requests at once,
// bounds each by a timeout, retries transport errors, timeouts, 429 and
// 5xx answers with exponential backoff (waiting what a Retry-After header
// asks when there is one) and reports the tokens each call used.
//
// It knows nothing of triples: the prompt and its answer are package
// prompt's, the cache of answers package cache's. The API key is sent in
// the Authorization header only; no error or log line carries it.
//
// It is plain net/http rather than a client module: kg needs one
// endpoint, one request shape and the usage counts, and the official and
// community Go clients bring large dependency trees and their own retry
// policies, which would hide the Retry-After and timeout behaviour the
// tests pin.
package llm
