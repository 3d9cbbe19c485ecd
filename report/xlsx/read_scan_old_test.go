package xlsx

// The encoding/xml reader that the byte scanner replaced, kept for the
// differential tests only (read_scan_test.go): the scanner must give the
// same cells, merges and refusals for every part this reader accepts.

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tonghop/tonghop/report"
)

func oldXMLDecoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.Strict = true
	return d
}

// oldToken reads the next token, refusing DOCTYPE directives.
func oldToken(d *xml.Decoder) (xml.Token, error) {
	t, err := d.Token()
	if err != nil {
		return nil, err
	}
	if dir, ok := t.(xml.Directive); ok && bytes.HasPrefix(bytes.TrimSpace(dir), []byte("DOCTYPE")) {
		return nil, errDoctype
	}
	return t, nil
}

// oldRawTokens reads tokens with the decoder's faster RawToken, checking
// what RawToken does not: that end tags match their start tags and that
// the part is not cut off inside an element. Char data is only valid
// until the next call.
type oldRawTokens struct {
	d     *xml.Decoder
	stack []xml.Name
}

func (r *oldRawTokens) line() int {
	l, _ := r.d.InputPos()
	return l
}

func (r *oldRawTokens) next() (xml.Token, error) {
	t, err := r.d.RawToken()
	if err == io.EOF {
		if len(r.stack) > 0 {
			return nil, &xml.SyntaxError{Msg: "unexpected EOF", Line: r.line()}
		}
		return nil, io.EOF
	}
	if err != nil {
		return nil, err
	}
	switch t := t.(type) {
	case xml.StartElement:
		r.stack = append(r.stack, t.Name)
	case xml.EndElement:
		n := len(r.stack)
		if n == 0 || r.stack[n-1] != t.Name {
			return nil, &xml.SyntaxError{Msg: "unexpected end element </" + t.Name.Local + ">", Line: r.line()}
		}
		r.stack = r.stack[:n-1]
	case xml.Directive:
		if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) {
			return nil, errDoctype
		}
	}
	return t, nil
}

// walk calls fn for every start element and text of a part, tracking the
// path of local element names. A missing part is not an error.
func oldWalk(p *pkg, part string, fn func(stack []string, t xml.Token) bool, end func(local string)) (bool, *pkgError) {
	rc, perr := p.open(part)
	if perr != nil || rc == nil {
		return false, perr
	}
	defer rc.Close()
	d := oldXMLDecoder(rc)
	stack := make([]string, 0, 8)
	for {
		t, err := oldToken(d)
		if err == io.EOF {
			return true, nil
		}
		if err != nil {
			if errors.Is(err, errDoctype) {
				return true, corrupt("DOCTYPE", err)
			}
			return true, decodeErr(part, err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			if !fn(stack, t) {
				return true, nil
			}
		case xml.EndElement:
			if end != nil {
				end(t.Name.Local)
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if !fn(stack, t) {
				return true, nil
			}
		}
	}
}

func oldAttr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func oldReadSharedStrings(p *pkg, part string) *pkgError {
	var b strings.Builder
	var strs []string
	defer func() { p.strs = newSharedStrings(strs) }()
	inSI, inT, phonetic := false, false, false
	_, perr := oldWalk(p, part, func(stack []string, t xml.Token) bool {
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				inSI = true
				b.Reset()
			case "rPh":
				phonetic = true
			case "t":
				inT = inSI && !phonetic
			}
			return true
		case xml.CharData:
			if inT && len(stack) > 0 && stack[len(stack)-1] == "t" {
				b.Write(t)
			}
		}
		return true
	}, func(local string) {
		switch local {
		case "si":
			strs = append(strs, unescapeOOXML([]byte(b.String())))
			inSI = false
		case "rPh":
			phonetic = false
		case "t":
			inT = false
		}
	})
	return perr
}

type oldSheetScanner struct {
	p      *pkg
	d      oldRawTokens
	fn     func(*srow) bool
	merges []area

	row     *srow
	lastRow int
	lastCol int
	stopped bool

	// current cell
	inCell         bool
	col            int
	ref, typ       string
	style          int
	val            strings.Builder
	inV, inT, inIS bool
	phonetic       bool
}

func (s *oldSheetScanner) run() error {
	inData := false
	for {
		t, err := s.d.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "sheetData":
				inData = true
			case "row":
				if inData {
					if err := s.startRow(t); err != nil {
						return err
					}
				}
			case "c":
				if s.row != nil {
					if err := s.startCell(t); err != nil {
						return err
					}
				}
			case "v":
				s.inV = s.inCell
			case "is":
				s.inIS = s.inCell
			case "t":
				s.inT = s.inIS && !s.phonetic
			case "rPh":
				s.phonetic = true
			case "mergeCell":
				if a, ok := parseArea(oldAttr(t, "ref")); ok {
					s.merges = append(s.merges, a)
				}
			}
		case xml.CharData:
			if s.inV || s.inT {
				s.val.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "sheetData":
				inData = false
			case "row":
				if s.row != nil {
					r := s.row
					s.row = nil
					if !s.stopped && len(r.cells) > 0 && !s.fn(r) {
						s.stopped = true
						return nil
					}
				}
			case "c":
				if s.inCell {
					if err := s.endCell(); err != nil {
						return err
					}
				}
			case "v":
				s.inV = false
			case "is":
				s.inIS = false
			case "t":
				s.inT = false
			case "rPh":
				s.phonetic = false
			}
		}
	}
}

func (s *oldSheetScanner) startRow(t xml.StartElement) error {
	n := s.lastRow + 1
	if v := oldAttr(t, "r"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			return fmt.Errorf("%w: row number %q", errBadCell, v)
		}
		if n <= s.lastRow {
			return fmt.Errorf("%w: row %d after row %d", errBadCell, n, s.lastRow)
		}
	}
	if n > maxSheetRows {
		return errTooManyRows{n}
	}
	h := oldAttr(t, "hidden")
	s.row = &srow{num: n, hidden: h == "1" || h == "true"}
	s.lastRow, s.lastCol = n, 0
	return nil
}

func (s *oldSheetScanner) startCell(t xml.StartElement) error {
	s.inCell = true
	s.col = s.lastCol + 1
	s.ref = ""
	if v := oldAttr(t, "r"); v != "" {
		c, r, ok := splitRef(v)
		if !ok || (r != 0 && r != s.row.num) {
			return fmt.Errorf("%w: cell reference %q in row %d", errBadCell, v, s.row.num)
		}
		if c <= s.lastCol {
			return fmt.Errorf("%w: cell %q out of order", errBadCell, v)
		}
		s.col = c
		if r != 0 {
			s.ref = v // already the A1 reference: no need to build one
		}
	}
	if s.col > 16384 {
		return fmt.Errorf("%w: column %d", errBadCell, s.col)
	}
	s.lastCol = s.col
	s.typ = oldAttr(t, "t")
	s.style = 0
	if v := oldAttr(t, "s"); v != "" {
		s.style, _ = strconv.Atoi(v)
	}
	s.val.Reset()
	return nil
}

func (s *oldSheetScanner) endCell() error {
	s.inCell, s.inV, s.inT, s.inIS = false, false, false, false
	raw := s.val.String()
	c := report.Cell{}
	switch s.typ {
	case "s":
		if strings.TrimSpace(raw) == "" {
			return nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(raw))
		if err != nil || i < 0 || i >= s.p.strs.len() {
			return fmt.Errorf("%w: shared string %q out of range in row %d", errBadCell, raw, s.row.num)
		}
		c.Text = s.p.strs.at(i)
	case "inlineStr", "str", "e":
		c.Text = unescapeOOXML([]byte(raw))
	case "b":
		switch strings.TrimSpace(raw) {
		case "1", "true":
			c.Text = "TRUE"
		case "0", "false":
			c.Text = "FALSE"
		}
	case "d":
		c.Text = raw
		c.IsDate = true
	case "", "n":
		raw = strings.TrimSpace(raw)
		if raw == "" {
			return nil // formula without a cached value, or a styled blank
		}
		f, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			return fmt.Errorf("%w: number %q in row %d", errBadCell, raw, s.row.num)
		}
		c.Text, c.Number, c.IsNumber = raw, f, true
	default:
		return fmt.Errorf("%w: cell type %q", errBadCell, s.typ)
	}
	if c.Empty() {
		return nil
	}
	if s.style >= 0 && s.style < len(s.p.styles) {
		st := s.p.styles[s.style]
		c.IsDate = c.IsDate || st.date
		c.Percent = st.percent
		c.Font = st.font
	}
	c.Ref = s.ref
	if c.Ref == "" {
		c.Ref = colName(s.col) + strconv.Itoa(s.row.num)
	}
	s.row.cells = append(s.row.cells, rcell{s.col, c})
	return nil
}

// unescapeOOXML decodes the _xHHHH_ escapes Excel uses for control
// characters in strings.
func unescapeOOXML(s []byte) string {
	if !bytes.Contains(s, []byte("_x")) {
		return string(s)
	}
	return string(appendUnescapeOOXML(nil, s))
}
