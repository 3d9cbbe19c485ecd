package report

import (
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// validSyllable reports whether w is one well-formed Vietnamese syllable:
// an initial consonant, a vowel group, a final consonant, and at most one
// tone (only sắc or nặng before c, ch, p, t). It is deliberately a little
// permissive (it does not check the spelling rules of c/k, g/gh), since it
// only has to tell decoded Vietnamese from Latin-1 garbage.
func validSyllable(w string) bool {
	var tone rune
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(w)) {
		switch r {
		case markGrave, markAcute, markTilde, markHook, markDot:
			if tone != 0 {
				return false
			}
			tone = r
		default:
			b.WriteRune(r)
		}
	}
	s := norm.NFC.String(b.String())
	for _, r := range s {
		if !strings.ContainsRune("aăâbcdđeêghiklmnoôơpqrstuưvxy", r) {
			return false
		}
	}
	for _, on := range onsets {
		if !strings.HasPrefix(s, on) {
			continue
		}
		rest := s[len(on):]
		if on == "gi" && (rest == "" || rest == "n" || rest == "m" || rest == "ng" || rest == "c" || rest == "p" || rest == "t" || rest == "ch" || rest == "nh") {
			rest = "i" + rest // gì, gìn, gìm
		}
		if validRhyme(rest, tone) {
			return true
		}
	}
	return false
}

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
	closedVowels = map[string]string{
		"a": "c ch k m n ng nh p t", "ă": "c k m n ng p t", "â": "c k m n ng p t",
		"e": "c m n ng p t", "ê": "ch m n nh p t", "i": "ch m n nh p t",
		"o": "c m n ng p t", "ô": "c m n ng p t", "ơ": "m n p t",
		"u": "c m n ng p t", "ư": "c m n ng t",
		"iê": "c m n ng p t", "yê": "c m n ng p t", "uyê": "n t", "uô": "c m n ng t", "ươ": "c m n ng p t",
		"oa": "c ch m n ng nh p t", "oă": "c m n ng t", "oe": "n t", "uâ": "n ng t", "uê": "ch n nh",
		"uy": "ch n nh p t", "oo": "c ng",
	}
	finals = []string{"ch", "ng", "nh", "c", "k", "m", "n", "p", "t"}
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func validRhyme(rest string, tone rune) bool {
	if openVowels[rest] {
		return true
	}
	for _, f := range finals {
		v, ok := strings.CutSuffix(rest, f)
		if !ok || !slices.Contains(strings.Fields(closedVowels[v]), f) {
			continue
		}
		stop := f == "c" || f == "ch" || f == "k" || f == "p" || f == "t"
		return !stop || tone == markAcute || tone == markDot
	}
	return false
}
