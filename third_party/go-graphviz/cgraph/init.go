package cgraph

import (
	"context"
	"fmt"
	"sync"

	"github.com/goccy/go-graphviz/internal/wasm"
)

var (
	Directed         *Desc
	StrictDirected   *Desc
	UnDirected       *Desc
	StrictUnDirected *Desc
)

var (
	initOnce sync.Once
	initErr  error
)

// Init loads Graphviz's WebAssembly module and sets the descriptors
// above, once per process; every later call returns the first one's
// error. It was the package's init (which panicked): in kg's fork it runs
// on first use, from gvc.New, ParseBytes and Open.
func Init(ctx context.Context) error {
	initOnce.Do(func() {
		if initErr = wasm.Load(); initErr != nil {
			initErr = fmt.Errorf("graphviz: load WebAssembly module: %w", initErr)
			return
		}
		initErr = setGlobalVars(context.WithoutCancel(ctx))
	})
	return initErr
}

func setGlobalVars(ctx context.Context) error {
	// Set MAX to prevent outputting internally generated errors or warnings with agerr to the stderr.
	wasm.SetError(ctx, wasm.MAX)

	directed, err := wasm.NewGraphDescriptor(ctx)
	if err != nil {
		return err
	}
	directed.SetDirected(1)
	directed.SetMaingraph(1)

	strictDirected, err := wasm.NewGraphDescriptor(ctx)
	if err != nil {
		return err
	}
	strictDirected.SetDirected(1)
	strictDirected.SetStrict(1)
	strictDirected.SetMaingraph(1)

	undirected, err := wasm.NewGraphDescriptor(ctx)
	if err != nil {
		return err
	}
	undirected.SetMaingraph(1)

	strictUndirected, err := wasm.NewGraphDescriptor(ctx)
	if err != nil {
		return err
	}
	strictUndirected.SetStrict(1)
	strictUndirected.SetMaingraph(1)

	Directed = toDesc(directed)
	StrictDirected = toDesc(strictDirected)
	UnDirected = toDesc(undirected)
	StrictUnDirected = toDesc(strictUndirected)

	return nil
}
