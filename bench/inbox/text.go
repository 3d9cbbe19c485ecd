package inbox

import (
	"fmt"
	"github.com/tonghop/tonghop/report"
	"math/rand/v2"
	"strings"
)

// province is one of the units a national roll-up gathers from.
type province struct{ code, name, ascii string }

var provinces = []province{
	{"HNI", "Hà Nội", "Ha Noi"}, {"HCM", "Thành phố Hồ Chí Minh", "TP HCM"}, {"HPG", "Hải Phòng", "Hai Phong"},
	{"DNG", "Đà Nẵng", "Da Nang"}, {"CTO", "Cần Thơ", "Can Tho"}, {"LDG", "Lâm Đồng", "Lam Dong"},
	{"HGG", "Hà Giang", "Ha Giang"}, {"CBG", "Cao Bằng", "Cao Bang"}, {"BKN", "Bắc Kạn", "Bac Kan"},
	{"TQG", "Tuyên Quang", "Tuyen Quang"}, {"LCI", "Lào Cai", "Lao Cai"}, {"DBN", "Điện Biên", "Dien Bien"},
	{"LCU", "Lai Châu", "Lai Chau"}, {"SLA", "Sơn La", "Son La"}, {"YBI", "Yên Bái", "Yen Bai"},
	{"HBH", "Hòa Bình", "Hoa Binh"}, {"TNN", "Thái Nguyên", "Thai Nguyen"}, {"LSN", "Lạng Sơn", "Lang Son"},
	{"QNH", "Quảng Ninh", "Quang Ninh"}, {"BGG", "Bắc Giang", "Bac Giang"}, {"PTO", "Phú Thọ", "Phu Tho"},
	{"VPC", "Vĩnh Phúc", "Vinh Phuc"}, {"BNH", "Bắc Ninh", "Bac Ninh"}, {"HDG", "Hải Dương", "Hai Duong"},
	{"HYN", "Hưng Yên", "Hung Yen"}, {"TBH", "Thái Bình", "Thai Binh"}, {"HNM", "Hà Nam", "Ha Nam"},
	{"NDH", "Nam Định", "Nam Dinh"}, {"NBH", "Ninh Bình", "Ninh Binh"}, {"THA", "Thanh Hóa", "Thanh Hoa"},
	{"NAN", "Nghệ An", "Nghe An"}, {"HTH", "Hà Tĩnh", "Ha Tinh"}, {"QBH", "Quảng Bình", "Quang Binh"},
	{"QTI", "Quảng Trị", "Quang Tri"}, {"TTH", "Thừa Thiên Huế", "Thua Thien Hue"}, {"QNM", "Quảng Nam", "Quang Nam"},
	{"QNI", "Quảng Ngãi", "Quang Ngai"}, {"BDH", "Bình Định", "Binh Dinh"}, {"PYN", "Phú Yên", "Phu Yen"},
	{"KHA", "Khánh Hòa", "Khanh Hoa"}, {"NTN", "Ninh Thuận", "Ninh Thuan"}, {"BTN", "Bình Thuận", "Binh Thuan"},
	{"KTM", "Kon Tum", "Kon Tum"}, {"GLI", "Gia Lai", "Gia Lai"}, {"DLK", "Đắk Lắk", "Dak Lak"},
	{"DNO", "Đắk Nông", "Dak Nong"}, {"BPC", "Bình Phước", "Binh Phuoc"}, {"TNH", "Tây Ninh", "Tay Ninh"},
	{"BDG", "Bình Dương", "Binh Duong"}, {"DNI", "Đồng Nai", "Dong Nai"}, {"BRV", "Bà Rịa - Vũng Tàu", "Ba Ria Vung Tau"},
	{"LAN", "Long An", "Long An"}, {"TGG", "Tiền Giang", "Tien Giang"}, {"BTE", "Bến Tre", "Ben Tre"},
	{"TVH", "Trà Vinh", "Tra Vinh"}, {"VLG", "Vĩnh Long", "Vinh Long"}, {"DTP", "Đồng Tháp", "Dong Thap"},
	{"AGG", "An Giang", "An Giang"}, {"KGG", "Kiên Giang", "Kien Giang"}, {"HUG", "Hậu Giang", "Hau Giang"},
	{"STG", "Sóc Trăng", "Soc Trang"}, {"BLU", "Bạc Liêu", "Bac Lieu"}, {"CMU", "Cà Mau", "Ca Mau"},
}

// sectorKind is one kind of department; every province has one of each.
type sectorKind struct{ code, name, lead, ascii string }

var sectorKinds = []sectorKind{
	{"YT", "Y tế", "Sở Y tế", "So Y te"},
	{"GD", "Giáo dục", "Sở Giáo dục và Đào tạo", "So GDDT"},
	{"LDTBXH", "Lao động - Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội", "So LDTBXH"},
	{"VHTTDL", "Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch", "So VHTTDL"},
	{"DT", "Dân tộc", "Ban Dân tộc tỉnh", "Ban Dan toc"},
	{"TTTT", "Thông tin và Truyền thông", "Sở Thông tin và Truyền thông", "So TTTT"},
	{"KHDT", "Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư", "So KHDT"},
	{"TC", "Tài chính", "Sở Tài chính", "So Tai chinh"},
	{"NV", "Nội vụ", "Sở Nội vụ", "So Noi vu"},
	{"TP", "Tư pháp", "Sở Tư pháp", "So Tu phap"},
	{"TNMT", "Tài nguyên và Môi trường", "Sở Tài nguyên và Môi trường", "So TNMT"},
	{"NNPTNT", "Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Phát triển nông thôn", "So NNPTNT"},
	{"CT", "Công Thương", "Sở Công Thương", "So Cong Thuong"},
	{"XD", "Xây dựng", "Sở Xây dựng", "So Xay dung"},
	{"GTVT", "Giao thông vận tải", "Sở Giao thông vận tải", "So GTVT"},
	{"KHCN", "Khoa học và Công nghệ", "Sở Khoa học và Công nghệ", "So KHCN"},
	{"TTR", "Thanh tra", "Thanh tra tỉnh", "Thanh tra"},
	{"NGV", "Ngoại vụ", "Sở Ngoại vụ", "So Ngoai vu"},
	{"BQLKKT", "Quản lý các khu công nghiệp", "Ban Quản lý các khu công nghiệp", "BQL KCN"},
	{"CA", "An ninh, trật tự", "Công an tỉnh", "Cong an"},
}

var outputs = []string{"Nghị quyết", "Quyết định", "Kế hoạch", "Đề án", "Chương trình", "Báo cáo", "Chỉ thị", "Đề cương", "Tờ trình"}

var submitTo = []string{"UBND tỉnh", "Chủ tịch UBND tỉnh", "HĐND tỉnh", "Thường trực Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"}

var verbs = []string{
	"quy định", "triển khai", "thực hiện", "phát triển", "nâng cao chất lượng", "đẩy mạnh", "tăng cường",
	"phê duyệt", "sơ kết", "tổng kết", "hỗ trợ", "kiện toàn", "rà soát, sắp xếp", "chuyển đổi số trong",
}

var subjects = []string{
	"khám bệnh, chữa bệnh tại tuyến y tế cơ sở", "tiêm chủng vắc xin phòng COVID-19",
	"mức thu học phí đối với cơ sở giáo dục công lập", "Chương trình giáo dục phổ thông 2018",
	"giảm nghèo bền vững", "giáo dục nghề nghiệp và giải quyết việc làm", "bảo tồn và phát huy giá trị di sản văn hóa",
	"phát triển du lịch cộng đồng", "hạ tầng số và chính quyền số", "cải cách hành chính và nâng cao chỉ số PAR INDEX",
	"chính sách đặc thù hỗ trợ đồng bào dân tộc thiểu số", "công tác phòng, chống thiên tai và tìm kiếm cứu nạn",
	"quy hoạch sử dụng đất", "xây dựng nông thôn mới nâng cao", "thu hút đầu tư vào các khu công nghiệp",
	"quản lý chất thải rắn sinh hoạt", "an toàn giao thông", "ứng dụng khoa học và công nghệ",
	"phổ biến, giáo dục pháp luật", "thanh tra, kiểm tra công vụ", "phát triển thương mại điện tử",
	"vị trí việc làm và cơ cấu ngạch công chức", "chăm sóc sức khỏe người cao tuổi", "phát triển thể thao quần chúng",
	"chính sách hỗ trợ người lao động bị ảnh hưởng bởi dịch COVID-19", "cung cấp dịch vụ công trực tuyến mức độ 4",
}

var scopes = []string{
	"trên địa bàn tỉnh", "năm 2021", "giai đoạn 2021-2025", "giai đoạn 2021-2025, định hướng đến năm 2030",
	"tại các huyện miền núi", "đối với các cơ sở công lập", "", "", "năm học 2021-2022",
}

var agencies = []string{
	"Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp", "Sở Kế hoạch và Đầu tư", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh",
	"UBND các huyện, thành phố", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội",
	"Ban Dân tộc tỉnh", "Sở Thông tin và Truyền thông", "Sở Tài nguyên và Môi trường", "Liên đoàn Lao động tỉnh",
	"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Đài Phát thanh - Truyền hình tỉnh", "Các cơ sở giáo dục phổ thông",
}

var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương"}
	middleNames = []string{"Văn", "Thị", "Minh", "Quốc", "Thu", "Thanh", "Hoàng", "Ngọc", "Đức", "Hữu", "Thị Thu", "Xuân", "Công"}
	givenNames  = []string{"Hạnh", "Tuấn", "Trang", "Huy", "Lâm", "Bình", "Dũng", "Hương", "Lan", "Phương", "Sơn", "Thảo", "Hải", "Linh", "Nam", "Quang", "Yến", "Khoa", "Tâm", "Việt", "Đức", "Nhung", "Hiếu", "Thủy"}
)

var difficulties = []string{
	"Chưa có hướng dẫn của Bộ, ngành Trung ương về định mức kinh phí thực hiện.",
	"Một số sở, ngành, địa phương chậm gửi ý kiến góp ý đối với dự thảo.",
	"Nguồn kinh phí bố trí còn hạn chế, chưa đáp ứng yêu cầu.",
	"Đội ngũ cán bộ làm công tác chuyên môn còn thiếu và kiêm nhiệm nhiều việc.",
	"Tình hình dịch bệnh COVID-19 diễn biến phức tạp nên không tổ chức được hội nghị lấy ý kiến trực tiếp.",
	"Số liệu thống kê giữa các cơ quan chưa thống nhất, phải rà soát lại.",
	"Văn bản quy phạm pháp luật của Trung ương đang trong quá trình sửa đổi, bổ sung.",
	"Hồ sơ trình phải chờ ý kiến thẩm định của Sở Tư pháp.",
	"Hạ tầng công nghệ thông tin tại cấp xã chưa đồng bộ.",
	"Việc giải phóng mặt bằng còn vướng mắc do người dân chưa đồng thuận với phương án bồi thường.",
}

var proposals = []string{
	"Đề nghị UBND tỉnh chỉ đạo các sở, ngành liên quan phối hợp gửi ý kiến góp ý đúng thời hạn.",
	"Đề nghị Sở Tài chính thẩm định, bố trí kinh phí để triển khai thực hiện.",
	"Kiến nghị UBND tỉnh cho phép lùi thời hạn trình đến hết Quý III/2021.",
	"Đề nghị Sở Nội vụ hướng dẫn bổ sung biên chế cho đơn vị.",
	"Đề nghị Thường trực HĐND tỉnh cho ý kiến để hoàn thiện dự thảo Nghị quyết trình kỳ họp giữa năm.",
	"Đề nghị Văn phòng UBND tỉnh tổng hợp, báo cáo Ban Chỉ đạo xem xét, cho ý kiến chỉ đạo.",
}

var notes = []string{
	"Đã gửi dự thảo xin ý kiến các sở, ngành và UBND các huyện, thành phố.",
	"Chờ Bộ ban hành thông tư hướng dẫn.",
	"Dự kiến trình trong tháng tới.",
	"Lồng ghép với kế hoạch của năm 2022.",
	"Đã tổ chức hội thảo lấy ý kiến chuyên gia.",
	"Phối hợp với Sở Tư pháp thẩm định.",
}

// the stages as departments write them; the canonical labels dominate.
var stageTexts = map[report.Stage][]string{
	report.StageNotStarted:   {"Chưa triển khai", "Chưa thực hiện", "chưa triển khai"},
	report.StageDrafting:     {"Đang xây dựng dự thảo", "Đang soạn thảo", "Xây dựng dự thảo"},
	report.StageConsulting:   {"Đang lấy ý kiến", "Đang lấy ý kiến góp ý", "dang lay y kien"},
	report.StageSynthesizing: {"Đang tổng hợp, giải trình, tiếp thu", "Đang tổng hợp"},
	report.StageFinalizing:   {"Đang hoàn thiện dự thảo", "Đang hoàn thiện"},
	report.StageSubmitted:    {"Đã trình cấp có thẩm quyền", "Đã trình UBND tỉnh", "Đã trình"},
	report.StageDone:         {"Hoàn thành", "Đã hoàn thành", "HOÀN THÀNH", "hoan thanh"},
	report.StageInProgress:   {"Đang triển khai", "Đang thực hiện"},
}

// unknownStages reject a row (stage.unknown).
var unknownStages = []string{"Chờ phê duyệt", "Tạm hoãn do dịch", "Đang xem xét lại", "??"}

// invalidDates reject a row (date.invalid).
var invalidDates = []string{"31/02/2021", "15/13/2021", "ngày 32 tháng 1", "chưa rõ"}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func person(r *rand.Rand) string {
	return pick(r, familyNames) + " " + pick(r, middleNames) + " " + pick(r, givenNames)
}

// title makes a task title of 40 to 200 characters.
func title(r *rand.Rand, output, place string) string {
	parts := []string{output, pick(r, verbs), pick(r, subjects)}
	if s := pick(r, scopes); s != "" {
		parts = append(parts, s)
	}
	if r.IntN(4) == 0 {
		parts = append(parts, "tỉnh "+place)
	}
	if r.IntN(5) == 0 {
		parts = append(parts, "gắn với "+pick(r, subjects))
	}
	return strings.Join(parts, " ")
}

// coordinating lists one to four other agencies.
func coordinating(r *rand.Rand) string {
	n := 1 + r.IntN(4)
	seen := map[string]bool{}
	var out []string
	for len(out) < n {
		a := pick(r, agencies)
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return strings.Join(out, ", ")
}

// sentences joins one to n distinct sentences from pool.
func sentences(r *rand.Rand, pool []string, n int) string {
	k := 1 + r.IntN(n)
	start := r.IntN(len(pool))
	out := make([]string, 0, k)
	for i := range k {
		out = append(out, pool[(start+i)%len(pool)])
	}
	return strings.Join(out, " ")
}

func issuedDoc(r *rand.Rand, output string, day, month int) string {
	kind := map[string]string{"Nghị quyết": "NQ-HĐND", "Quyết định": "QĐ-UBND", "Kế hoạch": "KH-UBND", "Đề án": "ĐA-UBND",
		"Chương trình": "CTr-UBND", "Báo cáo": "BC-UBND", "Chỉ thị": "CT-UBND", "Đề cương": "ĐC-UBND", "Tờ trình": "TTr-SYT"}[output]
	return fmt.Sprintf("%s số %d/%s ngày %02d/%02d/2021", output, 1+r.IntN(900), kind, day, month)
}
