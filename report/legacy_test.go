package report

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Real texts of the domain: stage names, task titles, agencies, people,
// headers. Each is encoded with the test-only encoders below and must
// decode back to itself.
var legacySentences = []string{
	"Hoàn thành",
	"Chưa triển khai",
	"Đang xây dựng dự thảo",
	"Đang lấy ý kiến",
	"Đang tổng hợp, giải trình, tiếp thu",
	"Đang hoàn thiện dự thảo",
	"Đã trình cấp có thẩm quyền",
	"Đang triển khai",
	"Đề nghị điều chỉnh",
	"Dừng thực hiện",
	"Đã trình UBND tỉnh xem xét, ban hành",
	"Sở Văn hóa, Thể thao và Du lịch",
	"Sở Lao động - Thương binh và Xã hội",
	"Sở Thông tin và Truyền thông",
	"Sở Giáo dục và Đào tạo",
	"Sở Y tế",
	"Ban Dân tộc tỉnh",
	"Văn phòng UBND tỉnh",
	"Xây dựng Đề án phát triển du lịch tỉnh giai đoạn 2021 - 2025",
	"Kế hoạch thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới",
	"Nghị quyết của HĐND tỉnh quy định mức chi hỗ trợ đối với người có uy tín",
	"Quyết định số 02/QĐ-UBND ngày 05/01/2021 của UBND tỉnh",
	"Chưa có hướng dẫn của Bộ Văn hóa, Thể thao và Du lịch nên chậm tổ chức hội nghị lấy ý kiến",
	"Đề nghị điều chỉnh thời hạn sang quý III/2021",
	"Khó khăn do dịch bệnh Covid-19, chưa tổ chức được hội thảo",
	"Nguyễn Văn An",
	"Trần Thị Bích Ngọc",
	"Phòng Quản lý văn hóa, Sở Văn hóa, Thể thao và Du lịch",
	"Ủy ban nhân dân tỉnh",
	"Đắk Lắk",
	"Y tế",
	"Giáo dục",
}

// Upper-case texts, typed with a ".VnTimeH" font in TCVN3.
var legacyUpperSentences = []string{
	"ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
	"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
	"BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ TRỌNG TÂM",
	"HOÀN THÀNH",
	"VĂN PHÒNG",
	"ĐỘC LẬP - TỰ DO - HẠNH PHÚC",
}

// tcvn3Chart lists, for each code from 0xA1 to 0xFE, the character of
// TCVN 5712:1993 VN3 at that code ('-' where VN3 has none). It is typed
// from the published chart, independently of the decoder's table.
const tcvn3Chart = "" +
	"ĂÂÊÔƠƯĐăâêôơưđ-" + // A1–AF
	"-----àảãáạ-ằẳẵắ-" + // B0–BF
	"------ặầẩẫấậè-ẻẽ" + // C0–CF
	"éẹềểễếệìỉ---ĩíịò" + // D0–DF
	"-ỏõóọồổỗốộờởỡớợù" + // E0–EF
	"-ủũúụừửữứựỳỷỹýỵ" // F0–FE

func tcvn3Encoder(t testing.TB) map[rune]rune {
	t.Helper()
	enc := map[rune]rune{}
	code := rune(0xA1)
	for _, r := range tcvn3Chart {
		if r != '-' {
			enc[r] = code
		}
		code++
	}
	if code != 0xFF || len(enc) != 74 {
		t.Fatalf("TCVN3 chart: ends at %#x with %d letters, want 0xff and 74", code, len(enc))
	}
	return enc
}

// encodeTCVN3 writes s as TCVN3 text would appear in an .xlsx. ok is false
// when s has a capital with a tone mark, which VN3 can only show through
// an "H" font (then pass upper: the text is typed in lower case).
func encodeTCVN3(t testing.TB, s string, upper bool) (string, bool) {
	t.Helper()
	enc := tcvn3Encoder(t)
	if upper {
		s = strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		switch c, ok := enc[r]; {
		case ok:
			b.WriteRune(c)
		case r < 0x80:
			b.WriteRune(r)
		default:
			return "", false
		}
	}
	return b.String(), true
}

// encodeVNI writes s as VNI-Windows text would appear in an .xlsx: base
// letter, then the mark characters of the VNI keyboard layout.
func encodeVNI(s string) string {
	tones := map[rune]int{markAcute: 1, markGrave: 2, markHook: 3, markTilde: 4, markDot: 5}
	var (
		plainMarks = []rune{0, 'ù', 'ø', 'û', 'õ', 'ï'}   // a tone alone
		circMarks  = []rune{'â', 'á', 'à', 'å', 'ã', 'ä'} // â ê ô with a tone
		breveMarks = []rune{'ê', 'é', 'è', 'ú', 'ü', 'ë'} // ă with a tone
		iForms     = []rune{'i', 'í', 'ì', 'æ', 'ó', 'ò'}
	)
	var b strings.Builder
	for _, r := range norm.NFC.String(s) {
		d := []rune(norm.NFD.String(string(r)))
		base, upper := unicode.ToLower(d[0]), unicode.IsUpper(d[0])
		var quality rune
		tone := 0
		for _, m := range d[1:] {
			if n, ok := tones[m]; ok {
				tone = n
			} else {
				quality = m
			}
		}
		caseOf := func(c rune) rune {
			if upper {
				return unicode.ToUpper(c)
			}
			return c
		}
		switch {
		case r == 'đ' || r == 'Đ':
			b.WriteRune(caseOf('ñ'))
		case base == 'i':
			b.WriteRune(caseOf(iForms[tone]))
		case base == 'y' && tone == 5:
			b.WriteRune(caseOf('î'))
		case quality == markHorn:
			b.WriteRune(caseOf(map[rune]rune{'o': 'ô', 'u': 'ö'}[base]))
			if tone > 0 {
				b.WriteRune(caseOf(plainMarks[tone]))
			}
		case quality == markCirc:
			b.WriteRune(d[0])
			b.WriteRune(caseOf(circMarks[tone]))
		case quality == markBreve:
			b.WriteRune(d[0])
			b.WriteRune(caseOf(breveMarks[tone]))
		case tone > 0:
			b.WriteRune(d[0])
			b.WriteRune(caseOf(plainMarks[tone]))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func TestDecodeLegacyKnownAnswers(t *testing.T) {
	// Texts as found in real files and converters, not made by our encoders.
	tests := []struct {
		name, in, font, want, enc string
	}{
		{"TCVN3 from SPEC", "Hoµn thµnh", "", "Hoàn thành", EncTCVN3},
		{"TCVN3 place names", "B¶o Th¾ng, M\u00adêng Kh\u00ad¬ng, B¸t X¸t", "", "Bảo Thắng, Mường Khương, Bát Xát", EncTCVN3},
		{"TCVN3 capital Đ", "§ang tæng hîp", ".VnTime", "Đang tổng hợp", EncTCVN3},
		{"TCVN3 H font", "ñy ban nh©n d©n tØnh", ".VnTimeH", "ỦY BAN NHÂN DÂN TỈNH", EncTCVN3},
		{"TCVN3 H font, Arial", "b¸o c¸o", ".VnArialH", "BÁO CÁO", EncTCVN3},
		{"TCVN3 H font, plain ASCII", "ubnd tinh", ".VnTimeH", "UBND TINH", EncTCVN3},
		{"TCVN3 typed with Caps Lock", "HOµN THµNH", "", "HOÀN THÀNH", EncTCVN3},
		{"TCVN3 title case stays", "Së Y tÕ", "", "Sở Y tế", EncTCVN3},
		{"TCVN3 with abbreviation", "Q§-UBND ngµy 05/01/2021", "", "QĐ-UBND ngày 05/01/2021", EncTCVN3},
		{"VNI from SPEC", "Hoaøn thaønh", "", "Hoàn thành", EncVNI},
		{"VNI converter README", "Xin chaøo caùc baïn", "", "Xin chào các bạn", EncVNI},
		{"VNI đ and Đ", "Ñang ñeà nghò", "", "Đang đề nghị", EncVNI},
		{"VNI capitals", "COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", EncVNI},
		{"VNI font hint", "Y teá", "VNI-Times", "Y tế", EncVNI},
		{"VNI, one word", "Y teá", "", "Y tế", EncVNI},
		{"VNI with stray line break", "Ñaõ trình\nUBND tænh", "", "Đã trình\nUBND tỉnh", EncVNI},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, enc := DecodeLegacy(tt.in, tt.font)
			if out != tt.want || enc != tt.enc {
				t.Errorf("DecodeLegacy(%q, %q) = %q, %q; want %q, %q", tt.in, tt.font, out, enc, tt.want, tt.enc)
			}
		})
	}
}

func TestDecodeLegacyRoundTrip(t *testing.T) {
	for _, s := range legacySentences {
		if tc, ok := encodeTCVN3(t, s, false); ok {
			for _, font := range []string{"", ".VnTime", "Times New Roman"} {
				out, enc := DecodeLegacy(tc, font)
				if out != s || enc != EncTCVN3 {
					t.Errorf("TCVN3 %q (font %q) decoded to %q, %q; want %q", tc, font, out, enc, s)
				}
			}
		} else if strings.IndexFunc(s, func(r rune) bool { return unicode.IsUpper(r) && r > 0x7F }) < 0 {
			t.Errorf("encodeTCVN3(%q) failed", s)
		}
		v := encodeVNI(s)
		for _, font := range []string{"", "VNI-Times"} {
			out, enc := DecodeLegacy(v, font)
			if out != s || enc != EncVNI {
				t.Errorf("VNI %q (font %q) decoded to %q, %q; want %q", v, font, out, enc, s)
			}
		}
	}
	for _, s := range legacyUpperSentences {
		tc, ok := encodeTCVN3(t, s, true)
		if !ok {
			t.Fatalf("encodeTCVN3(%q, upper) failed", s)
		}
		for _, font := range []string{".VnTimeH", ".VnArialH", " .VnTimeH "} {
			if out, enc := DecodeLegacy(tc, font); out != s || enc != EncTCVN3 {
				t.Errorf("TCVN3 %q (font %q) decoded to %q, %q; want %q", tc, font, out, enc, s)
			}
		}
		v := encodeVNI(s)
		if out, enc := DecodeLegacy(v, ""); out != s || enc != EncVNI {
			t.Errorf("VNI %q decoded to %q, %q; want %q", v, out, enc, s)
		}
	}
}

// The encoders must agree with texts found in the wild, or the round trip
// proves nothing.
func TestLegacyEncoders(t *testing.T) {
	if got, _ := encodeTCVN3(t, "Hoàn thành", false); got != "Hoµn thµnh" {
		t.Errorf("encodeTCVN3 = %q", got)
	}
	if got, _ := encodeTCVN3(t, "Mường Khương", false); got != "M\u00adêng Kh\u00ad\u00acng" {
		t.Errorf("encodeTCVN3 = %q", got)
	}
	if got := encodeVNI("Xin chào các bạn"); got != "Xin chaøo caùc baïn" {
		t.Errorf("encodeVNI = %q", got)
	}
	if got := encodeVNI("Sở Văn hóa, Thể thao và Du lịch"); got != "Sôû Vaên hoùa, Theå thao vaø Du lòch" {
		t.Errorf("encodeVNI = %q", got)
	}
}

func TestDecodeLegacyLeavesUnicodeAlone(t *testing.T) {
	inputs := append([]string{
		"", "   ", "Completed", "In progress, on time", "Task ID",
		"Café crème brûlée", "Hôtel de ville", "Noël à Paris", "naïve façade", "Müller GmbH", "São Paulo",
		"año nuevo", "Zürich", "2 × 3 m", "± 5 %", "5 µm", "© 2021", "« Bonjour »", "§ 5",
		"Hoàn thành", "Tô Hoài", "Hoàn thành đúng hạn", "Giáo dục", "Ủy ban nhân dân tỉnh Lâm Đồng",
		"Quyết định số 02/QĐ-UBND ngày 05/01/2021", "né tránh", "Cà Mau", "Bà Rịa - Vũng Tàu",
		"Thành phố Hồ Chí Minh", "Hà Nội", "Sở Y tế", "ô tô", "Ý kiến", "à", "ơ",
		"Tài chính", "Công an", "Giáo viên", "Thông tin", "Tài nguyên", "Tô Hoài", "Chí Minh", "Bà Hoàng",
	}, legacySentences...)
	inputs = append(inputs, legacyUpperSentences...)
	for _, s := range inputs {
		for _, font := range []string{"", "Times New Roman", "Calibri"} {
			if out, enc := DecodeLegacy(s, font); out != s || enc != "" {
				t.Errorf("DecodeLegacy(%q, %q) = %q, %q; want it unchanged", s, font, out, enc)
			}
		}
	}
	// A legacy font on a cell holding Unicode Vietnamese (an old template
	// typed into with a Unicode keyboard) does not make the text legacy.
	for _, s := range []string{"Đang lấy ý kiến", "Hoàn thành", "Sở Văn hóa, Thể thao và Du lịch", "Giáo dục"} {
		for _, font := range []string{".VnTime", "VNI-Times"} {
			if out, enc := DecodeLegacy(s, font); out != s || enc != "" {
				t.Errorf("DecodeLegacy(%q, %q) = %q, %q; want it unchanged", s, font, out, enc)
			}
		}
	}
}

func TestDecodeLegacyNFC(t *testing.T) {
	out, enc := DecodeLegacy("Hoaøn thaønh", "")
	if enc != EncVNI || !norm.NFC.IsNormalString(out) || len([]rune(out)) != 10 {
		t.Errorf("DecodeLegacy = %q (%d runes), %q; want NFC \"Hoàn thành\"", out, len([]rune(out)), enc)
	}
}

func TestValidSyllable(t *testing.T) {
	valid := strings.Fields("a ở gì giữa nghiêng người khuya thuở quốc quyết hoàn thành tiếp hợp tổng xoong Đắk ỦY Việt")
	for _, w := range valid {
		if !validSyllable(w) {
			t.Errorf("validSyllable(%q) = false", w)
		}
	}
	invalid := strings.Fields("hôtel café crème été bt tịang hòan hoàń ăn̉ ơng thànhh xyz tàt bât mêng")
	for _, w := range invalid {
		if validSyllable(w) {
			t.Errorf("validSyllable(%q) = true", w)
		}
	}
}

// TestDecodeLegacyQuickPathChangesNothing compares DecodeLegacy with and
// without its quick settling of Unicode words (validUnicodeWords) on the
// domain's sentences, their TCVN3 and VNI forms, their words shuffled and
// random mixes of Latin-1 letters, in every kind of font.
func TestDecodeLegacyQuickPathChangesNothing(t *testing.T) {
	var texts []string
	for _, s := range append(append([]string{}, legacySentences...), legacyUpperSentences...) {
		texts = append(texts, s, encodeVNI(s), strings.ToUpper(s), norm.NFD.String(s))
		if tc, ok := encodeTCVN3(t, s, false); ok {
			texts = append(texts, tc)
		}
	}
	var words []string
	for _, s := range texts {
		words = append(words, strings.Fields(s)...)
	}
	letters := []rune("aàáâãèéêìíòóôõùúýAÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝñÑøµ¸¬®×ÕÞùûïhnqtg ")
	rng := rand.New(rand.NewPCG(30, 2021))
	for range 4000 {
		var b strings.Builder
		for n := rng.IntN(5); n >= 0; n-- {
			if rng.IntN(2) == 0 {
				b.WriteString(words[rng.IntN(len(words))])
			} else {
				for k := rng.IntN(6); k >= 0; k-- {
					b.WriteRune(letters[rng.IntN(len(letters))])
				}
			}
			b.WriteByte(' ')
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		for _, font := range []string{"", "Times New Roman", ".VnTime", ".VnTimeH", "VNI-Times"} {
			out, enc := decodeLegacy(text, font, true)
			wantOut, wantEnc := decodeLegacy(text, font, false)
			if out != wantOut || enc != wantEnc {
				t.Fatalf("DecodeLegacy(%q, %q) = %q, %s; scored in full: %q, %s", text, font, out, enc, wantOut, wantEnc)
			}
		}
	}
}

func TestFontHint(t *testing.T) {
	for font, want := range map[string]string{
		".VnTime": EncTCVN3, " .VNTIMEH ": EncTCVN3, ".vnArial": EncTCVN3, ".Vn": EncTCVN3, ".V": "",
		"VNI-Times": EncVNI, "vni helve": EncVNI, "VNI": "", "VNİ-Times": EncVNI, "Times New Roman": "", "": "",
		"Ｖ.VnTime": "",
	} {
		if got := fontHint(font); got != want {
			t.Errorf("fontHint(%q) = %q; want %q", font, got, want)
		}
	}
}
