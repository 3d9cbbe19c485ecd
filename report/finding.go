package report

import (
	"cmp"
	"slices"
	"strings"
)

// Severity says whether a finding rejects what it is about.
type Severity int

// Severities. An error rejects the row (or, for file.* codes, the file); a
// warning keeps it.
const (
	Warning Severity = iota
	Error
)

// Label returns "lỗi"/"cảnh báo" or "error"/"warning".
func (s Severity) Label(l Lang) string {
	if s == Error {
		return l.Pick("Lỗi", "Error")
	}
	return l.Pick("Cảnh báo", "Warning")
}

// String is the severity's JSON name.
func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Code is the stable identifier of a kind of finding.
type Code string

// Finding codes (SPEC §6). They are part of the JSON contract: never rename one.
const (
	CodeFileNotXLSX     Code = "file.not_xlsx"
	CodeFileXLS         Code = "file.xls"
	CodeFileODS         Code = "file.ods"
	CodeFileEncrypted   Code = "file.encrypted"
	CodeFileCorrupt     Code = "file.corrupt"
	CodeFileTooLarge    Code = "file.too_large"
	CodeFileEmpty       Code = "file.empty"
	CodeFileUnreadable  Code = "file.unreadable"
	CodeFileSuperseded  Code = "file.superseded"
	CodeFileSameDate    Code = "file.same_report_date"
	CodeSheetMissing    Code = "sheet.missing"
	CodeSheetTooLarge   Code = "sheet.too_many_rows"
	CodeHeaderMissing   Code = "header.missing"
	CodeSectorMissing   Code = "sector.missing"
	CodeSectorUnknown   Code = "sector.unknown"
	CodePeriodMissing   Code = "period.missing"
	CodePeriodInvalid   Code = "period.invalid"
	CodePeriodOther     Code = "period.other"
	CodeReportDate      Code = "report_date.missing"
	CodeDateInvalid     Code = "date.invalid"
	CodeDeadlineMissing Code = "deadline.missing"
	CodeStageMissing    Code = "stage.missing"
	CodeStageUnknown    Code = "stage.unknown"
	CodePercentInvalid  Code = "percent.invalid"
	CodePercentDone     Code = "percent.not_100"
	CodeTitleMissing    Code = "title.missing"
	CodeTaskUnknownID   Code = "task.unknown_id"
	CodeTaskDuplicateID Code = "task.duplicate_id"
	CodeTaskWrongSector Code = "task.wrong_sector"
	CodeTaskMismatch    Code = "task.plan_mismatch"
	CodeDoneMissingDate Code = "done.missing_date"
	CodeDoneFutureDate  Code = "done.future_date"
	CodeDateNotDone     Code = "done.date_without_done"
	CodeOfficerMissing  Code = "officer.missing"
	CodeTextLegacy      Code = "text.legacy_encoding"
	CodePlanInvalid     Code = "plan.invalid"
)

// Finding is one problem found in an input file.
type Finding struct {
	File     string // base name of the file
	Sheet    string
	Cell     string // A1 reference, "" for whole-file and whole-sheet findings
	Row      int    // 0 when not about a row
	Column   string // canonical header of the column, in Vietnamese
	Code     Code
	Severity Severity
	Value    string // what was found (cell text, file kind …)
	Want     string // what was expected, language-neutral (a plan value, a date …)
	Other    string // another file or task involved
}

// IsFile reports whether the finding refuses the whole file.
func (f Finding) IsFile() bool {
	return strings.HasPrefix(string(f.Code), "file.") && f.Severity == Error
}

// Message returns the finding as one sentence in l: where, what was found,
// what was expected and how to fix it.
func (f Finding) Message(l Lang) string {
	var b strings.Builder
	b.WriteString(f.File)
	if f.Sheet != "" {
		b.WriteString(l.Pick(", trang tính “", ", sheet “"))
		b.WriteString(f.Sheet)
		b.WriteString("”")
	}
	if f.Cell != "" {
		b.WriteString(l.Pick(", ô ", ", cell "))
		b.WriteString(f.Cell)
	}
	b.WriteString(": ")
	b.WriteString(f.Text(l))
	return b.String()
}

// Text returns the finding's explanation without its location, for a cell
// comment or a feedback list that shows the location in its own column.
func (f Finding) Text(l Lang) string {
	m, ok := messages[f.Code]
	if alt, has := messagesNoValue[f.Code]; has && f.Value == "" {
		m = alt
	}
	if !ok {
		return string(f.Code)
	}
	tmpl := m[0]
	if l == EN {
		tmpl = m[1]
	}
	col := f.Column
	if l == EN {
		col = englishHeader(col)
	}
	r := strings.NewReplacer("{value}", f.Value, "{want}", f.Want, "{other}", f.Other, "{column}", col)
	return r.Replace(tmpl)
}

// SortFindings orders findings by file, sheet, row, column and code, so
// output never depends on the order files were read in.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Sheet, b.Sheet),
			cmp.Compare(a.Row, b.Row),
			cmp.Compare(len(a.Cell), len(b.Cell)),
			cmp.Compare(a.Cell, b.Cell),
			cmp.Compare(a.Code, b.Code),
		)
	})
}

// Count returns the number of errors and warnings in fs.
func Count(fs []Finding) (errors, warnings int) {
	for _, f := range fs {
		if f.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}
