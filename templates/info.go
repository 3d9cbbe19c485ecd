package templates

// InfoKey identifies one key/value row of a "Thông tin" sheet.
type InfoKey int

// Keys of the plan's and the submission's "Thông tin" sheets.
const (
	InfoNone InfoKey = iota
	// Plan.
	InfoGoverningBody // Cơ quan chủ quản
	InfoIssuingBody   // Cơ quan ban hành
	InfoSymbol        // Ký hiệu
	InfoPlace         // Địa danh
	InfoPlanTitle     // Tên kế hoạch
	InfoBasis         // Căn cứ
	InfoSignerTitle   // Chức vụ người ký
	InfoSigner        // Người ký
	InfoRecipients    // Nơi nhận
	// Submission.
	InfoSector     // Ngành
	InfoPeriod     // Kỳ báo cáo
	InfoReportDate // Ngày báo cáo
	InfoPreparer   // Người lập
	InfoContact    // Điện thoại/Email
)

// Info is the specification of one key.
type Info struct {
	Key InfoKey
	Vi  string
	En  string
	Alt []string
	// Hint explains the value in the template and the blank plan.
	Hint string
}

// PlanInfo lists the plan's keys in sheet order.
var PlanInfo = []Info{
	{InfoGoverningBody, "Cơ quan chủ quản", "Governing body", []string{"cơ quan cấp trên"}, "Tên cơ quan chủ quản, chữ in hoa, ví dụ: ỦY BAN NHÂN DÂN TỈNH …"},
	{InfoIssuingBody, "Cơ quan ban hành", "Issuing body", []string{"cơ quan ban hành văn bản", "đơn vị ban hành"}, "Tên cơ quan ban hành báo cáo, ví dụ: VĂN PHÒNG"},
	{InfoSymbol, "Ký hiệu", "Document symbol", []string{"ký hiệu văn bản", "ký hiệu báo cáo"}, "Chữ viết tắt sau số văn bản, ví dụ: BC-VP"},
	{InfoPlace, "Địa danh", "Place", []string{"địa điểm", "nơi ban hành"}, "Địa danh ghi ở đầu báo cáo, ví dụ: Lâm Đồng"},
	{InfoPlanTitle, "Tên kế hoạch", "Plan title", []string{"tên danh mục", "trích yếu", "tên báo cáo"}, "Trích yếu nội dung báo cáo"},
	{InfoBasis, "Căn cứ", "Basis", []string{"văn bản giao nhiệm vụ", "quyết định giao nhiệm vụ"}, "Văn bản giao nhiệm vụ, ví dụ: Quyết định số 02/QĐ-UBND ngày 05/01/2021 của UBND tỉnh"},
	{InfoSignerTitle, "Chức vụ người ký", "Signer title", []string{"chức vụ", "chức danh người ký", "quyền hạn, chức vụ người ký"}, "Ví dụ: CHÁNH VĂN PHÒNG"},
	{InfoSigner, "Người ký", "Signer", []string{"họ tên người ký", "họ và tên người ký"}, "Họ và tên người ký"},
	{InfoRecipients, "Nơi nhận", "Recipients", []string{"nơi gửi"}, "Mỗi nơi nhận một dòng (xuống dòng trong ô bằng Alt+Enter)"},
}

// SubmissionInfo lists the submission's keys in sheet order.
var SubmissionInfo = []Info{
	{InfoSector, "Ngành", "Sector", []string{"ngành, lĩnh vực", "lĩnh vực", "mã ngành", "đơn vị", "cơ quan báo cáo", "sector code"}, "Mã ngành hoặc tên ngành, ví dụ: YT hoặc Y tế"},
	{InfoPeriod, "Kỳ báo cáo", "Period", []string{"kỳ", "tháng báo cáo", "reporting period"}, "Tháng báo cáo, dạng YYYY-MM hoặc 03/2021"},
	{InfoReportDate, "Ngày báo cáo", "Report date", []string{"ngày lập", "ngày lập báo cáo", "ngày gửi", "date"}, "Ngày số liệu được cập nhật, dạng dd/mm/yyyy"},
	{InfoPreparer, "Người lập", "Prepared by", []string{"người lập biểu", "người báo cáo", "cán bộ lập", "người tổng hợp"}, "Họ tên người lập báo cáo"},
	{InfoContact, "Điện thoại/Email", "Phone/Email", []string{"điện thoại", "email", "liên hệ", "số điện thoại", "contact"}, "Số điện thoại hoặc email để liên hệ"},
}

var infoKeys = func() foldKeys[InfoKey] {
	k := foldKeys[InfoKey]{m: map[string]InfoKey{}}
	for _, list := range [][]Info{PlanInfo, SubmissionInfo} {
		for _, in := range list {
			for _, name := range append([]string{in.Vi, in.En}, in.Alt...) {
				k.set(Fold(name), in.Key)
			}
		}
	}
	return k
}()

// MatchInfo recognises the key cell of a "Thông tin" row. A trailing colon
// or parenthesis is ignored.
func MatchInfo(label string) (InfoKey, bool) {
	k, ok, _ := infoKeys.match(label)
	if !ok {
		if i := indexParen(label); i > 0 {
			k, ok, _ = infoKeys.match(label[:i])
		}
	}
	return k, ok
}

// Label returns the canonical label of k.
func (k InfoKey) Label(lang string) string {
	for _, list := range [][]Info{PlanInfo, SubmissionInfo} {
		for _, in := range list {
			if in.Key == k {
				if lang == "en" {
					return in.En
				}
				return in.Vi
			}
		}
	}
	return ""
}

// SectorColumn identifies a column of the plan's "Ngành" sheet.
type SectorColumn int

// Columns of the plan's "Ngành" sheet.
const (
	SectorNone SectorColumn = iota
	SectorCode
	SectorName
	SectorLead
	SectorOrder
)

// SectorColumns is the "Ngành" sheet layout: header, English, variants.
var SectorColumns = []struct {
	Col    SectorColumn
	Vi, En string
	Alt    []string
}{
	{SectorCode, "Mã ngành", "Code", []string{"mã", "ký hiệu", "sector code"}},
	{SectorName, "Tên ngành", "Name", []string{"ngành", "lĩnh vực", "tên lĩnh vực", "ngành, lĩnh vực", "sector"}},
	{SectorLead, "Cơ quan chủ trì", "Lead agency", []string{"cơ quan", "đơn vị", "cơ quan phụ trách", "sở, ngành"}},
	{SectorOrder, "Thứ tự", "Order", []string{"STT", "TT", "số thứ tự"}},
}

// MatchSectorColumn recognises a header of the "Ngành" sheet.
func MatchSectorColumn(header string) (SectorColumn, bool) {
	c, ok, _ := sectorKeys.match(header)
	return c, ok
}

// sectorKeys: the first column naming a folded text wins.
var sectorKeys = func() foldKeys[SectorColumn] {
	k := foldKeys[SectorColumn]{m: map[string]SectorColumn{}}
	for _, c := range SectorColumns {
		for _, name := range append([]string{c.Vi, c.En}, c.Alt...) {
			k.setFirst(Fold(name), c.Col)
		}
	}
	return k
}()

// Sheet names of the workbooks tonghop writes and expects first.
const (
	SheetInfo    = "Thông tin"
	SheetSectors = "Ngành"
	SheetTasks   = "Nhiệm vụ"
	SheetGuide   = "Hướng dẫn"
)
