package report

import (
	"cmp"
	"slices"
	"time"
)

// Counts are the figures of SPEC §5 for one sector or for all.
type Counts struct {
	Tasks       int `json:"tasks"`        // counted tasks (stopped ones are not)
	Done        int `json:"done"`         // completed, on time or late
	DoneOnTime  int `json:"done_on_time"` //
	DoneLate    int `json:"done_late"`    //
	InProgress  int `json:"in_progress"`  // reported, not done
	OnTrack     int `json:"in_progress_on_time"`
	Overdue     int `json:"overdue"`      // in progress past the deadline
	NotReported int `json:"not_reported"` //
	DueSoon     int `json:"due_soon"`     // in progress, due within DueSoonDays
	Due         int `json:"due"`          // tasks whose deadline is on or before the as-of date
	DoneOfDue   int `json:"done_of_due"`  // completed tasks among Due
	Stopped     int `json:"stopped"`      // listed, not counted
}

// Add counts one classified task. due says whether its deadline has come.
func (c *Counts) Add(s Standing, due bool) {
	if s.Status == StatusStopped {
		c.Stopped++
		return
	}
	c.Tasks++
	switch s.Status {
	case StatusDoneOnTime:
		c.Done++
		c.DoneOnTime++
	case StatusDoneLate:
		c.Done++
		c.DoneLate++
	case StatusOnTrack:
		c.InProgress++
		c.OnTrack++
	case StatusOverdue:
		c.InProgress++
		c.Overdue++
	case StatusNotReported:
		c.NotReported++
	}
	if s.DueSoon {
		c.DueSoon++
	}
	if due {
		c.Due++
		if s.Status.Done() {
			c.DoneOfDue++
		}
	}
}

// Plus returns the sum of c and d.
func (c Counts) Plus(d Counts) Counts {
	return Counts{
		c.Tasks + d.Tasks, c.Done + d.Done, c.DoneOnTime + d.DoneOnTime, c.DoneLate + d.DoneLate,
		c.InProgress + d.InProgress, c.OnTrack + d.OnTrack, c.Overdue + d.Overdue,
		c.NotReported + d.NotReported, c.DueSoon + d.DueSoon, c.Due + d.Due, c.DoneOfDue + d.DoneOfDue,
		c.Stopped + d.Stopped,
	}
}

// DoneRate is completed over all counted tasks, in percent ("12/55").
func (c Counts) DoneRate() (float64, bool) { return rate(c.Done, c.Tasks) }

// DueRate is completed over tasks already due, in percent (how the
// Government Office reports it); false when no task is due yet.
func (c Counts) DueRate() (float64, bool) { return rate(c.DoneOfDue, c.Due) }

func rate(n, d int) (float64, bool) {
	if d == 0 {
		return 0, false
	}
	return 100 * float64(n) / float64(d), true
}

// Entry is one task of the consolidated table with its standing.
//
// Row points to the reported row in its submission, which a Result shares
// rather than copies (a Row is 288 bytes, the table can have a million
// entries): treat it as read-only. It is never nil in a Result from
// Consolidate; an entry built by hand must set it too.
type Entry struct {
	Task
	Standing
	Reported bool
	Row      *Row   // the reported row (a zero Row when not reported)
	Source   string // base name of the file it came from
	Officer  string // Row.Officer, for convenience
}

// SectorSummary is one sector's line of the summary.
type SectorSummary struct {
	Sector
	Counts
	Submitted bool     // at least one file of the period was used
	Files     []string // files used
}

// SourceState says what became of an input file.
type SourceState int

// Source states.
const (
	SourceUsed SourceState = iota
	SourceSuperseded
	SourceOtherPeriod
	SourceRejected
)

// Label names the state in l.
func (s SourceState) Label(l Lang) string {
	switch s {
	case SourceUsed:
		return l.Pick("Sử dụng", "Used")
	case SourceSuperseded:
		return l.Pick("Bị thay thế", "Superseded")
	case SourceOtherPeriod:
		return l.Pick("Khác kỳ báo cáo", "Other period")
	default:
		return l.Pick("Bị từ chối", "Rejected")
	}
}

// String is the state's JSON name.
func (s SourceState) String() string {
	return [...]string{"used", "superseded", "other_period", "rejected"}[s]
}

// Source describes one input file in the "Nguồn" sheet and the JSON.
type Source struct {
	File       string // as given
	Name       string // base name
	SHA256     string
	Sector     string // code
	Period     Period
	ReportDate time.Time
	Accepted   int // rows accepted
	Rejected   int // rows rejected
	State      SourceState
	Errors     int
	Warnings   int
}

// Proposed is a row whose id is empty or not in the plan: a proposed new
// task, listed, not counted.
type Proposed struct {
	Sector string
	Row    Row
	Source string
}

// Snapshot is last period's figures, read from its consolidated workbook.
type Snapshot struct {
	Period  Period
	Totals  Counts
	Sectors map[string]Counts // by sector code
	Status  map[string]Status // by task id
}

// Change is a task whose status changed since the previous period.
type Change struct {
	Entry
	Was Status
}

// Result is a consolidated month: everything the outputs show.
type Result struct {
	Info     Info
	Period   Period
	AsOf     time.Time
	HasPlan  bool
	Sectors  []SectorSummary // report order
	Totals   Counts
	Entries  []Entry // sector order, then plan order
	Proposed []Proposed
	Sources  []Source // by file name
	Findings []Finding
	Previous *Snapshot // nil without --previous
	// Changes since Previous: newly completed and newly overdue tasks.
	NewlyDone    []Change
	NewlyOverdue []Change

	names map[string]string // sector names by code, built by Consolidate
}

// SectorName returns the name of the sector with the given code.
func (r *Result) SectorName(code string) string {
	if n, ok := r.names[code]; ok {
		return n
	}
	for _, s := range r.Sectors { // a Result built by hand
		if s.Code == code {
			return s.Name
		}
	}
	return code
}

// The lists below point into r.Entries rather than copy them: an Entry
// is some hundreds of bytes, and a national roll-up has a million.

// Overdue returns the entries in progress past their deadline, most overdue first.
func (r *Result) Overdue() []*Entry {
	out := r.filter(func(e *Entry) bool { return e.Status == StatusOverdue })
	SortStable(out, func(a, b *Entry) int { return cmp.Compare(b.DaysOverdue, a.DaysOverdue) })
	return out
}

// DueSoon returns the entries in progress due within DueSoonDays, soonest first.
func (r *Result) DueSoon() []*Entry {
	return byDeadline(r.filter(func(e *Entry) bool { return e.DueSoon }))
}

// Issues returns the entries that report difficulties or proposals, or ask
// to change the task, in table order.
func (r *Result) Issues() []*Entry {
	return r.filter(func(e *Entry) bool {
		return e.Row.Difficulties != "" || e.Row.Proposals != "" || e.Row.Stage == StageAdjust
	})
}

// DueIn returns the entries not done whose deadline falls in period p, soonest first.
func (r *Result) DueIn(p Period) []*Entry {
	return byDeadline(r.filter(func(e *Entry) bool {
		return !e.Status.Done() && e.Status != StatusStopped && !e.Deadline.IsZero() && PeriodOf(e.Deadline) == p
	}))
}

// NotReported returns the plan tasks no used submission reports.
func (r *Result) NotReported() []*Entry {
	return r.filter(func(e *Entry) bool { return e.Status == StatusNotReported })
}

// filter returns the entries keep accepts, in table order.
func (r *Result) filter(keep func(e *Entry) bool) []*Entry {
	var out []*Entry
	for i := range r.Entries {
		if e := &r.Entries[i]; keep(e) {
			out = append(out, e)
		}
	}
	return out
}

func byDeadline(es []*Entry) []*Entry {
	SortStable(es, func(a, b *Entry) int { return a.Deadline.Compare(b.Deadline) })
	return es
}

// SortStable sorts s by c, keeping the order of equal elements, in
// n·log n: pdqsort with the position as the last key. (slices.SortStableFunc
// merges in place in n·log²n: seconds for a million entries.)
func SortStable[T any](s []T, c func(a, b T) int) {
	type at struct {
		v T
		i int
	}
	d := make([]at, len(s))
	for i, v := range s {
		d[i] = at{v, i}
	}
	slices.SortFunc(d, func(a, b at) int { return cmp.Or(c(a.v, b.v), cmp.Compare(a.i, b.i)) })
	for i := range d {
		s[i] = d[i].v
	}
}

// Missing returns the sectors of the plan that sent no usable file.
func (r *Result) Missing() []SectorSummary {
	var out []SectorSummary
	for _, s := range r.Sectors {
		if !s.Submitted {
			out = append(out, s)
		}
	}
	return out
}
