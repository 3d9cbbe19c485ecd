package xlsx

import (
	"time"

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
	body := &wstreamed{cols: len(cols), rows: last,
		pieces: max(1, (len(r.Entries)+wTaskPiece-1)/wTaskPiece), piece: t.piece}
	body.prefetch(b.fastPool(), wPrefetchRows/wTaskPiece)
	b.body(sh, body)
}

// wPrefetchRows is how many rows of a streamed sheet are made ahead, while
// the lists are built: a 100,000-task month entirely (about 20 MB
// deflated), a larger one in part.
const wPrefetchRows = 128 << 10

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
}

func newWTaskRows(b *wbook, cols []wcolumn, r *report.Result, lang report.Lang) *wtaskRows {
	t := &wtaskRows{r: r, lang: lang, cols: cols, state: map[report.Status]int{},
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
func (t *wtaskRows) piece(i int, dst []byte) []byte {
	if i == 0 {
		dst = t.header(dst)
	}
	from := i * wTaskPiece
	to := min(from+wTaskPiece, len(t.r.Entries))
	var cells []byte
	for k := from; k < to; k++ {
		var lines int
		cells, lines = t.cells(cells[:0], k)
		dst = appendRowStart(dst, k+2, wRowHeight(lines, 0))
		dst = append(append(dst, cells...), wRowEnd...)
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
func (t *wtaskRows) cells(dst []byte, k int) ([]byte, int) {
	e := &t.r.Entries[k]
	row := k + 2
	lines := 1
	text := func(col int, s string) {
		var n int
		dst, n = appendTextCellLines(dst, col, row, t.text[col-1], s, t.cols[col-1].width)
		lines = max(lines, n)
	}
	dst = appendIntCell(dst, 1, row, t.text[0], int64(k+1))
	text(2, t.r.SectorName(e.Sector))
	text(3, e.ID)
	text(4, e.Title)
	text(5, e.Lead)
	text(6, e.Output)
	text(7, e.SubmitTo)
	if e.Deadline.IsZero() {
		text(8, e.DeadlineText)
	} else {
		dst = t.dateCell(dst, 8, row, e.Deadline)
	}
	var stage string
	if e.Reported {
		stage = e.Row.StageText
		if e.Row.Stage != report.StageUnknown {
			stage = e.Row.Stage.Label(t.lang)
		}
	}
	text(9, stage)
	status, ok := t.state[e.Status]
	if !ok {
		status = t.text[wTaskStatusCol-1]
	}
	var n int
	dst, n = appendTextCellLines(dst, wTaskStatusCol, row, status, e.Status.Label(t.lang), t.cols[wTaskStatusCol-1].width)
	lines = max(lines, n)
	if e.Row.DoneDate.IsZero() {
		dst = appendEmptyCell(dst, 11, row, t.text[10])
	} else {
		dst = t.dateCell(dst, 11, row, e.Row.DoneDate)
	}
	text(12, e.Row.IssuedDoc)
	text(13, e.Officer)
	text(14, e.Row.Difficulties)
	text(15, e.Row.Proposals)
	text(16, e.Source)
	if e.Reported && e.Row.Row > 0 {
		dst = appendIntCell(dst, 17, row, t.text[16], int64(e.Row.Row))
	} else {
		dst = appendEmptyCell(dst, 17, row, t.text[16])
	}
	return dst, lines
}

// dateCell writes a date cell.
func (t *wtaskRows) dateCell(dst []byte, col, row int, d time.Time) []byte {
	return appendIntCell(dst, col, row, t.date[col-1], int64(wSerial(d)))
}
