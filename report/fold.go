package report

import (
	"strings"
	"unicode"

	"github.com/tonghop/tonghop/templates"
	"golang.org/x/text/unicode/norm"
)

// fold is the matching form of a text (see templates.Fold).
func fold(s string) string { return templates.Fold(s) }

// simplify lowers s and strips its diacritics but keeps punctuation, for
// parsing dates and periods written in words ("Quý II/2021").
func simplify(s string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == 'đ' || r == 'Đ' || r == 'Ð':
			r = 'd'
		case isSpace(r):
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(unicode.ToLower(r))
		space = false
	}
	return strings.TrimRight(b.String(), " ")
}
