"""Reads sverka's CSV, TSV and JSONL with Python's standard library.

Usage: python3 read_tables.py FILE.csv FILE.tsv FILE.jsonl
Prints {"csv": [[en, ru, score, bead, en_ids, ru_ids], ...], "tsv": [...],
"jsonl": [object, ...]} as JSON, header rows left out; fails on malformed input.
"""
import csv
import json
import sys

with open(sys.argv[1], newline="", encoding="utf-8") as f:
    csv_rows = list(csv.reader(f, strict=True))
with open(sys.argv[2], newline="", encoding="utf-8") as f:
    # Default quoting, as pandas and spreadsheets read TSV: a field that
    # starts with a double quote is a quoted field.
    tsv_rows = list(csv.reader(f, delimiter="\t", strict=True))
with open(sys.argv[3], encoding="utf-8") as f:
    jsonl = [json.loads(line) for line in f if line.strip()]
header = ["en", "ru", "score", "bead", "en_ids", "ru_ids"]
for name, rows in (("csv", csv_rows), ("tsv", tsv_rows)):
    if rows[0] != header:
        sys.exit(f"{name}: header is {rows[0]}")
    for row in rows:
        if len(row) != len(header):
            sys.exit(f"{name}: row with {len(row)} fields: {row}")
json.dump({"csv": csv_rows[1:], "tsv": tsv_rows[1:], "jsonl": jsonl}, sys.stdout, ensure_ascii=False)
