package xlsx

import (
	"bytes"
	"errors"
	"fmt"
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

// clone returns a copy of r that outlives the scan.
func (r *srow) clone() *srow {
	c := *r
	c.cells = append([]rcell(nil), r.cells...)
	return &c
}

// scanSheet streams a worksheet part and calls fn for every row that has a
// non-empty cell, in order. The row passed to fn is reused for the next
// one: fn keeps a copy (srow.clone) if it needs it. fn returns false to
// stop early; merges are then incomplete. Any doubt about the part (bad
// XML, rows out of order, shared-string index out of range, non-numeric
// number) is an error: the caller refuses the file rather than use a
// partial read.
func (p *pkg) scanSheet(sh sheetRef, fn func(*srow) bool) ([]area, *pkgError) {
	rc, perr := p.open(sh.part)
	if perr != nil {
		return nil, perr
	}
	if rc == nil {
		return nil, corrupt("ZIP", fmt.Errorf("missing part %s", sh.part))
	}
	defer rc.Close()
	x := newXMLScanner(rc)
	defer x.release()
	s := sheetScanner{p: p, x: x, fn: fn}
	if err := s.run(); err != nil {
		var tm errTooManyRows
		var se *xmlSyntaxError
		switch {
		case errors.As(err, &tm):
			f := report.Finding{Sheet: sh.name, Code: report.CodeSheetTooLarge, Severity: report.Error,
				Value: strconv.Itoa(tm.row), Want: strconv.Itoa(maxSheetRows)}
			return nil, &pkgError{finding: f, err: err}
		case errors.As(err, &se), errors.Is(err, errBadCell):
			return nil, corrupt("XML "+sh.name, err)
		}
		return nil, decodeErr(sh.part, err)
	}
	return s.merges, nil
}

var errBadCell = errors.New("bad cell")

// cellType is the t attribute of a cell.
type cellType uint8

const (
	cellNumber  cellType = iota // "n" or none
	cellShared                  // "s"
	cellInline                  // "inlineStr"
	cellFormula                 // "str": a formula's text result
	cellError                   // "e"
	cellBool                    // "b"
	cellDate                    // "d": ISO 8601 text
	cellUnknown
)

func parseCellType(v []byte) cellType {
	switch string(v) {
	case "", "n":
		return cellNumber
	case "s":
		return cellShared
	case "inlineStr":
		return cellInline
	case "str":
		return cellFormula
	case "e":
		return cellError
	case "b":
		return cellBool
	case "d":
		return cellDate
	}
	return cellUnknown
}

// sheetScanner turns the tokens of a worksheet into rows. The strings of a
// row (references, numbers as written, inline text) are gathered in one
// buffer and become one string when the row ends: a row costs one
// allocation for all of them, and shared strings are never copied.
type sheetScanner struct {
	p      *pkg
	x      *xmlScanner
	fn     func(*srow) bool
	merges []area

	row     srow
	inRow   bool
	inData  bool
	lastRow int
	lastCol int

	// the current cell
	inCell             bool
	col                int
	typ                cellType
	style              int
	refA, refB         int // its reference in arena
	val                []byte
	inV, inT, inIS, ph bool

	arena []byte     // the row's strings
	pend  []pendCell // the row's cells, waiting for its strings
}

// pendCell is a cell whose Ref (and Text, when txtA >= 0) are spans of the
// row's arena.
type pendCell struct {
	col        int
	cell       report.Cell
	refA, refB int
	txtA, txtB int
}

func (s *sheetScanner) run() error {
	for {
		k, err := s.x.next()
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			return nil
		case tokStart:
			if err := s.start(); err != nil {
				return err
			}
		case tokText:
			if s.inV || s.inT {
				s.val = append(s.val, s.x.text...)
			}
		case tokEnd:
			switch string(s.x.local) {
			case "sheetData":
				s.inData = false
			case "row":
				if s.inRow {
					s.inRow = false
					if !s.endRow() {
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
				s.ph = false
			}
		}
	}
}

func (s *sheetScanner) start() error {
	switch string(s.x.local) {
	case "sheetData":
		s.inData = true
	case "row":
		if s.inData {
			return s.startRow()
		}
	case "c":
		if s.inRow {
			return s.startCell()
		}
	case "v":
		s.inV = s.inCell
	case "is":
		s.inIS = s.inCell
	case "t":
		s.inT = s.inIS && !s.ph
	case "rPh":
		s.ph = true
	case "mergeCell":
		v, _ := s.x.attr("ref")
		if a, ok := parseArea(string(v)); ok {
			s.merges = append(s.merges, a)
		}
	}
	return nil
}

func (s *sheetScanner) startRow() error {
	n := s.lastRow + 1
	if v, _ := s.x.attr("r"); len(v) > 0 {
		var err error
		if n, err = strconv.Atoi(bytesView(v)); err != nil || n < 1 {
			return fmt.Errorf("%w: row number %q", errBadCell, v)
		}
		if n <= s.lastRow {
			return fmt.Errorf("%w: row %d after row %d", errBadCell, n, s.lastRow)
		}
	}
	if n > maxSheetRows {
		return errTooManyRows{n}
	}
	h, _ := s.x.attr("hidden")
	s.row.num, s.row.hidden = n, string(h) == "1" || string(h) == "true"
	s.row.cells = s.row.cells[:0]
	s.arena, s.pend = s.arena[:0], s.pend[:0]
	s.inRow = true
	s.lastRow, s.lastCol = n, 0
	return nil
}

func (s *sheetScanner) startCell() error {
	s.inCell = true
	s.col = s.lastCol + 1
	hasRef := false
	if v, _ := s.x.attr("r"); len(v) > 0 {
		c, r, ok := splitRef(bytesView(v))
		if !ok || (r != 0 && r != s.row.num) {
			return fmt.Errorf("%w: cell reference %q in row %d", errBadCell, v, s.row.num)
		}
		if c <= s.lastCol {
			return fmt.Errorf("%w: cell %q out of order", errBadCell, v)
		}
		s.col = c
		if r != 0 {
			// Already the A1 reference: no need to build one.
			s.refA = len(s.arena)
			s.arena = append(s.arena, v...)
			s.refB = len(s.arena)
			hasRef = true
		}
	}
	if s.col > 16384 {
		return fmt.Errorf("%w: column %d", errBadCell, s.col)
	}
	if !hasRef {
		s.refA = len(s.arena)
		s.arena = appendColName(s.arena, s.col)
		s.arena = strconv.AppendInt(s.arena, int64(s.row.num), 10)
		s.refB = len(s.arena)
	}
	s.lastCol = s.col
	t, _ := s.x.attr("t")
	s.typ = parseCellType(t)
	s.style = 0
	if v, _ := s.x.attr("s"); len(v) > 0 {
		s.style, _ = strconv.Atoi(bytesView(v))
	}
	s.val = s.val[:0]
	return nil
}

func (s *sheetScanner) endCell() error {
	s.inCell, s.inV, s.inT, s.inIS = false, false, false, false
	raw := s.val
	pc := pendCell{col: s.col, refA: s.refA, refB: s.refB, txtA: -1}
	c := &pc.cell
	text := func(b []byte) {
		pc.txtA = len(s.arena)
		s.arena = append(s.arena, b...)
		pc.txtB = len(s.arena)
	}
	switch s.typ {
	case cellShared:
		t := bytes.TrimSpace(raw)
		if len(t) == 0 {
			return nil
		}
		i, err := strconv.Atoi(bytesView(t))
		if err != nil || i < 0 || i >= len(s.p.strs) {
			return fmt.Errorf("%w: shared string %q out of range in row %d", errBadCell, raw, s.row.num)
		}
		c.Text = s.p.strs[i]
	case cellInline, cellFormula, cellError:
		pc.txtA = len(s.arena)
		s.arena = appendUnescapeOOXML(s.arena, raw)
		pc.txtB = len(s.arena)
	case cellBool:
		switch string(bytes.TrimSpace(raw)) {
		case "1", "true":
			c.Text = "TRUE"
		case "0", "false":
			c.Text = "FALSE"
		default:
			return nil
		}
	case cellDate:
		text(raw)
		c.IsDate = true
	case cellUnknown:
		return fmt.Errorf("%w: unknown cell type in row %d", errBadCell, s.row.num)
	default:
		t := bytes.TrimSpace(raw)
		if len(t) == 0 {
			return nil // formula without a cached value, or a styled blank
		}
		f, err := strconv.ParseFloat(bytesView(t), 64)
		if err != nil {
			return fmt.Errorf("%w: number %q in row %d", errBadCell, t, s.row.num)
		}
		text(t)
		c.Number, c.IsNumber = f, true
	}
	if s.style >= 0 && s.style < len(s.p.styles) {
		st := s.p.styles[s.style]
		c.IsDate = c.IsDate || st.date
		c.Percent = st.percent
		c.Font = st.font
	}
	s.pend = append(s.pend, pc)
	return nil
}

// endRow makes the row's strings, drops its empty cells and hands the row
// to fn; it returns false when fn asks to stop.
func (s *sheetScanner) endRow() bool {
	if len(s.pend) == 0 {
		return true
	}
	strs := string(s.arena)
	for _, pc := range s.pend {
		c := pc.cell
		if pc.txtA >= 0 {
			c.Text = strs[pc.txtA:pc.txtB]
		}
		// c.Empty(), without trimming a text that starts visibly.
		if t := c.Text; !c.IsNumber && (t == "" || t[0] <= ' ' || t[0] >= 0x7f) && c.Empty() {
			continue
		}
		c.Ref = strs[pc.refA:pc.refB]
		s.row.cells = append(s.row.cells, rcell{pc.col, c})
	}
	return len(s.row.cells) == 0 || s.fn(&s.row)
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
	return string(appendColName(b[:0], n))
}

// appendColName appends the letters of column n to dst.
func appendColName(dst []byte, n int) []byte {
	var b [4]byte
	i := len(b)
	for n > 0 && i > 0 {
		n--
		i--
		b[i] = byte('A' + n%26)
		n /= 26
	}
	return append(dst, b[i:]...)
}
