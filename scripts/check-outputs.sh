#!/usr/bin/env bash
# Makes every kind of workbook tonghop writes from the bundled samples and
# opens each with an independent reader (openpyxl, Debian's python3-openpyxl).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/tonghop" ./cmd/tonghop
"$out/tonghop" consolidate -q --plan samples/plan.xlsx -o "$out/03" samples/2021-03 >/dev/null
"$out/tonghop" consolidate -q --plan samples/plan.xlsx --previous "$out/03/tong-hop-2021-03.xlsx" -o "$out/04" samples/2021-04 >/dev/null || [ $? -eq 1 ]
"$out/tonghop" template --plan samples/plan.xlsx --all --period 2021-05 -o "$out/tpl" >/dev/null
"$out/tonghop" init "$out/init" >/dev/null
/usr/bin/python3 scripts/check_openpyxl.py "$out"
