"""Results kept as each city finishes: one JSON line per city in ``cities.jsonl``, written whole and flushed to
disk, so a run that is stopped or crashes resumes where it was (a half-written last line is ignored). The tables
for people (CSV, GeoPackage) and the report are written from it at the end, each through a temporary file."""

import csv
import json
import os
from pathlib import Path

from ..core.files import atomic_write
from .task import FINAL_STATUSES

RESULTS = "cities.jsonl"
SETTINGS = "run.json"  # the inputs and parameters the kept rows were computed with


class ResultStore:
    def __init__(self, folder):
        self.folder = Path(folder)
        self.path = self.folder / RESULTS
        self.rows = {}  # city_id -> row
        self.settings = None
        if self.path.exists():
            with open(self.path, encoding="utf-8") as stream:
                for line in stream:
                    try:
                        row = json.loads(line)
                    except ValueError:  # the line a crash cut short
                        continue
                    self.rows[str(row["city_id"])] = row

    def check_settings(self, settings: dict) -> None:
        """Rows are only resumed for the same inputs and parameters: a folder that holds another run's rows is
        refused (mixing them would give a table that no single run produced)."""
        from ..core.text import HabitatError, tr

        path = self.folder / SETTINGS
        wanted = json.loads(json.dumps(settings, default=str))
        if path.exists() and self.rows:
            try:
                kept = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:
                kept = None
            if kept != wanted:
                raise HabitatError(
                    tr(
                        "The folder {0} holds the results of a run with other inputs or parameters: "
                        "choose another folder, or delete its {1} to start again.",
                        str(self.folder),
                        RESULTS,
                    )
                )
        self.settings = wanted  # written with the first row: a run that stops before any city leaves nothing

    def _save_settings(self) -> None:
        if self.settings is not None:
            (self.folder / SETTINGS).write_text(
                json.dumps(self.settings, ensure_ascii=False, indent=1), encoding="utf-8"
            )
            self.settings = None

    def done(self, city_id) -> bool:
        """Finished in an earlier run with a status the data decided (an unexpected failure is tried again)."""
        row = self.rows.get(str(city_id))
        return row is not None and row.get("status") in FINAL_STATUSES

    def add(self, row: dict) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._save_settings()
        line = json.dumps(row, ensure_ascii=False, allow_nan=False, default=_plain) + "\n"
        with open(self.path, "a", encoding="utf-8") as stream:
            stream.write(line)
            stream.flush()
            os.fsync(stream.fileno())
        self.rows[str(row["city_id"])] = row


def _plain(value):
    """numpy numbers and the like as plain JSON values."""
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"not JSON: {type(value).__name__}")


def flat_columns(groups) -> list:
    columns = [
        "city_id",
        "name",
        "status",
        "message",
        "area_km2",
        "ops_pct",
        "street_pct",
        "total_pct",
        "population",
        "served",
        "share_pct",
        "share_straight_pct",
    ]
    for group in groups:
        columns += [f"pop_{group}", f"served_{group}", f"share_{group}", f"share_sl_{group}"]
    return columns + ["network_parts", "streets", "spaces", "seconds"]


def flat_row(row: dict, groups) -> dict:
    flat = {key: row.get(key) for key in flat_columns([]) if key in row}
    for group in groups:
        values = (row.get("groups") or {}).get(group) or {}
        flat[f"pop_{group}"] = values.get("population")
        flat[f"served_{group}"] = values.get("served")
        flat[f"share_{group}"] = values.get("share_pct")
        flat[f"share_sl_{group}"] = values.get("share_straight_pct")
    return flat


DISTRICT_KEYS = ("district_id", "district", "area_km2", "ops_pct", "street_pct", "total_pct")


def district_columns(groups) -> list:
    columns = ["city_id", "city", *DISTRICT_KEYS, "population", "served", "share_pct", "share_straight_pct"]
    for group in groups:
        columns += [f"pop_{group}", f"served_{group}", f"share_{group}", f"share_sl_{group}"]
    return columns


def district_rows(rows, groups) -> list:
    """One flat dict per district of every city (a district met by two extents has a row in each)."""
    flat_rows = []
    for row in rows:
        for entry in row.get("districts") or []:
            flat = {"city_id": row.get("city_id"), "city": row.get("name")}
            flat.update({key: entry.get(key) for key in DISTRICT_KEYS})
            values = entry.get("groups") or {}
            total = values.get(groups[0]) if groups else None
            if total:
                flat.update(
                    {key: total.get(key) for key in ("population", "served", "share_pct", "share_straight_pct")}
                )
            for group in groups:
                part = values.get(group) or {}
                flat[f"pop_{group}"] = part.get("population")
                flat[f"served_{group}"] = part.get("served")
                flat[f"share_{group}"] = part.get("share_pct")
                flat[f"share_sl_{group}"] = part.get("share_straight_pct")
            flat["wkb"] = entry.get("wkb")
            flat_rows.append(flat)
    return flat_rows


def as_text(value) -> str:
    """A cell for a CSV a spreadsheet opens: text starting with = + - @ is stored as text, not a formula."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}" if abs(value) < 1e15 else repr(value)
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def write_csv(path, rows, groups) -> str:
    return write_table_csv(path, flat_columns(groups), [flat_row(row, groups) for row in rows])


def write_table_csv(path, columns, flat_rows) -> str:
    def write(partial):
        with open(partial, "w", newline="", encoding="utf-8-sig") as stream:  # the BOM: Excel reads UTF-8 names
            writer = csv.DictWriter(stream, columns)
            writer.writeheader()
            for flat in flat_rows:
                writer.writerow({key: as_text(flat.get(key)) for key in columns})

    return atomic_write(path, write)
