// Command generate rebuilds the sample workbooks under samples/: the plan of
// the reference case (Quyết định số 02/QĐ-UBND ngày 05/01/2021, culture-social
// block, 55 tasks in six sectors), the six submissions of March 2021 sent
// before the steering committee's meeting of 04/3/2021, and those of April
// 2021 (more done, a few overdue, one sector resubmitting), and a messy
// March inbox (own layouts, legacy text, a resubmission, a wrong month and
// one broken file of each kind).
//
//	go run ./samples/generate            # rewrites samples/
//	go run ./samples/generate -dir /tmp/s
//
// The output is byte-for-byte reproducible; a test checks the committed files.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/xlsx"
)

func main() {
	dir := flag.String("dir", "samples", "folder to write the samples into")
	flag.Parse()
	if err := Generate(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
}

// Generate writes every sample workbook into dir.
func Generate(dir string) error {
	plan := Plan()
	files := map[string][]byte{}
	var buf bytes.Buffer
	if err := xlsx.WritePlan(&buf, plan, report.VI); err != nil {
		return fmt.Errorf("plan: %w", err)
	}
	files["plan.xlsx"] = bytes.Clone(buf.Bytes())
	for _, m := range []struct {
		folder string
		period report.Period
		subs   []file
	}{
		{"2021-03", report.Period{Year: 2021, Month: time.March}, march},
		{"2021-04", report.Period{Year: 2021, Month: time.April}, april()},
	} {
		for _, f := range m.subs {
			buf.Reset()
			sub := submission(plan, f, m.period)
			sec, _ := plan.Sector(f.sector)
			err := xlsx.WriteSubmission(&buf, xlsx.Submission{Plan: plan, Sector: sec, Period: m.period, Sub: sub, Lang: report.VI})
			if err != nil {
				return fmt.Errorf("%s: %w", f.name, err)
			}
			files[filepath.Join(m.folder, f.name)] = bytes.Clone(buf.Bytes())
		}
	}
	messy, err := messyInbox(plan)
	if err != nil {
		return fmt.Errorf("messy inbox: %w", err)
	}
	for name, data := range messy {
		files[filepath.Join("inbox-messy", name)] = data
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Plan builds the reference plan.
func Plan() *report.Plan {
	pl := &report.Plan{File: "plan.xlsx", Info: info, Sectors: sectors}
	for _, sec := range sectors {
		for _, t := range tasks[sec.Code] {
			d, ok := report.ParseDeadline(report.Cell{Text: t.deadline}, false)
			if !ok {
				panic("bad sample deadline " + t.deadline)
			}
			pl.Tasks = append(pl.Tasks, report.Task{
				ID: t.id, Sector: sec.Code, Title: t.title, Output: t.output, SubmitTo: t.submitTo,
				Lead: sec.Lead, Coordinating: t.coord, Deadline: d, DeadlineText: t.deadline,
			})
		}
	}
	return pl
}

func submission(plan *report.Plan, f file, period report.Period) *report.Submission {
	s := &report.Submission{
		Name: f.name, Sector: f.sector, SectorText: f.sector, Period: period,
		ReportDate: date(f.date), Preparer: f.preparer, Contact: f.contact,
	}
	for _, t := range plan.Tasks {
		pr, ok := f.rows[t.ID]
		if t.Sector != f.sector || !ok {
			continue
		}
		s.Rows = append(s.Rows, report.Row{
			ID: t.ID, Title: t.Title, Officer: pr.officer, Stage: pr.stage, StageText: pr.stage.Label(report.VI),
			Percent: pr.pct, HasPercent: true, DoneDate: date(pr.done), IssuedDoc: pr.doc,
			Difficulties: pr.diff, Proposals: pr.prop, Notes: pr.note,
		})
	}
	s.Rows = append(s.Rows, f.proposed...)
	return s
}

// april derives the April files from March: the listed changes, and one
// stage further for every other task in progress.
func april() []file {
	bySector := map[string]file{}
	for _, f := range march {
		bySector[f.sector] = f
	}
	var out []file
	for _, af := range aprilFiles {
		m := bySector[af.sector]
		f := file{name: af.name, sector: af.sector, date: af.date, preparer: m.preparer, contact: m.contact, rows: map[string]p{}}
		for id, pr := range m.rows {
			switch ch, changed := aprilChanges[id]; {
			case contains(af.skip, id):
			case changed:
				ch.officer = pr.officer
				pr = ch
			case pr.stage != ok:
				pr.stage = next(pr.stage)
				pr.pct = min(pr.pct+15, 95)
			}
			f.rows[id] = pr
		}
		if af.sector == "VHTTDL" {
			f.proposed = []report.Row{aprilProposed}
		}
		out = append(out, f)
	}
	return out
}

func next(s report.Stage) report.Stage {
	switch s {
	case nd, dr, co, sy, fi:
		return s + 1
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func date(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("02/01/2006", s)
	if err != nil {
		panic(err)
	}
	return t
}
