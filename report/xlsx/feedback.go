package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// Fill colours of problem cells: Excel's own "bad" red and "neutral"
// yellow, which stay readable printed in black and white.
const (
	fbErrorFill   = "FFC7CE"
	fbWarningFill = "FFEB9C"
	fbAuthor      = "tonghop"
	fbDocDate     = "2000-01-01T00:00:00Z"
)

// WriteFeedback writes a copy of the submission (original bytes) with
// every problem cell highlighted (its style kept, a fill added) and
// commented, plus a first sheet listing every finding with a link to its
// cell. For a file that could not be opened it writes a new workbook with
// only the list. The output is deterministic: same input, same bytes.
func WriteFeedback(w io.Writer, original []byte, findings []report.Finding, lang report.Lang) error {
	fs := slices.Clone(findings)
	report.SortFindings(fs)
	f, opened := fbOpen(original, fs)
	defer f.Close()
	sheets := map[string]bool{} // the original's sheets
	if opened {
		for _, name := range f.GetSheetList() {
			sheets[name] = true
		}
	}
	if err := fbMarkCells(f, fs, sheets, lang); err != nil {
		return fmt.Errorf("feedback: mark cells: %w", err)
	}
	if err := fbList(f, fs, sheets, lang); err != nil {
		return fmt.Errorf("feedback: list sheet: %w", err)
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Created: fbDocDate, Modified: fbDocDate, LastModifiedBy: fbAuthor,
	}); err != nil {
		return fmt.Errorf("feedback: document properties: %w", err)
	}
	if err := setDimensions(f); err != nil {
		return fmt.Errorf("feedback: dimensions: %w", err)
	}
	stabilize(f)
	if err := f.Write(w); err != nil {
		return fmt.Errorf("feedback: write: %w", err)
	}
	return nil
}

// fbOpen opens the original for annotation, or starts a new workbook when
// the file was refused or cannot be opened.
func fbOpen(original []byte, fs []report.Finding) (*excelize.File, bool) {
	refused := false
	for _, f := range fs {
		refused = refused || f.IsFile()
	}
	if !refused {
		if _, ok := sniff("", original); ok {
			if p, perr := openPackage(original); perr == nil && p != nil {
				f, err := excelize.OpenReader(bytes.NewReader(original), excelize.Options{
					UnzipSizeLimit: maxUnzippedBytes, UnzipXMLSizeLimit: maxPartBytes,
				})
				if err == nil {
					return f, true
				}
				if f != nil {
					f.Close()
				}
			}
		}
	}
	return excelize.NewFile(), false
}

// fbTarget is a cell that gets a fill and a comment.
type fbTarget struct {
	sheet, cell string
	worst       report.Severity
	texts       []string
}

func fbLocated(f report.Finding, sheets map[string]bool) bool {
	if f.Sheet == "" || f.Cell == "" || !sheets[f.Sheet] {
		return false
	}
	_, _, err := excelize.CellNameToCoordinates(f.Cell)
	return err == nil
}

func fbMarkCells(f *excelize.File, fs []report.Finding, sheets map[string]bool, lang report.Lang) error {
	var targets []*fbTarget
	index := map[[2]string]*fbTarget{}
	for _, x := range fs {
		if !fbLocated(x, sheets) {
			continue
		}
		k := [2]string{x.Sheet, x.Cell}
		t := index[k]
		if t == nil {
			t = &fbTarget{sheet: x.Sheet, cell: x.Cell}
			index[k] = t
			targets = append(targets, t)
		}
		if x.Severity == report.Error {
			t.worst = report.Error
		}
		t.texts = append(t.texts, x.Severity.Label(lang)+": "+x.Text(lang))
	}
	styles := map[[2]int]int{}
	for _, t := range targets {
		if err := fbFill(f, t, styles); err != nil {
			return err
		}
		if err := fbComment(f, t); err != nil {
			return err
		}
	}
	return nil
}

// fbFill adds a fill to the cell's own style, so borders, fonts and
// number formats stay as the department made them.
func fbFill(f *excelize.File, t *fbTarget, cache map[[2]int]int) error {
	old, err := f.GetCellStyle(t.sheet, t.cell)
	if err != nil {
		old = 0
	}
	k := [2]int{old, int(t.worst)}
	id, ok := cache[k]
	if !ok {
		st, err := f.GetStyle(old)
		if err != nil || st == nil {
			st = &excelize.Style{}
		}
		color := fbWarningFill
		if t.worst == report.Error {
			color = fbErrorFill
		}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
		if id, err = f.NewStyle(st); err != nil {
			return err
		}
		cache[k] = id
	}
	return f.SetCellStyle(t.sheet, t.cell, t.cell, id)
}

// fbComment puts the findings of a cell in its comment, after any comment
// the cell already had.
func fbComment(f *excelize.File, t *fbTarget) error {
	text := strings.Join(t.texts, "\n")
	if old, err := f.GetComments(t.sheet); err == nil {
		for _, c := range old {
			if c.Cell != t.cell {
				continue
			}
			prev := c.Text
			for _, p := range c.Paragraph {
				prev += p.Text
			}
			if prev != "" {
				text = prev + "\n\n" + text
			}
			if err := f.DeleteComment(t.sheet, t.cell); err != nil {
				return err
			}
		}
	}
	lines := 1
	for _, s := range strings.Split(text, "\n") {
		lines += 1 + len([]rune(s))/45
	}
	return f.AddComment(t.sheet, excelize.Comment{
		Author: fbAuthor, Cell: t.cell, Width: 320, Height: uint(min(lines*15+10, 600)),
		Paragraph: []excelize.RichTextRun{{Text: text}},
	})
}

// fbList adds the sheet listing every finding, first in the workbook and
// active, each location a link to its cell.
func fbList(f *excelize.File, fs []report.Finding, sheets map[string]bool, lang report.Lang) error {
	name := lang.Pick("Góp ý", "Findings")
	for i := 2; sheets[name]; i++ {
		name = fmt.Sprintf("%s (%d)", lang.Pick("Góp ý", "Findings"), i)
	}
	list := f.GetSheetList()
	if len(sheets) == 0 { // a new workbook: its only sheet becomes the list
		if err := f.SetSheetName(list[0], name); err != nil {
			return err
		}
	} else {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		if err := f.MoveSheet(name, list[0]); err != nil {
			return err
		}
	}
	idx, err := f.GetSheetIndex(name)
	if err != nil {
		return err
	}
	f.SetActiveSheet(idx)
	return fbListRows(f, name, fs, sheets, lang)
}

func fbListRows(f *excelize.File, name string, fs []report.Finding, sheets map[string]bool, lang report.Lang) error {
	var err error
	set := func(ref string, v any, style int) {
		if err == nil {
			err = f.SetCellValue(name, ref, v)
		}
		if err == nil && style > 0 {
			err = f.SetCellStyle(name, ref, ref, style)
		}
	}
	style := func(s *excelize.Style) int {
		id, e := f.NewStyle(s)
		if err == nil {
			err = e
		}
		return id
	}
	border := []excelize.Border{{Type: "left", Color: "999999", Style: 1}, {Type: "right", Color: "999999", Style: 1},
		{Type: "top", Color: "999999", Style: 1}, {Type: "bottom", Color: "999999", Style: 1}}
	title := style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}})
	head := style(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	plain := style(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	link := style(&excelize.Style{Border: border, Font: &excelize.Font{Color: "0563C1", Underline: "single"},
		Alignment: &excelize.Alignment{Vertical: "top"}})
	sev := map[report.Severity]int{
		report.Error: style(&excelize.Style{Border: border, Font: &excelize.Font{Bold: true},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fbErrorFill}}, Alignment: &excelize.Alignment{Vertical: "top"}}),
		report.Warning: style(&excelize.Style{Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fbWarningFill}}, Alignment: &excelize.Alignment{Vertical: "top"}}),
	}
	file := ""
	if len(fs) > 0 {
		file = fs[0].File
	}
	nErr, nWarn := report.Count(fs)
	set("A1", lang.Pick("Sửa các ô được tô màu rồi gửi lại tệp. Bấm vào địa chỉ ô ở cột “Ô” để đến ô cần sửa; di chuột lên ô để xem ghi chú.",
		"Fix the highlighted cells and send the file again. Click a cell address in the “Cell” column to go to it; hover over the cell to read the note."), title)
	set("A2", fmt.Sprintf(lang.Pick("Tệp: %s — %d lỗi, %d cảnh báo. Lỗi (nền đỏ) phải sửa; cảnh báo (nền vàng) nên kiểm tra lại.",
		"File: %s — %d errors, %d warnings. Errors (red) must be fixed; warnings (yellow) should be checked."), file, nErr, nWarn), 0)
	heads := []string{lang.Pick("Mức độ", "Severity"), lang.Pick("Trang tính", "Sheet"), lang.Pick("Ô", "Cell"),
		lang.Pick("Cột", "Column"), lang.Pick("Nội dung", "Message"), lang.Pick("Mã", "Code")}
	for i, h := range heads {
		ref, _ := excelize.CoordinatesToCellName(i+1, 4)
		set(ref, h, head)
	}
	for i, x := range fs {
		row := 5 + i
		r := func(col string) string { return fmt.Sprintf("%s%d", col, row) }
		set(r("A"), x.Severity.Label(lang), sev[x.Severity])
		set(r("B"), x.Sheet, plain)
		cell := x.Cell
		if cell == "" && x.Row > 0 {
			cell = fmt.Sprintf(lang.Pick("dòng %d", "row %d"), x.Row)
		}
		if fbLocated(x, sheets) {
			set(r("C"), x.Cell, link)
			if err == nil {
				err = f.SetCellHyperLink(name, r("C"), fbQuote(x.Sheet)+"!"+x.Cell, "Location")
			}
		} else {
			set(r("C"), cell, plain)
		}
		col := x.Column
		if lang == report.EN && col != "" {
			col = fbEnglishColumn(col)
		}
		set(r("D"), col, plain)
		set(r("E"), wSentence(x.Text(lang)), plain)
		set(r("F"), string(x.Code), plain)
		if err == nil {
			lines := 1 + len([]rune(x.Text(lang)))/85
			err = f.SetRowHeight(name, row, float64(max(lines, 1))*15+3)
		}
	}
	for i, w := range []float64{11, 16, 10, 20, 90, 22} {
		c, _ := excelize.ColumnNumberToName(i + 1)
		if err == nil {
			err = f.SetColWidth(name, c, c, w)
		}
	}
	if err == nil { // prints on A4 landscape, one page wide
		land, a4, one, any0 := "landscape", 9, 1, 0
		err = f.SetPageLayout(name, &excelize.PageLayoutOptions{Orientation: &land, Size: &a4, FitToWidth: &one, FitToHeight: &any0})
	}
	if err == nil {
		fit := true
		err = f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit})
	}
	if err == nil {
		err = f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 4, TopLeftCell: "A5", ActivePane: "bottomLeft"})
	}
	return err
}

// fbEnglishColumn translates a canonical Vietnamese column or key name.
func fbEnglishColumn(vi string) string {
	if f, ok := templates.MatchColumn(vi); ok {
		return f.Header("en")
	}
	if k, ok := templates.MatchInfo(vi); ok {
		return k.Label("en")
	}
	return vi
}

// fbQuote quotes a sheet name for a formula or link: 'Nhiệm vụ'.
func fbQuote(sheet string) string {
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
}
