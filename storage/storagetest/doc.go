// Package storagetest is a test suite that every storage.Store
// configuration (on disk, in memory) must pass: Run stores a small invented
// corpus and checks every query against results written out by hand.
//
// It is for tests only; it is not a fixture library for other packages.
package storagetest
