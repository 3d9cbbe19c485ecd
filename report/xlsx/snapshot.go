package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

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
	// maxSnapshotBytes bounds what ReadSnapshot reads and inflates.
	maxSnapshotBytes = 64 << 20
)

var wSnapFields = []string{
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

// ReadSnapshot reads last period's figures from its consolidated workbook
// (--previous), in either language. Errors are *SnapshotError.
func ReadSnapshot(name string, rd io.Reader) (*report.Snapshot, error) {
	data, err := io.ReadAll(io.LimitReader(rd, maxSnapshotBytes+1))
	switch {
	case err != nil:
		return nil, snapshotError(name, "không đọc được tệp", "the file cannot be read", err)
	case len(data) > maxSnapshotBytes:
		return nil, snapshotError(name, "tệp quá lớn", "the file is too large", nil)
	case !bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return nil, snapshotError(name, "tệp không phải bảng tính Excel (.xlsx)", "the file is not an Excel workbook (.xlsx)", nil)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: 4 * maxSnapshotBytes, UnzipXMLSizeLimit: maxSnapshotBytes,
	})
	if err != nil {
		return nil, snapshotError(name, "tệp bị hỏng", "the file is damaged", err)
	}
	defer f.Close()
	if idx, err := f.GetSheetIndex(wSnapSheet); err != nil || idx < 0 {
		return nil, snapshotError(name, "tệp không phải bảng tổng hợp do tonghop tạo (thiếu trang ẩn \"tonghop\")",
			"it is not a consolidated workbook written by tonghop (the hidden sheet \"tonghop\" is missing)", err)
	}
	rows, err := f.GetRows(wSnapSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, snapshotError(name, "trang \"tonghop\" bị hỏng", "the sheet \"tonghop\" is damaged", err)
	}
	snap, err := parseSnapshot(rows)
	if err != nil {
		return nil, snapshotError(name, "trang \"tonghop\" bị sửa hoặc hỏng ("+err.Error()+")",
			"the sheet \"tonghop\" was edited or is damaged ("+err.Error()+")", err)
	}
	return snap, nil
}

// parseSnapshot interprets the hidden sheet's rows; errors name the cell.
func parseSnapshot(rows [][]string) (*report.Snapshot, error) {
	cell := func(r, c int) string {
		if r < len(rows) && c < len(rows[r]) {
			return strings.TrimSpace(rows[r][c])
		}
		return ""
	}
	if cell(0, 0) != wSnapMagic {
		return nil, errors.New("A1")
	}
	if v, err := strconv.Atoi(cell(0, 1)); err != nil || v > wSnapVersion {
		return nil, errors.New("B1")
	}
	snap := &report.Snapshot{Sectors: map[string]report.Counts{}, Status: map[string]report.Status{}}
	t, err := time.Parse("2006-01", cell(1, 1))
	if cell(1, 0) != "period" || err != nil {
		return nil, errors.New("B2")
	}
	snap.Period = report.Period{Year: t.Year(), Month: t.Month()}
	fields := map[string]int{} // column of each Counts field
	if len(rows) > 3 {
		for c := 2; c < len(rows[3]); c++ {
			fields[cell(3, c)] = c
		}
	}
	for i := 4; i < len(rows); i++ {
		kind, key := cell(i, 0), cell(i, 1)
		switch kind {
		case "totals", "sector":
			var c report.Counts
			ptrs := wCountFields(&c)
			for j, name := range wSnapFields {
				col, ok := fields[name]
				if !ok {
					continue // a field added after this workbook was written
				}
				n, err := strconv.Atoi(cell(i, col))
				if err != nil {
					return nil, errors.New(wRef(col+1, i+1))
				}
				*ptrs[j] = n
			}
			if kind == "totals" {
				snap.Totals = c
			} else {
				snap.Sectors[key] = c
			}
		case "task":
			st, ok := wParseStatusKey(cell(i, 2))
			if !ok || key == "" {
				return nil, errors.New(wRef(3, i+1))
			}
			snap.Status[key] = st
		case "":
		default:
			return nil, errors.New(wRef(1, i+1))
		}
	}
	return snap, nil
}

func wParseStatusKey(s string) (report.Status, bool) {
	for _, k := range wStatusKeys {
		if k.key == s {
			return k.status, true
		}
	}
	return 0, false
}
