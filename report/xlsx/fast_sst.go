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
	// lines[i][k] is how many lines strs[i] takes in the k-th column of
	// wTaskShared.
	lineCounts [][len(wTaskShared)]int32
}

func newWSST(r *report.Result, lang report.Lang) *wsst {
	s := &wsst{index: map[string]int32{}}
	cols := taskColumns(lang)
	var last wsstRun
	for i := range r.Entries {
		e := &r.Entries[i]
		for k, col := range wTaskShared {
			if text := wTaskText(r, lang, e, col); text != "" && text != last.text[k] {
				s.add(text, cols)
				last.text[k] = text
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
	var n [len(wTaskShared)]int32
	for k, col := range wTaskShared {
		n[k] = int32(wLines(text, cols[col-1].width))
	}
	s.lineCounts = append(s.lineCounts, n)
}

// lookup returns the index of text; a nil table has none.
func (s *wsst) lookup(text string) (int32, bool) {
	if s == nil || len(text) > s.maxLen {
		return 0, false
	}
	i, ok := s.index[text]
	return i, ok
}

// wsstRun remembers the last text of each shared column and its index:
// rows come in runs of one sector, agency, source file, status, and
// comparing with the last one costs less than looking it up.
type wsstRun struct {
	text [len(wTaskShared)]string
	i    [len(wTaskShared)]int32
}

// lookupIn is lookup for the k-th shared column, through run.
func (s *wsst) lookupIn(run *wsstRun, k int, text string) (int32, bool) {
	if text == run.text[k] && text != "" {
		return run.i[k], true
	}
	i, ok := s.lookup(text)
	if ok {
		run.text[k], run.i[k] = text, i
	}
	return i, ok
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
