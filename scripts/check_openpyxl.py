#!/usr/bin/python3
"""Open workbooks with openpyxl (another library than the one that wrote
them) and check sheet names and key cells.

    /usr/bin/python3 scripts/check_openpyxl.py FILE.xlsx \
        [--sheets "Tổng hợp,Nhiệm vụ"] [--cell "Tổng hợp!B7=55"] ...

Every file is opened twice, normally and in read-only mode (which trusts
the sheet dimension). Any warning openpyxl raises while loading counts as a
failure, as does a missing sheet or a cell whose value (as text; dates as
dd/mm/yyyy) differs. Exit status 0 when all checks pass, 1 otherwise.
Uses Debian's python3-openpyxl: run it with /usr/bin/python3.
"""
import argparse
import datetime
import sys
import warnings

import openpyxl


def text(v):
    if v is None:
        return ""
    if isinstance(v, datetime.datetime):
        return v.strftime("%d/%m/%Y")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def check(path, sheets, cells):
    problems = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        wb = openpyxl.load_workbook(path)
        ro = openpyxl.load_workbook(path, read_only=True)
    for w in caught:
        problems.append("warning while loading: %s" % w.message)
    names = wb.sheetnames
    print("%s: %s" % (path, ", ".join(names)))
    for name in sheets:
        if name not in names:
            problems.append("sheet %r missing" % name)
    for name in names:
        ws, rs = wb[name], ro[name]
        rows = sum(1 for _ in rs.iter_rows(values_only=True))
        print("  %-28s %-8s max_row=%-5d read_only_rows=%d dims=%s" % (
            name, ws.sheet_state, ws.max_row, rows, ws.dimensions))
        if rows < ws.max_row:
            problems.append("sheet %r: read-only mode sees %d of %d rows (sheet dimension?)" % (name, rows, ws.max_row))
    for spec in cells:
        ref, _, want = spec.partition("=")
        sheet, _, cell = ref.rpartition("!")
        if sheet not in names:
            problems.append("%s: no sheet %r" % (spec, sheet))
            continue
        got = text(wb[sheet][cell].value)
        if got != want:
            problems.append("%s!%s = %r, want %r" % (sheet, cell, got, want))
    ro.close()
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--sheets", default="", help="comma-separated sheet names that must exist")
    ap.add_argument("--cell", action="append", default=[], help="SHEET!A1=VALUE (repeatable)")
    args = ap.parse_args()
    sheets = [s for s in args.sheets.split(",") if s]
    failed = False
    for path in args.files:
        try:
            problems = check(path, sheets, args.cell)
        except Exception as e:  # a file openpyxl cannot open at all
            problems = ["cannot open: %s: %s" % (type(e).__name__, e)]
        for p in problems:
            print("  FAIL %s" % p)
        failed = failed or bool(problems)
    print("FAIL" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
