package entity

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/gazetteer"
	"github.com/kgraph/kg/graph"
)

// row is a data line: its number in the file and its columns.
type row struct {
	line int
	cols []string
}

// readTable reads what data/*.tsv files share: comment lines first, one
// of them documenting the columns; then rows of exactly ncols non-empty
// tab separated columns without surrounding space, no row whose first two
// columns are equal. It returns the rows and what is wrong with the file.
func readTable(file string, data []byte, ncols int) (rows []row, problems []string) {
	bad := func(format string, args ...any) {
		problems = append(problems, fmt.Sprintf(file+format, args...))
	}
	header, columns := true, false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 && !strings.HasPrefix(line, "# ") {
			bad(":1: want a header comment line, got %q", line)
		}
		if strings.HasPrefix(line, "#") {
			if !header {
				bad(":%d: comment after the data", n)
			}
			columns = columns || strings.Contains(line, "Columns:")
			continue
		}
		header = false
		if line == "" {
			bad(":%d: empty line", n)
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != ncols {
			bad(":%d: %d columns, want %d: %q", n, len(cols), ncols, line)
			continue
		}
		for _, c := range cols {
			if c == "" || c != strings.TrimSpace(c) {
				bad(":%d: empty or padded column in %q", n, line)
				break
			}
		}
		if cols[0] == cols[1] {
			bad(":%d: identity row %q", n, line)
		}
		rows = append(rows, row{n, cols})
	}
	if !columns {
		bad(": no header line documents the columns (\"# Columns: ...\")")
	}
	if len(rows) == 0 {
		bad(": no rows")
	}
	return rows, problems
}

// checkTable reads a table of two columns and reports its problems as
// errors.
func checkTable(t *testing.T, file string, data []byte) []row {
	return checkColumns(t, file, data, 2)
}

// checkColumns reads a table of ncols columns and reports its problems as
// errors.
func checkColumns(t *testing.T, file string, data []byte, ncols int) []row {
	t.Helper()
	rows, problems := readTable(file, data, ncols)
	for _, p := range problems {
		t.Error(p)
	}
	return rows
}

func TestReadTableRejects(t *testing.T) {
	const head = "# A table.\n# Columns: a<TAB>b.\n"
	tests := []struct{ data, want string }{
		{head + "x\ty\n", ""},
		{"x\ty\n", "want a header comment line"},
		{"# A table.\nx\ty\n", "no header line documents the columns"},
		{head, "no rows"},
		{head + "x\ty\n# late\n", "comment after the data"},
		{head + "x\ty\n\nz\tw\n", "empty line"},
		{head + "x\ty\tz\n", "3 columns"},
		{head + "x\n", "1 columns"},
		{head + "x\t\n", "empty or padded"},
		{head + "x\ty \n", "empty or padded"},
		{head + "x\tx\n", "identity row"},
	}
	for _, tt := range tests {
		_, problems := readTable("t.tsv", []byte(tt.data), 2)
		got := strings.Join(problems, "; ")
		if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("readTable(%q): problems %q, want %q", tt.data, got, tt.want)
		}
	}
}

func TestFunctionTable(t *testing.T) {
	const file = "data/function.tsv"
	seen := map[string]int{}
	for _, r := range checkTable(t, file, functionTSV) {
		lang, w := r.cols[0], r.cols[1]
		if lang != "fr" && lang != "en" {
			t.Errorf("%s:%d: language %q, want fr or en", file, r.line, lang)
		}
		if w != strings.ToLower(w) || strings.ContainsAny(w, " \t") {
			t.Errorf("%s:%d: %q is not one lower-case word", file, r.line, w)
		}
		key := lang + "\t" + w
		if prev, dup := seen[key]; dup {
			t.Errorf("%s:%d: %s %q repeats line %d", file, r.line, lang, w, prev)
		}
		seen[key] = r.line
	}
	for _, lang := range []string{"fr", "en"} {
		fw, err := loadFunctionWords(lang)
		if err != nil {
			t.Fatal(err)
		}
		if len(fw) < 50 {
			t.Errorf("loadFunctionWords(%q): %d words, want the table's", lang, len(fw))
		}
		if fw["the"] != (lang == "en") || fw["selon"] != (lang == "fr") {
			t.Errorf("loadFunctionWords(%q) mixes languages", lang)
		}
	}
}

func TestWordsTable(t *testing.T) {
	const file = "data/words.tsv"
	seen := map[string]int{}
	for _, r := range checkColumns(t, file, wordsTSV, 3) {
		lang, cl, w := r.cols[0], r.cols[1], r.cols[2]
		if lang != "fr" && lang != "en" && lang != "*" {
			t.Errorf("%s:%d: language %q, want fr, en or *", file, r.line, lang)
		}
		if _, ok := classNames[cl]; !ok && cl != "zone" {
			t.Errorf("%s:%d: unknown class %q", file, r.line, cl)
		}
		if strings.Count(w, "X") > 1 || strings.Contains(w, "X") && (cl != "zone" || strings.TrimSpace(strings.Replace(w, "X", "", 1)) == "") {
			t.Errorf("%s:%d: %q: only a zone row has X, once, with words around it", file, r.line, w)
		}
		if cl != "zone" && strings.ContainsAny(w, " \t") {
			t.Errorf("%s:%d: %q is not one word", file, r.line, w)
		}
		key := lang + "\t" + cl + "\t" + graph.Fold(w)
		if prev, dup := seen[key]; dup {
			t.Errorf("%s:%d: %q repeats line %d", file, r.line, w, prev)
		}
		seen[key] = r.line
	}
	for _, lang := range []string{"fr", "en"} {
		w, err := loadWords(lang)
		if err != nil {
			t.Fatal(err)
		}
		if !w.is("senate", orgClass) || !w.zones["UTC"] || len(w.around) == 0 {
			t.Errorf("loadWords(%q) lacks the table's rows", lang)
		}
		if w.is("may", monthClass) != (lang == "en") || w.is("mai", monthClass) != (lang == "fr") {
			t.Errorf("loadWords(%q) mixes languages", lang)
		}
	}
}

func TestPeopleTable(t *testing.T) {
	const file = "data/people.tsv"
	gaz, err := gazetteer.New()
	if err != nil {
		t.Fatal(err)
	}
	line := map[string]int{}
	rows := checkTable(t, file, peopleTSV)
	for _, r := range rows {
		name, country := r.cols[0], r.cols[1]
		if len(strings.Fields(name)) < 2 {
			t.Errorf("%s:%d: %q is no full name", file, r.line, name)
		}
		if e, ok := gaz.Lookup(country); !ok || e.Kind != gazetteer.Country || e.Name != country {
			t.Errorf("%s:%d: %q is no country's canonical name", file, r.line, country)
		}
		k := graph.Fold(name)
		if prev, dup := line[k]; dup {
			t.Errorf("%s:%d: %q folds as line %d does", file, r.line, name, prev)
		}
		line[k] = r.line
	}
	ppl, err := loadPeople()
	if err != nil {
		t.Fatal(err)
	}
	people, lone := ppl.country, ppl.lone
	if len(people) != len(line) || people["vladimir poutine"] != "Russia" {
		t.Errorf("loadPeople: %d names, the table has %d", len(people), len(line))
	}
	// A surname one person bears, in however many spellings, names
	// them; one that two bear names no one.
	for surname, want := range map[string]string{"obama": "Barack Obama", "lavrov": "Sergei Lavrov", "bush": "", "clinton": "", "trudeau": ""} {
		if got := lone[surname]; got != want {
			t.Errorf("loadPeople: surname %q names %q, want %q", surname, got, want)
		}
	}
}

func TestTranslitTable(t *testing.T) {
	const file = "data/translit.tsv"
	target := map[string]string{} // folded form → English, as LoadTranslit keys it
	line := map[string]int{}
	rows := checkTable(t, file, translitTSV)
	for _, r := range rows {
		from, to := r.cols[0], r.cols[1]
		if strings.ContainsAny(from, " \t") {
			t.Errorf("%s:%d: form %q is not one word", file, r.line, from)
		}
		k := graph.Fold(from)
		if prev, dup := target[k]; dup && prev != to {
			t.Errorf("%s:%d: %q → %q, but line %d gives %q", file, r.line, from, to, line[k], prev)
		}
		target[k], line[k] = to, r.line
	}
	// English applies the table once, so a target must not be a form with
	// another spelling of its own.
	for _, r := range rows {
		if next, ok := target[graph.Fold(r.cols[1])]; ok && next != r.cols[1] {
			t.Errorf("%s:%d: %q → %q → %q: a chain", file, r.line, r.cols[0], r.cols[1], next)
		}
	}
	tr, err := LoadTranslit()
	if err != nil {
		t.Fatal(err)
	}
	if len(tr) != len(target) {
		t.Errorf("LoadTranslit: %d forms, the table has %d", len(tr), len(target))
	}
	for k, to := range target {
		if tr[k] != to {
			t.Errorf("LoadTranslit: %q → %q, want %q", k, tr[k], to)
		}
	}
}

// TestTranslitSpellings: the French and the English variant spellings of
// one name meet in the usual English one, across documents too, since the
// table knows no document.
func TestTranslitSpellings(t *testing.T) {
	tr, err := LoadTranslit()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ in, want string }{
		{"Sergueï Lavrov", "Sergei Lavrov"},
		{"Sergey Lavrov", "Sergei Lavrov"},
		{"Sergei Lavrov", "Sergei Lavrov"},
		{"Mouammar Kadhafi", "Muammar Gaddafi"},
		{"Muammar Qaddafi", "Muammar Gaddafi"},
		{"Volodymyr Zelenskyy", "Volodymyr Zelensky"},
	} {
		if got := tr.English(tt.in); got != tt.want {
			t.Errorf("English(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFirstNamesTable(t *testing.T) {
	const file = "data/firstnames.tsv"
	line := map[string]int{} // folded name → line, as LoadFirstNames keys it
	genders := map[string]int{}
	rows := checkTable(t, file, firstNamesTSV)
	for _, r := range rows {
		name, g := r.cols[0], r.cols[1]
		if g != "f" && g != "m" && g != "-" {
			t.Errorf("%s:%d: gender %q, want f, m or -", file, r.line, g)
		}
		if strings.ContainsAny(name, " \t") || !isCap(name) {
			t.Errorf("%s:%d: %q is not one capitalised word", file, r.line, name)
		}
		k := graph.Fold(name)
		if prev, dup := line[k]; dup {
			t.Errorf("%s:%d: %q folds as line %d does", file, r.line, name, prev)
		}
		line[k] = r.line
		genders[g]++
	}
	if len(rows) < 1500 || genders["f"] < 500 || genders["m"] < 500 {
		t.Errorf("%s: %d rows (%v), want a table of thousands of both genders", file, len(rows), genders)
	}
	fn, err := LoadFirstNames()
	if err != nil {
		t.Fatal(err)
	}
	if len(fn) != len(line) {
		t.Errorf("LoadFirstNames: %d names, the table has %d", len(fn), len(line))
	}
	for _, tt := range []struct {
		name string
		want byte
	}{
		{"Hillary", Feminine}, {"Barack", Masculine}, {"Sergueï", Masculine}, {"Sergei", Masculine},
		{"Angela", Feminine}, {"Mohammed", Masculine}, {"Fatima", Feminine}, {"Ségolène", Feminine},
		{"SEGOLENE", Feminine}, {"Andrea", 0}, {"Dominique", 0}, {"Kim", 0},
	} {
		if g, ok := fn[graph.Fold(tt.name)]; !ok || g != tt.want {
			t.Errorf("LoadFirstNames()[%q] = %q, %v; want %q", tt.name, g, ok, tt.want)
		}
	}
}

func TestFirstNamesPerson(t *testing.T) {
	fn, err := LoadFirstNames()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want byte
	}{
		{"Hillary Clinton", Feminine},
		{"Hillary Rodham Clinton", Feminine},
		{"Barack Obama", Masculine},
		{"Sergueï Lavrov", Masculine},
		{"Jean-Marc Ayrault", Masculine},    // listed
		{"Jean-Zébulon Ayrault", Masculine}, // by its first part
		{"Marie-Zébuline Dupont", Feminine}, // by its first part
		{"Andrea Nahles", 0},                // borne by both
		{"Zorbek Tandali", 0},               // unknown
		{"Clinton", 0},                      // a surname alone
		{"J. Smith", 0},                     // an initial
		{"", 0},
	}
	for _, tt := range tests {
		if got := fn.Person(tt.name); got != tt.want {
			t.Errorf("Person(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := FirstNames(nil).Person("Hillary Clinton"); got != 0 {
		t.Errorf("nil FirstNames: Person = %q, want 0", got)
	}
}
