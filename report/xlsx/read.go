package xlsx

import (
	"io"

	"github.com/tonghop/tonghop/report"
)

// ReadSubmission reads a submission workbook. name is the file's path as
// given (used in findings by its base name). It never fails: a file that
// cannot be used comes back with a file.* finding and no rows.
func ReadSubmission(name string, r io.Reader) *report.RawSubmission {
	return &report.RawSubmission{File: name, Name: name, Findings: []report.Finding{{File: name, Code: report.CodeFileCorrupt, Severity: report.Error, Value: "not available yet"}}}
}

// ReadPlan reads a plan workbook.
func ReadPlan(name string, r io.Reader) (*report.RawPlan, error) {
	return nil, errNotYet
}
