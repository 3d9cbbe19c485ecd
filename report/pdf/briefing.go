package pdf

import (
	"errors"
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"
	"github.com/tonghop/tonghop/report"
)

// DefaultAppendixRows is how many tasks the appendix lists before it
// points to the consolidated workbook for the rest.
const DefaultAppendixRows = 300

// DefaultListRows caps each list in the body (overdue tasks, difficulties,
// changes) for very large inputs.
const DefaultListRows = 50

// Options tune the briefing. The zero value is the default Vietnamese
// document.
type Options struct {
	Lang report.Lang
	// AppendixRows caps the task rows of the appendix: 0 means
	// DefaultAppendixRows, a negative value means no cap.
	AppendixRows int
	// ListRows caps the rows of each table in the body: 0 means
	// DefaultListRows, a negative value means no cap.
	ListRows int
}

func (o Options) appendixRows() int { return capOf(o.AppendixRows, DefaultAppendixRows) }
func (o Options) listRows() int     { return capOf(o.ListRows, DefaultListRows) }

func capOf(n, def int) int {
	switch {
	case n == 0:
		return def
	case n < 0:
		return int(^uint(0) >> 1)
	}
	return n
}

// Write renders the briefing of r to w in lang, with default options.
func Write(w io.Writer, r *report.Result, lang report.Lang) error {
	return WriteWith(w, r, Options{Lang: lang})
}

// WriteWith renders the briefing of r to w. The same r and options always
// give the same bytes: the document dates are r.AsOf.
func WriteWith(w io.Writer, r *report.Result, opt Options) (err error) {
	if r == nil {
		return errors.New("render briefing: no consolidated result")
	}
	if _, err := coverage(); err != nil {
		return fmt.Errorf("render briefing: read embedded font: %w", err)
	}
	defer func() {
		// fpdf panics on a few inputs it cannot encode; never let that
		// reach the user as a crash.
		if p := recover(); p != nil {
			err = fmt.Errorf("render briefing: internal error: %v", p)
		}
	}()
	d := newDoc(r, opt)
	d.render()
	if err := d.f.Error(); err != nil {
		return fmt.Errorf("render briefing: %w", err)
	}
	if err := d.f.Output(w); err != nil {
		return fmt.Errorf("write briefing: %w", err)
	}
	return nil
}

// newDoc sets up an empty A4 document with the fonts, margins, page
// numbers and fixed metadata.
func newDoc(r *report.Result, opt Options) *doc {
	if opt.Lang != report.EN {
		opt.Lang = report.VI
	}
	f := fpdf.New("P", "mm", "A4", "")
	d := &doc{f: f, r: r, lang: opt.Lang, opt: opt, gap: lineGap}
	addFonts(f)
	f.SetMargins(marginLeft, marginTop, marginRight)
	f.SetAutoPageBreak(false, marginBottom)
	f.SetCellMargin(0)
	f.SetHeaderFuncMode(d.pageNumber, true)
	f.SetCompression(true)
	f.SetCatalogSort(true)
	// A Result always has both; a bare one still renders reproducibly.
	d.asOf, d.period = r.AsOf, r.Period
	switch {
	case d.asOf.IsZero() && d.period.IsZero():
		d.asOf, d.period = report.Date(2000, 1, 1), report.Period{Year: 2000, Month: 1}
	case d.asOf.IsZero():
		d.asOf = d.period.Last()
	case d.period.IsZero():
		d.period = report.PeriodOf(d.asOf)
	}
	f.SetCreationDate(d.asOf)
	f.SetModificationDate(d.asOf)
	f.SetTitle(clean(d.pick("Báo cáo ", "Report: ")+d.abstract(), false), true)
	f.SetAuthor(clean(d.info().IssuingBody, false), true)
	f.SetCreator("tonghop", true)
	f.SetLang(string(d.lang))
	d.f.SetFont(family, "", bodySize)
	d.style, d.size = "", bodySize
	return d
}

// render lays out the whole briefing: header, sections, closing block,
// then the landscape appendix.
func (d *doc) render() {
	d.newPage()
	d.officialHeader()
	d.sections()
	d.closing()
	d.appendix()
}
