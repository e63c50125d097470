"""Write submissions to an XLSForm as KoboToolbox exports them, for the sample data and the round-trip tests.

The fields come from the form itself (its survey and choices sheets, read with openpyxl). Two export styles:
- "names": XML names with group prefixes (``accessibility/barriers``), choice names, as Kobo's default CSV
  (semicolon separated) — select_multiple as space-separated names plus one 1/0 column per choice;
- "labels": English labels (``Accessibility/When is the space open?``) and choice labels, as Kobo's XLSX with
  "labels" chosen.
Kobo's own columns are added: ``start``…, ``_gps_latitude``…, ``_id``, ``_uuid``, ``_submission_time``, ``_index``.
"""

import csv
from dataclasses import dataclass

LABEL = "label::English (en)"
KOBO_TAIL = [
    "_id",
    "_uuid",
    "_submission_time",
    "_validation_status",
    "_notes",
    "_status",
    "_submitted_by",
    "__version__",
    "_tags",
    "_index",
]


@dataclass
class Field:
    name: str
    kind: str
    list_name: str
    path: str  # group/name
    label_path: str  # Group label/Label


def read_form(path):
    """(fields in order, choices {list: [(name, English label)]}) of an XLSForm."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    survey = [list(row) for row in book["survey"].iter_rows(values_only=True)]
    header = [str(h) for h in survey[0]]
    fields, groups = [], []
    for row in survey[1:]:
        item = dict(zip(header, ["" if v is None else str(v) for v in row]))
        kind, *rest = item["type"].split() or [""]
        if kind == "begin_group":
            groups.append((item["name"], item.get(LABEL) or item["name"]))
        elif kind == "end_group":
            groups.pop()
        elif kind:
            path = "/".join([g for g, _ in groups] + [item["name"]])
            label_path = "/".join([label for _, label in groups] + [item.get(LABEL) or item["name"]])
            fields.append(Field(item["name"], kind, rest[0] if rest else "", path, label_path))
    choices = {}
    rows = [list(row) for row in book["choices"].iter_rows(values_only=True)]
    header = [str(h) for h in rows[0]]
    for row in rows[1:]:
        item = dict(zip(header, row))
        choices.setdefault(str(item["list_name"]), []).append((str(item["name"]), str(item.get(LABEL) or "")))
    book.close()
    return fields, choices


def export_table(form_path, submissions, style="names"):
    """Header and rows of an export. ``submissions``: dicts of field name -> value (choice name, list of choice
    names, number, text, (lat, lon) for a geopoint), plus "_uuid" and "_submission_time"."""
    fields, choices = read_form(form_path)
    labels = style == "labels"
    header, getters = [], []

    def label_of(list_name, name):
        return dict(choices.get(list_name, [])).get(name, name) if labels else name

    for field in fields:
        title = (
            field.label_path
            if labels and field.kind not in ("start", "end", "today", "deviceid", "calculate")
            else (field.name if field.kind in ("start", "end", "today", "deviceid", "calculate") else field.path)
        )
        if field.kind == "select_multiple":
            header.append(title)
            getters.append(lambda s, f=field: " ".join(label_of(f.list_name, v) for v in s.get(f.name) or []))
            for choice, choice_label in choices[field.list_name]:
                header.append(f"{title}/{choice_label if labels else choice}")
                getters.append(
                    lambda s, f=field, c=choice: "" if s.get(f.name) is None else ("1" if c in s[f.name] else "0")
                )
        elif field.kind == "select_one":
            header.append(title)
            getters.append(lambda s, f=field: label_of(f.list_name, s[f.name]) if s.get(f.name) is not None else "")
        elif field.kind == "geopoint":
            header.append(title)
            getters.append(lambda s, f=field: f"{s[f.name][0]} {s[f.name][1]} 0 5" if s.get(f.name) else "")
            for part, position in (("latitude", 0), ("longitude", 1), ("altitude", 2), ("precision", 3)):
                header.append(f"_{(field.label_path if labels else field.name)}_{part}")
                getters.append(
                    lambda s, f=field, p=position: (
                        "" if not s.get(f.name) else str((s[f.name][0], s[f.name][1], 0, 5)[p])
                    )
                )
        else:
            header.append(title)
            getters.append(lambda s, f=field: _text(s.get(f.name)))
    for column in KOBO_TAIL:
        header.append(column)
        getters.append(lambda s, c=column: _text(s.get(c)))
    rows = [[getter(submission) for getter in getters] for submission in submissions]
    for index, row in enumerate(rows):
        row[header.index("_index")] = str(index + 1)
        row[header.index("_id")] = row[header.index("_id")] or str(1000 + index)
    return header, rows


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_export(form_path, submissions, target, style="names", delimiter=";"):
    header, rows = export_table(form_path, submissions, style)
    if str(target).endswith(".xlsx"):
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = "Public space quality"
        sheet.append(header)
        for row in rows:
            sheet.append([_number_or_text(value) for value in row])
        book.save(target)
    else:
        with open(target, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter)
            writer.writerow(header)
            writer.writerows(rows)
    return target


def _number_or_text(value):
    """Kobo's XLSX stores numbers as numbers."""
    try:
        number = float(value)
    except ValueError:
        return value
    return int(number) if number.is_integer() and "." not in value else number
