package report

import "time"

// Status is a task's standing as of a date (SPEC §5).
type Status int

// The statuses, in the order reports list them.
const (
	StatusDoneOnTime  Status = iota // Hoàn thành đúng hạn
	StatusDoneLate                  // Hoàn thành quá hạn
	StatusOnTrack                   // Đang thực hiện trong hạn
	StatusOverdue                   // Đang thực hiện quá hạn
	StatusNotReported               // Chưa báo cáo
	StatusStopped                   // Dừng thực hiện: listed, not counted
)

// Statuses lists the counted statuses in report order.
var Statuses = []Status{StatusDoneOnTime, StatusDoneLate, StatusOnTrack, StatusOverdue, StatusNotReported}

var statusLabels = map[Status][2]string{
	StatusDoneOnTime:  {"Hoàn thành đúng hạn", "Completed on time"},
	StatusDoneLate:    {"Hoàn thành quá hạn", "Completed late"},
	StatusOnTrack:     {"Đang thực hiện trong hạn", "In progress, on time"},
	StatusOverdue:     {"Đang thực hiện quá hạn", "In progress, overdue"},
	StatusNotReported: {"Chưa báo cáo", "Not reported"},
	StatusStopped:     {"Dừng thực hiện", "Stopped"},
}

// Label returns the status's name in l.
func (s Status) Label(l Lang) string {
	v := statusLabels[s]
	return l.Pick(v[0], v[1])
}

// Done reports whether s is one of the completed statuses.
func (s Status) Done() bool { return s == StatusDoneOnTime || s == StatusDoneLate }

// DueSoonDays is how close a deadline must be to flag a task "sắp đến hạn".
const DueSoonDays = 15

// Standing is the classification of one task.
type Standing struct {
	Status      Status
	DueSoon     bool // in progress, deadline within DueSoonDays of as-of
	DaysOverdue int  // in progress past its deadline: days since the deadline
	DaysLate    int  // done after its deadline: days late
}

// Classify gives a task its status as of asOf. reported is false when no
// submission used reports the task; deadline and done may be zero.
func Classify(reported bool, stage Stage, deadline, done, asOf time.Time) Standing {
	switch {
	case !reported:
		return Standing{Status: StatusNotReported}
	case stage == StageStopped:
		return Standing{Status: StatusStopped}
	case stage == StageDone:
		if !deadline.IsZero() && !done.IsZero() && done.After(deadline) {
			return Standing{Status: StatusDoneLate, DaysLate: Days(deadline, done)}
		}
		return Standing{Status: StatusDoneOnTime}
	case !deadline.IsZero() && deadline.Before(asOf):
		return Standing{Status: StatusOverdue, DaysOverdue: Days(deadline, asOf)}
	default:
		soon := !deadline.IsZero() && Days(asOf, deadline) <= DueSoonDays
		return Standing{Status: StatusOnTrack, DueSoon: soon}
	}
}
