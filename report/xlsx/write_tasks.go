package xlsx

import (
	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
)

// taskColumns is the full task table of the consolidated workbook.
func taskColumns(lang report.Lang) []wcolumn {
	return []wcolumn{
		{lang.Pick("STT", "No."), 5, "center"},
		{lang.Pick("Ngành", "Sector"), 12, ""},
		{lang.Pick("Mã nhiệm vụ", "Task ID"), 9, ""},
		{lang.Pick("Tên nhiệm vụ", "Task"), 34, ""},
		{lang.Pick("Cơ quan chủ trì", "Lead agency"), 14, ""},
		{lang.Pick("Sản phẩm", "Output"), 10, ""},
		{lang.Pick("Cấp trình", "Submit to"), 11, ""},
		{lang.Pick("Thời hạn", "Deadline"), 11, "center"},
		{lang.Pick("Giai đoạn", "Stage"), 14, ""},
		{lang.Pick("Tình trạng", "Status"), 13, ""},
		{lang.Pick("Ngày hoàn thành", "Completed on"), 11, "center"},
		{lang.Pick("Văn bản ban hành", "Issued document"), 18, ""},
		{lang.Pick("Cán bộ phụ trách", "Officer"), 13, ""},
		{lang.Pick("Khó khăn, vướng mắc", "Difficulties"), 22, ""},
		{lang.Pick("Đề xuất, kiến nghị", "Proposals"), 22, ""},
		{lang.Pick("Tệp nguồn", "Source file"), 14, ""},
		{lang.Pick("Dòng", "Row"), 6, "center"},
	}
}

// wTaskPiece is the number of task rows deflated as one piece.
const wTaskPiece = 256

// taskSheet sets up the full task table: print setup, filter, frozen
// header. Its rows are made while the workbook is written (wstreamed), by
// every core, so that a national roll-up of a million tasks neither waits
// on one core nor is held in memory.
func (b *wbook) taskSheet(sh string, r *report.Result, lang report.Lang) {
	cols := taskColumns(lang)
	last := len(r.Entries) + 1
	for i, c := range cols {
		b.width(sh, i+1, c.width)
	}
	b.landscape(sh, "$1:$1", lang)
	b.do(b.f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{
		OddHeader: "&C&\"Times New Roman,Bold\"&11" + lang.Pick("Tổng hợp nhiệm vụ trọng tâm — ", "Key tasks — ") +
			report.PeriodText(r.Period, lang),
		OddFooter: "&C&\"Times New Roman\"&10" + lang.Pick("Trang &P/&N", "Page &P of &N"),
	}))
	b.do(b.f.AutoFilter(sh, "A1:"+wRef(len(cols), last), nil))
	fit := true // AutoFilter replaces the sheet properties: fit to page again
	b.do(b.f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}))
	b.freezeRows(sh, 1)
	t := newWTaskRows(b, cols, r, lang)
	b.body(sh, &wstreamed{cols: len(cols), rows: last,
		pieces: max(1, (len(r.Entries)+wTaskPiece-1)/wTaskPiece), piece: t.piece})
}

// wtaskRows makes the XML of the task table's rows. Its styles are created
// beforehand: the rows are made in the pool's workers, while excelize
// writes the rest of the workbook, and must not touch it.
type wtaskRows struct {
	r     *report.Result
	lang  report.Lang
	cols  []wcolumn
	head  int
	text  []int // style of a text or number cell, by column
	date  []int // of a date cell
	state map[report.Status]int
	sst   *wsst
}

func newWTaskRows(b *wbook, cols []wcolumn, r *report.Result, lang report.Lang) *wtaskRows {
	t := &wtaskRows{r: r, lang: lang, cols: cols, state: map[report.Status]int{}, sst: b.sst,
		head: b.style(wstyle{bold: true, border: true, fill: wHead, halign: "center", valign: "center", wrap: true})}
	for _, c := range cols {
		t.text = append(t.text, b.style(wstyle{border: true, wrap: true, halign: c.align}))
		t.date = append(t.date, b.style(wstyle{border: true, wrap: true, halign: "center", date: true}))
	}
	for _, k := range wStatusKeys { // every status, in a fixed order
		t.state[k.status] = b.style(wstyle{border: true, wrap: true, halign: cols[wTaskStatusCol-1].align, fill: wStatusColors[k.status][0]})
	}
	return t
}

const wTaskStatusCol = 10

// piece makes the rows of the i-th piece: the header and then the entries
// i·wTaskPiece onwards.
func (t *wtaskRows) piece(i int, w *wscratch, dst []byte) []byte {
	if i == 0 {
		dst = t.header(dst)
	}
	from := i * wTaskPiece
	to := min(from+wTaskPiece, len(t.r.Entries))
	for k := from; k < to; k++ {
		var lines int
		w.cells, lines = t.cells(w.cells[:0], k, &w.seen)
		dst = appendRowStart(dst, k+2, wRowHeight(lines, 0))
		dst = append(append(dst, w.cells...), wRowEnd...)
	}
	return dst
}

func (t *wtaskRows) header(dst []byte) []byte {
	lines := 1
	for _, c := range t.cols {
		lines = max(lines, wLines(c.head, c.width))
	}
	dst = appendRowStart(dst, 1, wRowHeight(lines, 0))
	for i, c := range t.cols {
		dst = appendTextCell(dst, i+1, 1, t.head, c.head)
	}
	return append(dst, wRowEnd...)
}

// cells writes the cells of entry k (row k+2) in taskColumns order,
// bordered and wrapped, and returns the lines its longest text takes: the
// row's height follows from it.
func (t *wtaskRows) cells(dst []byte, k int, seen *wsstCache) ([]byte, int) {
	e := &t.r.Entries[k]
	row := k + 2
	lines := 1
	for col := 1; col <= len(t.cols); col++ {
		style := t.text[col-1]
		switch col {
		case 1:
			dst = appendIntCell(dst, col, row, style, int64(k+1))
			continue
		case 8:
			if !e.Deadline.IsZero() {
				dst = appendIntCell(dst, col, row, t.date[col-1], int64(wSerial(e.Deadline)))
				continue
			}
		case wTaskStatusCol:
			if s, ok := t.state[e.Status]; ok {
				style = s
			}
		case 11:
			if e.Row.DoneDate.IsZero() {
				dst = appendEmptyCell(dst, col, row, style)
			} else {
				dst = appendIntCell(dst, col, row, t.date[col-1], int64(wSerial(e.Row.DoneDate)))
			}
			continue
		case 17:
			if e.Reported && e.Row.Row > 0 {
				dst = appendIntCell(dst, col, row, style, int64(e.Row.Row))
			} else {
				dst = appendEmptyCell(dst, col, row, style)
			}
			continue
		}
		s := wTaskText(t.r, t.lang, e, col)
		var n int
		if slot := wTaskSharedSlot[col]; slot > 0 && s != "" {
			if i, ok := seen.lookup(t.sst, col, s); ok {
				dst = appendSharedCell(dst, col, row, style, i)
				lines = max(lines, t.sst.lines(i, slot-1))
				continue
			}
		}
		dst, n = appendTextCellLines(dst, col, row, style, s, t.cols[col-1].width)
		lines = max(lines, n)
	}
	return dst, lines
}

// wTaskText is the text of column col (1-based) of the task table for e,
// "" for the columns of numbers and dates.
func wTaskText(r *report.Result, lang report.Lang, e *report.Entry, col int) string {
	switch col {
	case 2:
		return r.SectorName(e.Sector)
	case 3:
		return e.ID
	case 4:
		return e.Title
	case 5:
		return e.Lead
	case 6:
		return e.Output
	case 7:
		return e.SubmitTo
	case 8:
		if e.Deadline.IsZero() {
			return e.DeadlineText
		}
	case 9:
		return wStage(e, lang)
	case wTaskStatusCol:
		return e.Status.Label(lang)
	case 12:
		return e.Row.IssuedDoc
	case 13:
		return e.Officer
	case 14:
		return e.Row.Difficulties
	case 15:
		return e.Row.Proposals
	case 16:
		return e.Source
	}
	return ""
}

// wTaskShared are the task table's columns whose texts repeat from row to
// row and are few however many tasks there are (sector, lead agency,
// output, submit-to, stage, status, officer, source file): they go to the
// shared-string table. wTaskSharedSlot[col] is 1 + the column's place in it.
var wTaskShared = [...]int{2, 5, 6, 7, 9, wTaskStatusCol, 13, 16}

var wTaskSharedSlot = func() (slot [18]int) {
	for i, col := range wTaskShared {
		slot[col] = i + 1
	}
	return slot
}()
