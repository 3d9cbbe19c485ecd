package xlsx

import (
	"errors"
	"io"

	"github.com/tonghop/tonghop/report"
)

var errNotYet = errors.New("not available yet")

// Submission describes a submission workbook to write: a blank template
// for a sector (Sub nil) or a filled-in one (samples, tests).
type Submission struct {
	Plan   *report.Plan
	Sector report.Sector
	Period report.Period
	Sub    *report.Submission // nil for a blank template
	Lang   report.Lang
}

// WriteSubmission writes a submission workbook.
func WriteSubmission(w io.Writer, s Submission) error { return errNotYet }

// WritePlan writes a plan workbook (sheets Thông tin, Ngành, Nhiệm vụ).
// With a zero plan it writes the blank plan of `tonghop init`.
func WritePlan(w io.Writer, p *report.Plan, lang report.Lang) error { return errNotYet }
