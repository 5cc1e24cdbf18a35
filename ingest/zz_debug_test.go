package ingest

import (
	"testing"
	"time"
)

func TestZZLoop(t *testing.T) {
	start := time.Now()
	done := make(chan int64)
	go func() { done <- totalBytes([]string{"/tmp/loopt/d"}) }()
	select {
	case n := <-done:
		t.Logf("%d in %v", n, time.Since(start))
	case <-time.After(10 * time.Second):
		t.Logf("still running after 10s")
	}
}
