package templates

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold reduces a header, key or stage text to the form used for matching:
// NFC, lower case, diacritics removed (đ becomes d), punctuation turned into
// spaces, runs of spaces collapsed. "%" is kept as a word of its own because
// "% hoàn thành" and "Hoàn thành" are different columns.
//
// It reads the text as norm.NFD would give it, without building that form:
// runes below foldTableSize are looked up in a table made at start-up from
// their decomposition, the others decomposed one by one. Decomposing rune
// by rune gives the same runes as decomposing the text, only without the
// reordering of combining marks, which Fold drops; the other runes that
// can be reordered are not letters or digits, so they fold to a space
// wherever they stand (fold_test.go checks both against norm.NFD).
func Fold(s string) string {
	var buf [128]byte
	b, _ := AppendFold(buf[:0], s, -1)
	if len(b) == len(s) && string(b) == s {
		return s // already folded: no copy
	}
	return string(b)
}

// AppendFold appends Fold(s) to dst. With limit >= 0 it gives up as soon
// as the folded text would be longer than limit bytes and reports false:
// a text longer than every key cannot match one, and folding a long title
// in full only to find that costs microseconds.
func AppendFold(dst []byte, s string, limit int) ([]byte, bool) {
	from := len(dst)
	space := true // suppress leading spaces
	for i := 0; i < len(s); {
		var e foldEntry
		if c := s[i]; c < utf8.RuneSelf {
			e = foldTable[c]
			i++
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			if r < foldTableSize {
				e = foldTable[r]
			} else {
				e = foldWide(s[i-n:], r)
			}
			if e == foldSlow {
				for _, d := range norm.NFD.String(string(r)) {
					dst, space = foldStep(dst, foldRune(d), space)
				}
				if limit >= 0 && len(dst)-from > limit+1 {
					return dst, false
				}
				continue
			}
		}
		dst, space = foldStep(dst, e, space)
		if limit >= 0 && len(dst)-from > limit+1 {
			// One byte of slack: a trailing space is trimmed below.
			return dst, false
		}
	}
	if len(dst) > from && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	return dst, limit < 0 || len(dst)-from <= limit
}

// foldEntry says what Fold makes of one rune: a rune to write (a lower-case
// letter or a digit), or one of the negative actions below.
type foldEntry int32

const (
	foldSlow    foldEntry = 0  // decompose it first (not in the table)
	foldSkip    foldEntry = -1 // a non-spacing mark: dropped
	foldSpace   foldEntry = -2 // anything else: a word break
	foldPercent foldEntry = -3 // "%": a word of its own
)

// foldTableSize covers Latin, Greek, Cyrillic and the Vietnamese letters
// of Latin Extended Additional (U+1E00–U+1EFF).
const foldTableSize = 0x2000

var foldTable = func() (t [foldTableSize]foldEntry) {
	for r := rune(0); r < foldTableSize; r++ {
		t[r] = tableEntry(r)
	}
	return t
}()

// tableEntry folds r's decomposition: one base rune followed only by
// non-spacing marks becomes the base's entry; any other decomposition is
// left to Fold to decompose (foldSlow).
func tableEntry(r rune) foldEntry {
	if r >= utf8.RuneSelf && !utf8.ValidRune(r) {
		return foldSlow
	}
	// Built for 8.192 runes at every start: no allocation per rune.
	var b [utf8.UTFMax]byte
	d := b[:utf8.EncodeRune(b[:], r)]
	if dec := norm.NFD.Properties(d).Decomposition(); dec != nil {
		d = dec
	}
	base, n := utf8.DecodeRune(d)
	first := foldRune(base)
	if first == foldSkip && n < len(d) {
		return foldSlow
	}
	for _, m := range string(d[n:]) {
		if foldRune(m) != foldSkip {
			return foldSlow
		}
	}
	if first == foldSlow {
		return foldSlow
	}
	return first
}

// foldWide is the entry of a rune above the table, r at the start of s:
// most such runes in a report (quotes, dashes, symbols) have no
// decomposition. Hangul syllables decompose by rule, which Properties
// does not tell: they are decomposed in full.
func foldWide(s string, r rune) foldEntry {
	if r == utf8.RuneError {
		return foldSpace // also an invalid byte: a symbol either way
	}
	if r >= 0xAC00 && r <= 0xD7A3 {
		return foldSlow
	}
	if norm.NFD.PropertiesString(s).Decomposition() != nil {
		return foldSlow
	}
	return foldRune(r)
}

// foldRune is what Fold does with one rune of a decomposed text.
func foldRune(r rune) foldEntry {
	switch {
	case unicode.Is(unicode.Mn, r):
		return foldSkip
	case r == 'đ' || r == 'Đ' || r == 'Ð':
		return 'd'
	case r == '%':
		return foldPercent
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		l := unicode.ToLower(r)
		if l <= 0 {
			return foldSlow // cannot happen: letters are positive runes
		}
		return foldEntry(l)
	}
	return foldSpace
}

// foldStep appends what e stands for, collapsing word breaks.
func foldStep(dst []byte, e foldEntry, space bool) ([]byte, bool) {
	switch e {
	case foldSkip:
		return dst, space
	case foldSpace:
		if !space {
			dst = append(dst, ' ')
		}
		return dst, true
	case foldPercent:
		if !space {
			dst = append(dst, ' ')
		}
		return append(dst, '%', ' '), true
	}
	if e < utf8.RuneSelf {
		return append(dst, byte(e)), false
	}
	return utf8.AppendRune(dst, rune(e)), false
}
