package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// The byte scanner against the encoding/xml reader it replaced
// (read_scan_old_test.go), part by part: for every worksheet or shared
// strings part, both give the same rows, cells, merges and strings, or
// both refuse it with the same finding. The scanner may refuse more, for
// the reasons it documents (errNonASCIIName and the others); it may never
// accept what the old reader refused.

// sdPartPkg opens a one-part package: part holds data.
func sdPartPkg(tb testing.TB, part string, data []byte) *pkg {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: part, Method: zip.Store}) // fast: fuzzing runs this a lot
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		tb.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		tb.Fatal(err)
	}
	return &pkg{
		files:  map[string]*zip.File{strings.ToLower(part): zr.File[0]},
		strs:   newSharedStrings([]string{"STT", "Tên nhiệm vụ", "Giai đoạn", "  ", "Hoàn thành"}),
		styles: []xfStyle{{}, {date: true}, {percent: true}, {font: ".VnTime"}},
	}
}

// newSharedStrings makes a shared-string table of list, as
// readSharedStrings would.
func newSharedStrings(list []string) sharedStrings {
	var b strings.Builder
	t := sharedStrings{ends: make([]uint32, len(list))}
	for i, s := range list {
		b.WriteString(s)
		t.ends[i] = uint32(b.Len())
	}
	t.text = b.String()
	return t
}

// list is every string of the table, in order.
func (t *sharedStrings) list() []string {
	out := make([]string, t.len())
	for i := range out {
		out[i] = t.at(i)
	}
	return out
}

const sdSheetPart = "xl/worksheets/sheet1.xml"

// sdScanNew and sdScanOld read a worksheet part and render what they got.
func sdScanNew(tb testing.TB, data []byte) (string, string) {
	p := sdPartPkg(tb, sdSheetPart, data)
	var b strings.Builder
	merges, perr := p.scanSheet(sheetRef{name: "S", part: sdSheetPart}, func(r *srow) bool {
		sdRow(&b, r)
		return true
	})
	if perr != nil {
		return "", sdRefusal(perr)
	}
	fmt.Fprintf(&b, "merges %v\n", merges)
	return b.String(), ""
}

func sdScanOld(tb testing.TB, data []byte) (string, string) {
	p := sdPartPkg(tb, sdSheetPart, data)
	var b strings.Builder
	rc, perr := p.open(sdSheetPart)
	if perr != nil {
		return "", sdRefusal(perr)
	}
	defer rc.Close()
	s := oldSheetScanner{p: p, d: oldRawTokens{d: oldXMLDecoder(rc)}, fn: func(r *srow) bool {
		sdRow(&b, r)
		return true
	}}
	if err := s.run(); err != nil {
		var tm errTooManyRows
		var se *xml.SyntaxError
		switch {
		case errors.As(err, &tm):
			return "", fmt.Sprintf("sheet.too_many_rows %d", tm.row)
		case errors.Is(err, errDoctype):
			return "", "file.corrupt DOCTYPE"
		case errors.Is(err, errInflateLimit):
			return "", "file.too_large"
		case errors.As(err, &se), errors.Is(err, errBadCell):
			return "", "file.corrupt XML S"
		}
		return "", "file.corrupt ZIP " + err.Error()
	}
	fmt.Fprintf(&b, "merges %v\n", s.merges)
	return b.String(), ""
}

func sdRefusal(perr *pkgError) string {
	f := perr.finding
	switch f.Code {
	case "sheet.too_many_rows":
		return "sheet.too_many_rows " + f.Value
	case "file.too_large":
		return "file.too_large"
	}
	if strings.HasPrefix(f.Value, "ZIP") {
		return string(f.Code) + " " + f.Value + " " + perr.err.Error()
	}
	return string(f.Code) + " " + f.Value
}

func sdRow(b *strings.Builder, r *srow) {
	fmt.Fprintf(b, "row %d hidden %t\n", r.num, r.hidden)
	for _, c := range r.cells {
		fmt.Fprintf(b, "  %d %s\n", c.col, sdCell(c.Cell))
	}
}

// sdStricter reports whether perr is one of the refusals where the
// scanner is deliberately stricter than encoding/xml.
func sdStricter(perr error) bool {
	if errors.Is(perr, errDoctype) {
		return true // any <!...> declaration, not only DOCTYPE
	}
	var se *xmlSyntaxError
	if !errors.As(perr, &se) {
		return false
	}
	switch se.msg {
	case errNonASCIIName, errOutsideRoot, errSecondRoot, errCDATAOutside:
		return true
	}
	return strings.HasPrefix(se.msg, "encoding ")
}

// sdCompareSheet checks the scanner against the old reader on one part.
func sdCompareSheet(t *testing.T, data []byte) {
	t.Helper()
	got, gotErr := sdScanNew(t, data)
	want, wantErr := sdScanOld(t, data)
	switch {
	case wantErr == "" && gotErr == "":
		if got != want {
			t.Errorf("rows differ:\n%s", firstDiff(want, got))
		}
	case wantErr != "" && gotErr == "":
		t.Errorf("old reader refused (%s), scanner accepted:\n%s", wantErr, got)
	case wantErr == "" && gotErr != "":
		if _, err := sdScanErr(t, data); !sdStricter(err) {
			t.Errorf("scanner refused (%s: %v), old reader accepted", gotErr, err)
		}
	case gotErr != wantErr && !strings.HasPrefix(wantErr, "file.corrupt ZIP") &&
		!(gotErr == "file.corrupt DOCTYPE" && wantErr == "file.corrupt XML S"):
		// A reader error met inside a token the old reader had partly
		// checked may come out as a syntax error first, and the scanner
		// refuses any <!...> declaration as soon as it starts, where the
		// old reader found a damaged one malformed: both refuse.
		t.Errorf("refusals differ: scanner %q, old reader %q", gotErr, wantErr)
	}
}

// sdScanErr returns the scanner's underlying error for a part.
func sdScanErr(tb testing.TB, data []byte) (string, error) {
	p := sdPartPkg(tb, sdSheetPart, data)
	_, perr := p.scanSheet(sheetRef{name: "S", part: sdSheetPart}, func(*srow) bool { return true })
	if perr == nil {
		return "", nil
	}
	return perr.finding.Value, perr.err
}

// sdSheetSeeds are worksheet parts in the ways writers write them.
func sdSheetSeeds(tb testing.TB) [][]byte {
	seeds := [][]byte{
		[]byte(sdPrefixedSheet),
		[]byte(strings.NewReplacer("x:", "", ":x", "").Replace(sdPrefixedSheet)),
		[]byte(sdInlineSheet),
		[]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>3</v></c></row><row r="3" hidden="true"><c r="C3" s="2"><v>0.5</v></c><c r="D3" t="b"><v> true </v></c><c r="E3" t="d"><v>2021-03-04T00:00:00</v></c></row></sheetData></worksheet>`),
		[]byte(`<worksheet><sheetData><row><c><v>1</v></c><c t="inlineStr"><is><r><t>a</t></r><r><t xml:space="preserve"> b</t></r></is></c></row></sheetData><mergeCells><mergeCell ref="$A$1:B2"/><mergeCell ref="c3"/></mergeCells></worksheet>`),
		// The forms simpleCell reads whole, and near misses it leaves to
		// the tokens: attributes repeated, in other cases, unspaced or
		// prefixed, values with entities, values with spaces, other
		// elements in the cell, cells nested in cells.
		[]byte(`<worksheet><sheetData><row r="2"><c r="A2" s="1" t="s"><v>1</v></c><c r='B2' s='2'><v>-1.5E+2</v></c>` +
			`<c r="C2" s="3"></c><c r="D2" t="s"/><c r="E2" r="Z9" s="2" s="9" t="s" t="b"><v>4</v></c><c  R="F2"  T="s" ><v>2</v></c>` +
			`<c r="G2"s="1"><v>3</v></c><c x:r="H2" xmlns:x="y"><v>5</v></c><c r="I2" t="s"><v> 3</v></c><c r="J2" t="s"><v>3 </v></c>` +
			`<c r="K2" t="&#115;"><v>0</v></c><c r="L2"><v>1</v><f>A1</f></c><c r="M2"><f>A1</f><v>7</v></c><c r="N2"><v></v></c>` +
			`<c r="O2" t="s"><v>0</v></c ><c r="P2"><c r="Q2"><v>8</v></c></c><c r="R2" t="s"><v>02</v></c><c r="AB2" t=""><v>1e30</v></c>` +
			`<cc r="AC2"/><c r="AD2" t="n"><v>0012345678901234567</v></c><c r="AE2" s="4294967296"><v>1</v></c></row>` +
			`<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="inlineStr"><is><t>Tên nhiệm vụ</t></is></c>` +
			`<c r="C3" t="inlineStr"><is><t>a&amp;b</t></is></c><c r="D3" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c>` +
			`<c r="E3" t="inlineStr"><is><r><t>r</t></r></is></c><c r="F3" t="inlineStr"><is><t>_x0041_</t></is></c>` +
			`<c r="G3" t="inlineStr"><is><t></t></is></c><c r="H3" t="s"><is><t>1</t></is></c>` +
			`<c r="I3" t="inlineStr"><is><t>y</t><rPh><t>z</t></rPh></is></c></row>` +
			// The usual layout (r, s, t in this order, read on the way) and
			// its near misses.
			`<row r="4"><c r="A4" s="1" t="s"><v>1</v></c><c r="B4" s="002"/><c s="1" r="C4"><v>2</v></c><c r="D4" t="s" s="1"><v>0</v></c>` +
			`<c r="E04" s="0" t="n"><v>5</v></c><c r="F4"  s="1"><v>6</v></c><c r="G4" s="1"  t="s"><v>1</v></c><c r="H4" t="b"><v>1</v></c>` +
			`<c r="AA4" s="999999999" t="inlineStr"><is><t>x</t></is></c><c r="AB4" s="2" t="s" cm="1"><v>2</v></c><c r="AC4" s="-1"><v>7</v></c>` +
			`<c r="AD4" s="1" t="str"><v>8</v></c><c r="AE4" t="s" ><v>3</v></c><c r="AG4" s="1"></c></row></sheetData></worksheet>`),
		[]byte(`<worksheet><sheetData><row r="5"><c r="A0"><v>1</v></c></row></sheetData></worksheet>`),
		[]byte(`<worksheet><sheetData><row r="5"><c r="A5" s="1"><v>1</v></c><c r="B6" s="1"><v>1</v></c></row></sheetData></worksheet>`),
		[]byte(`<worksheet><sheetData><row r="5"><c r="B5" s="1"><v>1</v></c><c r="A5" s="1"><v>1</v></c></row></sheetData></worksheet>`),
		[]byte(`<worksheet><sheetData><row r="5"><c r="XFE5"><v>1</v></c></row></sheetData></worksheet>`),
		[]byte("\ufeff<?xml version='1.0' encoding='utf-8'?>\r\n<!-- made by hand -->\r\n<worksheet>\r\n<sheetData>\r\n<row r='1'>\r\n<c r='A1' t='str'><f>A2&amp;\"x\"</f><v>a\r\nb&#13;c&#x1F600;</v></c>\r\n</row>\r\n</sheetData>\r\n</worksheet>\r\n"),
	}
	for _, data := range [][]byte{rTemplateSubmission(tb), rMessySubmission(tb)} {
		rZipEdit(tb, data, func(name string, b []byte) []byte {
			if strings.HasPrefix(name, "xl/worksheets/sheet") {
				seeds = append(seeds, b)
			}
			return b
		})
	}
	return seeds
}

func TestScanSheetMatchesOldReader(t *testing.T) {
	for i, seed := range sdSheetSeeds(t) {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			sdCompareSheet(t, seed)
			// Every cut of the part: a truncated part is refused by both.
			step := max(1, len(seed)/300)
			for n := 0; n < len(seed); n += step {
				sdCompareSheet(t, seed[:n])
			}
		})
	}
}

// FuzzScanSheetDiff mutates worksheet parts and compares the scanner with
// the old reader.
func FuzzScanSheetDiff(f *testing.F) {
	for _, s := range sdSheetSeeds(f) {
		f.Add(s)
	}
	for _, s := range []string{
		`<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;</t></is></c></row></sheetData></worksheet>`,
		`<worksheet><sheetData><row r="1"><c><v><![CDATA[12]]></v></c><c t="inlineStr"><is><t><![CDATA[a]]]]><![CDATA[>b]]></t></is></c></row></sheetData></worksheet>`,
		`<a:worksheet xmlns:a="x"><a:sheetData><a:row a:r="2"><a:c a:r="B2" a:t="s"><a:v>4</a:v></a:c></a:row></a:sheetData></a:worksheet>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sdCompareSheet(t, data)
	})
}

// sdStringsNew and sdStringsOld read a shared strings part.
func sdStringsNew(tb testing.TB, data []byte) (string, string) {
	p := sdPartPkg(tb, "xl/sharedStrings.xml", data)
	p.strs = sharedStrings{}
	if perr := p.readSharedStrings("xl/sharedStrings.xml"); perr != nil {
		return "", sdRefusal(perr)
	}
	return fmt.Sprintf("%q", p.strs.list()), ""
}

func sdStringsOld(tb testing.TB, data []byte) (string, string) {
	p := sdPartPkg(tb, "xl/sharedStrings.xml", data)
	p.strs = sharedStrings{}
	if perr := oldReadSharedStrings(p, "xl/sharedStrings.xml"); perr != nil {
		return "", sdRefusal(perr)
	}
	return fmt.Sprintf("%q", p.strs.list()), ""
}

func sdCompareStrings(t *testing.T, data []byte) {
	t.Helper()
	got, gotErr := sdStringsNew(t, data)
	want, wantErr := sdStringsOld(t, data)
	switch {
	case wantErr == "" && gotErr == "":
		if got != want {
			t.Errorf("strings differ:\ngot  %s\nwant %s", got, want)
		}
	case wantErr != "" && gotErr == "":
		t.Errorf("old reader refused (%s), scanner accepted: %s", wantErr, got)
	case wantErr == "" && gotErr != "":
		p := sdPartPkg(t, "xl/sharedStrings.xml", data)
		if perr := p.readSharedStrings("xl/sharedStrings.xml"); !sdStricter(perr.err) {
			t.Errorf("scanner refused (%s), old reader accepted", gotErr)
		}
	}
}

var sdStringSeeds = []string{
	sdRichStrings,
	`<sst><si><t>a</t></si><si><r><t>b</t><t>c</t></r><rPh><t>d</t></rPh><t>e</t></si><si/><si><t>_x0041__x00zz_</t></si></sst>`,
	"<sst>\r\n<si><t>l1\r\nl2\rl3</t></si><si><t><x>nested</x>!</t></si></sst>",
	// The form simpleString reads whole, and near misses it leaves to the
	// tokens.
	"<sst count=\"9\"><si><t>Tên nhiệm vụ</t></si><si><t>b&amp;c</t></si><si><t>x]]y</t></si>\n<si><t xml:space=\"preserve\"> p </t></si>" +
		"<si><t>_x0041_B</t></si><si><t></t></si><si><t>ơ\r\nư</t></si><si ><t>s</t></si><si><t>e</t ></si><x:si><x:t>p</x:t></x:si>" +
		"<w><si><t>deep</t></si></w></sst>",
	"<sst><si><t>a</t></si><si><t>\xff</t></si></sst>",
	"<sst><si><t>a</t></si><si><t>\xef\xbf\xbe</t></si></sst>",
	"<sst><si><t>a</t></si><si><t>b</t><rPh><t>c</t></rPh></si><rPh><si><t>d</t></si></rPh><si><t>e</t></si></sst>",
}

func TestSharedStringsMatchOldReader(t *testing.T) {
	for i, seed := range sdStringSeeds {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			sdCompareStrings(t, []byte(seed))
			for n := 0; n < len(seed); n++ {
				sdCompareStrings(t, []byte(seed[:n]))
			}
		})
	}
}

func FuzzSharedStringsDiff(f *testing.F) {
	for _, s := range sdStringSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sdCompareStrings(t, data)
	})
}

// TestScanSmallReads feeds the scanner one byte at a time: tokens cut
// across reads must come out whole.
func TestScanSmallReads(t *testing.T) {
	for i, seed := range sdSheetSeeds(t) {
		want, wantErr := sdScanNew(t, seed)
		x := newXMLScanner(iotest.OneByteReader(bytes.NewReader(seed)))
		var b strings.Builder
		s := sheetScanner{p: sdPartPkg(t, sdSheetPart, nil), x: x, fn: func(r *srow) bool { sdRow(&b, r); return true }}
		err := s.run()
		x.release()
		if (err != nil) != (wantErr != "") {
			t.Errorf("seed %d: error %v, want %q", i, err, wantErr)
			continue
		}
		if err == nil {
			fmt.Fprintf(&b, "merges %v\n", s.merges)
			if b.String() != want {
				t.Errorf("seed %d: differs:\n%s", i, firstDiff(want, b.String()))
			}
		}
	}
}

// plainTextRef is what plainText must answer: valid UTF-8, no byte decode
// looks at, no U+FFFE or U+FFFF.
func plainTextRef(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for _, r := range string(b) {
		if r < utf8.RuneSelf && textClass[r] != 0 || r == 0xFFFE || r == 0xFFFF {
			return false
		}
	}
	return true
}

func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"", "Tên nhiệm vụ", "a&b", "a]b", "a\rb", "a\tb\n", "\x00", "\xef\xbf\xbe", "\xef\xbf\xbd",
		"\xed\xa0\x80", "\xed\x9f\xbf", "\xe0\x80\x80", "\xe0\xa0\x80", "\xf0\x8f\xbf\xbf", "\xf0\x90\x80\x80",
		"\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xc1\xbf", "\xc2\x80", "\xe1\xbb", "😀", "\x7f", "\xc3"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := plainText(b), plainTextRef(b); got != want {
			t.Errorf("plainText(%q) = %t; want %t", b, got, want)
		}
	})
}
