//go:build unix

package storage

import (
	"fmt"
	"syscall"
)

// DiskFree returns the bytes an unprivileged user may still write on the
// file system holding dir.
func DiskFree(dir string) (int64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, fmt.Errorf("free space of %s: %w", dir, err)
	}
	return int64(st.Bavail) * int64(st.Bsize), nil
}
