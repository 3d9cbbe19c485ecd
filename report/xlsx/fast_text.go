package xlsx

import (
	"unicode/utf8"
)

// appendTextLines does in one pass over s what appendText (of s cut to a
// cell) and wLines(s, width) do in two each (validity, then the work): it
// appends s escaped and returns how many lines it takes in a column of
// the given width. The task table calls it for every text it holds.
func appendTextLines(dst []byte, s string, width float64) ([]byte, int) {
	if len(s) > wMaxCellChars {
		return appendText(dst, wCellText(s)), wLines(s, width)
	}
	w := newWWrap(width)
	start := 0
	badEnd := -1 // where the last invalid byte ended: a run gives one U+FFFD
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			k := wASCIIClass[c]
			if k&wcSpace != 0 {
				w.space(c == '\n')
			} else {
				w.word++
			}
			if k&wcSpecial != 0 {
				if esc, ok := wEscapeASCII(s, i); ok {
					dst = append(append(dst, s[start:i]...), esc...)
					start = i + 1
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case size == 1: // invalid: one rune for the lines, U+FFFD once per run
			w.word++
			dst = append(dst, s[start:i]...)
			if badEnd != i {
				dst = append(dst, "\uFFFD"...)
			}
			badEnd, start = i+1, i+1
		case wSpaceLead[c] && wSpace(r):
			w.space(false)
		case r == 0xFFFE || r == 0xFFFF:
			w.word++
			dst = append(dst, s[start:i]...)
			dst = appendEscape(dst, r)
			start = i + size
		default:
			w.word++
		}
		i += size
	}
	return append(dst, s[start:]...), w.total()
}

// Classes of ASCII bytes for appendTextLines; 0 is a letter of a word
// that is written as it is.
const (
	wcSpace   = 1 << iota // white space: it ends a word
	wcSpecial             // markup, a control, or '_': look at it
)

var wASCIIClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		if wASCIISpace[c] {
			t[c] |= wcSpace
		}
		if wxmlSpecial[c] {
			t[c] |= wcSpecial
		}
	}
	return t
}()

// appendTextCellLines is appendTextCell, also returning the lines the
// text takes in a column of the given width.
func appendTextCellLines(dst []byte, col, row, style int, s string, width float64) ([]byte, int) {
	if s == "" {
		return appendEmptyCell(dst, col, row, style), 1
	}
	dst = appendCellStart(dst, col, row, style)
	if wPreserve(wCellText(s)) {
		dst = append(dst, ` t="inlineStr"><is><t xml:space="preserve">`...)
	} else {
		dst = append(dst, ` t="inlineStr"><is><t>`...)
	}
	dst, lines := appendTextLines(dst, s, width)
	return append(dst, "</t></is></c>"...), lines
}
