package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Every count agrees between the workbook, the JSON and the PDF, for each
// sample month.
func TestOutputsAgree(t *testing.T) {
	for _, tc := range []struct{ name, dir string }{
		{"march", sampleMarch}, {"april", sampleApril}, {"messy", sampleMessy},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			r := runIn(t, "consolidate", "--json", "--plan", samplePlan, "-o", out, tc.dir)
			j := decode(t, r.stdout)
			f, err := excelize.OpenFile(j.Outputs.Workbook)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows("Tổng hợp")
			if err != nil {
				t.Fatal(err)
			}
			bySector := map[string][]string{}
			for _, row := range rows {
				if len(row) > 9 {
					bySector[row[1]] = row
				}
			}
			num := func(row []string, i int) int {
				n, err := strconv.Atoi(row[i])
				if err != nil {
					t.Fatalf("summary cell %q is not a number", row[i])
				}
				return n
			}
			tot := bySector["Tổng cộng"]
			if tot == nil {
				t.Fatalf("no totals row in the summary sheet")
			}
			got := fmt.Sprint(num(tot, 2), num(tot, 3), num(tot, 4), num(tot, 5), num(tot, 6), num(tot, 7), num(tot, 8), num(tot, 9))
			want := fmt.Sprint(j.Totals.Tasks, j.Totals.Done, j.Totals.DoneOnTime, j.Totals.DoneLate, j.Totals.InProgressOnTime,
				j.Totals.Overdue, j.Totals.NotReported, j.Totals.DueSoon)
			if got != want {
				t.Errorf("workbook totals %s, JSON %s", got, want)
			}
			text := pdfText(t, j.Outputs.PDF)
			flat := strings.Join(strings.Fields(text), " ")
			if frac := fmt.Sprintf("%d/%d nhiệm vụ hoàn thành", j.Totals.Done, j.Totals.Tasks); !strings.Contains(flat, frac) {
				t.Errorf("the PDF does not say %q", frac)
			}
			// The PDF's summary table totals row: "Tổng cộng 55 18 17 1 …".
			m := regexp.MustCompile(`Tổng cộng((?: \d+)+)`).FindStringSubmatch(flat)
			if m == nil {
				t.Fatalf("no totals row in the PDF's summary table")
			}
			if !strings.HasPrefix(strings.TrimSpace(m[1]), fmt.Sprint(j.Totals.Tasks, " ", j.Totals.Done)) {
				t.Errorf("PDF totals row %q does not start with %d %d", m[1], j.Totals.Tasks, j.Totals.Done)
			}
			if filepath.Base(j.Outputs.PDF) != "bao-cao-"+j.Period+".pdf" {
				t.Errorf("pdf name %s", j.Outputs.PDF)
			}
		})
	}
}
