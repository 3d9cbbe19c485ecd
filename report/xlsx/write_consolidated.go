package xlsx

import (
	"io"

	"github.com/tonghop/tonghop/report"
)

// WriteConsolidated writes the consolidated workbook tong-hop-YYYY-MM.xlsx.
func WriteConsolidated(w io.Writer, r *report.Result, lang report.Lang) error { return errNotYet }

// ReadSnapshot reads last period's figures from its consolidated workbook
// (--previous).
func ReadSnapshot(name string, rd io.Reader) (*report.Snapshot, error) { return nil, errNotYet }
