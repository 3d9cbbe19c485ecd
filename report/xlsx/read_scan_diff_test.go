package xlsx

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// TestReadScanGolden pins down what the reader gives for a corpus of
// workbooks: the samples, the fuzz corpus, the workbooks the other tests
// build and hand-written parts in the styles other writers use (prefixes,
// entities, CDATA, rich text, comments, attribute order). The golden dumps
// were made with the encoding/xml reader before the byte scanner replaced
// it: any difference is a change of behaviour. -update rewrites them.
func TestReadScanGolden(t *testing.T) {
	for _, c := range sdCorpus(t) {
		t.Run(c.name, func(t *testing.T) {
			got := sdDump(c.name, c.data, c.disk)
			golden := filepath.Join("testdata", "read", "scan", sdFileName(c.name)+".golden")
			goldenFile(t, golden, got)
		})
	}
}

type sdCase struct {
	name string
	data []byte
	disk bool // read from disk: the SHA-256 is stable
}

func sdCorpus(tb testing.TB) []sdCase {
	tb.Helper()
	var out []sdCase
	var files []string
	for _, g := range []string{"../../samples/*.xlsx", "../../samples/*/*", "testdata/read/*.xlsx"} {
		m, err := filepath.Glob(g)
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, m...)
	}
	for _, f := range files {
		if st, err := os.Stat(f); err != nil || st.IsDir() || strings.HasSuffix(f, ".go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, sdCase{"file " + strings.TrimPrefix(f, "../../"), data, true})
	}
	fuzz, _ := filepath.Glob("testdata/fuzz/FuzzReadSubmission/*")
	for _, f := range fuzz {
		if data, ok := sdFuzzInput(tb, f); ok {
			out = append(out, sdCase{"fuzz " + filepath.Base(f), data, true})
		}
	}
	out = append(out,
		sdCase{"gen template", rTemplateSubmission(tb), false},
		sdCase{"gen messy", rMessySubmission(tb), false},
		sdCase{"gen big", rBigSubmission(tb, 150), false},
	)
	for _, e := range sdEdits {
		out = append(out, sdCase{"edit " + e.name, rSheetEdit(tb, e.edit), false})
	}
	for _, h := range sdHandBooks {
		out = append(out, sdCase{"hand " + h.name, sdBook(tb, h.sheet, h.strs, h.styles), true})
	}
	return out
}

// sdFuzzInput reads a file of the fuzz corpus ("go test fuzz v1" then one
// []byte literal).
func sdFuzzInput(tb testing.TB, path string) ([]byte, bool) {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	_, lit, ok := strings.Cut(string(b), "\n")
	lit = strings.TrimSpace(lit)
	if !ok || !strings.HasPrefix(lit, "[]byte(") || !strings.HasSuffix(lit, ")") {
		return nil, false
	}
	s, err := strconv.Unquote(lit[len("[]byte(") : len(lit)-1])
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return []byte(s), true
}

var sdEdits = []struct {
	name string
	edit func(string) string
}{
	{"damaged", func(s string) string { i := strings.Index(s, `<row r="6"`); return s[:i+20] + "<<<" + s[i+20:] }},
	{"cut after a row", func(s string) string { i := strings.Index(s, `<row r="6"`); return s[:i] }},
	{"cut inside a cell", func(s string) string { i := strings.Index(s, `<row r="6"`); return s[:i+40] }},
	{"rows out of order", func(s string) string { return strings.Replace(s, `<row r="6"`, `<row r="5"`, 1) }},
	{"doctype", func(s string) string {
		return strings.Replace(s, "<worksheet", `<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><worksheet`, 1)
	}},
	{"entity reference", func(s string) string { return strings.Replace(s, `<row r="6"`, `<row r="6" x="&a;"`, 1) }},
	{"row over the limit", func(s string) string {
		return strings.Replace(s, "</sheetData>", `<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>`, 1)
	}},
	{"bad number", func(s string) string {
		return strings.Replace(s, "</sheetData>", `<row r="40"><c r="A40"><v>1,5</v></c></row></sheetData>`, 1)
	}},
	{"cell of another row", func(s string) string {
		return strings.Replace(s, "</sheetData>", `<row r="40"><c r="A41"><v>1</v></c></row></sheetData>`, 1)
	}},
	{"cells out of order", func(s string) string {
		return strings.Replace(s, "</sheetData>", `<row r="40"><c r="B40"><v>1</v></c><c r="A40"><v>2</v></c></row></sheetData>`, 1)
	}},
	{"unknown cell type", func(s string) string {
		return strings.Replace(s, "</sheetData>", `<row r="40"><c r="A40" t="zz"><v>1</v></c></row></sheetData>`, 1)
	}},
	{"mismatched end tag", func(s string) string { return strings.Replace(s, "</sheetData>", "</sheetdata>", 1) }},
	{"control character", func(s string) string {
		return strings.Replace(s, "</sheetData>", "<row r=\"40\"><c r=\"A40\" t=\"inlineStr\"><is><t>a\x01b</t></is></c></row></sheetData>", 1)
	}},
	{"invalid utf-8", func(s string) string {
		return strings.Replace(s, "</sheetData>", "<row r=\"40\"><c r=\"A40\" t=\"inlineStr\"><is><t>a\xffb</t></is></c></row></sheetData>", 1)
	}},
	{"two roots", func(s string) string { return s + "<worksheet/>" }},
	{"text after the root", func(s string) string { return s + "junk" }},
	{"unquoted attribute", func(s string) string { return strings.Replace(s, `<row r="6"`, `<row r=6`, 1) }},
	{"lone ampersand", func(s string) string {
		return strings.Replace(s, "</sheetData>", `<row r="40"><c r="A40" t="inlineStr"><is><t>a & b</t></is></c></row></sheetData>`, 1)
	}},
	{"xml declaration in latin-1", func(s string) string {
		return strings.Replace(s, `encoding="UTF-8"`, `encoding="ISO-8859-1"`, 1)
	}},
}

// sdHandBooks are workbooks written by hand, one sheet each, in the ways
// other writers write their parts.
var sdHandBooks = []struct{ name, sheet, strs, styles string }{
	{"prefixed", sdPrefixedSheet, sdRichStrings, sdStyles},
	{"default namespace", strings.NewReplacer("x:", "", ":x", "").Replace(sdPrefixedSheet), sdRichStrings, sdStyles},
	{"inline strings", sdInlineSheet, "", sdStyles},
	{"no shared strings part", sdInlineSheet, "-", "-"},
	{"bad shared strings", sdInlineSheet, `<sst><si><t>a</t></si><si><t>b</si></sst>`, sdStyles},
	{"doctype in shared strings", sdInlineSheet, `<!DOCTYPE sst><sst><si><t>a</t></si></sst>`, sdStyles},
	{"shared strings cut", sdInlineSheet, `<sst><si><t>a</t></si><si><t>b`, sdStyles},
	{"empty sheet part", "", "-", "-"},
	{"sheet without root", `<?xml version="1.0"?>`, "-", "-"},
}

const sdStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><name val=".VnTime"/></font></fonts>
<cellXfs count="4"><xf numFmtId="0" fontId="0"/><xf numFmtId="164" fontId="0"/><xf numFmtId="9" fontId="0"/><xf numFmtId="0" fontId="1"/></cellXfs>
</styleSheet>`

const sdRichStrings = `<?xml version="1.0" encoding="UTF-8"?>
<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">
<x:si><x:t>STT</x:t></x:si>
<x:si><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">Tên </x:t></x:r><x:r><x:t>nhiệm vụ</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ふりがな</x:t></x:rPh></x:si>
<x:si><x:t>Giai đoạn</x:t></x:si>
<x:si><x:t>Mã nhiệm vụ</x:t></x:si>
<x:si><x:t><![CDATA[Đề án <y tế> & "cơ sở"]]></x:t></x:si>
<x:si><x:t>Hoàn thành</x:t></x:si>
<x:si><x:t>Sở Tài chính &amp; Sở Nội vụ &#8211; &#x110;ắk Lắk &lt;b&gt; &quot;x&quot; &apos;y&apos;</x:t></x:si>
<x:si><x:t>dòng 1&#13;&#10;dòng 2` + "\r\n" + `dòng 3_x000D_</x:t></x:si>
<x:si><!-- comment --><x:t/></x:si>
<x:si><x:t>Thời hạn</x:t></x:si>
</x:sst>`

const sdPrefixedSheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<x:dimension ref="A1:F9"/>
<x:sheetData>
<x:row r="2" spans="1:5"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="s"><x:v>3</x:v></x:c><x:c r="C2" t="s"><x:v>1</x:v></x:c><x:c r="D2" t="s"><x:v>2</x:v></x:c><x:c r="E2" t="s"><x:v>9</x:v></x:c></x:row>
<x:row r='3' hidden='1'><x:c s='2' t='n' r='A3'><x:v> 1 </x:v></x:c><x:c r="B3" t="inlineStr"><x:is><x:t>YT&#45;01</x:t></x:is></x:c><x:c r="C3" t="s" ><x:v>4</x:v ></x:c ><x:c r="D3" t="s"><x:v>5</x:v></x:c><x:c r="E3" s="1"><x:f>DATE(2021,6,30)</x:f><x:v>44377</x:v></x:c></x:row>
<x:row r="4"><x:c r="A4"><x:v>2</x:v></x:c><x:c r="B4" t="str"><x:f>"YT"&amp;"02"</x:f><x:v>YT02</x:v></x:c><x:c r="C4" t="s"><x:v>6</x:v></x:c><x:c r="D4" t="inlineStr"><x:is><x:r><x:t>Đang </x:t></x:r><x:r><x:t>lấy ý kiến</x:t></x:r></x:is></x:c><x:c r="E4" t="d"><x:v>2021-06-30</x:v></x:c><x:c r="F4" t="b"><x:v>1</x:v></x:c></x:row>
<x:row r="5"><x:c r="A5"><x:v>3</x:v></x:c><x:c r="C5" t="s"><x:v>7</x:v></x:c><x:c r="D5" t="s" s="3"><x:v>5</x:v></x:c><x:c r="E5" t="e"><x:v>#N/A</x:v></x:c><x:c r="F5"/></x:row>
<x:row r="6"><x:c><x:v>4</x:v></x:c><x:c t="inlineStr"><x:is><x:t><![CDATA[YT04]]></x:t></x:is></x:c><x:c t="s"><x:v>8</x:v></x:c><x:c t="inlineStr"><x:is><x:t xml:space="preserve">  Đang lấy ý kiến  </x:t></x:is></x:c><!-- a comment --><?pi data?></x:row>
<x:row r="8"><x:c r="A8" t="inlineStr"><x:is><x:t>4</x:t></x:is></x:c><x:c r="B8" t="inlineStr"><x:is><x:t>YT05</x:t><x:rPh><x:t>phonetic</x:t></x:rPh></x:is></x:c><x:c r="C8" t="inlineStr"><x:is><x:t>Kế hoạch&#x0A;thứ hai</x:t></x:is></x:c><x:c r="D8" t="inlineStr"><x:is><x:t>Hoàn thành</x:t></x:is></x:c><x:c r="E8" s="1"><x:v>4.4377E4</x:v></x:c></x:row>
<x:row r="9"><x:c r="A9"><x:v>5</x:v></x:c><x:c r="C9" t="inlineStr"><x:is><x:t>Tổ chức &#x1F600; hội nghị</x:t></x:is></x:c><x:c r="D9" t="inlineStr"><x:is><x:t>Hoàn thành</x:t></x:is></x:c><x:c r="E9" s="1"/></x:row>
</x:sheetData>
<x:mergeCells count="1"><x:mergeCell ref="E8:E9"/></x:mergeCells>
</x:worksheet>
`

const sdInlineSheet = `<?xml version="1.0" encoding="utf-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
	`<row r="1"><c r="A1" t="inlineStr"><is><t>Tên nhiệm vụ</t></is></c><c r="B1" t="inlineStr"><is><t>Tiến độ</t></is></c><c r="C1" t="inlineStr"><is><t>Ghi chú</t></is></c></row>` +
	"<row>\r\n<c t=\"inlineStr\"><is><t>Đề án\r\nmột</t></is></c><c t=\"inlineStr\"><is><t>Hoàn thành</t></is></c><c t=\"inlineStr\"><is><t>x_x0009_y_x00zz_</t></is></c></row>" +
	`<row spans="1:3"><c t="inlineStr"><is><t>Kế hoạch</t></is></c><c t="inlineStr"><is><t>hoan thanh</t></is></c><c t="b"><v>false</v></c></row>` +
	`</sheetData></worksheet>`

// sdBook builds a one-sheet workbook from its parts; "-" leaves a part out.
func sdBook(tb testing.TB, sheet, strs, styles string) []byte {
	tb.Helper()
	parts := []string{
		"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Nhiệm vụ" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml", sheet,
	}
	if strs != "-" {
		parts = append(parts, "xl/sharedStrings.xml", strs)
	}
	if styles != "-" {
		parts = append(parts, "xl/styles.xml", styles)
	}
	return rZip(tb, parts...)
}

// sdDump renders everything ReadSubmission and ReadPlan return.
func sdDump(name string, data []byte, disk bool) string {
	var b strings.Builder
	raw := ReadSubmission("inbox/"+name, bytes.NewReader(data))
	if !disk {
		raw.SHA256 = "(generated)"
	}
	fmt.Fprintf(&b, "file %q name %q sha %s date1904 %t\n", raw.File, raw.Name, raw.SHA256, raw.Date1904)
	fmt.Fprintf(&b, "info sheet %q\n", raw.InfoSheet)
	sdInfo(&b, raw.Info)
	fmt.Fprintf(&b, "task sheet %q header row %d columns %q\n", raw.TaskSheet, raw.HeaderRow, raw.Columns)
	sdRows(&b, raw.Rows)
	sdFindings(&b, raw.Findings)
	plan, err := ReadPlan("inbox/"+name, bytes.NewReader(data))
	if err != nil {
		fe, _ := err.(*FileError)
		if fe == nil {
			fmt.Fprintf(&b, "plan error %v\n", err)
		} else {
			fmt.Fprintf(&b, "plan refused %+v\n", fe.Finding)
		}
		return b.String()
	}
	fmt.Fprintf(&b, "plan %q %q date1904 %t task sheet %q\n", plan.File, plan.Name, plan.Date1904, plan.TaskSheet)
	sdInfo(&b, plan.Info)
	for _, s := range plan.Sectors {
		fmt.Fprintf(&b, "sector %d code %s name %s lead %s order %s\n", s.Row, sdCell(s.Code), sdCell(s.Name), sdCell(s.Lead), sdCell(s.Order))
	}
	sdRows(&b, plan.Tasks)
	sdFindings(&b, plan.Findings)
	return b.String()
}

func sdInfo(b *strings.Builder, info []report.RawInfo) {
	for _, in := range info {
		fmt.Fprintf(b, "info %v %q %s\n", in.Key, in.Label, sdCell(in.Value))
	}
}

func sdRows(b *strings.Builder, rows []report.RawRow) {
	for _, r := range rows {
		fmt.Fprintf(b, "row %d hidden %t\n", r.Row, r.Hidden)
		for f, c := range r.Cells {
			if c != (report.Cell{}) {
				fmt.Fprintf(b, "  %s %s\n", templates.Field(f).Header("en"), sdCell(c))
			}
		}
	}
}

func sdFindings(b *strings.Builder, fs []report.Finding) {
	for _, f := range fs {
		fmt.Fprintf(b, "finding %+v\n", f)
	}
}

func sdCell(c report.Cell) string {
	return fmt.Sprintf("%q %q %v num %t date %t pct %t font %q", c.Ref, c.Text, c.Number, c.IsNumber, c.IsDate, c.Percent, c.Font)
}

func sdFileName(name string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return r
		}
		return '_'
	}, name)
}
