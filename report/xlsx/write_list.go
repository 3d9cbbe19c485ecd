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
// share one column grid, strictly top to bottom, as XML rows (wrows).
// row is the last row written.
type wlist struct {
	b          *wbook
	sheet      string
	cols       []wcolumn
	row        int
	span       int     // columns of the current table (its header's width)
	out        *wrows  // the rows being written in turn
	sheetParts *wparts // the sheet: rows in turn and tables (see table)
	// cell styles of data cells without a fill, by column and kind
	// (text, centred number, date): looking a wstyle up costs more than
	// writing the cell.
	plain [][3]int
}

func (b *wbook) list(sheet string, cols []wcolumn) *wlist {
	b.sheet(sheet)
	for i, c := range cols {
		b.width(sheet, i+1, c.width)
	}
	out := newWRows(b.fastPool(), b.sst)
	parts := &wparts{parts: []wbody{out}}
	b.body(sheet, parts)
	return &wlist{b: b, sheet: sheet, cols: cols, out: out, sheetParts: parts, plain: make([][3]int, len(cols))}
}

// set writes one cell of the current row. A time.Time becomes a date cell
// (empty when zero); nil styles the cell and keeps its value.
func (l *wlist) set(col int, v any, s wstyle) {
	v, date := wValue(v)
	s.date = s.date || date
	l.out.set(col, l.row, v, l.b.style(s))
}

// fill styles columns c1..c2 of the current row without writing values.
func (l *wlist) fill(c1, c2 int, s wstyle) {
	id := l.b.style(s)
	for c := c1; c <= c2; c++ {
		l.out.set(c, l.row, nil, id)
	}
}

func (l *wlist) merge(c1, c2 int) { l.out.merge(c1, l.row, c2, l.row) }

func (l *wlist) height(h float64) { l.out.setHeight(l.row, h) }

// line writes text across the whole grid.
func (l *wlist) line(text string, s wstyle) {
	l.row++
	s.wrap = true
	l.set(1, text, s)
	l.merge(1, len(l.cols))
	l.height(wRowHeight(wLines(text, l.gridWidth()), s.size) + 2)
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
	s := wGroupStyle
	l.set(1, text, s)
	l.fill(2, len(l.cols), s)
	l.merge(1, len(l.cols))
	l.height(wRowHeight(wLines(text, l.gridWidth()), 0))
}

var wGroupStyle = wstyle{bold: true, italic: true, border: true, fill: "F2F2F2", wrap: true}

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
		l.set(i+1, h, s)
		lines = max(lines, wLines(h, l.cols[i].width))
	}
	l.height(wRowHeight(lines, 0))
}

// add writes one bordered data row. Values may be wfilled or wmerged.
func (l *wlist) add(values ...any) {
	l.row++
	col := 1
	for _, v := range values {
		span := 1
		if m, ok := v.(wmerged); ok {
			v, span = m.v, m.span
		}
		fill := ""
		if f, ok := v.(wfilled); ok {
			v, fill = f.v, f.fill
		}
		style := l.dataStyle(col, v, fill)
		value, _ := wValue(v)
		l.out.set(col, l.row, value, style)
		if _, ok := v.(string); ok {
			width := 0.0
			for i := col; i < col+span; i++ {
				width += l.cols[i-1].width
			}
			l.out.measure(col, l.row, width)
		}
		if span > 1 {
			for c := col + 1; c < col+span; c++ {
				l.out.set(c, l.row, nil, style)
			}
			l.merge(col, col+span-1)
		}
		col += span
	}
	if col <= l.span { // short rows keep the borders to the end of the table
		l.fill(col, l.span, wstyle{border: true})
	}
	l.out.fit(l.row) // as tall as its longest text: wRowHeight(lines, 0)
}

// dataStyle is the style of a data cell holding v: bordered and wrapped,
// aligned as its column, centred for numbers and dates, dates formatted.
func (l *wlist) dataStyle(col int, v any, fill string) int {
	kind := 0
	switch x := v.(type) {
	case int:
		kind = 1
	case time.Time:
		kind = 1
		if !x.IsZero() {
			kind = 2
		}
	}
	return l.styleOf(col, kind, fill)
}

// styleOf is dataStyle for a kind of value: 0 text, 1 a number or an empty
// date (centred), 2 a date.
func (l *wlist) styleOf(col, kind int, fill string) int {
	if fill == "" {
		if id := l.plain[col-1][kind]; id != 0 {
			return id
		}
	}
	s := wstyle{border: true, wrap: true, halign: l.cols[col-1].align, fill: fill}
	if kind > 0 {
		s.halign = "center"
	}
	s.date = kind == 2
	id := l.b.style(s)
	if fill == "" {
		l.plain[col-1][kind] = id
	}
	return id
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
