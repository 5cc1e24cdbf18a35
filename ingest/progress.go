package ingest

import (
	"fmt"
	"io"
	"time"
)

// progress redraws one status line on a terminal, at most a few times a
// second so that printing never costs more than the work it reports.
type progress struct {
	w     io.Writer
	total int64
	last  time.Time
	drawn bool
	// documents rates documents rather than tokens: kg load reads no
	// text.
	documents bool
}

func newProgress(w io.Writer, total int64) *progress {
	return &progress{w: w, total: total}
}

func (p *progress) update(s Summary, elapsed time.Duration) {
	if p.w == nil || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	secs := elapsed.Seconds()
	if secs <= 0 {
		return
	}
	line := fmt.Sprintf("%d documents, %d triples, %.0f tokens/s", s.Documents, s.Triples, float64(s.Tokens)/secs)
	if l := s.LLM; l != nil {
		line += fmt.Sprintf(", LLM %d tokens (%d documents cached)", l.PromptTokens+l.CompletionTokens, l.Cached)
	}
	if n := len(s.Skipped); n == 1 {
		line += ", 1 error"
	} else if n > 1 {
		line += fmt.Sprintf(", %d errors", n)
	}
	if p.documents {
		line = fmt.Sprintf("%d documents, %d triples, %.0f documents/s", s.Documents, s.Triples, float64(s.Documents)/secs)
	}
	if p.total > 0 && s.Bytes > 0 {
		frac := float64(s.Bytes) / float64(p.total)
		if frac > 1 {
			frac = 1
		}
		eta := time.Duration(secs/frac*(1-frac)) * time.Second
		line = fmt.Sprintf("%3.0f%%  %s, ETA %s", frac*100, line, eta.Round(time.Second))
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.drawn = true
}

func (p *progress) done() {
	if p.w != nil && p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
