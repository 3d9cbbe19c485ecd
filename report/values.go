package report

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// CleanText returns s in NFC, trimmed, with runs of white space inside a
// line collapsed and line breaks kept (departments use Alt+Enter lists).
// Empty lines, control characters, zero-width spaces and byte-order marks
// go; invalid UTF-8 becomes U+FFFD.
func CleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if isPlain(s) {
		if isASCII(s) {
			return s // ASCII is NFC already
		}
		return norm.NFC.String(s)
	}
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n").Replace(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\u200b' || r == '\ufeff' || r == '\u2060':
			return -1 // zero-width: nothing to see, nothing to keep
		case isSpace(r):
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, ln := range lines {
		ln = strings.Join(strings.Fields(ln), " ")
		if ln != "" {
			out = append(out, ln)
		}
	}
	return norm.NFC.String(strings.Join(out, "\n"))
}

// isPlain reports whether s needs no cleaning beyond NFC: no leading,
// trailing or doubled spaces, no control characters, no other kind of
// space. Most cells are like that.
func isPlain(s string) bool {
	prevSpace := true
	for _, r := range s {
		switch {
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		case r < ' ' || r == 0x7f:
			return false
		case r >= 0x80 && unplain(r):
			return false
		}
		prevSpace = false
	}
	return s == "" || !prevSpace
}

// unplain reports whether a rune at or above U+0080 keeps a text from
// being plain: a space other than U+0020, a control or a line separator.
func unplain(r rune) bool {
	return isSpace(r) || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\u2060'
}

// settled reports whether a cell's text needs no work: CleanText(s) is s
// and DecodeLegacy(s, font) leaves it alone, tcvn3 telling whether the
// cell's font is a TCVN3 one. It decides in one pass over the bytes, with
// the table below, what CleanText and DecodeLegacy decide with several:
// nearly every cell of a report is plain NFC Unicode Vietnamese, and
// cleaning titles was the largest cost of interpreting a row. A false
// answer only sends s the long way.
func settled(s string, tcvn3 bool) bool {
	prevSpace := true // a leading space is not plain
	var seen uint8    // the flags of the non-ASCII runes, and runeSeen
	for i := 0; i < len(s); {
		c := s[i]
		if c > ' ' && c < 0x7f {
			prevSpace = false
			i++
			continue
		}
		if c == ' ' || c == '\n' { // kept, unless doubled or at an end
			if prevSpace {
				return false
			}
			prevSpace = true
			i++
			continue
		}
		// Two- and three-byte sequences are decoded here; anything else
		// (controls, invalid or overlong bytes, four-byte sequences,
		// runes above the table) goes the long way.
		if c < 0xC2 || c >= 0xF0 {
			return false
		}
		var r rune
		if c < 0xE0 {
			if i+1 >= len(s) || s[i+1]&0xC0 != 0x80 {
				return false
			}
			r = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			i += 2
		} else {
			if i+2 >= len(s) || s[i+1]&0xC0 != 0x80 || s[i+2]&0xC0 != 0x80 {
				return false
			}
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r < 0x800 || r >= settledLimit {
				return false
			}
			i += 3
		}
		f := settledTable[r]
		if f&runePlainNFC == 0 {
			return false
		}
		seen |= f | runeSeen
		prevSpace = false
	}
	if s != "" && prevSpace {
		return false // a trailing space
	}
	if seen == 0 {
		return !tcvn3 // ASCII: a TCVN3 capitals font may upper-case it
	}
	return seen&runeNotLegacy != 0 // only Latin-1 letters: may be TCVN3 or VNI
}

// Flags of settledTable.
const (
	// runePlainNFC: the rune is NFC and stays so whatever stands before
	// or after it (no decomposition, combining class 0, composes with
	// nothing before it), and isPlain accepts it.
	runePlainNFC = 1 << iota
	// runeNotLegacy: a letter or mark above Latin-1, which legacy text
	// read as cp1252 never has (mayBeLegacy).
	runeNotLegacy
	// runeSeen: not in the table; settled marks that a text is not ASCII.
	runeSeen
)

// settledLimit covers Latin, Vietnamese, general punctuation and the
// common symbols; settled leaves the rest to the long way.
const settledLimit = 0x3000

var settledTable = func() (t [settledLimit]uint8) {
	var b [utf8.UTFMax]byte // built at every start: no allocation per rune
	for r := rune(utf8.RuneSelf); r < settledLimit; r++ {
		s := b[:utf8.EncodeRune(b[:], r)]
		p := norm.NFC.Properties(s)
		if p.BoundaryBefore() && p.CCC() == 0 && norm.NFC.IsNormal(s) && !unplain(r) {
			t[r] |= runePlainNFC
		}
		if r > 0xFF && (unicode.IsLetter(r) || unicode.IsMark(r)) {
			t[r] |= runeNotLegacy
		}
	}
	return t
}()

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff'
}

func trimSpace(s string) string {
	// Most texts start and end with a visible ASCII character: nothing to
	// trim, no rune to decode (Cell.Empty asks for every cell).
	if s == "" || s[0] > ' ' && s[0] < utf8.RuneSelf && s[len(s)-1] > ' ' && s[len(s)-1] < utf8.RuneSelf {
		return s
	}
	return strings.TrimFunc(s, isSpace)
}

// Excel day 0 (1900 system, with its 1900 leap-year bug accounted for) and
// the 1904 system's day 0.
var (
	excelEpoch     = Date(1899, time.December, 30)
	excelEpoch1904 = Date(1904, time.January, 1)
)

// SerialDate converts an Excel serial day number to a date (the time of day
// is dropped).
func SerialDate(serial float64, date1904 bool) (time.Time, bool) {
	if math.IsNaN(serial) || serial < 1 || serial > 2958465 {
		return time.Time{}, false
	}
	epoch := excelEpoch
	if date1904 {
		epoch = excelEpoch1904
	}
	return epoch.AddDate(0, 0, int(math.Floor(serial))), true
}

// The years a date in a report may fall in; anything else is a typing
// mistake ("05/01/221") or a number that is not a date.
const (
	minYear = 1990
	maxYear = 2100
)

var (
	reDMY     = regexp.MustCompile(`^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})(?:\s+\d{1,2}(?::|h)\d{2}(?::\d{2})?)?$`)
	reYMD     = regexp.MustCompile(`^(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$`)
	reLong    = regexp.MustCompile(`^(?:ngay\s*)?(\d{1,2})\s*,?\s*thang\s*(\d{1,2})\s*,?\s*nam\s*(\d{4})$`)
	reMonth   = regexp.MustCompile(`^(?:thang|t)?\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$`)
	reMonth2  = regexp.MustCompile(`^(?:thang\s*)?(\d{1,2})\s*,?\s*nam\s*(\d{4})$`)
	reQuarter = regexp.MustCompile(`^(?:quy|q)\s*(i{1,3}|iv|[1-4])\s*(?:[/.\-]|nam)?\s*(\d{4})$`)
	reHalf    = regexp.MustCompile(`^(3|6|9)\s*thang\s*(dau|cuoi)?\s*(?:nam\s*)?(\d{4})$`)
	reYear    = regexp.MustCompile(`^(?:ca\s+)?(?:nam\s*)?(\d{4})$`)
	reISOPer  = regexp.MustCompile(`^(\d{4})\s*[/.\-]\s*(\d{1,2})$`)
	// Words departments put before a deadline: "trước 30/6/2021",
	// "chậm nhất ngày 15/3/2021", "trong quý II/2021", "cuối năm 2021".
	reDeadlineWords = regexp.MustCompile(`^(?:(?:hoan thanh truoc|truoc|cham nhat(?: la)?|han chot|thoi han|han|trong|cuoi|den)\b[:\s]*)+`)
	reParenTail     = regexp.MustCompile(`\s*\([^()]*\)$`)
)

// ParseDate reads a date written the Vietnamese way, day before month: a
// date cell, an Excel serial number, "05/01/2021", "5/1/2021", "05-01-2021",
// "05.01.2021", "2021-01-05", "05/01/21" or "ngày 05 tháng 01 năm 2021". A
// text that reads only month first ("03/15/2021") is not a date, nor is a
// date before 1990 or after 2100.
func ParseDate(c Cell, date1904 bool) (time.Time, bool) {
	if c.IsNumber {
		if c.Percent || !c.IsDate && (c.Number < 10000 || c.Number >= 80000) {
			return time.Time{}, false
		}
		t, ok := SerialDate(c.Number, date1904)
		if !ok || t.Year() < minYear || t.Year() > maxYear {
			return time.Time{}, false
		}
		return t, true
	}
	return parseDateText(simplify(c.Text))
}

// parseDateText reads a date from simplified text (see simplify).
func parseDateText(s string) (time.Time, bool) {
	s = strings.TrimPrefix(s, "ngay ")
	if s == "" {
		return time.Time{}, false
	}
	if m := reDMY.FindStringSubmatch(s); m != nil {
		y := atoi(m[3])
		if len(m[3]) == 2 {
			y += 2000
			if y >= 2090 {
				y -= 100 // "05/01/95" is 1995
			}
		}
		return makeDate(y, atoi(m[2]), atoi(m[1]))
	}
	if m := reYMD.FindStringSubmatch(s); m != nil {
		return makeDate(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := reLong.FindStringSubmatch(s); m != nil {
		return makeDate(atoi(m[3]), atoi(m[2]), atoi(m[1]))
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 10000 && f < 80000 {
		if t, ok := SerialDate(f, false); ok && t.Year() >= minYear && t.Year() <= maxYear {
			return t, true
		}
	}
	return time.Time{}, false
}

// ParseDeadline reads a deadline: a date (ParseDate) or a period, "Tháng
// 6/2021", "06/2021", "Quý II/2021", "6 tháng đầu năm 2021", "Năm 2021",
// which stands for the period's last day. Leading words such as "trước",
// "chậm nhất ngày", "trong" and a trailing note in brackets are ignored.
func ParseDeadline(c Cell, date1904 bool) (time.Time, bool) {
	if t, ok := ParseDate(c, date1904); ok {
		return t, true
	}
	if c.IsNumber {
		if y := int(c.Number); !c.IsDate && !c.Percent && float64(y) == c.Number && y >= minYear && y <= maxYear {
			return Date(y, time.December, 31), true
		}
		return time.Time{}, false
	}
	k := simplify(c.Text)
	if cut := strings.TrimSpace(reParenTail.ReplaceAllString(k, "")); cut != "" {
		k = cut
	}
	k = strings.TrimPrefix(strings.TrimSuffix(k, ")"), "(")
	k = reDeadlineWords.ReplaceAllString(k, "")
	if t, ok := parseDateText(k); ok {
		return t, true
	}
	if p, ok := parseMonth(k); ok {
		return p.Last(), true
	}
	if m := reQuarter.FindStringSubmatch(k); m != nil {
		q := map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}[m[1]]
		return monthEnd(atoi(m[2]), 3*q)
	}
	if m := reHalf.FindStringSubmatch(k); m != nil {
		months := atoi(m[1])
		if m[2] == "cuoi" {
			months = 12
		}
		return monthEnd(atoi(m[3]), months)
	}
	if m := reYear.FindStringSubmatch(k); m != nil {
		return monthEnd(atoi(m[1]), 12)
	}
	return time.Time{}, false
}

// parseMonth reads a month from simplified text: "2021-03", "03/2021",
// "thang 3/2021", "t3/2021", "thang 3 nam 2021".
func parseMonth(k string) (Period, bool) {
	var y, m int
	if g := reISOPer.FindStringSubmatch(k); g != nil {
		y, m = atoi(g[1]), atoi(g[2])
	} else if g := reMonth.FindStringSubmatch(k); g != nil {
		y, m = atoi(g[2]), atoi(g[1])
	} else if g := reMonth2.FindStringSubmatch(k); g != nil {
		y, m = atoi(g[2]), atoi(g[1])
	} else {
		return Period{}, false
	}
	if m < 1 || m > 12 || y < minYear || y > maxYear {
		return Period{}, false
	}
	return Period{y, time.Month(m)}, true
}

// ParsePeriod reads a reporting period: "2021-03", "03/2021", "3/2021",
// "Tháng 3/2021", "T3/2021", "tháng 3 năm 2021", or a date (its month).
func ParsePeriod(c Cell, date1904 bool) (Period, bool) {
	if c.IsNumber {
		if t, ok := ParseDate(c, date1904); ok {
			return PeriodOf(t), true
		}
		return Period{}, false
	}
	k := simplify(c.Text)
	if p, ok := parseMonth(k); ok {
		return p, true
	}
	if t, ok := parseDateText(k); ok {
		return PeriodOf(t), true
	}
	return Period{}, false
}

var rePercent = regexp.MustCompile(`^(\d{1,3}(?:[.,]\d+)?)(%?)$`)

// ParsePercent reads a completion percentage: 45, "45", "45%", "45,5 %",
// 0.45 from a percent-formatted cell, or a fraction typed as such (0.45,
// "0,45"). The result is 0–100, rounded to two decimals.
func ParsePercent(c Cell) (float64, bool) {
	var v float64
	if c.IsNumber {
		v = c.Number
		if c.Percent {
			v *= 100
		} else if v > 0 && v < 1 {
			v *= 100 // 0.45 in a General cell
		}
	} else {
		s := strings.Map(func(r rune) rune {
			if isSpace(r) {
				return -1
			}
			return r
		}, c.Text)
		m := rePercent.FindStringSubmatch(s)
		if m == nil {
			return 0, false
		}
		f, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", "."), 64)
		if err != nil {
			return 0, false
		}
		v = f
		if m[2] == "" && f > 0 && f < 1 {
			v = f * 100 // "0,45" typed as text
		}
	}
	if math.IsNaN(v) || v < 0 || v > 100 {
		return 0, false
	}
	return math.Round(v*100) / 100, true
}

func monthEnd(y, m int) (time.Time, bool) {
	if m < 1 || m > 12 || y < minYear || y > maxYear {
		return time.Time{}, false
	}
	return Date(y, time.Month(m)+1, 0), true
}

func makeDate(y, m, d int) (time.Time, bool) {
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := Date(y, time.Month(m), d)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
