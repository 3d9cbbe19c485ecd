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
		if n := wLetterSize(s, i); n > 0 {
			w.word++
			i += n
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

// wLetterSize is the size of the valid UTF-8 sequence at s[i] when it is
// one of the two-byte runes from U+00C0 or the three-byte ones of
// U+1000–U+1FFF but U+1680–U+16BF (the Ogham space is there): the
// letters of Vietnamese, none of them white space or written escaped.
// Otherwise it is 0 and the rune is decoded.
func wLetterSize(s string, i int) int {
	switch c := s[i]; {
	case c >= 0xC3 && c <= 0xDF:
		if i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			return 2
		}
	case c == 0xE1:
		if i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 && s[i+1] != 0x9A {
			return 3
		}
	}
	return 0
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
