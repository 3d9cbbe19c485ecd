package report

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestParseStageCanonicalNames(t *testing.T) {
	for _, st := range Stages {
		vi, en := st.Label(VI), st.Label(EN)
		variants := map[string]string{
			"Vietnamese":      vi,
			"English":         en,
			"upper case":      strings.ToUpper(vi),
			"lower case":      strings.ToLower(vi),
			"decomposed":      norm.NFD.String(vi),
			"no diacritics":   fold(vi),
			"padded":          "  " + vi + " \n",
			"trailing period": vi + ".",
		}
		for name, text := range variants {
			if got, ok := ParseStage(text); !ok || got != st {
				t.Errorf("%s of %v: ParseStage(%q) = %v, %v", name, en, text, got, ok)
			}
		}
	}
}

func TestParseStage(t *testing.T) {
	tests := []struct {
		name string
		text string
		want Stage // StageUnknown: rejected
	}{
		{"done with đã", "Đã hoàn thành", StageDone},
		{"done without diacritics", "hoan thanh", StageDone},
		{"done upper case", "HOÀN THÀNH", StageDone},
		{"done on time", "Hoàn thành đúng hạn", StageDone},
		{"done, issued", "Đã ban hành", StageDone},
		{"done, 100 percent", "Hoàn thành 100%", StageDone},
		{"done 80 percent is in progress", "Hoàn thành 80%", StageInProgress},
		{"not done", "Chưa hoàn thành", StageInProgress},
		{"consulting with trailing words", "Đang lấy ý kiến góp ý", StageConsulting},
		{"consulting of departments", "Đang lấy ý kiến các sở, ngành, địa phương", StageConsulting},
		{"submitted to UBND", "Đã trình UBND tỉnh xem xét", StageSubmitted},
		{"submitted to HĐND", "Đã trình HĐND tỉnh tại kỳ họp thứ 2", StageSubmitted},
		{"submitted, no diacritics", "da trinh cap co tham quyen", StageSubmitted},
		{"synthesising, no commas", "Đang tổng hợp giải trình tiếp thu", StageSynthesizing},
		{"synthesising with more words", "Đang tổng hợp, giải trình, tiếp thu ý kiến góp ý", StageSynthesizing},
		{"synthesising without đang", "Tổng hợp, giải trình, tiếp thu ý kiến", StageSynthesizing},
		{"drafting", "Đang xây dựng dự thảo", StageDrafting},
		{"drafting, short", "Đang soạn thảo", StageDrafting},
		{"draft finished is drafting, not done", "Đã hoàn thành dự thảo", StageDrafting},
		{"finalising", "Đang hoàn thiện dự thảo để trình", StageFinalizing},
		{"not started", "Chưa triển khai", StageNotStarted},
		{"in progress, triển khai", "Đang triển khai", StageInProgress},
		{"in progress, thực hiện", "Đang thực hiện", StageInProgress},
		{"in progress on schedule", "Đang thực hiện đúng tiến độ", StageInProgress},
		{"change requested", "Đề nghị điều chỉnh", StageAdjust},
		{"change of deadline requested", "Đề nghị điều chỉnh thời hạn sang quý III/2021", StageAdjust},
		{"stopped", "Dừng thực hiện", StageStopped},
		{"paused", "Tạm dừng", StageStopped},
		{"furthest clause wins", "Đã xây dựng dự thảo, đang lấy ý kiến", StageConsulting},
		{"draft finished, consulting", "Đã hoàn thành dự thảo; đang lấy ý kiến các sở", StageConsulting},
		{"a negative clause does not win", "Đang xây dựng dự thảo, chưa triển khai lấy ý kiến", StageDrafting},
		{"change request wins", "Đã trình UBND tỉnh, đề nghị điều chỉnh thời hạn", StageAdjust},
		{"English completed", "Completed", StageDone},
		{"English done", "done", StageDone},
		{"English in progress", "In progress", StageInProgress},
		{"English submitted", "Submitted", StageSubmitted},
		{"English drafting", "drafting", StageDrafting},
		{"English stopped", "Stopped", StageStopped},
		{"đúng is not dừng", "Đúng tiến độ", StageUnknown},
		{"not submitted", "Chưa trình", StageUnknown},
		{"not consulted", "Chưa lấy ý kiến", StageUnknown},
		{"unknown words", "Bình thường", StageUnknown},
		{"a date", "15/3/2021", StageUnknown},
		{"a number", "50", StageUnknown},
		{"empty", "", StageUnknown},
		{"punctuation", " - ", StageUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseStage(tt.text)
			if ok != (tt.want != StageUnknown) || got != tt.want {
				t.Errorf("ParseStage(%q) = %v (%s), %v; want %v (%s)", tt.text, got, got.Label(EN), ok, tt.want, tt.want.Label(EN))
			}
		})
	}
}

// Every label a template offers must read back as itself, and no phrase
// may be registered for two stages.
func TestStageWordsAreUnambiguous(t *testing.T) {
	seen := map[string]Stage{}
	for _, w := range stageWords {
		if prev, ok := seen[w.key]; ok && prev != w.stage {
			t.Errorf("%q is both %v and %v", w.key, prev, w.stage)
		}
		seen[w.key] = w.stage
	}
	for i := 1; i < len(stageWords); i++ {
		if len(stageWords[i].key) > len(stageWords[i-1].key) {
			t.Fatalf("stageWords not sorted longest first at %q", stageWords[i].key)
		}
	}
}
