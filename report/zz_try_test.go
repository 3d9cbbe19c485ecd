package report
import "testing"
func TestZZTry(t *testing.T) {
	for _, s := range []string{"Ñang ñeà nghò", "Y teá"} {
		w := legacyWords(s)
		t.Logf("%v %+v %+v", w, scoreWords(w, decodeTCVN3Word), scoreWords(w, decodeVNIWord))
		for _, x := range w { t.Logf("%q -> %q", x.text, decodeVNIWord(x.text)) }
	}
}
