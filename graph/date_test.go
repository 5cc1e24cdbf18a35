package graph

import (
	"errors"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in          string
		first, last string // "" for an error
	}{
		{"2019", "2019-01-01", "2019-12-31"},
		{"2019-02", "2019-02-01", "2019-02-28"},
		{"2020-02", "2020-02-01", "2020-02-29"},
		{"2019-12", "2019-12-01", "2019-12-31"},
		{"2019-03-31", "2019-03-31", "2019-03-31"},
		{"2020-02-29", "2020-02-29", "2020-02-29"},
		{"2019-13", "", ""},
		{"2019-00", "", ""},
		{"2019-02-29", "", ""},
		{"2019-04-31", "", ""},
		{"2019-01-00", "", ""},
		{"2019-1", "", ""},
		{"19", "", ""},
		{"yesterday", "", ""},
		{"2019/01/02", "", ""},
		{"2019-01-02T10:00:00Z", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		first, last, err := ParseDate(tt.in)
		if tt.first == "" {
			if !errors.Is(err, ErrDate) {
				t.Errorf("ParseDate(%q) = %v, %v, %v; want ErrDate", tt.in, first, last, err)
			}
			continue
		}
		if err != nil || first.Format(time.DateOnly) != tt.first || last.Format(time.DateOnly) != tt.last {
			t.Errorf("ParseDate(%q) = %v, %v, %v; want %s to %s", tt.in, first, last, err, tt.first, tt.last)
		}
	}
}

func TestCheckDocumentDate(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"2016", true},
		{"2016-03", true},
		{"2016-03-01", true},
		{"2016-03-01T10:00:00Z", true},
		{"2016-03-01T10:00:00.123+01:00", true},
		{"2016-03-01T10:00", true},
		{"2016-03-01 10:00:00", true},
		{"2016-03-01 10:00:00 UTC", true},
		{"yesterday", false},
		{"2016-13-01", false},
		{"2016-02-30T10:00:00Z", false},
		{"2016-03-01Tnoon", false},
		{"2016-03-01T25:00:00Z", false},
		{"01/03/2016", false},
	}
	for _, tt := range tests {
		if err := CheckDocumentDate(tt.in); (err == nil) != tt.ok || err != nil && !errors.Is(err, ErrDate) {
			t.Errorf("CheckDocumentDate(%q) = %v, want ok %t", tt.in, err, tt.ok)
		}
	}
}
