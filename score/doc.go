// Package score measures extracted triples against gold triples, the way
// the project's reference scorer, shared/tools/kgscore, does: same name
// and predicate normalisation, same greedy matching order, same figures
// and the same --show listing (spec/triples.md, "How extraction is
// scored").
//
// Beyond kgscore it gives the same figures at several minimum
// confidences (Curve, the points of a precision–recall curve, which
// score/plot draws) and mention precision, the share of produced subjects
// and objects that are gold names (MentionPrecision).
//
// It is not an extractor and knows nothing of where triples come from;
// it does not read evaluation data by itself, and its leniency option is
// a diagnostic, never the headline score.
package score
