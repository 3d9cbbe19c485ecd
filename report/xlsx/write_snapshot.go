package xlsx

import (
	"github.com/tonghop/tonghop/report"
)

// wSnapPiece is the number of task rows of the snapshot sheet deflated as
// one piece.
const wSnapPiece = 4096

// snapshotSheet adds the hidden sheet ReadSnapshot reads next month (its
// layout is described in snapshot.go). Its rows are made while the
// workbook is written, like the task table's.
func (b *wbook) snapshotSheet(r *report.Result) {
	const sh = wSnapSheet
	b.sheet(sh)
	s := &wsnapRows{r: r, style: b.style(wstyle{}), sst: b.sst}
	b.body(sh, &wstreamed{cols: 2 + len(wSnapFields), rows: s.headRows() + len(r.Entries),
		pieces: 1 + (len(r.Entries)+wSnapPiece-1)/wSnapPiece, piece: s.piece})
	b.do(b.f.SetSheetVisible(sh, false))
}

type wsnapRows struct {
	r     *report.Result
	style int
	sst   *wsst // holds "task" and the status keys
}

// headRows is the number of rows above the tasks: magic, period, as-of
// date, field names, totals and one per sector.
func (s *wsnapRows) headRows() int { return 5 + len(s.r.Sectors) }

// piece makes the head rows (piece 0) or the i-th block of task rows.
func (s *wsnapRows) piece(i int, w *wscratch, dst []byte) []byte {
	if i == 0 {
		return s.head(dst)
	}
	from := (i - 1) * wSnapPiece
	to := min(from+wSnapPiece, len(s.r.Entries))
	for k := from; k < to; k++ {
		e := &s.r.Entries[k]
		row := s.headRows() + k + 1
		dst = appendRowStart(dst, row, 0)
		dst = s.text(dst, 1, row, "task", &w.seen)
		dst = appendTextCell(dst, 2, row, s.style, e.ID)
		dst = s.text(dst, 3, row, wStatusKey(e.Status), &w.seen)
		dst = append(dst, wRowEnd...)
	}
	return dst
}

func (s *wsnapRows) head(dst []byte) []byte {
	r := s.r
	asOf := ""
	if !r.AsOf.IsZero() {
		asOf = r.AsOf.Format("2006-01-02")
	}
	dst = s.put(dst, 1, wSnapMagic, wSnapVersion)
	dst = s.put(dst, 2, "period", r.Period.String())
	dst = s.put(dst, 3, "as_of", asOf)
	head := []any{"kind", "key"}
	for _, f := range wSnapFields {
		head = append(head, f)
	}
	dst = s.put(dst, 4, head...)
	counts := func(row int, kind, key string, c report.Counts) {
		vals := []any{kind, key}
		for _, p := range wCountFields(&c) {
			vals = append(vals, *p)
		}
		dst = s.put(dst, row, vals...)
	}
	counts(5, "totals", "", r.Totals)
	for i, sec := range r.Sectors {
		counts(6+i, "sector", sec.Code, sec.Counts)
	}
	return dst
}

// put writes one row of values (strings and ints), every cell styled as
// the workbook's default.
func (s *wsnapRows) put(dst []byte, row int, vals ...any) []byte {
	dst = appendRowStart(dst, row, 0)
	for i, v := range vals {
		dst = appendValueCell(dst, i+1, row, s.style, v)
	}
	return append(dst, wRowEnd...)
}

// text writes a text cell, shared when the table has it.
func (s *wsnapRows) text(dst []byte, col, row int, text string, seen *wsstCache) []byte {
	if i, ok := seen.lookup(s.sst, col, text); ok {
		return appendSharedCell(dst, col, row, s.style, i)
	}
	return appendTextCell(dst, col, row, s.style, text)
}
