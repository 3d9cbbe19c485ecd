package report

import (
	"cmp"
	"slices"
)

// ChartSectors is the most sectors a chart draws, in the workbook and in
// the briefing: a bar chart of a national roll-up's thousand sectors would
// run to pages nobody reads.
const ChartSectors = 30

// LargestSectors returns the n sectors with the most tasks (the first in
// report order among equals), kept in report order; all of them when there
// are no more than n.
func LargestSectors(secs []SectorSummary, n int) []SectorSummary {
	if len(secs) <= n {
		return secs
	}
	idx := make([]int, len(secs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(secs[b].Tasks, secs[a].Tasks) })
	idx = idx[:n]
	slices.Sort(idx)
	out := make([]SectorSummary, n)
	for i, k := range idx {
		out[i] = secs[k]
	}
	return out
}
