package xlsx

import (
	"time"

	"github.com/tonghop/tonghop/report"
)

// wcolumn is one column of a list sheet.
type wcolumn struct {
	head  string
	width float64
	align string // "", "center", "right"
}

// wfilled is a cell value with its own background (a status colour).
type wfilled struct {
	v    any
	fill string
}

// wmerged is a cell value spanning span columns.
type wmerged struct {
	v    any
	span int
}

// wlist writes a sheet made of titled sections of bordered tables that
// share one column grid. row is the last row written.
type wlist struct {
	b     *wbook
	sheet string
	cols  []wcolumn
	row   int
	span  int // columns of the current table (its header's width)
}

func (b *wbook) list(sheet string, cols []wcolumn) *wlist {
	b.sheet(sheet)
	for i, c := range cols {
		b.width(sheet, i+1, c.width)
	}
	return &wlist{b: b, sheet: sheet, cols: cols}
}

// line writes text across the whole grid.
func (l *wlist) line(text string, s wstyle) {
	l.row++
	s.wrap = true
	l.b.set(l.sheet, 1, l.row, text, s)
	l.b.merge(l.sheet, 1, l.row, len(l.cols), l.row)
	l.b.height(l.sheet, l.row, wRowHeight(wLines(text, l.gridWidth()), s.size)+2)
}

// title writes the sheet's title and the period line under it.
func (l *wlist) title(text string, r *report.Result, lang report.Lang) {
	l.line(text, wstyle{bold: true, size: 14, halign: "center", valign: "center"})
	l.line(periodLine(r, lang), wstyle{italic: true, halign: "center", valign: "center"})
}

func (l *wlist) section(text string) {
	l.row++ // a blank row before each section
	l.line(text, wstyle{bold: true, valign: "center"})
}

func (l *wlist) note(text string) {
	l.line(text, wstyle{italic: true})
}

// group writes a sub-heading row inside a table (an officer's tasks).
func (l *wlist) group(text string) {
	l.row++
	s := wstyle{bold: true, italic: true, border: true, fill: "F2F2F2", wrap: true}
	l.b.set(l.sheet, 1, l.row, text, s)
	l.b.fill(l.sheet, 2, l.row, len(l.cols), l.row, s)
	l.b.merge(l.sheet, 1, l.row, len(l.cols), l.row)
	l.b.height(l.sheet, l.row, wRowHeight(wLines(text, l.gridWidth()), 0))
}

// header writes a header row: the given texts, or the grid's own heads.
func (l *wlist) header(heads ...string) {
	if heads == nil {
		for _, c := range l.cols {
			heads = append(heads, c.head)
		}
	}
	l.row++
	l.span = len(heads)
	s := wstyle{bold: true, border: true, fill: wHead, halign: "center", valign: "center", wrap: true}
	lines := 1
	for i, h := range heads {
		l.b.set(l.sheet, i+1, l.row, h, s)
		lines = max(lines, wLines(h, l.cols[i].width))
	}
	l.b.height(l.sheet, l.row, wRowHeight(lines, 0))
}

// add writes one bordered data row. Values may be wfilled or wmerged.
func (l *wlist) add(values ...any) {
	l.row++
	lines, col := 1, 1
	for _, v := range values {
		s := wstyle{border: true, wrap: true, halign: l.cols[col-1].align}
		span := 1
		if m, ok := v.(wmerged); ok {
			v, span = m.v, m.span
		}
		if f, ok := v.(wfilled); ok {
			v, s.fill = f.v, f.fill
		}
		switch v.(type) {
		case time.Time, int:
			s.halign = "center"
		}
		l.b.set(l.sheet, col, l.row, v, s)
		width := 0.0
		for i := col; i < col+span; i++ {
			width += l.cols[i-1].width
		}
		if span > 1 {
			l.b.fill(l.sheet, col+1, l.row, col+span-1, l.row, s)
			l.b.merge(l.sheet, col, l.row, col+span-1, l.row)
		}
		if str, ok := v.(string); ok {
			lines = max(lines, wLines(str, width))
		}
		col += span
	}
	if col <= l.span { // short rows keep the borders to the end of the table
		l.b.fill(l.sheet, col, l.row, l.span, l.row, wstyle{border: true})
	}
	l.b.height(l.sheet, l.row, wRowHeight(lines, 0))
}

func (l *wlist) gridWidth() float64 {
	w := 0.0
	for _, c := range l.cols {
		w += c.width
	}
	return w
}

// periodLine is "Kỳ báo cáo: tháng 3/2021 — số liệu đến ngày 04/3/2021".
func periodLine(r *report.Result, lang report.Lang) string {
	s := lang.Pick("Kỳ báo cáo: ", "Period: ") + report.PeriodText(r.Period, lang)
	if !r.AsOf.IsZero() {
		s += lang.Pick(" — số liệu đến ngày ", " — figures as of ") + report.DateText(r.AsOf, lang)
	}
	return s
}
