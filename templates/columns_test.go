package templates

import (
	"strings"
	"testing"
)

func TestMatchColumn(t *testing.T) {
	tests := []struct {
		header string
		want   Field // FieldNone: not recognised
	}{
		{"STT", FieldNo},
		{"TT", FieldNo},
		{"Mã nhiệm vụ", FieldID},
		{"Mã NV", FieldID},
		{"ma nhiem vu", FieldID},
		{"Task ID", FieldID},
		{"Ngành", FieldSector},
		{"Tên nhiệm vụ", FieldTitle},
		{"TÊN NHIỆM VỤ", FieldTitle},
		{"Nội dung nhiệm vụ", FieldTitle},
		{"Task", FieldTitle},
		{"Sản phẩm", FieldOutput},
		{"San pham", FieldOutput},
		{"Cấp trình", FieldSubmitTo},
		{"Cơ quan chủ trì", FieldLead},
		{"Đơn vị chủ trì", FieldLead},
		{"Lead agency", FieldLead},
		{"Cơ quan phối hợp", FieldCoordinating},
		{"Thời hạn", FieldDeadline},
		{"Thời hạn (dd/mm/yyyy)", FieldDeadline},
		{"Thời hạn\n(dd/mm/yyyy)", FieldDeadline},
		{"Thoi han hoan thanh", FieldDeadline},
		{"Deadline", FieldDeadline},
		{"Cán bộ phụ trách", FieldOfficer},
		{"Cán bộ theo dõi", FieldOfficer},
		{"Responsible officer", FieldOfficer},
		{"Giai đoạn", FieldStage},
		{"(9) Giai đoạn", FieldStage},
		{"(10)  Giai đoạn", FieldStage},
		{"Tiến độ thực hiện", FieldStage},
		{"Tiến độ", FieldStage},
		{"Stage", FieldStage},
		{"Tỷ lệ hoàn thành (%)", FieldPercent},
		{"Tỷ lệ hoàn thành\n(%)", FieldPercent},
		{"Tỉ lệ hoàn thành", FieldPercent},
		{"% hoàn thành", FieldPercent},
		{"%", FieldPercent},
		{"Percent complete", FieldPercent},
		{"Ngày hoàn thành", FieldDoneDate},
		{"Completion date", FieldDoneDate},
		{"Văn bản ban hành", FieldIssuedDoc},
		{"Số, ký hiệu văn bản", FieldIssuedDoc},
		{"Khó khăn, vướng mắc", FieldDifficulties},
		{"Khó khăn vướng mắc (nếu có)", FieldDifficulties},
		{"Đề xuất, kiến nghị", FieldProposals},
		{"Kiến nghị, đề xuất", FieldProposals},
		{"Ghi chú", FieldNotes},
		{"Notes", FieldNotes},
		{"", FieldNone},
		{"Hoàn thành", FieldNone},
		{"Số liệu", FieldNone},
		{"(1)", FieldNone},
	}
	for _, tt := range tests {
		got, ok := MatchColumn(tt.header)
		if got != tt.want || ok != (tt.want != FieldNone) {
			t.Errorf("MatchColumn(%q) = %v, %v; want %v (%s)", tt.header, got, ok, tt.want, tt.want.Header("en"))
		}
	}
}

// Every name of every column, canonical or variant, Vietnamese or English,
// must read back as that column, and no folded name may belong to two
// columns: the map behind MatchColumn would silently keep only one.
func TestColumnNamesAreUnambiguous(t *testing.T) {
	owner := map[string]Field{}
	for _, c := range Columns {
		for _, name := range append([]string{c.Vi, c.En}, c.Alt...) {
			k := Fold(name)
			if k == "" {
				t.Errorf("column %v: name %q folds to nothing", c.Field, name)
				continue
			}
			if prev, ok := owner[k]; ok && prev != c.Field {
				t.Errorf("%q (folded %q) names both %s and %s", name, k, prev.Header("en"), c.Field.Header("en"))
			}
			owner[k] = c.Field
			if got, ok := MatchColumn(name); !ok || got != c.Field {
				t.Errorf("MatchColumn(%q) = %v, %v; want %v", name, got, ok, c.Field)
			}
		}
	}
}

func TestColumnsCoverEveryField(t *testing.T) {
	seen := map[Field]bool{}
	for _, c := range Columns {
		if seen[c.Field] {
			t.Errorf("field %v listed twice", c.Field)
		}
		seen[c.Field] = true
		if c.Vi == "" || c.En == "" || c.Width <= 0 {
			t.Errorf("field %v: incomplete spec %+v", c.Field, c)
		}
	}
	for f := FieldNo; f < NumFields; f++ {
		if !seen[f] {
			t.Errorf("field %d has no column", f)
		}
	}
	for _, list := range [][]Field{SubmissionFields, PlanFields} {
		for _, f := range list {
			if Col(f).Field != f {
				t.Errorf("layout field %d has no column", f)
			}
		}
	}
}

func TestInfoKeysAreUnambiguous(t *testing.T) {
	// The plan's and the submission's keys live in one map; a name may be
	// shared only by the same key.
	owner := map[string]InfoKey{}
	for _, list := range [][]Info{PlanInfo, SubmissionInfo} {
		for _, in := range list {
			for _, name := range append([]string{in.Vi, in.En}, in.Alt...) {
				k := Fold(name)
				if prev, ok := owner[k]; ok && prev != in.Key {
					t.Errorf("%q names both %s and %s", name, prev.Label("en"), in.Key.Label("en"))
				}
				owner[k] = in.Key
				if got, ok := MatchInfo(name + ":"); !ok || got != in.Key {
					t.Errorf("MatchInfo(%q) = %v, %v; want %v", name+":", got, ok, in.Key)
				}
			}
		}
	}
}

func TestSectorColumnsAreUnambiguous(t *testing.T) {
	owner := map[string]SectorColumn{}
	for _, c := range SectorColumns {
		for _, name := range append([]string{c.Vi, c.En}, c.Alt...) {
			k := Fold(name)
			if prev, ok := owner[k]; ok && prev != c.Col {
				t.Errorf("%q names sector columns %d and %d", name, prev, c.Col)
			}
			owner[k] = c.Col
			if got, ok := MatchSectorColumn(strings.ToUpper(name)); !ok || got != c.Col {
				t.Errorf("MatchSectorColumn(%q) = %v, %v; want %v", name, got, ok, c.Col)
			}
		}
	}
}
