package pdf

import (
	"math"

	"github.com/tonghop/tonghop/report"
)

// paint is how a status is filled in the chart: a grey level and,
// optionally, diagonal hatching, so that it reads printed in black and
// white.
type paint struct {
	status report.Status
	grey   int
	hatch  bool
	light  bool // text on it is black
}

var paints = []paint{
	{report.StatusDoneOnTime, 45, false, false},
	{report.StatusDoneLate, 125, false, false},
	{report.StatusOnTrack, 210, false, true},
	{report.StatusOverdue, 255, true, true},
	{report.StatusNotReported, 255, false, true},
}

// count returns the tasks of c with status s.
func count(c report.Counts, s report.Status) int {
	switch s {
	case report.StatusDoneOnTime:
		return c.DoneOnTime
	case report.StatusDoneLate:
		return c.DoneLate
	case report.StatusOnTrack:
		return c.OnTrack
	case report.StatusOverdue:
		return c.Overdue
	case report.StatusNotReported:
		return c.NotReported
	}
	return 0
}

const (
	chartSize   = 10.0 // labels, points
	chartLabelW = 46.0 // sector names
	chartBarH   = 5.0
	chartGap    = 2.2
	chartAxisH  = 7.0
)

// chart draws Biểu đồ 1: one horizontal bar per sector, stacked by status,
// with a legend; it continues on the next page when it must. With more
// than report.ChartSectors sectors it draws those with the most tasks, in report
// order, and says so in its caption.
func (d *doc) chart() {
	secs := d.r.Sectors
	if len(secs) == 0 {
		return
	}
	title := d.pick("Biểu đồ 1. Tình trạng nhiệm vụ theo ngành, lĩnh vực", "Chart 1. Task status by sector")
	if len(secs) > report.ChartSectors {
		secs = report.LargestSectors(secs, report.ChartSectors)
		title = d.pick("Biểu đồ 1. Tình trạng nhiệm vụ của "+d.num(report.ChartSectors)+" ngành, lĩnh vực có nhiều nhiệm vụ nhất",
			"Chart 1. Task status of the "+d.num(report.ChartSectors)+" sectors with the most tasks")
	}
	top := 0
	for _, s := range secs {
		top = max(top, s.Tasks)
	}
	step := niceStep(float64(max(top, 1)) / 8)
	axisMax := math.Ceil(float64(max(top, 1))/step) * step

	x0 := marginLeft + chartLabelW + 2
	barW := d.width() - chartLabelW - 2 - 10
	scale := barW / axisMax

	d.font("", chartSize)
	lh := d.lh()
	names := make([][]string, len(secs))
	heights := make([]float64, len(secs))
	for i, s := range secs {
		names[i] = d.wrap(clean(s.Name, true), chartLabelW)
		heights[i] = max(chartBarH, float64(len(names[i]))*lh) + chartGap
	}

	d.font("B", tableSize+1)
	capH := d.lh() * 2
	legendH := d.legendHeight()
	d.ensure(capH + legendH + heights[0] + chartAxisH)
	d.centred(title, "B", tableSize+1)
	d.space(1)
	d.legend()

	for i := 0; i < len(secs); {
		y := d.f.GetY() + 1
		j, h := i, 0.0
		for j < len(secs) && (j == i || y+h+heights[j]+chartAxisH <= d.bottom()) {
			h += heights[j]
			j++
		}
		d.grid(x0, y, h, scale, step, axisMax)
		yy := y
		for k := i; k < j; k++ {
			d.bar(secs[k], names[k], x0, yy, heights[k], scale)
			yy += heights[k]
		}
		d.f.SetY(y + h + chartAxisH)
		i = j
		if i < len(secs) {
			d.newPage()
		}
	}
	d.space(paraSpace)
}

// niceStep rounds a raw tick step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if raw <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return m * p
		}
	}
	return 10 * p
}

// grid draws the vertical grid lines and the axis labels of a chart chunk.
func (d *doc) grid(x0, y, h, scale, step, axisMax float64) {
	d.font("", chartSize-1)
	d.f.SetDrawColor(170, 170, 170)
	d.f.SetLineWidth(0.1)
	for v := 0.0; v <= axisMax+0.001; v += step {
		x := x0 + v*scale
		d.f.Line(x, y, x, y+h)
		d.f.SetXY(x-8, y+h+0.5)
		d.f.CellFormat(16, 4, d.num(int(v)), "", 0, "C", false, 0, "")
	}
	d.f.SetDrawColor(0, 0, 0)
	d.f.SetLineWidth(0.3)
	d.f.Line(x0, y, x0, y+h)
	d.f.SetLineWidth(0.2)
}

// bar draws one sector's label and stacked bar in a band of height h.
func (d *doc) bar(s report.SectorSummary, name []string, x0, y, h, scale float64) {
	d.font("", chartSize)
	lh := d.lh()
	band := h - chartGap
	ty := y + (band-float64(len(name))*lh)/2
	for i, ln := range name {
		d.f.SetXY(marginLeft, ty+float64(i)*lh)
		d.f.CellFormat(chartLabelW, lh, ln, "", 0, "R", false, 0, "")
	}
	by := y + (band-chartBarH)/2
	x := x0
	for _, p := range paints {
		n := count(s.Counts, p.status)
		if n == 0 {
			continue
		}
		w := float64(n) * scale
		d.swatch(p, x, by, w, chartBarH)
		if w >= 5 {
			d.segmentLabel(p, d.num(n), x, by, w)
		}
		x += w
	}
	d.font("B", chartSize)
	d.f.SetXY(x+1, by)
	d.f.CellFormat(10, chartBarH, d.num(s.Tasks), "", 0, "L", false, 0, "")
}

// swatch fills a rectangle with a status's paint and outlines it.
func (d *doc) swatch(p paint, x, y, w, h float64) {
	d.f.SetDrawColor(0, 0, 0)
	d.f.SetLineWidth(0.2)
	d.f.SetFillColor(p.grey, p.grey, p.grey)
	d.f.Rect(x, y, w, h, "F")
	if p.hatch {
		d.f.ClipRect(x, y, w, h, false)
		d.f.SetLineWidth(0.25)
		for hx := x - h; hx < x+w; hx += 1.4 {
			d.f.Line(hx, y+h, hx+h, y)
		}
		d.f.ClipEnd()
		d.f.SetLineWidth(0.2)
	}
	d.f.Rect(x, y, w, h, "D")
}

// segmentLabel writes a count inside a bar segment, readable on its paint.
func (d *doc) segmentLabel(p paint, text string, x, y, w float64) {
	d.font("", chartSize-1)
	tw := d.f.GetStringWidth(text)
	if p.hatch {
		d.f.SetFillColor(255, 255, 255)
		d.f.Rect(x+(w-tw)/2-0.6, y+0.9, tw+1.2, chartBarH-1.8, "F")
	}
	if !p.light {
		d.f.SetTextColor(255, 255, 255)
	}
	d.f.SetXY(x, y)
	d.f.CellFormat(w, chartBarH, text, "", 0, "C", false, 0, "")
	d.f.SetTextColor(0, 0, 0)
}

// legendItems returns the swatch and label of each status.
func (d *doc) legendItems() ([]paint, []string) {
	labels := make([]string, len(paints))
	for i, p := range paints {
		labels[i] = p.status.Label(d.lang)
	}
	return paints, labels
}

// legendLayout places the legend entries in rows across the text width and
// returns their offsets from the legend's top left.
func (d *doc) legendLayout() (xs, ys []float64, h float64) {
	_, labels := d.legendItems()
	d.font("", chartSize)
	lh := d.lh()
	x, y := 0.0, 0.0
	for _, l := range labels {
		w := 7 + d.f.GetStringWidth(l) + 6
		if x > 0 && x+w > d.width() {
			x, y = 0, y+lh+1
		}
		xs, ys = append(xs, x), append(ys, y)
		x += w
	}
	return xs, ys, y + lh + 2
}

func (d *doc) legendHeight() float64 {
	_, _, h := d.legendLayout()
	return h
}

// legend draws the legend centred under the chart's caption.
func (d *doc) legend() {
	ps, labels := d.legendItems()
	xs, ys, h := d.legendLayout()
	rowW := map[float64]float64{}
	for i, l := range labels {
		rowW[ys[i]] = xs[i] + 7 + d.f.GetStringWidth(l)
	}
	y0 := d.f.GetY()
	lh := d.lh()
	for i, l := range labels {
		x := marginLeft + (d.width()-rowW[ys[i]])/2 + xs[i]
		y := y0 + ys[i]
		d.swatch(ps[i], x, y+(lh-3.5)/2, 6, 3.5)
		d.font("", chartSize)
		d.f.SetXY(x+7, y)
		d.f.CellFormat(d.f.GetStringWidth(l)+1, lh, l, "", 0, "L", false, 0, "")
	}
	d.f.SetY(y0 + h)
}
