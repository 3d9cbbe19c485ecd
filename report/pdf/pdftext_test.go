package pdf

import (
	"bytes"
	"html"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// pdfText extracts the text of a PDF with pdftotext; layout keeps the
// columns in place (for golden files), without it reading order is kept.
func pdfText(tb testing.TB, path string, layout bool) string {
	tb.Helper()
	needTool(tb, "pdftotext")
	args := []string{"-enc", "UTF-8", path, "-"}
	if layout {
		args = append([]string{"-layout"}, args...)
	}
	out, err := exec.Command("pdftotext", args...).Output()
	if err != nil {
		tb.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// flat collapses all white space, so that phrases wrapped over lines can
// be searched for.
func flat(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
}

// searchable is the text of a PDF to look phrases up in: the reading
// order with white space collapsed (for sentences wrapped over lines),
// then each line of the layout text collapsed (for table rows).
func searchable(tb testing.TB, path string) string {
	tb.Helper()
	var b strings.Builder
	b.WriteString(flat(pdfText(tb, path, false)))
	for _, ln := range strings.Split(pdfText(tb, path, true), "\n") {
		b.WriteString("\n" + flat(ln))
	}
	return b.String()
}

// word is one word of a page with its box, in points from the top left.
type word struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

// page is one page of the PDF as pdftotext -bbox sees it.
type page struct {
	w, h  float64
	words []word
}

var (
	pageRE = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	wordRE = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// pages reads the page sizes and word boxes of a PDF.
func pages(tb testing.TB, path string) []page {
	tb.Helper()
	needTool(tb, "pdftotext")
	out, err := exec.Command("pdftotext", "-bbox", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext -bbox %s: %v", path, err)
	}
	var ps []page
	num := func(s []byte) float64 {
		f, err := strconv.ParseFloat(string(s), 64)
		if err != nil {
			tb.Fatalf("bad number %q in pdftotext output", s)
		}
		return f
	}
	for _, ln := range bytes.Split(out, []byte("\n")) {
		if m := pageRE.FindSubmatch(ln); m != nil {
			ps = append(ps, page{w: num(m[1]), h: num(m[2])})
			continue
		}
		if m := wordRE.FindSubmatch(ln); m != nil && len(ps) > 0 {
			p := &ps[len(ps)-1]
			p.words = append(p.words, word{html.UnescapeString(string(m[5])), num(m[1]), num(m[2]), num(m[3]), num(m[4])})
		}
	}
	if len(ps) == 0 {
		tb.Fatalf("pdftotext found no pages in %s", path)
	}
	return ps
}

const mm = 72 / 25.4 // points per millimetre
