package graph

import (
	"slices"
	"testing"
)

// dateFilter returns the Filter of --since since --until until, as the
// commands read them: the first day of since, the last of until.
func dateFilter(t *testing.T, since, until string) Filter {
	t.Helper()
	var f Filter
	var err error
	if since != "" {
		if f.Since, _, err = ParseDate(since); err != nil {
			t.Fatal(err)
		}
	}
	if until != "" {
		if _, f.Until, err = ParseDate(until); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func TestFilterKeepsDate(t *testing.T) {
	tests := []struct {
		name         string
		since, until string
		date         string
		want         bool
	}{
		{"no bound keeps the undated", "", "", "", true},
		{"no bound keeps any text", "", "", "yesterday", true},
		{"on the since day", "2016-10-08", "", "2016-10-08", true},
		{"the day before since", "2016-10-08", "", "2016-10-07", false},
		{"on the since day, with a time", "2016-10-08", "", "2016-10-08T00:00:00Z", true},
		{"on the until day", "", "2016-10-08", "2016-10-08", true},
		{"on the until day, late", "", "2016-10-08", "2016-10-08T23:59:59+02:00", true},
		{"the day after until", "", "2016-10-08", "2016-10-09", false},
		{"since a month, its first day", "2016-10", "", "2016-10-01", true},
		{"since a month, the day before", "2016-10", "", "2016-09-30", false},
		{"until a month, its last day", "", "2016-10", "2016-10-31", true},
		{"until a month, the next day", "", "2016-10", "2016-11-01", false},
		{"until February of a leap year", "", "2016-02", "2016-02-29", true},
		{"until a year, its last day", "", "2016", "2016-12-31", true},
		{"until a year, the next day", "", "2016", "2017-01-01", false},
		{"one day both bounds", "2016-10-08", "2016-10-08", "2016-10-08", true},
		{"undated drops out with since", "2016", "", "", false},
		{"undated drops out with until", "", "2016", "", false},
		{"an unreadable date drops out", "2016", "", "yesterday", false},
		{"a day that does not exist drops out", "2016", "", "2016-13-01", false},
		{"a month is its first day: since", "2016-10-02", "", "2016-10", false},
		{"a month is its first day: until", "", "2016-10-01", "2016-10", true},
		{"a year is its first day", "2016", "2016-06", "2016", true},
	}
	for _, tt := range tests {
		f := dateFilter(t, tt.since, tt.until)
		if got := f.KeepsDate(tt.date); got != tt.want {
			t.Errorf("%s: --since %q --until %q: KeepsDate(%q) = %v, want %v", tt.name, tt.since, tt.until, tt.date, got, tt.want)
		}
		// Apply reads evidence dates by the same rule.
		e := dated(edge("a", "meets", "b", 1), [3]string{"d1", tt.date, "en"})
		if f.Dated() {
			if got := len(f.Apply([]Edge{e})) == 1; got != tt.want {
				t.Errorf("%s: Apply kept the edge: %v, want %v", tt.name, got, tt.want)
			}
		}
	}
}

// TestFilterDateRuleOne holds the dates on which the two rules that came
// before KeepsDate disagreed: storage compared the text of dates cut to
// the length of the flag, graph compared the calendar days of dates that
// start with YYYY-MM-DD and dropped the others.
func TestFilterDateRuleOne(t *testing.T) {
	tests := []struct {
		since, until string
		date         string
		text, days   bool // what each rule said
		want         bool
	}{
		// A document dated to the month or the year.
		{"2016-10", "", "2016-10", true, false, true},
		{"", "2016", "2016", true, false, true},
		{"", "2016-10-08", "2016-10", true, false, true},
		// A date that is no date: text sorts it anywhere.
		{"2016", "", "yesterday", true, false, false},
		{"2016", "", "2016-1-5", true, false, false},
		{"2016", "", "2016-13-01", true, false, false},
	}
	for _, tt := range tests {
		if got := dateFilter(t, tt.since, tt.until).KeepsDate(tt.date); got != tt.want {
			t.Errorf("--since %q --until %q: KeepsDate(%q) = %v, want %v (text said %v, days %v)",
				tt.since, tt.until, tt.date, got, tt.want, tt.text, tt.days)
		}
	}
}

func TestFilterSentence(t *testing.T) {
	tests := []struct {
		f    Filter
		lang string
		m    Modality
		src  string
		want bool
	}{
		{Filter{}, "fr", Asserted, "rencontrer", true},
		{Filter{Lang: "fr"}, "FR", Asserted, "", true},
		{Filter{Lang: "fr"}, "en", Asserted, "", false},
		{Filter{Modality: Considered}, "en", Asserted, "", false},
		{Filter{Modality: Considered}, "en", Considered, "", true},
		{Filter{Lemma: "Rencontrer"}, "fr", Asserted, "rencontrer", true},
		{Filter{Lemma: "meet"}, "fr", Asserted, "rencontrer", false},
	}
	for _, tt := range tests {
		if got := tt.f.KeepsSentence(tt.lang, tt.m, tt.src); got != tt.want {
			t.Errorf("%+v.KeepsSentence(%q, %q, %q) = %v, want %v", tt.f, tt.lang, tt.m, tt.src, got, tt.want)
		}
	}
	for _, tt := range []struct {
		p        Polarity
		neg, out bool
	}{{Either, false, true}, {Either, true, true}, {Stated, false, true}, {Stated, true, false}, {Denied, false, false}, {Denied, true, true}} {
		if got := (Filter{Polarity: tt.p}).KeepsPolarity(tt.neg); got != tt.out {
			t.Errorf("Polarity %d: KeepsPolarity(%v) = %v", tt.p, tt.neg, got)
		}
	}
	// Apply reads the polarity of edges and the modality of sentences.
	stated, denied := edge("a", "meets", "b", 1), edge("a", "meets", "b", 1)
	denied.Negated = true
	if got := (Filter{Polarity: Denied}).Apply([]Edge{stated, denied}); len(got) != 1 || !got[0].Negated {
		t.Errorf("Denied kept %+v", got)
	}
	e := dated(edge("a", "meets", "b", 2), [3]string{"d1", "2016-01-01", "en"}, [3]string{"d2", "2016-01-01", "en"})
	if got := (Filter{Modality: Reported}).Apply([]Edge{e}); len(got) != 1 || got[0].Support != 1 || got[0].Evidence[0].Doc != "d2" {
		t.Errorf("Modality reported kept %+v", got)
	}
}

func TestCompareEdges(t *testing.T) {
	at := func(s, p, o string, neg bool, support int, m Modality) Edge {
		return Edge{Subject: s, Predicate: p, Object: o, Negated: neg, Support: support, Modality: m}
	}
	want := []Edge{
		at("A", "meets", "B", false, 1, Asserted),
		at("A", "meets", "B", false, 2, Asserted),
		at("A", "meets", "B", true, 1, Asserted),
		at("A", "meets", "C", false, 1, Asserted),
		at("A", "visits", "B", false, 1, Asserted),
		at("A", "visits", "B", false, 1, Reported),
		at("B", "meets", "A", false, 9, Asserted),
		at("a", "meets", "B", false, 1, Asserted), // bytes: upper case first
	}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortFunc(got, CompareEdges)
	same := func(a, b Edge) bool { return a.Key() == b.Key() && a.Support == b.Support && a.Modality == b.Modality }
	if !slices.EqualFunc(got, want, same) {
		t.Errorf("sorted:\n%v\nwant\n%v", got, want)
	}
}
