#!/usr/bin/env python3
"""Checks that pandas and DuckDB read dyad's CSV and Parquet exports unmodified, with the
row counts and column types EXPORT.md documents.

usage: read_exports.py CSV PARQUET PARTITION_DIR ROWS
Exits 0 and prints a skip reason when pandas or duckdb is not installed.
"""
import os
import sys

try:
    import duckdb
    import pandas as pd
except ImportError as e:  # not every CI can install them
    print(f"skip: {e}")
    sys.exit(0)

csv_path, parquet_path, part_dir, rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

# EXPORT.md: column -> (kind). Kinds: str, date, int, float.
KINDS = {}
EXPORT_MD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "EXPORT.md")
for line in open(EXPORT_MD, encoding="utf-8"):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) >= 3 and cells[1] in ("str", "date", "int", "float") and cells[0].startswith("`"):
        KINDS[cells[0].strip("`")] = cells[1]
assert len(KINDS) == 40, f"EXPORT.md documents {len(KINDS)} flat columns, expected 40"

failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


# pandas, CSV: str -> object, date -> object (strings; use parse_dates), int -> int64,
# float -> float64; any column with an empty cell reads as float64 (int) or object/float64.
df = pd.read_csv(csv_path)
check("pandas csv rows", len(df), rows)
check("pandas csv columns", list(df.columns), list(KINDS))
for col, kind in KINDS.items():
    has_na = bool(df[col].isna().any())
    if df[col].isna().all():
        continue  # an all-empty column has no type to check
    # pandas 3 names its string dtype "str"; `cameo` reads as int64 (EXPORT.md's caveat).
    want = {"str": ("object", "str", "string"), "date": ("object", "str", "string"),
            "int": ("float64",) if has_na else ("int64",), "float": ("float64",)}[kind]
    if col == "cameo":
        want = want + ("int64",)
    if str(df[col].dtype) not in want:
        failures.append(f"pandas csv {col}: {df[col].dtype} not in {want}")

# pandas, Parquet: str -> object, date -> object (datetime.date) , int -> Int64/int64/float64, float -> float64.
pq = pd.read_parquet(parquet_path)
check("pandas parquet rows", len(pq), rows)
check("pandas parquet columns", list(pq.columns), list(KINDS))
for col, kind in KINDS.items():
    has_na = bool(pq[col].isna().any())
    want = {"str": ("object", "string", "str"), "date": ("object", "datetime64[ms]", "datetime64[s]"),
            "int": ("float64",) if has_na else ("int64",), "float": ("float64",)}[kind]
    if str(pq[col].dtype) not in want:
        failures.append(f"pandas parquet {col}: {pq[col].dtype} not in {want}")

# DuckDB: Parquet types are exact; CSV types are sniffed.
con = duckdb.connect()
DUCK = {"str": "VARCHAR", "date": "DATE", "int": "BIGINT", "float": "DOUBLE"}
for name, rel in [("parquet", f"read_parquet('{parquet_path}')"),
                  ("partitioned parquet", f"read_parquet('{part_dir}/*/*.parquet', hive_partitioning = true)")]:
    check(f"duckdb {name} rows", con.execute(f"SELECT count(*) FROM {rel}").fetchone()[0], rows)
    types = dict((r[0], r[1]) for r in con.execute(f"DESCRIBE SELECT * FROM {rel}").fetchall())
    for col, kind in KINDS.items():
        check(f"duckdb {name} {col}", types.get(col), DUCK[kind])
check("duckdb csv rows", con.execute(f"SELECT count(*) FROM read_csv('{csv_path}')").fetchone()[0], rows)
types = dict((r[0], r[1]) for r in con.execute(f"DESCRIBE SELECT * FROM read_csv('{csv_path}')").fetchall())
for col, kind in KINDS.items():
    if kind in ("date", "float"):
        check(f"duckdb csv {col}", types.get(col), DUCK[kind])

if failures:
    print("\n".join(failures))
    sys.exit(1)
print(f"ok: pandas {pd.__version__} and duckdb {duckdb.__version__} read {rows} rows with the documented types")
