// Package outfile writes the files kg's exports produce. A file is written
// whole or not at all (a temporary file beside it, renamed over it),
// keeps the mode of the file it replaces, is written through a symbolic
// link rather than over it, and is never inside a directory it must not
// touch, such as the store: Badger's MANIFEST overwritten by a diagram is
// a store lost. Errors name the user's path, not the temporary file.
package outfile
