package templates

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold reduces a header, key or stage text to the form used for matching:
// NFC, lower case, diacritics removed (đ becomes d), punctuation turned into
// spaces, runs of spaces collapsed. "%" is kept as a word of its own because
// "% hoàn thành" and "Hoàn thành" are different columns.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // suppress leading spaces
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ' || r == 'Ð':
			r = 'd'
		case r == '%':
			if !space {
				b.WriteByte(' ')
			}
			b.WriteString("% ")
			space = true
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}
