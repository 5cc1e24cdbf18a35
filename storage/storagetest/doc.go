// Package storagetest is a test suite that every store must pass, each
// storage.Store configuration (on disk, in memory) and any other that
// has the methods of Store: Run stores a small invented corpus and
// checks every query against results written out by hand.
//
// It is for tests only; it is not a fixture library for other packages.
package storagetest
