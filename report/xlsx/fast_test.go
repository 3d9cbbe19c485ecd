package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
)

func TestCRC32Combine(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		data := make([]byte, rng.IntN(5000))
		for i := range data {
			data[i] = byte(rng.Uint32())
		}
		cut := 0
		if len(data) > 0 {
			cut = rng.IntN(len(data) + 1)
		}
		a, b := data[:cut], data[cut:]
		got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b)))
		if want := crc32.ChecksumIEEE(data); got != want {
			t.Fatalf("crc32Combine at %d of %d = %08x, want %08x", cut, len(data), got, want)
		}
	}
}

// Pieces deflated apart on the pool, written one after the other, make one
// deflate stream of their concatenation, with its CRC-32 and sizes.
func TestWPoolStream(t *testing.T) {
	p := newWPool(3)
	defer p.close()
	var pieces [][]byte
	for i := range 40 {
		pieces = append(pieces, []byte(strings.Repeat(fmt.Sprintf("<row r=\"%d\">Đề án %d</row>", i, i*i), i%7)))
	}
	var out bytes.Buffer
	d := newWDeflated(&out, newWFlater())
	if err := d.text([]byte("<head>"), false); err != nil {
		t.Fatal(err)
	}
	err := p.stream(len(pieces), func(_ *wchunk, i int, _ *wscratch, dst []byte) []byte { return append(dst, pieces[i]...) }, d.chunk)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.text([]byte("</head>"), true); err != nil {
		t.Fatal(err)
	}
	want := "<head>" + string(bytes.Join(pieces, nil)) + "</head>"
	zlen := out.Len()
	got, err := io.ReadAll(flate.NewReader(&out))
	if err != nil {
		t.Fatalf("inflate: %v", err)
	}
	if string(got) != want {
		t.Fatalf("inflated %d bytes, want %d", len(got), len(want))
	}
	if d.crc != crc32.ChecksumIEEE([]byte(want)) || d.n != int64(len(want)) || d.zlen != int64(zlen) {
		t.Errorf("crc %08x n %d zlen %d; want %08x %d %d", d.crc, d.n, d.zlen, crc32.ChecksumIEEE([]byte(want)), len(want), zlen)
	}
}

func TestWSplitSheet(t *testing.T) {
	const merges = `<mergeCell ref="A1:B1"/>`
	tests := []struct {
		name, skel, prefix, suffix, err string
		n                               int
	}{
		{name: "after the filter",
			skel:   `<worksheet><dimension ref="A1"/><sheetData></sheetData><autoFilter ref="A1:Q9"><filterColumn colId="1"></filterColumn></autoFilter><pageMargins left="0.4"/></worksheet>`,
			prefix: `<worksheet><dimension ref="A1"/><sheetData>`,
			suffix: `</sheetData><autoFilter ref="A1:Q9"><filterColumn colId="1"></filterColumn></autoFilter><mergeCells count="1">` + merges + `</mergeCells><pageMargins left="0.4"/></worksheet>`,
			n:      1},
		{name: "self-closed sheetData, nothing after it",
			skel:   `<worksheet><sheetData/></worksheet>`,
			prefix: `<worksheet><sheetData>`,
			suffix: `</sheetData><mergeCells count="1">` + merges + `</mergeCells></worksheet>`,
			n:      1},
		{name: "no merges",
			skel:   `<worksheet><sheetData></sheetData><pageMargins left="0.4"></pageMargins></worksheet>`,
			prefix: `<worksheet><sheetData>`,
			suffix: `</sheetData><pageMargins left="0.4"></pageMargins></worksheet>`},
		{name: "rows already there", skel: `<worksheet><sheetData><row r="1"></row></sheetData></worksheet>`, err: "no empty <sheetData>", n: 1},
		{name: "merges already there", skel: `<worksheet><sheetData/><mergeCells count="1"></mergeCells></worksheet>`, err: "merged cells of its own", n: 1},
		{name: "unclosed filter", skel: `<worksheet><sheetData/><autoFilter ref="A1:B2"><filterColumn>`, err: "cannot find the end", n: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := merges
			if tc.n == 0 {
				m = ""
			}
			prefix, rest, err := wsplitSheet([]byte(tc.skel))
			var suffix []byte
			if err == nil {
				suffix, err = wsheetEnd(rest, []byte(m), tc.n)
			}
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || string(prefix) != tc.prefix || string(suffix) != tc.suffix {
				t.Errorf("got %q\n%q\n%v\nwant %q\n%q", prefix, suffix, err, tc.prefix, tc.suffix)
			}
		})
	}
}

func TestAppendText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Sở Y tế", "Sở Y tế"},
		{"a & b < c > d", "a &amp; b &lt; c &gt; d"},
		{"dòng 1\r\ndòng 2\tcột", "dòng 1&#xD;\ndòng 2\tcột"},
		{"bell\x07 nul\x00 esc\x1b", "bell_x0007_ nul_x0000_ esc_x001B_"},
		{"_x0041_", "_x005F_x0041_"},
		{"_x0041_x0042_", "_x005F_x0041_x005F_x0042_"}, // they share an underscore
		{"_x00_ _xZZZZ_ x_", "_x00_ _xZZZZ_ x_"},
		{"\uFFFE\uFFFF\uFFFD", "_xFFFE__xFFFF_\uFFFD"},
		{"bad \xff\xfe byte", "bad \uFFFD byte"},
	}
	for _, tc := range tests {
		if got := string(appendText(nil, tc.in)); got != tc.want {
			t.Errorf("appendText(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// wTricky are cell texts that the fast writer must escape or cut and that
// must read back as written.
var wTricky = []string{
	"Đề án phát triển du lịch & dịch vụ <giai đoạn 2021 - 2025>",
	"dòng 1\ndòng 2\r\ndòng 3",
	"  leading and trailing spaces  ",
	"\ttab first",
	"controls \x01\x02\x1f here",
	"_x0041_ is not A, nor _x005F_",
	"\uFFFE and \uFFFF",
	"quotes \" and ' and ]]> end",
	strings.Repeat("Nguồn vắc xin chưa đủ. ", 2000), // cut to 32,767 characters
}

// The rows the workbook writes itself read back, through excelize, as what
// was written: texts, numbers, dates with their format, empty styled
// cells, merged ranges, and the height of each row.
func TestWListReadBack(t *testing.T) {
	b := newWBook()
	l := b.list("Danh sách", []wcolumn{{"STT", 5, "center"}, {"Nội dung", 40, ""}, {"Thời hạn", 11, "center"}, {"Số", 8, ""}})
	l.title("DANH SÁCH", &report.Result{Period: report.Period{Year: 2021, Month: 3}}, report.VI)
	l.header()
	day := report.Date(2021, 3, 15)
	for i, s := range wTricky {
		l.add(i+1, s, day.AddDate(0, 0, i), float64(i)+0.25)
	}
	l.add(len(wTricky)+1, wmerged{"gộp ba cột", 3})
	l.add(len(wTricky)+2, "", time.Time{}, 123456789012)
	var buf bytes.Buffer
	if err := b.finish(&buf, "test", day); err != nil {
		t.Fatal(err)
	}
	f := wOpenBytes(t, buf.Bytes())
	const sh = "Danh sách"
	for i, s := range wTricky {
		row := 4 + i
		want := wCellText(s)
		if got := wCellRaw(t, f, sh, wRef(2, row)); got != want {
			t.Errorf("B%d = %q (%d bytes), want %q (%d bytes)", row, wShort(got), len(got), wShort(want), len(want))
		}
		if got, want := wCellRaw(t, f, sh, wRef(3, row)), fmt.Sprint(wSerial(day.AddDate(0, 0, i))); got != want {
			t.Errorf("C%d = %q, want the serial %s", row, got, want)
		}
		if got := wCell(t, f, sh, wRef(3, row)); got != day.AddDate(0, 0, i).Format("02/01/2006") {
			t.Errorf("C%d shows %q", row, got)
		}
		if got, want := wCellRaw(t, f, sh, wRef(4, row)), fmt.Sprint(float64(i)+0.25); got != want {
			t.Errorf("D%d = %q, want %s", row, got, want)
		}
		h, _ := f.GetRowHeight(sh, row)
		if want := wRowHeight(wLines(s, 40), 0); h != want {
			t.Errorf("row %d height %g, want %g", row, h, want)
		}
	}
	last := 4 + len(wTricky)
	merged, err := f.GetMergeCells(sh)
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, m := range merged {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	if got, want := strings.Join(refs, " "), fmt.Sprintf("A1:D1 A2:D2 B%d:D%d", last, last); got != want {
		t.Errorf("merges %s, want %s", got, want)
	}
	if got := wCellRaw(t, f, sh, wRef(4, last+1)); got != "123456789012" {
		t.Errorf("D%d = %q", last+1, got)
	}
	for _, ref := range []string{wRef(2, last+1), wRef(3, last+1)} {
		if got := wCellRaw(t, f, sh, ref); got != "" {
			t.Errorf("%s = %q, want empty", ref, got)
		}
		if id, _ := f.GetCellStyle(sh, ref); id == 0 {
			t.Errorf("%s has no style: the border is lost", ref)
		}
	}
	if d, _ := f.GetSheetDimension(sh); d != fmt.Sprintf("A1:D%d", last+1) {
		t.Errorf("dimension %s", d)
	}
	wCheckParts(t, buf.Bytes())
}

// A row written after a later one, or a value of a type a cell cannot
// hold, fails the workbook instead of writing something else.
func TestWListRefuses(t *testing.T) {
	for name, write := range map[string]func(l *wlist){
		"row order": func(l *wlist) { l.row = 5; l.add(1); l.row = 2; l.add(2) },
		"value":     func(l *wlist) { l.add(struct{}{}) },
	} {
		b := newWBook()
		write(b.list("S", []wcolumn{{"A", 5, ""}}))
		if err := b.finish(io.Discard, "t", time.Time{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func wOpenBytes(tb testing.TB, data []byte) *excelize.File {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

func wShort(s string) string {
	if len(s) > 60 {
		return s[:30] + "…" + s[len(s)-30:]
	}
	return s
}

func wCellRaw(tb testing.TB, f *excelize.File, sheet, ref string) string {
	tb.Helper()
	v, err := f.GetCellValue(sheet, ref, wRawOpt)
	if err != nil {
		tb.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	return v
}

// wCheckParts checks that every XML part of a workbook is well-formed, and
// that each worksheet has its elements in the order of CT_Worksheet, its
// rows ascending and each row's cells ascending and in that row.
func wCheckParts(tb testing.TB, data []byte) {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasSuffix(zf.Name, ".xml") && !strings.HasSuffix(zf.Name, ".rels") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			tb.Fatal(err)
		}
		err = wCheckXML(rc, strings.HasPrefix(zf.Name, "xl/worksheets/sheet"))
		rc.Close()
		if err != nil {
			tb.Errorf("%s: %v", zf.Name, err)
		}
	}
}

var wWorksheetOrder = strings.Fields(`sheetPr dimension sheetViews sheetFormatPr cols sheetData sheetCalcPr
	sheetProtection protectedRanges scenarios autoFilter sortState dataConsolidate customSheetViews mergeCells
	phoneticPr conditionalFormatting dataValidations hyperlinks printOptions pageMargins pageSetup headerFooter
	rowBreaks colBreaks customProperties cellWatches ignoredErrors smartTags drawing legacyDrawing
	legacyDrawingHF drawingHF picture oleObjects controls webPublishItems tableParts extLst`)

func wCheckXML(r io.Reader, sheet bool) error {
	d := xml.NewDecoder(r)
	rank := map[string]int{}
	for i, n := range wWorksheetOrder {
		rank[n] = i
	}
	var path []string
	last, lastRow, lastCol, row := -1, 0, 0, 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch x := tok.(type) {
		case xml.StartElement:
			path = append(path, x.Name.Local)
			if !sheet || len(path) > 2 && path[1] != "sheetData" {
				continue
			}
			switch len(path) {
			case 2:
				k, ok := rank[x.Name.Local]
				if !ok || k <= last {
					return fmt.Errorf("<%s> out of the schema's order", x.Name.Local)
				}
				last = k
			case 3:
				if x.Name.Local != "row" {
					continue
				}
				fmt.Sscan(wAttr(x, "r"), &row)
				if row <= lastRow {
					return fmt.Errorf("row %d after row %d", row, lastRow)
				}
				lastRow, lastCol = row, 0
			case 4:
				col, r, err := excelize.CellNameToCoordinates(wAttr(x, "r"))
				if err != nil || r != row || col <= lastCol {
					return fmt.Errorf("cell %q in row %d after column %d", wAttr(x, "r"), row, lastCol)
				}
				lastCol = col
			}
		case xml.EndElement:
			path = path[:len(path)-1]
		}
	}
}

func wAttr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// The checker itself finds what it looks for.
func TestWCheckXML(t *testing.T) {
	tests := map[string]string{
		"":                   `<worksheet><sheetData><row r="1"><c r="A1"/><c r="C1"/></row><row r="3"><c r="B3"/></row></sheetData><mergeCells/><pageMargins/></worksheet>`,
		"out of the schema":  `<worksheet><sheetData></sheetData><pageMargins/><mergeCells/></worksheet>`,
		"row 2 after row 2":  `<worksheet><sheetData><row r="2"></row><row r="2"></row></sheetData></worksheet>`,
		"after column 2":     `<worksheet><sheetData><row r="1"><c r="B1"/><c r="A1"/></row></sheetData></worksheet>`,
		`cell "A2" in row 1`: `<worksheet><sheetData><row r="1"><c r="A2"/></row></sheetData></worksheet>`,
		"syntax error":       `<worksheet><sheetData></worksheet>`,
	}
	for want, doc := range tests {
		err := wCheckXML(strings.NewReader(doc), true)
		if want == "" && err != nil || want != "" && (err == nil || !strings.Contains(err.Error(), want)) {
			t.Errorf("%s: err = %v, want %q", doc, err, want)
		}
	}
}

// The workbook declares the shared-string table it carries, once, and the
// table holds the repeating texts, escaped.
func TestWriteConsolidatedSharedStrings(t *testing.T) {
	r := testResult()
	r.Entries[0].Officer = " Phạm Thị Lan & <Ban> \x01"
	_, data := wSave(t, "sst.xlsx", func(b *bytes.Buffer) error { return WriteConsolidated(b, r, report.VI) })
	parts, twice := wZipParts(t, data)
	for _, name := range twice {
		t.Errorf("%s twice", name)
	}
	for name, want := range map[string]string{wTypesPart: `PartName="/xl/sharedStrings.xml"`, wRelsPart: `Target="sharedStrings.xml"`} {
		if n := strings.Count(parts[name], want); n != 1 {
			t.Errorf("%s declares the shared strings %d times", name, n)
		}
	}
	sst := parts[wSSTPart]
	for _, want := range []string{`<si><t>Sở Y tế</t></si>`, `<si><t xml:space="preserve"> Phạm Thị Lan &amp; &lt;Ban&gt; _x0001_</t></si>`,
		`<si><t>task</t></si>`, `<si><t>done_on_time</t></si>`} {
		if !strings.Contains(sst, want) {
			t.Errorf("shared strings lack %s", want)
		}
	}
	if strings.Contains(sst, "Xây dựng Đề án") {
		t.Error("a task title went to the shared strings")
	}
	f := wOpenBytes(t, data)
	row := wFindRow(t, f, "Nhiệm vụ", "C", "YT-01")
	if got := wCellRaw(t, f, "Nhiệm vụ", "M"+row); got != r.Entries[0].Officer {
		t.Errorf("officer reads back as %q", got)
	}
}

// A table's row that needs a style no one made beforehand (here a fill
// no list uses) fails the workbook: the workers cannot add styles once
// excelize has written them.
func TestWTableLateStyle(t *testing.T) {
	b := newWBook()
	l := b.list("S", []wcolumn{{"A", 5, ""}})
	l.header()
	l.table(1, func(l *wlist, i int) { l.add(wfilled{"x", "123456"}) })
	if err := b.finish(io.Discard, "t", time.Time{}); err == nil || !strings.Contains(err.Error(), "after the styles were written") {
		t.Errorf("err = %v", err)
	}
}
