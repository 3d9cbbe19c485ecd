package report

import (
	"testing"
	"time"
)

func TestClassify(t *testing.T) {
	asOf := ymd(2021, 3, 4)
	tests := []struct {
		name     string
		reported bool
		stage    Stage
		deadline time.Time
		done     time.Time
		want     Standing
	}{
		{"not reported", false, StageUnknown, ymd(2021, 6, 30), time.Time{}, Standing{Status: StatusNotReported}},
		{"not reported, even if past due", false, StageDrafting, ymd(2021, 1, 31), time.Time{}, Standing{Status: StatusNotReported}},
		{"stopped is not counted", true, StageStopped, ymd(2021, 1, 31), time.Time{}, Standing{Status: StatusStopped}},
		{"done before the deadline", true, StageDone, ymd(2021, 3, 31), ymd(2021, 2, 15), Standing{Status: StatusDoneOnTime}},
		{"done on the deadline is on time", true, StageDone, ymd(2021, 2, 15), ymd(2021, 2, 15), Standing{Status: StatusDoneOnTime}},
		{"done a day late", true, StageDone, ymd(2021, 2, 15), ymd(2021, 2, 16), Standing{Status: StatusDoneLate, DaysLate: 1}},
		{"done a month late", true, StageDone, ymd(2021, 1, 31), ymd(2021, 3, 3), Standing{Status: StatusDoneLate, DaysLate: 31}},
		{"done past the deadline as of now but on time", true, StageDone, ymd(2021, 1, 31), ymd(2021, 1, 20), Standing{Status: StatusDoneOnTime}},
		{"done without a deadline", true, StageDone, time.Time{}, ymd(2021, 2, 1), Standing{Status: StatusDoneOnTime}},
		{"done without a date", true, StageDone, ymd(2021, 1, 31), time.Time{}, Standing{Status: StatusDoneOnTime}},
		{"deadline is the as-of date: on time, due soon", true, StageDrafting, asOf, time.Time{}, Standing{Status: StatusOnTrack, DueSoon: true}},
		{"deadline a day before as-of: overdue by 1", true, StageDrafting, ymd(2021, 3, 3), time.Time{}, Standing{Status: StatusOverdue, DaysOverdue: 1}},
		{"deadline 32 days before", true, StageSubmitted, ymd(2021, 1, 31), time.Time{}, Standing{Status: StatusOverdue, DaysOverdue: 32}},
		{"due in exactly 15 days is due soon", true, StageConsulting, ymd(2021, 3, 19), time.Time{}, Standing{Status: StatusOnTrack, DueSoon: true}},
		{"due in 16 days is not", true, StageConsulting, ymd(2021, 3, 20), time.Time{}, Standing{Status: StatusOnTrack}},
		{"far deadline", true, StageNotStarted, ymd(2021, 12, 31), time.Time{}, Standing{Status: StatusOnTrack}},
		{"no deadline", true, StageInProgress, time.Time{}, time.Time{}, Standing{Status: StatusOnTrack}},
		{"change requested counts as in progress", true, StageAdjust, ymd(2021, 1, 31), time.Time{}, Standing{Status: StatusOverdue, DaysOverdue: 32}},
		{"unknown stage counts as in progress", true, StageUnknown, ymd(2021, 6, 30), time.Time{}, Standing{Status: StatusOnTrack}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Classify(tt.reported, tt.stage, tt.deadline, tt.done, asOf); got != tt.want {
				t.Errorf("Classify = %+v; want %+v", got, tt.want)
			}
		})
	}
}

func TestStatusLabels(t *testing.T) {
	want := map[Status][2]string{
		StatusDoneOnTime:  {"Hoàn thành đúng hạn", "Completed on time"},
		StatusDoneLate:    {"Hoàn thành quá hạn", "Completed late"},
		StatusOnTrack:     {"Đang thực hiện trong hạn", "In progress, on time"},
		StatusOverdue:     {"Đang thực hiện quá hạn", "In progress, overdue"},
		StatusNotReported: {"Chưa báo cáo", "Not reported"},
		StatusStopped:     {"Dừng thực hiện", "Stopped"},
	}
	for s, w := range want {
		if s.Label(VI) != w[0] || s.Label(EN) != w[1] {
			t.Errorf("%d: labels %q, %q; want %q, %q", s, s.Label(VI), s.Label(EN), w[0], w[1])
		}
	}
	for _, s := range Statuses {
		if s == StatusStopped {
			t.Error("Statuses lists the stopped status, which is not counted")
		}
	}
	if !StatusDoneOnTime.Done() || !StatusDoneLate.Done() || StatusOnTrack.Done() || StatusStopped.Done() {
		t.Error("Done() wrong")
	}
}
