package xlsx

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// rBook builds a workbook in memory with excelize: build gets a file whose
// only sheet is named first.
func rBook(tb testing.TB, first string, build func(f *excelize.File)) []byte {
	tb.Helper()
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", first); err != nil {
		tb.Fatal(err)
	}
	build(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// rRow writes vals from column col of row on sheet (creating the sheet).
func rRow(tb testing.TB, f *excelize.File, sheet string, row, col int, vals ...any) {
	tb.Helper()
	if i, _ := f.GetSheetIndex(sheet); i < 0 {
		if _, err := f.NewSheet(sheet); err != nil {
			tb.Fatal(err)
		}
	}
	for i, v := range vals {
		if v == nil {
			continue
		}
		ref, _ := excelize.CoordinatesToCellName(col+i, row)
		if err := f.SetCellValue(sheet, ref, v); err != nil {
			tb.Fatal(err)
		}
	}
}

// rStyle applies a number format (builtin id or custom code) to cells.
func rStyle(tb testing.TB, f *excelize.File, sheet string, st *excelize.Style, refs ...string) {
	tb.Helper()
	id, err := f.NewStyle(st)
	if err != nil {
		tb.Fatal(err)
	}
	for _, ref := range refs {
		if err := f.SetCellStyle(sheet, ref, ref, id); err != nil {
			tb.Fatal(err)
		}
	}
}

func rCanonicalHeader(fields []templates.Field) []any {
	out := make([]any, len(fields))
	for i, f := range fields {
		out[i] = f.Header("vi")
	}
	return out
}

// rDump renders the raw rows of a submission as text for assertions: one
// line per row, "row: FIELD=Ref:text ...".
func rDump(rows []report.RawRow) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%d", r.Row)
		if r.Hidden {
			b.WriteString(" hidden")
		}
		b.WriteString(":")
		for f, c := range r.Cells {
			if c.Empty() {
				continue
			}
			fmt.Fprintf(&b, " %s=%s:%s", rFieldName(templates.Field(f)), c.Ref, rCellText(c))
		}
		b.WriteString("\n")
	}
	return b.String()
}

func rCellText(c report.Cell) string {
	s := fmt.Sprintf("%q", c.Text)
	if c.IsNumber {
		s = "#" + c.Text
	}
	if c.IsDate {
		s += "(date)"
	}
	if c.Percent {
		s += "(%)"
	}
	return s
}

var rFieldNames = map[templates.Field]string{
	templates.FieldNo: "no", templates.FieldID: "id", templates.FieldSector: "sector", templates.FieldTitle: "title",
	templates.FieldOutput: "output", templates.FieldSubmitTo: "submit", templates.FieldLead: "lead",
	templates.FieldCoordinating: "coord", templates.FieldDeadline: "deadline", templates.FieldOfficer: "officer",
	templates.FieldStage: "stage", templates.FieldPercent: "pct", templates.FieldDoneDate: "done",
	templates.FieldIssuedDoc: "doc", templates.FieldDifficulties: "diff", templates.FieldProposals: "prop",
	templates.FieldNotes: "notes",
}

func rFieldName(f templates.Field) string { return rFieldNames[f] }

// rInfo renders info rows as "key=Ref:text" lines.
func rInfo(info []report.RawInfo) string {
	var b strings.Builder
	for _, in := range info {
		fmt.Fprintf(&b, "%s=%s:%s\n", in.Key.Label("en"), in.Value.Ref, rCellText(in.Value))
	}
	return b.String()
}

// rCodes lists the findings as "code sheet cell" lines.
func rCodes(fs []report.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s|%s|%s|%s|%s\n", f.Code, f.Severity, f.Sheet, f.Cell, f.Column, f.Value)
	}
	return b.String()
}

func rDiff(tb testing.TB, what, got, want string) {
	tb.Helper()
	if got != want {
		tb.Errorf("%s:\ngot:\n%s\nwant:\n%s", what, got, want)
	}
}
