package graph

import (
	"errors"
	"fmt"
	"time"
)

// ErrDate is returned, wrapped, for a date kg cannot read.
var ErrDate = errors.New("invalid date")

// ParseDate reads a date as every command takes it (--since, --until):
// YYYY, YYYY-MM or YYYY-MM-DD, of a month and day that exist. It returns
// the first and last days the date covers: 2019 is 2019-01-01 to
// 2019-12-31, 2019-02 is 2019-02-01 to 2019-02-28.
func ParseDate(s string) (first, last time.Time, err error) {
	first, last, why := parseDate(s)
	if why != "" {
		return first, last, fmt.Errorf("%w %q: %s", ErrDate, s, why)
	}
	return first, last, nil
}

// parseDate is ParseDate, with why the date is wrong instead of an error.
func parseDate(s string) (first, last time.Time, why string) {
	bad := func(why string) (time.Time, time.Time, string) {
		return time.Time{}, time.Time{}, why
	}
	var y, m, d int
	switch {
	case len(s) == 4 && digits(s):
		y = atoi(s)
	case len(s) == 7 && digits(s[:4]) && s[4] == '-' && digits(s[5:]):
		y, m = atoi(s[:4]), atoi(s[5:])
	case len(s) == 10 && digits(s[:4]) && s[4] == '-' && digits(s[5:7]) && s[7] == '-' && digits(s[8:]):
		y, m, d = atoi(s[:4]), atoi(s[5:7]), atoi(s[8:])
	default:
		return bad("want YYYY, YYYY-MM or YYYY-MM-DD")
	}
	if len(s) > 4 && (m < 1 || m > 12) {
		return bad(fmt.Sprintf("there is no month %d", m))
	}
	switch len(s) {
	case 4:
		return calendarDay(y, 1, 1), calendarDay(y, 12, 31), ""
	case 7:
		first = calendarDay(y, time.Month(m), 1)
		return first, first.AddDate(0, 1, -1), ""
	}
	// time.Date carries day 30 of February into March; a day that does
	// not come back the same does not exist.
	t := calendarDay(y, time.Month(m), d)
	if d < 1 || t.Day() != d {
		return bad(fmt.Sprintf("%s %d has no day %d", time.Month(m), y, d))
	}
	return t, t, ""
}

// CheckDocumentDate reports whether s is a date a document may give:
// one ParseDate reads, possibly followed by a time of day as ISO 8601
// writes it (2016-03-01T10:00:00Z, 2016-03-01 10:00).
func CheckDocumentDate(s string) error {
	if len(s) <= 10 {
		_, _, err := ParseDate(s)
		return err
	}
	if _, _, why := parseDate(s[:10]); why != "" {
		return fmt.Errorf("%w %q: %s", ErrDate, s, why)
	}
	// time.Parse takes fractions of a second after the seconds anyway.
	for _, sep := range []string{"T", " "} {
		for _, clock := range []string{"15:04:05", "15:04"} {
			for _, zone := range []string{"", "Z07:00", "Z0700", "Z07", " MST", " -0700"} {
				if _, err := time.Parse(time.DateOnly+sep+clock+zone, s); err == nil {
					return nil
				}
			}
		}
	}
	return fmt.Errorf("%w %q: want a date YYYY-MM-DD, then a time such as T10:00:00Z", ErrDate, s)
}

func calendarDay(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func digits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int {
	n := 0
	for _, c := range []byte(s) {
		n = n*10 + int(c-'0')
	}
	return n
}
