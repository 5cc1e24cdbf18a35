// Package llmtest is a scripted server of the OpenAI-compatible chat
// completions API, for tests: no network and no model. Each request is
// answered by the script of the first marker its user turn contains —
// a good answer, malformed JSON, an error status with Retry-After, or
// no answer at all — step by step, the last step repeating.
package llmtest
