package xlsx

import "testing"

// Internals that the external tests (package xlsx_test, which may import
// bench/inbox) check.
var (
	TestResult = testResult
	SnapWant   = snapWant
	WCellText  = wCellText // a text as a cell holds it
)

// WCheckParts checks a workbook's XML parts (see wCheckParts).
func WCheckParts(tb testing.TB, data []byte) { wCheckParts(tb, data) }
