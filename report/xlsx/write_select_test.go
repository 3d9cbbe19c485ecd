package xlsx_test

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/tonghop/tonghop/bench/inbox"
	"github.com/tonghop/tonghop/report"
	"github.com/tonghop/tonghop/report/xlsx"
)

// The workbook's own selections give what report.Result's methods give.
func TestWSelectAgrees(t *testing.T) {
	big := report.Consolidate(nil, inbox.New(30, 80).Submissions(), report.Options{})
	for name, r := range map[string]*report.Result{"hand-made": xlsx.TestResult(), "generated": big} {
		next := r.Period.Next()
		cases := []struct {
			what      string
			got, want func() []string
		}{
			{"overdue", ids(xlsx.WOverdue(r)), idsOf(r.Overdue())},
			{"due soon", ids(xlsx.WDueSoon(r)), idsOf(r.DueSoon())},
			{"issues", ids(xlsx.WIssues(r)), idsOf(r.Issues())},
			{"due next month", ids(xlsx.WDueIn(r, next)), idsOf(r.DueIn(next))},
			{"not reported", ids(xlsx.WNotReported(r)), idsOf(r.NotReported())},
		}
		for _, c := range cases {
			got, want := c.got(), c.want()
			if len(want) == 0 && name == "generated" && c.what != "not reported" {
				t.Errorf("%s: %s: the generated month has none; the test proves little", name, c.what)
			}
			if len(got) != len(want) {
				t.Errorf("%s: %s: %d entries, want %d", name, c.what, len(got), len(want))
				continue
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%s: %s: entry %d is %s, want %s", name, c.what, i, got[i], want[i])
					break
				}
			}
		}
	}
}

func ids(es []*report.Entry) func() []string {
	return func() []string {
		var out []string
		for _, e := range es {
			out = append(out, e.ID+"@"+e.Source)
		}
		return out
	}
}

func idsOf(es []report.Entry) func() []string {
	return func() []string {
		var out []string
		for _, e := range es {
			out = append(out, e.ID+"@"+e.Source)
		}
		return out
	}
}

func TestWSortStable(t *testing.T) {
	type kv struct{ k, v int }
	rng := rand.New(rand.NewPCG(7, 8))
	for range 100 {
		s := make([]kv, rng.IntN(300))
		for i := range s {
			s[i] = kv{rng.IntN(10), i}
		}
		want := slices.Clone(s)
		slices.SortStableFunc(want, func(a, b kv) int { return cmp.Compare(a.k, b.k) })
		xlsx.WSortStable(s, func(a, b kv) int { return cmp.Compare(a.k, b.k) })
		if !slices.Equal(s, want) {
			t.Fatalf("got %v\nwant %v", s, want)
		}
	}
}
