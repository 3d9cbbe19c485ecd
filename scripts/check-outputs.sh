#!/usr/bin/env bash
# Makes every kind of workbook tonghop writes from the bundled samples and
# opens each with an independent reader (openpyxl, Debian's python3-openpyxl),
# checking sheet names and key values.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/tonghop" ./cmd/tonghop
t="$out/tonghop"
"$t" consolidate -q --plan samples/plan.xlsx -o "$out/03" samples/2021-03 >/dev/null
# April has a proposed new task, a warning: exit 0; the messy inbox exits 1.
"$t" consolidate -q --plan samples/plan.xlsx --previous "$out/03/tong-hop-2021-03.xlsx" -o "$out/04" samples/2021-04 >/dev/null
"$t" consolidate -q --plan samples/plan.xlsx -o "$out/messy" samples/inbox-messy >/dev/null || [ $? -eq 1 ]
"$t" template --plan samples/plan.xlsx --all --period 2021-05 -o "$out/tpl" >/dev/null
"$t" init "$out/init" >/dev/null
check() { /usr/bin/python3 scripts/check_openpyxl.py "$@"; }
check "$out/03/tong-hop-2021-03.xlsx" --sheets "Tổng hợp,Nhiệm vụ,Quá hạn - Sắp đến hạn,Khó khăn - Đề xuất,Đôn đốc,Nhiệm vụ đề xuất,Nguồn" \
	--cell "Tổng hợp!B13=Tổng cộng" --cell "Tổng hợp!C13=55" --cell "Tổng hợp!D13=12"
check "$out/04/tong-hop-2021-04.xlsx" --sheets "Tổng hợp,Nhiệm vụ,Nguồn"
check "$out/messy/tong-hop-2021-03.xlsx" --sheets "Tổng hợp,Nhiệm vụ,Nguồn" --cell "Tổng hợp!C13=55"
for f in "$out"/messy/gop-y/*.xlsx; do check "$f"; done
check "$out/tpl/bieu-mau-YT-2021-05.xlsx" --sheets "Hướng dẫn,Thông tin,Nhiệm vụ" --cell "Thông tin!B1=YT" --cell "Thông tin!B2=2021-05"
check "$out/init/danh-muc-nhiem-vu.xlsx" --sheets "Hướng dẫn,Thông tin,Ngành,Nhiệm vụ" --cell "Ngành!A1=Mã ngành"
echo "openpyxl: every workbook opened cleanly"
