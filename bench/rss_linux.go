package bench

import (
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
