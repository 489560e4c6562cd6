"""Reads a TMX file with translate-toolkit and prints its units as JSON.

Usage: python read_tmx.py FILE.tmx
Prints {"srclang": ..., "units": [{"id": ..., "source": ..., "target": ...}]}.
"""
import json
import sys

from translate.storage import tmx

store = tmx.tmxfile.parsefile(sys.argv[1])
units = [
    {"id": unit.getid(), "source": unit.source, "target": unit.target}
    for unit in store.units
]
json.dump({"srclang": store.sourcelanguage, "units": units}, sys.stdout, ensure_ascii=False)
