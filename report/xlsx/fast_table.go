package xlsx

import "errors"

// A list sheet is a sequence of parts (wparts): rows written in turn while
// the workbook is set up (wrows: titles, section heads, table headers) and
// tables, whose rows are made in pieces by the pool's workers while the
// sheet is written, as the task table's are. So the lists cost no memory
// that grows with them, and no longer wait on one core.

// wparts is a sheet made of parts written one after the other.
type wparts struct {
	parts  []wbody
	merges []byte
	nMerge int
}

func (s *wparts) dims() (cols, rows int) {
	for _, p := range s.parts {
		c, r := p.dims()
		cols, rows = max(cols, c), max(rows, r)
	}
	return cols, rows
}

func (s *wparts) end() {
	for _, p := range s.parts {
		p.end()
	}
}

func (s *wparts) write(p *wpool, d *wdeflated) error {
	for _, part := range s.parts {
		if err := part.write(p, d); err != nil {
			return err
		}
		m, n := part.mergeCells()
		s.merges = append(s.merges, m...)
		s.nMerge += n
	}
	return nil
}

func (s *wparts) mergeCells() ([]byte, int) { return s.merges, s.nMerge }

// wTablePiece is the number of a table's items made as one piece.
const wTablePiece = 256

// wtable is n items of a list, item i written by item on a copy of the
// list (its own row writer) that starts where the piece does. An item
// writes one data row, after a group heading where heads says so.
type wtable struct {
	l      wlist // the list as it was where the table starts
	n      int
	item   func(l *wlist, i int)
	starts []int // the row before each piece's first item
	cols   int
	last   int // the table's last row
	merges []byte
	nMerge int
}

func (t *wtable) dims() (int, int) {
	if t.n == 0 {
		return 0, 0
	}
	return t.cols, t.last
}

func (t *wtable) end() {}

func (t *wtable) mergeCells() ([]byte, int) { return t.merges, t.nMerge }

func (t *wtable) write(p *wpool, d *wdeflated) error {
	return p.stream(len(t.starts), t.piece, func(c *wchunk) error {
		if c.err != nil {
			return c.err
		}
		t.merges = append(t.merges, c.merges...)
		t.nMerge += c.nMerge
		return d.chunk(c)
	})
}

// piece makes the rows of the k-th piece, in a worker.
func (t *wtable) piece(c *wchunk, k int, w *wscratch, dst []byte) []byte {
	l := t.l
	l.row = t.starts[k]
	l.out = &wrows{sst: l.b.sst, buf: dst, seen: w.seen, scrap: w.cells}
	l.plain = make([][3]int, len(l.cols))
	for i := k * wTablePiece; i < min((k+1)*wTablePiece, t.n); i++ {
		t.item(&l, i)
	}
	l.out.endRow()
	c.merges, c.nMerge, c.err = l.out.merges, l.out.nMerge, l.out.err
	w.seen, w.cells = l.out.seen, l.out.scrap
	return l.out.buf
}

// table adds n rows to the list, the i-th written by item (with add). The
// rows are made later, in the workers: item must only read what does not
// change until the workbook is written, and write through its argument.
func (l *wlist) table(n int, item func(l *wlist, i int)) {
	l.groupedTable(n, nil, item)
}

// groupedTable is table where some items start with a group heading
// (heads(i) says which): item writes the heading, then the row.
func (l *wlist) groupedTable(n int, heads func(i int) bool, item func(l *wlist, i int)) {
	l.prepareStyles()
	l.out.endRow()
	t := &wtable{l: *l, n: n, item: item, cols: l.span}
	row := l.row
	for i := range n {
		if i%wTablePiece == 0 {
			t.starts = append(t.starts, row)
		}
		if heads != nil && heads(i) {
			row++
		}
		row++
	}
	t.last, l.row = row, row
	l.sheetParts.parts = append(l.sheetParts.parts, t)
	l.out = newWRows(l.b.fastPool(), l.b.sst) // the rows after the table
	l.sheetParts.parts = append(l.sheetParts.parts, l.out)
}

// wListFills are the backgrounds a list's data cell may have: none, or a
// status colour (wfilled values use those alone).
var wListFills = func() []string {
	fills := []string{""}
	for _, k := range wStatusKeys {
		fills = append(fills, wStatusColors[k.status][0])
	}
	return fills
}()

// prepareStyles creates every style a table's rows may use, before the
// workers write them: excelize writes the styles before the sheets, and
// ids must not depend on the order in which workers would ask for them.
func (l *wlist) prepareStyles() {
	for col := 1; col <= len(l.cols); col++ {
		for kind := range 3 {
			for _, fill := range wListFills {
				l.styleOf(col, kind, fill)
			}
		}
	}
	l.b.style(wGroupStyle)
	l.b.style(wstyle{border: true})
}

// errLateStyle says a worker needed a style that was not made beforehand
// (see prepareStyles).
var errLateStyle = errors.New("a style was needed after the styles were written")
