package report

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestCountsAdd(t *testing.T) {
	var c Counts
	c.Add(Standing{Status: StatusDoneOnTime}, true)
	c.Add(Standing{Status: StatusDoneOnTime}, false)
	c.Add(Standing{Status: StatusDoneLate, DaysLate: 3}, true)
	c.Add(Standing{Status: StatusOnTrack, DueSoon: true}, true) // due today
	c.Add(Standing{Status: StatusOnTrack}, false)
	c.Add(Standing{Status: StatusOverdue, DaysOverdue: 5}, true)
	c.Add(Standing{Status: StatusNotReported}, false)
	c.Add(Standing{Status: StatusNotReported}, true)
	c.Add(Standing{Status: StatusStopped}, true)
	want := Counts{
		Tasks: 8, Done: 3, DoneOnTime: 2, DoneLate: 1, InProgress: 3, OnTrack: 2, Overdue: 1,
		NotReported: 2, DueSoon: 1, Due: 5, DoneOfDue: 2, Stopped: 1,
	}
	if c != want {
		t.Errorf("Counts = %+v\nwant     %+v", c, want)
	}
	if c.Done+c.InProgress+c.NotReported != c.Tasks {
		t.Errorf("done %d + in progress %d + not reported %d != tasks %d", c.Done, c.InProgress, c.NotReported, c.Tasks)
	}
}

func TestCountsPlus(t *testing.T) {
	a := Counts{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	b := Counts{100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200}
	want := Counts{101, 202, 303, 404, 505, 606, 707, 808, 909, 1010, 1111, 1212}
	if got := a.Plus(b); got != want {
		t.Errorf("Plus = %+v; want %+v", got, want)
	}
	if got := a.Plus(Counts{}); got != a {
		t.Errorf("Plus(zero) = %+v; want %+v", got, a)
	}
}

func TestCountsRates(t *testing.T) {
	tests := []struct {
		name     string
		c        Counts
		done     float64
		doneOK   bool
		due      float64
		dueOK    bool
		donePerc string
	}{
		{"reference meeting: 12 of 55, none due", Counts{Tasks: 55, Done: 12, Due: 0}, 100 * 12.0 / 55, true, 0, false, "21,82%"},
		{"all due done", Counts{Tasks: 4, Done: 2, Due: 2, DoneOfDue: 2}, 50, true, 100, true, "50%"},
		{"one of three due", Counts{Tasks: 10, Done: 1, Due: 3, DoneOfDue: 1}, 10, true, 100.0 / 3, true, "10%"},
		{"no task", Counts{}, 0, false, 0, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := tt.c.DoneRate()
			if d != tt.done || ok != tt.doneOK {
				t.Errorf("DoneRate = %v, %v; want %v, %v", d, ok, tt.done, tt.doneOK)
			}
			if ok && Percent(d, VI) != tt.donePerc {
				t.Errorf("Percent(DoneRate) = %q; want %q", Percent(d, VI), tt.donePerc)
			}
			r, ok := tt.c.DueRate()
			if r != tt.due || ok != tt.dueOK {
				t.Errorf("DueRate = %v, %v; want %v, %v", r, ok, tt.due, tt.dueOK)
			}
		})
	}
}

// SortStable orders as slices.SortStableFunc does: by the key, equal keys
// in their first order.
func TestSortStable(t *testing.T) {
	type kv struct{ k, v int }
	rng := rand.New(rand.NewPCG(7, 8))
	for range 100 {
		s := make([]kv, rng.IntN(300))
		for i := range s {
			s[i] = kv{rng.IntN(10), i}
		}
		want := slices.Clone(s)
		slices.SortStableFunc(want, func(a, b kv) int { return cmp.Compare(a.k, b.k) })
		SortStable(s, func(a, b kv) int { return cmp.Compare(a.k, b.k) })
		if !slices.Equal(s, want) {
			t.Fatalf("got %v\nwant %v", s, want)
		}
	}
}
