package report

import "strings"

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
	a := textArena{offs: make([]int32, 0, 5+len(rowTexts{})*(len(s.Rows)+len(s.Proposed))+5*len(s.Findings))}
	walkTexts(s, a.place)
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
	// The last texts laid out in each column of a row (the last one for
	// texts that are not a row's), to find repeats without a map: a
	// column's repeated texts are a handful (agencies, stages, officers)
	// and a file's distinct texts are mostly unique (titles, notes),
	// which a map would hash and store only to never find again.
	recent [len(rowTexts{}) + 1]recentTexts
}

type recentTexts struct {
	text [8]string
	off  [8]int32
	next int
}

// place gives *p its offset in the arena.
func (a *textArena) place(p *string, col int) {
	t := *p
	if col != noColumn && col < repeatCol {
		a.offs = append(a.offs, a.add(t))
		return
	}
	r := &a.recent[col+1]
	for k := range r.text {
		if len(r.text[k]) == len(t) && r.text[k] == t {
			a.offs = append(a.offs, r.off[k])
			return
		}
	}
	off := a.add(t)
	r.text[r.next], r.off[r.next] = t, off
	r.next = (r.next + 1) % len(r.text)
	a.offs = append(a.offs, off)
}

func (a *textArena) add(t string) int32 {
	off := int32(a.size)
	a.size += len(t)
	return off
}
