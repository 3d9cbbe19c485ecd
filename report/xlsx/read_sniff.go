package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/tonghop/tonghop/report"
)

// Limits on what the reader accepts. They keep a hostile or absurd file
// from taking the machine's memory: the zip's central directory is checked
// before anything is inflated, and every part is read through a counter.
// Variables only so that tests can lower them.
var (
	maxFileBytes     int64 = 50 << 20  // on disk
	maxUnzippedBytes int64 = 200 << 20 // all parts together
	maxPartBytes     int64 = 100 << 20 // one XML part
	maxTaskRows            = 100000    // data rows of one task table
)

const (
	maxPartRatio = 1000    // uncompressed/compressed, for parts over 1 MiB
	maxSheetRows = 1048576 // Excel's own limit
)

var (
	magicZip = []byte("PK\x03\x04")
	magicOLE = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// sniff tells from the bytes whether data can be an xlsx workbook. It
// returns a file-level finding (without File) when it cannot.
func sniff(name string, data []byte) (report.Finding, bool) {
	switch {
	case len(data) == 0:
		return fileFinding(report.CodeFileEmpty, ""), false
	case int64(len(data)) > maxFileBytes:
		return tooLarge(int64(len(data)), maxFileBytes), false
	case bytes.HasPrefix(data, magicOLE):
		return sniffOLE(data), false
	case bytes.HasPrefix(data, magicZip), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return report.Finding{}, true // looked at further by openPackage
	}
	return fileFinding(report.CodeFileNotXLSX, guessKind(name, data)), false
}

// sniffOLE tells a password-protected xlsx (an OLE2 container holding the
// encrypted package) from a legacy binary Excel file or another Office
// binary document. Directory entry names are stored as UTF-16LE.
func sniffOLE(data []byte) report.Finding {
	has := func(s string) bool { return bytes.Contains(data, utf16le(s)) }
	switch {
	case has("EncryptedPackage") || has("EncryptionInfo"):
		return fileFinding(report.CodeFileEncrypted, "")
	case has("WordDocument"):
		return fileFinding(report.CodeFileNotXLSX, "Word (.doc)")
	case has("PowerPoint Document"):
		return fileFinding(report.CodeFileNotXLSX, "PowerPoint (.ppt)")
	}
	return fileFinding(report.CodeFileXLS, "")
}

func utf16le(s string) []byte {
	b := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		b = append(b, s[i], 0)
	}
	return b
}

// sniffZip recognises zip files that are not xlsx workbooks.
func sniffZip(zr *zip.Reader) (report.Finding, bool) {
	var word, ppt, xl, xlsb bool
	for _, f := range zr.File {
		n := strings.ToLower(f.Name)
		switch {
		case n == "mimetype":
			if kind := zipMimetype(f); strings.Contains(kind, "opendocument.spreadsheet") {
				return fileFinding(report.CodeFileODS, ""), false
			} else if strings.Contains(kind, "opendocument.text") {
				return fileFinding(report.CodeFileNotXLSX, "OpenDocument (.odt)"), false
			} else if strings.Contains(kind, "opendocument") {
				return fileFinding(report.CodeFileNotXLSX, "OpenDocument"), false
			}
		case strings.HasPrefix(n, "word/"):
			word = true
		case strings.HasPrefix(n, "ppt/"):
			ppt = true
		case strings.HasSuffix(n, "workbook.bin"):
			xlsb = true
		case strings.HasPrefix(n, "xl/") || n == "[content_types].xml":
			xl = true
		}
	}
	switch {
	case xlsb:
		return fileFinding(report.CodeFileNotXLSX, "Excel (.xlsb)"), false
	case word:
		return fileFinding(report.CodeFileNotXLSX, "Word (.docx)"), false
	case ppt:
		return fileFinding(report.CodeFileNotXLSX, "PowerPoint (.pptx)"), false
	case !xl:
		return fileFinding(report.CodeFileNotXLSX, "ZIP"), false
	}
	return report.Finding{}, true
}

func zipMimetype(f *zip.File) string {
	if f.UncompressedSize64 > 200 {
		return ""
	}
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	var b [200]byte
	n, _ := rc.Read(b[:])
	return string(b[:n])
}

// guessKind names what a non-spreadsheet file looks like, in a short
// label that reads the same in both languages.
func guessKind(name string, data []byte) string {
	head := data
	if len(head) > 512 {
		head = head[:512]
	}
	lower := strings.ToLower(strings.TrimLeft(string(head), "\ufeff \t\r\n"))
	switch {
	case bytes.HasPrefix(data, []byte("%PDF")):
		return "PDF"
	case bytes.HasPrefix(data, []byte("{\\rtf")):
		return "RTF"
	case bytes.HasPrefix(data, []byte("\x89PNG")):
		return "PNG"
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "JPEG"
	case bytes.HasPrefix(data, []byte("Rar!")):
		return "RAR"
	case bytes.HasPrefix(data, []byte("7z\xBC\xAF")):
		return "7z"
	case bytes.HasPrefix(data, []byte{0x1F, 0x8B}):
		return "GZIP"
	case strings.HasPrefix(lower, "<!doctype html") || strings.HasPrefix(lower, "<html") ||
		strings.Contains(lower, "<table"):
		return "HTML"
	case strings.HasPrefix(lower, "<?xml"):
		return "XML"
	case looksText(head):
		return "CSV/TXT"
	}
	if ext := strings.TrimPrefix(filepath.Ext(name), "."); ext != "" && len(ext) <= 5 {
		return strings.ToUpper(ext)
	}
	return "?"
}

func looksText(b []byte) bool {
	if !utf8.Valid(b) && len(b) > 4 {
		// Cut at a character boundary before judging.
		for i := 0; i < 4 && !utf8.Valid(b); i++ {
			b = b[:len(b)-1]
		}
	}
	if !utf8.Valid(b) {
		return false
	}
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}

func fileFinding(code report.Code, value string) report.Finding {
	return report.Finding{Code: code, Severity: report.Error, Value: value}
}

func tooLarge(size, limit int64) report.Finding {
	f := fileFinding(report.CodeFileTooLarge, mib(size))
	f.Want = mib(limit)
	return f
}

func mib(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	return fmt.Sprintf("%d MB", (n+(1<<20)-1)>>20)
}
