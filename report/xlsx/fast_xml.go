package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// The rows of the consolidated workbook are written as SpreadsheetML
// directly: cells with their reference and style, the texts that repeat
// as references to the shared-string table (wsst), the others as inline
// strings, numbers as they are, dates as serial numbers with a date style.

// wMaxCellChars is the most a cell holds (UTF-16 units); excelize cuts
// longer text the same way.
const wMaxCellChars = 32767

// wxmlSpecial marks the bytes of text that appendText must look at:
// markup, carriage return and C0 controls, '_' (it may start an escape)
// and 0xEF (it may start U+FFFE or U+FFFF).
var wxmlSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = c != '\t' && c != '\n'
	}
	for _, c := range []byte{'&', '<', '>', '_', 0xEF} {
		t[c] = true
	}
	return t
}()

// appendText appends s as the content of a <t> element. Markup is escaped,
// a carriage return is a character reference (a raw one reads back as a
// line feed), and the characters XML 1.0 cannot carry (C0 controls other
// than tab and line feed, U+FFFE, U+FFFF) are written as the _xHHHH_
// escapes of ECMA-376 §22.4.2.4, which Excel, LibreOffice, openpyxl and
// excelize decode. An underscore that starts something looking like such
// an escape is itself escaped (_x005F_), so that the text reads back as
// written. Invalid UTF-8 becomes U+FFFD.
func appendText(dst []byte, s string) []byte {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !wxmlSpecial[c] {
			continue
		}
		if c < utf8.RuneSelf {
			if esc, ok := wEscapeASCII(s, i); ok {
				dst = append(append(dst, s[start:i]...), esc...)
				start = i + 1
			}
			continue
		}
		if i+2 < len(s) && s[i+1] == 0xBF && s[i+2] >= 0xBE { // 0xEF: U+FFFE or U+FFFF
			dst = append(dst, s[start:i]...)
			dst = appendEscape(dst, 0xFFC0|rune(s[i+2]&0x3F))
			i += 2
			start = i + 1
		}
	}
	return append(dst, s[start:]...)
}

// wEscapeASCII returns what the ASCII byte s[i] is written as when it is
// not written as itself.
func wEscapeASCII(s string, i int) (string, bool) {
	switch c := s[i]; {
	case c == '&':
		return "&amp;", true
	case c == '<':
		return "&lt;", true
	case c == '>':
		return "&gt;", true
	case c == '\r':
		return "&#xD;", true
	case c < 0x20 && c != '\t' && c != '\n':
		return wControlEscapes[c], true
	case c == '_' && wLooksEscaped(s[i:]):
		return "_x005F_", true
	}
	return "", false
}

// wControlEscapes are the C0 controls as _xHHHH_.
var wControlEscapes = func() (t [0x20]string) {
	for c := range t {
		t[c] = string(appendEscape(nil, rune(c)))
	}
	return t
}()

// appendEscape appends r as _xHHHH_.
func appendEscape(dst []byte, r rune) []byte {
	const hex = "0123456789ABCDEF"
	return append(dst, '_', 'x', hex[r>>12&15], hex[r>>8&15], hex[r>>4&15], hex[r&15], '_')
}

// wLooksEscaped reports whether s starts with _xHHHH_.
func wLooksEscaped(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// wCellText cuts s to what a cell holds.
func wCellText(s string) string {
	if len(s) <= wMaxCellChars { // a byte is at least one UTF-16 unit... at most one
		return s
	}
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > wMaxCellChars {
			return s[:i]
		}
	}
	return s
}

// wPreserve reports whether s needs xml:space="preserve" to keep its
// leading or trailing white space.
func wPreserve(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range [2]byte{s[0], s[len(s)-1]} {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			return true
		}
	}
	return false
}

// appendCol appends the letters of a 1-based column.
func appendCol(dst []byte, col int) []byte {
	if col <= 26 {
		return append(dst, byte('A'+col-1))
	}
	var tmp [4]byte
	i := len(tmp)
	for col > 0 {
		col--
		i--
		tmp[i] = byte('A' + col%26)
		col /= 26
	}
	return append(dst, tmp[i:]...)
}

// appendCellStart appends `<c r="B7" s="3"` (no s for style 0).
func appendCellStart(dst []byte, col, row, style int) []byte {
	dst = append(dst, `<c r="`...)
	dst = appendCol(dst, col)
	dst = strconv.AppendInt(dst, int64(row), 10)
	switch {
	case style == 0:
		return append(dst, '"')
	case style < len(wStyleAttrs):
		return append(dst, wStyleAttrs[style]...)
	}
	dst = append(dst, `" s="`...)
	dst = strconv.AppendInt(dst, int64(style), 10)
	return append(dst, '"')
}

// wStyleAttrs[i] ends a cell reference and gives style i: `" s="i"`.
var wStyleAttrs = func() (t [256]string) {
	for i := range t {
		t[i] = `" s="` + strconv.Itoa(i) + `"`
	}
	return t
}()

// appendEmptyCell appends a cell that has a style and no value.
func appendEmptyCell(dst []byte, col, row, style int) []byte {
	return append(appendCellStart(dst, col, row, style), "/>"...)
}

// appendTextCell appends an inline-string cell; "" gives an empty cell.
func appendTextCell(dst []byte, col, row, style int, s string) []byte {
	if s == "" {
		return appendEmptyCell(dst, col, row, style)
	}
	s = wCellText(s)
	dst = appendCellStart(dst, col, row, style)
	if wPreserve(s) {
		dst = append(dst, ` t="inlineStr"><is><t xml:space="preserve">`...)
	} else {
		dst = append(dst, ` t="inlineStr"><is><t>`...)
	}
	dst = appendText(dst, s)
	return append(dst, "</t></is></c>"...)
}

// appendSharedCell appends a cell holding the i-th shared string.
func appendSharedCell(dst []byte, col, row, style int, i int32) []byte {
	dst = append(appendCellStart(dst, col, row, style), ` t="s"><v>`...)
	dst = strconv.AppendInt(dst, int64(i), 10)
	return append(dst, "</v></c>"...)
}

// appendIntCell appends a number cell holding a whole number.
func appendIntCell(dst []byte, col, row, style int, n int64) []byte {
	dst = append(appendCellStart(dst, col, row, style), "><v>"...)
	dst = strconv.AppendInt(dst, n, 10)
	return append(dst, "</v></c>"...)
}

// appendFloatCell appends a number cell, written as excelize writes a
// float64: shortest form, at most 15 significant digits.
func appendFloatCell(dst []byte, col, row, style int, f float64) []byte {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return appendTextCell(dst, col, row, style, fmt.Sprint(f))
	}
	dst = append(appendCellStart(dst, col, row, style), "><v>"...)
	dst = append(dst, wFloatText(f)...)
	return append(dst, "</v></c>"...)
}

// wFloatText is f in decimal notation cut to Excel's 15 significant
// digits (as excelize's formatCellFloat does).
func wFloatText(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	const maxDigits = 15
	dot := strings.IndexByte(s, '.')
	digits := 0
	for i := range len(s) {
		c := s[i]
		if c < '0' || c > '9' || digits == 0 && c == '0' {
			continue
		}
		if digits++; digits <= maxDigits {
			continue
		}
		if dot >= 0 && i > dot {
			return strings.TrimSuffix(s[:i], ".")
		}
		if dot < 0 {
			dot = len(s)
		}
		b := []byte(s[:dot])
		for ; i < len(b); i++ {
			b[i] = '0'
		}
		return string(b)
	}
	return s
}

// appendRowStart opens a row; a height above zero is fixed (customHeight),
// written as encoding/xml writes a float64, as excelize did.
func appendRowStart(dst []byte, row int, height float64) []byte {
	dst = append(dst, `<row r="`...)
	dst = strconv.AppendInt(dst, int64(row), 10)
	if height > 0 {
		dst = append(dst, `" ht="`...)
		dst = strconv.AppendFloat(dst, height, 'g', -1, 64)
		dst = append(dst, `" customHeight="1`...)
	}
	return append(dst, `">`...)
}

const wRowEnd = "</row>"
