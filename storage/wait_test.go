package storage

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

func TestOpenWait(t *testing.T) {
	tests := []struct {
		name      string
		wait      time.Duration
		release   time.Duration // the writer closes after this; 0: never
		cancel    time.Duration // ctx is cancelled after this; 0: never
		wantErr   error
		minTook   time.Duration
		wantCalls int
	}{
		{name: "no wait", wait: 0, wantErr: ErrLocked},
		{name: "wait runs out", wait: 300 * time.Millisecond, wantErr: ErrLocked, minTook: 300 * time.Millisecond, wantCalls: 1},
		{name: "writer leaves", wait: 10 * time.Second, release: 200 * time.Millisecond, minTook: 200 * time.Millisecond, wantCalls: 1},
		{name: "cancelled", wait: 10 * time.Second, cancel: 200 * time.Millisecond, wantErr: context.Canceled, minTook: 200 * time.Millisecond, wantCalls: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "store")
			w, err := Open(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			// The clock starts before the timers do: measured after them,
			// a cancel at 200 ms could look like 196.
			start := time.Now()
			released := make(chan struct{})
			if tt.release > 0 {
				time.AfterFunc(tt.release, func() { w.Close(); close(released) })
			} else {
				defer w.Close()
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if tt.cancel > 0 {
				time.AfterFunc(tt.cancel, cancel)
			}
			calls := 0
			s, err := OpenWait(ctx, dir, Options{ReadOnly: true}, tt.wait, func(err error) {
				calls++
				if !errors.Is(err, ErrLocked) {
					t.Errorf("waiting called with %v", err)
				}
			})
			took := time.Since(start)
			if err == nil {
				s.Close()
			}
			if tt.wantErr == nil && err != nil || tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if took < tt.minTook || took > tt.minTook+3*time.Second {
				t.Errorf("took %s, want about %s", took, tt.minTook)
			}
			if calls != tt.wantCalls {
				t.Errorf("waiting called %d times, want %d", calls, tt.wantCalls)
			}
			if tt.release > 0 {
				<-released
			}
		})
	}
}
