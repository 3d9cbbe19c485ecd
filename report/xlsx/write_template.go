package xlsx

import (
	"errors"
	"io"
	"strings"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

var errNotYet = errors.New("not available yet")

// Submission describes a submission workbook to write: a blank template
// for a sector (Sub nil) or a filled-in one (samples, tests).
type Submission struct {
	Plan   *report.Plan
	Sector report.Sector
	Period report.Period
	Sub    *report.Submission // nil for a blank template
	Lang   report.Lang
}

// Colours of the templates: grey for what the office fills in, pale yellow
// for what the department fills in.
const (
	wGrey   = "E7E6E6"
	wHead   = "D9E1F2"
	wYellow = "FFF9E5"
	wHint   = "595959"
)

// WritePlan writes a plan workbook (sheets Thông tin, Ngành, Nhiệm vụ).
// With a nil or empty plan it writes the blank plan of `tonghop init`: an
// instructions sheet and one example row in each sheet.
func WritePlan(w io.Writer, p *report.Plan, lang report.Lang) error {
	blank := p == nil || (len(p.Tasks) == 0 && len(p.Sectors) == 0)
	if blank {
		p = wExamplePlan()
	}
	b := newWBook()
	if blank {
		b.sheet(templates.SheetGuide)
		b.guide(templates.SheetGuide, wPlanGuide())
	}
	b.planInfo(p.Info, lang, blank)
	b.planSectors(p.Sectors, lang)
	b.planTasks(p.Tasks, lang)
	return b.finish(w, lang.Pick("Danh mục nhiệm vụ", "Task plan"), report.Date(2000, 1, 1))
}

func (b *wbook) planInfo(in report.Info, lang report.Lang, hints bool) {
	const sh = templates.SheetInfo
	b.sheet(sh)
	b.width(sh, 1, 22)
	b.width(sh, 2, 60)
	if hints {
		b.width(sh, 3, 60)
	}
	values := map[templates.InfoKey]string{
		templates.InfoGoverningBody: in.GoverningBody, templates.InfoIssuingBody: in.IssuingBody,
		templates.InfoSymbol: in.Symbol, templates.InfoPlace: in.Place, templates.InfoPlanTitle: in.PlanTitle,
		templates.InfoBasis: in.Basis, templates.InfoSignerTitle: in.SignerTitle, templates.InfoSigner: in.Signer,
		templates.InfoRecipients: strings.Join(in.Recipients, "\n"),
	}
	for i, k := range templates.PlanInfo {
		row := i + 1
		v := values[k.Key]
		b.set(sh, 1, row, lang.Pick(k.Vi, k.En), wstyle{bold: true, border: true, fill: wHead, wrap: true})
		b.set(sh, 2, row, v, wstyle{border: true, wrap: true})
		lines := wLines(v, 60)
		if hints {
			b.set(sh, 3, row, k.Hint, wstyle{italic: true, color: wHint, wrap: true})
			lines = max(lines, wLines(k.Hint, 60))
		}
		b.height(sh, row, wRowHeight(lines, 0))
	}
	b.printSetup(sh, "portrait", "", lang)
}

func (b *wbook) planSectors(sectors []report.Sector, lang report.Lang) {
	const sh = templates.SheetSectors
	b.sheet(sh)
	head := wstyle{bold: true, border: true, fill: wHead, halign: "center", valign: "center", wrap: true}
	for i, c := range templates.SectorColumns {
		b.set(sh, i+1, 1, lang.Pick(c.Vi, c.En), head)
		b.width(sh, i+1, []float64{12, 40, 40, 10}[min(i, 3)])
	}
	cell := wstyle{border: true, wrap: true}
	for i, s := range sectors {
		row := i + 2
		b.set(sh, 1, row, s.Code, cell)
		b.set(sh, 2, row, s.Name, cell)
		b.set(sh, 3, row, s.Lead, cell)
		order := s.Order
		if order == 0 {
			order = i + 1
		}
		b.set(sh, 4, row, order, wstyle{border: true, halign: "center"})
	}
	b.freezeRows(sh, 1)
	b.printSetup(sh, "portrait", "$1:$1", lang)
}

func (b *wbook) planTasks(tasks []report.Task, lang report.Lang) {
	const sh = templates.SheetTasks
	b.sheet(sh)
	head := wstyle{bold: true, border: true, fill: wHead, halign: "center", valign: "center", wrap: true}
	for i, f := range templates.PlanFields {
		c := templates.Col(f)
		b.set(sh, i+1, 1, lang.Pick(c.Vi, c.En), head)
		b.width(sh, i+1, c.Width)
	}
	b.height(sh, 1, wRowHeight(2, 0))
	for i, t := range tasks {
		row := i + 2
		lines := 1
		for j, f := range templates.PlanFields {
			v, s := wTaskValue(f, t, i+1)
			b.set(sh, j+1, row, v, s)
			if str, ok := v.(string); ok {
				lines = max(lines, wLines(str, templates.Col(f).Width))
			}
		}
		b.height(sh, row, wRowHeight(lines, 0))
	}
	b.freezeRows(sh, 1)
	b.landscape(sh, "$1:$1", lang)
}

// wTaskValue is the cell of plan field f for task t (no is its STT).
func wTaskValue(f templates.Field, t report.Task, no int) (any, wstyle) {
	cell := wstyle{border: true, wrap: true}
	switch f {
	case templates.FieldNo:
		return no, wstyle{border: true, halign: "center"}
	case templates.FieldID:
		return t.ID, cell
	case templates.FieldSector:
		return t.Sector, cell
	case templates.FieldTitle:
		return t.Title, cell
	case templates.FieldOutput:
		return t.Output, cell
	case templates.FieldSubmitTo:
		return t.SubmitTo, cell
	case templates.FieldLead:
		return t.Lead, cell
	case templates.FieldCoordinating:
		return t.Coordinating, cell
	case templates.FieldDeadline:
		if t.DeadlineText != "" {
			return t.DeadlineText, wstyle{border: true, wrap: true, halign: "center"}
		}
		return t.Deadline, wstyle{border: true, halign: "center"}
	}
	return nil, cell
}

// guide writes an instructions sheet: a bold title, then one paragraph per
// row in a wide wrapped column. Lines starting with "- " are indented.
func (b *wbook) guide(sheet string, lines []string) {
	const width = 90
	b.width(sheet, 1, width)
	for i, text := range lines {
		row := i + 1
		s := wstyle{wrap: true, valign: "center"}
		switch {
		case i == 0:
			s.bold, s.size = true, 14
		case strings.HasPrefix(text, "# "):
			text, s.bold = strings.TrimPrefix(text, "# "), true
		case strings.HasPrefix(text, "- "):
			text = "    • " + strings.TrimPrefix(text, "- ")
		}
		b.set(sheet, 1, row, text, s)
		b.height(sheet, row, wRowHeight(wLines(text, width), s.size)+2)
	}
	b.printSetup(sheet, "portrait", "", report.VI)
}

func wExamplePlan() *report.Plan {
	return &report.Plan{
		Info: report.Info{
			GoverningBody: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
			IssuingBody:   "VĂN PHÒNG",
			Symbol:        "BC-VP",
			Place:         "Lâm Đồng",
			PlanTitle:     "Tình hình thực hiện các nhiệm vụ trọng tâm năm 2021 khối văn hóa - xã hội",
			Basis:         "Quyết định số 02/QĐ-UBND ngày 05/01/2021 của UBND tỉnh",
			SignerTitle:   "CHÁNH VĂN PHÒNG",
			Signer:        "Nguyễn Văn A",
			Recipients:    []string{"Chủ tịch, các PCT UBND tỉnh", "Các sở, ngành liên quan", "Lưu: VT, TH"},
		},
		Sectors: []report.Sector{{Code: "YT", Name: "Y tế", Lead: "Sở Y tế", Order: 1}},
		Tasks: []report.Task{{
			ID: "YT-01", Sector: "YT",
			Title:        "Xây dựng Kế hoạch phát triển mạng lưới y tế cơ sở giai đoạn 2021 - 2025",
			Output:       "Kế hoạch",
			SubmitTo:     "UBND tỉnh",
			Lead:         "Sở Y tế",
			Coordinating: "Các sở, ngành, địa phương liên quan",
			DeadlineText: "Quý II/2021",
		}},
	}
}

func wPlanGuide() []string {
	return []string{
		"HƯỚNG DẪN LẬP DANH MỤC NHIỆM VỤ",
		"Tệp này là danh mục nhiệm vụ trọng tâm trong năm. tonghop dùng nó để tạo mẫu báo cáo cho từng ngành (tonghop template) và để kiểm tra, tổng hợp báo cáo của các ngành (tonghop validate, tonghop consolidate).",
		"Mỗi trang tính đã có một dòng ví dụ: hãy sửa hoặc xóa dòng đó rồi nhập dữ liệu thật. Không đổi tên các trang tính và các tiêu đề cột.",
		"# 1. Trang \"Thông tin\"",
		"Thông tin dùng cho phần đầu và phần cuối báo cáo: cơ quan chủ quản, cơ quan ban hành, ký hiệu văn bản, địa danh, tên kế hoạch, văn bản giao nhiệm vụ, người ký và nơi nhận. Cột C giải thích từng mục. Ở mục Nơi nhận, mỗi nơi nhận ghi một dòng trong cùng một ô (xuống dòng bằng Alt+Enter).",
		"# 2. Trang \"Ngành\"",
		"Mỗi dòng một ngành, lĩnh vực: Mã ngành (ngắn, không trùng, ví dụ YT, GD), Tên ngành (như dùng trong câu, ví dụ \"Y tế\"), Cơ quan chủ trì (ví dụ \"Sở Y tế\") và Thứ tự xuất hiện trong báo cáo.",
		"# 3. Trang \"Nhiệm vụ\"",
		"Mỗi dòng một nhiệm vụ: Mã nhiệm vụ (không trùng, ví dụ YT-01), Ngành (mã ngành ở trang \"Ngành\"), Tên nhiệm vụ, Sản phẩm (Nghị quyết, Quyết định, Kế hoạch, Đề án, Báo cáo …), Cấp trình (UBND tỉnh, HĐND tỉnh, Thường trực Tỉnh ủy …), Cơ quan chủ trì, Cơ quan phối hợp và Thời hạn.",
		"Thời hạn ghi theo dạng ngày/tháng/năm (dd/mm/yyyy, ví dụ 30/6/2021) hoặc theo kỳ: \"Tháng 6/2021\", \"Quý II/2021\", \"6 tháng đầu năm 2021\", \"Năm 2021\" (khi đó thời hạn là ngày cuối cùng của kỳ).",
		"# 4. Bước tiếp theo",
		"Lưu tệp dạng .xlsx, rồi chạy: tonghop template --plan <tệp này> --all --period YYYY-MM để tạo mẫu báo cáo cho từng ngành và gửi các ngành.",
	}
}
