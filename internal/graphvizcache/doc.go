// Package graphvizcache gives go-graphviz a compilation cache of the
// user's own, so that no file in the shared temporary directory can make
// kg panic before main.
//
// go-graphviz compiles its WebAssembly module in a package init, with
// wazero's compilation cache in $TMPDIR/go-graphviz, and panics if the
// cache cannot be read or written: a directory another user made there
// (a root run leaves one in /tmp), or a truncated entry. This package's
// init runs first and sets TMPDIR, for the span of the inits, to a
// directory that only the user can write, kept under os.UserCacheDir()
// (else $TMPDIR/kg-UID), named for the go-graphviz and wazero versions,
// and holding only entries a kg run vouched for; failing that, to
// /dev/null, where go-graphviz runs without a cache. Done puts the user's
// TMPDIR back.
//
// Go initializes packages in the order of their import paths, each as
// soon as its imports are: this package imports only standard packages
// that wazero imports too, and its path sorts before
// github.com/tetratelabs/wazero, so it is initialized before wazero and
// therefore before go-graphviz, which imports wazero. A package that
// imports go-graphviz, and so is initialized after it, must call Done
// from its init: package export does.
package graphvizcache
