package pdf

import "strings"

// column is one column of a table: its width (mm) and alignment of its
// cells ("L", "C", "R").
type column struct {
	w     float64
	align string
}

// hcell is one cell of a table header; headers may have two levels, with
// cells spanning columns (span) or both levels (rows).
type hcell struct {
	text          string
	col, span     int
	level, levels int
}

// tcell is one body cell; span > 1 merges it with the cells to its right.
type tcell struct {
	text  string
	span  int
	align string // "" takes the column's
}

// trow is one body row.
type trow struct {
	cells []tcell
	style string // font style: "" or "B"
	fill  int    // grey level of the background, 0 for none
}

// table is a ruled table drawn row by row: the header is repeated on every
// page and a row is never split between pages.
type table struct {
	cols    []column
	head    []hcell
	levels  int
	size    float64 // font size of the body, points
	caption string  // drawn above, kept with the header
}

// cells makes a row of single cells.
func cells(texts ...string) []tcell {
	out := make([]tcell, len(texts))
	for i, t := range texts {
		out[i] = tcell{text: t}
	}
	return out
}

// simpleHead makes a one-level header from column titles.
func simpleHead(titles ...string) []hcell {
	out := make([]hcell, len(titles))
	for i, t := range titles {
		out[i] = hcell{text: t, col: i, span: 1, levels: 1}
	}
	return out
}

// fit scales the columns to fill width w exactly.
func (t *table) fit(w float64) {
	sum := t.spanW(0, len(t.cols))
	if sum <= 0 || sum == w {
		return
	}
	cols := make([]column, len(t.cols))
	for i, c := range t.cols {
		cols[i] = column{c.w * w / sum, c.align}
	}
	t.cols = cols
}

// x returns the left edge of column i.
func (t *table) x(i int) float64 {
	x := marginLeft
	for _, c := range t.cols[:i] {
		x += c.w
	}
	return x
}

// spanW returns the width of span columns from i.
func (t *table) spanW(i, span int) float64 {
	w := 0.0
	for j := i; j < i+span && j < len(t.cols); j++ {
		w += t.cols[j].w
	}
	return w
}

// headLayout returns the heights of the header levels.
func (d *doc) headLayout(t *table) []float64 {
	d.font("B", t.size)
	lh := d.lh()
	hs := make([]float64, t.levels)
	need := func(c hcell) float64 {
		w := t.spanW(c.col, c.span) - 2*cellPadX
		text := clean(c.text, true)
		d.font("B", d.fitSize(text, "B", t.size, w))
		n := len(d.wrap(text, w))
		d.font("B", t.size)
		return float64(n)*lh + 2*cellPadY
	}
	for _, c := range t.head {
		if c.levels <= 1 {
			hs[c.level] = max(hs[c.level], need(c))
		}
	}
	for _, c := range t.head {
		if c.levels > 1 {
			sum := 0.0
			for l := c.level; l < c.level+c.levels; l++ {
				sum += hs[l]
			}
			if n := need(c); n > sum {
				hs[c.level+c.levels-1] += n - sum
			}
		}
	}
	return hs
}

// drawHead draws the header at the current y and moves below it.
func (d *doc) drawHead(t *table, hs []float64) {
	y0 := d.f.GetY()
	ys := make([]float64, len(hs)+1)
	ys[0] = y0
	for i, h := range hs {
		ys[i+1] = ys[i] + h
	}
	d.f.SetFillColor(230, 230, 230)
	for _, c := range t.head {
		levels := max(c.levels, 1)
		x, w := t.x(c.col), t.spanW(c.col, c.span)
		y, h := ys[c.level], ys[c.level+levels]-ys[c.level]
		text := clean(c.text, true)
		d.cell(x, y, w, h, text, "B", d.fitSize(text, "B", t.size, w-2*cellPadX), "C", true)
	}
	d.f.SetXY(marginLeft, ys[len(hs)])
}

// fitSize returns size, or a smaller one (down to 7 pt) at which every
// word of text fits in width w, so that header words are not cut.
func (d *doc) fitSize(text, style string, size, w float64) float64 {
	old, oldStyle := d.size, d.style
	defer d.font(oldStyle, old)
	for ; size > 7; size -= 0.5 {
		d.font(style, size)
		fits := true
		for _, u := range units(strings.ReplaceAll(text, "\n", " ")) {
			if d.f.GetStringWidth(u) > w {
				fits = false
				break
			}
		}
		if fits {
			break
		}
	}
	return size
}

// cell draws a bordered cell with its text wrapped and centred vertically.
func (d *doc) cell(x, y, w, h float64, text, style string, size float64, align string, fill bool) {
	rs := "D"
	if fill {
		rs = "FD"
	}
	d.f.Rect(x, y, w, h, rs)
	d.font(style, size)
	lines := d.wrap(text, w-2*cellPadX)
	d.cellLines(x, y, w, h, lines, align)
}

// cellLines draws already wrapped lines centred vertically in a cell,
// dropping those that do not fit.
func (d *doc) cellLines(x, y, w, h float64, lines []string, align string) {
	lh := d.lh()
	if fit := int((h - 2*cellPadY + 0.01) / lh); len(lines) > fit {
		lines = lines[:fit]
	}
	ty := y + (h-float64(len(lines))*lh)/2
	for i, ln := range lines {
		d.f.SetXY(x+cellPadX, ty+float64(i)*lh)
		d.f.CellFormat(w-2*cellPadX, lh, ln, "", 0, align, false, 0, "")
	}
}

// drawTable draws the caption, the header and the rows of t, adding pages
// as needed with the header repeated.
func (d *doc) drawTable(t *table, rows []trow) {
	d.gap = tableGap
	defer func() { d.gap = lineGap }()
	t.fit(d.width())
	hs := d.headLayout(t)
	headH := 0.0
	for _, h := range hs {
		headH += h
	}
	capH := 0.0
	if t.caption != "" {
		d.font("B", tableSize+1)
		capH = float64(len(d.balanced(clean(t.caption, true), d.width())))*d.lh() + 1
	}
	// A small table near the foot of a page moves whole to the next one;
	// otherwise a table starts where it is, keeping at least its first
	// row with the header, and repeats the header after a break.
	need, all := 0.0, capH+headH
	for i, r := range rows {
		h, _ := d.rowLayout(t, r, d.body()-headH-capH)
		if i == 0 {
			need = capH + headH + h
		}
		if all += h; all > d.body()*0.4 {
			break
		}
	}
	if all <= d.body()*0.4 && d.room() < d.body()/4 {
		need = all
	}
	d.ensure(need)
	if t.caption != "" {
		d.centred(t.caption, "B", tableSize+1)
		d.space(1)
	}
	d.f.SetDrawColor(0, 0, 0)
	d.f.SetLineWidth(0.2)
	d.drawHead(t, hs)
	for _, r := range rows {
		h, lines := d.rowLayout(t, r, d.body()-headH-capH)
		if d.f.GetY()+h > d.bottom()+0.01 {
			d.newPage()
			d.drawHead(t, hs)
		}
		d.drawRow(t, r, h, lines)
	}
	d.space(paraSpace + 1)
}

// rowLayout wraps the cells of r and returns the row's height, at most
// limit (lines beyond it are dropped), and the lines of each cell.
func (d *doc) rowLayout(t *table, r trow, limit float64) (float64, [][]string) {
	d.font(r.style, t.size)
	lh := d.lh()
	maxLines := max(int((limit-2*cellPadY)/lh), 1)
	out := make([][]string, len(r.cells))
	n := 1
	col := 0
	for i, c := range r.cells {
		span := max(c.span, 1)
		lines := d.wrap(clean(c.text, true), t.spanW(col, span)-2*cellPadX)
		if len(lines) > maxLines {
			lines = lines[:maxLines]
			lines[maxLines-1] += " …"
		}
		out[i] = lines
		n = max(n, len(lines))
		col += span
	}
	return float64(n)*lh + 2*cellPadY, out
}

// drawRow draws one row of height h at the current y.
func (d *doc) drawRow(t *table, r trow, h float64, lines [][]string) {
	y := d.f.GetY()
	style := "D"
	if r.fill > 0 {
		d.f.SetFillColor(r.fill, r.fill, r.fill)
		style = "FD"
	}
	d.font(r.style, t.size)
	col := 0
	for i, c := range r.cells {
		span := max(c.span, 1)
		x, w := t.x(col), t.spanW(col, span)
		align := c.align
		if align == "" && col < len(t.cols) {
			align = t.cols[col].align
		}
		d.f.Rect(x, y, w, h, style)
		d.cellLines(x, y, w, h, lines[i], align)
		col += span
	}
	d.f.SetXY(marginLeft, y+h)
}
