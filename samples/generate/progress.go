package main

import "github.com/tonghop/tonghop/report"

// p is one task's progress as a department reports it.
type p struct {
	stage   report.Stage
	pct     float64
	officer string
	done    string // completion date dd/mm/yyyy
	doc     string // issued document
	diff    string // difficulties
	prop    string // proposals
	note    string
}

// file is one department's submission.
type file struct {
	name     string
	sector   string
	date     string // report date dd/mm/yyyy
	preparer string
	contact  string
	rows     map[string]p
	order    []string // ids in the order the department lists them (plan order when nil)
	proposed []report.Row
}

const (
	nd = report.StageNotStarted
	dr = report.StageDrafting
	co = report.StageConsulting
	sy = report.StageSynthesizing
	fi = report.StageFinalizing
	su = report.StageSubmitted
	ok = report.StageDone
	ad = report.StageAdjust
)

// march is the reference month: six files sent before the meeting of
// 04/3/2021; 12 of 55 tasks done, the rest in progress on time.
var march = []file{
	{name: "BC tien do NVTT - So Y te - T3.2021.xlsx", sector: "YT", date: "01/03/2021",
		preparer: "Trần Thị Hạnh", contact: "0263 3822 456 - hanhtt.syt@lamdong.gov.vn",
		rows: map[string]p{
			"YT-01": {stage: co, pct: 40, officer: "Lê Minh Tuấn",
				diff: "Chưa có hướng dẫn của Bộ Y tế về định mức biên chế trạm y tế xã.",
				prop: "Đề nghị UBND tỉnh chỉ đạo Sở Nội vụ phối hợp rà soát biên chế y tế cơ sở."},
			"YT-02": {stage: ok, pct: 100, officer: "Trần Thị Hạnh", done: "26/02/2021", doc: "Kế hoạch số 45/KH-UBND ngày 26/02/2021"},
		}},
	{name: "SGDDT_BaoCao_NhiemVuTrongTam_thang3.xlsx", sector: "GD", date: "02/03/2021",
		preparer: "Nguyễn Thị Thu Trang", contact: "0263 3822 811",
		rows: map[string]p{
			"GD-01": {stage: dr, pct: 20, officer: "Phạm Quốc Huy"},
			"GD-02": {stage: fi, pct: 80, officer: "Nguyễn Thị Thu Trang"},
			"GD-03": {stage: nd, pct: 0, officer: "Đỗ Văn Lâm", note: "Chờ Bộ Giáo dục và Đào tạo ban hành tiêu chí trường chất lượng cao."},
			"GD-04": {stage: co, pct: 50, officer: "Nguyễn Thị Thu Trang"},
			"GD-05": {stage: ok, pct: 100, officer: "Phạm Quốc Huy", done: "24/02/2021", doc: "Kế hoạch số 38/KH-UBND ngày 24/02/2021"},
			"GD-06": {stage: sy, pct: 60, officer: "Đỗ Văn Lâm",
				diff: "Chưa xác định được nguồn kinh phí hỗ trợ.",
				prop: "Đề nghị Sở Tài chính sớm có ý kiến về nguồn kinh phí thực hiện chính sách."},
			"GD-07": {stage: ok, pct: 100, officer: "Phạm Quốc Huy", done: "22/01/2021", doc: "Báo cáo số 15/BC-UBND ngày 22/01/2021"},
		}},
	{name: "LDTBXH - bao cao thang 3-2021.xlsx", sector: "LDTBXH", date: "03/03/2021",
		preparer: "Hoàng Thị Mai", contact: "maiht.sldtbxh@lamdong.gov.vn",
		rows: map[string]p{
			"LD-01": {stage: ok, pct: 100, officer: "Hoàng Thị Mai", done: "01/03/2021", doc: "Kế hoạch số 52/KH-UBND ngày 01/3/2021"},
			"LD-02": {stage: dr, pct: 30, officer: "Vũ Đức Thắng"},
			"LD-03": {stage: co, pct: 45, officer: "Hoàng Thị Mai", diff: "Một số địa phương chưa gửi ý kiến góp ý đúng hạn."},
			"LD-04": {stage: ok, pct: 100, officer: "Vũ Đức Thắng", done: "12/01/2021", doc: "Kế hoạch số 08/KH-UBND ngày 12/01/2021"},
			"LD-05": {stage: sy, pct: 70, officer: "Vũ Đức Thắng"},
			"LD-06": {stage: dr, pct: 25, officer: "Hoàng Thị Mai"},
			"LD-07": {stage: nd, pct: 0, officer: "Vũ Đức Thắng"},
		}},
	{name: "VHTTDL_BC tien do T3.2021.xlsx", sector: "VHTTDL", date: "02/03/2021",
		preparer: "Bùi Thị Ngọc Ánh", contact: "0263 3824 102",
		rows: map[string]p{
			"VH-01": {stage: sy, pct: 65, officer: "Ngô Thanh Sơn",
				diff: "Quy hoạch tỉnh thời kỳ 2021-2030 chưa được phê duyệt nên khó xác định không gian phát triển du lịch.",
				prop: "Đề nghị cho phép trình Đề án sau khi Quy hoạch tỉnh được thông qua."},
			"VH-02": {stage: dr, pct: 30, officer: "Đặng Hữu Phước"},
			"VH-03": {stage: co, pct: 40, officer: "Lương Thị Quỳnh"},
			"VH-04": {stage: fi, pct: 85, officer: "Đặng Hữu Phước"},
			"VH-05": {stage: dr, pct: 20, officer: "Bùi Thị Ngọc Ánh"},
			"VH-06": {stage: co, pct: 35, officer: "Bùi Thị Ngọc Ánh"},
			"VH-07": {stage: ok, pct: 100, officer: "Ngô Thanh Sơn", done: "25/02/2021", doc: "Kế hoạch số 41/KH-UBND ngày 25/02/2021"},
			"VH-08": {stage: ok, pct: 100, officer: "Ngô Thanh Sơn", done: "29/01/2021", doc: "Chương trình số 20/CTr-UBND ngày 29/01/2021"},
			"VH-09": {stage: dr, pct: 25, officer: "Lương Thị Quỳnh"},
			"VH-10": {stage: nd, pct: 0, officer: "Đặng Hữu Phước"},
			"VH-11": {stage: dr, pct: 15, officer: "Lương Thị Quỳnh"},
			"VH-12": {stage: co, pct: 50, officer: "Bùi Thị Ngọc Ánh"},
			"VH-13": {stage: fi, pct: 80, officer: "Lương Thị Quỳnh"},
			"VH-14": {stage: nd, pct: 0, officer: "Bùi Thị Ngọc Ánh"},
			"VH-15": {stage: dr, pct: 20, officer: "Ngô Thanh Sơn", diff: "Trung ương chưa ban hành tiêu chí xác định điểm du lịch cộng đồng."},
			"VH-16": {stage: co, pct: 40, officer: "Bùi Thị Ngọc Ánh"},
			"VH-17": {stage: sy, pct: 70, officer: "Lương Thị Quỳnh"},
			"VH-18": {stage: dr, pct: 25, officer: "Ngô Thanh Sơn"},
			"VH-19": {stage: co, pct: 45, officer: "Ngô Thanh Sơn"},
			"VH-20": {stage: ok, pct: 100, officer: "Đặng Hữu Phước", done: "05/02/2021", doc: "Kế hoạch số 28/KH-UBND ngày 05/02/2021"},
		}},
	{name: "Ban Dan toc - BC nhiem vu trong tam thang 3.xlsx", sector: "DT", date: "01/03/2021",
		preparer: "K' Điệp", contact: "0263 3831 507",
		rows: map[string]p{
			"DT-01": {stage: dr, pct: 25, officer: "K' Điệp",
				diff: "Chưa có hướng dẫn của Ủy ban Dân tộc về nội dung Chương trình giai đoạn 2021-2025.",
				prop: "Đề nghị cho phép lùi thời hạn trình đến khi có hướng dẫn của Trung ương."},
			"DT-02": {stage: ok, pct: 100, officer: "Nguyễn Thị Lan", done: "18/01/2021", doc: "Kế hoạch số 10/KH-UBND ngày 18/01/2021"},
			"DT-03": {stage: ok, pct: 100, officer: "Nguyễn Thị Lan", done: "23/02/2021", doc: "Quyết định số 356/QĐ-UBND ngày 23/02/2021"},
			"DT-04": {stage: co, pct: 40, officer: "K' Điệp"},
			"DT-05": {stage: sy, pct: 60, officer: "Nguyễn Thị Lan"},
			"DT-06": {stage: dr, pct: 30, officer: "Nguyễn Thị Lan"},
			"DT-07": {stage: nd, pct: 0, officer: "K' Điệp"},
			"DT-08": {stage: fi, pct: 75, officer: "Nguyễn Thị Lan"},
			"DT-09": {stage: co, pct: 50, officer: "K' Điệp"},
		}},
	{name: "STTTT-BC-NVTT-thang-03-2021.xlsx", sector: "TTTT", date: "03/03/2021",
		preparer: "Trịnh Thị Bích Ngọc", contact: "ngocttb.stttt@lamdong.gov.vn",
		rows: map[string]p{
			"TT-01": {stage: su, pct: 95, officer: "Phan Anh Khoa"},
			"TT-02": {stage: co, pct: 45, officer: "Phan Anh Khoa"},
			"TT-03": {stage: dr, pct: 20, officer: "Trịnh Thị Bích Ngọc",
				diff: "Thiếu nhân lực chuyên môn về đô thị thông minh.",
				prop: "Đề nghị cho phép thuê đơn vị tư vấn xây dựng Đề án."},
			"TT-04": {stage: sy, pct: 60, officer: "Phan Anh Khoa"},
			"TT-05": {stage: ok, pct: 100, officer: "Trịnh Thị Bích Ngọc", done: "27/01/2021", doc: "Kế hoạch số 18/KH-UBND ngày 27/01/2021"},
			"TT-06": {stage: ok, pct: 100, officer: "Trịnh Thị Bích Ngọc", done: "19/02/2021", doc: "Kế hoạch số 33/KH-UBND ngày 19/02/2021"},
			"TT-07": {stage: dr, pct: 30, officer: "Phan Anh Khoa"},
			"TT-08": {stage: co, pct: 35, officer: "Trịnh Thị Bích Ngọc"},
			"TT-09": {stage: dr, pct: 20, officer: "Trịnh Thị Bích Ngọc"},
			"TT-10": {stage: fi, pct: 70, officer: "Phan Anh Khoa"},
		}},
}

// aprilChanges are what happened between the two meetings; every other task
// in progress moves one stage on.
var aprilChanges = map[string]p{
	"GD-02": {stage: su, pct: 95, diff: "Đang chờ ý kiến thẩm định của Sở Tư pháp."},
	"GD-04": {stage: ok, pct: 100, done: "09/04/2021", doc: "Quyết định số 812/QĐ-UBND ngày 09/4/2021"},
	"LD-05": {stage: ok, pct: 100, done: "05/04/2021", doc: "Quyết định số 701/QĐ-UBND ngày 05/4/2021"},
	"VH-04": {stage: ok, pct: 100, done: "25/03/2021", doc: "Kế hoạch số 68/KH-UBND ngày 25/3/2021"},
	"VH-10": {stage: ad, pct: 0, prop: "Đề nghị điều chỉnh thời hạn trình Đề án sang Quý I/2022 để chờ Chiến lược phát triển thể dục, thể thao quốc gia."},
	"VH-13": {stage: ok, pct: 100, done: "31/03/2021", doc: "Kế hoạch số 75/KH-UBND ngày 31/3/2021"},
	"VH-17": {stage: fi, pct: 85, diff: "Số liệu của một số huyện chưa đầy đủ nên phải bổ sung, hoàn thiện."},
	"DT-05": {stage: sy, pct: 70, diff: "Kết quả rà soát của 03 huyện có sai lệch, phải rà soát lại."},
	"DT-08": {stage: ok, pct: 100, done: "08/04/2021", doc: "Kế hoạch số 80/KH-UBND ngày 08/4/2021"},
	"TT-01": {stage: ok, pct: 100, done: "29/03/2021", doc: "Kế hoạch số 72/KH-UBND ngày 29/3/2021"},
}

// aprilFiles names the April files; VHTTDL sends a first version on 12/4
// and a corrected one on 14/4 (a resubmission).
var aprilFiles = []struct {
	name, sector, date string
	skip               []string // tasks still shown at their March state (the first VHTTDL file)
}{
	{"BC tien do NVTT - So Y te - T4.2021.xlsx", "YT", "13/04/2021", nil},
	{"SGDDT_BaoCao_NhiemVuTrongTam_thang4.xlsx", "GD", "14/04/2021", nil},
	{"LDTBXH - bao cao thang 4-2021.xlsx", "LDTBXH", "15/04/2021", nil},
	{"VHTTDL_BC tien do T4.2021.xlsx", "VHTTDL", "12/04/2021", []string{"VH-13", "VH-10"}},
	{"VHTTDL_BC tien do T4.2021 (ban sua lai).xlsx", "VHTTDL", "14/04/2021", nil},
	{"Ban Dan toc - BC nhiem vu trong tam thang 4.xlsx", "DT", "12/04/2021", nil},
	{"STTTT-BC-NVTT-thang-04-2021.xlsx", "TTTT", "15/04/2021", nil},
}

// aprilProposed is a new task the culture department proposes in April.
var aprilProposed = report.Row{
	Title:     "Kế hoạch phục hồi và phát triển du lịch sau dịch COVID-19 năm 2021",
	Output:    "Kế hoạch",
	SubmitTo:  "UBND tỉnh",
	Lead:      "Sở Văn hóa, Thể thao và Du lịch",
	Officer:   "Ngô Thanh Sơn",
	StageText: "Đang xây dựng dự thảo",
	Stage:     report.StageDrafting,
	Proposals: "Đề nghị bổ sung vào danh mục nhiệm vụ trọng tâm năm 2021.",
}
