package xlsx

import (
	"bytes"
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
	c, perr := p.openSheet(sh)
	if perr != nil {
		return nil, perr
	}
	defer c.close()
	if perr := c.scan(fn); perr != nil {
		return nil, perr
	}
	return c.s.merges, nil
}

// sheetCursor is a worksheet being scanned: a scan that fn stopped goes on
// where it stopped at the next call. The reader looks at the first rows of
// every sheet to find the task table, then reads the chosen sheet on
// without inflating and scanning its first rows again.
type sheetCursor struct {
	sh   sheetRef
	rc   io.ReadCloser
	s    sheetScanner
	done bool // the part has ended
	size int64
}

func (p *pkg) openSheet(sh sheetRef) (*sheetCursor, *pkgError) {
	rc, perr := p.openLimited(sh.part, p.limits().sheet)
	if perr != nil {
		return nil, perr
	}
	if rc == nil {
		return nil, corrupt("ZIP", fmt.Errorf("missing part %s", sh.part))
	}
	c := &sheetCursor{sh: sh, rc: rc, s: sheetScanner{p: p, x: newXMLScanner(rc)}}
	if f := p.files[strings.ToLower(sh.part)]; f != nil {
		c.size = int64(min(f.UncompressedSize64, 1<<62))
	}
	return c, nil
}

// aboutRows guesses how many rows the sheet has, to size the row slice: its
// dimension, or else (writers that stream leave "A1") the rows read so far
// scaled by the part's size over the bytes read so far. A hint only.
func (c *sheetCursor) aboutRows() int {
	if c.s.dimRows > 1 {
		return c.s.dimRows
	}
	if c.s.x == nil { // closed: read to its end
		return c.s.lastRow
	}
	read := c.s.x.off + int64(c.s.x.r)
	if read <= 0 || c.s.lastRow <= 0 || c.size <= read {
		return c.s.lastRow
	}
	return int(min(int64(c.s.lastRow)*c.size/read, maxSheetRows))
}

// scan calls fn for the next rows, as scanSheet does, until fn returns
// false or the part ends (then done is set).
func (c *sheetCursor) scan(fn func(*srow) bool) *pkgError {
	if c.done {
		return nil
	}
	c.s.fn = fn
	err := c.s.run()
	c.s.fn = nil
	if err == nil {
		c.done = c.s.eof
		return nil
	}
	c.done = true
	var tm errTooManyRows
	var se *xmlSyntaxError
	switch {
	case errors.As(err, &tm):
		f := report.Finding{Sheet: c.sh.name, Code: report.CodeSheetTooLarge, Severity: report.Error,
			Value: strconv.Itoa(tm.row), Want: strconv.Itoa(maxSheetRows)}
		return &pkgError{finding: f, err: err}
	case errors.As(err, &se), errors.Is(err, errBadCell):
		return corrupt("XML "+c.sh.name, err)
	}
	return decodeErr(c.sh.part, err)
}

// close releases the part and the scanner; nothing scan handed out may be
// used after.
func (c *sheetCursor) close() {
	if c.rc != nil {
		c.rc.Close()
		c.s.x.release()
		c.rc, c.s.x = nil, nil
	}
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

	arena []byte    // the row's strings
	recs  []cellRec // the row's cells until it ends

	eof     bool // the part has ended
	dimRows int  // the last row of the sheet's dimension, when it has one
}

// cellRec is a cell until its row ends: where its reference and text are
// (in the row's arena or the shared strings), its style, its value. No
// pointers: the row's cells are written once, at the row's end, with their
// strings (a pointer written while the collector runs costs a barrier).
type cellRec struct {
	col        int32
	style      int32
	refA, refB int32
	txtA, txtB int32 // the text's span in the arena, or the shared string's index in txtA
	text       textKind
	isNumber   bool
	isDate     bool
	number     float64
}

// textKind says where a cell's text is.
type textKind uint8

const (
	textNone textKind = iota
	textArena
	textShared
	textTrue
	textFalse
)

func (s *sheetScanner) run() error {
	var c cellTag
	for {
		if s.inRow && !s.ph && s.x.simpleCell(&c) {
			// Most cells: read whole, without a token for each part (an
			// inline string's text is taken as <t> outside <rPh> is).
			var err error
			if c.parsed {
				err = s.startCellAt(c.r(), int(c.col), int(c.row), true, int(c.style), parseCellType(c.t()))
			} else {
				err = s.startCell(c.r(), c.s(), c.t())
			}
			if err != nil {
				return err
			}
			s.val = append(s.val, c.v()...)
			if err := s.endCell(); err != nil {
				return err
			}
			continue
		}
		k, err := s.x.next()
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			s.eof = true
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
			r, _ := s.x.attr("r")
			st, _ := s.x.attr("s")
			t, _ := s.x.attr("t")
			return s.startCell(r, st, t)
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
	case "dimension":
		// Only a hint for sizing the row slice: a wrong one changes nothing.
		v, _ := s.x.attr("ref")
		if _, last, ok := strings.Cut(string(v), ":"); ok && s.dimRows == 0 {
			if _, r, ok := splitRef(strings.ReplaceAll(last, "$", "")); ok {
				s.dimRows = r
			}
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
	s.arena, s.recs = s.arena[:0], s.recs[:0]
	s.inRow = true
	s.lastRow, s.lastCol = n, 0
	return nil
}

// startCell starts a cell with the values of its r, s and t attributes.
func (s *sheetScanner) startCell(v, style, t []byte) error {
	col, row, ok := 0, 0, true
	if len(v) > 0 {
		col, row, ok = splitRefBytes(v)
	}
	st := 0
	if len(style) > 0 {
		st, _ = atoi(style)
	}
	return s.startCellAt(v, col, row, ok, st, parseCellType(t))
}

// startCellAt starts a cell: v is its reference as written (col and row
// parsed from it, ok false when it is not one), style its style number.
func (s *sheetScanner) startCellAt(v []byte, col, row int, ok bool, style int, typ cellType) error {
	s.inCell = true
	s.col = s.lastCol + 1
	hasRef := false
	if len(v) > 0 {
		c, r := col, row
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
		s.arena = appendCol(s.arena, s.col)
		s.arena = strconv.AppendInt(s.arena, int64(s.row.num), 10)
		s.refB = len(s.arena)
	}
	s.lastCol = s.col
	s.typ = typ
	s.style = style
	s.val = s.val[:0]
	return nil
}

func (s *sheetScanner) endCell() error {
	s.inCell, s.inV, s.inT, s.inIS = false, false, false, false
	raw := s.val
	c := cellRec{col: int32(s.col), style: int32(s.style), refA: int32(s.refA), refB: int32(s.refB)}
	if s.style != int(c.style) {
		c.style = -1 // out of range: no style
	}
	arena := func(b []byte) {
		c.txtA = int32(len(s.arena))
		s.arena = append(s.arena, b...)
		c.txtB, c.text = int32(len(s.arena)), textArena
	}
	switch s.typ {
	case cellShared:
		t := trimSpace(raw)
		if len(t) == 0 {
			return nil
		}
		i, err := atoi(t)
		if err != nil || i < 0 || i >= s.p.numStrings() {
			return fmt.Errorf("%w: shared string %q out of range in row %d", errBadCell, raw, s.row.num)
		}
		c.txtA, c.text = int32(i), textShared
	case cellInline, cellFormula, cellError:
		c.txtA = int32(len(s.arena))
		s.arena = appendUnescapeOOXML(s.arena, raw)
		c.txtB, c.text = int32(len(s.arena)), textArena
	case cellBool:
		switch string(trimSpace(raw)) {
		case "1", "true":
			c.text = textTrue
		case "0", "false":
			c.text = textFalse
		default:
			return nil
		}
	case cellDate:
		arena(raw)
		c.isDate = true
	case cellUnknown:
		return fmt.Errorf("%w: unknown cell type in row %d", errBadCell, s.row.num)
	default:
		t := trimSpace(raw)
		if len(t) == 0 {
			return nil // formula without a cached value, or a styled blank
		}
		f, err := parseFloat(t)
		if err != nil {
			return fmt.Errorf("%w: number %q in row %d", errBadCell, t, s.row.num)
		}
		arena(t)
		c.number, c.isNumber = f, true
	}
	s.recs = append(s.recs, c)
	return nil
}

// endRow makes the row's cells, with its strings, drops the empty ones and
// hands the row to fn; it returns false when fn asks to stop.
func (s *sheetScanner) endRow() bool {
	if len(s.recs) == 0 {
		return true
	}
	strs := string(s.arena)
	cells := s.row.cells[:0]
	for i := range s.recs {
		rec := &s.recs[i]
		var text string
		switch rec.text {
		case textArena:
			text = strs[rec.txtA:rec.txtB]
		case textShared:
			text = s.p.sharedString(int(rec.txtA))
		case textTrue:
			text = "TRUE"
		case textFalse:
			text = "FALSE"
		}
		// Cell.Empty, without trimming a text that starts visibly.
		if !rec.isNumber && (text == "" || text[0] <= ' ' || text[0] >= 0x7f) && (report.Cell{Text: text}).Empty() {
			continue
		}
		c := report.Cell{Ref: strs[rec.refA:rec.refB], Text: text, Number: rec.number, IsNumber: rec.isNumber, IsDate: rec.isDate}
		if rec.style >= 0 && int(rec.style) < len(s.p.styles) {
			st := &s.p.styles[rec.style]
			c.IsDate = c.IsDate || st.date
			c.Percent = st.percent
			c.Font = st.font
		}
		cells = append(cells, rcell{int(rec.col), c})
	}
	s.row.cells = cells
	return len(cells) == 0 || s.fn(&s.row)
}

// trimSpace is bytes.TrimSpace for the ASCII white space numbers and
// indexes come with, quick for none.
func trimSpace(b []byte) []byte {
	if len(b) > 0 && b[0] > ' ' && b[len(b)-1] > ' ' && b[0] < 0x80 && b[len(b)-1] < 0x80 {
		return b
	}
	return bytes.TrimSpace(b)
}

// atoi is strconv.Atoi of b, quick for the plain digits of indexes and
// style numbers.
func atoi(b []byte) (int, error) {
	if len(b) > 0 && len(b) <= 9 {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return strconv.Atoi(bytesView(b))
			}
			n = n*10 + int(c-'0')
		}
		return n, nil
	}
	return strconv.Atoi(bytesView(b))
}

// parseFloat is strconv.ParseFloat of b, quick for integers of up to 15
// digits (exact in a float64).
func parseFloat(b []byte) (float64, error) {
	if len(b) > 0 && len(b) <= 15 {
		n := int64(0)
		for _, c := range b {
			if c < '0' || c > '9' {
				return strconv.ParseFloat(bytesView(b), 64)
			}
			n = n*10 + int64(c-'0')
		}
		return float64(n), nil
	}
	return strconv.ParseFloat(bytesView(b), 64)
}

// splitRefBytes is splitRef of b, quick for a plain reference.
func splitRefBytes(b []byte) (col, row int, ok bool) {
	i := 0
	for i < len(b) && b[i] >= 'A' && b[i] <= 'Z' && i < 3 {
		col = col*26 + int(b[i]-'A'+1)
		i++
	}
	if i == 0 || i == len(b) || i == 3 || len(b)-i > 7 {
		return splitRef(bytesView(b))
	}
	for _, c := range b[i:] {
		if c < '0' || c > '9' {
			return splitRef(bytesView(b))
		}
		row = row*10 + int(c-'0')
	}
	if col > 16384 || row == 0 {
		return splitRef(bytesView(b))
	}
	return col, row, true
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
	return string(appendCol(b[:0], n))
}
