package reader

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// htmlText returns the visible text of an HTML page, one paragraph a line,
// and the text of its <title>.
func htmlText(data []byte) (title, text string) {
	z := html.NewTokenizer(bytes.NewReader(data))
	var (
		out          strings.Builder
		para         strings.Builder
		titleB       strings.Builder
		space        bool // a space is due before the next text
		hidden       int  // depth inside elements whose text is not shown
		inHead       bool
		inTitle, pre bool
	)
	flush := func() {
		p := strings.TrimFunc(para.String(), unicode.IsSpace)
		para.Reset()
		space = false
		if p == "" {
			return
		}
		if out.Len() > 0 {
			out.WriteByte('\n')
		}
		out.WriteString(p)
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return strings.Join(strings.Fields(titleB.String()), " "), out.String()
		case html.TextToken:
			switch {
			case inTitle:
				titleB.Write(z.Text())
			case hidden > 0 || inHead:
			default:
				for _, line := range strings.SplitAfter(string(z.Text()), "\n") {
					appendCollapsed(&para, line, &space)
					if pre && strings.HasSuffix(line, "\n") {
						flush()
					}
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			start := tt != html.EndTagToken
			switch a {
			case atom.Head:
				inHead = start
				continue
			case atom.Body:
				inHead = false
			case atom.Title:
				// The first title of the page, not one of an <svg>.
				inTitle = tt == html.StartTagToken && hidden == 0 && titleB.Len() == 0
				continue
			case atom.Pre:
				pre = tt == html.StartTagToken
			}
			if hiddenElement(a) {
				switch tt {
				case html.StartTagToken:
					hidden++
				case html.EndTagToken:
					if hidden > 0 {
						hidden--
					}
				}
				continue
			}
			if blockElement(a) {
				if start && a != atom.Br && a != atom.Hr {
					inHead = false // a page with no <body> tag
				}
				flush()
			}
		}
	}
}

// appendCollapsed appends s to b with runs of ASCII space made one space.
// Non-breaking and thin spaces are kept: they group digits (10 000).
func appendCollapsed(b *strings.Builder, s string, space *bool) {
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' {
			*space = b.Len() > 0
			continue
		}
		if *space {
			b.WriteByte(' ')
			*space = false
		}
		b.WriteRune(r)
	}
}

// hiddenElement reports whether the text inside elements a is not shown.
func hiddenElement(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
		atom.Iframe, atom.Object, atom.Canvas, atom.Select, atom.Textarea:
		return true
	}
	return false
}

// blockElement reports whether elements a start a new paragraph.
func blockElement(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Br, atom.Hr, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Ul, atom.Ol, atom.Li, atom.Dl, atom.Dt, atom.Dd, atom.Table, atom.Tr, atom.Td, atom.Th,
		atom.Thead, atom.Tbody, atom.Tfoot, atom.Caption, atom.Blockquote, atom.Pre, atom.Section,
		atom.Article, atom.Header, atom.Footer, atom.Nav, atom.Aside, atom.Main, atom.Figure,
		atom.Figcaption, atom.Address, atom.Form, atom.Fieldset, atom.Legend, atom.Details,
		atom.Summary, atom.Body, atom.Html:
		return true
	}
	return false
}

// decodeDeclared converts a page that is not UTF-8 from the charset its
// byte-order mark or <meta> declares. It reports false when the page
// declares none, or declares UTF-8 and so is simply invalid.
func decodeDeclared(data []byte) ([]byte, bool) {
	head := data[:min(len(data), 1024)]
	e, name, certain := charset.DetermineEncoding(data, "")
	if name == "utf-8" || !certain && !bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		return nil, false
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil || !utf8.Valid(out) {
		return nil, false
	}
	return out, true
}
