package storage

import (
	"encoding/json"
	"testing"

	"github.com/kgraph/kg/graph"
)

func TestSite(t *testing.T) {
	tests := []struct {
		id, url, want string
	}{
		{"enwikinews:Some_title", "https://en.wikinews.org/wiki/Some_title", "en.wikinews.org"},
		{"x", "https://WWW.Example.COM:8080/a?b=c", "example.com"},
		{"reuters21578:42", "", "reuters21578"},
		{"wmt:news-test2008:napi.hu/2007/12/12/0#en", "", "wmt"},
		{"bbc/2019/a.txt", "", "bbc"},
		{"lavrov-ayrault-fr.txt", "", "lavrov-ayrault-fr.txt"},
		{"lavrov-ayrault-fr.txt", "not a url", "lavrov-ayrault-fr.txt"},
		{":odd", "", ":odd"},
	}
	for _, tt := range tests {
		if got := Site(graph.Document{ID: tt.id, URL: tt.url}); got != tt.want {
			t.Errorf("Site(%q, %q) = %q, want %q", tt.id, tt.url, got, tt.want)
		}
	}
}

func TestDateAndURL(t *testing.T) {
	full, err := json.Marshal(DocumentInfo{Document: graph.Document{
		ID: "a", Path: "p", Line: 3, Title: `Ti"tle {with} [brackets] \ and "date":"no"`, Date: "2019-01-02",
		URL: "https://x.org/a\"b", Lang: "fr", Hash: "00", Unmapped: map[string]int{"url": 2, "date": 1},
	}, Triples: 4})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		rec, date, url string
		bad            bool
	}{
		{string(full), "2019-01-02", `https://x.org/a"b`, false},
		{`{"id":"a","unmapped":{"date":{"x":["}"]}},"triples":1}`, "", "", false},
		{` { "url" : "u" , "line": 12, "date":"d\u00e9" } `, "dé", "u", false},
		{`{}`, "", "", false},
		{`[]`, "", "", true},
		{`{"date":`, "", "", true},
		{`{"date":"x`, "", "", true},
		{`{"title":"x","date" "y"}`, "", "", true},
	}
	for _, tt := range tests {
		date, u, err := dateAndURL([]byte(tt.rec))
		if (err != nil) != tt.bad || date != tt.date || u != tt.url {
			t.Errorf("dateAndURL(%s) = %q, %q, %v; want %q, %q, error %t", tt.rec, date, u, err, tt.date, tt.url, tt.bad)
		}
	}
}
