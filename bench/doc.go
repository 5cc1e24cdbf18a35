// Package bench measures how kg extracts a corpus into a store and what
// it costs: documents and tokens a second (per core too), the speed-up
// from one worker to several, the peak memory of each run and the size
// of the store it leaves, per million triples.
//
// Each run is a Sample taken by a Sampler; in kg that is a new kg
// process extracting into a temporary store (see Exec), so that the peak
// resident memory measured is that run's alone, and Extract is what the
// process does. Run takes the samples one after the other and derives
// the rates.
//
// It is not a benchmark of Go's testing package: those are in the
// packages they measure (see the README's Performance section).
package bench
