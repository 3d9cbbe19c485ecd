package xlsx

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tonghop/tonghop/report"
)

// rcell is one non-empty cell of a scanned row; col is 1-based.
type rcell struct {
	col int
	report.Cell
}

// srow is one scanned row: its non-empty cells in column order.
type srow struct {
	num    int
	hidden bool
	cells  []rcell
}

// cell returns the cell in column col, or a zero cell.
func (r *srow) cell(col int) (report.Cell, bool) {
	for _, c := range r.cells {
		if c.col == col {
			return c.Cell, true
		}
	}
	return report.Cell{}, false
}

// area is a merged range, 1-based inclusive.
type area struct{ c1, r1, c2, r2 int }

// errTooManyRows stops a scan of a sheet past Excel's row limit.
type errTooManyRows struct{ row int }

func (e errTooManyRows) Error() string { return fmt.Sprintf("row %d over the sheet limit", e.row) }

// scanSheet streams a worksheet part and calls fn for every row that has a
// non-empty cell, in order. fn returns false to stop early; merges are
// then incomplete. Any doubt about the part (bad XML, rows out of order,
// shared-string index out of range, non-numeric number) is an error: the
// caller refuses the file rather than use a partial read.
func (p *pkg) scanSheet(sh sheetRef, fn func(*srow) bool) ([]area, *pkgError) {
	rc, perr := p.open(sh.part)
	if perr != nil {
		return nil, perr
	}
	if rc == nil {
		return nil, corrupt("ZIP", fmt.Errorf("missing part %s", sh.part))
	}
	defer rc.Close()
	s := sheetScanner{p: p, d: rawTokens{d: xmlDecoder(rc)}, fn: fn}
	if err := s.run(); err != nil {
		var tm errTooManyRows
		switch {
		case errors.As(err, &tm):
			f := report.Finding{Sheet: sh.name, Code: report.CodeSheetTooLarge, Severity: report.Error,
				Value: strconv.Itoa(tm.row), Want: strconv.Itoa(maxSheetRows)}
			return nil, &pkgError{finding: f, err: err}
		case errors.Is(err, errDoctype):
			return nil, corrupt("DOCTYPE", err)
		case errors.Is(err, errInflateLimit):
			return nil, decodeErr(sh.part, err)
		}
		var se *xml.SyntaxError
		if errors.As(err, &se) || errors.Is(err, errBadCell) {
			return nil, corrupt("XML "+sh.name, err)
		}
		return nil, decodeErr(sh.part, err)
	}
	return s.merges, nil
}

var errBadCell = errors.New("bad cell")

type sheetScanner struct {
	p      *pkg
	d      rawTokens
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

func (s *sheetScanner) run() error {
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
				if a, ok := parseArea(attr(t, "ref")); ok {
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

func (s *sheetScanner) startRow(t xml.StartElement) error {
	n := s.lastRow + 1
	if v := attr(t, "r"); v != "" {
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
	h := attr(t, "hidden")
	s.row = &srow{num: n, hidden: h == "1" || h == "true"}
	s.lastRow, s.lastCol = n, 0
	return nil
}

func (s *sheetScanner) startCell(t xml.StartElement) error {
	s.inCell = true
	s.col = s.lastCol + 1
	s.ref = ""
	if v := attr(t, "r"); v != "" {
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
	s.typ = attr(t, "t")
	s.style = 0
	if v := attr(t, "s"); v != "" {
		s.style, _ = strconv.Atoi(v)
	}
	s.val.Reset()
	return nil
}

func (s *sheetScanner) endCell() error {
	s.inCell, s.inV, s.inT, s.inIS = false, false, false, false
	raw := s.val.String()
	c := report.Cell{}
	switch s.typ {
	case "s":
		if strings.TrimSpace(raw) == "" {
			return nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(raw))
		if err != nil || i < 0 || i >= len(s.p.strs) {
			return fmt.Errorf("%w: shared string %q out of range in row %d", errBadCell, raw, s.row.num)
		}
		c.Text = s.p.strs[i]
	case "inlineStr", "str", "e":
		c.Text = unescapeOOXML(raw)
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

// splitRef parses "AB12" into column 28 and row 12; a reference without a
// row ("AB") gives row 0.
func splitRef(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
		if col > 16384 {
			return 0, 0, false
		}
	}
	if i == 0 {
		return 0, 0, false
	}
	if i == len(ref) {
		return col, 0, true
	}
	row, err := strconv.Atoi(ref[i:])
	return col, row, err == nil && row > 0
}

func parseArea(ref string) (area, bool) {
	ref = strings.ReplaceAll(strings.ToUpper(ref), "$", "")
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		b = a
	}
	c1, r1, ok1 := splitRef(a)
	c2, r2, ok2 := splitRef(b)
	if !ok1 || !ok2 || r1 == 0 || r2 == 0 || c2 < c1 || r2 < r1 {
		return area{}, false
	}
	return area{c1, r1, c2, r2}, true
}

// colName turns 1 into "A", 28 into "AB".
func colName(n int) string {
	var b [4]byte
	i := len(b)
	for n > 0 && i > 0 {
		n--
		i--
		b[i] = byte('A' + n%26)
		n /= 26
	}
	return string(b[i:])
}
