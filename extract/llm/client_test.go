package llm

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const secret = "sk-test-5ecret-key-never-shown"

// reply writes an OpenAI-style completion with content.
func reply(w http.ResponseWriter, content string, prompt, completion int) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"choices": []any{map[string]any{"message": map[string]any{"role": "assistant", "content": content}, "finish_reason": "stop"}},
		"usage":   map[string]any{"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion},
	})
}

// hang answers nothing until the client goes away or release closes.
// The body is read first: only then does the server notice a client
// that hung up.
func hang(r *http.Request, release chan struct{}) {
	io.Copy(io.Discard, r.Body)
	select {
	case <-release:
	case <-r.Context().Done():
	}
}

// waits records the waits a client asks for instead of waiting.
type waits struct {
	mu sync.Mutex
	d  []time.Duration
}

func (w *waits) sleep(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.d = append(w.d, d)
	return ctx.Err()
}

func newTestClient(t *testing.T, url string, cfg Config) (*Client, *waits) {
	t.Helper()
	cfg.URL, cfg.Model = url+"/v1", "test-model"
	if cfg.APIKey == "" {
		cfg.APIKey = secret
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	w := &waits{}
	c.sleep = w.sleep
	now := time.Date(2026, 5, 4, 3, 2, 1, 0, time.UTC)
	c.now = func() time.Time { return now } // the waits asked for are exact
	return c, w
}

func TestCompleteRequest(t *testing.T) {
	var got wire
	var auth, path string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth, path = r.Header.Get("Authorization"), r.URL.Path
		if err := json.NewDecoder(r.Body).Decode(&got); err != nil {
			t.Error(err)
		}
		reply(w, `{"ok":true}`, 120, 30)
	}))
	defer srv.Close()
	c, _ := newTestClient(t, srv.URL, Config{})
	res, err := c.Complete(context.Background(), Request{
		Messages:   []Message{{Role: "system", Content: "rules"}, {Role: "user", Content: "text"}},
		SchemaName: "answer", Schema: json.RawMessage(`{"type":"object"}`),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Content != `{"ok":true}` || res.Usage != (Usage{120, 30}) || res.Attempts != 1 {
		t.Errorf("response %+v", res)
	}
	if path != "/v1/chat/completions" || auth != "Bearer "+secret {
		t.Errorf("path %q, authorization %q", path, auth)
	}
	if got.Model != "test-model" || len(got.Messages) != 2 || got.ResponseFormat == nil ||
		got.ResponseFormat.Type != "json_schema" || got.ResponseFormat.JSONSchema.Name != "answer" ||
		!got.ResponseFormat.JSONSchema.Strict || string(got.ResponseFormat.JSONSchema.Schema) != `{"type":"object"}` {
		t.Errorf("request %+v", got)
	}
}

func TestCompleteRetries(t *testing.T) {
	tests := []struct {
		name     string
		statuses []int    // answered in turn; 200 is a good answer
		after    []string // Retry-After of each
		retries  int
		wantErr  string
		want     []time.Duration // the waits asked for; -1: any backoff
		attempts int
	}{
		{name: "429 with Retry-After seconds", statuses: []int{429, 200}, after: []string{"7", ""}, want: []time.Duration{7 * time.Second}, attempts: 2},
		{name: "503 with Retry-After past the cap", statuses: []int{503, 200}, after: []string{"86400", ""}, want: []time.Duration{2 * time.Minute}, attempts: 2},
		{name: "500 backs off", statuses: []int{500, 500, 200}, want: []time.Duration{-1, -1}, attempts: 3},
		{name: "400 is not retried", statuses: []int{400}, wantErr: "HTTP 400", attempts: 1},
		{name: "401 is not retried", statuses: []int{401}, wantErr: "HTTP 401", attempts: 1},
		{name: "500 until the retries run out", statuses: []int{500, 500, 500}, retries: 2, wantErr: "3 attempts: HTTP 500", want: []time.Duration{-1, -1}, attempts: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				i := int(n.Add(1)) - 1
				if i < len(tt.after) && tt.after[i] != "" {
					w.Header().Set("Retry-After", tt.after[i])
				}
				if tt.statuses[i] != 200 {
					http.Error(w, "refused", tt.statuses[i])
					return
				}
				reply(w, "fine", 10, 2)
			}))
			defer srv.Close()
			c, w := newTestClient(t, srv.URL, Config{Retries: tt.retries, Backoff: time.Second})
			res, err := c.Complete(context.Background(), Request{Messages: []Message{{Role: "user", Content: "x"}}})
			if tt.wantErr == "" && (err != nil || res.Content != "fine") {
				t.Fatalf("got %+v, %v", res, err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("error %v, want %q", err, tt.wantErr)
			}
			if res.Attempts != tt.attempts || int(n.Load()) != tt.attempts {
				t.Errorf("attempts %d, server saw %d, want %d", res.Attempts, n.Load(), tt.attempts)
			}
			if len(w.d) != len(tt.want) {
				t.Fatalf("waits %v, want %v", w.d, tt.want)
			}
			for i, d := range w.d {
				if tt.want[i] >= 0 && d != tt.want[i] {
					t.Errorf("wait %d: %s, want %s", i, d, tt.want[i])
				}
				if tt.want[i] < 0 && (d < time.Second<<i/2 || d > time.Second<<i) {
					t.Errorf("backoff %d: %s, want between %s and %s", i, d, time.Second<<i/2, time.Second<<i)
				}
			}
		})
	}
}

// TestRetryAfterHoldsAll: a Retry-After answered to one request holds
// back the requests that start after it too.
func TestRetryAfterHoldsAll(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "30")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		reply(w, "ok", 1, 1)
	}))
	defer srv.Close()
	c, w := newTestClient(t, srv.URL, Config{Parallel: 2})
	req := Request{Messages: []Message{{Role: "user", Content: "x"}}}
	if _, err := c.Complete(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Complete(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	// The first request waited 30 s before its retry, and the second
	// request (the clock stands still) 30 s before it started.
	if len(w.d) != 2 || w.d[0] != 30*time.Second || w.d[1] != 30*time.Second || n.Load() != 3 {
		t.Errorf("waits %v, %d requests", w.d, n.Load())
	}
}

func TestCompleteTimeout(t *testing.T) {
	var n atomic.Int32
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			hang(r, release) // the first request hangs past the timeout
			return
		}
		reply(w, "late but fine", 5, 1)
	}))
	defer srv.Close()
	defer close(release)
	c, w := newTestClient(t, srv.URL, Config{Timeout: 100 * time.Millisecond})
	res, err := c.Complete(context.Background(), Request{Messages: []Message{{Role: "user", Content: "x"}}})
	if err != nil || res.Content != "late but fine" || res.Attempts != 2 || len(w.d) != 1 {
		t.Fatalf("got %+v, %v, waits %v", res, err, w.d)
	}

	// Every attempt timing out is an error saying so.
	n.Store(-100)
	srv2 := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hang(r, release) }))
	defer srv2.Close()
	c2, _ := newTestClient(t, srv2.URL, Config{Timeout: 50 * time.Millisecond, Retries: 1})
	_, err = c2.Complete(context.Background(), Request{Messages: []Message{{Role: "user", Content: "x"}}})
	if err == nil || !strings.Contains(err.Error(), "no answer within 50ms") {
		t.Fatalf("error %v", err)
	}
}

func TestCompleteCancelled(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hang(r, release) }))
	defer srv.Close()
	defer close(release)
	c, _ := newTestClient(t, srv.URL, Config{})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := c.Complete(ctx, Request{Messages: []Message{{Role: "user", Content: "x"}}})
	if err == nil || ctx.Err() == nil || !strings.Contains(err.Error(), "context deadline exceeded") {
		t.Fatalf("error %v", err)
	}
}

func TestParallelBound(t *testing.T) {
	var inFlight, most atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		reply(w, "ok", 1, 1)
	}))
	defer srv.Close()
	c, _ := newTestClient(t, srv.URL, Config{Parallel: 3})
	var wg sync.WaitGroup
	for range 12 {
		wg.Go(func() {
			if _, err := c.Complete(context.Background(), Request{Messages: []Message{{Role: "user", Content: "x"}}}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if m := most.Load(); m > 3 || m < 2 {
		t.Errorf("at most %d requests in flight, want 3", m)
	}
}

// TestKeyNeverShown: a server that echoes the Authorization header in
// its errors, and a URL with user info, leave neither in the errors.
func TestKeyNeverShown(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "bad credentials: "+r.Header.Get("Authorization"), http.StatusUnauthorized)
	}))
	defer srv.Close()
	c, err := New(Config{URL: strings.Replace(srv.URL, "http://", "http://user:"+secret+"@", 1) + "/v1", Model: "m", APIKey: secret})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Complete(context.Background(), Request{Messages: []Message{{Role: "user", Content: "x"}}})
	if err == nil || strings.Contains(err.Error(), secret) || !strings.Contains(err.Error(), "HTTP 401") {
		t.Fatalf("error %v", err)
	}
	if _, err := New(Config{URL: "ftp://" + secret + "@x", Model: "m"}); err == nil || strings.Contains(err.Error(), secret) {
		t.Errorf("bad URL error %v", err)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		h    string
		want time.Duration
	}{
		{"", 0},
		{"3", 3 * time.Second},
		{"0", time.Millisecond},
		{"soon", 0},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Hour).Format(http.TimeFormat), time.Millisecond},
	}
	for _, tt := range tests {
		if got := retryAfter(tt.h, now); got != tt.want {
			t.Errorf("retryAfter(%q) = %s, want %s", tt.h, got, tt.want)
		}
	}
}
