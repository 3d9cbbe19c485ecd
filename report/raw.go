package report

import "github.com/tonghop/tonghop/templates"

// Cell is one spreadsheet cell as the workbook reader found it, before any
// interpretation. The core decides what it means.
type Cell struct {
	Ref      string  // A1 reference, "" when the cell is absent
	Text     string  // the string value, or a number as written in the file
	Number   float64 // the numeric value when IsNumber
	IsNumber bool
	IsDate   bool   // the number format is a date or time format
	Percent  bool   // the number format is a percentage
	Font     string // font name, which tells TCVN3 upper case from lower case
}

// Empty reports whether the cell holds nothing.
func (c Cell) Empty() bool { return !c.IsNumber && trimSpace(c.Text) == "" }

// RawRow is one data row of a task table.
type RawRow struct {
	Row    int // 1-based
	Hidden bool
	Cells  [templates.NumFields]Cell
}

// RawInfo is one key/value row of a "Thông tin" sheet.
type RawInfo struct {
	Key   templates.InfoKey
	Label string // the key cell's text
	Value Cell
}

// RawSubmission is a submission workbook as read: its info rows and its task
// table, with the reader's own findings (whole-file refusals, missing
// sheets or columns).
type RawSubmission struct {
	File      string // path as given
	Name      string // base name
	SHA256    string
	Date1904  bool
	InfoSheet string
	Info      []RawInfo
	TaskSheet string
	HeaderRow int
	Columns   [templates.NumFields]string // column letters of the recognised fields
	Rows      []RawRow
	Findings  []Finding
}

// Refused reports whether the reader refused the whole file.
func (r *RawSubmission) Refused() bool {
	for _, f := range r.Findings {
		if f.IsFile() || (f.Severity == Error && (f.Code == CodeSheetMissing || f.Code == CodeHeaderMissing || f.Code == CodeSheetTooLarge)) {
			return true
		}
	}
	return false
}

// RawPlan is a plan workbook as read.
type RawPlan struct {
	File      string
	Name      string
	Date1904  bool
	Info      []RawInfo
	Sectors   []RawSectorRow
	TaskSheet string
	Tasks     []RawRow
	Findings  []Finding
}

// RawSectorRow is one row of the plan's "Ngành" sheet.
type RawSectorRow struct {
	Row                     int
	Code, Name, Lead, Order Cell
}
