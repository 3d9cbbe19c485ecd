package report

import (
	"cmp"
	"slices"
	"time"

	"github.com/tonghop/tonghop/templates"
)

// Options steer a consolidation.
type Options struct {
	Period   Period    // zero: the latest period among the submissions
	AsOf     time.Time // zero: the latest report date among the files used
	Previous *Snapshot // last period's figures, or nil
}

// Consolidate merges a month's submissions into one task table and
// classifies every task (SPEC §5, §7). plan may be nil. The result does not
// depend on the order of subs. Its cost is linear in the number of rows:
// rows are grouped by sector once, since rows of different sectors never
// report the same task.
func Consolidate(plan *Plan, subs []*Submission, opt Options) *Result {
	subs = slices.Clone(subs)
	slices.SortFunc(subs, func(a, b *Submission) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.File, b.File)) })

	r := &Result{Period: opt.Period, HasPlan: plan != nil, Previous: opt.Previous}
	if plan != nil {
		r.Info = plan.Info
		r.Findings = append(r.Findings, plan.Findings...)
	}
	if r.Period.IsZero() {
		for _, s := range subs {
			if !s.Refused && r.Period.Before(s.Period) {
				r.Period = s.Period
			}
		}
	}

	extra := map[*Submission][]Finding{}
	state := map[*Submission]SourceState{}
	var used []*Submission
	for _, s := range subs {
		switch {
		case s.Refused:
			state[s] = SourceRejected
		case s.Period != r.Period:
			state[s] = SourceOtherPeriod
			extra[s] = append(extra[s], Finding{File: s.Name, Code: CodePeriodOther, Severity: Warning,
				Value: s.Period.String(), Want: r.Period.String()})
		default:
			used = append(used, s)
		}
	}

	p := pickRows(plan, used, extra)
	for _, s := range used {
		switch {
		case p.superseded[s]:
			state[s] = SourceSuperseded
		case p.tied[s] && len(p.winners[s]) == 0:
			state[s] = SourceRejected
		default:
			state[s] = SourceUsed
		}
	}

	r.AsOf = opt.AsOf
	if r.AsOf.IsZero() {
		for _, s := range used {
			if state[s] == SourceUsed && s.ReportDate.After(r.AsOf) {
				r.AsOf = s.ReportDate
			}
		}
		if r.AsOf.IsZero() && !r.Period.IsZero() {
			r.AsOf = r.Period.Last()
		}
	}

	buildEntries(r, plan, used, p)
	summarise(r, plan, used, state)
	compare(r)

	for _, s := range subs {
		fs := append(slices.Clone(s.Findings), extra[s]...)
		r.Findings = append(r.Findings, fs...)
		e, w := Count(fs)
		src := Source{File: s.File, Name: s.Name, SHA256: s.SHA256, Sector: s.Sector, Period: s.Period,
			ReportDate: s.ReportDate, Accepted: len(s.Rows), Rejected: s.Rejected, State: state[s], Errors: e, Warnings: w}
		if state[s] == SourceUsed {
			src.Accepted = len(p.winners[s])
			for _, row := range s.Proposed {
				r.Proposed = append(r.Proposed, Proposed{Sector: s.Sector, Row: row, Source: s.Name})
			}
		}
		r.Sources = append(r.Sources, src)
	}
	SortFindings(r.Findings)
	return r
}

// candidate is a row that reports a task, and its file.
type candidate struct {
	s   *Submission
	row *Row // into s.Rows, which is not changed after Interpret
}

// picked is what pickRows decided.
type picked struct {
	winners    map[*Submission][]*Row // rows used, by file, in the order their tasks first appear
	superseded map[*Submission]bool   // every row of the file lost to a later report
	tied       map[*Submission]bool   // some row of the file tied with another
	sectors    []string               // sectors of the files used, in order of first appearance
	files      map[string][]int       // files by sector, as positions in used
	task       []candidate            // with a plan: the row reporting each plan task, if any
	tasks      map[string][]int32     // with a plan: its task positions by sector code, plan order

	// Reused from sector to sector (what pickSector returns is read
	// before the next sector): at a million rows, a map, a slice and a
	// key for every row of every sector made 120 MB of garbage while the
	// table, the largest allocation of the run, was being built.
	index  map[rowKey]int32
	first  []candidate
	folded []byte
	ends   []int
}

// pickRows decides, task by task, which file's row is used: the latest
// report date wins; the same date in two files is an error naming both,
// and neither row is used. With a plan it also finds the row reporting
// each plan task.
func pickRows(plan *Plan, used []*Submission, extra map[*Submission][]Finding) *picked {
	p := &picked{winners: map[*Submission][]*Row{}, superseded: map[*Submission]bool{}, tied: map[*Submission]bool{},
		files: map[string][]int{}}
	for i, s := range used {
		if _, ok := p.files[s.Sector]; !ok {
			p.sectors = append(p.sectors, s.Sector)
		}
		p.files[s.Sector] = append(p.files[s.Sector], i)
	}
	if plan != nil {
		p.task = make([]candidate, len(plan.Tasks))
		p.tasks = map[string][]int32{}
		for i, t := range plan.Tasks {
			p.tasks[t.Sector] = append(p.tasks[t.Sector], int32(i))
		}
	}
	lost := map[*Submission]*Submission{}
	tiedWith := map[[2]*Submission]bool{}
	for _, code := range p.sectors {
		index, won := p.pickSector(used, p.files[code], lost, tiedWith)
		if plan == nil {
			continue
		}
		for _, i := range p.tasks[code] {
			if k, ok := index[rowKey{text: fold(plan.Tasks[i].ID)}]; ok {
				p.task[i] = won[k]
			}
		}
	}
	for _, s := range used {
		if newer, ok := lost[s]; ok && len(p.winners[s]) == 0 {
			p.superseded[s] = true
			extra[s] = append(extra[s], Finding{File: s.Name, Code: CodeFileSuperseded, Severity: Warning,
				Value: DateCell(s.ReportDate), Want: DateCell(newer.ReportDate), Other: newer.Name})
		}
		if !p.tied[s] {
			continue
		}
		for _, i := range p.files[s.Sector] { // a tie is always within a sector
			if o := used[i]; tiedWith[[2]*Submission{s, o}] {
				extra[s] = append(extra[s], Finding{File: s.Name, Code: CodeFileSameDate, Severity: Error,
					Value: DateCell(s.ReportDate), Want: s.Sector, Other: o.Name})
			}
		}
	}
	return p
}

// rowKey identifies a row's task within its sector: its folded id, or its
// folded title when it has none (possible only without a plan).
type rowKey struct {
	text  string
	title bool
}

// foldKeys folds the keys of the rows of files into one string, row after
// row: one allocation for the sector rather than one per row. p.ends[r] is
// where the key of row r ends.
func (p *picked) foldKeys(used []*Submission, files []int) string {
	buf, ends := p.folded[:0], p.ends[:0]
	for _, i := range files {
		for j := range used[i].Rows {
			r := &used[i].Rows[j]
			text := r.ID
			if text == "" {
				text = r.Title
			}
			buf, _ = templates.AppendFold(buf, text, -1)
			ends = append(ends, len(buf))
		}
	}
	p.folded, p.ends = buf, ends
	return string(buf)
}

// pickSector picks the rows of one sector's files (positions in used).
// It returns the sector's tasks by key and, for each, the row used (zero
// when tied). Keys are numbered in order of first appearance, and each
// file's winners are appended in that order.
func (p *picked) pickSector(used []*Submission, files []int, lost map[*Submission]*Submission, tiedWith map[[2]*Submission]bool) (map[rowKey]int32, []candidate) {
	n := 0
	for _, i := range files {
		n += len(used[i].Rows)
	}
	if p.index == nil {
		p.index = make(map[rowKey]int32, n)
	}
	index := p.index
	clear(index)
	first := slices.Grow(p.first[:0], n)
	keys := p.foldKeys(used, files)
	var more map[int32][]candidate // every candidate of the keys reported more than once
	r, from := 0, 0
	for _, i := range files {
		s := used[i]
		for j := range s.Rows {
			c := candidate{s, &s.Rows[j]}
			k := rowKey{text: keys[from:p.ends[r]], title: c.row.ID == ""}
			from = p.ends[r]
			r++
			ki, seen := index[k]
			if !seen {
				index[k] = int32(len(first))
				first = append(first, c)
				continue
			}
			if more == nil {
				more = map[int32][]candidate{}
			}
			cs := more[ki]
			if cs == nil {
				cs = append(cs, first[ki])
			}
			more[ki] = append(cs, c)
		}
	}
	// Winners go straight into slices sized for the whole file.
	wins := make(map[*Submission][]*Row, len(files))
	for _, i := range files {
		if s := used[i]; wins[s] == nil {
			wins[s] = make([]*Row, 0, len(s.Rows))
		}
	}
	p.first = first
	won := first // reused: first[k] becomes the row used for key k
	for ki := range first {
		cs, contested := more[int32(ki)]
		if !contested {
			wins[first[ki].s] = append(wins[first[ki].s], first[ki].row)
			continue
		}
		slices.SortStableFunc(cs, func(a, b candidate) int { return b.s.ReportDate.Compare(a.s.ReportDate) })
		if cs[0].s.ReportDate.Equal(cs[1].s.ReportDate) {
			for _, c := range cs {
				if c.s.ReportDate.Equal(cs[0].s.ReportDate) {
					p.tied[c.s] = true
					for _, o := range cs {
						if o.s != c.s && o.s.ReportDate.Equal(c.s.ReportDate) {
							tiedWith[[2]*Submission{c.s, o.s}] = true
						}
					}
				}
			}
			won[ki] = candidate{}
			continue
		}
		wins[cs[0].s] = append(wins[cs[0].s], cs[0].row)
		won[ki] = cs[0]
		for _, c := range cs[1:] {
			lost[c.s] = cs[0].s
		}
	}
	for s, rows := range wins {
		if len(rows) > 0 {
			p.winners[s] = rows
		}
	}
	return index, won
}

// buildEntries lays out the consolidated table: with a plan, every plan task
// in sector and plan order; without, every row used, by sector.
func buildEntries(r *Result, plan *Plan, used []*Submission, p *picked) {
	if plan != nil {
		n := 0
		for _, sec := range plan.Sectors {
			n += len(p.tasks[sec.Code])
		}
		r.Entries = make([]Entry, 0, n)
		none := &Row{}
		for _, sec := range plan.Sectors {
			for _, i := range p.tasks[sec.Code] {
				addEntry(r, &plan.Tasks[i], p.task[i], none)
			}
		}
		return
	}
	type sector struct{ code, folded string }
	sectors := make([]sector, len(p.sectors))
	n := 0
	for i, code := range p.sectors {
		sectors[i] = sector{code, fold(code)}
		for _, f := range p.files[code] {
			n += len(p.winners[used[f]])
		}
	}
	slices.SortFunc(sectors, func(a, b sector) int { return cmp.Compare(a.folded, b.folded) })
	if n > 0 {
		r.Entries = make([]Entry, 0, n)
	}
	for _, sec := range sectors {
		for _, f := range p.files[sec.code] {
			s := used[f]
			for _, row := range p.winners[s] {
				t := Task{ID: row.ID, Sector: sec.code, Title: row.Title, Output: row.Output, SubmitTo: row.SubmitTo,
					Lead: row.Lead, Coordinating: row.Coordinating, Deadline: row.Deadline, DeadlineText: row.DeadlineText}
				addEntry(r, &t, candidate{s, row}, nil)
			}
		}
	}
}

// addEntry appends the entry of task t, reported by c (zero when not
// reported), in place: an Entry is large. Entries not reported share one
// zero Row.
func addEntry(r *Result, t *Task, c candidate, none *Row) {
	r.Entries = append(r.Entries, Entry{Row: none})
	e := &r.Entries[len(r.Entries)-1]
	e.Task = *t
	if c.row != nil {
		e.Reported, e.Row, e.Source, e.Officer = true, c.row, c.s.Name, c.row.Officer
	}
	e.Standing = Classify(e.Reported, e.Row.Stage, t.Deadline, e.Row.DoneDate, r.AsOf)
}

// summarise counts per sector and in total.
func summarise(r *Result, plan *Plan, used []*Submission, state map[*Submission]SourceState) {
	var sectors []Sector
	if plan != nil {
		sectors = plan.Sectors
	} else {
		seen := map[string]bool{}
		for i := range r.Entries {
			// Entries come grouped by sector: look up only where it changes.
			if code := r.Entries[i].Sector; (i == 0 || code != r.Entries[i-1].Sector) && !seen[code] {
				seen[code] = true
				sectors = append(sectors, Sector{Code: code, Name: code, Order: len(sectors) + 1})
			}
		}
	}
	idx := map[string]int{}
	for i, sec := range sectors {
		idx[sec.Code] = i
		r.Sectors = append(r.Sectors, SectorSummary{Sector: sec})
	}
	i, ok := 0, false
	for j := range r.Entries {
		e := &r.Entries[j]
		if j == 0 || e.Sector != r.Entries[j-1].Sector {
			i, ok = idx[e.Sector]
		}
		if !ok {
			continue
		}
		due := !e.Deadline.IsZero() && !e.Deadline.After(r.AsOf)
		r.Sectors[i].Counts.Add(e.Standing, due)
	}
	for _, s := range used {
		if i, ok := idx[s.Sector]; ok && state[s] == SourceUsed {
			r.Sectors[i].Submitted = true
			r.Sectors[i].Files = append(r.Sectors[i].Files, s.Name)
		}
	}
	r.names = make(map[string]string, len(r.Sectors))
	for _, s := range r.Sectors {
		r.Totals = r.Totals.Plus(s.Counts)
		r.names[s.Code] = s.Name
	}
}

// compare lists what changed since the previous period.
func compare(r *Result) {
	if r.Previous == nil {
		return
	}
	for i := range r.Entries {
		e := &r.Entries[i]
		was, ok := r.Previous.Status[e.ID]
		if !ok {
			continue
		}
		if e.Status.Done() && !was.Done() {
			r.NewlyDone = append(r.NewlyDone, Change{*e, was})
		}
		if e.Status == StatusOverdue && was != StatusOverdue {
			r.NewlyOverdue = append(r.NewlyOverdue, Change{*e, was})
		}
	}
}
