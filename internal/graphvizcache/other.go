//go:build !unix

package graphvizcache

// Done does nothing: go-graphviz's cache is in the directory of
// os.TempDir, which TMPDIR does not set on this system.
func Done() {}
