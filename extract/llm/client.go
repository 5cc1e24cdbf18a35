package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Config says which server and model to ask, and how patiently.
type Config struct {
	// URL is the API's base URL, up to /v1: http://localhost:11434/v1
	// (Ollama), http://localhost:8080/v1 (llama.cpp), https://api.openai.com/v1.
	URL   string
	Model string
	// APIKey is sent as a bearer token when not empty. It is never
	// written anywhere else.
	APIKey string
	// Parallel bounds the requests in flight (0: 1).
	Parallel int
	// Timeout bounds each request, answer included (0: 5 minutes).
	Timeout time.Duration
	// Retries is how many times a failed request is sent again (transport
	// error, timeout, 429, 5xx); 0 means the default of 4, -1 none.
	Retries int
	// Backoff is the wait before the first retry, doubled for each next
	// one, with jitter, up to MaxWait (0: 1 s).
	Backoff time.Duration
	// MaxWait caps every wait, Retry-After's included (0: 2 minutes).
	MaxWait time.Duration
	// HTTP is the client to send with (nil: a client of its own).
	HTTP *http.Client
}

// Message is one turn of a chat.
type Message struct {
	Role    string `json:"role"` // system, user or assistant
	Content string `json:"content"`
}

// Request is one chat completion to ask for.
type Request struct {
	Messages []Message
	// SchemaName and Schema ask for an answer in JSON matching the schema
	// (response_format json_schema, strict); no schema asks for text.
	SchemaName string
	Schema     json.RawMessage
	// MaxTokens bounds the answer (0: the server's default).
	MaxTokens int
}

// Usage counts tokens as the server reports them.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
}

// Add returns the sum of two usages.
func (u Usage) Add(v Usage) Usage {
	return Usage{PromptTokens: u.PromptTokens + v.PromptTokens, CompletionTokens: u.CompletionTokens + v.CompletionTokens}
}

// Total is prompt and completion tokens together.
func (u Usage) Total() int { return u.PromptTokens + u.CompletionTokens }

// Response is the first choice of a completion.
type Response struct {
	Content      string
	FinishReason string
	// Usage is what the answer cost, failed attempts before it included.
	Usage Usage
	// Attempts is the number of requests sent for it.
	Attempts int
}

// StatusError is an answer with an HTTP status other than 200.
type StatusError struct {
	Code int
	// Body is the start of the answer's body, for the server's message.
	Body string
}

// StopsRun reports an answer every other request of the run would get
// too: a key the server does not take (401, 403) or a model or address
// it does not have (404). Going on would fail each document alike.
func (e *StatusError) StopsRun() bool {
	switch e.Code {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound:
		return true
	}
	return false
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("HTTP %d %s", e.Code, http.StatusText(e.Code))
	if e.Body != "" {
		msg += ": " + e.Body
	}
	return msg
}

// Client asks one model of one server. It is safe for concurrent use.
type Client struct {
	cfg      Config
	endpoint string // base URL + /chat/completions
	shown    string // the endpoint as errors show it, without user info
	http     *http.Client
	slots    chan struct{}
	// sleep waits d or until ctx is done, and now tells the time; tests
	// replace them.
	sleep func(ctx context.Context, d time.Duration) error
	now   func() time.Time

	mu sync.Mutex
	// resume is when requests may start again after a server asked,
	// with Retry-After, to wait: the wait holds for every request, not
	// only the one it answered.
	resume time.Time
	// refused is the first answer that refuses every request (see
	// StatusError.StopsRun): later requests fail with it unsent.
	refused error
}

// New returns a client for cfg, after checking its URL and model.
func New(cfg Config) (*Client, error) {
	if strings.TrimSpace(cfg.Model) == "" {
		return nil, errors.New("llm: no model named")
	}
	u, err := url.Parse(strings.TrimSpace(cfg.URL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		// url.Parse's own error would repeat the URL, user info and all.
		return nil, errors.New("llm: url: want http://host[:port]/v1 or https://...")
	}
	u.Path = strings.TrimSuffix(u.Path, "/")
	if !strings.HasSuffix(u.Path, "/chat/completions") {
		u.Path += "/chat/completions"
	}
	if cfg.Parallel <= 0 {
		cfg.Parallel = 1
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 5 * time.Minute
	}
	switch {
	case cfg.Retries == 0:
		cfg.Retries = 4
	case cfg.Retries < 0:
		cfg.Retries = 0
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = time.Second
	}
	if cfg.MaxWait <= 0 {
		cfg.MaxWait = 2 * time.Minute
	}
	c := &Client{cfg: cfg, endpoint: u.String(), shown: u.Redacted(), http: cfg.HTTP, slots: make(chan struct{}, cfg.Parallel), sleep: sleep, now: time.Now}
	if c.http == nil {
		c.http = &http.Client{}
	}
	return c, nil
}

// Model returns the model the client asks.
func (c *Client) Model() string { return c.cfg.Model }

// wire is the request body.
type wire struct {
	Model          string          `json:"model"`
	Messages       []Message       `json:"messages"`
	Temperature    float64         `json:"temperature"`
	MaxTokens      int             `json:"max_tokens,omitempty"`
	ResponseFormat *responseFormat `json:"response_format,omitempty"`
	Stream         bool            `json:"stream"`
}

type responseFormat struct {
	Type       string      `json:"type"`
	JSONSchema *jsonSchema `json:"json_schema,omitempty"`
}

type jsonSchema struct {
	Name   string          `json:"name"`
	Strict bool            `json:"strict"`
	Schema json.RawMessage `json:"schema"`
}

// answer is the part of the response body kg reads.
type answer struct {
	Choices []struct {
		Message struct {
			Content string `json:"content"`
		} `json:"message"`
		FinishReason string `json:"finish_reason"`
	} `json:"choices"`
	Usage Usage `json:"usage"`
}

// Complete sends req and returns the first choice's content. Transport
// errors, timeouts, 429 and 5xx answers are retried up to cfg.Retries
// times; other statuses fail at once. The error names the endpoint (its
// user info removed) and never the key.
func (c *Client) Complete(ctx context.Context, req Request) (Response, error) {
	body := wire{Model: c.cfg.Model, Messages: req.Messages, MaxTokens: req.MaxTokens}
	if len(req.Schema) > 0 {
		body.ResponseFormat = &responseFormat{Type: "json_schema", JSONSchema: &jsonSchema{Name: req.SchemaName, Strict: true, Schema: req.Schema}}
	}
	payload, err := json.Marshal(body)
	if err != nil {
		return Response{}, fmt.Errorf("llm: request: %w", err)
	}
	var out Response
	c.mu.Lock()
	refused := c.refused
	c.mu.Unlock()
	if refused != nil {
		return out, refused
	}
	for attempt := 0; ; attempt++ {
		out.Attempts++
		res, wait, err := c.once(ctx, payload)
		out.Usage = out.Usage.Add(res.Usage)
		if err == nil {
			out.Content, out.FinishReason = res.Content, res.FinishReason
			return out, nil
		}
		err = c.scrub(err)
		if ctx.Err() != nil {
			return out, fmt.Errorf("llm %s: %w", c.shown, ctx.Err())
		}
		if wait < 0 || attempt >= c.cfg.Retries {
			if attempt > 0 {
				return out, fmt.Errorf("llm %s: %d attempts: %w", c.shown, attempt+1, err)
			}
			err = fmt.Errorf("llm %s: %w", c.shown, err)
			if se, ok := errors.AsType[*StatusError](err); ok && se.StopsRun() {
				c.mu.Lock()
				if c.refused == nil {
					c.refused = err
				}
				c.mu.Unlock()
			}
			return out, err
		}
		if wait > 0 {
			// The server's Retry-After: once waits it out, and so do
			// the other requests starting meanwhile.
			c.pause(min(wait, c.cfg.MaxWait))
			continue
		}
		if err := c.sleep(ctx, c.backoff(attempt)); err != nil {
			return out, fmt.Errorf("llm %s: %w", c.shown, err)
		}
	}
}

// pause holds every request back for d from now, unless they are held
// longer already.
func (c *Client) pause(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t := c.now().Add(d); t.After(c.resume) {
		c.resume = t
	}
}

// held returns how long requests are still held back.
func (c *Client) held() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.resume.Sub(c.now())
}

// once sends one request, holding a slot while it runs. wait says what
// to do on error: -1 give up, 0 back off, more: wait that long (the
// server's Retry-After).
func (c *Client) once(ctx context.Context, payload []byte) (Response, time.Duration, error) {
	if d := c.held(); d > 0 {
		if err := c.sleep(ctx, d); err != nil {
			return Response{}, -1, err
		}
	}
	select {
	case c.slots <- struct{}{}:
	case <-ctx.Done():
		return Response{}, -1, ctx.Err()
	}
	defer func() { <-c.slots }()
	rctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(rctx, http.MethodPost, c.endpoint, bytes.NewReader(payload))
	if err != nil {
		return Response{}, -1, err
	}
	hreq.Header.Set("Content-Type", "application/json")
	hreq.Header.Set("Accept", "application/json")
	if c.cfg.APIKey != "" {
		hreq.Header.Set("Authorization", "Bearer "+c.cfg.APIKey)
	}
	hres, err := c.http.Do(hreq)
	if err != nil {
		if ctx.Err() == nil && rctx.Err() != nil {
			return Response{}, 0, fmt.Errorf("no answer within %s", c.cfg.Timeout)
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // its message repeats the URL
		}
		return Response{}, 0, err
	}
	defer hres.Body.Close()
	if hres.StatusCode != http.StatusOK {
		snippet, _ := io.ReadAll(io.LimitReader(hres.Body, 512))
		err := &StatusError{Code: hres.StatusCode, Body: strings.TrimSpace(string(snippet))}
		switch {
		case hres.StatusCode == http.StatusTooManyRequests:
			return Response{}, retryAfter(hres.Header.Get("Retry-After"), c.now()), err
		case hres.StatusCode >= 500:
			return Response{}, retryAfter(hres.Header.Get("Retry-After"), c.now()), err
		}
		return Response{}, -1, err
	}
	var a answer
	if err := json.NewDecoder(io.LimitReader(hres.Body, 64<<20)).Decode(&a); err != nil {
		if ctx.Err() == nil && rctx.Err() != nil {
			return Response{}, 0, fmt.Errorf("no answer within %s", c.cfg.Timeout)
		}
		return Response{}, 0, fmt.Errorf("reading the answer: %w", err)
	}
	if len(a.Choices) == 0 {
		return Response{Usage: a.Usage}, 0, errors.New("answer without choices")
	}
	return Response{Content: a.Choices[0].Message.Content, FinishReason: a.Choices[0].FinishReason, Usage: a.Usage}, 0, nil
}

// scrub removes the API key from an error's text, in case a server or
// proxy echoed it back.
func (c *Client) scrub(err error) error {
	if c.cfg.APIKey == "" || !strings.Contains(err.Error(), c.cfg.APIKey) {
		return err
	}
	// A status keeps its type, so that callers still see its code.
	if se, ok := err.(*StatusError); ok {
		return &StatusError{Code: se.Code, Body: strings.ReplaceAll(se.Body, c.cfg.APIKey, "[api key]")}
	}
	return errors.New(strings.ReplaceAll(err.Error(), c.cfg.APIKey, "[api key]"))
}

// backoff is the wait before retry attempt+1: Backoff doubled per
// attempt, between half and all of it (jitter, so that parallel requests
// refused together do not come back together).
func (c *Client) backoff(attempt int) time.Duration {
	d := c.cfg.Backoff << min(attempt, 16)
	if d <= 0 || d > c.cfg.MaxWait {
		d = c.cfg.MaxWait
	}
	return d/2 + rand.N(d/2+1)
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date. It
// returns 0 when there is none, to back off instead.
func retryAfter(h string, now time.Time) time.Duration {
	h = strings.TrimSpace(h)
	if h == "" {
		return 0
	}
	if s, err := strconv.Atoi(h); err == nil {
		if s <= 0 {
			return time.Millisecond // "retry now": still a distinct wait from "back off"
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(h); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
		return time.Millisecond
	}
	return 0
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
