package xlsx

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/tonghop/tonghop/templates"
)

const rLibreOfficeFixture = "testdata/read/messy-libreoffice.xlsx"

func rUpdate() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// rResave re-saves data with LibreOffice (formulas get cached values, and
// the XML is written the LibreOffice way). It skips the test without soffice.
func rResave(tb testing.TB, data []byte) []byte {
	tb.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		tb.Skip("soffice not installed")
	}
	dir := tb.TempDir()
	in := filepath.Join(dir, "in.xlsx")
	if err := os.WriteFile(in, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, in)
	if b, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("soffice: %v\n%s", err, b)
	}
	b, err := os.ReadFile(filepath.Join(out, "in.xlsx"))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestReadSubmissionLibreOffice reads the messy workbook as LibreOffice
// saved it (committed fixture; regenerate with -update when soffice is
// installed): formula results come from the cached values.
func TestReadSubmissionLibreOffice(t *testing.T) {
	if rUpdate() {
		if err := os.WriteFile(rLibreOfficeFixture, rResave(t, rMessySubmission(t)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(rLibreOfficeFixture)
	if err != nil {
		t.Fatal(err)
	}
	raw := ReadSubmission(rLibreOfficeFixture, bytes.NewReader(data))
	rDiff(t, "findings", rCodes(raw.Findings), "")
	if raw.TaskSheet != "BC thang 3" || raw.InfoSheet != "TT chung" || raw.HeaderRow != 5 {
		t.Errorf("task sheet %q info sheet %q header row %d", raw.TaskSheet, raw.InfoSheet, raw.HeaderRow)
	}
	rDiff(t, "rows", rDump(raw.Rows), `9: no=A9:#1 id=H9:"GD01" title=B9:"`+norm.NFD.String("Xây dựng Đề án phát triển giáo dục mầm non")+`" lead=F9:"Sở Giáo dục và Đào tạo" deadline=C9:#44377(date) stage=D9:"hoan thanh" pct=E9:#0.45(%)
10 hidden: no=A10:#2 id=H10:"GD02" title=B10:"Kế hoạch tuyển sinh" lead=F9:"Sở Giáo dục và Đào tạo" deadline=C10:"30/6/2021" stage=D10:"Đang lấy ý kiến" pct=E10:"45%" notes=G10:"ẩn"
12: no=A12:#3 id=H12:"VH01" title=B12:"Chương trình chuyển đổi số" lead=F12:"Sở TT&TT" deadline=C12:"ngày 05 tháng 01 năm 2021" stage=D12:"Đang xây dựng dự thảo" pct=E12:#75
`)
	if got := raw.Rows[1].Cells[templates.FieldStage].Font; got != ".VnTime" {
		t.Errorf("D10 font %q", got)
	}
	rDiff(t, "info", rInfo(raw.Info), `Sector=C2:"Giáo dục"
Period=B3:"03/2021"
Report date=D4:#44286(date)
Prepared by=C5:"Trần Văn Bình"
`)
}
