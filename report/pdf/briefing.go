package pdf

import (
	"errors"
	"io"

	"github.com/tonghop/tonghop/report"
)

// Write renders the briefing of r to w.
func Write(w io.Writer, r *report.Result, lang report.Lang) error {
	return errors.New("not available yet")
}
