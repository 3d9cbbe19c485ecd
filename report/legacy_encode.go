package report

import (
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// tcvn3Encode is the inverse of tcvn3: Unicode to the code a .VnTime user
// types.
var tcvn3Encode = func() map[rune]rune {
	m := make(map[rune]rune, len(tcvn3))
	for code, u := range tcvn3 {
		m[u] = code
	}
	return m
}()

// EncodeTCVN3 writes Unicode text the way it appears in a workbook typed
// with a TCVN3 (".VnTime") font: each Vietnamese letter on its Latin-1
// code. Capitals that TCVN3 cannot hold keep their lower-case code, as a
// typist using a normal (not ".VnTimeH") font would have to. It exists to
// make test and sample inputs; tonghop itself never writes legacy text.
func EncodeTCVN3(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range norm.NFC.String(s) {
		if r < 0x80 {
			out = append(out, r)
			continue
		}
		if c, ok := tcvn3Encode[r]; ok {
			out = append(out, c)
		} else if c, ok := tcvn3Encode[unicode.ToLower(r)]; ok {
			out = append(out, c)
		} else {
			out = append(out, r)
		}
	}
	return string(out)
}
