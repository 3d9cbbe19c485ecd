package xlsx

import (
	"io"

	"github.com/tonghop/tonghop/report"
)

// WriteFeedback writes a copy of the submission (original bytes) with
// every problem cell highlighted and commented, plus a sheet listing every
// finding with a link to its cell.
func WriteFeedback(w io.Writer, original []byte, findings []report.Finding, lang report.Lang) error {
	return errNotYet
}
