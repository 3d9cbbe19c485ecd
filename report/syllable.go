package report

import (
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// validSyllable reports whether w is one well-formed Vietnamese syllable:
// an initial consonant, a vowel group, a final consonant, and at most one
// tone mark, on the vowel that carries it (old and new style both pass:
// "hoà" and "hòa"), and only sắc or nặng before c, ch, p, t. It does not
// check the c/k and g/gh spelling rules: it only has to tell decoded
// Vietnamese from Latin-1 read the wrong way ("teá" is "tế" in VNI, and
// "teỏ", with the tone on the wrong vowel, in TCVN3).
func validSyllable(w string) bool {
	var (
		tone    rune
		toneAt  = -1 // index in base of the letter carrying the tone
		base    []rune
		hasBase bool
	)
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		switch r {
		case markGrave, markAcute, markTilde, markHook, markDot:
			if tone != 0 || !hasBase || !isVowel(base[len(base)-1]) {
				return false
			}
			tone, toneAt = r, len(base)-1
		case markCirc, markBreve, markHorn:
			if !hasBase {
				return false
			}
			c := []rune(norm.NFC.String(string(base[len(base)-1]) + string(r)))
			if len(c) != 1 {
				return false
			}
			base[len(base)-1] = c[0]
		default:
			base = append(base, r)
			hasBase = true
		}
	}
	for _, r := range base {
		if !strings.ContainsRune("aăâbcdđeêghiklmnoôơpqrstuưvxy", r) {
			return false
		}
	}
	s := string(base)
	for _, on := range onsets {
		if !strings.HasPrefix(s, on) {
			continue
		}
		rest, at := []rune(s[len(on):]), toneAt-len([]rune(on))
		if on == "gi" && (len(rest) == 0 || !isVowel(rest[0])) {
			rest, at = append([]rune{'i'}, rest...), at+1 // gì, gìn
		}
		if tone != 0 && at < 0 {
			continue
		}
		if validRhyme(rest, tone, at) {
			return true
		}
	}
	return false
}

func isVowel(r rune) bool { return strings.ContainsRune("aăâeêioôơuưy", r) }

// onsets are the initial consonants, longest first; "" is a syllable that
// starts with its vowel.
var onsets = []string{
	"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
}

// Vowel groups that end a syllable, and the final consonants each vowel
// group takes ("k" only in names such as Đắk Lắk).
var (
	openVowels = set("a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua uê ui uơ uy ưa ưi ưu " +
		"iêu yêu oai oao oay oeo uây uôi uya uyu ươi ươu")
	closedVowels = map[string][]string{}
	finals       = []string{"ch", "ng", "nh", "c", "k", "m", "n", "p", "t"}
)

func init() {
	for v, f := range map[string]string{
		"a": "c ch k m n ng nh p t", "ă": "c k m n ng p t", "â": "c k m n ng p t",
		"e": "c m n ng p t", "ê": "ch m n nh p t", "i": "ch m n nh p t",
		"o": "c m n ng p t", "ô": "c m n ng p t", "ơ": "m n p t",
		"u": "c m n ng p t", "ư": "c m n ng t",
		"iê": "c m n ng p t", "yê": "c m n ng p t", "uyê": "n t", "uô": "c m n ng t", "ươ": "c m n ng p t",
		"oa": "c ch m n ng nh p t", "oă": "c m n ng t", "oe": "n t", "uâ": "n ng t", "uê": "ch n nh",
		"uy": "ch n nh p t", "oo": "c ng",
	} {
		closedVowels[v] = strings.Fields(f)
	}
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// validRhyme checks the vowel group and final consonant of rest, and that
// the tone (if any) sits at index at of the vowel group where Vietnamese
// puts it.
func validRhyme(rest []rune, tone rune, at int) bool {
	s := string(rest)
	if openVowels[s] {
		return tone == 0 || toneFits(rest, false, at)
	}
	for _, f := range finals {
		v, ok := strings.CutSuffix(s, f)
		if !ok || !slices.Contains(closedVowels[v], f) {
			continue
		}
		stop := f == "c" || f == "ch" || f == "k" || f == "p" || f == "t"
		if stop && tone != markAcute && tone != markDot {
			return false
		}
		return tone == 0 || toneFits([]rune(v), true, at)
	}
	return false
}

// toneFits reports whether the tone may sit on vowels[at]: on the last
// vowel with a quality mark (ư ơ â ê ô ă), else on the only vowel, on the
// second of two before a final consonant, on the first of two at the end
// (either for oa, oe, uy), on the middle one of three.
func toneFits(vowels []rune, closed bool, at int) bool {
	if at < 0 || at >= len(vowels) {
		return false
	}
	for i := len(vowels) - 1; i >= 0; i-- {
		if strings.ContainsRune("ăâêôơư", vowels[i]) {
			return at == i
		}
	}
	switch len(vowels) {
	case 1:
		return true
	case 2:
		s := string(vowels)
		switch {
		case closed:
			return at == 1 || s == "oo"
		case s == "oa" || s == "oe" || s == "uy":
			return true
		default:
			return at == 0
		}
	default:
		return at == 1
	}
}
