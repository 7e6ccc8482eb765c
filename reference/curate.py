"""Rebuild reference/usgs_rare_earths.csv from the collected source table.

    python reference/curate.py ../shared/reference/usgs_rare_earths.csv \
        > reference/usgs_rare_earths.csv

Keeps the rows printed in the USGS Mineral Commodity Summaries (2025 and 2026 editions,
"Rare Earths" and "Rare Earths (Heavy)" chapters) and drops the rest; see README.md in
this folder for what is dropped and why. Figures are copied as published; only their
form changes (periods without the edition note, "million USD" written out in USD, an
edition and a publication date for each row).
"""

from __future__ import annotations

import csv
import re
import sys

EDITIONS = {
    "USGS Mineral Commodity Summaries 2026, Rare Earths": (
        "USGS Mineral Commodity Summaries 2026",
        "2026-02",
    ),
    "USGS Mineral Commodity Summaries 2025, Rare Earths": (
        "USGS Mineral Commodity Summaries 2025",
        "2025-01",
    ),
}
COLUMNS = [
    "entity",
    "metric",
    "period",
    "value",
    "unit",
    "qualifier",
    "source",
    "source_locator",
    "edition",
    "published",
]
DROPPED_UNITS = {"persons", "rank"}


def curate(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    kept = []
    for row in rows:
        edition = next(
            (e for prefix, e in EDITIONS.items() if row["source"].startswith(prefix)), None
        )
        if edition is None:
            continue  # secondary reports, company figures, the data-release CSV
        if "DERIVED" in row["qualifier"] or not row["value"].strip():
            continue  # computed by the collector, or not available (NA, "E")
        if row["unit"] in DROPPED_UNITS:
            continue
        period = re.sub(r"\s*\(.*\)\s*$", "", row["period"]).strip()
        value, unit = row["value"].strip(), row["unit"].strip()
        if unit == "million USD":
            whole, _, frac = value.partition(".")
            value = str(int(whole) * 1_000_000 + (int(frac.ljust(6, "0")) if frac else 0))
            unit = "USD"
        kept.append(
            {
                **row,
                "period": period,
                "value": value,
                "unit": unit,
                "edition": edition[0],
                "published": edition[1],
            }
        )
    return kept


def main(path: str) -> None:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in curate(rows):
        writer.writerow({c: row.get(c, "") for c in COLUMNS})


if __name__ == "__main__":
    main(sys.argv[1])
