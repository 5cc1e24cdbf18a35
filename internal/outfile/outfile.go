package outfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrForbidden is returned, wrapped, for a path inside a directory that
// Check or Write was told to keep out of.
var ErrForbidden = errors.New("inside a directory kg does not write to")

// Check reports whether path can be written: its directory exists, it
// is not a directory, and it is not inside any of forbid (symbolic links
// and relative paths resolved). Call it before the work whose result
// goes to path, so that a bad path costs nothing.
func Check(path string, forbid ...string) error {
	_, err := target(path, forbid)
	return err
}

// CheckDir reports whether dir can be made, if need be, and written
// into: it is not a file, and it is not inside any of forbid.
func CheckDir(dir string, forbid ...string) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return fmt.Errorf("output %s: %w", dir, err)
	}
	// The deepest directory that exists, resolved, and the rest after it.
	real, rest := abs, ""
	for {
		if r, err := filepath.EvalSymlinks(real); err == nil {
			real = filepath.Join(r, rest)
			break
		}
		parent := filepath.Dir(real)
		if parent == real {
			break
		}
		rest = filepath.Join(filepath.Base(real), rest)
		real = parent
	}
	if fi, err := os.Stat(real); err == nil && !fi.IsDir() {
		return fmt.Errorf("output %s: not a directory", dir)
	}
	for _, f := range forbid {
		if inside(real, f) {
			return fmt.Errorf("output %s: %w: %s", dir, ErrForbidden, f)
		}
	}
	return nil
}

// Write writes data to path as Check allows it. An existing file keeps
// its permissions; a new one is made 0644, an ordinary document.
func Write(path string, data []byte, forbid ...string) error {
	real, err := target(path, forbid)
	if err != nil {
		return err
	}
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(real); err == nil {
		if !fi.Mode().IsRegular() {
			return writeDevice(path, real, data)
		}
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(real), ".kg-export-*")
	if err != nil {
		return fmt.Errorf("output %s: %w", path, cause(err))
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("output %s: %w", path, cause(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("output %s: %w", path, cause(err))
	}
	// CreateTemp makes the file private; Chmod gives it the mode wanted,
	// whatever the umask, as the replaced file had it.
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return fmt.Errorf("output %s: %w", path, cause(err))
	}
	if err := os.Rename(tmp.Name(), real); err != nil {
		return fmt.Errorf("output %s: %w", path, cause(err))
	}
	return nil
}

// Put writes data to path as Write does, or to w, standard output, when
// path is "" or "-", the names commands give it.
func Put(w io.Writer, path string, data []byte, forbid ...string) error {
	if path == "" || path == "-" {
		_, err := w.Write(data)
		return err
	}
	return Write(path, data, forbid...)
}

// writeDevice writes data to a file that is not a regular one, such as
// /dev/stdout or a named pipe: it cannot be replaced, only written to.
func writeDevice(path, real string, data []byte) error {
	f, err := os.OpenFile(real, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("output %s: %w", path, cause(err))
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("output %s: %w", path, cause(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("output %s: %w", path, cause(err))
	}
	return nil
}

// target returns the file that writing path writes: path with its
// directory's and its own symbolic links resolved, absolute.
func target(path string, forbid []string) (string, error) {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return "", fmt.Errorf("output %s: %w", path, err)
	}
	real, err := filepath.EvalSymlinks(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("output %s: directory %s does not exist", path, filepath.Dir(path))
	}
	if err != nil {
		return "", fmt.Errorf("output %s: %w", path, cause(err))
	}
	real = filepath.Join(real, filepath.Base(path))
	if r, err := filepath.EvalSymlinks(real); err == nil {
		real = r // a link is written through, to what it names
	}
	fi, err := os.Stat(real)
	switch {
	case err == nil && fi.IsDir():
		return "", fmt.Errorf("output %s: is a directory", path)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return "", fmt.Errorf("output %s: %w", path, cause(err))
	}
	for _, f := range forbid {
		if inside(real, f) {
			return "", fmt.Errorf("output %s: %w: %s", path, ErrForbidden, f)
		}
	}
	return real, nil
}

// inside reports whether the absolute, resolved path file is dir or below
// it.
func inside(file, dir string) bool {
	d, err := filepath.Abs(dir)
	if err != nil {
		return false
	}
	if r, err := filepath.EvalSymlinks(d); err == nil {
		d = r
	}
	rel, err := filepath.Rel(d, file)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// cause strips the path of a file-system error, which may be the
// temporary file's, leaving what went wrong.
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
