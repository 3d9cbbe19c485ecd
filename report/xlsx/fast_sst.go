package xlsx

import (
	"strconv"

	"github.com/tonghop/tonghop/report"
)

// wsst is the consolidated workbook's shared-string table. It holds the
// texts that repeat from row to row and are few however many tasks there
// are (sectors, agencies, outputs, stages, statuses, officers, source
// files, the hidden sheet's keys): each is written and escaped once, its
// lines counted once per column width of the task table, and each cell
// holding it is a short reference. Every other text is an inline string,
// so that the table does not grow with the number of tasks. It is built
// once, in table order, before any row is written, and only read after:
// the workers share it.
type wsst struct {
	index  map[string]int32
	strs   []string
	maxLen int // of the texts: a longer one (a title) is not looked up
	// seen has the bit of wsstSign(text) set for every text: most texts
	// that are not in the table (ids, titles) are told so without a map
	// lookup.
	seen [1 << 16 / 64]uint64
	// lineCounts[i][k] is how many lines strs[i] takes in the k-th column of
	// wTaskShared.
	lineCounts [][len(wTaskShared)]int32
}

func newWSST(r *report.Result, lang report.Lang) *wsst {
	s := &wsst{index: map[string]int32{}}
	cols := taskColumns(lang)
	var seen wsstCache // texts found already need no lookup
	for i := range r.Entries {
		e := &r.Entries[i]
		for _, col := range wTaskShared {
			if text := wTaskText(r, lang, e, col); text != "" {
				if _, ok := seen.lookup(s, col, text); !ok {
					s.add(text, cols)
				}
			}
		}
	}
	s.add("task", cols)
	for _, k := range wStatusKeys {
		s.add(k.key, cols)
	}
	return s
}

func (s *wsst) add(text string, cols []wcolumn) {
	if _, ok := s.index[text]; ok {
		return
	}
	s.index[text] = int32(len(s.strs))
	s.strs = append(s.strs, text)
	s.maxLen = max(s.maxLen, len(text))
	h := wsstSign(text)
	s.seen[h/64] |= 1 << (h % 64)
	var n [len(wTaskShared)]int32
	for k, col := range wTaskShared {
		n[k] = int32(wLines(text, cols[col-1].width))
	}
	s.lineCounts = append(s.lineCounts, n)
}

// lookup returns the index of text; a nil table has none.
func (s *wsst) lookup(text string) (int32, bool) {
	if s == nil || len(text) > s.maxLen || text == "" {
		return 0, false
	}
	if h := wsstSign(text); s.seen[h/64]&(1<<(h%64)) == 0 {
		return 0, false
	}
	i, ok := s.index[text]
	return i, ok
}

// wsstCache remembers, per column, the texts last looked up in the table
// and what the lookup gave: a column holds few texts (the outputs, the
// statuses) or runs of one (a sector's rows), and comparing with a
// remembered text costs a fraction of a map lookup.
type wsstCache struct {
	cols [][16]wsstCached
}

type wsstCached struct {
	text string
	i    int32
	ok   bool
	set  bool
}

// lookup is s.lookup(text) for a text of column col, through c.
func (c *wsstCache) lookup(s *wsst, col int, text string) (int32, bool) {
	if s == nil || text == "" || len(text) > s.maxLen {
		return 0, false
	}
	for len(c.cols) < col {
		c.cols = append(c.cols, [16]wsstCached{})
	}
	h := (uint(len(text)) ^ uint(text[0])<<1 ^ uint(text[len(text)-1])<<2) & 15
	e := &c.cols[col-1][h]
	if !e.set || e.text != text {
		e.i, e.ok = s.lookup(text)
		e.text, e.set = text, true
	}
	return e.i, e.ok
}

// wsstSign is a 16-bit signature of a non-empty text from its length and
// a few of its bytes: cheap, and different for most texts that differ.
func wsstSign(text string) uint {
	n := len(text)
	return (uint(n)*131 + uint(text[0])*31 + uint(text[n-1])*7 + uint(text[n/2])) & 0xFFFF
}

// lines is how many lines strs[i] takes in the k-th column of wTaskShared.
func (s *wsst) lines(i int32, k int) int { return int(s.lineCounts[i][k]) }

// part is the XML of xl/sharedStrings.xml.
func (s *wsst) part() []byte {
	b := []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="`)
	b = strconv.AppendInt(b, int64(len(s.strs)), 10)
	b = append(b, `" uniqueCount="`...)
	b = strconv.AppendInt(b, int64(len(s.strs)), 10)
	b = append(b, `">`...)
	for _, text := range s.strs {
		text = wCellText(text)
		if wPreserve(text) {
			b = append(b, `<si><t xml:space="preserve">`...)
		} else {
			b = append(b, `<si><t>`...)
		}
		b = append(appendText(b, text), `</t></si>`...)
	}
	return append(b, `</sst>`...)
}
