//go:build !linux

package bench

import (
	"io/fs"
	"os"
)

// peakRSS is unknown here: getrusage's units differ between systems.
func peakRSS(*os.ProcessState) int64 { return 0 }

// allocated returns the apparent size of a file.
func allocated(fi fs.FileInfo) int64 { return fi.Size() }
