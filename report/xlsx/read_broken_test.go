package xlsx

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/templates"
)

// rZip builds a zip from name/content pairs, in order.
func rZip(tb testing.TB, parts ...string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[i+1])); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// rZipEdit rewrites the zip data, passing every entry through edit.
func rZipEdit(tb testing.TB, data []byte, edit func(name string, b []byte) []byte) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var parts []string
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := b.ReadFrom(rc); err != nil {
			tb.Fatal(err)
		}
		rc.Close()
		parts = append(parts, f.Name, string(edit(f.Name, b.Bytes())))
	}
	return rZip(tb, parts...)
}

// rSheetEdit edits the task sheet's XML (sheet2.xml of rTemplateSubmission).
func rSheetEdit(tb testing.TB, edit func(s string) string) []byte {
	tb.Helper()
	return rPartEdit(tb, rTemplateSubmission(tb), "xl/worksheets/sheet2.xml", edit)
}

// rPartEdit edits one part of a workbook as text; the edit must change it.
func rPartEdit(tb testing.TB, data []byte, part string, edit func(string) string) []byte {
	tb.Helper()
	return rZipEdit(tb, data, func(name string, b []byte) []byte {
		if name != part {
			return b
		}
		out := edit(string(b))
		if out == string(b) {
			tb.Fatalf("edit changed nothing in %s", name)
		}
		return []byte(out)
	})
}

func rOLE(names ...string) []byte {
	b := append([]byte{}, magicOLE...)
	b = append(b, make([]byte, 504)...)
	for _, n := range names {
		b = append(b, utf16le(n)...)
		b = append(b, make([]byte, 64)...)
	}
	return b
}

func rEncrypted(tb testing.TB) []byte {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(rTemplateSubmission(tb)))
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf, excelize.Options{Password: "matkhau"}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadSubmissionRefusals(t *testing.T) {
	valid := rTemplateSubmission(t)
	cases := []struct {
		name, file string
		data       func(testing.TB) []byte
		want       string // "code|sheet|value"
	}{
		{"empty file", "a.xlsx", func(testing.TB) []byte { return nil }, "file.empty||"},
		{"legacy xls", "a.xls", func(testing.TB) []byte { return rOLE("Workbook", "SummaryInformation") }, "file.xls||"},
		{"xls renamed xlsx", "a.xlsx", func(testing.TB) []byte { return rOLE("Book") }, "file.xls||"},
		{"password-protected xlsx", "a.xlsx", rEncrypted, "file.encrypted||"},
		{"ods", "a.xlsx", func(tb testing.TB) []byte {
			return rZip(tb, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<office:document-content/>")
		}, "file.ods||"},
		{"docx", "a.xlsx", func(tb testing.TB) []byte {
			return rZip(tb, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>")
		}, "file.not_xlsx||Word (.docx)"},
		{"word 97", "a.doc", func(testing.TB) []byte { return rOLE("WordDocument") }, "file.not_xlsx||Word (.doc)"},
		{"pdf", "a.xlsx", func(testing.TB) []byte { return []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n") }, "file.not_xlsx||PDF"},
		{"csv", "a.xlsx", func(testing.TB) []byte {
			return []byte("STT,Tên nhiệm vụ,Giai đoạn\n1,Đề án,Hoàn thành\n")
		}, "file.not_xlsx||CSV/TXT"},
		{"html saved as xls", "a.xls", func(testing.TB) []byte { return []byte("<html><body><table><tr><td>1</td></tr></table></body></html>") }, "file.not_xlsx||HTML"},
		{"plain zip", "a.xlsx", func(tb testing.TB) []byte { return rZip(tb, "notes.txt", "hello") }, "file.not_xlsx||ZIP"},
		{"truncated", "a.xlsx", func(testing.TB) []byte { return valid[:len(valid)/2] }, "file.corrupt||ZIP"},
		{"damaged sheet XML", "a.xlsx", func(tb testing.TB) []byte {
			return rSheetEdit(tb, func(s string) string { i := strings.Index(s, `<row r="6"`); return s[:i+20] + "<<<" + s[i+20:] })
		}, "file.corrupt||XML Nhiệm vụ"},
		{"sheet cut after a row", "a.xlsx", func(tb testing.TB) []byte {
			return rSheetEdit(tb, func(s string) string { i := strings.Index(s, `<row r="6"`); return s[:i] })
		}, "file.corrupt||XML Nhiệm vụ"},
		{"shared string out of range", "a.xlsx", func(tb testing.TB) []byte {
			return rSheetEdit(tb, func(s string) string {
				i := strings.Index(s, `<row r="6"`)
				j := i + strings.Index(s[i:], `t="s"><v>`) + len(`t="s"><v>`)
				k := j + strings.Index(s[j:], "<")
				return s[:j] + "99999" + s[k:]
			})
		}, "file.corrupt||XML Nhiệm vụ"},
		{"rows out of order", "a.xlsx", func(tb testing.TB) []byte {
			return rSheetEdit(tb, func(s string) string { return strings.Replace(s, `<row r="6"`, `<row r="5"`, 1) })
		}, "file.corrupt||XML Nhiệm vụ"},
		{"doctype", "a.xlsx", func(tb testing.TB) []byte {
			return rSheetEdit(tb, func(s string) string {
				return strings.Replace(s, "<worksheet", `<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><worksheet`, 1)
			})
		}, "file.corrupt||DOCTYPE"},
		{"row over the sheet limit", "a.xlsx", func(tb testing.TB) []byte {
			return rSheetEdit(tb, func(s string) string {
				return strings.Replace(s, "</sheetData>", `<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>`, 1)
			})
		}, "sheet.too_many_rows|Nhiệm vụ|1048577"},
		{"zip bomb", "a.xlsx", func(tb testing.TB) []byte {
			return rZipEdit(tb, valid, func(name string, b []byte) []byte {
				if name == "xl/worksheets/sheet2.xml" {
					return bytes.Replace(b, []byte("<sheetData>"), append([]byte("<sheetData>"), bytes.Repeat([]byte(" "), 3<<20)...), 1)
				}
				return b
			})
		}, "file.too_large||4 MB"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.name == "zip bomb" {
				old := maxUnzippedBytes
				maxUnzippedBytes = 2 << 20
				defer func() { maxUnzippedBytes = old }()
			}
			data := c.data(t)
			keep := bytes.Clone(data)
			raw := ReadSubmission("inbox/"+c.file, bytes.NewReader(data))
			if !bytes.Equal(data, keep) {
				t.Error("input bytes changed")
			}
			if len(raw.Findings) != 1 {
				t.Fatalf("findings:\n%s", rCodes(raw.Findings))
			}
			f := raw.Findings[0]
			if got := string(f.Code) + "|" + f.Sheet + "|" + f.Value; got != c.want {
				t.Errorf("got %q, want %q (%s)", got, c.want, f.Message(report.VI))
			}
			if f.File != c.file || f.Severity != report.Error || !raw.Refused() || len(raw.Rows) != 0 {
				t.Errorf("file %q severity %v refused %v rows %d", f.File, f.Severity, raw.Refused(), len(raw.Rows))
			}
			if strings.Contains(f.Message(report.EN), "{") || strings.Contains(f.Message(report.VI), "zip:") {
				t.Errorf("message %q", f.Message(report.VI))
			}
			if _, err := ReadPlan(c.file, bytes.NewReader(data)); err == nil {
				t.Error("ReadPlan accepted the file")
			} else if fe, ok := err.(*FileError); !ok || fe.Finding.Code != f.Code {
				t.Errorf("ReadPlan error %v", err)
			}
		})
	}
}

func TestReadSubmissionTooLargeOnDisk(t *testing.T) {
	old := maxFileBytes
	maxFileBytes = 10 << 10
	defer func() { maxFileBytes = old }()
	data := append(rTemplateSubmission(t), make([]byte, 11<<10)...)
	raw := ReadSubmission("big.xlsx", bytes.NewReader(data))
	rDiff(t, "findings", rCodes(raw.Findings), "file.too_large error||||11 KB\n")
	if raw.Findings[0].Want != "10 KB" {
		t.Errorf("want %q", raw.Findings[0].Want)
	}
}

func TestReadSubmissionNoTable(t *testing.T) {
	data := rBook(t, "Sheet1", func(f *excelize.File) {
		rRow(t, f, "Sheet1", 1, 1, "Báo cáo tháng 3")
		rRow(t, f, "Sheet1", 2, 1, "Đã hoàn thành 2 nhiệm vụ")
	})
	raw := ReadSubmission("x.xlsx", bytes.NewReader(data))
	rDiff(t, "findings", rCodes(raw.Findings), "sheet.missing error||||\n")
	if !raw.Refused() {
		t.Error("not refused")
	}
	data = rBook(t, "Nhiệm vụ", func(f *excelize.File) {
		rRow(t, f, "Nhiệm vụ", 2, 1, "STT", "Mã nhiệm vụ", "Tên nhiệm vụ", "Thời hạn", "Ghi chú")
		rRow(t, f, "Nhiệm vụ", 3, 1, 1, "YT01", "Đề án", "30/6/2021")
	})
	raw = ReadSubmission("x.xlsx", bytes.NewReader(data))
	rDiff(t, "findings", rCodes(raw.Findings), "header.missing error|Nhiệm vụ||Giai đoạn|\n")
	if raw.HeaderRow != 2 || raw.Columns[templates.FieldTitle] != "C" || len(raw.Rows) != 0 {
		t.Errorf("header row %d columns %q rows %d", raw.HeaderRow, raw.Columns, len(raw.Rows))
	}
}
