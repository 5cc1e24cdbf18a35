package lang

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/internal/shareddata"
)

func newDetector(t testing.TB) *Detector {
	t.Helper()
	d, err := NewDetector()
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLanguages(t *testing.T) {
	got := newDetector(t).Languages()
	for _, l := range []string{"fr", "en", "de", "es", "it", "pt", "nl"} {
		if !slices.Contains(got, l) {
			t.Errorf("Languages() = %q lacks %q", got, l)
		}
	}
}

// TestModelFormat checks the embedded model file line by line, beyond
// what parsing needs.
func TestModelFormat(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(model, "\n"), "\n")
	if !strings.HasPrefix(lines[0], "# kg language model, format 1.") {
		t.Errorf("model.txt starts with %q, want the format header", lines[0])
	}
	var langs []string
	grams, words := 0, 0
	for i, line := range lines {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		switch f[0] {
		case "langs":
			langs = f[1:]
			continue
		case "g":
			grams++
			if n := len([]rune(strings.ReplaceAll(f[1], "_", " "))); n != 3 {
				t.Errorf("model.txt:%d: trigram %q has %d characters", i+1, f[1], n)
			}
		case "w":
			words++
			if strings.ToLower(f[1]) != f[1] || strings.ContainsAny(f[1], " _\t") {
				t.Errorf("model.txt:%d: word %q is not a lower-case word", i+1, f[1])
			}
		default:
			t.Fatalf("model.txt:%d: unknown line %q", i+1, line)
		}
		if len(f) != 2+len(langs) {
			t.Fatalf("model.txt:%d: %d fields, want %d", i+1, len(f), 2+len(langs))
		}
	}
	if len(langs) < 7 || grams < 1000 || words < 100 {
		t.Errorf("model.txt: %d languages, %d trigrams, %d words; want at least 7, 1000, 100", len(langs), grams, words)
	}
}

func TestParseErrors(t *testing.T) {
	for _, src := range []string{
		"",
		"g\t_a_\t1\n",
		"langs\tfr\ten\ng\t_a_\t1\n",
		"langs\tfr\ten\ng\t_a_\t1\tx\n",
		"langs\tfr\ten\ng\t_a_\t1\t-2\n",
		"langs\tfr\ten\ng\t_a_\t1\t2\ng\t_a_\t1\t2\n",
		"langs\tfr\ten\nq\t_a_\t1\t2\n",
		"langs\tfr\ten\ng\t_a_\t1\t2\nw\tde\t1000000\t0\n",
	} {
		if _, err := parse(src); err == nil {
			t.Errorf("parse(%q) succeeded, want an error", src)
		}
	}
}

// TestDetect checks sentences and headlines written for this test.
func TestDetect(t *testing.T) {
	tests := []struct{ want, text string }{
		{"fr", "Le président a rencontré son homologue russe à Moscou."},
		{"fr", "La France envisage de nouvelles sanctions"},
		{"fr", "Grève massive dans les transports publics"},
		{"fr", "Les négociations reprendront lundi à Genève"},
		{"fr", "Incendie dans une usine près de Lyon"},
		{"fr", "Le gouvernement annonce une hausse des impôts"},
		{"fr", "Lavrov reçoit son homologue français"},
		{"fr", "Il n'y a pas d'alternative aux négociations, a-t-il déclaré."},
		{"en", "The minister met his Russian counterpart in Moscow."},
		{"en", "Germany considers new sanctions against Russia"},
		{"en", "Floods kill dozens in northern India"},
		{"en", "Parliament rejects the budget proposal"},
		{"en", "Police arrest suspect after shooting"},
		{"en", "Lavrov meets his French counterpart"},
		{"en", "It's the first time they've agreed on anything."},
		{"de", "Die Regierung plant neue Steuern für große Unternehmen."},
		{"de", "Bundeskanzlerin trifft den französischen Präsidenten"},
		{"de", "Schwere Unwetter richten in Süddeutschland große Schäden an"},
		{"es", "El gobierno anunció nuevas medidas contra la crisis económica."},
		{"es", "Miles de personas protestan en las calles de Madrid"},
		{"it", "Il governo ha approvato la nuova legge sul lavoro."},
		{"it", "Terremoto nel centro Italia, decine di vittime"},
		{"pt", "O presidente anunciou novas medidas para a economia do país."},
		{"pt", "Chuvas fortes causam mortes no Rio de Janeiro"},
		{"nl", "De regering heeft nieuwe maatregelen aangekondigd tegen de crisis."},
		{"nl", "Zware storm treft het noorden van het land"},
		// Unsure.
		{"", ""},
		{"", "12 345 — 67 %"},
		{"", "ok"},
		{"", "Москва и Париж обсуждают новые санкции"},
		{"", "東京で新しい法律が成立した"},
	}
	d := newDetector(t)
	for _, tt := range tests {
		got, conf := d.Detect(tt.text)
		if got != tt.want {
			t.Errorf("Detect(%q) = %q (%.2f), want %q", tt.text, got, conf, tt.want)
		}
		if conf < 0 || conf > 1 || got != "" && conf < minConfidence {
			t.Errorf("Detect(%q) confidence %v out of range", tt.text, conf)
		}
	}
}

// TestDetectForeign checks that sentences in languages the model lacks
// are not taken for French or English, the languages kg extracts.
func TestDetectForeign(t *testing.T) {
	d := newDetector(t)
	unsure := 0
	sentences := []string{
		"Rząd ogłosił nowe przepisy dotyczące podatków dla dużych przedsiębiorstw w przyszłym roku.",
		"A kormány bejelentette, hogy jövőre új adókat vezet be a nagyvállalatok számára.",
		"Hükümet gelecek yıl büyük şirketler için yeni vergiler getireceğini açıkladı.",
		"Chính phủ đã công bố các loại thuế mới đối với các doanh nghiệp lớn vào năm tới.",
		"Hallitus ilmoitti, että se ottaa ensi vuonna käyttöön uusia veroja suurille yrityksille.",
		"Regeringen meddelade att den inför nya skatter för stora företag nästa år.",
		"Pemerintah mengumumkan pajak baru untuk perusahaan besar mulai tahun depan.",
		"Vláda oznámila, že příští rok zavede nové daně pro velké podniky.",
	}
	for _, s := range sentences {
		got, conf := d.Detect(s)
		if got == "fr" || got == "en" {
			t.Errorf("Detect(%q) = %q (%.2f), want neither fr nor en", s, got, conf)
		}
		if got == "" {
			unsure++
		}
	}
	if unsure < len(sentences)-2 {
		t.Errorf("%d of %d sentences in other languages rejected, want at least %d", unsure, len(sentences), len(sentences)-2)
	}
}

// heldOut is the rule of internal/gen: Wikinews articles whose 0-based
// line number is a multiple of 5 are not trained on, and no title is.
const heldOut = 5

// TestHeldOut measures accuracy on text the model was not trained on:
// held-out Wikinews paragraphs, every Wikinews title, and the WMT and
// NewsEye articles (read in place, never copied).
func TestHeldOut(t *testing.T) {
	news := filepath.Join(shareddata.Dir(t), "data", "news")
	d := newDetector(t)
	type tally struct{ n, ok, unsure int }
	tallies := map[string]*tally{}
	check := func(set, want, text string) {
		if strings.TrimSpace(text) == "" {
			return
		}
		tl := tallies[set]
		if tl == nil {
			tl = &tally{}
			tallies[set] = tl
		}
		got, _ := d.Detect(text)
		tl.n++
		switch got {
		case want:
			tl.ok++
		case "":
			tl.unsure++
		default:
			if testing.Verbose() && strings.HasSuffix(set, "headlines") {
				t.Logf("%s: %q detected as %s", set, text, got)
			}
		}
	}
	files := []struct {
		name   string
		lang   string
		heldIn bool // only held-out lines of a training file
	}{
		{"fr-wikinews-keyphrase100.jsonl", "fr", true},
		{"en-wikinews-vanatteveldt.jsonl", "en", true},
		{"fr-wmt-newstest.jsonl", "fr", false},
		{"en-wmt-newstest.jsonl", "en", false},
		{"fr-newseye-hipe2022.jsonl", "fr", false},
	}
	for _, f := range files {
		fh, err := os.Open(filepath.Join(news, f.name))
		if err != nil {
			t.Skipf("news corpus: %v", err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(nil, 16<<20)
		src := strings.SplitN(f.name, "-", 3)[1]
		for i := 0; sc.Scan(); i++ {
			var doc struct{ Title, Text string }
			if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
				t.Fatal(err)
			}
			if src != "newseye" { // NewsEye titles are the paper's name and a date
				check(f.lang+" "+src+" headlines", f.lang, doc.Title)
			}
			if f.heldIn && i%heldOut != 0 {
				continue
			}
			check(f.lang+" "+src+" documents", f.lang, doc.Text)
			for _, p := range strings.Split(doc.Text, "\n") {
				if len(strings.Fields(p)) >= 5 {
					check(f.lang+" "+src+" paragraphs", f.lang, p)
				}
			}
		}
		fh.Close()
	}
	least := map[string]float64{"documents": 0.99, "paragraphs": 0.98, "headlines": 0.95,
		// NewsEye lines are OCR of 19th-century pages, tables and
		// advertisements included; many are not sentences of any language.
		"fr newseye paragraphs": 0.88}
	for _, set := range sortedKeys(tallies) {
		tl := tallies[set]
		acc := float64(tl.ok) / float64(tl.n)
		t.Logf("%-28s %5d  accuracy %.3f  unsure %.3f", set, tl.n, acc, float64(tl.unsure)/float64(tl.n))
		want, ok := least[set]
		if !ok {
			want = least[set[strings.LastIndex(set, " ")+1:]]
		}
		if acc < want {
			t.Errorf("%s: accuracy %.3f, want at least %.2f", set, acc, want)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func FuzzDetect(f *testing.F) {
	f.Add("Le président a rencontré son homologue.")
	f.Add("The minister met his counterpart")
	f.Add("Москва \xff\xfe 12")
	d := newDetector(f)
	langs := d.Languages()
	f.Fuzz(func(t *testing.T, text string) {
		got, conf := d.Detect(text)
		if conf < 0 || conf > 1 || conf != conf {
			t.Errorf("Detect(%q) confidence %v", text, conf)
		}
		if got != "" && !slices.Contains(langs, got) {
			t.Errorf("Detect(%q) = %q, not a known language", text, got)
		}
	})
}

func BenchmarkDetect(b *testing.B) {
	d := newDetector(b)
	text := strings.Repeat("Le ministre des Affaires étrangères s'est rendu à Moscou le 6 octobre. ", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Detect(text)
	}
}
