package main

import "github.com/tonghop/tonghop/report"

// info is the plan's Thông tin sheet.
var info = report.Info{
	GoverningBody: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
	IssuingBody:   "VĂN PHÒNG",
	Symbol:        "BC-VP",
	Place:         "Lâm Đồng",
	PlanTitle:     "Tình hình thực hiện các nhiệm vụ trọng tâm khối văn hóa - xã hội",
	Basis:         "Quyết định số 02/QĐ-UBND ngày 05/01/2021 của Ủy ban nhân dân tỉnh",
	SignerTitle:   "CHÁNH VĂN PHÒNG",
	Signer:        "Nguyễn Văn Bình",
	Recipients: []string{
		"Ban Chỉ đạo (b/c)",
		"Chủ tịch, các Phó Chủ tịch UBND tỉnh",
		"Các sở: Y tế, Giáo dục và Đào tạo, Lao động - Thương binh và Xã hội, Văn hóa, Thể thao và Du lịch, Thông tin và Truyền thông",
		"Ban Dân tộc tỉnh",
		"Lưu: VT, VX",
	},
}

var sectors = []report.Sector{
	{Code: "YT", Name: "Y tế", Lead: "Sở Y tế", Order: 1},
	{Code: "GD", Name: "Giáo dục", Lead: "Sở Giáo dục và Đào tạo", Order: 2},
	{Code: "LDTBXH", Name: "Lao động - Thương binh và Xã hội", Lead: "Sở Lao động - Thương binh và Xã hội", Order: 3},
	{Code: "VHTTDL", Name: "Văn hoá, Thể thao và Du lịch", Lead: "Sở Văn hóa, Thể thao và Du lịch", Order: 4},
	{Code: "DT", Name: "Dân tộc", Lead: "Ban Dân tộc tỉnh", Order: 5},
	{Code: "TTTT", Name: "Thông tin và Truyền thông", Lead: "Sở Thông tin và Truyền thông", Order: 6},
}

// task is one plan row: id, title, output, submit-to, coordinating agencies, deadline as written.
type task struct{ id, title, output, submitTo, coord, deadline string }

const (
	ubnd    = "UBND tỉnh"
	ctubnd  = "Chủ tịch UBND tỉnh"
	hdnd    = "HĐND tỉnh"
	ttTU    = "Thường trực Tỉnh ủy"
	btvTU   = "Ban Thường vụ Tỉnh ủy"
	huyen   = "UBND các huyện, thành phố"
	taichin = "Sở Tài chính"
)

var tasks = map[string][]task{
	"YT": {
		{"YT-01", "Đề án nâng cao chất lượng khám bệnh, chữa bệnh tại tuyến y tế cơ sở giai đoạn 2021-2025", "Đề án", ubnd, "Sở Tài chính, Sở Nội vụ, " + huyen, "Quý II/2021"},
		{"YT-02", "Kế hoạch tiêm chủng vắc xin phòng COVID-19 trên địa bàn tỉnh năm 2021", "Kế hoạch", ubnd, "Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, " + huyen, "28/02/2021"},
	},
	"GD": {
		{"GD-01", "Nghị quyết quy định mức thu học phí đối với cơ sở giáo dục công lập năm học 2021-2022", "Nghị quyết", hdnd, "Sở Tài chính, Sở Tư pháp", "Tháng 6/2021"},
		{"GD-02", "Kế hoạch triển khai Chương trình giáo dục phổ thông 2018 đối với lớp 2 và lớp 6 năm học 2021-2022", "Kế hoạch", ubnd, "Sở Tài chính, Sở Nội vụ, " + huyen, "15/03/2021"},
		{"GD-03", "Đề án phát triển trường mầm non, phổ thông chất lượng cao giai đoạn 2021-2025, định hướng đến năm 2030", "Đề án", ubnd, "Sở Kế hoạch và Đầu tư, Sở Tài chính, " + huyen, "Quý III/2021"},
		{"GD-04", "Quyết định phê duyệt danh mục sách giáo khoa lớp 2, lớp 6 sử dụng trong các cơ sở giáo dục phổ thông năm học 2021-2022", "Quyết định", ctubnd, "Các cơ sở giáo dục phổ thông", "15/04/2021"},
		{"GD-05", "Kế hoạch tổ chức Kỳ thi tốt nghiệp trung học phổ thông năm 2021", "Kế hoạch", ubnd, "Công an tỉnh, Sở Y tế, Công ty Điện lực tỉnh", "31/03/2021"},
		{"GD-06", "Nghị quyết quy định chính sách hỗ trợ giáo viên mầm non ngoài công lập bị ảnh hưởng bởi dịch COVID-19", "Nghị quyết", hdnd, "Sở Tài chính, Sở Lao động - Thương binh và Xã hội", "Quý II/2021"},
		{"GD-07", "Báo cáo sơ kết học kỳ I năm học 2020-2021", "Báo cáo", ubnd, huyen, "31/01/2021"},
	},
	"LDTBXH": {
		{"LD-01", "Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2021", "Kế hoạch", ubnd, "Sở Kế hoạch và Đầu tư, Sở Tài chính, " + huyen, "Tháng 3/2021"},
		{"LD-02", "Đề án hỗ trợ việc làm cho người lao động bị ảnh hưởng bởi dịch COVID-19", "Đề án", ubnd, "Bảo hiểm xã hội tỉnh, Ngân hàng Chính sách xã hội tỉnh", "Quý II/2021"},
		{"LD-03", "Nghị quyết quy định chính sách hỗ trợ đóng bảo hiểm xã hội tự nguyện trên địa bàn tỉnh", "Nghị quyết", hdnd, "Bảo hiểm xã hội tỉnh, Sở Tài chính, Sở Tư pháp", "Tháng 7/2021"},
		{"LD-04", "Kế hoạch thăm, tặng quà gia đình chính sách nhân dịp Tết Nguyên đán Tân Sửu 2021", "Kế hoạch", ubnd, "Ủy ban MTTQ Việt Nam tỉnh, " + huyen, "31/01/2021"},
		{"LD-05", "Quyết định phê duyệt kết quả rà soát hộ nghèo, hộ cận nghèo năm 2020", "Quyết định", ctubnd, huyen, "31/03/2021"},
		{"LD-06", "Kế hoạch đào tạo nghề cho lao động nông thôn năm 2021", "Kế hoạch", ubnd, "Sở Nông nghiệp và Phát triển nông thôn, " + huyen, "30/04/2021"},
		{"LD-07", "Đề án phòng, chống mua bán người giai đoạn 2021-2025", "Đề án", ubnd, "Công an tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Quý III/2021"},
	},
	"VHTTDL": {
		{"VH-01", "Đề án phát triển du lịch tỉnh giai đoạn 2021-2025, tầm nhìn đến năm 2030", "Đề án", btvTU, "Sở Kế hoạch và Đầu tư, Sở Tài nguyên và Môi trường, " + huyen, "Quý II/2021"},
		{"VH-02", "Kế hoạch tổ chức Ngày hội Văn hóa, Thể thao và Du lịch các dân tộc thiểu số của tỉnh năm 2021", "Kế hoạch", ubnd, "Ban Dân tộc tỉnh, " + huyen, "Tháng 4/2021"},
		{"VH-03", "Nghị quyết quy định chế độ dinh dưỡng đối với huấn luyện viên, vận động viên thể thao thành tích cao", "Nghị quyết", hdnd, "Sở Tài chính, Sở Tư pháp", "Tháng 7/2021"},
		{"VH-04", "Kế hoạch tổ chức Đại hội Thể dục thể thao các cấp tiến tới Đại hội Thể dục thể thao tỉnh lần thứ IX năm 2022", "Kế hoạch", ubnd, huyen, "31/03/2021"},
		{"VH-05", "Quy chế quản lý, bảo vệ và phát huy giá trị di tích lịch sử - văn hóa, danh lam thắng cảnh trên địa bàn tỉnh", "Quyết định", ubnd, "Sở Xây dựng, Sở Tài nguyên và Môi trường, " + huyen, "Quý III/2021"},
		{"VH-06", "Đề án bảo tồn và phát huy giá trị văn hóa cồng chiêng gắn với phát triển du lịch giai đoạn 2021-2025", "Đề án", ubnd, "Ban Dân tộc tỉnh, Sở Tài chính, " + huyen, "Quý II/2021"},
		{"VH-07", "Kế hoạch kích cầu du lịch nội địa năm 2021 thích ứng với tình hình dịch COVID-19", "Kế hoạch", ubnd, "Hiệp hội Du lịch tỉnh, Sở Y tế", "28/02/2021"},
		{"VH-08", "Chương trình xúc tiến, quảng bá du lịch năm 2021", "Chương trình", ubnd, "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh", "31/01/2021"},
		{"VH-09", "Kế hoạch xây dựng gia đình hạnh phúc, bền vững giai đoạn 2021-2025", "Kế hoạch", ubnd, "Hội Liên hiệp Phụ nữ tỉnh, " + huyen, "Tháng 5/2021"},
		{"VH-10", "Đề án phát triển thể thao thành tích cao giai đoạn 2021-2025, định hướng đến năm 2030", "Đề án", ubnd, "Sở Tài chính, Sở Nội vụ", "Quý IV/2021"},
		{"VH-11", "Kế hoạch tổ chức các hoạt động kỷ niệm 131 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2021)", "Kế hoạch", ubnd, "Ban Tuyên giáo Tỉnh ủy, " + huyen, "Tháng 5/2021"},
		{"VH-12", "Quyết định phê duyệt danh mục lễ hội truyền thống tiêu biểu của tỉnh", "Quyết định", ctubnd, huyen, "Tháng 6/2021"},
		{"VH-13", "Kế hoạch triển khai phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” năm 2021", "Kế hoạch", ubnd, "Ủy ban MTTQ Việt Nam tỉnh, " + huyen, "31/03/2021"},
		{"VH-14", "Đề án nâng cao chất lượng hoạt động của hệ thống thư viện công cộng giai đoạn 2021-2025", "Đề án", ubnd, "Sở Giáo dục và Đào tạo, Sở Thông tin và Truyền thông", "Quý III/2021"},
		{"VH-15", "Nghị quyết về chính sách hỗ trợ phát triển du lịch cộng đồng", "Nghị quyết", hdnd, "Sở Tài chính, Ban Dân tộc tỉnh, " + huyen, "Tháng 7/2021"},
		{"VH-16", "Kế hoạch tu bổ, tôn tạo di tích quốc gia đặc biệt năm 2021", "Kế hoạch", ubnd, "Sở Xây dựng, Sở Tài chính", "30/04/2021"},
		{"VH-17", "Báo cáo tổng kết 10 năm thực hiện Chiến lược phát triển văn hóa đến năm 2020", "Báo cáo", ttTU, "Các sở, ban, ngành; " + huyen, "Tháng 3/2021"},
		{"VH-18", "Kế hoạch phát triển sản phẩm du lịch đặc thù của tỉnh năm 2021", "Kế hoạch", ubnd, "Hiệp hội Du lịch tỉnh, " + huyen, "Tháng 5/2021"},
		{"VH-19", "Bộ tiêu chí đánh giá chất lượng dịch vụ tại các khu, điểm du lịch", "Quyết định", ubnd, "Sở Công Thương, Hiệp hội Du lịch tỉnh", "Quý II/2021"},
		{"VH-20", "Kế hoạch tổ chức Giải Việt dã truyền thống năm 2021", "Kế hoạch", ubnd, "Báo Lâm Đồng, " + huyen, "20/02/2021"},
	},
	"DT": {
		{"DT-01", "Đề án thực hiện Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi giai đoạn 2021-2025", "Đề án", hdnd, "Sở Kế hoạch và Đầu tư, Sở Tài chính, " + huyen, "Quý III/2021"},
		{"DT-02", "Kế hoạch thăm hỏi, tặng quà người có uy tín trong đồng bào dân tộc thiểu số dịp Tết Nguyên đán Tân Sửu 2021", "Kế hoạch", ubnd, huyen, "31/01/2021"},
		{"DT-03", "Quyết định phê duyệt danh sách người có uy tín trong đồng bào dân tộc thiểu số năm 2021", "Quyết định", ctubnd, "Công an tỉnh, " + huyen, "28/02/2021"},
		{"DT-04", "Nghị quyết quy định chính sách hỗ trợ đất ở, nhà ở, nước sinh hoạt cho hộ đồng bào dân tộc thiểu số nghèo", "Nghị quyết", hdnd, "Sở Tài nguyên và Môi trường, Sở Xây dựng, Sở Tài chính", "Tháng 7/2021"},
		{"DT-05", "Báo cáo kết quả xác định thôn đặc biệt khó khăn, xã khu vực III, II, I vùng đồng bào dân tộc thiểu số", "Báo cáo", ubnd, huyen, "31/03/2021"},
		{"DT-06", "Kế hoạch thực hiện chính sách đối với người có uy tín năm 2021", "Kế hoạch", ubnd, "Sở Tài chính, " + huyen, "30/04/2021"},
		{"DT-07", "Đề án hỗ trợ phát triển kinh tế - xã hội các dân tộc thiểu số rất ít người giai đoạn 2021-2025", "Đề án", ubnd, "Sở Kế hoạch và Đầu tư, Sở Nông nghiệp và Phát triển nông thôn", "Quý II/2021"},
		{"DT-08", "Kế hoạch tuyên truyền, phổ biến, giáo dục pháp luật vùng đồng bào dân tộc thiểu số năm 2021", "Kế hoạch", ubnd, "Sở Tư pháp, Sở Thông tin và Truyền thông", "Tháng 4/2021"},
		{"DT-09", "Chương trình phối hợp công tác dân tộc với Ủy ban MTTQ Việt Nam tỉnh giai đoạn 2021-2025", "Chương trình", ubnd, "Ủy ban MTTQ Việt Nam tỉnh", "Quý II/2021"},
	},
	"TTTT": {
		{"TT-01", "Kế hoạch chuyển đổi số tỉnh năm 2021", "Kế hoạch", ubnd, "Các sở, ban, ngành; " + huyen, "31/03/2021"},
		{"TT-02", "Nghị quyết về chuyển đổi số tỉnh đến năm 2025, định hướng đến năm 2030", "Nghị quyết", btvTU, "Văn phòng Tỉnh ủy, Sở Kế hoạch và Đầu tư", "Quý II/2021"},
		{"TT-03", "Đề án xây dựng đô thị thông minh giai đoạn 2021-2025, tầm nhìn đến năm 2030", "Đề án", ubnd, "Sở Xây dựng, Sở Kế hoạch và Đầu tư, UBND thành phố Đà Lạt", "Quý IV/2021"},
		{"TT-04", "Quyết định ban hành Kiến trúc Chính quyền điện tử tỉnh, phiên bản 2.0", "Quyết định", ubnd, "Các sở, ban, ngành", "Tháng 6/2021"},
		{"TT-05", "Kế hoạch ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước năm 2021", "Kế hoạch", ubnd, "Các sở, ban, ngành; " + huyen, "31/01/2021"},
		{"TT-06", "Kế hoạch thông tin đối ngoại năm 2021", "Kế hoạch", ubnd, "Sở Ngoại vụ, Công an tỉnh", "28/02/2021"},
		{"TT-07", "Quy chế quản lý, vận hành Trung tâm điều hành thông minh (IOC) của tỉnh", "Quyết định", ubnd, "Văn phòng UBND tỉnh, Sở Nội vụ", "Tháng 5/2021"},
		{"TT-08", "Kế hoạch phát triển hạ tầng viễn thông thụ động giai đoạn 2021-2025", "Kế hoạch", ubnd, "Sở Xây dựng, các doanh nghiệp viễn thông", "Quý III/2021"},
		{"TT-09", "Đề án phát triển báo chí, xuất bản và thông tin cơ sở giai đoạn 2021-2025", "Đề án", ubnd, "Ban Tuyên giáo Tỉnh ủy, Sở Nội vụ", "Quý III/2021"},
		{"TT-10", "Kế hoạch bảo đảm an toàn, an ninh mạng trong hoạt động của cơ quan nhà nước năm 2021", "Kế hoạch", ubnd, "Công an tỉnh, các sở, ban, ngành", "Tháng 4/2021"},
	},
}
