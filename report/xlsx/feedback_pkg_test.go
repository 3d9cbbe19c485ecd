package xlsx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
)

// fbPkg builds a two-sheet workbook package ("Thông tin", "Nhiệm vụ")
// from its parts; edit may change or drop ("") any of them.
func fbPkg(tb testing.TB, edit map[string]string) []byte {
	tb.Helper()
	const (
		main = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
		rel  = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
		pkg  = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
		typ  = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
	)
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="` + fbCTSheet + `"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="` + fbCTSheet + `"/>` +
			`<Override PartName="/xl/styles.xml" ContentType="` + fbCTStyles + `"/>` +
			`<Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>`,
		"xl/theme/theme1.xml": fbDefaultTheme(),
		"_rels/.rels":         `<?xml version="1.0"?><Relationships ` + pkg + `><Relationship Id="rId1" Type="` + typ + `officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0"?><workbook ` + main + ` ` + rel + `><bookViews><workbookView activeTab="1"/></bookViews><sheets>` +
			`<sheet name="Thông tin" sheetId="1" r:id="rId1"/><sheet name="Nhiệm vụ" sheetId="2" r:id="rId2"/></sheets>` +
			`<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">'Nhiệm vụ'!$1:$1</definedName></definedNames></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships ` + pkg + `><Relationship Id="rId1" Type="` + typ + `worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="` + typ + `worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="` + typ + `styles" Target="styles.xml"/>` +
			`<Relationship Id="rId4" Type="` + typ + `theme" Target="theme/theme1.xml"/></Relationships>`,
		"xl/styles.xml": `<?xml version="1.0"?><styleSheet ` + main + `><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
			`<fonts count="1"><font><sz val="12"/><name val="Times New Roman"/></font></fonts>` +
			`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
			`<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
			`<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
			`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0"?><worksheet ` + main + `><dimension ref="A1:B2"/><sheetData>` +
			`<row r="1"><c r="A1" t="inlineStr"><is><t>Kỳ báo cáo</t></is></c><c r="B1" t="inlineStr"><is><t>tháng ba</t></is></c></row>` +
			`<row r="2"><c r="A2" t="inlineStr"><is><t>Ngày báo cáo</t></is></c><c r="B2" s="1"><v>44259</v></c></row></sheetData></worksheet>`,
		"xl/worksheets/sheet2.xml": `<?xml version="1.0"?><worksheet ` + main + ` ` + rel + `><dimension ref="A1:C3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>` +
			`<sheetFormatPr defaultRowHeight="15"/><cols><col min="3" max="3" width="30" style="1" customWidth="1"/></cols><sheetData>` +
			`<row r="1" spans="1:3"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c><c r="B1" t="inlineStr"><is><t>Giai đoạn</t></is></c><c r="C1" t="inlineStr"><is><t>Ngày</t></is></c></row>` +
			`<row r="2" spans="1:3"><c r="A2" t="inlineStr"><is><t>YT01</t></is></c><c r="B2" t="inlineStr"><is><t>Sắp xong</t></is></c></row>` +
			`<row r="3" spans="1:3" s="1" customFormat="1"><c r="A3" t="inlineStr"><is><t>YT02</t></is></c></row></sheetData>` +
			`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="0"/></worksheet>`,
	}
	for name, v := range edit {
		if v == "" {
			delete(parts, name)
		} else {
			parts[name] = v
		}
	}
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	slices.Sort(names)
	var pairs []string
	for _, name := range names {
		pairs = append(pairs, name, parts[name])
	}
	return rZip(tb, pairs...)
}

// fbPkgFindings are problems in cells that exist (B2, B1 of the info
// sheet), in a row without that cell (C2), in a row with its own format
// (C3), and in rows the sheet lacks (B5, between rows: none; after the
// last: D9).
func fbPkgFindings() []report.Finding {
	f := func(sheet, cell string, code report.Code, sev report.Severity, value string) report.Finding {
		col, row, _ := excelize.CellNameToCoordinates(cell)
		name, _ := excelize.ColumnNumberToName(col)
		return report.Finding{File: "a.xlsx", Sheet: sheet, Cell: cell, Row: row, Column: name, Code: code, Severity: sev, Value: value}
	}
	return []report.Finding{
		f("Nhiệm vụ", "B2", report.CodeStageUnknown, report.Error, "Sắp xong"),
		f("Nhiệm vụ", "C2", report.CodeDoneMissingDate, report.Error, ""),
		f("Nhiệm vụ", "C3", report.CodeDateInvalid, report.Warning, "x"),
		f("Nhiệm vụ", "D9", report.CodeOfficerMissing, report.Warning, ""),
		f("Thông tin", "B1", report.CodePeriodInvalid, report.Error, "tháng ba"),
		{File: "a.xlsx", Code: report.CodeFileSuperseded, Severity: report.Warning, Value: "01/03/2021", Want: "02/03/2021", Other: "b.xlsx"},
	}
}

// Packages as other writers make them: prefixed or strict namespaces,
// no styles, rows and cells without references, placeholder dimensions.
func TestWriteFeedbackPackages(t *testing.T) {
	prefixed := map[string]string{}
	for _, name := range []string{"xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} {
		prefixed[name] = fbPrefix(fbPkgPart(t, name))
	}
	strict := map[string]string{}
	for _, name := range []string{"xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/_rels/workbook.xml.rels", "_rels/.rels"} {
		s := fbPkgPart(t, name)
		s = strings.ReplaceAll(s, fbTransitional.main, fbStrict.main)
		s = strings.ReplaceAll(s, fbTransitional.relType, fbStrict.relType)
		s = strings.ReplaceAll(s, fbTransitional.rel+`"`, fbStrict.rel+`"`)
		strict[name] = s
	}
	noRefs := strings.NewReplacer(` r="A2"`, "", ` r="B2"`, "", ` r="2"`, "", `<row r="3" spans="1:3" s="1" customFormat="1"><c r="A3" t="inlineStr"><is><t>YT02</t></is></c></row>`,
		`<row r="3" s="1" customFormat="1"/>`).Replace(fbPkgPart(t, "xl/worksheets/sheet2.xml"))
	tests := []struct {
		name  string
		edit  map[string]string
		check func(t *testing.T, out []byte)
	}{
		{"Excel's usual layout", nil, nil},
		{"elements with a prefix", prefixed, nil},
		{"strict OOXML", strict, func(t *testing.T, out []byte) {
			if wb := fbPartOf(t, out, "xl/workbook.xml"); !strings.Contains(wb, `xmlns:r="`+fbStrict.rel+`"><bookViews>`) ||
				!strings.Contains(wb, `<sheets><sheet name="Góp ý" sheetId="3" r:id="rId5"/>`) {
				t.Errorf("list sheet entry: %s", wb)
			}
			if rels := fbPartOf(t, out, "xl/_rels/workbook.xml.rels"); !strings.Contains(rels, fbStrict.relType+"worksheet") {
				t.Errorf("workbook relationships: %s", rels)
			}
		}},
		{"no styles part", map[string]string{"xl/styles.xml": "", "xl/_rels/workbook.xml.rels": strings.Replace(fbPkgPart(t, "xl/_rels/workbook.xml.rels"),
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, "", 1)}, nil},
		{"rows and cells without references", map[string]string{"xl/worksheets/sheet2.xml": noRefs}, nil},
		{"placeholder dimension", map[string]string{"xl/worksheets/sheet1.xml": strings.Replace(fbPkgPart(t, "xl/worksheets/sheet1.xml"), `<dimension ref="A1:B2"/>`, `<dimension ref="A1"/>`, 1)},
			func(t *testing.T, out []byte) {
				if s := fbPartOf(t, out, "xl/worksheets/sheet1.xml"); !strings.Contains(s, `<dimension ref="A1:B2"/>`) {
					t.Errorf("dimension not fixed: %s", s)
				}
			}},
		{"no content types", map[string]string{"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`}, nil},
	}
	dir := t.TempDir()
	var written []string
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			original := fbPkg(t, tt.edit)
			keep := bytes.Clone(original)
			f, out := fbWrite(t, original, fbPkgFindings(), report.VI)
			if !bytes.Equal(original, keep) {
				t.Fatal("original changed")
			}
			if _, again := fbWrite(t, original, fbPkgFindings(), report.VI); !bytes.Equal(out, again) {
				t.Error("not deterministic")
			}
			fbCheckPkg(t, original, f, out)
			if tt.check != nil {
				tt.check(t, out)
			}
			if tt.edit["[Content_Types].xml"] != "" || tt.edit["xl/workbook.xml"] == strict["xl/workbook.xml"] {
				return // openpyxl opens neither original: no content types, strict OOXML
			}
			p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".xlsx")
			if err := os.WriteFile(p, out, 0o644); err != nil {
				t.Fatal(err)
			}
			written = append(written, p)
		})
	}
	fbOpenpyxl(t, written...)
}

// fbCheckPkg checks what every annotated copy of fbPkg must show.
func fbCheckPkg(t *testing.T, original []byte, f *excelize.File, out []byte) {
	t.Helper()
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Góp ý", "Thông tin", "Nhiệm vụ"}) || f.GetActiveSheetIndex() != 0 {
		t.Errorf("sheets %q, active %d", got, f.GetActiveSheetIndex())
	}
	orig, err := excelize.OpenReader(bytes.NewReader(original))
	if err != nil {
		t.Fatal(err)
	}
	defer orig.Close()
	for _, sheet := range []string{"Thông tin", "Nhiệm vụ"} {
		want, _ := orig.GetRows(sheet)
		got, _ := f.GetRows(sheet)
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s: values %q, want %q", sheet, got, want)
		}
	}
	fills := map[string]string{"Nhiệm vụ!B2": fbErrorFill, "Nhiệm vụ!C2": fbErrorFill, "Nhiệm vụ!C3": fbWarningFill,
		"Nhiệm vụ!D9": fbWarningFill, "Thông tin!B1": fbErrorFill, "Nhiệm vụ!A2": "", "Thông tin!B2": ""}
	for ref, want := range fills {
		sheet, cell, _ := strings.Cut(ref, "!")
		if _, got := fbFillOf(t, f, sheet, cell); got != want {
			t.Errorf("%s fill %q, want %q", ref, got, want)
		}
	}
	// C3 has no cell: its row's date format stays under the fill; C2's
	// column has the same format.
	for _, ref := range []string{"C2", "C3"} {
		if fbPartOf(t, original, "xl/styles.xml") == "" {
			break // no formats to keep
		}
		if st, _ := fbFillOf(t, f, "Nhiệm vụ", ref); st.CustomNumFmt == nil || *st.CustomNumFmt != "dd/mm/yyyy" {
			t.Errorf("%s number format %v", ref, st.CustomNumFmt)
		}
	}
	comments := map[string]string{}
	for _, sheet := range []string{"Thông tin", "Nhiệm vụ"} {
		cs, err := f.GetComments(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			for _, p := range c.Paragraph {
				c.Text += p.Text
			}
			comments[sheet+"!"+c.Cell] = c.Text
		}
	}
	fs := fbPkgFindings()
	for _, x := range fs[:5] {
		want := x.Severity.Label(report.VI) + ": " + x.Text(report.VI)
		if got := comments[x.Sheet+"!"+x.Cell]; got != want {
			t.Errorf("%s!%s comment %q, want %q", x.Sheet, x.Cell, got, want)
		}
	}
	if len(comments) != 5 {
		t.Errorf("comments %q", comments)
	}
	if ok, target, _ := f.GetCellHyperLink("Góp ý", "C6"); !ok || target != "'Nhiệm vụ'!B2" { // C5: the file-level finding
		t.Errorf("first link %v %q", ok, target)
	}
	// Only the list is selected, and the print titles still name the task
	// sheet, now the third.
	for name, xml := range fbParts(t, out) {
		if strings.HasPrefix(name, "xl/worksheets/sheet") && strings.Contains(xml, "tabSelected") != strings.Contains(xml, "Sửa các ô") {
			t.Errorf("%s: tabSelected only on the list", name)
		}
	}
	if wb := fbPartOf(t, out, "xl/workbook.xml"); !strings.Contains(wb, `localSheetId="2"`) || strings.Contains(wb, "activeTab") {
		t.Errorf("workbook: %s", wb)
	}
}

const fbLibreOfficeFixture = "testdata/feedback/commented-libreoffice.xlsx"

// Comments the department wrote stay; a problem cell that had one gets a
// single comment, its old text first, and a single note box: in a workbook
// excelize wrote, and in the same saved by LibreOffice (committed fixture;
// regenerate with -update when soffice is installed).
func TestWriteFeedbackKeepsComments(t *testing.T) {
	original := fbCommented(t)
	t.Run("excelize", func(t *testing.T) { fbCheckComments(t, original) })
	t.Run("LibreOffice", func(t *testing.T) {
		if rUpdate() {
			if err := os.WriteFile(fbLibreOfficeFixture, rResave(t, original), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		data, err := os.ReadFile(fbLibreOfficeFixture)
		if err != nil {
			t.Fatal(err)
		}
		fbCheckComments(t, data)
	})
}

// fbCommented is a workbook whose B2 and C3 have comments by "Lan".
func fbCommented(t testing.TB) []byte {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Nhiệm vụ")
	for ref, v := range map[string]string{"A1": "Mã", "B1": "Giai đoạn", "A2": "YT01", "B2": "Sắp xong", "C3": "?"} {
		if err := f.SetCellValue("Nhiệm vụ", ref, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []excelize.Comment{{Cell: "B2", Author: "Lan", Text: "Chờ ý kiến Bộ"}, {Cell: "C3", Author: "Lan", Text: "Hỏi lại"}} {
		if err := f.AddComment("Nhiệm vụ", c); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func fbCheckComments(t *testing.T, original []byte) {
	fs := []report.Finding{
		{File: "a.xlsx", Sheet: "Nhiệm vụ", Cell: "B2", Row: 2, Code: report.CodeStageUnknown, Severity: report.Error, Value: "Sắp xong"},
		{File: "a.xlsx", Sheet: "Nhiệm vụ", Cell: "A2", Row: 2, Code: report.CodeTaskUnknownID, Severity: report.Warning, Value: "YT01"},
	}
	out, data := fbWrite(t, original, fs, report.VI)
	cs, err := out.GetComments("Nhiệm vụ")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range cs {
		for _, p := range c.Paragraph {
			c.Text += p.Text
		}
		if c.Author == "tonghop" {
			c.Text = "tonghop: " + c.Text
		}
		got[c.Cell] = c.Text
	}
	want := map[string]string{
		"B2": "tonghop: Chờ ý kiến Bộ\n\nLỗi: " + fs[0].Text(report.VI),
		"A2": "tonghop: Cảnh báo: " + fs[1].Text(report.VI),
		"C3": "Hỏi lại", // by Lan, a name LibreOffice does not keep
	}
	if len(got) != len(want) {
		t.Errorf("comments %q", got)
	}
	for cell, w := range want {
		if got[cell] != w {
			t.Errorf("%s: %q, want %q", cell, got[cell], w)
		}
	}
	var vml string
	for name, xml := range fbParts(t, data) {
		if strings.HasSuffix(name, ".vml") {
			vml += xml
		}
	}
	boxes := regexp.MustCompile(`<x:Row>(\d+)</x:Row><x:Column>(\d+)</x:Column>`).FindAllStringSubmatch(vml, -1)
	var cells []string
	for _, b := range boxes {
		cells = append(cells, b[1]+","+b[2])
	}
	slices.Sort(cells)
	if !slices.Equal(cells, []string{"1,0", "1,1", "2,2"}) {
		t.Errorf("note boxes at %q, want one per comment", cells)
	}
	p := filepath.Join(t.TempDir(), "commented.xlsx")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	fbOpenpyxl(t, p)
}

// A package the copy cannot be made of safely gives the list alone.
func TestWriteFeedbackUnsupportedPackage(t *testing.T) {
	sheet := strings.Replace(fbPkgPart(t, "xl/worksheets/sheet2.xml"), "<tableParts", `<legacyDrawing r:id="rId9"/><tableParts`, 1)
	f, _ := fbWrite(t, fbPkg(t, map[string]string{"xl/worksheets/sheet2.xml": sheet}), fbPkgFindings(), report.EN)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Findings"}) {
		t.Errorf("sheets %q", got)
	}
	rows, _ := f.GetRows("Findings")
	if len(rows) != 4+len(fbPkgFindings()) {
		t.Errorf("%d rows", len(rows))
	}
}

func fbPkgPart(tb testing.TB, name string) string {
	tb.Helper()
	return fbPartOf(tb, fbPkg(tb, nil), name)
}

// fbPrefix writes SpreadsheetML with the prefix "x:", as the Open XML SDK does.
func fbPrefix(xml string) string {
	xml = strings.Replace(xml, `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`, `xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`, 1)
	return regexp.MustCompile(`<(/?)([a-zA-Z])`).ReplaceAllString(strings.TrimPrefix(xml, `<?xml version="1.0"?>`), "<${1}x:$2")
}

func fbParts(tb testing.TB, data []byte) map[string]string {
	tb.Helper()
	parts, _ := wZipParts(tb, data)
	return parts
}

func fbPartOf(tb testing.TB, data []byte, name string) string {
	tb.Helper()
	return fbParts(tb, data)[name]
}

// fbOpenpyxl opens workbooks with openpyxl (scripts/check_openpyxl.py),
// when Debian's python3-openpyxl is there.
func fbOpenpyxl(t *testing.T, paths ...string) {
	t.Helper()
	py := "/usr/bin/python3"
	if testing.Short() || exec.Command(py, "-c", "import openpyxl").Run() != nil {
		return
	}
	if out, err := exec.Command(py, append([]string{"../../scripts/check_openpyxl.py"}, paths...)...).CombinedOutput(); err != nil {
		t.Errorf("check_openpyxl: %v\n%s", err, out)
	}
}

// FuzzWriteFeedback feeds the patcher damaged parts of a workbook (the
// task sheet, its comments, the styles, the workbook): it must never fail
// nor panic, and always give a workbook whose first sheet is the list.
func FuzzWriteFeedback(f *testing.F) {
	commented := fbParts(f, fbCommented(f))
	f.Add(fbPkgPart(f, "xl/worksheets/sheet2.xml"), commented["xl/comments1.xml"], fbPkgPart(f, "xl/styles.xml"), fbPkgPart(f, "xl/workbook.xml"))
	f.Add(fbPrefix(fbPkgPart(f, "xl/worksheets/sheet2.xml")), "", fbPrefix(fbPkgPart(f, "xl/styles.xml")), fbPrefix(fbPkgPart(f, "xl/workbook.xml")))
	f.Fuzz(func(t *testing.T, sheet, comments, styles, workbook string) {
		edit := map[string]string{"xl/worksheets/sheet2.xml": sheet, "xl/styles.xml": styles, "xl/workbook.xml": workbook}
		if comments != "" {
			edit["xl/comments1.xml"] = comments
			edit["xl/worksheets/_rels/sheet2.xml.rels"] = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>`
		}
		var buf bytes.Buffer
		if _, err := WriteFeedback(&buf, fbPkg(t, edit), fbPkgFindings(), report.VI); err != nil {
			t.Fatal(err)
		}
		wb := fbPartOf(t, buf.Bytes(), "xl/workbook.xml")
		if i := strings.Index(wb, `name="`); i < 0 || !strings.HasPrefix(wb[i:], `name="Góp ý"`) {
			t.Errorf("the list is not the first sheet: %.300s", wb)
		}
	})
}

// A copy keeps its original's kind, and so needs its extension: Excel
// refuses a macro-enabled workbook or a template named ".xlsx". A list
// written from scratch is always ".xlsx".
func TestWriteFeedbackExtension(t *testing.T) {
	ct := fbPkgPart(t, "[Content_Types].xml")
	const sheetMain = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
	kind := func(main string) map[string]string {
		return map[string]string{"[Content_Types].xml": strings.Replace(ct, sheetMain, main, 1)}
	}
	for _, c := range []struct {
		name     string
		original []byte
		fs       []report.Finding
		want     string
	}{
		{"workbook", fbPkg(t, nil), fbPkgFindings(), ".xlsx"},
		{"macro-enabled", fbPkg(t, kind("application/vnd.ms-excel.sheet.macroEnabled.main+xml")), fbPkgFindings(), ".xlsm"},
		{"template", fbPkg(t, kind("application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml")), fbPkgFindings(), ".xltx"},
		{"macro-enabled, refused", fbPkg(t, kind("application/vnd.ms-excel.sheet.macroEnabled.main+xml")),
			[]report.Finding{{File: "a.xlsm", Code: report.CodeFileCorrupt, Severity: report.Error}}, ".xlsx"},
		{"unreadable", nil, fbPkgFindings(), ".xlsx"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			ext, err := WriteFeedback(&buf, c.original, c.fs, report.VI)
			if err != nil {
				t.Fatal(err)
			}
			if ext != c.want {
				t.Errorf("extension %q; want %q", ext, c.want)
			}
			f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			defer f.Close()
			if got := f.GetSheetList()[0]; got != "Góp ý" {
				t.Errorf("first sheet %q; want the list “Góp ý”", got)
			}
		})
	}
}
