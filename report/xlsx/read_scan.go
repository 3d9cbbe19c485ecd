package xlsx

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// xmlScanner is a pull tokenizer for the XML parts of a workbook, written
// for speed: it reads the inflated part in large chunks and hands out
// names, attribute values and text as slices of its buffer, so a token
// costs no allocation. It is as strict as encoding/xml's strict mode (the
// reader it replaced; read_scan_test.go compares the two) and stricter
// where a workbook part has no business being loose:
//
//   - DOCTYPE, ENTITY and any other <!...> declaration is refused, so no
//     entity expansion; only the five predefined entities and character
//     references are decoded, anything else after '&' is an error;
//   - every end tag must match its start tag and the part must not end
//     inside an element: a part cut off there is an error (an empty part,
//     or one cut before its root, has no content to misread); a second
//     root element or text after the root is an error;
//   - characters outside XML's range, invalid UTF-8, unquoted or missing
//     attribute values and non-ASCII names are errors.
//
// Line ends in text and attribute values are normalised ("\r\n" and "\r"
// become "\n") and entities decoded, as encoding/xml does.
type xmlScanner struct {
	src  io.Reader
	buf  []byte
	r, w int   // unread bytes are buf[r:w]
	off  int64 // offset of buf[0] in the part
	eof  bool
	rerr error // the source's error, reported once buf is used up

	pendingEnd bool // a self-closing tag: its end comes next
	rootDone   bool
	stack      []byte  // qualified names of the open elements, end to end
	stackEnds  []int32 // end of each name in stack

	// The current token. Slices are valid until the next call to next.
	local []byte // local name of a start or end tag
	tag   []byte // a start tag, from its '<': where attrs point
	attrs []xmlAttr
	text  []byte

	tbuf []byte // decoded text
	abuf []byte // decoded attribute values
	err  error
}

// xmlAttr is an attribute of the current start tag, as offsets: its local
// name in the tag, its value in the tag or, when decoded, in abuf. No
// pointers: a cell's tag has three attributes, and a sheet a million tags.
type xmlAttr struct {
	lA, lB            int32
	vA, vB            int32
	prefixed, decoded bool
}

type tokKind uint8

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

// xmlSyntaxError is a malformed part.
type xmlSyntaxError struct {
	msg string
	off int64
}

func (e *xmlSyntaxError) Error() string {
	return "XML syntax error at byte " + strconv.FormatInt(e.off, 10) + ": " + e.msg
}

// Messages of the refusals where the scanner is stricter than
// encoding/xml (the differential tests allow these).
const (
	errNonASCIIName = "non-ASCII name"
	errOutsideRoot  = "text outside the root element"
	errSecondRoot   = "a second root element"
	errCDATAOutside = "CDATA outside the root element"
)

// errNeedMore is internal: the token continues past the buffered bytes.
var errNeedMore = errors.New("need more input")

const scanChunk = 32 << 10

// scanPool keeps scanners and their buffers between parts and files: a
// workbook has several parts and a batch thousands of workbooks.
var scanPool = sync.Pool{New: func() any { return &xmlScanner{buf: make([]byte, 2*scanChunk)} }}

func newXMLScanner(src io.Reader) *xmlScanner {
	x := scanPool.Get().(*xmlScanner)
	x.src = src
	return x
}

// release returns x to the pool; nothing it handed out may be used after.
// Scanners whose buffers grew for a huge token are left to the collector.
func (x *xmlScanner) release() {
	if cap(x.buf) > 1<<20 || cap(x.tbuf) > 1<<20 || cap(x.abuf) > 1<<20 {
		return
	}
	*x = xmlScanner{buf: x.buf, stack: x.stack[:0], stackEnds: x.stackEnds[:0],
		attrs: x.attrs[:0], tbuf: x.tbuf[:0], abuf: x.abuf[:0]}
	scanPool.Put(x)
}

func (x *xmlScanner) syntax(msg string) error {
	return &xmlSyntaxError{msg: msg, off: x.off + int64(x.r)}
}

// fill keeps the unread bytes and reads more after them.
func (x *xmlScanner) fill() error {
	if x.rerr != nil {
		return x.rerr
	}
	if x.eof {
		return x.syntax("unexpected end of the part")
	}
	if x.r > 0 {
		n := copy(x.buf, x.buf[x.r:x.w])
		x.off += int64(x.r)
		x.r, x.w = 0, n
	}
	if len(x.buf)-x.w < scanChunk {
		nb := make([]byte, max(2*len(x.buf), x.w+scanChunk))
		copy(nb, x.buf[:x.w])
		x.buf = nb
	}
	for i := 0; i < 100; i++ {
		n, err := x.src.Read(x.buf[x.w:])
		x.w += n
		if err == io.EOF {
			x.eof = true
			return nil
		}
		if err != nil {
			x.rerr = err
			if n > 0 {
				return nil
			}
			return err
		}
		if n > 0 {
			return nil
		}
	}
	x.rerr = io.ErrNoProgress
	return x.rerr
}

// next reads the next token: a start tag (local, attrs), an end tag
// (local), or text inside the root element (text). Comments, processing
// instructions and white space outside the root are skipped. At the end
// of a well-formed part it returns tokEOF and a nil error.
func (x *xmlScanner) next() (tokKind, error) {
	if x.err != nil {
		return tokEOF, x.err
	}
	if x.pendingEnd {
		x.pendingEnd = false
		x.pop()
		return tokEnd, nil
	}
	for {
		kind, n, err := x.token(x.buf[x.r:x.w])
		if err == errNeedMore {
			if err = x.fill(); err == nil {
				continue
			}
		}
		if err != nil {
			x.err = err
			return tokEOF, err
		}
		x.r += n
		if kind == tokEOF && n > 0 {
			continue // skipped something
		}
		return kind, nil
	}
}

// token parses one token at the start of b and returns its length. A
// token that cannot be used (comment, white space outside the root) comes
// back as tokEOF with n > 0.
func (x *xmlScanner) token(b []byte) (tokKind, int, error) {
	if len(b) == 0 {
		if !x.eof {
			return tokEOF, 0, errNeedMore
		}
		if len(x.stackEnds) > 0 {
			return tokEOF, 0, x.syntax("unexpected end of the part")
		}
		return tokEOF, 0, nil
	}
	if b[0] != '<' {
		return x.textToken(b)
	}
	if len(b) < 2 {
		return tokEOF, 0, errNeedMore
	}
	switch b[1] {
	case '/':
		return x.endTag(b)
	case '?':
		return x.procInst(b)
	case '!':
		return x.bang(b)
	}
	return x.startTag(b)
}

func (x *xmlScanner) textToken(b []byte) (tokKind, int, error) {
	i := bytes.IndexByte(b, '<')
	if i < 0 {
		if !x.eof {
			return tokEOF, 0, errNeedMore
		}
		i = len(b)
	}
	raw := b[:i]
	if len(x.stackEnds) == 0 {
		// Outside the root only white space, and a byte-order mark at the
		// very start.
		if x.off+int64(x.r) == 0 {
			raw = bytes.TrimPrefix(raw, []byte("\ufeff"))
		}
		for _, c := range raw {
			if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
				return tokEOF, 0, x.syntax(errOutsideRoot)
			}
		}
		return tokEOF, i, nil
	}
	t, err := x.decode(raw, modeText, &x.tbuf)
	if err != nil {
		return tokEOF, 0, err
	}
	x.text = t
	return tokText, i, nil
}

// bang reads a comment or a CDATA section; any other declaration is
// refused (errDoctype).
func (x *xmlScanner) bang(b []byte) (tokKind, int, error) {
	const cdata = "<![CDATA["
	switch {
	case bytes.HasPrefix(b, []byte("<!--")):
		j := bytes.Index(b[4:], []byte("--"))
		if j < 0 || 4+j+2 >= len(b) {
			return tokEOF, 0, errNeedMore
		}
		if b[4+j+2] != '>' {
			return tokEOF, 0, x.syntax(`"--" in a comment`)
		}
		return tokEOF, 4 + j + 3, nil
	case len(b) < len(cdata) && bytes.HasPrefix([]byte(cdata), b):
		return tokEOF, 0, errNeedMore
	case bytes.HasPrefix(b, []byte(cdata)):
		j := bytes.Index(b[len(cdata):], []byte("]]>"))
		if j < 0 {
			return tokEOF, 0, errNeedMore
		}
		if len(x.stackEnds) == 0 {
			return tokEOF, 0, x.syntax(errCDATAOutside)
		}
		t, err := x.decode(b[len(cdata):len(cdata)+j], modeCDATA, &x.tbuf)
		if err != nil {
			return tokEOF, 0, err
		}
		x.text = t
		return tokText, len(cdata) + j + 3, nil
	case len(b) < 4 && bytes.HasPrefix([]byte("<!--"), b):
		return tokEOF, 0, errNeedMore
	case b[2] == '-' || b[2] == '[':
		return tokEOF, 0, x.syntax("bad <! sequence")
	}
	return tokEOF, 0, errDoctype
}

// procInst skips a processing instruction; the XML declaration must not
// name another encoding than UTF-8 (the reader has no converters).
func (x *xmlScanner) procInst(b []byte) (tokKind, int, error) {
	n, end := scanName(b[2:])
	if end == len(b)-2 {
		return tokEOF, 0, errNeedMore
	}
	if n < 0 {
		return tokEOF, 0, x.syntax(errNonASCIIName)
	}
	if n == 0 || !validName(b[2:2+n]) {
		return tokEOF, 0, x.syntax("bad processing instruction")
	}
	j := bytes.Index(b[2+n:], []byte("?>"))
	if j < 0 {
		return tokEOF, 0, errNeedMore
	}
	if string(b[2:2+n]) == "xml" {
		content := strings.TrimLeft(string(b[2+n:2+n+j]), " \t\r\n")
		if v := procInstParam("version", content); v != "" && v != "1.0" {
			return tokEOF, 0, x.syntax("XML version " + v)
		}
		if enc := procInstParam("encoding", content); enc != "" && !strings.EqualFold(enc, "utf-8") {
			return tokEOF, 0, x.syntax("encoding " + enc)
		}
	}
	return tokEOF, 2 + n + j + 2, nil
}

// procInstParam is encoding/xml's reading of a pseudo-attribute of the
// XML declaration.
func procInstParam(param, s string) string {
	param += "="
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || lenp+k >= len(sub) {
			return ""
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// tagName reads the name of a tag that starts b, after its opening
// ("<" or "</"): the qualified name and its local part.
func (x *xmlScanner) tagName(b []byte, open string) (name, local []byte, err error) {
	from := len(open)
	n, end := scanName(b[from:])
	switch {
	case end == len(b)-from:
		return nil, nil, errNeedMore
	case n < 0:
		return nil, nil, x.syntax(errNonASCIIName)
	case n == 0:
		return nil, nil, x.syntax("no name after " + open)
	}
	name = b[from : from+n]
	local, _, ok := splitName(name)
	if !ok {
		return nil, nil, x.syntax("bad name " + strconv.Quote(string(name)))
	}
	return name, local, nil
}

func (x *xmlScanner) endTag(b []byte) (tokKind, int, error) {
	name, local, err := x.tagName(b, "</")
	if err != nil {
		return tokEOF, 0, err
	}
	i := skipSpace(b, 2+len(name))
	if i == len(b) {
		return tokEOF, 0, errNeedMore
	}
	if b[i] != '>' {
		return tokEOF, 0, x.syntax("bad end tag")
	}
	if len(x.stackEnds) == 0 {
		return tokEOF, 0, x.syntax("end tag without a start tag")
	}
	if open := x.topName(); !bytes.Equal(open, name) {
		return tokEOF, 0, x.syntax("end tag </" + string(name) + "> does not match <" + string(open) + ">")
	}
	x.pop()
	x.local = local
	return tokEnd, i + 1, nil
}

// topName is the qualified name of the innermost open element, if any.
func (x *xmlScanner) topName() []byte {
	from := int32(0)
	if k := len(x.stackEnds); k > 1 {
		from = x.stackEnds[k-2]
	}
	return x.stack[from:]
}

// topLocal is the local name of the innermost open element.
func (x *xmlScanner) topLocal() string {
	local, _, _ := splitName(x.topName())
	return bytesView(local)
}

func (x *xmlScanner) pop() {
	k := len(x.stackEnds) - 1
	x.stackEnds = x.stackEnds[:k]
	if k == 0 {
		x.stack = x.stack[:0]
		x.rootDone = true
	} else {
		x.stack = x.stack[:x.stackEnds[k-1]]
	}
}

func (x *xmlScanner) startTag(b []byte) (tokKind, int, error) {
	name, local, err := x.tagName(b, "<")
	if err != nil {
		return tokEOF, 0, err
	}
	n := len(name)
	if len(x.stackEnds) == 0 && x.rootDone {
		return tokEOF, 0, x.syntax(errSecondRoot)
	}
	x.attrs = x.attrs[:0]
	x.abuf = x.abuf[:0]
	i := 1 + n
	selfClose := false
	for {
		i = skipSpace(b, i)
		if i == len(b) {
			return tokEOF, 0, errNeedMore
		}
		if b[i] == '>' {
			i++
			break
		}
		if b[i] == '/' {
			if i+1 == len(b) {
				return tokEOF, 0, errNeedMore
			}
			if b[i+1] != '>' {
				return tokEOF, 0, x.syntax("expected /> in a tag")
			}
			selfClose = true
			i += 2
			break
		}
		an, aend := scanName(b[i:])
		if aend == len(b)-i {
			return tokEOF, 0, errNeedMore
		}
		if an < 0 {
			return tokEOF, 0, x.syntax(errNonASCIIName)
		}
		if an == 0 {
			return tokEOF, 0, x.syntax("bad attribute in <" + string(name) + ">")
		}
		alocal, prefixed, ok := splitName(b[i : i+an])
		if !ok {
			return tokEOF, 0, x.syntax("bad attribute name")
		}
		a := xmlAttr{lA: int32(i + an - len(alocal)), lB: int32(i + an), prefixed: prefixed}
		i += an
		if i < len(b) && b[i] == '=' {
			i++ // the usual name="value": no space to skip
		} else {
			i = skipSpace(b, i)
			if i == len(b) {
				return tokEOF, 0, errNeedMore
			}
			if b[i] != '=' {
				return tokEOF, 0, x.syntax("attribute without a value")
			}
			i = skipSpace(b, i+1)
		}
		if i >= len(b) {
			return tokEOF, 0, errNeedMore
		}
		q := b[i]
		if q != '"' && q != '\'' {
			if charClass[q]&classSpace != 0 {
				if i = skipSpace(b, i); i == len(b) {
					return tokEOF, 0, errNeedMore
				}
				q = b[i]
			}
			if q != '"' && q != '\'' {
				return tokEOF, 0, x.syntax("unquoted attribute value")
			}
		}
		// The closing quote, and whether the value is plain printable
		// ASCII (nothing to decode or refuse), in one pass.
		j, plain := i+1, true
		for j < len(b) && b[j] != q {
			if c := b[j]; textClass[c] != 0 || c >= 0x80 {
				plain = false
			}
			j++
		}
		if j == len(b) {
			return tokEOF, 0, errNeedMore
		}
		a.vA, a.vB = int32(i+1), int32(j)
		if !plain {
			from := len(x.abuf)
			v, err := x.decode(b[i+1:j], modeAttr, &x.abuf)
			if err != nil {
				return tokEOF, 0, err
			}
			if len(x.abuf) != from { // decoded: v is in abuf
				a.vA, a.vB, a.decoded = int32(from), int32(from+len(v)), true
			}
		}
		x.attrs = append(x.attrs, a)
		i = j + 1
	}
	x.tag = b[:i]
	x.local = local
	x.stack = append(x.stack, name...)
	x.stackEnds = append(x.stackEnds, int32(len(x.stack)))
	x.pendingEnd = selfClose
	return tokStart, i, nil
}

func (x *xmlScanner) attrLocal(a *xmlAttr) []byte { return x.tag[a.lA:a.lB] }

func (x *xmlScanner) attrVal(a *xmlAttr) []byte {
	if a.decoded {
		return x.abuf[a.vA:a.vB]
	}
	return x.tag[a.vA:a.vB]
}

// cellTag is a worksheet cell as simpleCell reads it: where the values of
// its r, s and t attributes (the first of each) and its value's text are
// in b, as offsets (no pointers to write but b).
type cellTag struct {
	b                []byte
	rA, rB           int32
	sA, sB           int32
	tA, tB           int32
	vA, vB           int32
	hasR, hasS, hasT bool
	inline           bool // the value is an inline string's text (<is><t>)

	// parsed: the tag was in the usual layout (r="A1" s="12" t="s", each
	// optional, in that order) and these are its values, read on the way.
	parsed   bool
	col, row int32 // 0 without r
	style    int32
}

func (c *cellTag) r() []byte { return c.b[c.rA:c.rB] }
func (c *cellTag) s() []byte { return c.b[c.sA:c.sB] }
func (c *cellTag) t() []byte { return c.b[c.tA:c.tB] }
func (c *cellTag) v() []byte { return c.b[c.vA:c.vB] }

// simpleCell reads a whole worksheet cell at the scanner's position when it
// is in one of the forms writers use for nearly every cell: "<c" with
// attributes of letters and plain printable ASCII values, then "/>",
// "></c>", "><v>NUMBER</v></c>" (a number or a shared string's index) or
// "><is><t>TEXT</t></is></c>" (an inline string with nothing to decode or
// refuse). It consumes the cell and returns true; next would have returned
// the same tokens, always well-formed, with these values. Otherwise, or
// when the cell goes on past the buffered bytes, it consumes nothing and
// returns false, and next reads the tokens one by one. A cell this way
// costs a pass over its bytes instead of five tokens or more.
func (x *xmlScanner) simpleCell(c *cellTag) bool {
	if x.pendingEnd || x.err != nil || len(x.stackEnds) == 0 {
		return false
	}
	b := x.buf[x.r:x.w]
	if len(b) < 4 || b[0] != '<' || b[1] != 'c' || charClass[b[2]]&classSpace == 0 {
		return false
	}
	*c = cellTag{b: b}
	i, ok := c.usualLayout(b)
	if ok {
		c.parsed = true
	} else {
		*c = cellTag{b: b}
		i = 2
	}
	for !c.parsed {
		j := i
		for j < len(b) && charClass[b[j]]&classSpace != 0 {
			j++
		}
		if j == len(b) {
			return false
		}
		if b[j] == '>' {
			i = j + 1
			break
		}
		if b[j] == '/' {
			if j+1 < len(b) && b[j+1] == '>' {
				x.r += j + 2
				return true
			}
			return false
		}
		if j == i {
			return false // no white space before the attribute
		}
		k := j
		for k < len(b) && ('a' <= b[k]|0x20 && b[k]|0x20 <= 'z') {
			k++
		}
		if k == j || k+1 >= len(b) || b[k] != '=' || b[k+1] != '"' && b[k+1] != '\'' {
			return false
		}
		q, m := b[k+1], k+2
		for m < len(b) && b[m] != q {
			if textClass[b[m]] != 0 || b[m] >= 0x80 {
				return false
			}
			m++
		}
		if m == len(b) {
			return false
		}
		if k-j == 1 {
			va, vb := int32(k+2), int32(m)
			switch b[j] {
			case 'r':
				if !c.hasR {
					c.rA, c.rB, c.hasR = va, vb, true
				}
			case 's':
				if !c.hasS {
					c.sA, c.sB, c.hasS = va, vb, true
				}
			case 't':
				if !c.hasT {
					c.tA, c.tB, c.hasT = va, vb, true
				}
			}
		}
		i = m + 1
	}
	if i < 0 { // "/>"
		x.r += -i
		return true
	}
	rest := b[i:]
	switch {
	case len(rest) >= 4 && string(rest[:4]) == "</c>":
		x.r += i + 4
		return true
	case len(rest) >= 3 && string(rest[:3]) == "<v>":
		j := 3
		for j < len(rest) && charClass[rest[j]]&classNumber != 0 {
			j++
		}
		const end = "</v></c>"
		if len(rest)-j < len(end) || string(rest[j:j+len(end)]) != end {
			return false
		}
		c.vA, c.vB = int32(i+3), int32(i+j)
		x.r += i + j + len(end)
		return true
	case len(rest) >= 7 && string(rest[:7]) == "<is><t>":
		j := bytes.IndexByte(rest[7:], '<')
		const end = "</t></is></c>"
		if j < 0 || len(rest)-7-j < len(end) || string(rest[7+j:7+j+len(end)]) != end || !plainText(rest[7:7+j]) {
			return false
		}
		c.vA, c.vB, c.inline = int32(i+7), int32(i+7+j), true
		x.r += i + 7 + j + len(end)
		return true
	}
	return false
}

// usualLayout reads the attributes of a cell tag (b starts "<c ") laid out
// as writers lay them out, r="A1" s="12" t="s" (each optional, in this
// order, with one space before each and double quotes), and parses the
// reference and the style number on the way. It returns where the tag's
// content starts, or minus the tag's length when it closes itself ("/>"),
// and false for any other layout (simpleCell's general loop reads it).
func (c *cellTag) usualLayout(b []byte) (int, bool) {
	i := 2
	if attrAt(b, i, 'r') {
		j := i + 4
		k, col := j, int32(0)
		for k < len(b) && k-j < 2 && 'A' <= b[k] && b[k] <= 'Z' {
			col = col*26 + int32(b[k]-'A'+1)
			k++
		}
		m, row := k, int32(0)
		for m < len(b) && m-k < 7 && '0' <= b[m] && b[m] <= '9' {
			row = row*10 + int32(b[m]-'0')
			m++
		}
		if k == j || m == k || row == 0 || m >= len(b) || b[m] != '"' {
			return 0, false // three letters, no row, row 0, ...: the general way
		}
		c.rA, c.rB, c.hasR, c.col, c.row = int32(j), int32(m), true, col, row
		i = m + 1
	}
	if attrAt(b, i, 's') {
		j := i + 4
		m, style := j, int32(0)
		for m < len(b) && m-j < 9 && '0' <= b[m] && b[m] <= '9' {
			style = style*10 + int32(b[m]-'0')
			m++
		}
		if m == j || m >= len(b) || b[m] != '"' {
			return 0, false
		}
		c.sA, c.sB, c.hasS, c.style = int32(j), int32(m), true, style
		i = m + 1
	}
	if attrAt(b, i, 't') {
		j := i + 4
		m := j
		for m < len(b) && m-j < 9 && 'a' <= b[m]|0x20 && b[m]|0x20 <= 'z' {
			m++
		}
		if m >= len(b) || b[m] != '"' {
			return 0, false
		}
		c.tA, c.tB, c.hasT = int32(j), int32(m), true
		i = m + 1
	}
	switch {
	case i < len(b) && b[i] == '>':
		return i + 1, true
	case i+1 < len(b) && b[i] == '/' && b[i+1] == '>':
		return -(i + 2), true
	}
	return 0, false
}

// attrAt reports whether b has ` name="` at i.
func attrAt(b []byte, i int, name byte) bool {
	return i+4 <= len(b) && b[i] == ' ' && b[i+1] == name && b[i+2] == '=' && b[i+3] == '"'
}

// simpleString reads a whole shared string at the scanner's position when
// it is in the form writers use for most: "<si><t>TEXT</t></si>" directly
// inside the root, TEXT with nothing to decode (no entity, no carriage
// return) and nothing to refuse. It consumes the string and returns TEXT
// and true; next would have returned the same tokens. Otherwise, or when
// the string goes on past the buffered bytes, it consumes nothing and
// returns false.
func (x *xmlScanner) simpleString() ([]byte, bool) {
	if x.pendingEnd || x.err != nil || len(x.stackEnds) != 1 {
		return nil, false
	}
	b := x.buf[x.r:x.w]
	const start, end = "<si><t>", "</t></si>"
	if len(b) < len(start)+len(end) || string(b[:len(start)]) != start {
		return nil, false
	}
	i := bytes.IndexByte(b[len(start):], '<')
	if i < 0 {
		return nil, false
	}
	i += len(start)
	if len(b)-i < len(end) || string(b[i:i+len(end)]) != end {
		return nil, false
	}
	text := b[len(start):i]
	if !plainText(text) {
		return nil, false // the tokens decide
	}
	x.r += i + len(end)
	return text, true
}

// attr returns the value of the first attribute with this local name,
// whatever its prefix (as the reader always did).
func (x *xmlScanner) attr(local string) ([]byte, bool) {
	for i := range x.attrs {
		if a := &x.attrs[i]; string(x.attrLocal(a)) == local {
			return x.attrVal(a), true
		}
	}
	return nil, false
}

// relAttr returns the value of a prefixed "id" attribute (r:id).
func (x *xmlScanner) relAttr() string {
	for i := range x.attrs {
		if a := &x.attrs[i]; a.prefixed && string(x.attrLocal(a)) == "id" {
			return string(x.attrVal(a))
		}
	}
	return ""
}

func (x *xmlScanner) attrString(local string) string {
	v, _ := x.attr(local)
	return string(v)
}

// textClass marks the bytes that text checking must look at: markup
// characters, control characters and the lead byte of U+FFFE/U+FFFF.
var textClass = func() (t [256]uint8) {
	for c := 0; c < 0x20; c++ {
		t[c] = 1
	}
	t['\t'], t['\n'] = 0, 0
	t['&'], t['<'], t[']'], t[0xEF] = 1, 1, 1, 1
	return t
}()

func skipSpace(b []byte, i int) int {
	for i < len(b) && charClass[b[i]]&classSpace != 0 {
		i++
	}
	return i
}

// scanName returns the length of the name at the start of b and where it
// stopped: at len(b) when the buffer ended (the name may go on). Names
// are ASCII: OOXML uses no others; a non-ASCII name gives -1.
func scanName(b []byte) (n, end int) {
	i := 0
	for i < len(b) && charClass[b[i]]&className != 0 {
		i++
	}
	if i < len(b) && b[i] >= 0x80 {
		return -1, i + 1 // a non-ASCII name: refused
	}
	if i > 0 && charClass[b[0]]&classNameStart == 0 {
		return 0, i
	}
	return i, i
}

// Classes of bytes, for the scanner's inner loops.
const (
	className      = 1 << iota // may be part of a name
	classNameStart             // may start a name
	classSpace                 // XML white space
	classNumber                // may be part of a number as a cell writes it
)

var charClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		if 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b == '_' || b == ':' {
			t[c] |= className | classNameStart
		}
		if '0' <= b && b <= '9' || b == '.' || b == '-' {
			t[c] |= className
		}
		if b == ' ' || b == '\t' || b == '\n' || b == '\r' {
			t[c] |= classSpace
		}
		if '0' <= b && b <= '9' || b == '.' || b == '-' || b == '+' || b == 'E' || b == 'e' {
			t[c] |= classNumber
		}
	}
	return t
}()

func nameByte(c byte) bool { return charClass[c]&className != 0 }

func nameStart(c byte) bool { return charClass[c]&classNameStart != 0 }

func validName(b []byte) bool {
	if len(b) == 0 || !nameStart(b[0]) {
		return false
	}
	for _, c := range b {
		if !nameByte(c) {
			return false
		}
	}
	return true
}

// splitName splits a qualified name as encoding/xml does: "x:row" has the
// local name "row"; a name with an empty side of its colon is all local;
// two colons are an error.
func splitName(name []byte) (local []byte, prefixed, ok bool) {
	i := -1
	for k, c := range name {
		if c == ':' {
			i = k
			break
		}
	}
	if i < 0 {
		return name, false, true
	}
	if bytes.IndexByte(name[i+1:], ':') >= 0 {
		return nil, false, false
	}
	if i == 0 || i == len(name)-1 {
		return name, false, true
	}
	return name[i+1:], true, true
}

type textMode uint8

const (
	modeText  textMode = iota // character data: entities, no "]]>"
	modeAttr                  // a quoted value: entities, no '<'
	modeCDATA                 // a CDATA section: nothing decoded
)

// decode checks the characters of raw and returns its decoded form:
// raw itself when there is nothing to decode, else the decoded bytes
// appended to *dst.
func (x *xmlScanner) decode(raw []byte, mode textMode, dst *[]byte) ([]byte, error) {
	if plainText(raw) {
		return raw, nil // the usual case, in one pass
	}
	needs := false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if textClass[c] == 0 {
			continue
		}
		switch c {
		case '&':
			needs = needs || mode != modeCDATA
		case '<':
			if mode == modeAttr {
				return nil, x.syntax("< in an attribute value")
			}
		case ']':
			if mode == modeText && i+2 < len(raw) && raw[i+1] == ']' && raw[i+2] == '>' {
				return nil, x.syntax("]]> in text")
			}
		case '\r':
			needs = true
		case 0xEF:
			// U+FFFE and U+FFFF are the only valid UTF-8 characters
			// above ASCII that XML does not allow.
			if i+2 < len(raw) && raw[i+1] == 0xBF && (raw[i+2] == 0xBE || raw[i+2] == 0xBF) {
				return nil, x.syntax("character U+FFFE or U+FFFF in text")
			}
		default:
			return nil, x.syntax("control character in text")
		}
	}
	if !utf8.Valid(raw) {
		return nil, x.syntax("invalid UTF-8")
	}
	if !needs {
		return raw, nil
	}
	if mode != modeAttr {
		*dst = (*dst)[:0]
	}
	from := len(*dst)
	out := *dst
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == '\r':
			out = append(out, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
			i++
		case c == '&' && mode != modeCDATA:
			n, r, ok := entity(raw[i:])
			if !ok || !inCharRange(r) {
				return nil, x.syntax("bad character entity")
			}
			out = utf8.AppendRune(out, r)
			i += n
		default:
			j := i + 1
			for j < len(raw) && raw[j] != '\r' && raw[j] != '&' {
				j++
			}
			out = append(out, raw[i:j]...)
			i = j
		}
	}
	*dst = out
	return out[from:], nil
}

// plainText reports whether b is valid UTF-8 with nothing for decode to
// decode or refuse: no markup character, no control character but tab and
// line feed, no ']' (it may start "]]>"), no U+FFFE or U+FFFF. One pass,
// where decode's checks and utf8.Valid make two: most text is like that.
func plainText(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if textClass[c] != 0 {
				return false
			}
			i++
			continue
		}
		switch {
		case c >= 0xC2 && c <= 0xDF:
			if i+1 >= len(b) || b[i+1]&0xC0 != 0x80 {
				return false
			}
			i += 2
		case c >= 0xE0 && c <= 0xEF:
			if i+2 >= len(b) || b[i+1]&0xC0 != 0x80 || b[i+2]&0xC0 != 0x80 ||
				c == 0xE0 && b[i+1] < 0xA0 || // overlong
				c == 0xED && b[i+1] > 0x9F || // a surrogate
				c == 0xEF && b[i+1] == 0xBF && b[i+2] >= 0xBE { // U+FFFE, U+FFFF
				return false
			}
			i += 3
		case c >= 0xF0 && c <= 0xF4:
			if i+3 >= len(b) || b[i+1]&0xC0 != 0x80 || b[i+2]&0xC0 != 0x80 || b[i+3]&0xC0 != 0x80 ||
				c == 0xF0 && b[i+1] < 0x90 || c == 0xF4 && b[i+1] > 0x8F {
				return false
			}
			i += 4
		default:
			return false
		}
	}
	return true
}

// entity decodes the reference at the start of b ("&amp;", "&#233;",
// "&#xE9;") as encoding/xml does, surrogates becoming U+FFFD.
func entity(b []byte) (n int, r rune, ok bool) {
	end := bytes.IndexByte(b, ';')
	if end < 2 {
		return 0, 0, false
	}
	name := b[1:end]
	if name[0] == '#' {
		digits, base := name[1:], 10
		if len(digits) > 0 && digits[0] == 'x' {
			digits, base = digits[1:], 16
		}
		if len(digits) == 0 {
			return 0, 0, false
		}
		for _, c := range digits {
			if !('0' <= c && c <= '9' || base == 16 && ('a' <= c && c <= 'f' || 'A' <= c && c <= 'F')) {
				return 0, 0, false
			}
		}
		v, err := strconv.ParseUint(string(digits), base, 64)
		if err != nil || v > utf8.MaxRune {
			return 0, 0, false
		}
		r = rune(v)
		if !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return end + 1, r, true
	}
	switch string(name) {
	case "lt":
		r = '<'
	case "gt":
		r = '>'
	case "amp":
		r = '&'
	case "apos":
		r = '\''
	case "quot":
		r = '"'
	default:
		return 0, 0, false
	}
	return end + 1, r, true
}

// inCharRange is XML's Char production.
func inCharRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// bytesView is b as a string without a copy, for parsers that do not keep
// their input (strconv copies it into its errors).
func bytesView(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
