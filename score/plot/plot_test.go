package plot

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"flag"
	"image"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/score"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// pt is a curve point of the given figures; Produced only says whether
// the threshold kept any triple.
func pt(min float64, produced int, p, r float64) score.Point {
	return score.Point{MinConfidence: min, Produced: produced, Precision: p, Recall: r}
}

// curve is an invented curve to draw.
type curve struct {
	name  string
	title string
	pts   []score.Point
}

// curves returns invented curves: a typical one, with a run of thresholds
// at one point and thresholds keeping nothing; one point; none.
func curves() []curve {
	return []curve{
		{"typical", "invented.gold.jsonl (strict)", []score.Point{
			pt(0, 40, 0.5, 0.8), pt(0.1, 40, 0.5, 0.8), pt(0.2, 40, 0.5, 0.8),
			pt(0.3, 30, 0.6, 0.7), pt(0.5, 20, 0.7, 0.5), pt(0.7, 10, 0.9, 0.3),
			pt(0.8, 2, 1, 0.05), pt(0.9, 0, 0, 0),
		}},
		{"one point", "a <gold> & \"more\"", []score.Point{pt(0, 3, 0.25, 0.95), pt(0.5, 0, 0, 0)}},
		{"nothing produced", "empty", []score.Point{pt(0, 0, 0, 0), pt(0.5, 0, 0, 0)}},
	}
}

// drawn returns the points of pts the figure shows.
func drawn(pts []score.Point) []score.Point {
	var out []score.Point
	for _, p := range pts {
		if p.Produced > 0 {
			out = append(out, p)
		}
	}
	return out
}

// svgDoc is what the test reads back of an SVG.
type svgDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2000/svg svg"`
	Width   int      `xml:"width,attr"`
	Height  int      `xml:"height,attr"`
	Title   string   `xml:"title"`
	Circles []struct {
		Class     string  `xml:"class,attr"`
		Threshold string  `xml:"data-threshold,attr"`
		CX        float64 `xml:"cx,attr"`
		CY        float64 `xml:"cy,attr"`
	} `xml:"circle"`
	Texts []struct {
		Class string `xml:"class,attr"`
		Text  string `xml:",chardata"`
	} `xml:"text"`
}

func TestSVG(t *testing.T) {
	for _, c := range curves() {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := SVG(&b, c.title, c.pts); err != nil {
				t.Fatal(err)
			}
			// The whole document must be well-formed, not only what the
			// struct reads.
			dec := xml.NewDecoder(bytes.NewReader(b.Bytes()))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("not XML: %v\n%s", err, b.Bytes())
				}
			}
			var doc svgDoc
			if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Width != width || doc.Height != height || doc.Title != c.title {
				t.Errorf("svg %d×%d titled %q, want %d×%d titled %q", doc.Width, doc.Height, doc.Title, width, height, c.title)
			}
			want := drawn(c.pts)
			if len(doc.Circles) != len(want) {
				t.Fatalf("%d points, want %d (one per threshold keeping a triple)", len(doc.Circles), len(want))
			}
			for i, p := range want {
				got := doc.Circles[i]
				q := at(p.Recall, p.Precision)
				if got.Class != "point" || got.Threshold != conf(p.MinConfidence) || math.Abs(got.CX-q.x) > 0.01 || math.Abs(got.CY-q.y) > 0.01 {
					t.Errorf("point %d: %+v, want threshold %v at (%.2f, %.2f)", i, got, p.MinConfidence, q.x, q.y)
				}
			}
			var texts, labels []string
			for _, tx := range doc.Texts {
				texts = append(texts, tx.Text)
				if tx.Class == "label" {
					labels = append(labels, tx.Text)
				}
			}
			if !contains(texts, c.title) || !contains(texts, "recall") || !contains(texts, "precision") {
				t.Errorf("texts %q lack the title, or an axis name", texts)
			}
			if got, want := strings.Join(labels, " "), wantLabels(c.pts); got != want {
				t.Errorf("labels %q, want %q", got, want)
			}
		})
	}
}

// wantLabels is the labels of a curve, written out for the curves above.
func wantLabels(pts []score.Point) string {
	switch len(drawn(pts)) {
	case 7:
		return "0–0.2 0.3 0.5 0.7 0.8"
	case 1:
		return "0"
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestSVGGolden(t *testing.T) {
	var b bytes.Buffer
	if err := SVG(&b, curves()[0].title, curves()[0].pts); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "typical.svg")
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("SVG differs from %s (go test -update rewrites it):\n%s", golden, b.Bytes())
	}
}

func TestPNG(t *testing.T) {
	for _, c := range curves() {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := PNG(context.Background(), &b, c.title, c.pts); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(&b)
			if err != nil {
				t.Fatalf("not a PNG: %v", err)
			}
			if got := img.Bounds().Size(); got != image.Pt(width, height) {
				t.Fatalf("size %v, want %d×%d", got, width, height)
			}
			// The curve's colour at each point and halfway between two.
			pts := drawn(c.pts)
			for i, p := range pts {
				q := at(p.Recall, p.Precision)
				if !isBlue(img, q) {
					t.Errorf("point %v %v is not drawn", p.MinConfidence, q)
				}
				if i > 0 {
					q0 := at(pts[i-1].Recall, pts[i-1].Precision)
					if !isBlue(img, xy{(q.x + q0.x) / 2, (q.y + q0.y) / 2}) {
						t.Errorf("no line from point %v to %v", pts[i-1].MinConfidence, p.MinConfidence)
					}
				}
			}
			// The middle of the lower left quarter holds none of the
			// curves above: background there, ink in the title's band.
			if q := at(0.1, 0.3); !isWhite(img, q) {
				t.Errorf("background at %v is %v", q, img.At(int(q.x), int(q.y)))
			}
			if !anyDark(img, image.Rect(0, 15, width, 36)) {
				t.Error("no title drawn")
			}
		})
	}
}

func isBlue(img image.Image, c xy) bool {
	r, g, b, _ := img.At(int(c.x), int(c.y)).RGBA()
	return b>>8 > 0x90 && r>>8 < 0x60 && g>>8 < 0xa0
}

func isWhite(img image.Image, c xy) bool {
	r, g, b, _ := img.At(int(c.x), int(c.y)).RGBA()
	return r>>8 == 0xff && g>>8 == 0xff && b>>8 == 0xff
}

func anyDark(img image.Image, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if v, _, _, _ := img.At(x, y).RGBA(); v>>8 < 0x80 {
				return true
			}
		}
	}
	return false
}

func TestWriteFile(t *testing.T) {
	pts := curves()[0].pts
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		want string // the start of what the file holds; "" for an error
	}{
		{"curve.svg", "<?xml"},
		{"curve.PNG", "\x89PNG"},
		{"curve.svg", "<?xml"}, // replaces the file
		{"curve.jpg", ""},
		{"curve", ""},
		{filepath.Join("no such dir", "curve.png"), ""},
	} {
		path := filepath.Join(dir, tc.name)
		err := WriteFile(context.Background(), path, "invented", pts)
		if tc.want == "" {
			if err == nil || !strings.Contains(err.Error(), path) {
				t.Errorf("WriteFile(%q): error %v, want one naming the path", tc.name, err)
			}
			if ext := filepath.Ext(tc.name); ext != ".png" && !errors.Is(err, ErrFormat) {
				t.Errorf("WriteFile(%q): error %v, want ErrFormat", tc.name, err)
			}
			if _, err := os.Stat(path); err == nil {
				t.Errorf("WriteFile(%q) failed but made the file", tc.name)
			}
			continue
		}
		if err != nil {
			t.Errorf("WriteFile(%q): %v", tc.name, err)
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil || !strings.HasPrefix(string(data), tc.want) {
			t.Errorf("%s holds %.8q (%v), want it to start %q", tc.name, data, err, tc.want)
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v (%v), want 0644", tc.name, fi.Mode(), err)
		}
	}
	// No temporary file is left behind.
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != "curve.PNG curve.svg" {
		t.Errorf("directory holds %s, want curve.PNG curve.svg", got)
	}
}

func TestFormatOf(t *testing.T) {
	for _, tc := range []struct {
		path string
		want Format
	}{
		{"a.svg", FormatSVG}, {"dir.png/a.SVG", FormatSVG}, {"a.b.png", FormatPNG},
		{"a.jpeg", 0}, {"png", 0}, {"a.svgz", 0},
	} {
		got, err := FormatOf(tc.path)
		if got != tc.want || (err != nil) != (tc.want == 0) {
			t.Errorf("FormatOf(%q) = %v, %v; want %v", tc.path, got, err, tc.want)
		}
		if err != nil && (!errors.Is(err, ErrFormat) || !strings.Contains(err.Error(), tc.path)) {
			t.Errorf("FormatOf(%q): error %v, want ErrFormat naming the path", tc.path, err)
		}
	}
}

// TestLabelsApart crowds points where recall is low, as a real curve
// does, and checks that no label covers another or a marker.
func TestLabelsApart(t *testing.T) {
	var pts []score.Point
	for i := range 9 {
		v := float64(i)
		pts = append(pts, pt(v/10, 100-10*i, 0.38+v*v/200, 0.09-v/120))
	}
	pts = append(pts, pt(0.9, 1, 0.385, 0.0895)) // all but on the first
	var labels, marks []box
	leaders := 0
	for _, s := range layout("crowded", pts) {
		switch s.class {
		case "label":
			labels = append(labels, textBox(s.pts[0], s.text, s.size))
		case "point":
			c := s.pts[0]
			marks = append(marks, box{c.x - s.r, c.y - s.r, c.x + s.r, c.y + s.r})
		case "leader":
			leaders++
		}
	}
	if len(labels) != len(pts) || len(marks) != len(pts) {
		t.Fatalf("%d labels and %d markers, want %d each", len(labels), len(marks), len(pts))
	}
	if leaders == 0 {
		t.Error("no label pushed off its marker, in a crowd")
	}
	for i, a := range labels {
		if a.x0 < 0 || a.y0 < 0 || a.x1 > width || a.y1 > height {
			t.Errorf("label %d %v leaves the figure", i, a)
		}
		for j, b := range labels[:i] {
			if a.overlaps(b) {
				t.Errorf("labels %d %v and %d %v overlap", j, b, i, a)
			}
		}
		for j, m := range marks {
			if a.overlaps(m) {
				t.Errorf("label %d %v covers marker %d %v", i, a, j, m)
			}
		}
	}
}
