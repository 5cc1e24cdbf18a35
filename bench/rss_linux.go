package bench

import (
	"io/fs"
	"os"
	"syscall"
)

// peakRSS returns the peak resident memory of an ended process in bytes.
func peakRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss << 10 // kilobytes on Linux
	}
	return 0
}

// allocated returns the bytes a file occupies on disk: Badger's files
// may be sparse.
func allocated(fi fs.FileInfo) int64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return st.Blocks * 512
	}
	return fi.Size()
}
