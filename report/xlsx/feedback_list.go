package xlsx

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/tonghop/tonghop/report"
)

// fbListSheet is the sheet listing every finding, first in the workbook
// and active: an explanation, then one row per finding with its location
// a link to the cell. Strings are written inline, so the shared strings
// of the department's file stay as they were.
func fbListSheet(fs []report.Finding, sheets map[string]bool, lang report.Lang, st fbListStyles, ns fbNS) []byte {
	var rows, links strings.Builder
	cell := func(ref, v string, style int) {
		rows.WriteString(`<c r="` + ref + `"`)
		if style > 0 {
			rows.WriteString(` s="` + strconv.Itoa(style) + `"`)
		}
		if v == "" {
			rows.WriteString("/>")
			return
		}
		v = wCellText(v)
		space := ""
		if strings.TrimSpace(v) != v || strings.ContainsAny(v, "\n\t") {
			space = ` xml:space="preserve"`
		}
		rows.WriteString(` t="inlineStr"><is><t` + space + `>` + fbEscText(v) + `</t></is></c>`)
	}
	file := ""
	if len(fs) > 0 {
		file = fs[0].File
	}
	nErr, nWarn := report.Count(fs)
	rows.WriteString(`<row r="1">`)
	cell("A1", lang.Pick("Sửa các ô được tô màu rồi gửi lại tệp. Bấm vào địa chỉ ô ở cột “Ô” để đến ô cần sửa; di chuột lên ô để xem ghi chú.",
		"Fix the highlighted cells and send the file again. Click a cell address in the “Cell” column to go to it; hover over the cell to read the note."), st.title)
	rows.WriteString(`</row><row r="2">`)
	cell("A2", fmt.Sprintf(lang.Pick("Tệp: %s — %d lỗi, %d cảnh báo. Lỗi (nền đỏ) phải sửa; cảnh báo (nền vàng) nên kiểm tra lại.",
		"File: %s — %d errors, %d warnings. Errors (red) must be fixed; warnings (yellow) should be checked."), file, nErr, nWarn), 0)
	rows.WriteString(`</row><row r="4">`)
	for i, h := range []string{lang.Pick("Mức độ", "Severity"), lang.Pick("Trang tính", "Sheet"), lang.Pick("Ô", "Cell"),
		lang.Pick("Cột", "Column"), lang.Pick("Nội dung", "Message"), lang.Pick("Mã", "Code")} {
		cell(colName(i+1)+"4", h, st.head)
	}
	rows.WriteString(`</row>`)
	for i, x := range fs {
		r := strconv.Itoa(5 + i)
		text := x.Text(lang)
		lines := 1 + len([]rune(text))/85
		fmt.Fprintf(&rows, `<row r="%s" ht="%s" customHeight="1">`, r, strconv.FormatFloat(min(float64(lines)*15+3, wMaxRowHeight), 'f', -1, 64))
		cell("A"+r, x.Severity.Label(lang), st.sev[x.Severity])
		cell("B"+r, x.Sheet, st.plain)
		switch {
		case fbLocated(x, sheets):
			cell("C"+r, x.Cell, st.link)
			links.WriteString(`<hyperlink ref="C` + r + `" location="` + fbEscAttr(wQuote(x.Sheet)+"!"+x.Cell) + `"/>`)
		case x.Cell == "" && x.Row > 0:
			cell("C"+r, fmt.Sprintf(lang.Pick("dòng %d", "row %d"), x.Row), st.plain)
		default:
			cell("C"+r, x.Cell, st.plain)
		}
		col := x.Column
		if lang == report.EN && col != "" {
			col = fbEnglishColumn(col)
		}
		cell("D"+r, col, st.plain)
		cell("E"+r, wSentence(text), st.plain)
		cell("F"+r, string(x.Code), st.plain)
		rows.WriteString(`</row>`)
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<worksheet xmlns="` + ns.main + `" xmlns:r="` + ns.rel + `">`)
	b.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	b.WriteString(`<dimension ref="A1:F` + strconv.Itoa(4+len(fs)) + `"/>`)
	b.WriteString(`<sheetViews><sheetView tabSelected="1" workbookViewId="0">` +
		`<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`)
	b.WriteString(`<sheetFormatPr defaultRowHeight="15"/><cols>`)
	for i, w := range []int{11, 16, 10, 20, 90, 22} {
		fmt.Fprintf(&b, `<col min="%d" max="%d" width="%d" customWidth="1"/>`, i+1, i+1, w)
	}
	b.WriteString(`</cols><sheetData>` + rows.String() + `</sheetData>`)
	if links.Len() > 0 {
		b.WriteString(`<hyperlinks>` + links.String() + `</hyperlinks>`)
	}
	// Prints on A4 landscape, one page wide.
	b.WriteString(`<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/></worksheet>`)
	return []byte(b.String())
}
