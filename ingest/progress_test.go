package ingest

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// TestProgress draws one status line from given figures and clears it.
// Nothing depends on the clock: elapsed time is an argument, and the
// redraw interval is tested with a last draw in the future.
func TestProgress(t *testing.T) {
	const clear = "\r\033[K"
	sum := Summary{Documents: 3, Triples: 5, Tokens: 2000, Bytes: 250}
	tests := []struct {
		name    string
		total   int64
		sum     Summary
		elapsed time.Duration
		last    time.Time
		want    string // written by update and done
	}{
		{"no total", 0, sum, 2 * time.Second, time.Time{},
			clear + "3 documents, 5 triples, 1000 tokens/s" + clear},
		{"quarter", 1000, sum, 10 * time.Second, time.Time{},
			clear + " 25%  3 documents, 5 triples, 200 tokens/s, ETA 30s" + clear},
		{"past the estimate", 100, sum, 10 * time.Second, time.Time{},
			clear + "100%  3 documents, 5 triples, 200 tokens/s, ETA 0s" + clear},
		{"nothing read yet", 1000, Summary{}, time.Second, time.Time{},
			clear + "0 documents, 0 triples, 0 tokens/s" + clear},
		{"errors and LLM tokens", 0, Summary{Documents: 3, Triples: 5, Tokens: 2000, Skipped: []Skip{{}, {}},
			LLM: &LLMSummary{Cached: 1, PromptTokens: 9000, CompletionTokens: 400}}, 2 * time.Second, time.Time{},
			clear + "3 documents, 5 triples, 1000 tokens/s, LLM 9400 tokens (1 documents cached), 2 errors" + clear},
		{"no time elapsed", 1000, sum, 0, time.Time{}, ""},
		{"drawn just now", 1000, sum, time.Second, time.Now().Add(time.Hour), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			p := newProgress(&buf, tt.total)
			p.last = tt.last
			p.update(tt.sum, tt.elapsed)
			p.done()
			if got := buf.String(); got != tt.want {
				t.Errorf("wrote %q, want %q", got, tt.want)
			}
		})
	}
	t.Run("no writer", func(t *testing.T) {
		p := newProgress(nil, 1000)
		p.update(sum, time.Second)
		p.done()
		if p.drawn {
			t.Errorf("drew a line with no writer")
		}
	})
}

// TestRunProgress checks that a run draws its status line and clears it
// at the end. The first update always draws (nothing was drawn before),
// so this does not depend on timing.
func TestRunProgress(t *testing.T) {
	x := newExtractor(t)
	var buf bytes.Buffer
	if _, err := Run(context.Background(), []string{corpus}, x, openStore(t), Options{Progress: &buf}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	const clear = "\r\033[K"
	// The first document, in German, gives no triples.
	first, _, _ := strings.Cut(strings.TrimPrefix(out, clear), clear)
	if !strings.HasPrefix(out, clear) || !strings.Contains(first, "%  1 documents, 0 triples, ") ||
		!strings.HasSuffix(out, clear) || strings.HasSuffix(out, clear+clear) {
		t.Errorf("progress output %q: want a line with a percentage, drawn and then cleared", out)
	}
}
