package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Legacy encodings DecodeLegacy recognises.
const (
	EncTCVN3 = "TCVN3"
	EncVNI   = "VNI"
)

// DecodeLegacy detects text typed in the legacy TCVN3 (ABC, ".VnTime") or
// VNI-Windows encodings and converts it to Unicode NFC. font is the cell's
// font name: TCVN3 capitals share the lower-case codes and ".Vn…H" fonts
// show them as capitals. It returns the text unchanged and enc "" when the
// text is not legacy-encoded or when it cannot tell; enc is "TCVN3" or
// "VNI" otherwise.
//
// In an .xlsx such text appears as Latin-1 characters ("Hoµn thµnh",
// "Hoaøn thaønh"). Detection scores both readings: the share of words that
// become valid Vietnamese syllables, against how many words are already
// valid Unicode Vietnamese. A ".Vn…" or "VNI-…" font tips the balance, but
// text with Vietnamese letters outside Latin-1 is Unicode whatever its font.
func DecodeLegacy(text, font string) (out string, enc string) {
	return decodeLegacy(text, font, true)
}

// decodeLegacy is DecodeLegacy; quick tells whether to settle Unicode
// words quickly (validUnicodeWords), which the tests turn off to check
// that it changes nothing.
func decodeLegacy(text, font string, quick bool) (out string, enc string) {
	hint := fontHint(font)
	if !mayBeLegacy(text, hint) {
		return text, ""
	}
	words := legacyWords(text)
	if quick && hint == "" && validUnicodeWords(words) {
		return text, "" // never confident: see validUnicodeWords
	}
	tcvn := scoreWords(words, decodeTCVN3Word)
	vni := scoreWords(words, decodeVNIWord)

	switch {
	case hint == EncTCVN3 && tcvn.likely():
		enc = EncTCVN3
	case hint == EncVNI && vni.likely():
		enc = EncVNI
	case tcvn.confident() && tcvn.valid > vni.valid:
		enc = EncTCVN3
	case vni.confident() && vni.valid > tcvn.valid:
		enc = EncVNI
	default:
		return text, ""
	}
	decode := decodeTCVN3Word
	if enc == EncVNI {
		decode = decodeVNIWord
	}
	var b strings.Builder
	for _, w := range words {
		if w.word {
			b.WriteString(decode(w.text))
		} else {
			b.WriteString(w.text)
		}
	}
	out = b.String()
	if enc == EncTCVN3 && isUpperFont(font) {
		out = strings.ToUpper(out)
	}
	out = norm.NFC.String(out)
	if out == text {
		return text, ""
	}
	return out, enc
}

// fontHint tells the encoding a font name implies: ".VnTime", ".VnArialH"
// are TCVN3 (ABC) fonts, "VNI-Times", "VNI-Helve" VNI fonts.
func fontHint(font string) string {
	f := strings.TrimSpace(font)
	if isASCII(f) {
		// Without lower-casing a copy: every cell asks.
		switch {
		case asciiPrefixFold(f, ".vn"):
			return EncTCVN3
		case asciiPrefixFold(f, "vni-") || asciiPrefixFold(f, "vni "):
			return EncVNI
		}
		return ""
	}
	f = strings.ToLower(f)
	switch {
	case strings.HasPrefix(f, ".vn"):
		return EncTCVN3
	case strings.HasPrefix(f, "vni-") || strings.HasPrefix(f, "vni "):
		return EncVNI
	}
	return ""
}

// asciiPrefixFold reports whether ASCII s starts with the lower-case
// prefix, in any case.
func asciiPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// isUpperFont reports whether font is a TCVN3 capitals font (".VnTimeH").
func isUpperFont(font string) bool {
	f := strings.TrimSpace(font)
	return fontHint(f) == EncTCVN3 && (strings.HasSuffix(f, "H") || strings.HasSuffix(f, "h"))
}

// mayBeLegacy rules out text that cannot be legacy: text with letters or
// combining marks beyond Latin-1 (Unicode Vietnamese has ơ, ư, đ, ạ, ế …;
// legacy text as cp1252 only ever adds punctuation there), and pure ASCII
// unless a TCVN3 capitals font upper-cases it.
func mayBeLegacy(text string, hint string) bool {
	ascii := true
	for _, r := range text {
		if r < utf8.RuneSelf {
			continue
		}
		ascii = false
		if r > 0xFF && (unicode.IsLetter(r) || unicode.IsMark(r) || r == utf8.RuneError) {
			return false
		}
	}
	return !ascii || hint == EncTCVN3
}

// span is a run of word characters or of separators.
type span struct {
	text string
	word bool
}

// isLegacyWordRune reports whether r can be part of a legacy-encoded word:
// an ASCII letter or digit, or any Latin-1 character from ¡ to ÿ, since
// TCVN3 puts letters on symbols like µ ¸ ¬ ® and VNI its marks on letters.
func isLegacyWordRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r >= 0xA1 && r <= 0xFF
}

func legacyWords(text string) []span {
	var out []span
	start, inWord := 0, false
	for i, r := range text {
		w := isLegacyWordRune(r)
		if i > 0 && w != inWord {
			out = append(out, span{text[start:i], inWord})
			start = i
		}
		inWord = w
	}
	if start < len(text) {
		out = append(out, span{text[start:], inWord})
	}
	return out
}

// score counts, over the words with a non-ASCII character, how many are
// valid Vietnamese syllables once decoded and how many already were.
type score struct {
	marked int // words with non-ASCII characters that decoding changes, abbreviations aside
	valid  int // of those, valid syllables once decoded
	strong int // valid decoded words of three characters or more, or miscased ones ("tÕ")
	orig   int // of the marked words, valid Unicode Vietnamese as they stand
}

func scoreWords(words []span, decode func(string) string) score {
	var s score
	for _, w := range words {
		if !w.word || isASCII(w.text) || hasDigit(w.text) {
			continue
		}
		d := decode(w.text)
		if d == w.text || !hasVowel(d) {
			continue // tells nothing ("Bích" in VNI), or an abbreviation ("QĐ", "HĐND")
		}
		s.marked++
		cased := wellCased(w.text)
		if cased && validSyllable(w.text) {
			s.orig++
		}
		if validSyllable(d) {
			s.valid++
			if !cased || utf8.RuneCountInString(w.text) >= 3 {
				s.strong++
			}
		}
	}
	return s
}

// validUnicodeWords reports whether every word scoreWords would look at
// (non-ASCII, no digit) is already a well-cased Vietnamese syllable. Then,
// for either encoding, the words it marks are all valid as they stand
// (orig == marked), which confident refuses: Unicode Vietnamese written
// with Latin-1 letters only ("Hoàn thành", "Bùi Xuân Tâm") is settled
// with one syllable check per word instead of two decodings and scorings.
func validUnicodeWords(words []span) bool {
	for _, w := range words {
		if !w.word || isASCII(w.text) || hasDigit(w.text) {
			continue
		}
		if !wellCased(w.text) || !validSyllable(w.text) {
			return false
		}
	}
	return true
}

// confident: most marked words decode to Vietnamese, clearly more than
// read as Unicode Vietnamese already, and not on the strength of one short
// word ("×" is "ì" and "µm" is "àm" in TCVN3).
func (s score) confident() bool {
	return s.marked > 0 && s.valid*4 >= s.marked*3 && s.valid > s.orig && s.orig*2 < s.marked &&
		(s.valid >= 2 || s.strong > 0)
}

// likely is enough when the cell's font says the text is legacy: decoding
// makes it read better, or it has no word to judge by ("Q§", or ASCII in
// a capitals font).
func (s score) likely() bool { return s.valid > s.orig || s.marked == 0 }

// wellCased reports whether w has no Latin-1 capital after a lower-case
// letter, as Unicode words have not; TCVN3 text puts such capitals in
// lower-case words ("tÕ" is "tế").
func wellCased(w string) bool {
	lower := false
	for _, r := range w {
		switch {
		case r >= utf8.RuneSelf && unicode.IsUpper(r) && lower:
			return false
		case unicode.IsLower(r):
			lower = true
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

func hasVowel(s string) bool {
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if strings.ContainsRune("aeiouy", r) {
			return true
		}
	}
	return false
}

// tcvn3 maps the Latin-1 code points of TCVN 5712:1993 VN3 (the ABC
// ".VnTime" fonts) to Unicode: the seven capitals with codes of their own,
// and the lower-case letters. Capitals with tone marks have no VN3 code;
// ".Vn…H" fonts draw the lower-case codes as capitals.
var tcvn3 = map[rune]rune{
	// The seven capitals with distinct codes, then their lower case.
	0xA1: 'Ă', 0xA2: 'Â', 0xA3: 'Ê', 0xA4: 'Ô', 0xA5: 'Ơ', 0xA6: 'Ư', 0xA7: 'Đ',
	0xA8: 'ă', 0xA9: 'â', 0xAA: 'ê', 0xAB: 'ô', 0xAC: 'ơ', 0xAD: 'ư', 0xAE: 'đ',
	// Vowels with huyền, hỏi, ngã, sắc, nặng.
	0xB5: 'à', 0xB6: 'ả', 0xB7: 'ã', 0xB8: 'á', 0xB9: 'ạ',
	0xBB: 'ằ', 0xBC: 'ẳ', 0xBD: 'ẵ', 0xBE: 'ắ', 0xC6: 'ặ',
	0xC7: 'ầ', 0xC8: 'ẩ', 0xC9: 'ẫ', 0xCA: 'ấ', 0xCB: 'ậ',
	0xCC: 'è', 0xCE: 'ẻ', 0xCF: 'ẽ', 0xD0: 'é', 0xD1: 'ẹ',
	0xD2: 'ề', 0xD3: 'ể', 0xD4: 'ễ', 0xD5: 'ế', 0xD6: 'ệ',
	0xD7: 'ì', 0xD8: 'ỉ', 0xDC: 'ĩ', 0xDD: 'í', 0xDE: 'ị',
	0xDF: 'ò', 0xE1: 'ỏ', 0xE2: 'õ', 0xE3: 'ó', 0xE4: 'ọ',
	0xE5: 'ồ', 0xE6: 'ổ', 0xE7: 'ỗ', 0xE8: 'ố', 0xE9: 'ộ',
	0xEA: 'ờ', 0xEB: 'ở', 0xEC: 'ỡ', 0xED: 'ớ', 0xEE: 'ợ',
	0xEF: 'ù', 0xF1: 'ủ', 0xF2: 'ũ', 0xF3: 'ú', 0xF4: 'ụ',
	0xF5: 'ừ', 0xF6: 'ử', 0xF7: 'ữ', 0xF8: 'ứ', 0xF9: 'ự',
	0xFA: 'ỳ', 0xFB: 'ỷ', 0xFC: 'ỹ', 0xFD: 'ý', 0xFE: 'ỵ',
}

// tcvn1Capitals are the capitals with tone marks that the full 8-bit
// TCVN 5712 (VN1) table puts in the Latin-1 slots VN3 leaves empty. VN3
// fonts do not have them, but decoding them costs nothing and helps with
// text from VN1 fonts. (VN1's combining marks at 0xB0–0xB4 and its
// capitals in the control and 0x80–0x9F ranges are not decoded: in cp1252
// those codes are punctuation.)
var tcvn1Capitals = map[rune]rune{
	0xAF: 'Ằ', 0xBA: 'Ẳ', 0xBF: 'Ẵ', 0xC0: 'Ắ', 0xC1: 'Ầ', 0xC2: 'Ẩ', 0xC3: 'Ẫ',
	0xC4: 'Ấ', 0xC5: 'Ề', 0xCD: 'Ể', 0xD9: 'Ễ', 0xDA: 'Ế', 0xDB: 'Ồ', 0xE0: 'Ổ',
	0xF0: 'Ỗ', 0xFF: 'Ố',
}

// decodeTCVN3Word decodes one word. A word typed with Caps Lock ("HOµN")
// has its toned vowels in lower case, as VN3 has no such capitals: it is
// upper-cased whole ("HOÀN").
func decodeTCVN3Word(w string) string {
	var b strings.Builder
	upper, lower := 0, false
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			lower = true
		}
		if u, ok := tcvn3[r]; ok {
			r = u
		} else if u, ok := tcvn1Capitals[r]; ok {
			r = u
		}
		b.WriteRune(r)
	}
	if upper >= 2 && !lower {
		return strings.ToUpper(b.String())
	}
	return b.String()
}

// Combining marks.
const (
	markGrave = '\u0300' // huyền
	markAcute = '\u0301' // sắc
	markCirc  = '\u0302' // â ê ô
	markTilde = '\u0303' // ngã
	markBreve = '\u0306' // ă
	markHook  = '\u0309' // hỏi
	markHorn  = '\u031B' // ơ ư
	markDot   = '\u0323' // nặng
)

// vniMark is what a VNI-Windows mark character does to the letter before it.
type vniMark struct {
	quality rune // markCirc or markBreve, 0 for none
	tone    rune // 0 for none
}

// vniMarks are the VNI-Windows mark characters (lower-case forms follow
// lower-case letters, upper-case forms capitals; both are accepted after
// either). â/Â and ê/Ê add the circumflex and the breve; á à å ã ä a
// circumflex with a tone (ấ ầ ẩ ẫ ậ); é è ú ü ë a breve with a tone (ắ ằ ẳ
// ẵ ặ); ù ø û õ ï a tone alone (sắc, huyền, hỏi, ngã, nặng).
var vniMarks = map[rune]vniMark{
	'â': {markCirc, 0}, 'Â': {markCirc, 0},
	'ê': {markBreve, 0}, 'Ê': {markBreve, 0},
	'á': {markCirc, markAcute}, 'Á': {markCirc, markAcute},
	'à': {markCirc, markGrave}, 'À': {markCirc, markGrave},
	'å': {markCirc, markHook}, 'Å': {markCirc, markHook},
	'ã': {markCirc, markTilde}, 'Ã': {markCirc, markTilde},
	'ä': {markCirc, markDot}, 'Ä': {markCirc, markDot},
	'é': {markBreve, markAcute}, 'É': {markBreve, markAcute},
	'è': {markBreve, markGrave}, 'È': {markBreve, markGrave},
	'ú': {markBreve, markHook}, 'Ú': {markBreve, markHook},
	'ü': {markBreve, markTilde}, 'Ü': {markBreve, markTilde},
	'ë': {markBreve, markDot}, 'Ë': {markBreve, markDot},
	'ù': {0, markAcute}, 'Ù': {0, markAcute},
	'ø': {0, markGrave}, 'Ø': {0, markGrave},
	'û': {0, markHook}, 'Û': {0, markHook},
	'õ': {0, markTilde}, 'Õ': {0, markTilde},
	'ï': {0, markDot}, 'Ï': {0, markDot},
}

// vniLetters are the VNI-Windows characters that stand for a letter on
// their own: ơ ư đ, and i and y with the tones that would clash with the
// dot of the i.
var vniLetters = map[rune]rune{
	'ô': 'ơ', 'Ô': 'Ơ', 'ö': 'ư', 'Ö': 'Ư', 'ñ': 'đ', 'Ñ': 'Đ',
	'ì': 'ì', 'Ì': 'Ì', 'í': 'í', 'Í': 'Í', 'æ': 'ỉ', 'Æ': 'Ỉ',
	'ó': 'ĩ', 'Ó': 'Ĩ', 'ò': 'ị', 'Ò': 'Ị', 'î': 'ỵ', 'Î': 'Ỵ',
}

func decodeVNIWord(w string) string {
	out := make([]rune, 0, len(w))
	for _, r := range w {
		if m, ok := vniMarks[r]; ok && len(out) > 0 {
			if c, ok := applyVNI(out[len(out)-1], m); ok {
				out[len(out)-1] = c
				continue
			}
		}
		if u, ok := vniLetters[r]; ok {
			r = u
		}
		out = append(out, r)
	}
	return string(out)
}

// applyVNI puts the mark m on letter c, if Vietnamese allows it there.
func applyVNI(c rune, m vniMark) (rune, bool) {
	d := []rune(norm.NFD.String(string(c)))
	base := unicode.ToLower(d[0])
	var quality, tone rune
	for _, x := range d[1:] {
		switch x {
		case markCirc, markBreve, markHorn:
			quality = x
		case markGrave, markAcute, markTilde, markHook, markDot:
			tone = x
		default:
			return 0, false
		}
	}
	if tone != 0 || !strings.ContainsRune("aeiouy", base) {
		return 0, false
	}
	if m.quality != 0 {
		if quality != 0 || m.quality == markCirc && !strings.ContainsRune("aeo", base) || m.quality == markBreve && base != 'a' {
			return 0, false
		}
		d = append(d, m.quality)
	}
	if m.tone != 0 {
		d = append(d, m.tone)
	}
	r := []rune(norm.NFC.String(string(d)))
	if len(r) != 1 {
		return 0, false
	}
	return r[0], true
}
