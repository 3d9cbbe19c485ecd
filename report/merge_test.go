package report

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func sub(name, sector string, period Period, date time.Time, rows ...Row) *Submission {
	return &Submission{File: "in/" + name, Name: name, Sector: sector, Period: period, ReportDate: date, Rows: rows}
}

func doneRow(id string, d time.Time) Row {
	return Row{ID: id, Stage: StageDone, DoneDate: d, Officer: "A"}
}
func workRow(id string, st Stage) Row { return Row{ID: id, Stage: st, Officer: "B"} }

var march = Period{2021, time.March}

func TestConsolidateCountsAndStatuses(t *testing.T) {
	subs := []*Submission{
		sub("yt.xlsx", "YT", march, Date(2021, 3, 1),
			doneRow("YT-02", Date(2021, 3, 1)), // deadline 28/02: late
			workRow("YT-01", StageConsulting)), // deadline 30/06: on track
		sub("gd.xlsx", "GD", march, Date(2021, 3, 20),
			workRow("GD-01", StageDrafting)), // deadline 10/03: overdue 10 days
	}
	r := Consolidate(testPlan(), subs, Options{})
	if !r.AsOf.Equal(Date(2021, 3, 20)) || r.Period != march {
		t.Fatalf("as of %v period %v", r.AsOf, r.Period)
	}
	got := fmt.Sprintf("%+v", r.Totals)
	want := "{Tasks:4 Done:1 DoneOnTime:0 DoneLate:1 InProgress:2 OnTrack:1 Overdue:1 NotReported:1 DueSoon:0 Due:2 DoneOfDue:1 Stopped:0}"
	if got != want {
		t.Errorf("totals %s\nwant   %s", got, want)
	}
	var st []string
	for _, e := range r.Entries {
		st = append(st, fmt.Sprintf("%s:%s:%d", e.ID, e.Status.Label(EN), e.DaysOverdue))
	}
	if s := strings.Join(st, " "); s != "YT-01:In progress, on time:0 YT-02:Completed late:0 GD-01:In progress, overdue:10 GD-02:Not reported:0" {
		t.Errorf("entries: %s", s)
	}
	if r.Sectors[0].Tasks != 2 || r.Sectors[1].NotReported != 1 || !r.Sectors[1].Submitted {
		t.Errorf("sectors: %+v", r.Sectors)
	}
	if rate, ok := r.Totals.DueRate(); !ok || rate != 50 {
		t.Errorf("due rate %v %v", rate, ok)
	}
}

func TestConsolidateResubmissionSupersedes(t *testing.T) {
	old := sub("vh.xlsx", "YT", march, Date(2021, 3, 1), workRow("YT-01", StageDrafting), workRow("YT-02", StageDrafting))
	fix := sub("vh (sua).xlsx", "YT", march, Date(2021, 3, 3), workRow("YT-01", StageConsulting), doneRow("YT-02", Date(2021, 2, 20)))
	for _, order := range [][]*Submission{{old, fix}, {fix, old}} {
		r := Consolidate(testPlan(), order, Options{})
		if r.Entries[0].Row.Stage != StageConsulting || r.Entries[1].Status != StatusDoneOnTime {
			t.Errorf("the later report must win: %v %v", r.Entries[0].Row.Stage, r.Entries[1].Status)
		}
		states := map[string]SourceState{}
		for _, s := range r.Sources {
			states[s.Name] = s.State
		}
		if states["vh.xlsx"] != SourceSuperseded || states["vh (sua).xlsx"] != SourceUsed {
			t.Errorf("states %v", states)
		}
		var msgs []string
		for _, f := range r.Findings {
			msgs = append(msgs, f.Message(VI))
		}
		want := "vh.xlsx: báo cáo này (ngày báo cáo 01/03/2021) đã được thay bằng báo cáo gửi sau trong tệp vh (sua).xlsx (ngày 03/03/2021); tệp này không được dùng."
		if !slices.Contains(msgs, want) {
			t.Errorf("findings %q lack %q", msgs, want)
		}
	}
}

func TestConsolidateSameReportDateIsAnError(t *testing.T) {
	a := sub("a.xlsx", "YT", march, Date(2021, 3, 2), workRow("YT-01", StageDrafting))
	b := sub("b.xlsx", "YT", march, Date(2021, 3, 2), workRow("YT-01", StageConsulting))
	r := Consolidate(testPlan(), []*Submission{b, a}, Options{})
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.File+" "+string(f.Code)+" "+f.Other)
	}
	if s := strings.Join(got, "|"); s != "a.xlsx file.same_report_date b.xlsx|b.xlsx file.same_report_date a.xlsx" {
		t.Errorf("findings %s", s)
	}
	if r.Entries[0].Status != StatusNotReported {
		t.Errorf("neither row may be used, got %v", r.Entries[0].Status)
	}
}

func TestConsolidateOtherPeriodIsNotUsed(t *testing.T) {
	feb := sub("feb.xlsx", "GD", Period{2021, time.February}, Date(2021, 2, 1), doneRow("GD-01", Date(2021, 1, 30)))
	mar := sub("mar.xlsx", "YT", march, Date(2021, 3, 2), workRow("YT-01", StageDrafting))
	r := Consolidate(testPlan(), []*Submission{feb, mar}, Options{})
	if r.Period != march || r.Sources[0].State != SourceOtherPeriod || r.Totals.Done != 0 {
		t.Errorf("period %v state %v done %d", r.Period, r.Sources[0].State, r.Totals.Done)
	}
	if len(r.Findings) != 1 || r.Findings[0].Code != CodePeriodOther || r.Findings[0].Value != "2021-02" {
		t.Errorf("findings %+v", r.Findings)
	}
	r = Consolidate(testPlan(), []*Submission{feb, mar}, Options{Period: Period{2021, time.February}})
	if r.Totals.Done != 1 || r.Sources[1].State != SourceOtherPeriod {
		t.Errorf("--period must choose February: done %d", r.Totals.Done)
	}
}

func TestConsolidateProposedAndStopped(t *testing.T) {
	s := sub("yt.xlsx", "YT", march, Date(2021, 3, 2), Row{ID: "YT-01", Stage: StageStopped})
	s.Proposed = []Row{{Title: "Đề án mới", Stage: StageDrafting}}
	r := Consolidate(testPlan(), []*Submission{s}, Options{AsOf: Date(2021, 3, 4)})
	if r.Totals.Tasks != 3 || r.Totals.Stopped != 1 || len(r.Proposed) != 1 || r.Proposed[0].Sector != "YT" {
		t.Errorf("tasks %d stopped %d proposed %+v", r.Totals.Tasks, r.Totals.Stopped, r.Proposed)
	}
	if !r.AsOf.Equal(Date(2021, 3, 4)) {
		t.Errorf("--as-of must win: %v", r.AsOf)
	}
}

func TestConsolidateWithoutPlan(t *testing.T) {
	a := sub("a.xlsx", "Y tế", march, Date(2021, 3, 2),
		Row{Title: "Đề án", Stage: StageDrafting, Deadline: Date(2021, 6, 30)},
		Row{Title: "Kế hoạch", Stage: StageDone, DoneDate: Date(2021, 2, 1), Deadline: Date(2021, 2, 28)})
	b := sub("b.xlsx", "Giáo dục", march, Date(2021, 3, 1), Row{ID: "GD-1", Title: "Nghị quyết", Stage: StageDrafting, Deadline: Date(2021, 3, 1)})
	r := Consolidate(nil, []*Submission{a, b}, Options{})
	if r.Totals.Tasks != 3 || r.Totals.Done != 1 || r.Totals.Overdue != 1 {
		t.Errorf("totals %+v", r.Totals)
	}
	if len(r.Sectors) != 2 || r.Sectors[0].Code != "Giáo dục" {
		t.Errorf("sectors %+v", r.Sectors)
	}
}

func TestConsolidatePrevious(t *testing.T) {
	s := sub("gd.xlsx", "GD", march, Date(2021, 3, 20), doneRow("GD-02", Date(2021, 3, 15)), workRow("GD-01", StageDrafting))
	prev := &Snapshot{Period: Period{2021, time.February}, Status: map[string]Status{"GD-01": StatusOnTrack, "GD-02": StatusOnTrack}}
	r := Consolidate(testPlan(), []*Submission{s}, Options{Previous: prev})
	if len(r.NewlyDone) != 1 || r.NewlyDone[0].ID != "GD-02" || len(r.NewlyOverdue) != 1 || r.NewlyOverdue[0].ID != "GD-01" {
		t.Errorf("newly done %v newly overdue %v", r.NewlyDone, r.NewlyOverdue)
	}
}

// scaleInbox is 100 sectors of 100 tasks (10.000 rows) with every rule of
// SPEC §7 at work: sectors 0–9 resubmit all rows later (the first file is
// superseded), 10–14 resubmit half of them later (both files used), 15–17
// send a second file of the same date on a third of the rows (those rows
// are dropped, both files named), 18 sends an older file after the newer
// one (superseded) and 19 sends two files of the same date on all rows
// (both rejected).
func scaleInbox() (*Plan, []*Submission) {
	plan := &Plan{}
	var subs []*Submission
	for i := range 100 {
		code := fmt.Sprintf("S%02d", i)
		plan.Sectors = append(plan.Sectors, Sector{Code: code, Name: "Sector " + code, Order: i + 1})
		var rows []Row
		for j := range 100 {
			id := fmt.Sprintf("%s-%03d", code, j)
			plan.Tasks = append(plan.Tasks, Task{ID: id, Sector: code, Title: "Task " + id, Deadline: Date(2021, time.Month(1+j%6), 28)})
			rows = append(rows, Row{Row: 5 + j, ID: id, Title: "Task " + id, Deadline: Date(2021, time.Month(1+j%6), 28),
				Stage: StageDrafting, Officer: "A"})
		}
		file := func(name string, day int, rows []Row) *Submission {
			return sub(fmt.Sprintf("%s %s.xlsx", code, name), code, march, Date(2021, 3, day), rows...)
		}
		subs = append(subs, file("a", 2, rows))
		again := slices.Clone(rows)
		for j := range again {
			again[j].Stage, again[j].DoneDate = StageDone, Date(2021, 3, 1)
		}
		switch {
		case i < 10:
			subs = append(subs, file("b", 3, again))
		case i < 15:
			subs = append(subs, file("b", 3, again[50:]))
		case i < 18:
			subs = append(subs, file("b", 2, again[:33]))
		case i == 18:
			subs = append(subs, file("0", 1, again))
		case i == 19:
			subs = append(subs, file("b", 2, again))
		}
	}
	return plan, subs
}

func TestConsolidateAtScaleIsOrderIndependent(t *testing.T) {
	plan, subs := scaleInbox()
	for _, pl := range []*Plan{nil, plan} {
		want := Consolidate(pl, subs, Options{})
		rng := rand.New(rand.NewPCG(1, 2))
		for range 5 {
			shuffled := slices.Clone(subs)
			rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
			if got := Consolidate(pl, shuffled, Options{}); !reflect.DeepEqual(got, want) {
				t.Fatalf("plan %v: the result depends on the order of the files", pl != nil)
			}
		}
		checkScaleRules(t, pl != nil, want)
	}
}

func checkScaleRules(t *testing.T, withPlan bool, r *Result) {
	t.Helper()
	states := map[string]string{}
	for _, s := range r.Sources {
		states[s.Name] = fmt.Sprintf("%s %d", s.State, s.Accepted)
	}
	wantStates := map[string]string{
		"S00 a.xlsx": "superseded 100", "S00 b.xlsx": "used 100",
		"S10 a.xlsx": "used 50", "S10 b.xlsx": "used 50",
		"S15 a.xlsx": "used 67", "S15 b.xlsx": "rejected 33",
		"S18 0.xlsx": "superseded 100", "S18 a.xlsx": "used 100",
		"S19 a.xlsx": "rejected 100", "S19 b.xlsx": "rejected 100",
		"S20 a.xlsx": "used 100",
	}
	for name, want := range wantStates {
		if states[name] != want {
			t.Errorf("plan %v: %s is %q, want %q", withPlan, name, states[name], want)
		}
	}
	var found []string
	for _, f := range r.Findings {
		if strings.HasPrefix(f.File, "S15") || strings.HasPrefix(f.File, "S18") || strings.HasPrefix(f.File, "S00") {
			found = append(found, f.File+" "+string(f.Code)+" "+f.Other)
		}
	}
	wantFound := "S00 a.xlsx file.superseded S00 b.xlsx|S15 a.xlsx file.same_report_date S15 b.xlsx|" +
		"S15 b.xlsx file.same_report_date S15 a.xlsx|S18 0.xlsx file.superseded S18 a.xlsx"
	if got := strings.Join(found, "|"); got != wantFound {
		t.Errorf("plan %v: findings %s\nwant %s", withPlan, got, wantFound)
	}
	// Entries: in sector order, then plan (or file) order; the later
	// report's row wherever one won.
	if !withPlan && len(r.Entries) != 10000-3*33-100 || withPlan && len(r.Entries) != 10000 {
		t.Fatalf("plan %v: %d entries", withPlan, len(r.Entries))
	}
	var done, notReported int
	for i, e := range r.Entries {
		if i > 0 && e.Sector < r.Entries[i-1].Sector {
			t.Fatalf("plan %v: entry %d (%s) out of sector order", withPlan, i, e.ID)
		}
		switch {
		case e.Status == StatusNotReported:
			notReported++
		case e.Row.Stage == StageDone:
			done++
			if !strings.HasSuffix(e.Source, "b.xlsx") {
				t.Errorf("plan %v: %s done from %s", withPlan, e.ID, e.Source)
			}
		}
	}
	if done != 10*100+5*50 || withPlan && notReported != 3*33+100 {
		t.Errorf("plan %v: %d done, %d not reported", withPlan, done, notReported)
	}
}
