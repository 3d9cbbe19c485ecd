package xlsx

import (
	"bytes"
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The feedback copy is made by patching the department's package rather
// than loading it into excelize: a part that needs no change is copied
// with its compressed bytes, and the parts that change (the marked sheets,
// styles, workbook, relationships, content types) are edited in place, so
// everything the department made (formats, validations, extensions excelize
// does not model) stays as it was. The helpers below read a part with the
// reader's XML scanner, which gives each token's position, and collect
// edits to apply at the end.

// errFBUnsupported is a package the patcher cannot annotate safely; the
// feedback then lists the findings without a copy of the file.
var errFBUnsupported = errors.New("feedback: package layout not supported")

// fbDoc is an XML part being patched.
type fbDoc struct {
	src   []byte
	x     *xmlScanner
	depth int
	// The last token: src[start:end]. A start tag that closes itself
	// (self) is followed by an end token with start == end.
	start, end int
	self       bool
	prefix     string // the root element's prefix with its colon ("x:"), for new elements
	edits      []fbEdit
	names      map[string]string
}

type fbEdit struct {
	at, end int // replaces src[at:end]
	text    string
	seq     int // keeps insertions at one position in order
}

func newFBDoc(src []byte) *fbDoc {
	return &fbDoc{src: src, x: newXMLScanner(bytes.NewReader(src)), names: map[string]string{}}
}

// release returns the scanner; d must not be read after.
func (d *fbDoc) release() { d.x.release() }

// next reads the next token and records its position.
func (d *fbDoc) next() (tokKind, error) {
	p0 := int(d.x.off) + d.x.r
	k, err := d.x.next()
	if err != nil {
		return k, err
	}
	d.end = int(d.x.off) + d.x.r
	d.start, d.self = p0, false
	switch k {
	case tokStart:
		// Skipped comments may precede the tag; a tag holds no '<'.
		d.start = p0 + bytes.LastIndexByte(d.src[p0:d.end], '<')
		d.self = d.src[d.end-2] == '/'
		d.depth++
		if d.depth == 1 {
			name := d.tag()[1:]
			if i := bytes.IndexAny(name, " \t\r\n/>"); i >= 0 {
				name = name[:i]
			}
			if i := bytes.IndexByte(name, ':'); i >= 0 {
				d.prefix = string(name[:i+1])
			}
		}
	case tokEnd:
		if p0 < d.end {
			d.start = p0 + bytes.LastIndexByte(d.src[p0:d.end], '<')
		}
		d.depth--
	}
	return k, nil
}

// each calls fn for every token of the part up to its end; it stops at
// fn's error or a malformed part (worded by decodeErr).
func (d *fbDoc) each(part string, fn func(tk tokKind) error) error {
	for {
		tk, err := d.next()
		if err != nil {
			return decodeErr(part, err)
		}
		if tk == tokEOF {
			return nil
		}
		if err := fn(tk); err != nil {
			return err
		}
	}
}

// local is the local name of the last start or end tag, interned: the
// scanner's bytes do not outlive the token.
func (d *fbDoc) local() string {
	switch string(d.x.local) { // a sheet's own names, without a map lookup
	case "c":
		return "c"
	case "v":
		return "v"
	case "f":
		return "f"
	case "row":
		return "row"
	case "is":
		return "is"
	case "t":
		return "t"
	}
	if s, ok := d.names[string(d.x.local)]; ok {
		return s
	}
	s := string(d.x.local)
	d.names[s] = s
	return s
}

// tag is the raw bytes of the last start tag.
func (d *fbDoc) tag() []byte { return d.src[d.start:d.end] }

func (d *fbDoc) replace(at, end int, text string) {
	d.edits = append(d.edits, fbEdit{at, end, text, len(d.edits)})
}

func (d *fbDoc) insert(at int, text string) { d.replace(at, at, text) }

// editTag replaces the last start tag by its edited form.
func (d *fbDoc) editTag(set [][2]string, drop ...string) {
	d.replace(d.start, d.end, fbEditTag(d.tag(), set, drop...))
}

// open returns the start tag of a new element with the root's prefix.
func (d *fbDoc) open(name string) string { return "<" + d.prefix + name }

// closeTag returns the end tag of a new element with the root's prefix.
func (d *fbDoc) closeTag(name string) string { return "</" + d.prefix + name + ">" }

// bytes returns the part with its edits applied.
func (d *fbDoc) bytes() []byte {
	if len(d.edits) == 0 {
		return d.src
	}
	slices.SortFunc(d.edits, func(a, b fbEdit) int { return cmp.Or(cmp.Compare(a.at, b.at), cmp.Compare(a.seq, b.seq)) })
	n := len(d.src)
	for _, e := range d.edits {
		n += len(e.text) - (e.end - e.at)
	}
	out := make([]byte, 0, n)
	pos := 0
	for _, e := range d.edits {
		out = append(out, d.src[pos:e.at]...)
		out = append(out, e.text...)
		pos = e.end
	}
	return append(out, d.src[pos:]...)
}

// fbAttr is one attribute of a raw start tag: src[from:to] is the
// attribute with the white space before it, the value src[vfrom:vto].
type fbAttr struct {
	name                 string
	from, to, vfrom, vto int
}

// fbTagAttrs parses a raw start tag the scanner has already accepted.
// It returns the attributes and where the name ends and the closing
// "/>" or ">" (with the white space before it) begins.
func fbTagAttrs(tag []byte) (attrs []fbAttr, nameEnd, tail int) {
	i := 1
	for i < len(tag) && nameByte(tag[i]) {
		i++
	}
	nameEnd = i
	for {
		j := skipSpace(tag, i)
		if j >= len(tag) || tag[j] == '/' || tag[j] == '>' {
			return attrs, nameEnd, i
		}
		k := j
		for k < len(tag) && nameByte(tag[k]) {
			k++
		}
		name := string(tag[j:k])
		k = skipSpace(tag, k)
		k = skipSpace(tag, k+1) // '='
		if k >= len(tag) {
			return attrs, nameEnd, i
		}
		q := tag[k]
		end := bytes.IndexByte(tag[k+1:], q)
		if end < 0 {
			return attrs, nameEnd, i
		}
		attrs = append(attrs, fbAttr{name, i, k + 2 + end, k + 1, k + 1 + end})
		i = k + 2 + end
	}
}

// fbAttrValue returns the raw (undecoded) value of a named attribute.
func fbAttrValue(tag []byte, name string) (string, bool) {
	attrs, _, _ := fbTagAttrs(tag)
	for _, a := range attrs {
		if a.name == name {
			return string(tag[a.vfrom:a.vto]), true
		}
	}
	return "", false
}

// fbEditTag returns tag with the attributes of set given their values
// (escaped here; replaced in place, or added at the end) and those of
// drop removed.
func fbEditTag(tag []byte, set [][2]string, drop ...string) string {
	attrs, nameEnd, tail := fbTagAttrs(tag)
	var b strings.Builder
	b.Grow(len(tag) + 32)
	b.Write(tag[:nameEnd])
	done := make([]bool, len(set))
	for _, a := range attrs {
		if slices.Contains(drop, a.name) {
			continue
		}
		i := slices.IndexFunc(set, func(kv [2]string) bool { return kv[0] == a.name })
		if i < 0 {
			b.Write(tag[a.from:a.to])
			continue
		}
		done[i] = true
		b.Write(tag[a.from:a.vfrom])
		b.WriteString(fbEscAttr(set[i][1]))
		b.Write(tag[a.vto:a.to])
	}
	for i, kv := range set {
		if !done[i] {
			b.WriteString(" " + kv[0] + `="` + fbEscAttr(kv[1]) + `"`)
		}
	}
	b.Write(tag[tail:])
	return b.String()
}

// fbOpened returns a self-closing start tag as an opening one:
// `<row r="5"/>` becomes `<row r="5">`.
func fbOpened(tag []byte) string {
	s := strings.TrimSuffix(string(tag), "/>")
	return strings.TrimRight(s, " \t\r\n") + ">"
}

// fbEscText escapes s for element content; characters XML cannot carry
// become U+FFFD, as encoding/xml does.
func fbEscText(s string) string { return fbEscape(s, false) }

// fbEscAttr escapes s for a double-quoted attribute value.
func fbEscAttr(s string) string { return fbEscape(s, true) }

func fbEscape(s string, attr bool) string {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		c := s[i]
		clean = c >= 0x20 && c < 0x7f && c != '&' && c != '<' && c != '>' && c != '"'
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\r':
			b.WriteString("&#xD;")
		case attr && r == '\n':
			b.WriteString("&#xA;")
		case attr && r == '\t':
			b.WriteString("&#x9;")
		case r == utf8.RuneError || !inCharRange(r):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fbInt parses a decimal attribute value, 0 when it is not one.
func fbInt(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

// fbFloat parses a decimal attribute value, 0 when it is not one.
func fbFloat(s string) float64 {
	v, _ := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return v
}
