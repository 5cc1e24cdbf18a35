//go:build !unix

package storage

import "io/fs"

// allocated returns the size of a file: without block counts, the
// apparent size.
func allocated(fi fs.FileInfo) int64 { return fi.Size() }
