package report

import (
	"strings"
	"sync"
)

// compactTexts moves every text a submission keeps (its own, its rows'
// and its findings') into one string of exactly their size, each distinct
// text once.
//
// The reader hands out texts that are slices of a whole file's
// shared-string table or of a row's buffer: keeping any of them would keep
// the whole table, whatever else it holds (instructions, headers, rows
// later rejected), for as long as the submission lives, that is until the
// outputs are written. Copied, a file costs the texts it keeps and
// nothing more, and the texts that repeat down a sheet (agencies, outputs,
// officers, stages, deadline periods) are stored once per file instead of
// once per row.
func compactTexts(s *Submission) {
	n := 5 + len(rowTexts{})*(len(s.Rows)+len(s.Proposed)) + 5*len(s.Findings)
	recent := recentPool.Get().(*[]recentText)
	if size := recentSize(n); cap(*recent) < size {
		*recent = make([]recentText, size)
	} else {
		*recent = (*recent)[:size]
	}
	a := textArena{offs: make([]int32, 0, n), recent: *recent}
	walkTexts(s, a.place)
	clear(*recent) // the pool must not keep the file's strings alive
	recentPool.Put(recent)
	// The texts are written in the order they were laid out, into a
	// buffer of their exact size: every slice of it taken on the way
	// shares the one allocation.
	var b strings.Builder
	b.Grow(a.size)
	i := 0
	walkTexts(s, func(p *string, _ int) {
		off := int(a.offs[i])
		i++
		if off == b.Len() {
			b.WriteString(*p)
		}
		*p = b.String()[off : off+len(*p)]
	})
}

// recentSize is the size of the cache of recent texts for n texts: a
// power of two, about twice the number of distinct texts of a large
// file's repeating columns (a 1000-row file of the 1000x1000 inbox lays
// out 244 KB with 1024 places, 229 KB with 8192, 224 KB distinct), and
// small for a small file. The caches are pooled: zeroing one costs
// less than allocating it for every file.
func recentSize(n int) int {
	size := 64
	for size < n/2 && size < 8192 {
		size *= 2
	}
	return size
}

var recentPool = sync.Pool{New: func() any { return new([]recentText) }}

// noColumn is the column of a text that is not a row's.
const noColumn = -1

// walkTexts calls fn for every non-empty text of s, always in the same
// order, with the column of a row's text (an index into rowTexts).
func walkTexts(s *Submission, fn func(p *string, col int)) {
	for _, p := range [...]*string{&s.Sheet, &s.Sector, &s.SectorText, &s.Preparer, &s.Contact} {
		if *p != "" {
			fn(p, noColumn)
		}
	}
	for _, rows := range [...][]Row{s.Rows, s.Proposed} {
		for i := range rows {
			for col, p := range rowTextsOf(&rows[i]) {
				if *p != "" {
					fn(p, col)
				}
			}
		}
	}
	for i := range s.Findings {
		f := &s.Findings[i]
		for _, p := range [...]*string{&f.Sheet, &f.Cell, &f.Value, &f.Want, &f.Other} {
			if *p != "" {
				fn(p, noColumn)
			}
		}
	}
}

// rowTexts points at the texts of a row. The ones from repeatCol on
// repeat from row to row (agencies, outputs, officers, stages); the ones
// before (the id and the title) are not worth looking up.
type rowTexts [13]*string

const repeatCol = 2

func rowTextsOf(r *Row) rowTexts {
	return rowTexts{&r.ID, &r.Title,
		&r.Output, &r.SubmitTo, &r.Lead, &r.Coordinating, &r.DeadlineText, &r.Officer, &r.StageText,
		&r.IssuedDoc, &r.Difficulties, &r.Proposals, &r.Notes}
}

// textArena lays out the distinct texts of a submission, one after the
// other.
type textArena struct {
	size int
	offs []int32 // the offset of every text placed, in order
	// recent is a cache of the texts laid out, by hash, each new text
	// taking the place of the one before with the same hash: a map
	// would find every repeat, but would store each text to find it
	// again, and a file's texts are mostly never seen twice (titles,
	// notes, officers); the texts that repeat (agencies, outputs,
	// stages, periods) are few enough to stay in it.
	recent []recentText
	seen   map[string]int32 // every text laid out since exactAfter
}

type recentText struct {
	text string
	off  int32
}

// exactAfter is how many bytes are laid out before every text is looked
// up exactly: the cache of recent texts keeps a file that repeats a few
// long texts down 100.000 rows (or texts made to share a hash) from
// copying them on every row, far more than the file's own table.
// A variable only so that tests can lower it.
var exactAfter = 16 << 20

// place gives *p its offset in the arena.
func (a *textArena) place(p *string, col int) {
	t := *p
	var off int32
	switch {
	case a.seen != nil:
		o, seen := a.seen[t]
		if !seen {
			o = a.add(t)
			a.seen[t] = o
		}
		off = o
	case col != noColumn && col < repeatCol:
		off = a.add(t)
	default:
		r := &a.recent[textHash(t)&uint64(len(a.recent)-1)]
		if r.text != t {
			r.text, r.off = t, a.add(t)
		}
		off = r.off
	}
	a.offs = append(a.offs, off)
	if a.seen == nil && a.size > exactAfter {
		a.seen = map[string]int32{}
	}
}

func (a *textArena) add(t string) int32 {
	off := int32(a.size)
	a.size += len(t)
	return off
}

// textHash hashes a text's length and its first and last 16 bytes: texts
// that differ only further in share a place in the cache, which costs a
// repeat laid out twice, never a wrong text. Hashing every byte of every
// text would cost more than the repeats it finds; a seeded hash would
// lay out a file differently from run to run.
func textHash(t string) uint64 {
	const m = 0x9e3779b97f4a7c15
	n := len(t)
	h := uint64(n) * m
	switch {
	case n >= 16:
		h = (h ^ load64(t, 0)) * m
		h = (h ^ load64(t, 8)) * m
		h = (h ^ load64(t, n-16)) * m
		h = (h ^ load64(t, n-8)) * m
	case n >= 8:
		h = (h ^ load64(t, 0)) * m
		h = (h ^ load64(t, n-8)) * m
	default:
		for i := range n {
			h = (h ^ uint64(t[i])) * m
		}
	}
	return h ^ h>>32
}

// load64 reads 8 bytes of s from i, little-endian.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
