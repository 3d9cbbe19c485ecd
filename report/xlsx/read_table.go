package xlsx

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// headRows is how far down a sheet the reader looks for a header row (and
// for info rows): title blocks above a table are normal.
const headRows = 30

// header is a recognised header row, or a two-row header.
type header struct {
	first, last int                     // rows of the header
	cols        map[int]templates.Field // column -> field
	fields      [templates.NumFields]int
	n           int // distinct fields
}

func (h *header) has(f templates.Field) bool { return h.fields[f] != 0 }

// findHeader looks for the header row of a task table among the first rows
// of a sheet: the row (or pair of rows, for a two-row header with merged
// group cells above their sub-headers) with the most recognised columns.
func findHeader(rows []*srow) (header, bool) {
	var best header
	m := columnMatcher{}
	for i, r := range rows {
		if r.num > headRows {
			break
		}
		single := m.headerFrom(nil, r)
		if better(single, best) {
			best = single
		}
		if i+1 < len(rows) && rows[i+1].num == r.num+1 && m.lowerHeaderRow(rows[i+1]) {
			pair := m.headerFrom(r, rows[i+1])
			if pair.n > m.headerFrom(nil, rows[i+1]).n && better(pair, best) {
				best = pair
			}
		}
	}
	return best, best.n > 0
}

// better prefers more fields, then a header with a title column.
func better(a, b header) bool {
	if a.n < 2 || !a.has(templates.FieldTitle) && a.n < 4 {
		return false
	}
	return a.n > b.n
}

// columnMatcher remembers templates.MatchColumn's answers while a sheet's
// first rows are tried as headers: each cell is looked at several times,
// and folding a text is what costs.
type columnMatcher map[string]columnMatch

type columnMatch struct {
	f  templates.Field
	ok bool
}

// match tells which column a text cell names; numbers name none.
func (m columnMatcher) match(c report.Cell) (templates.Field, bool) {
	if c.IsNumber {
		return 0, false
	}
	r, seen := m[c.Text]
	if !seen {
		r.f, r.ok = templates.MatchColumn(c.Text)
		m[c.Text] = r
	}
	return r.f, r.ok
}

// lowerHeaderRow reports whether r can be the lower row of a two-row header:
// most of its text cells are column names.
func (m columnMatcher) lowerHeaderRow(r *srow) bool {
	matched, other := 0, 0
	for _, c := range r.cells {
		if numbering(c.Cell) {
			continue
		}
		if _, ok := m.match(c.Cell); ok {
			matched++
		} else {
			other++
		}
	}
	return matched > 0 && matched >= other
}

// headerFrom builds a header from row low, with upper as the group row
// above it (nil for a one-row header). A sub-header wins over its group
// cell; a group cell names a column whose sub-header cell is empty (a
// header merged over both rows).
func (m columnMatcher) headerFrom(upper, low *srow) header {
	h := header{first: low.num, last: low.num, cols: map[int]templates.Field{}}
	add := func(col int, f templates.Field) {
		if h.fields[f] == 0 {
			h.fields[f] = col
			h.cols[col] = f
			h.n++
		}
	}
	for _, c := range low.cells {
		if f, ok := m.match(c.Cell); ok {
			add(c.col, f)
		}
	}
	if upper != nil {
		h.first = upper.num
		for _, c := range upper.cells {
			if _, taken := low.cell(c.col); taken {
				continue
			}
			if f, ok := m.match(c.Cell); ok {
				add(c.col, f)
			}
		}
	}
	return h
}

// numbering reports whether c is a column-numbering cell under a header:
// "(1)", "1", "A", "(5)=(3)+(4)".
func numbering(c report.Cell) bool {
	if c.IsNumber {
		return c.Number >= 0 && c.Number <= 100 && c.Number == float64(int(c.Number))
	}
	t := strings.TrimSpace(c.Text)
	if t == "" || len(t) > 14 {
		return false
	}
	letters := 0
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9', strings.ContainsRune("()[]=+-*/x. ", r):
		case unicode.IsLetter(r):
			letters++
		default:
			return false
		}
	}
	return letters <= 2
}

// numberingRow reports whether every cell of r is a numbering cell.
func numberingRow(r *srow) bool {
	if len(r.cells) < 2 {
		return false
	}
	for _, c := range r.cells {
		if !numbering(c.Cell) {
			return false
		}
	}
	return true
}

// rowKind classifies a row under the header.
type rowKind int

const (
	rowData rowKind = iota
	rowBlank
	rowSkip   // section heading or total
	rowFooter // signature block: the table has ended
)

// fieldSet is a set of fields, a bit each.
type fieldSet uint32

func (s fieldSet) has(f templates.Field) bool { return s&(1<<f) != 0 }

func (s fieldSet) hasAny(fs ...templates.Field) bool {
	for _, f := range fs {
		if s.has(f) {
			return true
		}
	}
	return false
}

// classify tells data rows from blank rows, section headings ("I. LĨNH VỰC
// Y TẾ"), totals ("Tổng cộng") and the signature block under the table.
// cells are r's cells mapped onto the header's fields, filled the fields
// whose cells are not empty; firstCol is the header's first column.
func classify(h *header, firstCol int, r *srow, cells *[templates.NumFields]report.Cell, filled fieldSet) rowKind {
	if filled == 0 {
		if footerRow(r) {
			return rowFooter
		}
		return rowBlank
	}
	for _, f := range []templates.Field{templates.FieldNo, templates.FieldID, templates.FieldTitle} {
		if totalText(cells[f].Text) {
			return rowSkip
		}
	}
	// A task row always has a stage or an id; a row with neither that names
	// a signature ("Người lập biểu", "GIÁM ĐỐC") ends the table, even when
	// those words sit in the title or officer columns.
	if !filled.hasAny(templates.FieldStage, templates.FieldID) && footerRow(r) {
		return rowFooter
	}
	// "I" in the numbering column with a heading beside it, wherever the
	// heading sits, and nothing of a task's progress: a section row.
	if sectionNumber(cells[templates.FieldNo]) && !filled.hasAny(templates.FieldStage, templates.FieldDeadline,
		templates.FieldPercent, templates.FieldDoneDate, templates.FieldOfficer) {
		return rowSkip
	}
	if filled.hasAny(templates.FieldID, templates.FieldStage, templates.FieldDeadline,
		templates.FieldPercent, templates.FieldDoneDate, templates.FieldOfficer) {
		return rowData
	}
	if footerRow(r) {
		return rowFooter
	}
	// Only descriptive cells are filled: a heading when the text sits in the
	// numbering column or the first column alone, or reads like a heading.
	nonEmpty := bits.OnesCount32(uint32(filled))
	if nonEmpty == 1 {
		f := templates.Field(bits.TrailingZeros32(uint32(filled)))
		c := cells[f]
		if f == templates.FieldNo || h.fields[f] == firstCol || headingText(c.Text) {
			return rowSkip
		}
	}
	if nonEmpty == 2 && filled.has(templates.FieldNo) && sectionNumber(cells[templates.FieldNo]) {
		return rowSkip
	}
	return rowData
}

func firstColOf(h *header) int {
	first := 0
	for c := range h.cols {
		if first == 0 || c < first {
			first = c
		}
	}
	return first
}

var totalWords = map[string]bool{"tong cong": true, "cong": true, "tong": true, "tong so": true, "total": true, "tong cong toan nganh": true}

func totalText(s string) bool {
	if !maybeTotal(s) {
		return false
	}
	k := templates.Fold(s)
	return totalWords[k] || strings.HasPrefix(k, "tong cong ")
}

// maybeTotal is a quick test that rules out most texts without folding
// them (folding a long title costs microseconds, on every row): every
// total word folds to a text starting "tong", "cong" or "total", so a text
// whose first letter is another ASCII letter, a digit or '%', or whose
// second is an ASCII character other than 'o', is not one. Texts it
// cannot judge from ASCII alone get folded in full, except long ones:
// folding s up to an ASCII space gives a prefix of Fold(s), and a prefix
// of 20 or more bytes that does not start "tong cong" settles it.
func maybeTotal(s string) bool {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && !isASCIIAlnum(s[i]) && s[i] != '%' {
		i++
	}
	if i == len(s) {
		return true // nothing to fold: let Fold decide
	}
	if c := s[i]; c < utf8.RuneSelf {
		if c|0x20 != 't' && c|0x20 != 'c' {
			return false
		}
		if i+1 < len(s) && s[i+1] < utf8.RuneSelf && s[i+1]|0x20 != 'o' {
			return false
		}
	}
	if len(s) < 64 {
		return true
	}
	j := strings.IndexByte(s[32:], ' ')
	if j < 0 {
		return true
	}
	p := templates.Fold(s[:32+j])
	return len(p) < 20 || strings.HasPrefix(p, "tong cong")
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// footerRow reports whether r belongs to the signature block under a
// table: "Người lập", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)".
func footerRow(r *srow) bool {
	for _, c := range r.cells {
		if c.IsNumber {
			continue
		}
		k := templates.Fold(c.Text)
		for _, p := range footerPrefixes {
			if strings.HasPrefix(k, p) {
				return true
			}
		}
	}
	return false
}

var footerPrefixes = []string{
	"nguoi lap", "thu truong", "ky ghi ro", "ky va ghi ro", "ky ten", "ky dong dau", "lanh dao don vi",
	"xac nhan cua", "giam doc", "pho giam doc", "nguoi ky", "noi nhan",
}

// sectionNumber reports whether the STT cell numbers a section: "I",
// "II.", "A", "B-".
func sectionNumber(c report.Cell) bool {
	if c.IsNumber {
		return false
	}
	t := strings.TrimRight(strings.TrimSpace(c.Text), ".-)/:")
	if t == "" {
		return false
	}
	if strings.Trim(t, "IVXLC") == "" {
		return true
	}
	return len(t) == 1 && t[0] >= 'A' && t[0] <= 'Z'
}

// headingText reports whether a lone text reads like a section heading:
// "I. LĨNH VỰC Y TẾ", "A. Khối văn hóa", or all in capitals.
func headingText(s string) bool {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ".-)/:"); i > 0 && i <= 5 {
		if sectionNumber(report.Cell{Text: s[:i]}) {
			return true
		}
	}
	upper, lower := 0, 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			upper++
		} else if unicode.IsLower(r) {
			lower++
		}
	}
	return upper >= 3 && lower == 0
}

// tableReader collects the data rows under h from the rows of a sheet
// (given in order), stopping at the signature block.
type tableReader struct {
	h        *header
	byCol    []templates.Field // the field of each column (h.cols as a slice)
	firstCol int
	after    int // last header row, numbering rows included
	done     bool
	rows     []report.RawRow
	spare    [templates.NumFields]report.Cell // a row past the limit
	tooBig   bool
}

// newTableReader reads rows under h; about is how many rows the sheet says
// it has under the header, a hint for the row slice (rows are large: a
// cell per field).
func newTableReader(h *header, about int, buf []report.RawRow) *tableReader {
	t := &tableReader{h: h, after: h.last, firstCol: firstColOf(h)}
	for col, f := range h.cols {
		if col >= len(t.byCol) {
			t.byCol = append(t.byCol, make([]templates.Field, col+1-len(t.byCol))...)
		}
		t.byCol[col] = f
	}
	t.rows = buf
	if about > cap(buf) {
		t.rows = make([]report.RawRow, 0, min(about, maxRowsHint, maxTaskRows))
	}
	return t
}

// maxRowsHint caps the row slice a sheet's dimension makes the reader
// allocate before it has read the rows: a dimension may lie.
const maxRowsHint = 8192

func (t *tableReader) add(r *srow) {
	if t.done || r.num <= t.after {
		return
	}
	if len(t.rows) == 0 && r.num <= t.after+2 && numberingRow(r) {
		t.after = r.num
		return
	}
	// The row's cells go straight into the next row of the table, which
	// is taken back if the row is not a data row.
	full := len(t.rows) >= maxTaskRows
	var cells *[templates.NumFields]report.Cell
	if full {
		t.spare = [templates.NumFields]report.Cell{}
		cells = &t.spare
	} else {
		// The next slot is zero: fresh, or cleared when its row was taken
		// back. (Appending a RawRow literal copies a kilobyte.)
		if len(t.rows) == cap(t.rows) {
			t.rows = slices.Grow(t.rows, 1)
		}
		t.rows = t.rows[:len(t.rows)+1]
		rr := &t.rows[len(t.rows)-1]
		rr.Row, rr.Hidden = r.num, r.hidden
		cells = &rr.Cells
	}
	var filled fieldSet // the scanner hands out no empty cell
	for i := range r.cells {
		if c := &r.cells[i]; c.col < len(t.byCol) {
			if f := t.byCol[c.col]; f != templates.FieldNone {
				cells[f] = c.Cell
				filled |= 1 << f
			}
		}
	}
	kind := classify(t.h, t.firstCol, r, cells, filled)
	if kind != rowData {
		if !full {
			t.rows[len(t.rows)-1] = report.RawRow{}
			t.rows = t.rows[:len(t.rows)-1]
		}
		t.done = kind == rowFooter
		return
	}
	if full {
		t.tooBig, t.done = true, true
	}
}

// fillMerged copies the value of a merged range's top-left cell into the
// rows below it that the range covers: departments merge "Cơ quan chủ
// trì" or "Thời hạn" over the tasks they share. The copy keeps the
// top-left reference, which is where a correction goes.
func fillMerged(h *header, rows []report.RawRow, merges []area) {
	if len(merges) == 0 || len(rows) == 0 {
		return
	}
	index := make(map[int]int, len(rows))
	for i, r := range rows {
		index[r.Row] = i
	}
	for _, m := range merges {
		if m.r2 == m.r1 {
			continue
		}
		f, ok := h.cols[m.c1]
		if !ok || f == templates.FieldNo || f == templates.FieldID || f == templates.FieldTitle {
			continue
		}
		top, ok := index[m.r1]
		if !ok || rows[top].Cells[f].Empty() {
			continue
		}
		// Rows are in ascending order: walk those inside the range only.
		for i := top + 1; i < len(rows) && rows[i].Row <= m.r2; i++ {
			if rows[i].Cells[f].Empty() {
				rows[i].Cells[f] = rows[top].Cells[f]
			}
		}
	}
}
