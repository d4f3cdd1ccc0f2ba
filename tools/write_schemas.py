#!/usr/bin/env python3
"""Write the JSON Schema of every output table into docs/schema/, from isnad.schema.

    python3 tools/write_schemas.py [--out docs/schema]

The tables' columns and types are declared once, in src/isnad/schema.py; this
writes what that declaration gives, one ``TABLE.schema.json`` a table
(tests/test_schema.py checks that the files in the repository are up to date).
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from isnad import schema

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "docs" / "schema"


def schema_text(table: str) -> str:
    """The file's content for ``table``: its JSON Schema, indented, keys in declared order."""
    return json.dumps(schema.json_schema(table), ensure_ascii=False, indent=2) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write (default: docs/schema)")
    out = parser.parse_args().out
    out.mkdir(parents=True, exist_ok=True)
    for table in schema.TABLES:
        (out / f"{table}.schema.json").write_text(schema_text(table), encoding="utf-8")
    print(f"{len(schema.TABLES)} schemas written to {out}")


if __name__ == "__main__":
    main()
