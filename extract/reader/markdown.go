package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markdownText returns the prose of a Markdown document, one paragraph,
// heading or list item a line, and its first heading as title. It is not
// a Markdown parser: it drops what is cheap to recognise and is not prose
// (heading marks, emphasis, link targets, code fences, front matter,
// rules) and leaves the rest as written.
func markdownText(src string) (title, text string) {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	lines = skipFrontMatter(lines)
	var (
		out   strings.Builder
		para  strings.Builder
		fence string // the fence of the code block we are in, if any
		level = 7    // level of the heading title was taken from
	)
	flush := func() {
		if para.Len() == 0 {
			return
		}
		if out.Len() > 0 {
			out.WriteByte('\n')
		}
		out.WriteString(inline(para.String()))
		para.Reset()
	}
	for _, line := range lines {
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		switch {
		case strings.HasPrefix(trimmed, "```"), strings.HasPrefix(trimmed, "~~~"):
			flush()
			fence = trimmed[:3]
			continue
		case trimmed == "":
			flush()
			continue
		case isRule(trimmed):
			// A rule, or the underline of a heading written on the line
			// before: either way a break.
			flush()
			continue
		case isLinkDefinition(trimmed):
			continue
		}
		if n := headingLevel(trimmed); n > 0 {
			flush()
			h := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(trimmed[n:]), "#"))
			para.WriteString(h)
			if n < level && h != "" {
				level, title = n, inline(h)
			}
			flush()
			continue
		}
		for strings.HasPrefix(trimmed, ">") {
			trimmed = strings.TrimSpace(trimmed[1:])
		}
		if item, ok := listItem(trimmed); ok {
			flush()
			trimmed = item
		}
		if para.Len() > 0 {
			para.WriteByte(' ') // a single newline inside a paragraph is a space
		}
		para.WriteString(trimmed)
	}
	flush()
	return title, out.String()
}

// skipFrontMatter drops a YAML front matter block (--- ... ---) at the top.
func skipFrontMatter(lines []string) []string {
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return lines
	}
	for i := 1; i < len(lines) && i < 100; i++ {
		if t := strings.TrimSpace(lines[i]); t == "---" || t == "..." {
			return lines[i+1:]
		}
	}
	return lines
}

// headingLevel returns the level of an ATX heading ("## Title"), or 0.
func headingLevel(s string) int {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0
	}
	return n
}

// isRule reports whether s is a thematic break or a setext underline:
// three or more of one of - * _ = and nothing else but spaces.
func isRule(s string) bool {
	if len(s) < 3 || !strings.ContainsRune("-*_=", rune(s[0])) {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case s[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// isLinkDefinition reports whether s defines a reference link: [id]: url.
func isLinkDefinition(s string) bool {
	if !strings.HasPrefix(s, "[") {
		return false
	}
	i := strings.Index(s, "]:")
	return i > 1 && !strings.Contains(s[:i], "](")
}

// listItem strips a bullet or number from a list item.
func listItem(s string) (string, bool) {
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ' {
		return strings.TrimSpace(s[2:]), true
	}
	i := 0
	for i < len(s) && i < 9 && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && s[i+1] == ' ' {
		return strings.TrimSpace(s[i+2:]), true
	}
	return s, false
}

// inline removes inline markup: emphasis marks, code backticks, link and
// image targets (keeping their text), autolink brackets and escapes.
func inline(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && strings.IndexByte("\\`*_{}[]()#+-.!<>~|", s[i+1]) >= 0 {
				b.WriteByte(s[i+1])
				i += 2
				continue
			}
		case '`':
			i++
			continue
		case '!', '[':
			start := i
			if c == '!' {
				if i+1 >= len(s) || s[i+1] != '[' {
					break
				}
				start++
			}
			if label, end, ok := link(s, start); ok {
				b.WriteString(inline(label))
				i = end
				continue
			}
		case '<':
			if end := strings.IndexByte(s[i:], '>'); end > 0 {
				inner := s[i+1 : i+end]
				if strings.HasPrefix(inner, "http://") || strings.HasPrefix(inner, "https://") || strings.HasPrefix(inner, "mailto:") ||
					strings.Contains(inner, "@") && !strings.ContainsAny(inner, " \t") {
					b.WriteString(strings.TrimPrefix(inner, "mailto:"))
					i += end + 1
					continue
				}
			}
		case '~':
			if strings.HasPrefix(s[i:], "~~") {
				i += 2
				continue
			}
		case '*', '_':
			j := i
			for j < len(s) && s[j] == c {
				j++
			}
			if emphasis(s, i, j) {
				i = j
				continue
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// link parses [label](target) or [label][ref] at s[i] == '[' and returns
// the label and the end of the link.
func link(s string, i int) (label string, end int, ok bool) {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '[':
			depth++
		case ']':
			depth--
			if depth > 0 {
				continue
			}
			label = s[i+1 : j]
			if j+1 < len(s) && (s[j+1] == '(' || s[j+1] == '[') {
				closing := byte(')')
				if s[j+1] == '[' {
					closing = ']'
				}
				if k := strings.IndexByte(s[j+2:], closing); k >= 0 {
					return label, j + 2 + k + 1, true
				}
			}
			return "", 0, false
		}
	}
	return "", 0, false
}

// emphasis reports whether the run of * or _ at s[i:j] marks emphasis: it
// touches a word on one side only (so snake_case and 2 * 3 stay).
func emphasis(s string, i, j int) bool {
	if j-i > 3 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[j:])
	wordBefore := i > 0 && !unicode.IsSpace(before)
	wordAfter := j < len(s) && !unicode.IsSpace(after)
	if s[i] == '_' && wordBefore && wordAfter && isAlnum(before) && isAlnum(after) {
		return false
	}
	return wordBefore != wordAfter || wordBefore && wordAfter && (!isAlnum(before) || !isAlnum(after) || s[i] == '*')
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
