package report

import "github.com/tonghop/tonghop/templates"

// messages holds, per code, the Vietnamese and English explanation. Each says
// what was found, what was expected and how to fix it. Placeholders: {value}
// (what was found), {want} (what was expected), {other} (another file or
// task), {column} (the column's header).
var messages = map[Code][2]string{
	CodeFileNotXLSX: {
		"tệp không phải bảng tính Excel (.xlsx) mà là {value}; hãy gửi lại báo cáo bằng tệp Excel .xlsx theo biểu mẫu.",
		"the file is not an Excel workbook (.xlsx) but {value}; send the report again as an .xlsx file made from the template.",
	},
	CodeFileXLS: {
		"tệp là định dạng Excel cũ (.xls) nên không đọc được; hãy mở tệp trong Excel, chọn File > Save As > Excel Workbook (*.xlsx) rồi gửi lại.",
		"the file is in the old Excel format (.xls), which cannot be read; open it in Excel, choose File > Save As > Excel Workbook (*.xlsx) and send it again.",
	},
	CodeFileODS: {
		"tệp là bảng tính OpenDocument (.ods); hãy lưu lại dưới dạng Excel .xlsx (File > Save As > Excel 2007-365) rồi gửi lại.",
		"the file is an OpenDocument spreadsheet (.ods); save it as Excel .xlsx (File > Save As > Excel 2007-365) and send it again.",
	},
	CodeFileEncrypted: {
		"tệp được đặt mật khẩu nên không mở được; hãy gỡ mật khẩu (File > Info > Protect Workbook > Encrypt with Password, xóa mật khẩu) rồi gửi lại.",
		"the file is password-protected and cannot be opened; remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and send it again.",
	},
	CodeFileCorrupt: {
		"tệp bị hỏng hoặc không đầy đủ ({value}) nên không đọc được; hãy mở lại tệp gốc trong Excel, lưu lại dưới dạng .xlsx và gửi lại.",
		"the file is damaged or incomplete ({value}) and cannot be read; open the original in Excel, save it again as .xlsx and send it again.",
	},
	CodeFileTooLarge: {
		"tệp quá lớn ({value}, tối đa {want}) nên không được đọc; hãy chỉ giữ lại bảng nhiệm vụ theo biểu mẫu rồi gửi lại.",
		"the file is too large ({value}, at most {want}) and was not read; keep only the task table of the template and send it again.",
	},
	CodeFileEmpty: {
		"tệp rỗng (0 byte); hãy kiểm tra lại tệp đính kèm và gửi lại báo cáo.",
		"the file is empty (0 bytes); check the attachment and send the report again.",
	},
	CodeFileUnreadable: {
		"không đọc được tệp ({value}); hãy kiểm tra quyền truy cập tệp.",
		"the file could not be read ({value}); check that it can be opened.",
	},
	CodeFileSuperseded: {
		"báo cáo này (ngày báo cáo {value}) đã được thay bằng báo cáo gửi sau trong tệp {other} (ngày {want}); tệp này không được dùng.",
		"this report (report date {value}) is superseded by the later report in {other} (dated {want}); this file is not used.",
	},
	CodeFileSameDate: {
		"tệp này và tệp {other} cùng báo cáo ngành {want} với cùng ngày báo cáo {value}, nên không biết bản nào là bản mới; hãy sửa Ngày báo cáo của bản mới hoặc bỏ bản cũ khỏi thư mục.",
		"this file and {other} both report sector {want} with the same report date {value}, so neither can be taken as the newer; correct the report date of the newer one or remove the older file.",
	},
	CodeSheetMissing: {
		"không tìm thấy bảng nhiệm vụ (dòng tiêu đề có các cột “Tên nhiệm vụ” và “Giai đoạn”); hãy dùng biểu mẫu do Văn phòng gửi.",
		"no task table was found (a header row with the columns “Tên nhiệm vụ” and “Giai đoạn”); use the template the office sent.",
	},
	CodeSheetTooLarge: {
		"trang tính có {value} dòng, vượt giới hạn {want} dòng; hãy xóa các dòng thừa rồi gửi lại.",
		"the sheet has {value} rows, over the limit of {want}; delete the extra rows and send it again.",
	},
	CodeHeaderMissing: {
		"thiếu cột bắt buộc “{column}” trong dòng tiêu đề; hãy thêm cột này (đúng tên như biểu mẫu) và điền cho từng nhiệm vụ.",
		"the required column “{column}” is missing from the header row; add it (named as in the template) and fill it in for every task.",
	},
	CodeSectorMissing: {
		"chưa ghi ngành báo cáo; hãy ghi mã ngành hoặc tên ngành (ví dụ {want}) vào trang “Thông tin”.",
		"the reporting sector is not given; write the sector code or name (for example {want}) on the “Thông tin” sheet.",
	},
	CodeSectorUnknown: {
		"ngành “{value}” không có trong danh mục; hãy ghi một trong các mã ngành: {want}.",
		"sector “{value}” is not in the plan; write one of the sector codes: {want}.",
	},
	CodePeriodMissing: {
		"chưa ghi kỳ báo cáo; hãy ghi tháng báo cáo dạng {want} vào trang “Thông tin”.",
		"the reporting period is not given; write the month as {want} on the “Thông tin” sheet.",
	},
	CodePeriodInvalid: {
		"kỳ báo cáo “{value}” không đọc được; hãy ghi tháng báo cáo dạng tháng/năm, ví dụ {want}.",
		"the reporting period “{value}” cannot be read; write the month as month/year, for example {want}.",
	},
	CodePeriodOther: {
		"tệp báo cáo kỳ {value}, không phải kỳ {want} đang tổng hợp, nên không được dùng; nếu đây là báo cáo kỳ {want}, hãy sửa Kỳ báo cáo.",
		"the file reports period {value}, not the period {want} being consolidated, so it is not used; if it is a report for {want}, correct its period.",
	},
	CodeReportDate: {
		"chưa ghi ngày báo cáo; hãy ghi ngày số liệu được cập nhật, dạng ngày/tháng/năm (ví dụ {want}).",
		"the report date is not given; write the date the figures speak for, as day/month/year (for example {want}).",
	},
	CodeDateInvalid: {
		"cột “{column}” có giá trị “{value}” không phải ngày hợp lệ; hãy ghi ngày theo dạng ngày/tháng/năm (ngày trước, tháng sau), ví dụ {want}.",
		"column “{column}” holds “{value}”, which is not a valid date; write the date as day/month/year (day first), for example {want}.",
	},
	CodeDeadlineMissing: {
		"nhiệm vụ chưa có thời hạn; hãy ghi thời hạn dạng ngày/tháng/năm hoặc theo kỳ (ví dụ “Quý II/2021”).",
		"the task has no deadline; write it as day/month/year or as a period (for example “Quý II/2021”).",
	},
	CodeStageMissing: {
		"chưa ghi giai đoạn thực hiện; hãy chọn một giai đoạn trong danh sách (ví dụ “Đang xây dựng dự thảo” hoặc “Hoàn thành”).",
		"the stage is empty; choose one from the list (for example “Đang xây dựng dự thảo” or “Hoàn thành”).",
	},
	CodeStageUnknown: {
		"giai đoạn “{value}” không có trong danh sách; hãy chọn một trong: {want}.",
		"stage “{value}” is not one of the listed stages; choose one of: {want}.",
	},
	CodePercentInvalid: {
		"tỷ lệ hoàn thành “{value}” không hợp lệ; hãy ghi một số từ 0 đến 100 (ví dụ 45 hoặc 45%); giá trị này đã được bỏ qua.",
		"percent complete “{value}” is not valid; write a number from 0 to 100 (for example 45 or 45%); the value was ignored.",
	},
	CodePercentDone: {
		"nhiệm vụ ghi “Hoàn thành” nhưng tỷ lệ hoàn thành là {value}; hãy sửa tỷ lệ thành 100% hoặc sửa lại giai đoạn.",
		"the task is marked “Hoàn thành” but percent complete is {value}; set it to 100% or correct the stage.",
	},
	CodeTitleMissing: {
		"dòng có thông tin nhưng thiếu tên nhiệm vụ; hãy ghi tên nhiệm vụ như trong danh mục được giao.",
		"the row has data but no task title; write the title as in the assigned plan.",
	},
	CodeTaskUnknownID: {
		"mã nhiệm vụ “{value}” không có trong danh mục được giao, nên được ghi nhận là nhiệm vụ đề xuất bổ sung (không tính vào tổng số); nếu là nhiệm vụ đã giao, hãy sửa lại đúng mã trong danh mục.",
		"task id “{value}” is not in the plan, so the row is listed as a proposed new task (not counted); if it is an assigned task, correct the id to the one in the plan.",
	},
	CodeTaskDuplicateID: {
		"mã nhiệm vụ “{value}” đã có ở dòng {other}; mỗi nhiệm vụ chỉ báo cáo một dòng, hãy gộp hai dòng hoặc sửa mã cho đúng.",
		"task id “{value}” already appears on row {other}; report each task on one row only: merge the rows or correct the id.",
	},
	CodeTaskWrongSector: {
		"nhiệm vụ “{value}” thuộc ngành {want}, không phải ngành {other} của tệp này; hãy xóa dòng này hoặc sửa lại mã nhiệm vụ.",
		"task “{value}” belongs to sector {want}, not to this file's sector {other}; delete the row or correct the task id.",
	},
	CodeTaskMismatch: {
		"cột “{column}” ghi “{value}”, khác danh mục (“{want}”); báo cáo dùng giá trị trong danh mục, nếu cần điều chỉnh hãy ghi vào cột Đề xuất, kiến nghị.",
		"column “{column}” says “{value}”, unlike the plan (“{want}”); the report uses the plan's value; to ask for a change, write it under Proposals.",
	},
	CodeDoneMissingDate: {
		"nhiệm vụ ghi “Hoàn thành” nhưng chưa có ngày hoàn thành; hãy ghi ngày hoàn thành dạng ngày/tháng/năm (ví dụ {want}).",
		"the task is marked “Hoàn thành” but has no completion date; write it as day/month/year (for example {want}).",
	},
	CodeDoneFutureDate: {
		"ngày hoàn thành {value} sau ngày báo cáo {want}; hãy kiểm tra lại ngày (ngày trước, tháng sau).",
		"completion date {value} is after the report date {want}; check the date (day first, then month).",
	},
	CodeDateNotDone: {
		"có ngày hoàn thành {value} nhưng giai đoạn chưa là “Hoàn thành”; nếu nhiệm vụ đã xong hãy chọn giai đoạn “Hoàn thành”, nếu chưa hãy xóa ngày.",
		"a completion date {value} is given but the stage is not “Hoàn thành”; if the task is done choose “Hoàn thành”, otherwise clear the date.",
	},
	CodeOfficerMissing: {
		"chưa ghi cán bộ phụ trách; hãy ghi họ tên cán bộ theo dõi nhiệm vụ để Văn phòng liên hệ khi cần.",
		"no responsible officer is given; write the name of the officer following the task so the office can reach them.",
	},
	CodeTextLegacy: {
		"ô được gõ bằng bảng mã cũ {want} (“{value}”) và đã được chuyển sang Unicode; lần sau hãy gõ bằng bảng mã Unicode (Unikey: bảng mã Unicode, phông Times New Roman).",
		"the cell was typed in the legacy {want} encoding (“{value}”) and was converted to Unicode; next time type in Unicode (Unikey: Unicode charset, Times New Roman font).",
	},
	CodePlanInvalid: {
		"danh mục nhiệm vụ không hợp lệ: {value}; hãy sửa tệp danh mục.",
		"the plan is not valid: {value}; correct the plan workbook.",
	},
}

// messagesNoValue replaces messages whose {value} is empty.
var messagesNoValue = map[Code][2]string{
	CodeTaskUnknownID: {
		"dòng chưa có mã nhiệm vụ nên được ghi nhận là nhiệm vụ đề xuất bổ sung (không tính vào tổng số); nếu là nhiệm vụ đã giao, hãy ghi mã nhiệm vụ như trong danh mục.",
		"the row has no task id, so it is listed as a proposed new task (not counted); if it is an assigned task, write its id as in the plan.",
	},
}

// englishHeader returns the English header of a canonical Vietnamese one.
func englishHeader(vi string) string {
	for _, c := range templates.Columns {
		if c.Vi == vi {
			return c.En
		}
	}
	for _, in := range append(templates.PlanInfo, templates.SubmissionInfo...) {
		if in.Vi == vi {
			return in.En
		}
	}
	return vi
}
