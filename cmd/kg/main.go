// Command kg builds a knowledge graph of who did what to whom from news
// articles, keeps it in an embedded store, queries it and draws it.
//
// Run "kg help" for the commands. Exit codes:
//
//	0  success
//	1  nothing matched (query, entities, ...); rm: a document not in the store
//	2  usage error: bad flag, argument, configuration, or a query that
//	   cannot be read (with its position)
//	3  extract or load finished but skipped some input (each named in a
//	   warning)
//	4  failure: the store or a file could not be read or written
//	130 interrupted
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	os.Exit(runMain())
}

// runMain runs kg on the process's arguments and streams; SIGINT (Ctrl-C)
// and SIGTERM cancel it.
func runMain() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}
