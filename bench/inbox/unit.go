// Package inbox makes synthetic inboxes for benchmarks: N submission
// workbooks of M task rows each, as a national roll-up would receive them
// (one file per province and department), all for the period 2021-03.
//
// Most files are the office's template (xlsx.WriteSubmission); a share are
// "retyped" workbooks with title rows, renamed and shuffled columns and
// text dates; a share carry one to three bad rows (unknown stage, invalid
// deadline, completed without a date). Everything depends only on the
// Config (seeded), so an inbox can be rebuilt, in part or in memory, by
// any benchmark.
package inbox

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/xlsx"
)

// Config describes an inbox.
type Config struct {
	Files, Rows int
	Seed        uint64
	Variants    float64 // share of retyped (non-template) workbooks
	BadFiles    float64 // share of workbooks with one to three bad rows
	Stream      bool    // write every workbook with excelize's StreamWriter
}

// New returns the usual configuration for files × rows.
func New(files, rows int) Config {
	return Config{Files: files, Rows: rows, Seed: 1, Variants: 0.03, BadFiles: 0.05}
}

// Period is the period of every submission; AsOf is after the latest
// report date, so tasks due before it are overdue when not done.
var (
	Period = report.Period{Year: 2021, Month: time.March}
	AsOf   = report.Date(2021, time.March, 5)
)

// Generate writes the inbox into dir/2021-03 on all cores and, with plan,
// dir/plan.xlsx listing every sector and task.
func Generate(dir string, c Config, plan bool) error {
	sub := filepath.Join(dir, Period.String())
	if err := os.MkdirAll(sub, 0o755); err != nil {
		return err
	}
	var next atomic.Int64
	errs := make([]error, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for w := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= c.Files {
					return
				}
				u := c.Unit(i)
				data, err := u.Workbook()
				if err == nil {
					err = os.WriteFile(filepath.Join(sub, u.File), data, 0o644)
				}
				if err != nil {
					errs[w] = fmt.Errorf("%s: %w", u.File, err)
					next.Store(int64(c.Files))
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	if !plan {
		return nil
	}
	var buf bytes.Buffer
	if err := xlsx.WritePlan(&buf, c.Plan(), report.VI); err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	return os.WriteFile(filepath.Join(dir, "plan.xlsx"), buf.Bytes(), 0o644)
}

// Plan lists every sector and task of the inbox, as the office plans them.
func (c Config) Plan() *report.Plan {
	pl := &report.Plan{File: "plan.xlsx", Info: report.Info{
		GoverningBody: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", IssuingBody: "VĂN PHÒNG", Symbol: "BC-VP", Place: "Lâm Đồng",
		PlanTitle:   "Tình hình thực hiện các nhiệm vụ trọng tâm năm 2021 (số liệu mô phỏng)",
		Basis:       "Quyết định số 02/QĐ-UBND ngày 05/01/2021 của Ủy ban nhân dân tỉnh",
		SignerTitle: "CHÁNH VĂN PHÒNG", Signer: "Nguyễn Văn Bình",
		Recipients: []string{"Ban Chỉ đạo (b/c)", "Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Lưu: VT, TH"},
	}}
	for i := range c.Files {
		u := c.Unit(i)
		pl.Sectors = append(pl.Sectors, u.Sector)
		pl.Tasks = append(pl.Tasks, u.Planned...)
	}
	return pl
}

// Submissions returns every file as the core would see it after a clean
// read: the department's rows, valid ones only (bad rows left out).
func (c Config) Submissions() []*report.Submission {
	out := make([]*report.Submission, c.Files)
	for i := range out {
		u := c.Unit(i)
		s := *u.Sub
		s.Rows = nil
		for j, r := range u.Sub.Rows {
			if u.bad[u.Tasks[j].ID] != "" {
				s.Rejected++
				continue
			}
			t := u.Tasks[j]
			r.Output, r.SubmitTo, r.Lead, r.Coordinating = t.Output, t.SubmitTo, t.Lead, t.Coordinating
			r.Deadline, r.DeadlineText = t.Deadline, t.DeadlineText
			s.Rows = append(s.Rows, r)
		}
		out[i] = &s
	}
	return out
}

// Unit is one department's file: its sector, the tasks as the file and as
// the plan state them, and what the department reports.
type Unit struct {
	File    string // base name
	Sector  report.Sector
	Tasks   []report.Task // as the file states them
	Planned []report.Task // as the plan states them
	Sub     *report.Submission
	Variant bool // a retyped workbook, not the template
	stream  bool
	bad     map[string]string // task id -> kind of bad row
}

// Workbook returns the unit's .xlsx bytes.
func (u *Unit) Workbook() ([]byte, error) {
	var buf bytes.Buffer
	var err error
	if u.Variant || u.stream {
		err = writeStreamed(&buf, u, !u.Variant)
	} else {
		pl := &report.Plan{Sectors: []report.Sector{u.Sector}, Tasks: u.Tasks}
		err = xlsx.WriteSubmission(&buf, xlsx.Submission{Plan: pl, Sector: u.Sector, Period: Period, Sub: u.Sub, Lang: report.VI})
	}
	return buf.Bytes(), err
}

// Unit builds file i; it depends only on the configuration and i.
func (c Config) Unit(i int) *Unit {
	r := rand.New(rand.NewPCG(c.Seed, uint64(i)))
	kind := sectorKinds[i%len(sectorKinds)]
	prov := provinces[(i/len(sectorKinds))%len(provinces)]
	code := prov.code + "-" + kind.code
	if round := i / (len(provinces) * len(sectorKinds)); round > 0 {
		code = fmt.Sprintf("%s%d", code, round+1)
	}
	u := &Unit{
		Sector:  report.Sector{Code: code, Name: kind.name + " " + prov.name, Lead: kind.lead + " " + prov.name, Order: i + 1},
		Variant: r.Float64() < c.Variants,
		stream:  c.Stream,
		bad:     map[string]string{},
	}
	u.File = fmt.Sprintf("%04d %s %s - BC tien do NVTT T3.2021.xlsx", i+1, kind.ascii, prov.ascii)
	u.Sub = &report.Submission{
		File: u.File, Name: u.File, Sector: code, SectorText: code, Period: Period,
		ReportDate: report.Date(2021, time.March, 1+r.IntN(4)),
		Preparer:   person(r), Contact: fmt.Sprintf("0%d %d - vanthu@%s.gov.vn", 200+r.IntN(99), 3000000+r.IntN(999999), kind.code),
	}
	if r.Float64() < c.BadFiles {
		kinds := []string{"stage", "date", "nodate"}
		for range 1 + r.IntN(3) {
			u.bad[fmt.Sprintf("%s-%04d", code, 1+r.IntN(c.Rows))] = pick(r, kinds)
		}
	}
	for j := range c.Rows {
		planned, t, row := makeRow(r, u, prov, j)
		u.Planned = append(u.Planned, planned)
		u.Tasks = append(u.Tasks, t)
		u.Sub.Rows = append(u.Sub.Rows, row)
	}
	return u
}

// makeRow builds task j of u and the department's report on it. Tasks
// due before the as-of date are mostly done; the others mostly under way.
func makeRow(r *rand.Rand, u *Unit, prov province, j int) (planned, stated report.Task, row report.Row) {
	out := pick(r, outputs)
	t := report.Task{
		ID: fmt.Sprintf("%s-%04d", u.Sector.Code, j+1), Sector: u.Sector.Code, Title: title(r, out, prov.name),
		Output: out, SubmitTo: pick(r, submitTo), Lead: u.Sector.Lead, Coordinating: coordinating(r),
	}
	t.Deadline, t.DeadlineText = deadline(r)
	row = report.Row{Row: j + 5, ID: t.ID, Title: t.Title, Officer: person(r), HasPercent: true}
	reportDate := u.Sub.ReportDate
	past := t.Deadline.Before(AsOf)
	switch {
	case past && r.IntN(10) < 7, !past && r.IntN(10) == 0:
		row.Stage = report.StageDone
		row.Percent = 100
		last := earlier(t.Deadline, reportDate)
		if past && r.IntN(5) == 0 {
			last = reportDate // done late
		}
		row.DoneDate = last.AddDate(0, 0, -r.IntN(30))
		if r.IntN(7) != 0 {
			row.IssuedDoc = issuedDoc(r, out, row.DoneDate.Day(), int(row.DoneDate.Month()))
		}
	default:
		s := 1 + r.IntN(6)
		if r.IntN(12) == 0 {
			s = int(report.StageInProgress)
		}
		row.Stage = report.Stage(s)
		row.Percent = float64(min(95, s*15+r.IntN(10)))
	}
	row.StageText = pick(r, stageTexts[row.Stage])
	if r.IntN(4) == 0 {
		row.Difficulties = sentences(r, difficulties, 2)
	}
	if r.IntN(8) == 0 {
		row.Proposals = sentences(r, proposals, 2)
	}
	if r.IntN(7) == 0 {
		row.Notes = pick(r, notes)
	}
	planned = t
	switch u.bad[t.ID] {
	case "stage":
		row.StageText = pick(r, unknownStages)
	case "date":
		t.Deadline, t.DeadlineText = time.Time{}, pick(r, invalidDates)
	case "nodate":
		row.Stage, row.StageText, row.DoneDate, row.IssuedDoc = report.StageDone, "Hoàn thành", time.Time{}, ""
	}
	return planned, t, row
}

func earlier(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// deadline picks a deadline in 2021 and how it is written: a date cell
// (text empty) most often, else a typed date or a period.
func deadline(r *rand.Rand) (time.Time, string) {
	var d time.Time
	if r.IntN(4) == 0 {
		d = report.Date(2021, time.January, 15).AddDate(0, 0, r.IntN(48)) // before the as-of date
	} else {
		d = AsOf.AddDate(0, 0, r.IntN(300))
	}
	switch n := r.IntN(20); {
	case n < 12:
		return d, ""
	case n < 15:
		return d, d.Format("02/01/2006")
	case n < 17:
		q := (int(d.Month())-1)/3 + 1
		return report.Date(2021, time.Month(3*q)+1, 0), fmt.Sprintf("Quý %s/2021", []string{"I", "II", "III", "IV"}[q-1])
	case n < 19:
		return report.Date(2021, d.Month()+1, 0), fmt.Sprintf("Tháng %d/2021", int(d.Month()))
	default:
		if d.Month() <= time.June {
			return report.Date(2021, time.June, 30), "6 tháng đầu năm 2021"
		}
		return report.Date(2021, time.December, 31), "Năm 2021"
	}
}
