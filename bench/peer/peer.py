#!/usr/bin/python3
"""The pandas peer: what an analyst would write instead of tonghop.

Reads every .xlsx in the folders given (each file's task sheet, its header
row found by the "Tên nhiệm vụ" column, and the report date from its info
sheet), concatenates the tasks, classifies each one as of the latest report
date (done on time / late, in progress on time / overdue), summarises by
sector and writes one workbook with a summary and the task table.

    /usr/bin/python3 bench/peer/peer.py -o OUT.xlsx DIR...

Plain, idiomatic pandas (openpyxl engine, one read per file, vectorised
classification). It does less than tonghop: no validation messages, no
feedback workbooks, no PDF, no formatting.
"""
import argparse
import glob
import os
import re
import unicodedata

import pandas as pd


def fold(s):
    s = unicodedata.normalize("NFD", str(s)).replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w%]+", " ", s).split())


# Header texts (folded) the departments use, to canonical column names.
COLUMNS = {
    "ma nhiem vu": "id", "ma nv": "id",
    "ten nhiem vu": "title", "noi dung nhiem vu": "title",
    "thoi han": "deadline", "thoi han hoan thanh": "deadline",
    "giai doan": "stage", "tien do thuc hien": "stage", "tien do": "stage",
    "ngay hoan thanh": "done", "ngay hoan thanh thuc te": "done",
    "can bo phu trach": "officer", "chuyen vien phu trach": "officer",
    "co quan chu tri": "lead", "don vi chu tri": "lead",
}
INFO = {"nganh": "sector", "don vi": "sector", "ngay bao cao": "date", "ngay lap": "date"}


def parse_date(v):
    """A cell as a date: datetime cells, dd/mm/yyyy, and deadlines written
    as a month, a quarter, a half or a year (the period's last day)."""
    if isinstance(v, pd.Timestamp) or hasattr(v, "year"):
        return pd.Timestamp(v)
    s = fold(v)
    m = re.search(r"(\d{1,2}) (\d{1,2}) (\d{4})", s) or re.search(r"ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})", s)
    if m:
        try:
            return pd.Timestamp(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            return pd.NaT
    end = None
    if m := re.search(r"quy (iv|iii|ii|i|[1-4]) (\d{4})", s):
        end = (int(m[2]), {"i": 3, "ii": 6, "iii": 9, "iv": 12}.get(m[1]) or 3 * int(m[1]))
    elif m := re.search(r"thang (\d{1,2}) (\d{4})", s):
        end = (int(m[2]), int(m[1]))
    elif m := re.search(r"6 thang dau nam (\d{4})", s):
        end = (int(m[1]), 6)
    elif m := re.search(r"nam (\d{4})", s):
        end = (int(m[1]), 12)
    if end:
        return pd.Timestamp(end[0], end[1], 1) + pd.offsets.MonthEnd(0)
    return pd.NaT


def read_one(path):
    sheets = pd.read_excel(path, sheet_name=None, header=None, engine="openpyxl")
    tasks, info = None, {}
    for df in sheets.values():
        if df.shape[1] >= 2:
            for key, val in zip(df[0], df[1]):
                if isinstance(key, str) and fold(key) in INFO and INFO[fold(key)] not in info:
                    info[INFO[fold(key)]] = val
        for i in range(min(len(df), 15)):
            heads = [fold(x) for x in df.iloc[i]]
            if "ten nhiem vu" in heads or "noi dung nhiem vu" in heads:
                body = df.iloc[i + 1:]
                body.columns = [COLUMNS.get(h, h) for h in heads]
                tasks = body.loc[:, ~body.columns.duplicated()]
                break
    if tasks is None:
        return None
    tasks = tasks[tasks["id"].notna() & tasks["title"].notna() & ~tasks["id"].astype(str).str.startswith("(")]
    return tasks.assign(sector=info.get("sector"), report_date=parse_date(info.get("date")), file=os.path.basename(path))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-o", default="peer.xlsx")
    ap.add_argument("dirs", nargs="+")
    a = ap.parse_args()
    paths = sorted(p for d in a.dirs for p in glob.glob(os.path.join(d, "*.xlsx")))
    df = pd.concat([t for t in map(read_one, paths) if t is not None], ignore_index=True)

    as_of = df["report_date"].max()
    df["deadline_date"] = df["deadline"].map(parse_date)
    df["done_date"] = df["done"].map(parse_date)
    done = df["stage"].map(fold).str.contains(r"^(?:da )?hoan thanh|^da ban hanh", na=False)
    late_done = df["done_date"] > df["deadline_date"]
    overdue = df["deadline_date"] < as_of
    df["status"] = "Đang thực hiện trong hạn"
    df.loc[~done & overdue, "status"] = "Đang thực hiện quá hạn"
    df.loc[done & ~late_done, "status"] = "Hoàn thành đúng hạn"
    df.loc[done & late_done, "status"] = "Hoàn thành quá hạn"

    summary = pd.crosstab(df["sector"], df["status"], margins=True, margins_name="Tổng cộng")
    cols = ["id", "sector", "title", "lead", "deadline_date", "officer", "stage", "done_date", "status", "file"]
    with pd.ExcelWriter(a.o, engine="openpyxl") as xw:
        summary.to_excel(xw, sheet_name="Tổng hợp")
        df[[c for c in cols if c in df]].to_excel(xw, sheet_name="Nhiệm vụ", index=False)
    print(f"{len(paths)} files, {len(df)} tasks, as of {as_of:%d/%m/%Y}")
    print(summary.loc["Tổng cộng"].to_string())


if __name__ == "__main__":
    main()
