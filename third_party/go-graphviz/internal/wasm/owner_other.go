//go:build !unix

package wasm

import "os"

// ownedBySelf reports true: elsewhere the cache directory's permissions
// are the user profile's.
func ownedBySelf(os.FileInfo) bool { return true }
