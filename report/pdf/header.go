package pdf

import (
	"strings"

	"github.com/tonghop/tonghop/report"
)

// Widths of the two header columns (mm); together the text width of a
// portrait page. The right one holds the national motto on one line.
const (
	headLeftW  = 73.0
	headRightW = 92.0
	headPad    = 2.0 // kept clear on each side of the left column's text
)

// pageNumber draws the page number centred in the top margin, from page 2
// on, as Nghị định 30 asks (no totals).
func (d *doc) pageNumber() {
	n := d.f.PageNo()
	if n < 2 {
		return
	}
	d.f.SetFont(family, "", 13)
	d.f.SetXY(marginLeft, 8)
	d.f.CellFormat(d.width(), 6, report.Number(n, d.lang), "", 0, "C", false, 0, "")
	d.f.SetFont(family, d.style, d.size)
}

// upper returns s in upper case, the way headers write agency names.
func upper(s string) string { return strings.ToUpper(clean(s, true)) }

// info returns the document's Info with defaults for what is missing.
func (d *doc) info() report.Info {
	in := d.r.Info
	def := func(s *string, v string) {
		if strings.TrimSpace(*s) == "" {
			*s = v
		}
	}
	def(&in.GoverningBody, d.pick("ỦY BAN NHÂN DÂN TỈNH", "PROVINCIAL PEOPLE'S COMMITTEE"))
	def(&in.IssuingBody, d.pick("VĂN PHÒNG", "OFFICE"))
	def(&in.Symbol, "BC-VP")
	def(&in.SignerTitle, d.pick("CHÁNH VĂN PHÒNG", "CHIEF OF OFFICE"))
	return in
}

// blank is the room left for the hand-written document number: no-break
// spaces, which neither collapse nor break.
const blank = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"

// number is the document number line with the number left blank for the
// clerk: "Số:      /BC-VP".
func (d *doc) number(symbol string) string {
	return d.pick("Số:", "No.:") + blank + "/" + strings.TrimPrefix(strings.TrimSpace(symbol), "/")
}

// placeDate is the header's place and date line.
func (d *doc) placeDate(place string) string {
	date := report.DateHeader(d.asOf, d.lang)
	place = strings.TrimSpace(place)
	if place == "" {
		if d.lang == report.EN {
			return date
		}
		return "Ngày" + strings.TrimPrefix(date, "ngày")
	}
	return place + ", " + date
}

// officialHeader draws the two borderless header columns of a Nghị định 30
// document, then the document type and abstract.
func (d *doc) officialHeader() {
	in := d.info()
	x0, y0 := marginLeft, marginTop
	lx, rx := x0, x0+headLeftW

	// Left: governing body, issuing body, short rule.
	d.f.SetY(y0)
	d.centredIn(upper(in.GoverningBody), "", 12, lx+headPad, headLeftW-2*headPad)
	d.centredIn(upper(in.IssuingBody), "B", 12, lx+headPad, headLeftW-2*headPad)
	ly := d.f.GetY()
	d.rule(lx+headLeftW/2, ly+1, 25)

	// Right: national name and motto with a rule as long as the motto.
	d.f.SetY(y0)
	d.centredIn(d.pick("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"), "B", 12, rx, headRightW)
	motto := d.pick("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness")
	d.centredIn(motto, "B", 13, rx, headRightW)
	ry := d.f.GetY()
	d.font("B", 13)
	d.rule(rx+headRightW/2, ry+1, d.f.GetStringWidth(motto))

	// Number and place/date on one line below both rules.
	y := max(ly, ry) + 4
	d.f.SetY(y)
	d.centredIn(d.number(in.Symbol), "", 13, lx, headLeftW)
	d.f.SetY(y)
	d.centredIn(d.placeDate(in.Place), "I", 13, rx, headRightW)

	// Document type and abstract.
	d.f.SetY(d.f.GetY() + 8)
	d.centred(d.pick("BÁO CÁO", "REPORT"), "B", 14)
	d.centredIn(d.abstract(), "B", 14, marginLeft+10, d.width()-20)
	d.rule(marginLeft+d.width()/2, d.f.GetY()+2, 35)
	d.f.SetY(d.f.GetY() + 8)
}

// abstract is the report's trích yếu: what it reports on and for which month.
func (d *doc) abstract() string {
	period := report.PeriodText(d.period, d.lang)
	title := strings.TrimRight(clean(d.r.Info.PlanTitle, false), " .;:")
	if title == "" {
		return d.pick("Tình hình thực hiện các nhiệm vụ trọng tâm "+period,
			"Implementation of the key tasks, "+period)
	}
	if d.lang == report.EN {
		// The plan's title is Vietnamese data; it reads in the opening.
		return "Implementation of the key tasks, " + period
	}
	if !strings.HasPrefix(strings.ToLower(title), "tình hình") {
		title = "Tình hình thực hiện " + lowerFirst(title)
	}
	return title + " " + period
}

// lowerFirst lowers the first letter of s unless the word is an acronym
// ("UBND") or s starts with a proper name the writer capitalised on purpose
// (a capital second letter signals an acronym; we cannot tell more).
func lowerFirst(s string) string {
	rs := []rune(s)
	if len(rs) < 2 || strings.ToUpper(string(rs[1])) == string(rs[1]) && strings.ToLower(string(rs[1])) != string(rs[1]) {
		return s
	}
	return strings.ToLower(string(rs[0])) + string(rs[1:])
}

// recipients returns the "Nơi nhận" lines: each starts with "- " and ends
// with ";", the last ("- Lưu: VT, …") with ".".
func (d *doc) recipients() []string {
	var items []string
	for _, r := range d.r.Info.Recipients {
		for _, ln := range strings.Split(clean(r, true), "\n") {
			ln = strings.TrimSpace(strings.TrimLeft(ln, "-–•+* "))
			ln = strings.TrimRight(ln, " ;.,")
			if ln != "" {
				items = append(items, ln)
			}
		}
	}
	if len(items) == 0 {
		items = append(items, d.pick("Ban Chỉ đạo", "The Steering Committee"))
	}
	archive := -1
	for i, it := range items {
		if f := strings.ToLower(it); strings.HasPrefix(f, "lưu") || strings.HasPrefix(f, "luu") {
			archive = i
		}
	}
	if archive < 0 {
		items = append(items, d.pick("Lưu: VT", "Archived: VT"))
	} else if archive != len(items)-1 {
		a := items[archive]
		items = append(append(items[:archive:archive], items[archive+1:]...), a)
	}
	out := make([]string, len(items))
	for i, it := range items {
		end := ";"
		if i == len(items)-1 {
			end = "."
		}
		out[i] = "- " + it + end
	}
	return out
}

// closing draws the recipients and the signature block side by side,
// together on one page.
func (d *doc) closing() {
	in := d.info()
	const leftW, rightW = 78.0, 87.0
	rx := marginLeft + leftW

	d.font("", 11)
	var left []string
	for _, r := range d.recipients() {
		left = append(left, d.wrap(r, leftW-2)...)
	}
	leftH := 12*ptToMM*lineGap + float64(len(left))*d.lh()
	d.font("B", 14)
	titles := d.wrap(upper(in.SignerTitle), rightW)
	const signSpace = 28.0
	rightH := float64(len(titles)+1)*d.lh() + signSpace
	d.ensure(max(leftH, rightH) + 2)

	y := d.f.GetY() + 2
	d.f.SetY(y)
	for _, t := range titles {
		d.centredIn(t, "B", 14, rx, rightW)
	}
	d.f.SetY(d.f.GetY() + signSpace)
	if s := clean(in.Signer, false); s != "" {
		d.centredIn(s, "B", 14, rx, rightW)
	}
	bottom := d.f.GetY()

	d.f.SetY(y)
	d.font("BI", 12)
	d.f.SetX(marginLeft)
	d.f.CellFormat(leftW, d.lh(), d.pick("Nơi nhận:", "Recipients:"), "", 2, "L", false, 0, "")
	d.font("", 11)
	for _, ln := range left {
		d.f.SetX(marginLeft)
		d.f.CellFormat(leftW, d.lh(), ln, "", 2, "L", false, 0, "")
	}
	d.f.SetY(max(bottom, d.f.GetY()))
}
