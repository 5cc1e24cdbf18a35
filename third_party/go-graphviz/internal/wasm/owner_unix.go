//go:build unix

package wasm

import (
	"os"
	"syscall"
)

// ownedBySelf reports whether the process's user owns fi's file.
func ownedBySelf(fi os.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Geteuid()
}
