package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tonghop/tonghop/report"
)

// snapWant is the snapshot a consolidated workbook of r must give back.
func snapWant(r *report.Result) *report.Snapshot {
	want := &report.Snapshot{Period: r.Period, Totals: r.Totals, Sectors: map[string]report.Counts{}, Status: map[string]report.Status{}}
	for _, s := range r.Sectors {
		want.Sectors[s.Code] = s.Counts
	}
	for _, e := range r.Entries {
		want.Status[e.ID] = e.Status
	}
	return want
}

func snapRead(data []byte) (*report.Snapshot, error) {
	return ReadSnapshot("tong-hop-2021-03.xlsx", bytes.NewReader(data), int64(len(data)))
}

// snapBook is the consolidated workbook of testResult and the name of its
// hidden sheet's part.
func snapBook(tb testing.TB) ([]byte, string) {
	tb.Helper()
	var b bytes.Buffer
	if err := WriteConsolidated(&b, testResult(), report.VI); err != nil {
		tb.Fatal(err)
	}
	var parts []string
	rZipEdit(tb, b.Bytes(), func(name string, data []byte) []byte {
		if bytes.Contains(data, []byte("<t>"+wSnapMagic+"</t>")) {
			parts = append(parts, name)
		}
		return data
	})
	if len(parts) != 1 {
		tb.Fatalf("parts with the magic: %q", parts)
	}
	return b.Bytes(), parts[0]
}

// snapRow is a row of the hidden sheet as inline strings, appended after
// the last (row 999).
func snapRow(cells ...string) func(string) string {
	var b strings.Builder
	b.WriteString(`<row r="999">`)
	for i, c := range cells {
		if c != "" {
			fmt.Fprintf(&b, `<c r="%s999" t="inlineStr"><is><t>%s</t></is></c>`, colName(i+1), c)
		}
	}
	b.WriteString(`</row></sheetData>`)
	return func(s string) string { return strings.Replace(s, "</sheetData>", b.String(), 1) }
}

func TestReadSnapshot(t *testing.T) {
	r := testResult()
	for _, lang := range []report.Lang{report.VI, report.EN} {
		_, data := wSave(t, "tong-hop-"+string(lang)+".xlsx", func(b *bytes.Buffer) error { return WriteConsolidated(b, r, lang) })
		snap, err := snapRead(data)
		if err != nil {
			t.Fatalf("%s: ReadSnapshot: %v", lang, err)
		}
		if want := snapWant(r); !reflect.DeepEqual(snap, want) {
			t.Errorf("%s: snapshot\n got %+v\nwant %+v", lang, snap, want)
		}
	}
}

// Edits that leave the figures readable.
func TestReadSnapshotEdited(t *testing.T) {
	data, part := snapBook(t)
	r := testResult()
	noStopped := snapWant(r)
	noStopped.Totals.Stopped = 0
	for code, c := range noStopped.Sectors {
		c.Stopped = 0
		noStopped.Sectors[code] = c
	}
	notTable := func(name string, b []byte) []byte {
		if strings.HasPrefix(name, "xl/worksheets/sheet") && name != part {
			return []byte("<worksheet><sheetData><row>")
		}
		return b
	}
	tests := []struct {
		name string
		data []byte
		want *report.Snapshot
	}{
		// Only the hidden sheet is read: the other sheets, the task table
		// among them, are neither inflated nor parsed.
		{"other sheets damaged", rZipEdit(t, data, notTable), snapWant(r)},
		// Excel compares sheet names without case.
		{"sheet name in other case", rPartEdit(t, data, "xl/workbook.xml", func(s string) string {
			return strings.Replace(s, `name="tonghop"`, `name="TongHop"`, 1)
		}), snapWant(r)},
		// A workbook written before a field existed has no column for it.
		{"field missing", rPartEdit(t, data, part, func(s string) string {
			return strings.Replace(s, "<t>stopped</t>", "<t>stopped-later</t>", 1)
		}), noStopped},
		// Rows without a kind are left out, as are spaces around values.
		{"blank row and spaces", rPartEdit(t, data, part, snapRow("", "note")), snapWant(r)},
		{"padded values", rPartEdit(t, data, part, func(s string) string {
			return strings.Replace(s, "<t>totals</t>", `<t xml:space="preserve"> totals </t>`, 1)
		}), snapWant(r)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			snap, err := snapRead(tc.data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(snap, tc.want) {
				t.Errorf("snapshot\n got %+v\nwant %+v", snap, tc.want)
			}
		})
	}
}

const snapLibreOfficeFixture = "testdata/snapshot/libreoffice.xlsx"

// The consolidated workbook of testResult saved again by LibreOffice
// (every text a shared string, its own XML layout) gives the same figures.
// The fixture is committed; regenerate it with -update when soffice is
// installed (and whenever testResult changes).
func TestReadSnapshotLibreOffice(t *testing.T) {
	if rUpdate() {
		data, _ := snapBook(t)
		if err := os.WriteFile(snapLibreOfficeFixture, rResave(t, data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(snapLibreOfficeFixture)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("xl/sharedStrings.xml")) {
		t.Fatal("the fixture has no shared strings")
	}
	snap, err := snapRead(data)
	if err != nil {
		t.Fatal(err)
	}
	if want := snapWant(testResult()); !reflect.DeepEqual(snap, want) {
		t.Errorf("snapshot (regenerate the fixture with -update if testResult changed)\n got %+v\nwant %+v", snap, want)
	}
}

func TestReadSnapshotRefuses(t *testing.T) {
	var plan bytes.Buffer
	if err := WritePlan(&plan, testPlan(), report.VI); err != nil {
		t.Fatal(err)
	}
	data, part := snapBook(t)
	edit := func(f func(string) string) []byte { return rPartEdit(t, data, part, f) }
	flipped := bytes.Clone(data)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == part {
			off, _ := f.DataOffset()
			flipped[off+int64(f.CompressedSize64)/2] ^= 0x55
		}
	}
	const (
		notXLSX    = "tệp không phải bảng tính Excel (.xlsx)|the file is not an Excel workbook (.xlsx)"
		damaged    = "tệp bị hỏng|the file is damaged"
		sheetBad   = "trang \"tonghop\" bị hỏng|the sheet \"tonghop\" is damaged"
		noSheet    = "tệp không phải bảng tổng hợp do tonghop tạo (thiếu trang ẩn \"tonghop\")|it is not a consolidated workbook written by tonghop (the hidden sheet \"tonghop\" is missing)"
		tooLarge   = "tệp quá lớn|the file is too large"
		editedCell = "trang \"tonghop\" bị sửa hoặc hỏng (%[1]s)|the sheet \"tonghop\" was edited or is damaged (%[1]s)"
	)
	edited := func(cell string) string { return fmt.Sprintf(editedCell, cell) }
	tests := []struct {
		name   string
		data   []byte
		reason string // Vietnamese|English
	}{
		{"not a workbook", []byte("%PDF-1.7 hello"), notXLSX},
		{"empty", nil, notXLSX},
		{"legacy .xls", rOLE("Workbook"), notXLSX},
		{"password-protected", rOLE("EncryptionInfo", "EncryptedPackage"), notXLSX},
		{"OpenDocument", rZip(t, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>"), notXLSX},
		{"Word", rZip(t, "[Content_Types].xml", "<Types/>", "word/document.xml", "<document/>"), notXLSX},
		{"truncated plan", plan.Bytes()[:plan.Len()/2], damaged},
		{"truncated", data[:len(data)-100], damaged},
		{"another workbook", plan.Bytes(), noSheet},
		{"sheet renamed", rPartEdit(t, data, "xl/workbook.xml", func(s string) string {
			return strings.Replace(s, `name="tonghop"`, `name="tonghop2"`, 1)
		}), noSheet},
		{"sheet part missing", rPartEdit(t, data, "xl/_rels/workbook.xml.rels", func(s string) string {
			return strings.Replace(s, `Target="`+strings.TrimPrefix(part, "xl/")+`"`, `Target="worksheets/gone.xml"`, 1)
		}), damaged},
		{"no workbook part", rPartEdit(t, data, "_rels/.rels", func(s string) string {
			return strings.Replace(s, `Target="xl/workbook.xml"`, `Target="xl/gone.xml"`, 1)
		}), damaged},
		{"DOCTYPE in the sheet", edit(func(s string) string {
			return strings.Replace(s, "<worksheet", `<!DOCTYPE worksheet [<!ENTITY x "xxxxxxxx">]><worksheet`, 1)
		}), sheetBad},
		{"sheet cut short", edit(func(s string) string { return s[:strings.Index(s, "</sheetData>")] }), sheetBad},
		{"shared string out of range", edit(func(s string) string {
			return regexp.MustCompile(`t="s"><v>\d+</v>`).ReplaceAllString(s, `t="s"><v>99999</v>`)
		}), sheetBad},
		{"rows out of order", edit(func(s string) string {
			return strings.Replace(s, "</sheetData>", `<row r="2"><c r="A2"><v>1</v></c></row></sheetData>`, 1)
		}), sheetBad},
		{"part damaged", flipped, sheetBad},
		{"magic", edit(func(s string) string { return strings.Replace(s, wSnapMagic, "tonghop-snapshop", 1) }), edited("A1")},
		{"newer version", edit(func(s string) string {
			return regexp.MustCompile(`(<c r="B1"[^>]*>)<v>1</v>`).ReplaceAllString(s, `$1<v>2</v>`)
		}), edited("B1")},
		{"period", edit(func(s string) string { return strings.Replace(s, "<t>2021-03</t>", "<t>2021-13</t>", 1) }), edited("B2")},
		{"figure not a number", edit(func(s string) string {
			return regexp.MustCompile(`<c r="C5"([^>]*)><v>\d+</v></c>`).ReplaceAllString(s, `<c r="C5"$1 t="inlineStr"><is><t>tám</t></is></c>`)
		}), edited("C5")},
		{"unknown kind", edit(snapRow("tasks", "YT-99", "done_on_time")), edited("A999")},
		{"unknown status", edit(snapRow("task", "YT-99", "finished")), edited("C999")},
		{"task without id", edit(snapRow("task", "", "done_on_time")), edited("C999")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			snapRefused(t, tc.data, tc.reason)
		})
	}
}

// snapRefused checks that ReadSnapshot refuses data for reason
// (Vietnamese|English), in both languages' sentences.
func snapRefused(tb testing.TB, data []byte, reason string) {
	tb.Helper()
	_, err := ReadSnapshot("in/bao-cao.xlsx", bytes.NewReader(data), int64(len(data)))
	se, ok := err.(*SnapshotError)
	if !ok {
		tb.Fatalf("err = %v, want a *SnapshotError", err)
	}
	vi, en, _ := strings.Cut(reason, "|")
	if got, want := se.Message(report.VI), "bao-cao.xlsx: không dùng được làm số liệu kỳ trước (--previous): "+vi+"; hãy chỉ định tệp tong-hop-YYYY-MM.xlsx do tonghop tạo ở kỳ trước."; got != want {
		tb.Errorf("message:\n got %s\nwant %s", got, want)
	}
	if got, want := se.Message(report.EN), "bao-cao.xlsx: cannot be used as last period's figures (--previous): "+en+"; give the tong-hop-YYYY-MM.xlsx file tonghop wrote last period."; got != want {
		tb.Errorf("message:\n got %s\nwant %s", got, want)
	}
}

// Each limit refuses what is over it, before inflating it where the zip's
// directory tells; the limits are lowered to the test workbook's size.
func TestReadSnapshotLimits(t *testing.T) {
	data, part := snapBook(t)
	const tooLarge = "tệp quá lớn|the file is too large"
	tests := []struct {
		name  string
		limit *int64
		to    int64
	}{
		{"file", &maxSnapshotFileBytes, int64(len(data) - 1)},
		{"hidden sheet", &maxSnapshotSheetBytes, 4 << 10},
		{"shared strings", &maxSnapshotStrsBytes, 1 << 10},
		{"workbook part", &maxSnapshotMetaBytes, 1 << 10},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := snapRead(data); err != nil {
				t.Fatalf("before lowering the limit: %v", err)
			}
			old := *tc.limit
			*tc.limit = tc.to
			defer func() { *tc.limit = old }()
			snapRefused(t, data, tooLarge)
		})
	}
	// A part said to inflate to over 1 MiB at more than a thousand to one
	// is refused before it is inflated, whatever the limit.
	t.Run("zip bomb", func(t *testing.T) {
		snapRefused(t, snapDirSize(t, data, part, 64<<20), tooLarge)
	})
}

// snapDirSize sets the inflated size the zip's central directory gives a
// part (a zip written by archive/zip, sizes in the directory only).
func snapDirSize(tb testing.TB, data []byte, part string, size uint32) []byte {
	tb.Helper()
	out := bytes.Clone(data)
	for i := 0; ; i++ {
		at := bytes.Index(out[i:], []byte("PK\x01\x02"))
		if at < 0 {
			tb.Fatalf("no directory entry for %s", part)
		}
		i += at
		n := int(binary.LittleEndian.Uint16(out[i+28:]))
		if string(out[i+46:i+46+n]) == part {
			binary.LittleEndian.PutUint32(out[i+24:], size)
			return out
		}
	}
}

// FuzzReadSnapshot feeds ReadSnapshot damaged hidden sheets, in a workbook
// otherwise as written: it must never panic, must refuse with a
// *SnapshotError or give a complete snapshot, and must finish quickly.
func FuzzReadSnapshot(f *testing.F) {
	data, part := snapBook(f)
	var parts []string // the workbook's other parts, and the sheet's place
	at := 0
	rZipEdit(f, data, func(name string, b []byte) []byte {
		if name == part {
			at = len(parts)
			f.Add(bytes.Clone(b))
		}
		parts = append(parts, name, string(b))
		return b
	})
	f.Add([]byte(`<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`))
	f.Fuzz(func(t *testing.T, sheet []byte) {
		book := slices.Clone(parts)
		book[at+1] = string(sheet)
		start := time.Now()
		snap, err := snapRead(rZip(t, book...))
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("read took %v", d)
		}
		if err != nil {
			if _, ok := err.(*SnapshotError); !ok || snap != nil {
				t.Errorf("snapshot %v, error %T %v", snap, err, err)
			}
			return
		}
		if snap.Sectors == nil || snap.Status == nil || snap.Period.Year == 0 {
			t.Errorf("snapshot %+v", snap)
		}
	})
}
