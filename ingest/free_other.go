//go:build !unix

package ingest

import (
	"errors"
	"fmt"
)

// DiskFree is not known on this system; runs do not check it.
func DiskFree(dir string) (int64, error) {
	return 0, fmt.Errorf("free space of %s: %w", dir, errors.ErrUnsupported)
}
