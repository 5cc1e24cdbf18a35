// Package listing writes a list of records in one of kg's output formats:
// an aligned table for people, or JSON, JSON Lines or CSV for scripts.
//
// JSON and JSON Lines use the records' own JSON field names, which are
// the stable, documented names; the table and CSV use the columns the
// caller chooses. It knows nothing of what the records are.
package listing
