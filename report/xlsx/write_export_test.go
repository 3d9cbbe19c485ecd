package xlsx

import "testing"

// Internals that the external tests (package xlsx_test, which may import
// bench/inbox) check.
var (
	WOverdue     = wOverdue
	WDueSoon     = wDueSoon
	WIssues      = wIssues
	WDueIn       = wDueIn
	WNotReported = wNotReported
	TestResult   = testResult
	SnapWant     = snapWant
)

// WSortStable is wSortStable for a test's type.
func WSortStable[T any](s []T, c func(a, b T) int) { wSortStable(s, c) }

// WCheckParts checks a workbook's XML parts (see wCheckParts).
func WCheckParts(tb testing.TB, data []byte) { wCheckParts(tb, data) }
