package report

import (
	"strings"
	"testing"
)

// sectorScan is Plan.Sector as a scan of the plan folding every text, the
// reference the index must agree with.
func sectorScan(p *Plan, codeOrName string) (Sector, bool) {
	k := fold(codeOrName)
	if k == "" {
		return Sector{}, false
	}
	for _, s := range p.Sectors {
		if fold(s.Code) == k || fold(s.Name) == k || fold(s.Lead) == k {
			return s, true
		}
	}
	var found []Sector
	padded := " " + k + " "
	for _, s := range p.Sectors {
		n := 0
		if strings.HasPrefix(padded, " "+fold(s.Code)+" ") {
			n = len(fold(s.Code))
		}
		for _, name := range []string{s.Name, s.Lead} {
			if f := fold(name); f != "" && strings.Contains(padded, " "+f+" ") && len(f) > n {
				n = len(f)
			}
		}
		if n > 0 {
			found = append(found, s)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return Sector{}, false
}

// TestPlanSectorIndexFollowsThePlan looks sectors up while the plan's
// sectors are appended to, sorted in place and edited, as InterpretPlan
// does, and compares every answer with a scan.
func TestPlanSectorIndexFollowsThePlan(t *testing.T) {
	texts := []string{"YT", "yt", "Y tế", "Sở Y tế", "GD", "GD - Giáo dục", "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng",
		"Giáo dục", "LĐ", "Lao động", "Y tế, Giáo dục", "Sở", "Văn hóa", "VH", "", " - ", "Ngành Văn hoá"}
	p := &Plan{}
	check := func(step string) {
		t.Helper()
		for _, text := range texts {
			got, gotOK := p.Sector(text)
			want, wantOK := sectorScan(p, text)
			if got != want || gotOK != wantOK {
				t.Errorf("%s: Sector(%q) = %+v, %t; a scan gives %+v, %t", step, text, got, gotOK, want, wantOK)
			}
		}
	}
	check("empty")
	for _, s := range []Sector{
		{Code: "YT", Name: "Y tế", Lead: "Sở Y tế", Order: 3},
		{Code: "GD", Name: "Giáo dục", Lead: "Sở Giáo dục và Đào tạo", Order: 1},
		{Code: "LĐ", Name: "Lao động", Lead: "Sở", Order: 2},
		{Code: "Y tế", Name: "Văn hóa", Lead: "", Order: 0},
	} {
		p.Sectors = append(p.Sectors, s)
		check("append " + s.Code)
	}
	sortSectors(p.Sectors)
	check("sorted")
	p.Sectors[1].Lead = "Sở Văn hoá"
	check("edited")
	p.Sectors = p.Sectors[:2]
	check("cut")
}
