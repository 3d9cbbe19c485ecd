package xlsx

import (
	"cmp"
	"slices"

	"github.com/tonghop/tonghop/report"
)

// The lists of the consolidated workbook select entries as report.Result's
// methods do (Overdue, DueSoon, Issues, DueIn, NotReported: the test
// TestWSelectAgrees holds them together), but as pointers into r.Entries:
// an Entry is some hundreds of bytes, and copying a national roll-up's
// entries into each list cost more than writing the lists.

func wselect(r *report.Result, keep func(*report.Entry) bool) []*report.Entry {
	var out []*report.Entry
	for i := range r.Entries {
		if e := &r.Entries[i]; keep(e) {
			out = append(out, e)
		}
	}
	return out
}

// wOverdue is r.Overdue(): in progress past the deadline, most overdue first.
func wOverdue(r *report.Result) []*report.Entry {
	es := wselect(r, func(e *report.Entry) bool { return e.Status == report.StatusOverdue })
	wSortStable(es, func(a, b *report.Entry) int { return cmp.Compare(b.DaysOverdue, a.DaysOverdue) })
	return es
}

// wDueSoon is r.DueSoon(): due within report.DueSoonDays, soonest first.
func wDueSoon(r *report.Result) []*report.Entry {
	return wByDeadline(wselect(r, func(e *report.Entry) bool { return e.DueSoon }))
}

// wIssues is r.Issues(): difficulties, proposals or a request to change
// the task, in table order.
func wIssues(r *report.Result) []*report.Entry {
	return wselect(r, func(e *report.Entry) bool {
		return e.Row.Difficulties != "" || e.Row.Proposals != "" || e.Row.Stage == report.StageAdjust
	})
}

// wDueIn is r.DueIn(p): not done, not stopped, deadline in p, soonest first.
func wDueIn(r *report.Result, p report.Period) []*report.Entry {
	return wByDeadline(wselect(r, func(e *report.Entry) bool {
		return !e.Status.Done() && e.Status != report.StatusStopped && !e.Deadline.IsZero() && report.PeriodOf(e.Deadline) == p
	}))
}

// wNotReported is r.NotReported().
func wNotReported(r *report.Result) []*report.Entry {
	return wselect(r, func(e *report.Entry) bool { return e.Status == report.StatusNotReported })
}

func wByDeadline(es []*report.Entry) []*report.Entry {
	wSortStable(es, func(a, b *report.Entry) int { return a.Deadline.Compare(b.Deadline) })
	return es
}

// wSortStable sorts s as slices.SortStableFunc does, by pdqsort with the
// position as the last key: SortStableFunc merges in n·log²n, seconds for
// the million entries of a national roll-up.
func wSortStable[T any](s []T, c func(a, b T) int) {
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
