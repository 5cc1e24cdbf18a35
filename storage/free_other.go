//go:build !unix

package storage

import (
	"errors"
	"fmt"
)

// DiskFree is not known on this system; stores do not check it.
func DiskFree(dir string) (int64, error) {
	return 0, fmt.Errorf("free space of %s: %w", dir, errors.ErrUnsupported)
}
