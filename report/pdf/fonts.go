package pdf

import (
	"encoding/binary"
	"errors"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"golang.org/x/text/unicode/norm"
)

// family is the name the document knows Liberation Serif by.
const family = "LiberationSerif"

// faces maps fpdf style strings to the embedded TTF bytes.
var faces = []struct {
	style string
	ttf   []byte
}{
	{"", liberationserifregular.TTF},
	{"B", liberationserifbold.TTF},
	{"I", liberationserifitalic.TTF},
	{"BI", liberationserifbolditalic.TTF},
}

// coverage is the set of BMP characters all four faces have a glyph for,
// read once from the fonts' cmap tables.
var coverage = sync.OnceValues(func() (*runeSet, error) {
	var all *runeSet
	for _, f := range faces {
		s, err := cmapRunes(f.ttf)
		if err != nil {
			return nil, err
		}
		if all == nil {
			all = s
		} else {
			all.intersect(s)
		}
	}
	return all, nil
})

// addFonts registers the four faces with a document. fpdf parses a font for
// each document it is added to and offers no way to share a parsed font, so
// this is the one per-document cost; the bytes themselves are embedded once.
func addFonts(f *fpdf.Fpdf) {
	for _, face := range faces {
		f.AddUTF8FontFromBytes(family, face.style, face.ttf)
	}
}

// runeSet is a bitmap of the Basic Multilingual Plane.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune)      { s[r>>6] |= 1 << (r & 63) }
func (s *runeSet) has(r rune) bool { return r >= 0 && r < 0x10000 && s[r>>6]&(1<<(r&63)) != 0 }
func (s *runeSet) intersect(t *runeSet) {
	for i := range s {
		s[i] &= t[i]
	}
}

var errFont = errors.New("font has no usable Unicode cmap")

// cmapRunes reads the characters a TrueType font maps to a glyph, from its
// format 4 (BMP) Unicode cmap subtable.
func cmapRunes(ttf []byte) (*runeSet, error) {
	u16 := func(off int) (int, bool) {
		if off < 0 || off+2 > len(ttf) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(ttf[off:])), true
	}
	u32 := func(off int) (int, bool) {
		if off < 0 || off+4 > len(ttf) {
			return 0, false
		}
		return int(binary.BigEndian.Uint32(ttf[off:])), true
	}
	n, ok := u16(4)
	if !ok {
		return nil, errFont
	}
	cmap := -1
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(ttf) {
			return nil, errFont
		}
		if string(ttf[rec:rec+4]) == "cmap" {
			cmap, _ = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return nil, errFont
	}
	nsub, _ := u16(cmap + 2)
	sub := -1
	for i := range nsub {
		rec := cmap + 4 + 8*i
		platform, ok1 := u16(rec)
		encoding, ok2 := u16(rec + 2)
		off, ok3 := u32(rec + 4)
		if !ok1 || !ok2 || !ok3 {
			return nil, errFont
		}
		if format, _ := u16(cmap + off); format == 4 && (platform == 0 || platform == 3 && encoding == 1) {
			sub = cmap + off
			break
		}
	}
	if sub < 0 {
		return nil, errFont
	}
	segX2, ok := u16(sub + 6)
	if !ok {
		return nil, errFont
	}
	ends, starts := sub+14, sub+16+segX2
	deltas, ranges := starts+segX2, starts+2*segX2
	set := new(runeSet)
	for seg := 0; seg < segX2; seg += 2 {
		end, ok1 := u16(ends + seg)
		start, ok2 := u16(starts + seg)
		delta, ok3 := u16(deltas + seg)
		ro, ok4 := u16(ranges + seg)
		if !ok1 || !ok2 || !ok3 || !ok4 {
			return nil, errFont
		}
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if v, ok := u16(ranges + seg + ro + 2*(c-start)); ok && v != 0 {
				g = (v + delta) & 0xFFFF
			}
			if g != 0 {
				set.add(rune(c))
			}
		}
	}
	return set, nil
}

// replacement stands in for a character the font cannot show.
const replacement = '?'

// clean makes s safe to measure and draw: NFC, tabs and other white space
// as plain spaces, control and format characters dropped, and every
// character the font lacks (emoji, anything beyond U+FFFF) replaced, so
// that fpdf never sees a rune it would misplace or crash on. Line breaks are
// kept when lines is true, else they become spaces. Runs of spaces collapse.
func clean(s string, lines bool) string {
	if isSimple(s) {
		return s
	}
	set, _ := coverage()
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending
	for _, r := range s {
		switch {
		case r == '\n' && lines:
			b.WriteByte('\n')
			space = false
			continue
		case r == '\r':
			continue
		case r == '\u00a0':
			// keep: a no-break space is not a break point
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			continue
		case r == utf8.RuneError || set == nil || !set.has(r):
			r = replacement
		}
		if space {
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte(' ')
			}
			space = false
		}
		b.WriteRune(r)
	}
	out := b.String()
	if lines {
		parts := strings.Split(out, "\n")
		kept := parts[:0]
		for _, p := range parts {
			if p = strings.TrimSpace(p); p != "" {
				kept = append(kept, p)
			}
		}
		out = strings.Join(kept, "\n")
	}
	return out
}

// isSimple reports whether s is printable ASCII with single inner spaces,
// the common case that needs no work.
func isSimple(s string) bool {
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c > 0x7e || c == ' ' && prev == ' ' {
			return false
		}
		prev = c
	}
	return prev != ' ' || s == ""
}
