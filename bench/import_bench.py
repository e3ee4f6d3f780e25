"""Import of a district-size enterprise roster (.xlsx) into a fresh database.

    .venv/bin/python bench/import_bench.py [--rows 150000]

Writes a roster the way offices keep it (a title row above Chinese headers, lower-case codes,
phone numbers stored as numbers, dates as Excel dates) to bench/out/, then times the preview,
the import and a second import of the same file (which must change nothing). Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

from liaison.demo.names import person_name
from liaison.domain.uscc import make_uscc
from liaison.imports import import_enterprises, preview_enterprises
from liaison.services import accounts
from liaison.services.setup import init_database
from liaison.sync.log import database

ROOT = Path(__file__).resolve().parents[1]
STREETS = ["观音桥", "华新街街道", "五里店", "江北城街道", "石马河", "大石坝街道", "寸滩", "鱼嘴镇"]
TRADES = ["科技", "商贸", "机械", "物流", "餐饮管理", "建筑工程", "信息技术", "文化传媒"]


def write_roster(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("名录")
    ws.append(["江北区民营企业名录（基准数据）"])
    ws.append(
        ["序号", "单位名称", "信用代码", "法人", "所属街道", "注册地址", "联系电话", "成立日期"]
    )
    for i in range(rows):
        code = make_uscc(f"91500105MA{i:07d}")
        ws.append(
            [
                i + 1,
                f"重庆{rng.choice('鑫源华渝嘉陵江北两江德润')}{i}{rng.choice(TRADES)}有限公司",
                code.lower(),
                person_name(rng),
                rng.choice(STREETS),
                f"重庆市江北区建新北路{rng.randint(1, 300)}号",
                13800000000 + rng.randint(0, 99999999),
                date(2005, 1, 1) + timedelta(days=rng.randint(0, 7000)),
            ]
        )
    wb.save(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=150_000)
    args = ap.parse_args()
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    roster = out / f"roster-{args.rows}.xlsx"
    t = time.perf_counter()
    if not roster.exists():
        write_roster(roster, args.rows)
    results: dict[str, object] = {
        "rows": args.rows,
        "write_xlsx_s": round(time.perf_counter() - t, 1),
    }
    db_path = Path(tempfile.mkdtemp()) / "import.sqlite"
    init_database(db_path)
    db = database(db_path)
    accounts.create_district(db, "admin", "管理员", "bench-password")
    admin = accounts.sign_in(db, "admin", "bench-password")
    t = time.perf_counter()
    preview = preview_enterprises(db, roster)
    results["preview_s"] = round(time.perf_counter() - t, 1)
    results["preview_new"] = preview.new
    t = time.perf_counter()
    result = import_enterprises(db, admin, roster)
    results["import_s"] = round(time.perf_counter() - t, 1)
    results["added"] = result.added
    t = time.perf_counter()
    again = import_enterprises(db, admin, roster)
    results["reimport_s"] = round(time.perf_counter() - t, 1)
    results["reimport_unchanged"] = again.unchanged
    db.dispose()
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
