package llmtest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
)

// Step is one scripted answer.
type Step struct {
	// Status is the HTTP status (0: 200 with Content).
	Status     int
	RetryAfter string // Retry-After header, if any
	// Content is the completion's message; Body, when set, replaces the
	// whole response body (a broken response).
	Content string
	Body    string
	// Hang answers nothing until the client hangs up.
	Hang bool
	// EchoAuth puts the request's Authorization header in the body of
	// an error status, as a careless server might.
	EchoAuth bool
	// Usage reported (0: a quarter of the request's bytes, and 50).
	PromptTokens, CompletionTokens int
}

// Request is what the server was sent.
type Request struct {
	Marker        string
	Authorization string
	Model         string
	Messages      []struct{ Role, Content string }
	Schema        bool // response_format json_schema was asked for
}

// Server answers chat completions by script.
type Server struct {
	*httptest.Server
	mu       sync.Mutex
	markers  []string
	scripts  map[string][]Step
	calls    map[string]int
	requests []Request
	release  chan struct{}
}

// New starts a server; Close stops it.
func New() *Server {
	s := &Server{scripts: map[string][]Step{}, calls: map[string]int{}, release: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Close releases hanging requests and stops the server.
func (s *Server) Close() {
	close(s.release)
	s.Server.Close()
}

// URL is the API's base URL, for llm.Config.URL.
func (s *Server) URL() string { return s.Server.URL + "/v1" }

// On scripts the answers to requests whose user turn contains marker.
func (s *Server) On(marker string, steps ...Step) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.scripts[marker]; !ok {
		s.markers = append(s.markers, marker)
	}
	s.scripts[marker] = steps
	s.calls[marker] = 0
}

// Calls returns how many requests marker's script answered.
func (s *Server) Calls(marker string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[marker]
}

// Requests returns every request received, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var req struct {
		Model          string
		Messages       []struct{ Role, Content string }
		ResponseFormat *struct {
			Type string `json:"type"`
		} `json:"response_format"`
	}
	if r.URL.Path != "/v1/chat/completions" || json.Unmarshal(body, &req) != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	user := ""
	for _, m := range req.Messages {
		if m.Role == "user" {
			user = m.Content
			break
		}
	}
	s.mu.Lock()
	marker := ""
	for _, m := range s.markers {
		if strings.Contains(user, m) {
			marker = m
			break
		}
	}
	s.requests = append(s.requests, Request{Marker: marker, Authorization: r.Header.Get("Authorization"), Model: req.Model,
		Messages: req.Messages, Schema: req.ResponseFormat != nil && req.ResponseFormat.Type == "json_schema"})
	steps := s.scripts[marker]
	n := s.calls[marker]
	s.calls[marker]++
	s.mu.Unlock()
	if len(steps) == 0 {
		http.Error(w, "no script for this request", http.StatusNotFound)
		return
	}
	st := steps[min(n, len(steps)-1)]
	if st.Hang {
		select {
		case <-r.Context().Done():
		case <-s.release:
		}
		return
	}
	if st.RetryAfter != "" {
		w.Header().Set("Retry-After", st.RetryAfter)
	}
	if st.Status != 0 && st.Status != http.StatusOK {
		msg := http.StatusText(st.Status)
		if st.EchoAuth {
			msg += ": " + r.Header.Get("Authorization")
		}
		http.Error(w, msg, st.Status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if st.Body != "" {
		io.WriteString(w, st.Body)
		return
	}
	pt, ct := st.PromptTokens, st.CompletionTokens
	if pt == 0 {
		pt = len(body) / 4
	}
	if ct == 0 {
		ct = 50
	}
	json.NewEncoder(w).Encode(map[string]any{
		"id": "chatcmpl-test", "object": "chat.completion", "model": req.Model,
		"choices": []any{map[string]any{"index": 0, "message": map[string]any{"role": "assistant", "content": st.Content}, "finish_reason": "stop"}},
		"usage":   map[string]any{"prompt_tokens": pt, "completion_tokens": ct, "total_tokens": pt + ct},
	})
}
