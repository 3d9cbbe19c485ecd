package report

import "strings"

// Stage is where a task stands in the drafting procedure
// (draft → comments → synthesis → finalise → submit → done).
type Stage int

// The stages of SPEC §4, in procedure order, then the special ones.
const (
	StageUnknown      Stage = iota // not given or not recognised
	StageNotStarted                // Chưa triển khai
	StageDrafting                  // Đang xây dựng dự thảo
	StageConsulting                // Đang lấy ý kiến
	StageSynthesizing              // Đang tổng hợp, giải trình, tiếp thu
	StageFinalizing                // Đang hoàn thiện dự thảo
	StageSubmitted                 // Đã trình cấp có thẩm quyền
	StageDone                      // Hoàn thành
	StageInProgress                // Đang triển khai / Đang thực hiện: in progress, stage unknown
	StageAdjust                    // Đề nghị điều chỉnh: asks to change the task
	StageStopped                   // Dừng thực hiện: listed, not counted
)

// Stages lists the stages a template offers, in order.
var Stages = []Stage{
	StageNotStarted, StageDrafting, StageConsulting, StageSynthesizing, StageFinalizing,
	StageSubmitted, StageDone, StageInProgress, StageAdjust, StageStopped,
}

var stageLabels = map[Stage][2]string{
	StageUnknown:      {"Không rõ", "Unknown"},
	StageNotStarted:   {"Chưa triển khai", "Not started"},
	StageDrafting:     {"Đang xây dựng dự thảo", "Drafting"},
	StageConsulting:   {"Đang lấy ý kiến", "Collecting comments"},
	StageSynthesizing: {"Đang tổng hợp, giải trình, tiếp thu", "Synthesising comments"},
	StageFinalizing:   {"Đang hoàn thiện dự thảo", "Finalising the draft"},
	StageSubmitted:    {"Đã trình cấp có thẩm quyền", "Submitted for approval"},
	StageDone:         {"Hoàn thành", "Completed"},
	StageInProgress:   {"Đang triển khai", "In progress"},
	StageAdjust:       {"Đề nghị điều chỉnh", "Change requested"},
	StageStopped:      {"Dừng thực hiện", "Stopped"},
}

// Label returns the stage's name in l.
func (s Stage) Label(l Lang) string {
	v := stageLabels[s]
	return l.Pick(v[0], v[1])
}

// stageWords maps folded stage texts to stages. Longer phrases are tried
// first, so "đang lấy ý kiến góp ý" is Consulting and "đã hoàn thành" Done.
var stageWords = []struct {
	key   string
	stage Stage
}{}

func init() {
	add := func(s Stage, texts ...string) {
		for _, t := range texts {
			stageWords = append(stageWords, struct {
				key   string
				stage Stage
			}{fold(t), s})
		}
	}
	add(StageNotStarted, "Chưa triển khai", "Chưa thực hiện", "Chưa bắt đầu", "Not started")
	add(StageDrafting, "Đang xây dựng dự thảo", "Xây dựng dự thảo", "Đang xây dựng", "Đang soạn thảo", "Đang dự thảo", "Drafting")
	add(StageConsulting, "Đang lấy ý kiến", "Lấy ý kiến", "Đang xin ý kiến", "Collecting comments")
	add(StageSynthesizing, "Đang tổng hợp, giải trình, tiếp thu", "Đang tổng hợp giải trình tiếp thu", "Đang tổng hợp", "Đang giải trình", "Tổng hợp, giải trình, tiếp thu", "Synthesising comments")
	add(StageFinalizing, "Đang hoàn thiện dự thảo", "Hoàn thiện dự thảo", "Đang hoàn thiện", "Finalising the draft", "Finalizing")
	add(StageSubmitted, "Đã trình cấp có thẩm quyền", "Đã trình", "Đã trình UBND tỉnh", "Đã trình HĐND tỉnh", "Trình cấp có thẩm quyền", "Submitted for approval", "Submitted")
	add(StageDone, "Hoàn thành", "Đã hoàn thành", "Đã ban hành", "Completed", "Done")
	add(StageInProgress, "Đang triển khai", "Đang thực hiện", "Đang triển khai thực hiện", "In progress")
	add(StageAdjust, "Đề nghị điều chỉnh", "Đề xuất điều chỉnh", "Xin điều chỉnh", "Change requested")
	add(StageStopped, "Dừng thực hiện", "Dừng", "Không thực hiện", "Stopped")
	// Longest first: the most specific phrase wins a prefix match.
	for i := 1; i < len(stageWords); i++ {
		for j := i; j > 0 && len(stageWords[j].key) > len(stageWords[j-1].key); j-- {
			stageWords[j], stageWords[j-1] = stageWords[j-1], stageWords[j]
		}
	}
}

// ParseStage recognises a stage as departments write it: with or without
// diacritics, in any case, with trailing words ("Đang lấy ý kiến góp ý").
func ParseStage(text string) (Stage, bool) {
	k := fold(text)
	if k == "" {
		return StageUnknown, false
	}
	for _, w := range stageWords {
		if k == w.key {
			return w.stage, true
		}
	}
	for _, w := range stageWords {
		if strings.HasPrefix(k, w.key+" ") {
			return w.stage, true
		}
	}
	return StageUnknown, false
}
