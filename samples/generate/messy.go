package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/xlsx"
	"github.com/tonghop/tonghop/templates"
)

// messyInbox is March 2021 as an office really receives it: departments
// with their own layouts, decomposed and legacy-encoded text, a
// resubmission, a file of the wrong month, and one broken file of each
// kind. Expected: 55 tasks, 11 done, 2 not reported (two rows rejected in
// the Giáo dục file), every problem at its cell.
func messyInbox(plan *report.Plan) (map[string][]byte, error) {
	files := map[string][]byte{}
	mar := report.Period{Year: 2021, Month: time.March}
	byCode := map[string]file{}
	for _, f := range march {
		byCode[f.sector] = f
	}
	tpl := func(f file, period report.Period) ([]byte, error) {
		var buf bytes.Buffer
		sec, _ := plan.Sector(f.sector)
		err := xlsx.WriteSubmission(&buf, xlsx.Submission{Plan: plan, Sector: sec, Period: period, Sub: submission(plan, f, period), Lang: report.VI})
		return buf.Bytes(), err
	}
	steps := []struct {
		name string
		make func() ([]byte, error)
	}{
		{"Y te - bao cao thang 3.xlsx", func() ([]byte, error) { return decomposed(tpl, byCode["YT"]) }},
		{"SGDDT - BC thang 3 (mau cua So).xlsx", func() ([]byte, error) { return ownLayoutGD(plan, byCode["GD"]) }},
		{"LDTBXH T3 - go bang VnTime.xlsx", func() ([]byte, error) { return legacyTCVN3(tpl, byCode["LDTBXH"]) }},
		{"VHTTDL_BC T3.xlsx", func() ([]byte, error) { return tpl(firstDraftVH(byCode["VHTTDL"]), mar) }},
		{"VHTTDL_BC T3 - bo sung.xlsx", func() ([]byte, error) { return tpl(byCode["VHTTDL"], mar) }},
		{"Ban Dan toc - tien do.xlsx", func() ([]byte, error) { return ownLayoutDT(plan, byCode["DT"]) }},
		{"STTTT-BC-NVTT-thang-03-2021.xlsx", func() ([]byte, error) { return tpl(byCode["TTTT"], mar) }},
		{"STTTT-BC-NVTT-thang-02-2021.xlsx", func() ([]byte, error) {
			return tpl(februaryTT(byCode["TTTT"]), report.Period{Year: 2021, Month: time.February})
		}},
		// Broken files, one of each kind.
		{"BC So Noi vu.xls", func() ([]byte, error) { return ole("Workbook"), nil }},
		{"BC Y te (luu lai).xlsx", func() ([]byte, error) { return ole("Workbook"), nil }},
		{"BC co mat khau.xlsx", func() ([]byte, error) { return ole("EncryptionInfo", "EncryptedPackage"), nil }},
		{"bao cao LibreOffice.ods", func() ([]byte, error) { return ods() }},
		{"BC bi cat ngang.xlsx", func() ([]byte, error) {
			b, err := tpl(byCode["TTTT"], mar)
			return b[:len(b)/2], err
		}},
		{"BC rong.xlsx", func() ([]byte, error) { return []byte{}, nil }},
		{"Cong van kem theo.xlsx", func() ([]byte, error) {
			return []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"), nil
		}},
		{"BC nen qua muc.xlsx", zipBomb},
		{"BC qua nhieu dong.xlsx", tooManyRows},
		{"~$VHTTDL_BC T3.xlsx", func() ([]byte, error) { return []byte("tonghop lock file\x00"), nil }},
	}
	for _, s := range steps {
		b, err := s.make()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", s.name, err)
		}
		files[s.name] = b
	}
	return files, nil
}

// decomposed writes the Y tế file with its text in NFD (as macOS and some
// Windows keyboards produce) and its sheets renamed.
func decomposed(tpl func(file, report.Period) ([]byte, error), f file) ([]byte, error) {
	for id, p := range f.rows {
		p.officer = norm.NFD.String(p.officer)
		p.diff = norm.NFD.String(p.diff)
		p.prop = norm.NFD.String(p.prop)
		f.rows[id] = p
	}
	f.preparer = norm.NFD.String(f.preparer)
	b, err := tpl(f, report.Period{Year: 2021, Month: time.March})
	if err != nil {
		return nil, err
	}
	return edit(b, func(x *excelize.File) error {
		if err := x.SetSheetName(templates.SheetTasks, "Báo cáo T3"); err != nil {
			return err
		}
		return x.SetSheetName(templates.SheetInfo, "Sheet2")
	})
}

// legacyTCVN3 writes the labour department's file with the progress
// typed in TCVN3 with the .VnTime font, as an old computer still does.
func legacyTCVN3(tpl func(file, report.Period) ([]byte, error), f file) ([]byte, error) {
	b, err := tpl(f, report.Period{Year: 2021, Month: time.March})
	if err != nil {
		return nil, err
	}
	return edit(b, func(x *excelize.File) error {
		cols, header, err := columnsOf(x, templates.SheetTasks)
		if err != nil {
			return err
		}
		style, err := x.NewStyle(&excelize.Style{Font: &excelize.Font{Family: ".VnTime", Size: 12},
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
		if err != nil {
			return err
		}
		rows, err := x.GetRows(templates.SheetTasks)
		if err != nil {
			return err
		}
		for r := header; r < len(rows); r++ {
			for _, fld := range []templates.Field{templates.FieldOfficer, templates.FieldStage, templates.FieldDifficulties} {
				c, ok := cols[fld]
				if !ok || c >= len(rows[r]) || rows[r][c] == "" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := x.SetCellStr(templates.SheetTasks, ref, report.EncodeTCVN3(rows[r][c])); err != nil {
					return err
				}
				if err := x.SetCellStyle(templates.SheetTasks, ref, ref, style); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// columnsOf finds the template's header row and its columns (0-based).
func columnsOf(x *excelize.File, sheet string) (map[templates.Field]int, int, error) {
	rows, err := x.GetRows(sheet)
	if err != nil {
		return nil, 0, err
	}
	for i, row := range rows {
		cols := map[templates.Field]int{}
		for j, v := range row {
			if f, ok := templates.MatchColumn(v); ok {
				cols[f] = j
			}
		}
		if len(cols) >= 5 {
			return cols, i + 1, nil
		}
	}
	return nil, 0, fmt.Errorf("no header row in %s", sheet)
}

// edit opens a workbook, changes it and writes it again.
func edit(b []byte, change func(*excelize.File) error) ([]byte, error) {
	x, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer x.Close()
	if err := change(x); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := x.Write(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// firstDraftVH is the culture department's first March file, sent a day
// before its corrected version.
func firstDraftVH(f file) file {
	g := f
	g.name = "VHTTDL_BC T3.xlsx"
	g.date = "01/03/2021"
	g.rows = map[string]p{}
	for id, pr := range f.rows {
		if id == "VH-07" || id == "VH-20" {
			pr = p{stage: fi, pct: 90, officer: pr.officer}
		}
		g.rows[id] = pr
	}
	return g
}

// februaryTT is the information department's February file, sent again by
// mistake with the March one.
func februaryTT(f file) file {
	g := f
	g.date = "02/02/2021"
	g.rows = map[string]p{}
	for id, pr := range f.rows {
		if pr.stage == ok && pr.done > "01/02/2021" && id != "TT-05" {
			pr = p{stage: fi, pct: 80, officer: pr.officer}
		}
		g.rows[id] = pr
	}
	return g
}

// ownLayoutGD is the education department's own workbook: a title block
// holding the report's details, a two-row merged header with a numbering
// row, a section row, dates typed as text, a hidden row, a total row and a
// signature block. Two rows are wrong: a month-first date and an unknown
// stage.
func ownLayoutGD(plan *report.Plan, f file) ([]byte, error) {
	x := excelize.NewFile()
	defer x.Close()
	sh := "BC thang 3"
	if err := x.SetSheetName("Sheet1", sh); err != nil {
		return nil, err
	}
	set := func(ref string, v any) { x.SetCellValue(sh, ref, v) }
	merge := func(a, b string) { x.MergeCell(sh, a, b) }
	set("A1", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")
	set("A2", "BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM NĂM 2021")
	merge("A2", "J2")
	set("A3", "Ngành: Giáo dục")
	set("D3", "Kỳ báo cáo: Tháng 3/2021")
	set("G3", "Ngày báo cáo: 02/3/2021")
	heads := []struct{ col, top, sub string }{
		{"A", "TT", ""}, {"B", "Mã NV", ""}, {"C", "Nội dung nhiệm vụ", ""}, {"D", "Thời hạn hoàn thành", ""},
		{"E", "Kết quả thực hiện", "Tiến độ thực hiện"}, {"F", "", "% hoàn thành"}, {"G", "", "Ngày hoàn thành"},
		{"H", "Cán bộ theo dõi", ""}, {"I", "Khó khăn, vướng mắc (nếu có)", ""}, {"J", "Kiến nghị, đề xuất", ""},
	}
	for i, h := range heads {
		if h.top != "" {
			set(h.col+"5", h.top)
		}
		if h.sub != "" {
			set(h.col+"6", h.sub)
		} else {
			merge(h.col+"5", h.col+"6")
		}
		set(h.col+"7", fmt.Sprintf("(%d)", i+1))
	}
	merge("E5", "G5")
	set("A8", "I")
	set("B8", "LĨNH VỰC GIÁO DỤC VÀ ĐÀO TẠO")
	r := 9
	for i, t := range plan.Tasks {
		if t.Sector != "GD" {
			continue
		}
		pr := f.rows[t.ID]
		row := fmt.Sprint(r)
		set("A"+row, i)
		set("B"+row, t.ID)
		set("C"+row, t.Title)
		set("D"+row, t.DeadlineText)
		stage := pr.stage.Label(report.VI)
		switch t.ID {
		case "GD-01":
			stage = "dang xay dung du thao" // typed without diacritics
		case "GD-06":
			stage = "Đang chờ ý kiến Bộ" // not a stage: rejected
		}
		set("E"+row, stage)
		set("F"+row, fmt.Sprintf("%g%%", pr.pct))
		if pr.done != "" {
			d := date(pr.done)
			done := fmt.Sprintf("%d/%d/%d", d.Day(), int(d.Month()), d.Year())
			if t.ID == "GD-05" {
				done = d.Format("01/02/2006") // month first: rejected
			}
			set("G"+row, done)
		}
		set("H"+row, pr.officer)
		set("I"+row, pr.diff)
		set("J"+row, pr.prop)
		if t.ID == "GD-03" {
			x.SetRowVisible(sh, r, false) // hidden rows are data
		}
		r++
	}
	set(fmt.Sprintf("A%d", r), "Tổng cộng: 7 nhiệm vụ")
	merge(fmt.Sprintf("A%d", r), fmt.Sprintf("C%d", r))
	set(fmt.Sprintf("C%d", r+2), "Người lập biểu")
	set(fmt.Sprintf("H%d", r+2), "GIÁM ĐỐC")
	set(fmt.Sprintf("H%d", r+3), "(Ký, ghi rõ họ tên)")
	set(fmt.Sprintf("C%d", r+6), f.preparer)
	var out bytes.Buffer
	err := x.Write(&out)
	return out.Bytes(), err
}

// ownLayoutDT is the ethnic affairs board's workbook: its own column names
// in its own order, an info sheet with other labels, completion dates as
// bare serial numbers and percentages as percent-formatted fractions. One
// task has no officer (a warning).
func ownLayoutDT(plan *report.Plan, f file) ([]byte, error) {
	x := excelize.NewFile()
	defer x.Close()
	info := "TT chung"
	if err := x.SetSheetName("Sheet1", info); err != nil {
		return nil, err
	}
	for i, kv := range [][2]string{
		{"Đơn vị:", "Ban Dân tộc tỉnh"}, {"Tháng báo cáo", "03/2021"}, {"Ngày lập", "ngày 01 tháng 3 năm 2021"},
		{"Người báo cáo", f.preparer}, {"Số điện thoại", f.contact},
	} {
		x.SetCellValue(info, fmt.Sprintf("A%d", i+1), kv[0])
		x.SetCellValue(info, fmt.Sprintf("B%d", i+1), kv[1])
	}
	sh := "Tiến độ"
	if _, err := x.NewSheet(sh); err != nil {
		return nil, err
	}
	pct, err := x.NewStyle(&excelize.Style{NumFmt: 9})
	if err != nil {
		return nil, err
	}
	head := []string{"STT", "Tên nhiệm vụ trọng tâm", "Mã số", "Người phụ trách", "Tình hình thực hiện", "Tỷ lệ (%)",
		"Ngày hoàn thành thực tế", "Văn bản đã ban hành", "Khó khăn", "Đề xuất", "Cơ quan chủ trì"}
	for i, h := range head {
		ref, _ := excelize.CoordinatesToCellName(i+1, 2)
		x.SetCellValue(sh, ref, h)
	}
	x.SetCellValue(sh, "A1", "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ TRỌNG TÂM - BAN DÂN TỘC TỈNH")
	r := 3
	for _, t := range plan.Tasks {
		if t.Sector != "DT" {
			continue
		}
		pr := f.rows[t.ID]
		officer := pr.officer
		if t.ID == "DT-09" {
			officer = ""
		}
		vals := []any{r - 2, t.Title, t.ID, officer, pr.stage.Label(report.VI), pr.pct / 100, nil, pr.doc, pr.diff, pr.prop, "Ban Dân tộc tỉnh"}
		if pr.done != "" {
			vals[6] = report.Days(report.Date(1899, 12, 30), date(pr.done)) // a bare serial number
		}
		for i, v := range vals {
			if v == nil || v == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(i+1, r)
			x.SetCellValue(sh, ref, v)
		}
		x.SetCellStyle(sh, fmt.Sprintf("F%d", r), fmt.Sprintf("F%d", r), pct)
		r++
	}
	var out bytes.Buffer
	err = x.Write(&out)
	return out.Bytes(), err
}

// ole makes a minimal OLE2 compound file header with the given stream
// names in its directory: enough for what a reader sniffs.
func ole(streams ...string) []byte {
	b := make([]byte, 1536)
	copy(b, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	off := 1024
	for _, s := range append([]string{"Root Entry"}, streams...) {
		for i := 0; i < len(s); i++ {
			b[off+2*i] = s[i]
		}
		off += 128
		if off+128 > len(b) {
			b = append(b, make([]byte, 512)...)
		}
	}
	return b
}

// zipFile writes a zip of the named parts, in the given order.
func zipFile(parts ...[2]string) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		h := &zip.FileHeader{Name: p[0], Method: zip.Deflate, Modified: time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC)}
		if p[0] == "mimetype" {
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(p[1])); err != nil {
			return nil, err
		}
	}
	err := zw.Close()
	return buf.Bytes(), err
}

func ods() ([]byte, error) {
	return zipFile(
		[2]string{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
		[2]string{"content.xml", `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>`},
	)
}

const (
	ctypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
	rels   = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	wb     = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Nhiệm vụ" sheetId="1" r:id="rId1"/></sheets></workbook>`
	wbRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
	sheetH = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	sheetT = `</sheetData></worksheet>`
)

// zipBomb is a small file whose sheet inflates to 300 MB.
func zipBomb() ([]byte, error) {
	row := `<row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat(" ", 300<<20) + `</t></is></c></row>`
	return zipFile([2]string{"[Content_Types].xml", ctypes}, [2]string{"_rels/.rels", rels},
		[2]string{"xl/workbook.xml", wb}, [2]string{"xl/_rels/workbook.xml.rels", wbRels},
		[2]string{"xl/worksheets/sheet1.xml", sheetH + row + sheetT})
}

// tooManyRows has a row past Excel's last row, 1,048,576.
func tooManyRows() ([]byte, error) {
	rows := `<row r="1"><c r="A1" t="inlineStr"><is><t>Tên nhiệm vụ</t></is></c><c r="B1" t="inlineStr"><is><t>Giai đoạn</t></is></c></row>` +
		`<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row>`
	return zipFile([2]string{"[Content_Types].xml", ctypes}, [2]string{"_rels/.rels", rels},
		[2]string{"xl/workbook.xml", wb}, [2]string{"xl/_rels/workbook.xml.rels", wbRels},
		[2]string{"xl/worksheets/sheet1.xml", sheetH + rows + sheetT})
}
