"""Public space quality from a KoboToolbox export: read it, check it, link submissions to spaces, score them.

Reads CSV (comma or semicolon) or XLSX exports with XML names or labels (any language of the questionnaire) as
headers, with or without group prefixes (``group/question``), with Kobo's own columns (``_uuid``,
``_submission_time``, ``_gps_latitude``…). Every row that cannot be used, every answer that cannot be scored
and every column that is not understood becomes a ``Problem`` for the log table: nothing is dropped silently.

Scores (methods.md §1.6, [D]: no official aggregation formula exists): each scored answer is 0-1 as the
questionnaire declares; per space and item the mean over its submissions; a dimension is the mean of its
answered items x 100; the quality index is the weighted mean of the dimensions, given only when every weighted
dimension has a score, and never instead of them.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Sequence, Set, Tuple, Union, cast

from ..files import decode_text
from ..text import HabitatError, tr, tr_noop
from .survey import FORM_VERSION_FIELD, NOT_IN_LIST, Question, Questionnaire, evenness, space_id_from_label, text_in

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from ..files import StrPath

    # An answer: a choice name (select_one) or a text, the set of ticked choices (select_multiple), a number.
    Answer = Union[str, Set[str], float]

# Problem codes and what they mean in the log (translated when written).
PROBLEMS = {
    "unknown_column": tr_noop("Column not in the questionnaire; ignored"),
    "missing_column": tr_noop("Question of the questionnaire missing from the export; not scored"),
    "duplicate_uuid": tr_noop("Duplicate submission (same _uuid as an earlier row); left out"),
    "no_location": tr_noop("No space id and no GPS point; cannot be linked to a space"),
    "unknown_space_id": tr_noop("Space id not in the inventory; linked by GPS if possible"),
    "outside_spaces": tr_noop("GPS point not inside or near any space; not linked"),
    "gps_far_from_space": tr_noop("GPS point far from the chosen space; the space id was used"),
    "invalid_gps": tr_noop("GPS value cannot be read"),
    "invalid_answer": tr_noop("Answer not in the choice list or out of range; not scored"),
    "duplicate_column": tr_noop("Second column for the same question; ignored, the first one is used"),
    "version_mismatch": tr_noop("Form version differs from the questionnaire; scored where the questions match"),
}
KOBO_META = {
    "start",
    "end",
    "today",
    "deviceid",
    "username",
    "simserial",
    "subscriberid",
    "phonenumber",
    "audit",
    "__version__",
    "instanceid",
    "rootuuid",
    "deprecatedid",
    FORM_VERSION_FIELD,
}
TICKED = ("1", "true", "yes", "1.0")  # a select_multiple choice column (question/choice) of an export
NOT_TICKED = ("0", "false", "no", "0.0", "")
MAX_WEIGHT = 1000.0  # weights are relative: beyond, a typo (or a sum that overflows)
MISSING_SPACE_LABELS = {NOT_IN_LIST, "not in the list", "不在列表中"}  # the form's "not in the list" choice


@dataclass
class Problem:
    row: int  # row in the export file; 1 is the header row
    uuid: str
    code: str
    column: str = ""
    value: str = ""


@dataclass
class Submission:
    row: int
    uuid: str
    space_id: Optional[str] = None  # a known inventory id, or None
    lat: Optional[float] = None
    lon: Optional[float] = None
    # question name -> choice name, set of names or number (an Answer, by the question's kind)
    answers: Dict[str, Any] = field(default_factory=dict)


@dataclass
class Export:
    name: str
    headers: List[str]
    rows: List[List[str]]  # lists of text cells, as long as headers
    encoding: str = field(default="", compare=False)  # how a CSV was decoded (files.decode_text); "" for XLSX


def read_export(path: StrPath) -> Export:
    """The first sheet of an XLSX or a CSV (comma, semicolon or tab) as text cells.

    A damaged, empty or undecodable file, a CSV with an unbalanced quote and rows with more or fewer cells than
    the header row are refused with a message naming the file (and the line or row): a row shifted by a stray
    quote or separator would otherwise put answers under the wrong questions.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".txt", ".xlsx"):
        raise HabitatError(tr("{0}: a KoboToolbox export is a .csv or .xlsx file.", path.name))
    if path.name.startswith("~$"):
        raise HabitatError(
            tr(
                "{0} is a lock file that Excel leaves while a workbook is open, not a survey export: "
                "choose the export itself.",
                path.name,
            )
        )
    try:
        size = path.stat().st_size
    except OSError as error:
        raise HabitatError(
            tr("Cannot read the survey export {0}: {1}", path.name, error.strerror or str(error))
        ) from error
    if size == 0:
        raise HabitatError(
            tr("The survey export {0} is empty (0 bytes): download it again from KoboToolbox.", path.name)
        )
    encoding = ""
    if suffix == ".xlsx":
        table, kind = _read_xlsx(path), tr("row")
    else:
        (table, encoding), kind = _read_csv(path), tr("line")
    numbered = [(number, row) for number, row in table if any(str(cell).strip() for cell in row)]
    if not numbered:
        raise HabitatError(tr("The survey export {0} is empty.", path.name))
    headers = [str(h).strip() for h in numbered[0][1]]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    uneven: List[Tuple[int, int]] = []
    for number, row in numbered[1:]:
        cells = [str(c) for c in row]
        while len(cells) > width and not cells[-1].strip():  # empty cells after the last column do no harm
            cells.pop()
        if len(cells) > width or (len(cells) < width and suffix != ".xlsx"):
            uneven.append((number, len(cells)))
    if uneven:
        listed = ", ".join(tr("{0} {1} ({2} cells)", kind, number, count) for number, count in uneven[:5])
        raise HabitatError(
            tr(
                "The survey export {0} is damaged: its header row has {1} columns, but {2} rows have a "
                "different number of cells: {3}{4}. A stray quote or separator shifts the answers "
                "to the wrong questions; export the data again from KoboToolbox.",
                path.name,
                width,
                len(uneven),
                listed,
                ", …" if len(uneven) > 5 else "",
            )
        )
    rows = [[str(c).strip() for c in (list(row) + [""] * width)[:width]] for _, row in numbered[1:]]
    if not rows:
        raise HabitatError(tr("The survey export {0} has a header row but no submissions.", path.name))
    return Export(path.name, headers, rows, encoding)


def _read_csv(path: Path) -> Tuple[List[Tuple[int, List[str]]], str]:
    """([(line number, cells)], encoding) of a CSV, comma, semicolon or tab separated, in UTF-8 (with or without
    BOM), GB18030 (Excel's "CSV" on a Chinese Windows) or UTF-16 (files.decode_text)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise HabitatError(
            tr("Cannot read the survey export {0}: {1}", path.name, error.strerror or str(error))
        ) from error
    text, encoding = decode_text(data, path.name)
    if "\0" in text:
        line = text[: text.index("\0")].count("\n") + 1
        raise HabitatError(
            tr(
                "The survey export {0} is not a text file (line {1} holds binary data): it is damaged or not a CSV.",
                path.name,
                line,
            )
        )
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",;\t", key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    table: List[Tuple[int, List[str]]] = []
    start = 1
    try:
        for cells in reader:
            table.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as error:
        raise HabitatError(
            tr(
                "The survey export {0} is damaged at line {1}: a quote is not closed or is followed by "
                "other text ({2}). Export the data again from KoboToolbox.",
                path.name,
                start,
                str(error),
            )
        ) from error
    return table, encoding


def _read_xlsx(path: Path) -> List[Tuple[int, List[str]]]:
    """[(row number, cells)] of the first sheet of a workbook."""
    try:
        from openpyxl import load_workbook

        book = load_workbook(path, read_only=True, data_only=True)
        try:
            if not book.worksheets:
                raise HabitatError(tr("The survey export {0} has no sheet.", path.name))
            table = [
                (number, [_cell(v) for v in row])
                for number, row in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1)
            ]
        finally:
            book.close()
    except HabitatError:
        raise
    except Exception as error:  # noqa: BLE001 - BadZipFile, KeyError, XML errors...: any damage inside the file
        raise HabitatError(
            tr(
                "The survey export {0} is not a readable XLSX workbook: it is damaged, incomplete or "
                "another format ({1}). Download it again from KoboToolbox.",
                path.name,
                str(error) or type(error).__name__,
            )
        ) from error
    return table


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _norm(text: object) -> str:
    return re.sub(r"\s+", " ", str(text)).strip().lower()


@dataclass
class Columns:
    questions: Dict[str, int]  # question name -> column index
    # (question name, choice name) -> column index (select_multiple "question/choice" columns)
    split: Dict[Tuple[str, str], int]
    uuid: Optional[int] = None
    version: Optional[int] = None
    latitude: Optional[int] = None
    longitude: Optional[int] = None
    unknown: List[Tuple[int, str]] = field(default_factory=list)  # (index, header)
    # (index, header) of a second column for a question
    duplicates: List[Tuple[int, str]] = field(default_factory=list)
    missing: List[str] = field(default_factory=list)  # question names


def map_columns(questionnaire: Questionnaire, headers: Sequence[str]) -> Columns:
    names: Dict[str, str] = {}
    labels: Dict[str, str] = {}
    for q in questionnaire.questions:
        names[q.name.lower()] = q.name
        for text in (q.label or {}).values():
            labels.setdefault(_norm(text), q.name)
    columns = Columns({}, {})
    geopoint = next((q.name for q in questionnaire.questions if q.kind == "geopoint"), None)
    for index, header in enumerate(headers):
        parts = [part for part in header.split("/") if part.strip()]
        low = header.lower()
        if low == "_uuid" or low == "meta/instanceid":
            if low == "_uuid" or columns.uuid is None:
                columns.uuid = index
            continue
        coordinate = _coordinate(low, geopoint)
        if coordinate is not None:
            attribute, own = coordinate
            if own or getattr(columns, attribute) is None:  # the form's own geopoint wins over any other
                setattr(columns, attribute, index)
            continue
        if parts and parts[-1].lower() == FORM_VERSION_FIELD:
            columns.version = index
            continue
        if not parts and header == "":
            columns.unknown.append((index, tr("(column {0} without a header)", index + 1)))
            continue
        if (
            not parts
            or header.startswith("_")
            or parts[0].lower() in ("meta", "formhub")
            or parts[-1].lower() in KOBO_META
        ):
            continue
        name = _question_of(parts, names, labels)
        if name is not None:
            if name in columns.questions:  # two columns for one question: which answer is right is unknown
                columns.duplicates.append((index, header))
                continue
            columns.questions[name] = index
            continue
        split = _split_column(questionnaire, parts, names, labels)
        if split is not None:
            columns.split[split] = index
            continue
        base = parts[-1][:-4] if parts[-1].lower().endswith("_url") else ""
        media = questionnaire.question(names.get(base.lower(), ""))
        if media is not None and media.kind == "image":
            continue
        columns.unknown.append((index, header))
    split_questions = {name for name, _ in columns.split}
    columns.missing = [
        q.name
        for q in questionnaire.questions
        if q.name not in columns.questions
        and q.name not in split_questions
        and not (q.kind == "geopoint" and columns.latitude is not None)
    ]
    return columns


def _coordinate(header: str, geopoint: Optional[str]) -> Optional[Tuple[str, bool]]:
    """("latitude" or "longitude", named after the form's geopoint?) for Kobo's split GPS columns
    (_gps_latitude, _group/gps_latitude, _<label>_latitude in label exports); None for other headers."""
    for end in ("_latitude", "_longitude"):
        if header.startswith("_") and header.endswith(end):
            return end[1:], bool(geopoint) and header[1 : -len(end)].split("/")[-1] == (geopoint or "").lower()
    return None


def _question_of(parts: Sequence[str], names: Mapping[str, str], labels: Mapping[str, str]) -> Optional[str]:
    """The question a header names: its last segment as an XML name, or any trailing segments as a label."""
    if parts[-1].strip().lower() in names:
        return names[parts[-1].strip().lower()]
    for start in range(len(parts)):
        label = _norm("/".join(parts[start:]))
        if label in labels:
            return labels[label]
    return None


def _split_column(
    questionnaire: Questionnaire, parts: Sequence[str], names: Mapping[str, str], labels: Mapping[str, str]
) -> Optional[Tuple[str, str]]:
    if len(parts) < 2:
        return None
    name = _question_of(parts[:-1], names, labels)
    question = questionnaire.question(name) if name else None
    if question is None or question.kind != "select_multiple":
        return None
    choice = _choice(questionnaire, question.list_name, parts[-1])
    return (question.name, choice) if choice else None


def _choice(questionnaire: Questionnaire, list_name: str, value: str) -> Optional[str]:
    """The choice name that ``value`` is (as a name or a label in any language), or None."""
    value = _norm(value)
    for item in questionnaire.choices.get(list_name, []):
        if _norm(item["name"]) == value or any(_norm(text) == value for text in item["label"].values()):
            return item["name"]
    return None


def _choices_in(questionnaire: Questionnaire, list_name: str, value: str) -> Optional[Set[str]]:
    """The set of choices in a select_multiple cell (names separated by spaces, or labels), or None."""
    tokens = value.split()
    names = [_choice(questionnaire, list_name, token) for token in tokens]
    if tokens and all(names):
        return cast("Set[str]", set(names))
    rest = _norm(value)
    found: Set[str] = set()
    items = sorted(
        (
            (_norm(text), item["name"])
            for item in questionnaire.choices.get(list_name, [])
            for text in item["label"].values()
        ),
        key=lambda pair: -len(pair[0]),
    )
    for text, name in items:
        if text and text in rest:
            found.add(name)
            rest = rest.replace(text, " ")
    return found if found and not re.sub(r"[\s,;|]+", "", rest) else None


def interpret(
    questionnaire: Questionnaire,
    export: Export,
    space_ids: Optional[Iterable[object]] = None,
) -> Tuple[List[Submission], List[Problem], Columns]:
    """(submissions, problems, columns): every row checked against the questionnaire.

    ``space_ids`` are the inventory's ids as text; an id that is not among them is reported and the row is then
    linked by its GPS point, if any.
    """
    columns = map_columns(questionnaire, export.headers)
    space_question = next(q.name for q in questionnaire.questions if q.kind == "space_id")
    if (
        space_question not in columns.questions
        and columns.latitude is None
        and not _geopoint_column(questionnaire, columns)
    ):
        raise HabitatError(
            tr(
                '{0}: the export has neither the space id column "{1}" nor GPS columns '
                '("_gps_latitude", "_gps_longitude" or "gps"); its submissions cannot be linked '
                "to spaces. Columns found: {2}",
                export.name,
                space_question,
                ", ".join(export.headers),
            )
        )
    scored = [q.name for q in questionnaire.questions if q.dimension]
    if not any(name in columns.questions or any(n == name for n, _ in columns.split) for name in scored):
        raise HabitatError(
            tr(
                "{0}: none of the questionnaire's scored questions is in the export. Is it the "
                "export of this form? Columns found: {1}",
                export.name,
                ", ".join(export.headers),
            )
        )
    problems = [Problem(1, "", "unknown_column", header) for _, header in columns.unknown]
    problems += [Problem(1, "", "missing_column", name) for name in columns.missing]
    problems += [Problem(1, "", "duplicate_column", header) for _, header in columns.duplicates]
    known = {str(i).strip() for i in space_ids} if space_ids is not None else None
    submissions: List[Submission] = []
    seen: Dict[str, int] = {}
    for offset, cells in enumerate(export.rows):
        row = offset + 2
        uuid = cells[columns.uuid] if columns.uuid is not None else ""
        if uuid and uuid in seen:
            problems.append(Problem(row, uuid, "duplicate_uuid", "_uuid", tr("first in row {0}", seen[uuid])))
            continue
        if uuid:
            seen[uuid] = row
        submission = Submission(row, uuid)
        if columns.version is not None and cells[columns.version] and cells[columns.version] != questionnaire.version:
            problems.append(Problem(row, uuid, "version_mismatch", FORM_VERSION_FIELD, cells[columns.version]))
        for question in questionnaire.questions:
            value = _answer(questionnaire, question, columns, cells, row, uuid, problems)
            if value is not None:
                submission.answers[question.name] = value
        raw_id = submission.answers.pop(space_question, None)
        submission.space_id = _space_id(cast(Optional[str], raw_id), known, row, uuid, space_question, problems)
        submission.lat, submission.lon = _gps(questionnaire, columns, cells, row, uuid, problems)
        submissions.append(submission)
    return submissions, problems, columns


def _geopoint_column(questionnaire: Questionnaire, columns: Columns) -> Optional[int]:
    geopoint = next((q.name for q in questionnaire.questions if q.kind == "geopoint"), None)
    return columns.questions.get(geopoint) if geopoint else None


def _answer(
    questionnaire: Questionnaire,
    question: Question,
    columns: Columns,
    cells: List[str],
    row: int,
    uuid: str,
    problems: List[Problem],
) -> Optional[Answer]:
    index = columns.questions.get(question.name)
    value = cells[index] if index is not None else ""
    kind = question.kind
    if kind == "select_multiple":
        if index is None:  # only the split "question/choice" columns were exported
            split = {choice: cells[i] for (name, choice), i in columns.split.items() if name == question.name}
            if not split or not any(v.strip() for v in split.values()):
                return None
            odd = [v for v in split.values() if v.strip().lower() not in TICKED + NOT_TICKED]
            if odd:  # "2", "x": neither ticked nor not; guessing would change the score
                problems.append(Problem(row, uuid, "invalid_answer", question.name, "; ".join(odd)))
                return None
            return {choice for choice, v in split.items() if v.strip().lower() in TICKED}
        if not value:
            return None
        chosen = _choices_in(questionnaire, question.list_name, value)
        if chosen is None or (question.exclusive in chosen and len(chosen) > 1):
            problems.append(Problem(row, uuid, "invalid_answer", question.name, value))
            return None
        return chosen
    if not value or kind in ("text", "image", "note", "date", "geopoint", "space_id"):
        return value or None
    if kind == "select_one":
        choice = _choice(questionnaire, question.list_name, value)
        if choice is None:
            problems.append(Problem(row, uuid, "invalid_answer", question.name, value))
        return choice
    try:  # integer / decimal, checked against the simple range constraints of the definition
        if kind == "integer" and "," in value:  # "1,000": a thousands separator or a decimal comma, never sure
            raise ValueError(value)
        number = float(value.replace(",", ".")) if value.count(",") == 1 and "." not in value else float(value)
    except ValueError:
        number = None
    if (
        number is None
        or not math.isfinite(number)
        or not _within(question.constraint, number)
        or (kind == "integer" and not number.is_integer())
    ):
        problems.append(Problem(row, uuid, "invalid_answer", question.name, value))
        return None
    return number


def _within(constraint: Optional[str], number: float) -> bool:
    """Checks the ``. >= a`` / ``. <= b`` parts of an XLSForm constraint (what the form itself enforces)."""
    for operator, bound in re.findall(r"\.\s*(>=|<=|>|<)\s*(-?\d+(?:\.\d+)?)", constraint or ""):
        bound = float(bound)
        if (
            (operator == ">=" and number < bound)
            or (operator == "<=" and number > bound)
            or (operator == ">" and number <= bound)
            or (operator == "<" and number >= bound)
        ):
            return False
    return True


def _space_id(
    raw: Optional[str], known: Optional[Set[str]], row: int, uuid: str, column: str, problems: List[Problem]
) -> Optional[str]:
    if raw is None or _norm(raw) in MISSING_SPACE_LABELS:
        return None
    candidates = [raw.strip(), space_id_from_label(raw)]
    candidates += [c[:-2] for c in candidates if c.endswith(".0")]
    if known is None:
        return candidates[1]
    for candidate in candidates:
        if candidate in known:
            return candidate
    problems.append(Problem(row, uuid, "unknown_space_id", column, raw))
    return None


def _gps(
    questionnaire: Questionnaire, columns: Columns, cells: List[str], row: int, uuid: str, problems: List[Problem]
) -> Tuple[Optional[float], Optional[float]]:
    if columns.latitude is not None and columns.longitude is not None:
        parts = [cells[columns.latitude].strip(), cells[columns.longitude].strip()]
        text = " ".join(parts).strip()
        column = "_gps_latitude"
        if not any(parts):
            return None, None
        values = [_coordinate_value(part) for part in parts]
    else:
        index = _geopoint_column(questionnaire, columns)
        text = cells[index].strip() if index is not None else ""
        column = "gps"
        if not text:
            return None, None
        tokens = text.split() if len(text.split()) > 1 else text.split(",")  # "lat lon alt acc" or "lat,lon"
        values = [_coordinate_value(part) for part in tokens[:2]]
    lat, lon = (values + [None, None])[:2]
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        problems.append(Problem(row, uuid, "invalid_gps", column, text))
        return None, None
    return lat, lon


def _coordinate_value(text: str) -> Optional[float]:
    """A coordinate in degrees ("39.9", or "39,9" with a decimal comma), or None."""
    text = text.strip()
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


# --- linking --------------------------------------------------------------------------------------------------


def link_submissions(
    submissions: Sequence[Submission],
    space_ids: Sequence[object],
    polygons: Sequence[Optional[BaseGeometry]],
    points: Iterable[Optional[Tuple[float, float]]],
    tolerance: float,
    problems: List[Problem],
) -> List[Optional[int]]:
    """For each submission, the index of its space in ``space_ids``/``polygons`` (or None).

    By space id first; else the space whose polygon holds the GPS point (``points``: (x, y) in the polygons'
    metric CRS, or None), else the nearest one within ``tolerance`` metres. Unlinked rows become problems.
    """
    import numpy as np
    from shapely.geometry import Point

    by_id = {str(space_id): i for i, space_id in enumerate(space_ids)}
    # Bounding boxes (minx, miny, maxx, maxy) narrow the exact distance tests to nearby spaces.
    bounds = np.array(
        [
            shape.bounds if shape is not None and not shape.is_empty else (np.inf, np.inf, -np.inf, -np.inf)
            for shape in polygons
        ],
        dtype=float,
    ).reshape(-1, 4)
    found: List[Optional[int]] = []
    for submission, xy in zip(submissions, points):
        point = Point(xy) if xy is not None else None
        if submission.space_id is not None and submission.space_id in by_id:
            index = by_id[submission.space_id]
            shape = polygons[index]
            if point is not None and shape is not None and not shape.is_empty and shape.distance(point) > tolerance:
                problems.append(
                    Problem(
                        submission.row, submission.uuid, "gps_far_from_space", "gps", f"{shape.distance(point):.0f} m"
                    )
                )
            found.append(index)
            continue
        if point is None:
            problems.append(Problem(submission.row, submission.uuid, "no_location"))
            found.append(None)
            continue
        assert xy is not None  # the point was made from it
        x, y = xy
        near = np.flatnonzero(
            (bounds[:, 0] - tolerance <= x)
            & (x <= bounds[:, 2] + tolerance)
            & (bounds[:, 1] - tolerance <= y)
            & (y <= bounds[:, 3] + tolerance)
        )
        best, best_distance = None, None
        for index in near:
            distance = polygons[index].distance(point)
            if distance <= tolerance and (best_distance is None or distance < best_distance):
                best, best_distance = int(index), distance
        if best is None:
            problems.append(
                Problem(
                    submission.row,
                    submission.uuid,
                    "outside_spaces",
                    "gps",
                    f"{submission.lat:.6f} {submission.lon:.6f}",
                )
            )
        found.append(best)
    return found


# --- scoring --------------------------------------------------------------------------------------------------


def item_scores(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> Dict[str, Optional[float]]:
    """Score 0-1 (or None) of every scored item for one submission's answers."""
    scores: Dict[str, Optional[float]] = {}
    for question in questionnaire.questions:
        if not question.dimension:
            continue
        value = answers.get(question.name)
        score = None
        if value is not None and question.kind == "select_one":
            score = question.scores.get(value)
            if score is None:
                score = next(
                    (c.get("score") for c in questionnaire.choices[question.list_name] if c["name"] == value), None
                )
        elif value is not None and question.kind == "select_multiple":
            scored = {c["name"] for c in questionnaire.choices[question.list_name] if c.get("score")}
            share = len(value & scored) / len(scored) if scored else 0.0
            score = share if question.scoring == "share_selected" else 1.0 - share
        elif value is not None:
            rule = cast("Dict[str, float]", question.scoring)  # checked by the questionnaire's schema
            score = min(max((value - rule["zero_at"]) / (rule["one_at"] - rule["zero_at"]), 0.0), 1.0)
        scores[question.name] = None if score is None else float(score)
    for derived in questionnaire.derived:
        scores[derived.name] = evenness([answers.get(name) for name in derived.of])
    return scores


@dataclass
class SpaceQuality:
    submissions: int
    dimensions: Dict[str, Optional[float]]  # dimension id -> 0-100 or None
    quality_index: Optional[float]  # None unless every weighted dimension has a score
    complete: bool  # every dimension has a score
    answered_pct: float  # share of the scored items answered at least once
    items: Dict[str, Tuple[int, Optional[float]]]  # item name -> (answers, mean score 0-1 or None)


def dimension_weights(questionnaire: Questionnaire, text: Optional[str]) -> Dict[str, float]:
    """Weights from ``dimension=weight`` pairs (comma separated); unnamed dimensions keep weight 1."""
    weights = {d: 1.0 for d in questionnaire.dimensions}
    for part in (text or "").replace(";", ",").split(","):
        if not part.strip():
            continue
        name, _, value = part.partition("=")
        name = name.strip()
        if name not in weights:
            raise HabitatError(
                tr(
                    'Unknown dimension "{0}" in the weights; the dimensions are {1}.',
                    name,
                    ", ".join(questionnaire.dimensions),
                )
            )
        try:
            weights[name] = float(value)
        except ValueError:
            weights[name] = float("nan")
        if not math.isfinite(weights[name]) or weights[name] < 0 or weights[name] > MAX_WEIGHT:
            raise HabitatError(
                tr(
                    'The weight of "{0}" must be a number of 0 or more, at most {1} (weights are relative), not "{2}".',
                    name,
                    f"{MAX_WEIGHT:g}",
                    value.strip(),
                )
            )
    if sum(weights.values()) <= 0:
        raise HabitatError(tr("At least one dimension needs a weight above 0."))
    return weights


def score_spaces(
    questionnaire: Questionnaire,
    submissions: Sequence[Submission],
    links: Sequence[Optional[int]],
    count: int,
    weights: Mapping[str, float],
) -> List[SpaceQuality]:
    """A SpaceQuality for each of ``count`` spaces from the submissions linked to it (``links``)."""
    items = questionnaire.scored_items()
    collected: List[Dict[str, List[float]]] = [{name: [] for name, _, _ in items} for _ in range(count)]
    submitted = [0] * count
    for submission, index in zip(submissions, links):
        if index is None:
            continue
        submitted[index] += 1
        for name, score in item_scores(questionnaire, submission.answers).items():
            if score is not None:
                collected[index][name].append(score)
    results: List[SpaceQuality] = []
    for index in range(count):
        means = {
            name: (len(values), sum(values) / len(values) if values else None)
            for name, values in collected[index].items()
        }
        dimensions: Dict[str, Optional[float]] = {}
        for dimension in questionnaire.dimensions:
            values = cast(
                "List[float]", [means[name][1] for name, d, _ in items if d == dimension and means[name][1] is not None]
            )
            dimensions[dimension] = 100.0 * sum(values) / len(values) if values else None
        weighted = [(weights[d], v) for d, v in dimensions.items() if weights.get(d, 0) > 0]
        known = [(w, v) for w, v in weighted if v is not None]
        quality = (
            sum(w * v for w, v in known) / sum(w for w, _ in known)
            if weighted and len(known) == len(weighted)
            else None
        )
        answered = sum(1 for n, _ in means.values() if n)
        results.append(
            SpaceQuality(
                submitted[index],
                dimensions,
                quality,
                all(v is not None for v in dimensions.values()),
                100.0 * answered / len(means) if means else 0.0,
                means,
            )
        )
    return results


def answer_summary(
    questionnaire: Questionnaire,
    submissions: Sequence[Submission],
    links: Sequence[Optional[int]],
    count: int,
    language: str = "en",
) -> List[Tuple[int, str, str, str, int, Optional[float], Optional[str]]]:
    """Per space and question: the number of answers, the mean of a number and the most common answer."""
    rows: List[Tuple[int, str, str, str, int, Optional[float], Optional[str]]] = []
    for index in range(count):
        linked = [s for s, i in zip(submissions, links) if i == index]
        if not linked:
            continue
        for question in questionnaire.questions:
            if question.kind in ("space_id", "geopoint", "image", "note"):
                continue
            values = [s.answers[question.name] for s in linked if question.name in s.answers]
            mean = common = None
            if values and question.kind in ("integer", "decimal"):
                mean = sum(values) / len(values)
            elif values and question.kind == "select_one":
                common = questionnaire.choice_label(question.list_name, Counter(values).most_common(1)[0][0], language)
            elif values and question.kind == "select_multiple":
                ticks = Counter(name for value in values for name in value)
                # Ties in the form's order (the answers are sets: their own order changes from run to run).
                order = {
                    item["name"]: position
                    for position, item in enumerate(questionnaire.choices.get(question.list_name, []))
                }
                top = sorted(ticks, key=lambda name: (-ticks[name], order.get(name, len(order)), name))[:3]
                common = ", ".join(questionnaire.choice_label(question.list_name, name, language) for name in top)
            elif values:
                common = Counter(values).most_common(1)[0][0]
            rows.append(
                (index, question.name, text_in(question.label, language), question.dimension, len(values), mean, common)
            )
    return rows


def problem_counts(problems: Iterable[Problem]) -> Counter[str]:
    return Counter(problem.code for problem in problems)
