package xlsx

import (
	"fmt"
	"path/filepath"

	"github.com/tonghop/tonghop/report"
)

// The consolidated workbook carries its figures a second time in a hidden
// sheet, in a fixed machine-readable layout that does not depend on the
// language or on how the visible sheets look, so that next month's
// --previous reads them back exactly:
//
//	A1 "tonghop-snapshot"  B1 format version
//	A2 "period"            B2 "2021-03"
//	A3 "as_of"             B3 "2021-03-04"
//	A4 "kind"  B4 "key"    C4.. the Counts fields by their JSON names
//	"totals"   ""          figures
//	"sector"   code        figures       (one row per sector, report order)
//	"task"     id          status name   (one row per entry, table order)
const (
	wSnapSheet   = "tonghop"
	wSnapMagic   = "tonghop-snapshot"
	wSnapVersion = 1
)

var wSnapFields = [...]string{
	"tasks", "done", "done_on_time", "done_late", "in_progress", "in_progress_on_time",
	"overdue", "not_reported", "due_soon", "due", "done_of_due", "stopped",
}

func wCountFields(c *report.Counts) []*int {
	return []*int{&c.Tasks, &c.Done, &c.DoneOnTime, &c.DoneLate, &c.InProgress, &c.OnTrack,
		&c.Overdue, &c.NotReported, &c.DueSoon, &c.Due, &c.DoneOfDue, &c.Stopped}
}

var wStatusKeys = []struct {
	status report.Status
	key    string
}{
	{report.StatusDoneOnTime, "done_on_time"},
	{report.StatusDoneLate, "done_late"},
	{report.StatusOnTrack, "in_progress_on_time"},
	{report.StatusOverdue, "overdue"},
	{report.StatusNotReported, "not_reported"},
	{report.StatusStopped, "stopped"},
}

func wStatusKey(s report.Status) string {
	for _, k := range wStatusKeys {
		if k.status == s {
			return k.key
		}
	}
	return ""
}

// SnapshotError says why a workbook cannot serve as last period's figures.
type SnapshotError struct {
	File   string // base name
	vi, en string // the reason
	Err    error  // the underlying cause, for logs
}

func (e *SnapshotError) Error() string { return e.Message(report.EN) }

func (e *SnapshotError) Unwrap() error { return e.Err }

// Message is the full sentence for the user: what is wrong and what to do.
func (e *SnapshotError) Message(l report.Lang) string {
	return fmt.Sprintf(l.Pick(
		"%s: không dùng được làm số liệu kỳ trước (--previous): %s; hãy chỉ định tệp tong-hop-YYYY-MM.xlsx do tonghop tạo ở kỳ trước.",
		"%s: cannot be used as last period's figures (--previous): %s; give the tong-hop-YYYY-MM.xlsx file tonghop wrote last period."),
		e.File, l.Pick(e.vi, e.en))
}

func snapshotError(name, vi, en string, err error) *SnapshotError {
	return &SnapshotError{File: filepath.Base(name), vi: vi, en: en, Err: err}
}

func wParseStatusKey(s string) (report.Status, bool) {
	for _, k := range wStatusKeys {
		if k.key == s {
			return k.status, true
		}
	}
	return 0, false
}
