package pdf

import (
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"github.com/tonghop/tonghop/report"
)

// Page geometry in millimetres (Nghị định 30/2020/NĐ-CP, Phụ lục I).
const (
	marginTop    = 20.0
	marginBottom = 20.0
	marginLeft   = 30.0
	marginRight  = 15.0

	bodySize  = 14.0 // body text, points
	tableSize = 11.0 // summary and list tables
	smallSize = 10.0 // appendix table
	lineGap   = 1.25 // line height over font size in running text
	tableGap  = 1.15 // and in tables
	paraSpace = 2.4  // space after a paragraph, mm (about 6.8 pt)
	cellPadX  = 1.2
	cellPadY  = 0.9
	ptToMM    = 25.4 / 72
)

// doc is one briefing being laid out: the fpdf document and what every
// section needs.
type doc struct {
	f         *fpdf.Fpdf
	r         *report.Result
	lang      report.Lang
	opt       Options
	landscape bool
	size      float64       // current font size, points
	style     string        // current font style
	asOf      time.Time     // the date the figures speak for
	period    report.Period // the month reported on
	tables    int           // tables numbered so far
	gap       float64       // line height over font size
}

// nextTable numbers the next table of the body.
func (d *doc) nextTable() string {
	d.tables++
	return report.Number(d.tables, d.lang)
}

// pick returns vi or en in the document's language.
func (d *doc) pick(vi, en string) string { return d.lang.Pick(vi, en) }

// font selects the face and size of what follows.
func (d *doc) font(style string, size float64) {
	if d.style == style && d.size == size {
		return
	}
	d.f.SetFont(family, style, size)
	d.style, d.size = style, size
}

// lh is the height of one line in the current font.
func (d *doc) lh() float64 { return d.size * ptToMM * d.gap }

// width is the usable width between the margins of the current page.
func (d *doc) width() float64 {
	w, _ := d.f.GetPageSize()
	return w - marginLeft - marginRight
}

// bottom is the lowest y text may reach on the current page.
func (d *doc) bottom() float64 {
	_, h := d.f.GetPageSize()
	return h - marginBottom
}

// room is the height left on the current page.
func (d *doc) room() float64 { return d.bottom() - d.f.GetY() }

// body is the height of a page's text area.
func (d *doc) body() float64 {
	_, h := d.f.GetPageSize()
	return h - marginTop - marginBottom
}

// newPage starts a page in the current orientation.
func (d *doc) newPage() {
	o := "P"
	if d.landscape {
		o = "L"
	}
	d.f.AddPageFormat(o, fpdf.SizeType{Wd: 210, Ht: 297})
	// fpdf restores its own font state; keep ours in step with it.
	d.f.SetFont(family, d.style, d.size)
	d.f.SetXY(marginLeft, marginTop)
}

// ensure starts a new page unless h millimetres fit below the current
// position. It reports whether it did.
func (d *doc) ensure(h float64) bool {
	if d.f.GetY()+h <= d.bottom()+0.01 || d.f.GetY() <= marginTop+0.01 {
		return false
	}
	d.newPage()
	return true
}

// space moves down by h, without starting a page for it.
func (d *doc) space(h float64) {
	y := d.f.GetY() + h
	if y > d.bottom() {
		y = d.bottom()
	}
	d.f.SetY(y)
}

// wrap breaks s into lines no wider than w in the current font. Lines
// break at ordinary spaces and at explicit line breaks; a word wider than w
// is broken between characters. s must be clean.
func (d *doc) wrap(s string, w float64) []string {
	lines := d.wrapFirst(s, w, w)
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.text
	}
	return out
}

// wline is one wrapped line; end marks the last line of a paragraph or of
// a line the writer broke by hand, which is never stretched.
type wline struct {
	text string
	end  bool
}

// wrapFirst is wrap with a different width for the first line (a
// first-line indent).
func (d *doc) wrapFirst(s string, first, w float64) []wline {
	var out []wline
	space := d.f.GetStringWidth(" ")
	limit := first
	for _, para := range strings.Split(s, "\n") {
		var line strings.Builder
		lineW := 0.0
		flush := func() {
			out = append(out, wline{text: line.String()})
			line.Reset()
			lineW = 0
			limit = w
		}
		for _, word := range units(para) {
			ww := d.f.GetStringWidth(word)
			if line.Len() > 0 && lineW+space+ww <= limit {
				line.WriteByte(' ')
				line.WriteString(word)
				lineW += space + ww
				continue
			}
			if line.Len() > 0 {
				flush()
			}
			for ww > limit {
				// An unbroken run wider than the line: cut by characters.
				head, rest := d.cut(word, limit)
				out = append(out, wline{text: head})
				limit = w
				word = rest
				ww = d.f.GetStringWidth(word)
			}
			line.WriteString(word)
			lineW = ww
		}
		flush()
		out[len(out)-1].end = true
	}
	return out
}

// units splits a line into the pieces wrapping keeps whole: words
// separated by ordinary spaces (not no-break spaces), with a lone dash kept
// at the end of the word before it, so that no line starts with "- ".
func units(s string) []string {
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' })
	out := words[:0]
	for _, w := range words {
		if (w == "-" || w == "–") && len(out) > 0 {
			out[len(out)-1] += " " + w
			continue
		}
		out = append(out, w)
	}
	return out
}

// balanced wraps s into as few lines as wrap does, but with the lines as
// even as possible, the way headers break long agency names.
func (d *doc) balanced(s string, w float64) []string {
	lines := d.wrap(s, w)
	if len(lines) < 2 {
		return lines
	}
	for try := w - 1; try > w/3; try-- {
		l := d.wrap(s, try)
		if len(l) > len(lines) {
			break
		}
		lines = l
	}
	return lines
}

// cut splits word so that its head fits in w (at least one character),
// after the last hyphen or slash that fits if there is one ("LDTBXH-" /
// "01"), else between characters.
func (d *doc) cut(word string, w float64) (string, string) {
	total, end, soft := 0.0, 0, 0
	for i, r := range word {
		cw := d.f.GetStringWidth(string(r))
		if total+cw > w && i > 0 {
			break
		}
		total += cw
		end = i + utf8.RuneLen(r)
		if (r == '-' || r == '/') && end < len(word) {
			soft = end
		}
	}
	if end == 0 {
		_, end = utf8.DecodeRuneInString(word)
	}
	if soft > 0 && end < len(word) {
		end = soft
	}
	return word[:end], word[end:]
}

// para draws a paragraph of body text: justified, first line indented,
// space after. Lines flow onto new pages as needed.
func (d *doc) para(s string) {
	d.paraWith(s, "", bodySize, 10, true)
}

// paraWith draws a paragraph in the given face and size with a first-line
// indent (mm), justified or left-aligned.
func (d *doc) paraWith(s, style string, size, indent float64, justify bool) {
	d.font(style, size)
	s = clean(s, true)
	w := d.width()
	lines := d.wrapFirst(s, w-indent, w)
	lh := d.lh()
	for i, ln := range lines {
		d.ensure(lh)
		x := marginLeft
		lw := w
		if i == 0 {
			x += indent
			lw -= indent
		}
		align := "L"
		if justify && !ln.end && strings.Contains(ln.text, " ") {
			align = "J"
		}
		d.f.SetXY(x, d.f.GetY())
		d.f.CellFormat(lw, lh, ln.text, "", 2, align, false, 0, "")
	}
	d.space(paraSpace)
}

// heading draws a section heading ("I. TÌNH HÌNH CHUNG"): upper case, bold,
// kept with the next lines.
func (d *doc) heading(s string) {
	d.font("B", bodySize)
	d.ensure(d.lh()*3 + paraSpace)
	d.paraWith(strings.ToUpper(s), "B", bodySize, 10, false)
}

// centred draws each line of s centred across the text width.
func (d *doc) centred(s, style string, size float64) {
	d.centredIn(s, style, size, marginLeft, d.width())
}

// centredIn draws s wrapped and centred in the column [x, x+w) from the
// current y, leaving y below it.
func (d *doc) centredIn(s, style string, size, x, w float64) {
	d.font(style, size)
	for _, ln := range d.balanced(clean(s, true), w) {
		d.f.SetXY(x, d.f.GetY())
		d.f.CellFormat(w, d.lh(), ln, "", 2, "C", false, 0, "")
	}
}

// rule draws a horizontal line of length w centred on cx at y.
func (d *doc) rule(cx, y, w float64) {
	d.f.SetLineWidth(0.3)
	d.f.Line(cx-w/2, y, cx+w/2, y)
	d.f.SetLineWidth(0.2)
}
