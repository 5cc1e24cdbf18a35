package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/goccy/go-graphviz"

	"github.com/kgraph/kg/internal/graphvizcache"
)

// init gives the user's TMPDIR back: package graphvizcache set it, before
// go-graphviz's init, to a compilation cache of the user's own, and this
// package is initialized after go-graphviz, which it imports.
func init() { graphvizcache.Done() }

// DefaultMaxNodes is the most nodes a Renderer lays out unless told
// otherwise: dot's layout grows faster than linearly, and a diagram past a
// few hundred entities is unreadable anyway.
const DefaultMaxNodes = 500

// wasmLock serializes every call into go-graphviz. Its WebAssembly module
// is one per process, shared by all graphviz.Graphviz values, and is not
// safe for concurrent use (go-graphviz issue #117), so a lock per Renderer
// would not do. It is a channel rather than a sync.Mutex so that waiting
// for it can be cancelled.
var wasmLock = make(chan struct{}, 1)

func lock(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err // select would pick at random were the lock free too
	}
	select {
	case wasmLock <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func unlock() { <-wasmLock }

// ErrTooManyNodes is returned, wrapped, by SVG and PNG for a graph of more
// than MaxNodes nodes.
var ErrTooManyNodes = errors.New("too many nodes")

// errClosed is returned by a Renderer used after Close.
var errClosed = errors.New("renderer is closed")

// Renderer lays out DOT with go-graphviz and draws it as SVG or PNG. A
// Renderer is safe for concurrent use; layouts run one at a time in the
// process.
type Renderer struct {
	// MaxNodes bounds the nodes (legend included) of a graph laid out;
	// 0 means DefaultMaxNodes.
	MaxNodes int

	gv *graphviz.Graphviz // nil once closed; guarded by wasmLock
}

// NewRenderer returns a Renderer holding one Graphviz context. Close it
// when done.
func NewRenderer(ctx context.Context) (*Renderer, error) {
	if err := lock(ctx); err != nil {
		return nil, fmt.Errorf("graphviz: %w", err)
	}
	defer unlock()
	// A cancelled call leaves go-graphviz's module unusable for the rest of
	// the process (its issue #118): keep ctx's values, never its end.
	gv, err := graphviz.New(context.WithoutCancel(ctx))
	if err != nil {
		return nil, fmt.Errorf("graphviz: %w", err)
	}
	return &Renderer{gv: gv}, nil
}

// Close frees the Graphviz context. Closing twice is harmless. The error
// is always nil; Close returns one to be an io.Closer.
func (r *Renderer) Close() error {
	wasmLock <- struct{}{}
	defer unlock()
	if r.gv == nil {
		return nil
	}
	// The error is dropped: Graphviz's gvFreeContext returns the number of
	// errors the process has ever reported, which go-graphviz turns into
	// the last error message, so any earlier malformed DOT would make
	// every later Close fail though the context was freed.
	_ = r.gv.Close()
	r.gv = nil
	return nil
}

// SVG lays out the DOT graph dot with Graphviz's dot engine and writes it
// to w as SVG. It writes nothing if the graph is malformed or has more than
// MaxNodes nodes.
//
// ctx can end the wait for another render, but not a render under way:
// go-graphviz cannot survive one cut short.
func (r *Renderer) SVG(ctx context.Context, dot []byte, w io.Writer) error {
	var buf bytes.Buffer
	if err := r.render(ctx, "svg", dot, graphviz.SVG, &buf); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write svg: %w", err)
	}
	return nil
}

// render lays out dot and writes it to buf in format, for a render of
// what ("svg", "png") as errors say.
func (r *Renderer) render(ctx context.Context, what string, dot []byte, format graphviz.Format, buf *bytes.Buffer) (err error) {
	if err := lock(ctx); err != nil {
		return fmt.Errorf("render %s: %w", what, err)
	}
	defer unlock()
	if r.gv == nil {
		return fmt.Errorf("render %s: %w", what, errClosed)
	}
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return fmt.Errorf("parse dot: %w", err)
	}
	defer func() {
		if cerr := g.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("graphviz: close graph: %w", cerr)
		}
	}()
	n, err := g.NodeNum()
	if err != nil {
		return fmt.Errorf("parse dot: count nodes: %w", err)
	}
	maxNodes := r.MaxNodes
	if maxNodes <= 0 {
		maxNodes = DefaultMaxNodes
	}
	if n > maxNodes {
		return fmt.Errorf("render %s: %w: the graph has %d, the limit is %d; draw a neighbourhood or fewer nodes", what, ErrTooManyNodes, n, maxNodes)
	}
	if err := r.gv.Render(context.WithoutCancel(ctx), g, format, buf); err != nil {
		return fmt.Errorf("render %s: %w", what, err)
	}
	return nil
}
