package xlsx

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
)

// The workbooks tonghop writes share one look: Times New Roman, thin
// borders, dates as real date cells shown dd/mm/yyyy.
const (
	wFontName   = "Times New Roman"
	wFontSize   = 11.0
	wDateFormat = "dd/mm/yyyy"
	wLineHeight = 14.0 // points per wrapped line at 11 pt
	wA4         = 9    // paper size code of A4
)

// wstyle is a cell style as a comparable value, so that styles are created
// once and shared.
type wstyle struct {
	bold, italic bool
	size         float64 // 0 means wFontSize
	color        string  // font colour, "" black
	fill         string  // background, "" none
	halign       string  // "", "center", "right"
	valign       string  // "" top
	wrap         bool
	border       bool
	date         bool   // dd/mm/yyyy
	numFmt       string // custom number format
	unlocked     bool
}

// wbook wraps an excelize file and keeps the first error, so that writing
// code reads as a list of cells rather than a list of error checks.
type wbook struct {
	f      *excelize.File
	err    error
	styles map[wstyle]int
	sheets int
	dims   map[string][2]int // last column and row written, per sheet
	// merges waits for finish: excelize checks every existing merge on
	// each later cell write, which made writing quadratic.
	merges []wmerge
	// bodies are the sheets whose rows the workbook writes itself (see
	// wzip), by sheet name; pool deflates them.
	bodies map[string]wbody
	pool   *wpool
	folded map[string]string // see fold
	sst    *wsst             // the shared strings of the rows written by us
	// frozen is set once the workbook is being written: styles can no
	// longer be made (late says one was needed).
	frozen bool
	late   atomic.Bool
}

type wmerge struct{ sheet, from, to string }

func newWBook() *wbook {
	b := &wbook{f: excelize.NewFile(), styles: map[wstyle]int{}, dims: map[string][2]int{}}
	b.f.SetZipWriter(newZipWriter)
	b.do(b.f.SetDefaultFont(wFontName))
	return b
}

func (b *wbook) do(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

// sheet adds a sheet; the first one takes the place of the default "Sheet1".
func (b *wbook) sheet(name string) {
	b.sheets++
	if b.sheets == 1 {
		b.do(b.f.SetSheetName("Sheet1", name))
		return
	}
	_, err := b.f.NewSheet(name)
	b.do(err)
}

func (b *wbook) style(s wstyle) int {
	if id, ok := b.styles[s]; ok {
		return id
	}
	if b.frozen { // a worker writing a table: the map is only read now
		b.late.Store(true)
		return 0
	}
	size := s.size
	if size == 0 {
		size = wFontSize
	}
	st := &excelize.Style{
		Font:       &excelize.Font{Family: wFontName, Size: size, Bold: s.bold, Italic: s.italic, Color: s.color},
		Alignment:  &excelize.Alignment{Horizontal: s.halign, Vertical: s.valign, WrapText: s.wrap},
		Protection: &excelize.Protection{Locked: !s.unlocked},
	}
	if st.Alignment.Vertical == "" {
		st.Alignment.Vertical = "top"
	}
	if s.fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{s.fill}}
	}
	if s.border {
		for _, side := range []string{"left", "right", "top", "bottom"} {
			st.Border = append(st.Border, excelize.Border{Type: side, Color: "000000", Style: 1})
		}
	}
	switch {
	case s.date:
		f := wDateFormat
		st.CustomNumFmt = &f
	case s.numFmt != "":
		f := s.numFmt
		st.CustomNumFmt = &f
	}
	id, err := b.f.NewStyle(st)
	b.do(err)
	b.styles[s] = id
	return id
}

// set writes one cell. A time.Time becomes a date cell (empty when zero).
func (b *wbook) set(sheet string, col, row int, v any, s wstyle) {
	ref := wRef(col, row)
	d := b.dims[sheet]
	b.dims[sheet] = [2]int{max(d[0], col), max(d[1], row)}
	v, date := wValue(v)
	s.date = s.date || date
	if v != nil {
		b.do(b.f.SetCellValue(sheet, ref, v))
	}
	b.do(b.f.SetCellStyle(sheet, ref, ref, b.style(s)))
}

// wValue is what a cell holds for v: a date is its serial number (date
// says so: the cell needs a date format), a zero date nothing.
func wValue(v any) (_ any, date bool) {
	t, ok := v.(time.Time)
	switch {
	case !ok:
		return v, false
	case t.IsZero():
		return nil, false
	}
	return wSerial(t), true
}

func (b *wbook) merge(sheet string, c1, r1, c2, r2 int) {
	b.merges = append(b.merges, wmerge{sheet, wRef(c1, r1), wRef(c2, r2)})
}

// applyMerges merges the cells collected by merge, once all are written.
func (b *wbook) applyMerges() {
	for _, m := range b.merges {
		b.do(b.f.MergeCell(m.sheet, m.from, m.to))
	}
	b.merges = nil
}

func (b *wbook) width(sheet string, col int, w float64) {
	c := wCol(col)
	b.do(b.f.SetColWidth(sheet, c, c, w))
}

func (b *wbook) height(sheet string, row int, h float64) {
	b.do(b.f.SetRowHeight(sheet, row, h))
}

// landscape sets A4 landscape, fit to one page wide, narrow margins, the
// given rows repeated on every page ("" for none) and page numbers in the footer.
func (b *wbook) landscape(sheet, titleRows string, lang report.Lang) {
	b.printSetup(sheet, "landscape", titleRows, lang)
}

func (b *wbook) printSetup(sheet, orientation, titleRows string, lang report.Lang) {
	size, one, tall := wA4, 1, 0
	fit := true
	b.do(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &one, FitToHeight: &tall,
	}))
	b.do(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
	l, r, tb, hf := 0.4, 0.4, 0.6, 0.3
	b.do(b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: &l, Right: &r, Top: &tb, Bottom: &tb, Header: &hf, Footer: &hf,
	}))
	b.do(b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddFooter: "&C&\"Times New Roman\"&10" + lang.Pick("Trang &P/&N", "Page &P of &N"),
	}))
	if titleRows != "" {
		b.do(b.f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", RefersTo: wQuote(sheet) + "!" + titleRows, Scope: sheet,
		}))
	}
}

// body makes sheet one whose rows the workbook writes itself.
func (b *wbook) body(sheet string, w wbody) {
	if b.bodies == nil {
		b.bodies = map[string]wbody{}
	}
	b.bodies[sheet] = w
}

func (b *wbook) fastPool() *wpool {
	if b.pool == nil {
		b.pool = newDefaultWPool()
	}
	return b.pool
}

// wMaxRows is the number of rows of an Excel sheet (a variable so that
// tests need not build a million tasks).
var wMaxRows = excelize.TotalRows

// RowLimitError says that a sheet would have more rows than Excel allows:
// no workbook is written rather than one Excel cannot open.
type RowLimitError struct {
	Sheet       string
	Rows, Limit int
}

func (e *RowLimitError) Error() string {
	return fmt.Sprintf("sheet %q needs %d rows, more than the %d of an Excel sheet", e.Sheet, e.Rows, e.Limit)
}

// finish fixes the document properties and writes the workbook.
func (b *wbook) finish(w io.Writer, title string, at time.Time) error {
	if b.pool != nil {
		defer b.pool.close()
	}
	b.applyMerges()
	for _, body := range b.bodies {
		body.end()
	}
	// openpyxl's read-only mode trusts the dimension; excelize leaves it A1.
	for _, sh := range b.f.GetSheetList() {
		d, ok := b.dims[sh]
		if body, fast := b.bodies[sh]; fast {
			d[0], d[1] = body.dims()
			ok = d[0] > 0
		}
		if ok && d[1] > wMaxRows {
			b.do(&RowLimitError{Sheet: sh, Rows: d[1], Limit: wMaxRows})
		}
		if ok {
			b.do(b.f.SetSheetDimension(sh, "A1:"+wRef(d[0], d[1])))
		}
	}
	stamp := at.UTC().Format(time.RFC3339)
	if at.IsZero() {
		stamp = "2000-01-01T00:00:00Z"
	}
	b.do(b.f.SetDocProps(&excelize.DocProperties{
		Title: title, Creator: "tonghop", LastModifiedBy: "tonghop",
		Created: stamp, Modified: stamp, Language: "vi-VN",
	}))
	if b.err == nil {
		stabilize(b.f)
		b.frozen = true
		b.err = b.write(w)
		if b.late.Load() && b.err == nil {
			b.err = errLateStyle
		}
	}
	if err := b.f.Close(); err != nil && b.err == nil {
		b.err = err
	}
	if b.err != nil {
		return fmt.Errorf("write workbook: %w", b.err)
	}
	return nil
}

// write saves the workbook to w, the sheets of b.bodies through wzip.
func (b *wbook) write(w io.Writer) error {
	if len(b.bodies) == 0 {
		_, err := b.f.WriteTo(w)
		return err
	}
	parts := map[string]wbody{}
	for id, sh := range b.f.GetSheetMap() {
		if body, ok := b.bodies[sh]; ok {
			// excelize names a new sheet's part after its sheet ID.
			parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", id)] = body
		}
	}
	if len(parts) != len(b.bodies) {
		return errors.New("a sheet written row by row is not in the workbook")
	}
	z := newWZip(w, b.fastPool(), parts, b.sst)
	b.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return z })
	// excelize's buffer stays empty: z writes to w.
	_, err := b.f.WriteTo(w)
	return err
}

// wRef returns the A1 reference of a 1-based column and row.
func wRef(col, row int) string {
	ref, _ := excelize.CoordinatesToCellName(col, row)
	return ref
}

// wCol returns the letters of a 1-based column.
func wCol(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// wQuote quotes a sheet name for a formula or defined name.
func wQuote(sheet string) string {
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
}

// wSerial converts a date to an Excel serial number (1900 date system).
func wSerial(t time.Time) float64 {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return float64(report.Days(base, d))
}

// wLines estimates how many lines text takes when wrapped in a column of
// the given width (in characters), by greedy word wrapping. Times New Roman
// fits slightly more than one character per width unit; one unit of slack
// keeps the estimate on the safe side. Lines end at line feeds; words are
// separated by white space (unicode.IsSpace) and measured in runes. It is
// called for every text cell of the workbook, so it allocates nothing.
func wLines(text string, width float64) int {
	w := newWWrap(width)
	if len(text) <= w.capacity && strings.IndexByte(text, '\n') < 0 {
		return 1 // no more runes than bytes: it all fits on one line
	}
	valid := utf8.ValidString(text)
	for i := 0; i < len(text); {
		c, space := text[i], false
		switch {
		case c < utf8.RuneSelf:
			space = wASCIISpace[c]
			i++
		case valid && !wSpaceLead[c]:
			// A rune that cannot be white space: count it by its first
			// byte, skip the rest.
			i++
			for i < len(text) && text[i]&0xC0 == 0x80 {
				i++
			}
		default:
			r, size := utf8.DecodeRuneInString(text[i:])
			space = wSpace(r)
			i += size
		}
		if space {
			w.space(c == '\n')
		} else {
			w.word++
		}
	}
	return w.total()
}

// wwrap wraps a text's words greedily into lines of capacity characters,
// as they are read.
type wwrap struct {
	capacity int
	lines    int // of the paragraphs before this one
	n, used  int // of this one: lines so far, characters on the last
	word     int // runes of the word being read
}

func newWWrap(width float64) wwrap { return wwrap{capacity: max(int(width)-1, 1), n: 1} }

// space ends the word being read, and the paragraph at a line feed.
func (w *wwrap) space(newline bool) {
	if w.word > 0 {
		w.place(w.word)
		w.word = 0
	}
	if newline {
		w.lines += w.n
		w.n, w.used = 1, 0
	}
}

// total is the number of lines of the text read, at least one.
func (w *wwrap) total() int {
	w.space(false)
	return max(w.lines+w.n, 1)
}

// place puts a word of l runes on the paragraph's lines.
func (w *wwrap) place(l int) {
	switch {
	case w.used == 0:
		w.used = l
	case w.used+1+l <= w.capacity:
		w.used += 1 + l
		return
	default:
		w.n++
		w.used = l
	}
	if w.used > w.capacity { // a word longer than the column breaks anywhere
		k := (w.used - 1) / w.capacity
		w.n += k
		w.used -= k * w.capacity
	}
}

var wASCIISpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// wSpaceLead marks the first bytes of the UTF-8 encodings of the white
// space runes above ASCII (U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000).
var wSpaceLead = [256]bool{0xC2: true, 0xE1: true, 0xE2: true, 0xE3: true}

// wSpace is unicode.IsSpace for a rune above ASCII, with a quick answer
// for the letters of Vietnamese text.
func wSpace(r rune) bool {
	switch {
	case r == 0x85 || r == 0xA0 || r == 0x1680 || r == 0x3000:
		return true
	case r < 0x2000 || r > 0x205F:
		// unicode.IsSpace searched a table for every rune of
		// U+1EA0–U+1EF9, half of the letters of Vietnamese text.
		return false
	}
	return unicode.IsSpace(r)
}

// wRowHeight is the height of a row whose tallest cell takes lines lines.
func wRowHeight(lines int, size float64) float64 {
	if size == 0 {
		size = wFontSize
	}
	per := wLineHeight * size / wFontSize
	return min(float64(lines)*per+3, wMaxRowHeight)
}

// wMaxRowHeight is the tallest row Excel allows, in points: a taller one is
// an error to excelize and a repair prompt in Excel. A cell of more text
// than that shows its start, and the whole text in the formula bar.
const wMaxRowHeight = 409

func (b *wbook) freezeRows(sheet string, rows int) {
	b.do(b.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: rows, TopLeftCell: wRef(1, rows+1), ActivePane: "bottomLeft",
	}))
}
