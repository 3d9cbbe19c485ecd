// Command geninbox writes a synthetic inbox for benchmarks: N submission
// workbooks of M task rows each, as a national roll-up would receive them
// (one file per province and department), in the period 2021-03.
//
//	go run ./bench/geninbox -files 200 -rows 500 -o /tmp/inbox
//	go run ./bench/geninbox -files 6 -rows 10 -plan -o /tmp/inbox
//
// Most files are the office's template (xlsx.WriteSubmission); about 3 %
// are "retyped" workbooks with title rows, renamed and shuffled columns and
// text dates; about 5 % carry one to three bad rows (unknown stage, invalid
// date, completed without a date). With -plan, plan.xlsx lists every
// sector and task. The output depends only on the flags (seeded), and files
// are written on all cores.
package main

import (
	"bytes"
	"flag"
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

type config struct {
	files, rows int
	plan        bool
	out         string
	seed        uint64
	variants    float64 // share of retyped files
	badFiles    float64 // share of files with bad rows
	stream      bool    // write every file with the stream writer
}

func main() {
	var c config
	flag.IntVar(&c.files, "files", 6, "number of submission workbooks")
	flag.IntVar(&c.rows, "rows", 10, "task rows per workbook")
	flag.BoolVar(&c.plan, "plan", false, "also write plan.xlsx covering every task")
	flag.StringVar(&c.out, "o", "inbox", "output folder (submissions go to OUT/2021-03)")
	flag.Uint64Var(&c.seed, "seed", 1, "random seed")
	flag.Float64Var(&c.variants, "variants", 0.03, "share of retyped (non-template) workbooks")
	flag.Float64Var(&c.badFiles, "bad", 0.05, "share of workbooks with one to three bad rows")
	flag.BoolVar(&c.stream, "stream", false, "write every workbook with excelize's StreamWriter (faster, inline strings)")
	flag.Parse()
	if c.files < 1 || c.rows < 1 {
		fmt.Fprintln(os.Stderr, "geninbox: -files and -rows must be at least 1")
		os.Exit(2)
	}
	start := time.Now()
	if err := generate(c); err != nil {
		fmt.Fprintln(os.Stderr, "geninbox:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "geninbox: %d files × %d rows in %s (%.1fs)\n", c.files, c.rows, c.out, time.Since(start).Seconds())
}

var (
	period = report.Period{Year: 2021, Month: time.March}
	asOf   = report.Date(2021, time.March, 5)
)

func generate(c config) error {
	dir := filepath.Join(c.out, period.String())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var next atomic.Int64
	var firstErr error
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= c.files {
					return
				}
				u := makeUnit(c, i)
				buf.Reset()
				var err error
				if u.variant || c.stream {
					err = writeRetyped(&buf, u, !u.variant)
				} else {
					err = xlsx.WriteSubmission(&buf, xlsx.Submission{Plan: u.plan(), Sector: u.sector, Period: period, Sub: u.sub, Lang: report.VI})
				}
				if err == nil {
					err = os.WriteFile(filepath.Join(dir, u.file), buf.Bytes(), 0o644)
				}
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = fmt.Errorf("%s: %w", u.file, err)
					}
					mu.Unlock()
					return
				}
			}
		}()
	}
	wg.Wait()
	if firstErr != nil || !c.plan {
		return firstErr
	}
	return writePlan(c)
}

func writePlan(c config) error {
	pl := &report.Plan{File: "plan.xlsx", Info: report.Info{
		GoverningBody: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", IssuingBody: "VĂN PHÒNG", Symbol: "BC-VP", Place: "Lâm Đồng",
		PlanTitle:   "Tình hình thực hiện các nhiệm vụ trọng tâm năm 2021 (số liệu mô phỏng)",
		Basis:       "Quyết định số 02/QĐ-UBND ngày 05/01/2021 của Ủy ban nhân dân tỉnh",
		SignerTitle: "CHÁNH VĂN PHÒNG", Signer: "Nguyễn Văn Bình",
		Recipients: []string{"Ban Chỉ đạo (b/c)", "Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Lưu: VT, TH"},
	}}
	for i := range c.files {
		u := makeUnit(c, i)
		pl.Sectors = append(pl.Sectors, u.sector)
		pl.Tasks = append(pl.Tasks, u.planned...)
	}
	var buf bytes.Buffer
	if err := xlsx.WritePlan(&buf, pl, report.VI); err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	return os.WriteFile(filepath.Join(c.out, "plan.xlsx"), buf.Bytes(), 0o644)
}

// unit is one department's file: its sector, the plan's tasks for it and
// what it reports.
type unit struct {
	file    string
	sector  report.Sector
	tasks   []report.Task // as the file states them
	planned []report.Task // as the plan states them
	sub     *report.Submission
	variant bool
	bad     map[string]string // task id -> kind of bad row
}

func (u *unit) plan() *report.Plan {
	return &report.Plan{Sectors: []report.Sector{u.sector}, Tasks: u.tasks}
}

// makeUnit builds file i; it depends only on the seed and i.
func makeUnit(c config, i int) *unit {
	r := rand.New(rand.NewPCG(c.seed, uint64(i)))
	kind := sectorKinds[i%len(sectorKinds)]
	prov := provinces[(i/len(sectorKinds))%len(provinces)]
	code := prov.code + "-" + kind.code
	round := i / (len(provinces) * len(sectorKinds))
	if round > 0 {
		code = fmt.Sprintf("%s%d", code, round+1)
	}
	u := &unit{
		sector:  report.Sector{Code: code, Name: kind.name + " " + prov.name, Lead: kind.lead + " " + prov.name, Order: i + 1},
		variant: r.Float64() < c.variants,
		bad:     map[string]string{},
	}
	u.file = fmt.Sprintf("%04d %s %s - BC tien do NVTT T3.2021.xlsx", i+1, kind.ascii, prov.ascii)
	reportDay := 1 + r.IntN(5)
	u.sub = &report.Submission{
		Name: u.file, Sector: code, SectorText: code, Period: period,
		ReportDate: report.Date(2021, time.March, reportDay),
		Preparer:   person(r), Contact: fmt.Sprintf("0%d %d - %s@%s.gov.vn", 200+r.IntN(99), 3000000+r.IntN(999999), "vanthu", prov.ascii[:2]),
	}
	if r.Float64() < c.badFiles {
		kinds := []string{"stage", "date", "nodate"}
		for range 1 + r.IntN(3) {
			u.bad[fmt.Sprintf("%s-%04d", code, 1+r.IntN(c.rows))] = pick(r, kinds)
		}
	}
	for j := range c.rows {
		planned, t, row := makeRow(r, u, prov, j)
		u.planned = append(u.planned, planned)
		u.tasks = append(u.tasks, t)
		u.sub.Rows = append(u.sub.Rows, row)
	}
	return u
}

// makeRow builds task j of u and the department's report on it. Tasks
// due before the as-of date are mostly done; the others mostly under way.
func makeRow(r *rand.Rand, u *unit, prov province, j int) (planned, stated report.Task, row report.Row) {
	out := pick(r, outputs)
	t := report.Task{
		ID: fmt.Sprintf("%s-%04d", u.sector.Code, j+1), Sector: u.sector.Code, Title: title(r, out, prov.name),
		Output: out, SubmitTo: pick(r, submitTo), Lead: u.sector.Lead, Coordinating: coordinating(r),
	}
	t.Deadline, t.DeadlineText = deadline(r)
	row = report.Row{ID: t.ID, Title: t.Title, Officer: person(r), HasPercent: true}
	reportDate := u.sub.ReportDate
	past := t.Deadline.Before(asOf)
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
			s = 8
		}
		row.Stage = report.Stage(s)
		row.Percent = float64(min(95, s*15+r.IntN(10)))
	}
	row.StageText = pick(r, stageTexts[int(row.Stage)])
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
		d = asOf.AddDate(0, 0, r.IntN(300))
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
