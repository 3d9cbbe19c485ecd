package report

import (
	"cmp"
	"slices"
	"time"
)

// Options steer a consolidation.
type Options struct {
	Period   Period    // zero: the latest period among the submissions
	AsOf     time.Time // zero: the latest report date among the files used
	Previous *Snapshot // last period's figures, or nil
}

// Consolidate merges a month's submissions into one task table and
// classifies every task (SPEC §5, §7). plan may be nil. The result does not
// depend on the order of subs.
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

	winners, superseded, tied := pickRows(used, extra)
	for _, s := range used {
		switch {
		case superseded[s]:
			state[s] = SourceSuperseded
		case tied[s] && len(winners[s]) == 0:
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

	buildEntries(r, plan, used, winners, state)
	summarise(r, plan, used, state)
	compare(r)

	for _, s := range subs {
		fs := append(slices.Clone(s.Findings), extra[s]...)
		r.Findings = append(r.Findings, fs...)
		e, w := Count(fs)
		src := Source{File: s.File, Name: s.Name, SHA256: s.SHA256, Sector: s.Sector, Period: s.Period,
			ReportDate: s.ReportDate, Accepted: len(s.Rows), Rejected: s.Rejected, State: state[s], Errors: e, Warnings: w}
		if state[s] == SourceUsed {
			src.Accepted = len(winners[s])
		}
		if state[s] == SourceUsed || state[s] == SourceSuperseded {
			for _, p := range s.Proposed {
				if state[s] == SourceUsed {
					r.Proposed = append(r.Proposed, Proposed{Sector: s.Sector, Row: p, Source: s.Name})
				}
			}
		}
		r.Sources = append(r.Sources, src)
	}
	SortFindings(r.Findings)
	return r
}

// pickRows decides, task by task, which file's row is used: the latest
// report date wins; the same date in two files is an error naming both,
// and neither row is used.
func pickRows(used []*Submission, extra map[*Submission][]Finding) (winners map[*Submission][]*Row, superseded, tied map[*Submission]bool) {
	winners = map[*Submission][]*Row{}
	superseded = map[*Submission]bool{}
	tied = map[*Submission]bool{}
	type cand struct {
		s   *Submission
		row *Row // into s.Rows, which is not changed after Interpret
	}
	byTask := map[string][]cand{}
	var keys []string
	for _, s := range used {
		for i := range s.Rows {
			row := &s.Rows[i]
			k := s.Sector + "\x00" + taskKey(row)
			if _, ok := byTask[k]; !ok {
				keys = append(keys, k)
			}
			byTask[k] = append(byTask[k], cand{s, row})
		}
	}
	lost := map[*Submission]*Submission{}
	tiedWith := map[[2]*Submission]bool{}
	for _, k := range keys {
		cs := byTask[k]
		slices.SortStableFunc(cs, func(a, b cand) int { return b.s.ReportDate.Compare(a.s.ReportDate) })
		if len(cs) > 1 && cs[0].s.ReportDate.Equal(cs[1].s.ReportDate) {
			for _, c := range cs {
				if c.s.ReportDate.Equal(cs[0].s.ReportDate) {
					tied[c.s] = true
					for _, o := range cs {
						if o.s != c.s && o.s.ReportDate.Equal(c.s.ReportDate) {
							tiedWith[[2]*Submission{c.s, o.s}] = true
						}
					}
				}
			}
			continue
		}
		winners[cs[0].s] = append(winners[cs[0].s], cs[0].row)
		for _, c := range cs[1:] {
			lost[c.s] = cs[0].s
		}
	}
	for _, s := range used {
		if newer, ok := lost[s]; ok && len(winners[s]) == 0 {
			superseded[s] = true
			extra[s] = append(extra[s], Finding{File: s.Name, Code: CodeFileSuperseded, Severity: Warning,
				Value: DateCell(s.ReportDate), Want: DateCell(newer.ReportDate), Other: newer.Name})
		}
		for _, o := range used {
			if tiedWith[[2]*Submission{s, o}] {
				extra[s] = append(extra[s], Finding{File: s.Name, Code: CodeFileSameDate, Severity: Error,
					Value: DateCell(s.ReportDate), Want: s.Sector, Other: o.Name})
			}
		}
	}
	return winners, superseded, tied
}

// taskKey identifies a row's task: its id, or its title when it has none
// (possible only without a plan).
func taskKey(r *Row) string {
	if r.ID != "" {
		return "id:" + fold(r.ID)
	}
	return "title:" + fold(r.Title)
}

// buildEntries lays out the consolidated table: with a plan, every plan task
// in sector and plan order; without, every row used, by sector.
func buildEntries(r *Result, plan *Plan, used []*Submission, winners map[*Submission][]*Row, state map[*Submission]SourceState) {
	type hit struct {
		row *Row
		src string
	}
	reported := map[string]hit{}
	for _, s := range used {
		for _, row := range winners[s] {
			reported[s.Sector+"\x00"+taskKey(row)] = hit{row, s.Name}
		}
	}
	add := func(t Task, h hit, ok bool) {
		e := Entry{Task: t, Reported: ok}
		if ok {
			e.Row, e.Source, e.Officer = *h.row, h.src, h.row.Officer
		}
		e.Standing = Classify(ok, e.Row.Stage, t.Deadline, e.Row.DoneDate, r.AsOf)
		r.Entries = append(r.Entries, e)
	}
	if plan != nil {
		r.Entries = make([]Entry, 0, len(plan.Tasks))
		for _, sec := range plan.Sectors {
			for _, t := range plan.Tasks {
				if t.Sector != sec.Code {
					continue
				}
				h, ok := reported[t.Sector+"\x00id:"+fold(t.ID)]
				add(t, h, ok)
			}
		}
		return
	}
	var sectors []string
	for _, s := range used {
		if !slices.Contains(sectors, s.Sector) {
			sectors = append(sectors, s.Sector)
		}
	}
	slices.SortFunc(sectors, func(a, b string) int { return cmp.Compare(fold(a), fold(b)) })
	for _, code := range sectors {
		for _, s := range used {
			if s.Sector != code {
				continue
			}
			for _, row := range winners[s] {
				t := Task{ID: row.ID, Sector: code, Title: row.Title, Output: row.Output, SubmitTo: row.SubmitTo,
					Lead: row.Lead, Coordinating: row.Coordinating, Deadline: row.Deadline, DeadlineText: row.DeadlineText}
				add(t, hit{row, s.Name}, true)
			}
		}
	}
}

// summarise counts per sector and in total.
func summarise(r *Result, plan *Plan, used []*Submission, state map[*Submission]SourceState) {
	var sectors []Sector
	if plan != nil {
		sectors = plan.Sectors
	} else {
		seen := map[string]bool{}
		for _, e := range r.Entries {
			if !seen[e.Sector] {
				seen[e.Sector] = true
				sectors = append(sectors, Sector{Code: e.Sector, Name: e.Sector, Order: len(sectors) + 1})
			}
		}
	}
	idx := map[string]int{}
	for i, sec := range sectors {
		idx[sec.Code] = i
		r.Sectors = append(r.Sectors, SectorSummary{Sector: sec})
	}
	for _, e := range r.Entries {
		i, ok := idx[e.Sector]
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
	for _, e := range r.Entries {
		was, ok := r.Previous.Status[e.ID]
		if !ok {
			continue
		}
		if e.Status.Done() && !was.Done() {
			r.NewlyDone = append(r.NewlyDone, Change{e, was})
		}
		if e.Status == StatusOverdue && was != StatusOverdue {
			r.NewlyOverdue = append(r.NewlyOverdue, Change{e, was})
		}
	}
}
