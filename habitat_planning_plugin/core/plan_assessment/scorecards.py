"""Assessment frameworks and scorecards: a documented format, read with safe parsers (json, csv, openpyxl).

Framework (JSON):
    {"id": "...", "version": "...", "name": {"en": "...", "zh": "..."},
     "status": {...}, "notes": {...}, "principle_threshold": {"score": 2.0, "share": 0.5},
     "themes": [{"id": "...", "name": {...},
                 "criteria": [{"id": "...", "question": {...}, "weight": 1,
                               "principles": [1, 2], "nua": ["¶ 92"],
                               "levels": {"0": {...}, "1": {...}, "2": {...}, "3": {...}}}]}]}
"principles" (the IG-UTP principles 1..12 a criterion evidences, see principles.py), "nua" (New Urban Agenda
paragraphs), "status", "notes" and "principle_threshold" are optional in version 1; from version 2 on every
criterion must name its principles and the framework must state its status.
Scorecard (one assessor, one plan), as JSON:
    {"framework": "id", "framework_version": "...", "plan": "...", "city": "...", "year": 2026, "assessor": "...",
     "scores": {"criterion id": {"score": 0..3 or "NA", "comment": "...", "evidence": "..."}}}
or as a table (CSV or the first sheet of an XLSX): header lines "key,value" for framework, framework_version,
plan, city, year and assessor, then a row "criterion,score,comment,evidence" and one row per criterion.

Bad input is never read as something else: a framework is checked against FRAMEWORK_SCHEMA once, every problem
listed with its place, before anything uses it; a scorecard that is damaged, not text (UTF-8 with or without BOM,
GB18030/GBK as Excel saves "CSV" on a Chinese Windows, or UTF-16), has a quote that is never closed, a row with
more cells than its header, a criterion or a key given twice, or a score that is true/false, NaN or not 0..3 is
refused with the file and line (or row) named. A score left blank is "not scored" (the criterion is left out of
that assessor's scores, exactly as NA is in the arithmetic) and counted in the log.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, NoReturn, Optional, Sequence, Set, Tuple, Union

from ..files import decode_text
from ..text import HabitatError, tr

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

    from ..files import StrPath

    # A shape of FRAMEWORK_SCHEMA: ("object", members), each member (key, kind, required); a kind is a name
    # ("id", "names"...) or ("list", the shape of an item, what an item is called).
    Schema = Tuple[str, Tuple[Tuple[str, Union[str, Tuple[str, "Schema", str]], bool], ...]]
    # A scorecard row as read: (where it is, criterion, score, comment, evidence), each value as the file has it.
    CardRow = Tuple[str, object, object, object, object]
    # The header values of a scorecard: {key: (value, where it is)}.
    CardMeta = Dict[str, Tuple[object, str]]
    # A table as read: [(first line or row, last line or row, cells)].
    Table = List[Tuple[int, int, List[Any]]]

SCALE = (0, 1, 2, 3)
NA_VALUES = {"na", "n/a", "not applicable", "不适用"}
META_KEYS = ("framework", "framework_version", "plan", "city", "year", "assessor")
SUFFIXES = (".json", ".csv", ".txt", ".xlsx")
COLUMNS = ("criterion", "score", "comment", "evidence")
YEARS = (1900, 2200)  # as the template and the scoring dialog accept
MAX_WEIGHT = 1000.0  # weights are relative: a criterion a thousand times another is a typing error
MAX_THEME_ID = 58  # "t_" + theme id is a field name of the city map
PRINCIPLE_NUMBERS = range(1, 13)  # the twelve principles of the IG-UTP (principles.PRINCIPLES)
MAX_NUA = 40  # a New Urban Agenda paragraph tag: "¶ 92", "¶ 15 (c)(iv)"
TAGGED_VERSION = 2  # from this framework version on, criteria must carry principle tags and the status be stated
MAX_ROWS = 20000  # a scorecard has one row per criterion
MAX_TEXT = 32767  # the most an Excel cell holds
# Files a spreadsheet program or macOS keeps beside a document: "~$card.xlsx" (Excel, while the card is open),
# ".~lock.card.xlsx#" (LibreOffice), "._card.xlsx" (macOS on a USB stick). None of them is a scorecard.
HELPER_FILE_PREFIXES = ("~$", ".~lock.", "._")


# --- frameworks -------------------------------------------------------------------------------------------------


@dataclass
class Criterion:
    id: str
    theme: str
    weight: float
    question: Dict[str, str]  # {language: text}
    levels: Dict[str, Dict[str, str]]  # score "0".."3" -> {language: text}
    principles: Tuple[int, ...] = ()  # the IG-UTP principles (1..12) the criterion evidences
    nua: Tuple[str, ...] = ()  # the New Urban Agenda paragraphs it evidences, e.g. "¶ 92"


@dataclass(frozen=True)
class PrincipleThreshold:
    """When a plan reflects a principle: the mean score of at least ``share`` of the principle's applicable
    criteria reaches ``score`` (2.0 is "Medium: goals and policies")."""

    score: float = 2.0
    share: float = 0.5


@dataclass
class Framework:
    id: str
    version: str
    name: Dict[str, str]
    themes: Dict[str, Dict[str, str]]  # theme id -> name {lang: text}
    criteria: List[Criterion]  # in order
    source: str = field(default="", compare=False)  # the file name, for the log
    encoding: str = field(default="", compare=False)  # how the file was decoded (files.decode_text), for the log
    status: Dict[str, str] = field(default_factory=dict)  # {language: text}: e.g. a draft for expert review
    notes: Dict[str, str] = field(default_factory=dict)  # {language: text}: how to read it, the threshold rule
    principle_threshold: PrincipleThreshold = field(default_factory=PrincipleThreshold)

    @property
    def tagged(self) -> bool:
        """Whether any criterion names the IG-UTP principles it evidences."""
        return any(criterion.principles for criterion in self.criteria)


# The shape of a framework. Each member: (key, kind, required). Kinds: "id" (text, not blank), "version" (text or
# number), "names" ({language: text}, at least one text), "weight" (a number above 0), "levels" (exactly "0".."3",
# each a names object), "principles" (whole numbers 1..12, none twice), "nua" (short texts, none twice),
# "threshold" ({"score": 0..3, "share": 0..1}), ("list", item kind, place of an item) and ("object", members).
CRITERION_SCHEMA = (
    "object",
    (
        ("id", "id", True),
        ("question", "names", True),
        ("weight", "weight", False),
        ("principles", "principles", False),
        ("nua", "nua", False),
        ("levels", "levels", True),
    ),
)
THEME_SCHEMA = (
    "object",
    (("id", "id", True), ("name", "names", True), ("criteria", ("list", CRITERION_SCHEMA, "criterion"), True)),
)
FRAMEWORK_SCHEMA = (
    "object",
    (
        ("id", "id", True),
        ("version", "version", False),
        ("name", "names", True),
        ("status", "names", False),
        ("notes", "names", False),
        ("principle_threshold", "threshold", False),
        ("themes", ("list", THEME_SCHEMA, "theme"), True),
    ),
)


def load_framework(path: StrPath) -> Framework:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise HabitatError(
            tr("Cannot read the framework file {0}: {1}", str(path), error.strerror or str(error))
        ) from error
    parsed, encoding = _json(data, str(path))
    framework = framework_from_dict(parsed, str(path))
    framework.source, framework.encoding = path.name, encoding
    return framework


def framework_problems(data: object) -> List[str]:
    """Every problem of a framework's shape and content, each with its place; empty when it is valid."""
    problems: List[str] = []
    _check(data, FRAMEWORK_SCHEMA, tr("framework"), problems, ())
    themes = data.get("themes") if isinstance(data, dict) else None
    seen_themes: Dict[str, int] = {}
    seen_criteria: Set[str] = set()
    for t, theme in enumerate(themes if isinstance(themes, list) else []):
        if not isinstance(theme, dict):
            continue
        theme_id = _id(theme.get("id"))
        if theme_id:
            if theme_id.lower() in seen_themes:
                problems.append(
                    tr(
                        '{0}: the theme id "{1}" is used twice (case is ignored: it names a field of the map)',
                        tr("theme {0}", t + 1),
                        theme_id,
                    )
                )
            seen_themes[theme_id.lower()] = t
            if len(theme_id) > MAX_THEME_ID:
                problems.append(
                    tr(
                        '{0}: the theme id "{1}" is longer than {2} characters (it names a field of the map)',
                        tr("theme {0}", t + 1),
                        theme_id,
                        MAX_THEME_ID,
                    )
                )
        criteria = theme.get("criteria")
        for c, criterion in enumerate(criteria if isinstance(criteria, list) else []):
            criterion_id = _id(criterion.get("id")) if isinstance(criterion, dict) else None
            if criterion_id and criterion_id in seen_criteria:
                problems.append(
                    tr(
                        '{0}: the criterion id "{1}" is used twice',
                        tr("theme {0}, criterion {1}", t + 1, c + 1),
                        criterion_id,
                    )
                )
            if criterion_id:
                seen_criteria.add(criterion_id)
    problems.extend(_tag_problems(data))
    return problems


def framework_major_version(version: object) -> Optional[int]:
    """The whole number a framework "version" starts with ("2", 2, "2.1", "v2" -> 2); None when it has none."""
    if isinstance(version, bool) or not isinstance(version, (str, int, float)):
        return None
    found = re.match(r"\s*v?(\d+)", str(version), re.IGNORECASE)
    return int(found.group(1)) if found else None


def _tag_problems(data: object) -> List[str]:
    """From version 2 on: every criterion names its IG-UTP principles, and the framework states its status."""
    if not isinstance(data, dict):
        return []
    major = framework_major_version(data.get("version"))
    if major is None or major < TAGGED_VERSION:
        return []
    version = str(data.get("version")).strip()
    problems: List[str] = []
    if not _filled(data.get("status")):
        problems.append(
            tr(
                '{0}: "status" is missing or empty: a framework of version {1} states its status, '
                'such as {{"en": "Draft for expert review", "zh": "…"}}',
                tr("framework"),
                version,
            )
        )
    untagged: List[str] = []
    themes = data.get("themes")
    for t, theme in enumerate(themes if isinstance(themes, list) else []):
        criteria = theme.get("criteria") if isinstance(theme, dict) else None
        for c, criterion in enumerate(criteria if isinstance(criteria, list) else []):
            if isinstance(criterion, dict) and not _filled(criterion.get("principles")):
                untagged.append(_id(criterion.get("id")) or tr("theme {0}, criterion {1}", t + 1, c + 1))
    if untagged:
        problems.append(
            tr(
                "{0}: a framework of version {1} names the IG-UTP principles (1 to 12) each criterion evidences, "
                'as "principles": [1, 2]; missing for {2} criteria: {3}',
                tr("framework"),
                version,
                len(untagged),
                ", ".join(untagged),
            )
        )
    return problems


def framework_from_dict(data: object, name: str = "") -> Framework:
    """Validate a framework (FRAMEWORK_SCHEMA) of the file ``name``; every problem is listed with where it is."""
    if not isinstance(data, dict):
        raise HabitatError(
            (tr("{0}:", name) + " " if name else "")
            + tr("The framework must be a JSON object.")
            + " "
            + tr("It is {0}.", _kind(data))
        )
    problems = framework_problems(data)
    if problems:
        header = tr("The framework {0} is not valid:", name) if name else tr("The framework is not valid:")
        raise HabitatError(header + "\n" + "\n".join(problems))
    themes: Dict[str, Dict[str, str]] = {}
    criteria: List[Criterion] = []
    for theme in data["themes"]:
        theme_id = _checked_id(theme["id"])
        themes[theme_id] = theme["name"]
        for criterion in theme["criteria"]:
            weight = criterion.get("weight")
            criteria.append(
                Criterion(
                    _checked_id(criterion["id"]),
                    theme_id,
                    1.0 if weight is None else float(weight),
                    criterion["question"],
                    {str(k): v for k, v in criterion["levels"].items()},
                    tuple(int(number) for number in criterion.get("principles") or ()),
                    tuple(str(tag).strip() for tag in criterion.get("nua") or ()),
                )
            )
    threshold = data.get("principle_threshold") or {}
    defaults = PrincipleThreshold()
    return Framework(
        _checked_id(data["id"]),
        str(data.get("version", "") or ""),
        data["name"],
        themes,
        criteria,
        status=dict(data.get("status") or {}),
        notes=dict(data.get("notes") or {}),
        principle_threshold=PrincipleThreshold(
            float(threshold.get("score", defaults.score)), float(threshold.get("share", defaults.share))
        ),
    )


def _check(value: object, schema: Schema, place: str, problems: List[str], path: Tuple[int, ...]) -> None:
    """Check ``value`` (the object at ``place``) against an ("object", members) schema; problems are appended."""
    if not isinstance(value, dict):
        problems.append(tr("{0}: must be an object {{…}}, not {1}", place, _kind(value)))
        return
    for key, kind, required in schema[1]:
        member = value.get(key)
        if member is None or (isinstance(member, (str, list, dict)) and not _filled(member)):
            if required:
                problems.append(tr('{0}: "{1}" is missing or empty', place, key))
            continue
        if isinstance(kind, tuple) and kind[0] == "list":
            if not isinstance(member, list):
                problems.append(tr('{0}: "{1}" must be {2}, not {3}', place, key, tr("a list [ … ]"), _kind(member)))
                continue
            for index, item in enumerate(member):
                indices = path + (index + 1,)
                item_place = (
                    tr("theme {0}", *indices) if kind[2] == "theme" else tr("theme {0}, criterion {1}", *indices)
                )
                _check(item, kind[1], item_place, problems, indices)
        elif kind == "id":
            if not isinstance(member, str):
                problems.append(tr('{0}: "{1}" must be {2}, not {3}', place, key, tr("text"), _kind(member)))
        elif kind == "version":
            if not isinstance(member, (str, int, float)) or isinstance(member, bool):
                problems.append(tr('{0}: "{1}" must be {2}, not {3}', place, key, tr("text"), _kind(member)))
        elif kind == "names":
            _check_names(member, place, key, problems)
        elif kind == "weight":
            if (
                not isinstance(member, (int, float))
                or isinstance(member, bool)
                or not math.isfinite(member)
                or member <= 0
            ):
                problems.append(tr('{0}: "weight" must be a number above 0', place))
            elif member > MAX_WEIGHT:
                problems.append(
                    tr(
                        "{0}: a weight of {1} is implausible: weights are relative, give at most {2}",
                        place,
                        f"{member:g}",
                        f"{MAX_WEIGHT:g}",
                    )
                )
        elif kind == "levels":
            if not isinstance(member, dict):
                problems.append(tr('{0}: "{1}" must be {2}, not {3}', place, key, tr("an object {…}"), _kind(member)))
                continue
            if sorted(str(k) for k in member) != [str(v) for v in SCALE]:
                problems.append(tr('{0}: "levels" must describe exactly the scores 0, 1, 2 and 3', place))
            for level, names in member.items():
                _check_names(names, tr("{0}, level {1}", place, level), None, problems)
        elif kind == "principles":
            _check_principles(member, place, problems)
        elif kind == "nua":
            _check_nua(member, place, problems)
        elif kind == "threshold":
            _check_threshold(member, place, problems)


def _check_principles(value: object, place: str, problems: List[str]) -> None:
    """The IG-UTP principles a criterion evidences: a list of whole numbers 1..12, none given twice."""
    if not isinstance(value, list):
        problems.append(tr('{0}: "{1}" must be {2}, not {3}', place, "principles", tr("a list [ … ]"), _kind(value)))
        return
    seen: Set[int] = set()
    for item in value:
        whole = (
            isinstance(item, (int, float))
            and not isinstance(item, bool)
            and math.isfinite(item)
            and float(item).is_integer()
        )
        if not whole or int(item) not in PRINCIPLE_NUMBERS:
            shown = json.dumps(item, ensure_ascii=False) if isinstance(item, (str, int, float, bool)) else _kind(item)
            problems.append(
                tr(
                    '{0}: "principles" lists {1}; the IG-UTP principles are the whole numbers {2} to {3}',
                    place,
                    shown,
                    PRINCIPLE_NUMBERS[0],
                    PRINCIPLE_NUMBERS[-1],
                )
            )
        elif int(item) in seen:
            problems.append(tr('{0}: "principles" lists {1} twice', place, int(item)))
        else:
            seen.add(int(item))


def _check_nua(value: object, place: str, problems: List[str]) -> None:
    """New Urban Agenda paragraphs: a list of short texts such as "¶ 92", none blank or given twice."""
    if not isinstance(value, list):
        problems.append(tr('{0}: "{1}" must be {2}, not {3}', place, "nua", tr("a list [ … ]"), _kind(value)))
        return
    seen: Set[str] = set()
    for item in value:
        if not isinstance(item, str) or not item.strip():
            problems.append(
                tr('{0}: "nua" must list paragraphs as short texts such as "¶ 92", not {1}', place, _kind(item))
            )
        elif len(item.strip()) > MAX_NUA:
            problems.append(
                tr(
                    '{0}: the "nua" tag "{1}…" is longer than {2} characters: give the paragraph, such as "¶ 92"',
                    place,
                    item.strip()[:MAX_NUA],
                    MAX_NUA,
                )
            )
        elif item.strip() in seen:
            problems.append(tr('{0}: "nua" lists "{1}" twice', place, item.strip()))
        else:
            seen.add(item.strip())


def _check_threshold(value: object, place: str, problems: List[str]) -> None:
    """When a principle counts as reflected: {"score": 0..3, "share": 0..1}, either may be left out."""
    if not isinstance(value, dict):
        problems.append(
            tr('{0}: "{1}" must be {2}, not {3}', place, "principle_threshold", tr("an object {…}"), _kind(value))
        )
        return
    for key, low, high in (("score", float(SCALE[0]), float(SCALE[-1])), ("share", 0.0, 1.0)):
        if key not in value:
            continue
        member = value[key]
        if (
            not isinstance(member, (int, float))
            or isinstance(member, bool)
            or not math.isfinite(member)
            or not low <= member <= high
        ):
            problems.append(
                tr(
                    '{0}: "principle_threshold" "{1}" must be a number from {2} to {3}',
                    place,
                    key,
                    f"{low:g}",
                    f"{high:g}",
                )
            )


def _check_names(value: object, place: str, key: Optional[str], problems: List[str]) -> None:
    """A text in several languages: {"en": "...", "zh": "..."}, every value text, at least one not blank."""
    where = tr('{0}: "{1}"', place, key) if key else place
    if not isinstance(value, dict):
        problems.append(
            tr('{0} must be texts by language such as {{"en": "…", "zh": "…"}}, not {1}', where, _kind(value))
        )
        return
    for language, text in value.items():
        if not isinstance(text, str):
            problems.append(tr('{0}: the text "{1}" must be {2}, not {3}', where, language, tr("text"), _kind(text)))
        elif len(text) > MAX_TEXT:
            problems.append(
                tr(
                    '{0}: the text "{1}" is {2} characters long; a spreadsheet cell holds at most {3}',
                    where,
                    language,
                    len(text),
                    MAX_TEXT,
                )
            )
    if not any(isinstance(text, str) and text.strip() for text in value.values()):
        problems.append(tr("{0} has no text in any language", where))


def _id(value: object) -> Optional[str]:
    return value.strip() if isinstance(value, str) else None


def _checked_id(value: object) -> str:
    """The id of a framework part that framework_problems accepted (text, not blank)."""
    found = _id(value)
    assert found is not None  # any other id is one of the framework's problems
    return found


def _filled(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, dict)):
        return bool(value)
    return True


def _kind(value: object) -> str:
    """What a JSON (or spreadsheet) value is, in words, for messages."""
    if value is None:
        return tr("null")
    if isinstance(value, bool):
        return tr("true or false")
    if isinstance(value, (int, float)):
        return tr("a number")
    if isinstance(value, str):
        return tr("text")
    if isinstance(value, list):
        return tr("a list [ … ]")
    if isinstance(value, dict):
        return tr("an object {…}")
    return type(value).__name__


def _json(data: bytes, name: str) -> Tuple[Any, str]:
    """(value, encoding) of JSON bytes parsed strictly: text as files.decode_text reads it (UTF-8 with or without
    BOM, GB18030, UTF-16), no NaN or Infinity, no key given twice in one object."""
    if data.startswith(b"PK\x03\x04"):
        raise HabitatError(tr("{0} is an Excel workbook (or another zip file), not JSON.", name))
    text, encoding = decode_text(data, name)
    if not text.strip():
        raise HabitatError(tr("{0}: the file is empty.", name))

    def unique(pairs: List[Tuple[str, Any]]) -> Dict[str, Any]:
        result: Dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise HabitatError(
                    tr(
                        '{0}: "{1}" is given twice in one object (the later would silently '
                        "replace the earlier); keep one.",
                        name,
                        key,
                    )
                )
            result[key] = value
        return result

    def constant(token: str) -> NoReturn:
        raise HabitatError(tr("{0}: {1} is not a number JSON allows.", name, token))

    try:
        return json.loads(text, object_pairs_hook=unique, parse_constant=constant), encoding
    except json.JSONDecodeError as error:
        raise HabitatError(tr("{0}, line {1}: not valid JSON ({2}).", name, error.lineno, error.msg)) from error
    except RecursionError:
        raise HabitatError(tr("{0}: the JSON is nested too deeply.", name)) from None
    except ValueError as error:  # e.g. an integer of thousands of digits
        raise HabitatError(tr("{0}: not valid JSON ({1}).", name, str(error))) from error


# --- scorecards -------------------------------------------------------------------------------------------------


@dataclass
class Scorecard:
    framework: str
    framework_version: str
    plan: str
    city: str
    year: int
    assessor: str
    scores: Dict[str, float] = field(default_factory=dict)  # criterion id -> score (NaN for NA); blank ones absent
    comments: Dict[str, str] = field(default_factory=dict)
    evidence: Dict[str, str] = field(default_factory=dict)
    source: str = ""
    blank: List[str] = field(default_factory=list)  # criteria listed with an empty score: not scored
    rows: int = 0  # criteria read from the file
    multiline: List[Tuple[int, str]] = field(default_factory=list)  # (line, text) of CSV cells over several lines
    delimiter: str = ""
    encoding: str = field(default="", compare=False)  # how a CSV or JSON file was decoded (files.decode_text)


def is_helper_file(path: StrPath) -> bool:
    """A lock or metadata file a spreadsheet program or macOS keeps beside a document (never a scorecard)."""
    return Path(path).name.startswith(HELPER_FILE_PREFIXES)


def scorecard_files(paths: Iterable[StrPath]) -> Tuple[List[Path], List[str]]:
    """(files, notes): the scorecards among ``paths`` (files, or folders whose scorecards are all read), without
    the lock files of Excel and LibreOffice and macOS's "._" copies (each skipped with a note) and without a file
    given twice."""
    files: List[Path] = []
    notes: List[str] = []
    seen: Set[str] = set()
    for given in paths:
        path = Path(str(given))
        if path.is_dir():
            entries = sorted(entry for entry in path.iterdir() if entry.is_file())
            candidates = [entry for entry in entries if entry.suffix.lower() in SUFFIXES]
            others = len(entries) - len(candidates)
            if others:
                notes.append(
                    tr(
                        "{0}: {1} files that are not .json, .csv or .xlsx were left out.",
                        path.name or str(path),
                        others,
                    )
                )
            if not [entry for entry in candidates if not is_helper_file(entry)]:
                raise HabitatError(tr("The folder {0} holds no scorecard (.json, .csv or .xlsx).", str(path)))
        else:
            candidates = [path]
        for candidate in candidates:
            if is_helper_file(candidate):
                notes.append(
                    tr(
                        "{0} was skipped: it is a lock or metadata file that Excel, LibreOffice or macOS "
                        "keeps beside a document, not a scorecard.",
                        candidate.name,
                    )
                )
                continue
            key = os.path.realpath(str(candidate))
            if key in seen:
                notes.append(tr("{0} was given twice; it is read once.", candidate.name))
                continue
            seen.add(key)
            files.append(candidate)
    if not files:
        raise HabitatError(tr("Give at least one scorecard."))
    return files, notes


def read_scorecard(path: StrPath) -> Scorecard:
    """A scorecard from a .json, .csv or .xlsx file; any problem is a HabitatError naming the file (and line)."""
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise HabitatError(tr("{0}: scorecards are .json, .csv or .xlsx files.", name))
    if is_helper_file(path):
        raise HabitatError(
            tr(
                "{0} was skipped: it is a lock or metadata file that Excel, LibreOffice or macOS "
                "keeps beside a document, not a scorecard.",
                name,
            )
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise HabitatError(tr("Cannot read the scorecard {0}: {1}", name, error.strerror or str(error))) from error
    if not data.strip():
        raise HabitatError(tr("{0}: the file is empty.", name))
    extra: Dict[str, Any] = {}  # what _card takes besides: multiline, delimiter, encoding
    if suffix == ".json":
        meta, rows, extra["encoding"] = _json_card(data, name)
    elif suffix == ".xlsx":
        meta, rows = _split_table(_xlsx_table(data, name), name, tr("{0}, row {1}"), False)
    else:
        table, extra["delimiter"], extra["encoding"] = _csv_table(data, name)
        meta, rows = _split_table(table, name, tr("{0}, line {1}"), True)
        extra["multiline"] = [
            (line, cell) for line, end, cells in table if end > line for cell in cells if "\n" in cell or "\r" in cell
        ]
    return _card(meta, rows, name, **extra)


def _json_card(data: bytes, name: str) -> Tuple[CardMeta, List[CardRow], str]:
    parsed, encoding = _json(data, name)
    if not isinstance(parsed, dict) or not isinstance(parsed.get("scores"), dict):
        raise HabitatError(tr('{0}: a JSON scorecard needs a "scores" object.', name))
    meta = {key: (parsed.get(key), name) for key in META_KEYS}
    rows: List[CardRow] = []
    for criterion, value in parsed["scores"].items():
        where = tr("{0}, criterion {1}", name, criterion)
        if isinstance(value, dict):
            rows.append((where, criterion, value.get("score"), value.get("comment"), value.get("evidence")))
        else:
            rows.append((where, criterion, value, None, None))
    return meta, rows, encoding


def _xlsx_table(data: bytes, name: str) -> Table:
    """[(row number, row number, cells)] of the first sheet; formulas without a computed value are kept as
    their text (a name typed as "=..." in an older template), so that they are refused or read, never blank."""
    if not data.startswith(b"PK\x03\x04"):
        raise HabitatError(
            tr(
                "{0} is not an Excel workbook (.xlsx): it is damaged, encrypted, or a file of "
                "another kind named .xlsx.",
                name,
            )
        )
    try:
        from openpyxl import load_workbook

        values = _sheet_rows(load_workbook(io.BytesIO(data), read_only=True, data_only=True), name)
        if any(cell is None for row in values for cell in row):
            formulas = _sheet_rows(load_workbook(io.BytesIO(data), read_only=True, data_only=False), name)
            values = [
                [
                    formula if value is None and isinstance(formula, str) and formula.startswith("=") else value
                    for value, formula in zip(row, formula_row + [None] * len(row))
                ]
                for row, formula_row in zip(values, formulas)
            ]
    except HabitatError:
        raise
    except Exception as error:  # noqa: BLE001 - any failure of the zip or its XML parts is a damaged workbook
        raise HabitatError(
            tr(
                "{0} cannot be read as an Excel workbook: it is damaged or incomplete ({1}).",
                name,
                f"{type(error).__name__}: {error}",
            )
        ) from error
    return [(number, number, row) for number, row in enumerate(values, start=1)]


def _sheet_rows(book: Workbook, name: str) -> List[List[Any]]:
    try:
        if not book.worksheets:
            raise HabitatError(tr("{0}: the workbook has no sheet.", name))
        rows: List[List[Any]] = []
        for row in book.worksheets[0].iter_rows(values_only=True):
            rows.append(list(row))
            if len(rows) > MAX_ROWS:
                raise HabitatError(
                    tr("{0}: more than {1} rows; a scorecard has one row per criterion.", name, MAX_ROWS)
                )
        return rows
    finally:
        book.close()


def _csv_table(data: bytes, name: str) -> Tuple[List[Tuple[int, int, List[str]]], str, str]:
    """([(first line, last line, cells)], delimiter, encoding) of CSV bytes (decoded by files.decode_text), read
    strictly: a quote never closed, or text after a closing quote, is refused with its line (a lenient reader
    swallows the rest of the card)."""
    if data.startswith(b"PK\x03\x04"):
        raise HabitatError(tr("{0} is an Excel workbook, not CSV text: name it .xlsx.", name))
    text, encoding = decode_text(data, name)
    if "\x00" in text:
        raise HabitatError(
            tr(
                "{0}, line {1}: the file holds binary data, not CSV text.",
                name,
                text[: text.index("\x00")].count("\n") + 1,
            )
        )
    delimiter = _delimiter(text)
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', doublequote=True, strict=True
    )
    table: List[Tuple[int, int, List[str]]] = []
    start = 1
    try:
        for cells in reader:
            table.append((start, reader.line_num, cells))
            start = reader.line_num + 1
            if len(table) > MAX_ROWS:
                raise HabitatError(
                    tr("{0}: more than {1} rows; a scorecard has one row per criterion.", name, MAX_ROWS)
                )
    except csv.Error as error:
        if "end of data" in str(error):
            raise HabitatError(
                tr(
                    '{0}, line {1}: a quote (") opened here is never closed, so every line after it '
                    "would be read as one cell. Close the quote or remove it.",
                    name,
                    start,
                )
            ) from error
        raise HabitatError(
            tr(
                '{0}, line {1}: the quotes (") do not pair up ({2}). A cell that holds quotes, the '
                "separator or a line break must be put in quotes, with every quote in it doubled.",
                name,
                reader.line_num,
                str(error),
            )
        ) from error
    return table, delimiter, encoding


def _delimiter(text: str) -> str:
    """The separator of the "criterion" header row (else of the first line): comma, semicolon or tab."""
    lines = text.splitlines()
    for line in lines:
        match = re.match(r"\s*\"?\s*criterion\s*\"?\s*([,;\t])", line, re.IGNORECASE)
        if match:
            return match.group(1)
    first = next((line for line in lines if line.strip()), "")
    found = [(first.index(char), char) for char in ",;\t" if char in first]
    return min(found)[1] if found else ","


def _split_table(
    table: Iterable[Tuple[int, int, Sequence[Any]]], name: str, place: str, count_cells: bool
) -> Tuple[CardMeta, List[CardRow]]:
    """(meta {key: (value, where)}, rows [(where, criterion, score, comment, evidence)]) of a table
    [(line, last line, cells)]. ``count_cells`` (CSV): a meta value or row running over more cells than its
    header is refused (an unquoted separator in a text), never cut."""
    meta: CardMeta = {}
    rows: List[CardRow] = []
    columns: Optional[Dict[str, int]] = None
    width = 0
    for line, _, cells in table:
        cells = ["" if cell is None else cell for cell in cells]
        if not any(_filled(cell) for cell in cells):
            continue
        where = place.format(name, line)
        first = _plain(cells[0]).lower()
        if columns is None and first == "criterion":
            columns = {}
            for index, cell in enumerate(cells):
                header = _plain(cell).lower()
                if header in COLUMNS and header not in columns:
                    columns[header] = index
            if "score" not in columns:
                raise HabitatError(tr('{0}: the header row has no "score" column.', where))
            width = max(index for index, cell in enumerate(cells) if _filled(cell)) + 1
            continue
        if columns is None:
            if first in META_KEYS:
                if first in meta:
                    raise HabitatError(
                        tr('{0}: "{1}" is given twice (also at {2}); keep one.', where, first, meta[first][1])
                    )
                if count_cells and any(_filled(cell) for cell in cells[2:]):
                    raise HabitatError(
                        tr(
                            '{0}: the value of "{1}" runs over several cells; a text that holds the '
                            "separator must be put in quotes.",
                            where,
                            first,
                        )
                    )
                meta[first] = (cells[1] if len(cells) > 1 else "", where)
            continue
        if count_cells and any(_filled(cell) for cell in cells[width:]):
            last = max(index for index, cell in enumerate(cells) if _filled(cell)) + 1
            raise HabitatError(
                tr(
                    "{0}: {1} cells, but the header row has {2}; a comment or evidence that holds "
                    "the separator must be put in quotes.",
                    where,
                    last,
                    width,
                )
            )
        rows.append(
            (where,)
            + tuple(cells[columns[key]] if key in columns and columns[key] < len(cells) else "" for key in COLUMNS)
        )
    if columns is None:
        raise HabitatError(tr('{0}: no "criterion, score, comment, evidence" header row was found.', name))
    return meta, rows


def _card(
    meta: Mapping[str, Tuple[object, str]],
    rows: Iterable[CardRow],
    name: str,
    multiline: Iterable[Tuple[int, str]] = (),
    delimiter: str = "",
    encoding: str = "",
) -> Scorecard:
    values = {key: _meta_text(*meta[key], key) if key in meta else "" for key in META_KEYS if key != "year"}
    missing = [key for key in ("framework", "plan", "assessor") if not values[key]]
    if missing:
        raise HabitatError(tr("{0}: the scorecard does not say {1}.", name, ", ".join(missing)))
    year = _year(*meta["year"]) if "year" in meta else 0
    card = Scorecard(
        values["framework"],
        values["framework_version"],
        values["plan"],
        values["city"],
        year,
        values["assessor"],
        source=name,
        multiline=list(multiline),
        delimiter=delimiter,
        encoding=encoding,
    )
    seen: Dict[str, str] = {}
    for where, criterion, score, comment, evidence in rows:
        criterion = _plain(criterion)
        if not criterion:
            raise HabitatError(tr("{0}: a score or comment without a criterion id.", where))
        if criterion in seen:
            raise HabitatError(
                tr(
                    "{0}: the criterion {1} is listed twice (also at {2}); keep one, or the later "
                    "would silently replace the earlier.",
                    where,
                    criterion,
                    seen[criterion],
                )
            )
        seen[criterion] = where
        value = _score(score, where, criterion)
        if value is None:
            card.blank.append(criterion)
        else:
            card.scores[criterion] = value
        card.comments[criterion] = _note(comment, where, criterion)
        card.evidence[criterion] = _note(evidence, where, criterion)
    card.rows = len(seen)
    return card


def _plain(value: object) -> str:
    """A cell as text: numbers without a trailing ".0", nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isfinite(value) and value == int(value):
        return str(int(value))
    return str(value).strip()


def _meta_text(value: object, where: str, key: str) -> str:
    if not isinstance(value, (bool, list, dict)):  # text, a number, a date typed in a spreadsheet
        return _plain(value)
    raise HabitatError(tr('{0}: "{1}" must be text, not {2}.', where, key, _kind(value)))


def _note(value: object, where: str, criterion: str) -> str:
    if not isinstance(value, (bool, list, dict)):
        return "" if value is None else str(value)
    raise HabitatError(
        tr("{0}: the comment or evidence of criterion {1} must be text, not {2}.", where, criterion, _kind(value))
    )


def _score(value: Any, where: str, criterion: str) -> Optional[float]:
    """A score 0..3, NaN for NA, None when left blank; anything else is refused (true/false is no score)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise HabitatError(
            tr("{0}: the score of criterion {1} is {2}, not 0 to 3 or NA.", where, criterion, tr("true or false"))
        )
    if isinstance(value, str) and value.strip().lower() in NA_VALUES:
        return float("nan")
    try:
        score = float(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError, OverflowError):
        score = float("nan")
    if not isinstance(value, (str, int, float)) or not math.isfinite(score):
        raise HabitatError(tr('{0}: the score "{1}" of criterion {2} is not a number or NA.', where, value, criterion))
    if not 0 <= score <= max(SCALE):
        raise HabitatError(tr("{0}: the score {1} of criterion {2} is outside 0 to 3.", where, f"{score:g}", criterion))
    if score not in SCALE:
        raise HabitatError(
            tr(
                "{0}: the score {1} of criterion {2} must be a whole number 0, 1, 2 or 3, or NA.",
                where,
                f"{score:g}",
                criterion,
            )
        )
    return score


def _year(value: Any, where: str) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    try:
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise ValueError
        number = float(value)
        if not math.isfinite(number) or number != int(number):
            raise ValueError
    except (TypeError, ValueError, OverflowError):
        raise HabitatError(tr('{0}: the year "{1}" is not a number.', where, value)) from None
    if not YEARS[0] <= number <= YEARS[1]:
        raise HabitatError(tr("{0}: the year {1} is not a plan year from {2} to {3}.", where, f"{number:g}", *YEARS))
    return int(number)


def _normalised(text: object) -> str:
    return " ".join(str(text).split()).casefold()


def check_scorecards(framework: Framework, cards: Sequence[Scorecard]) -> List[str]:
    """Problems that stop an assessment (raised) and warnings (returned): unknown criteria, mixed frameworks,
    an assessor twice for one plan, a card without any score, rows swallowed by an open quote, criteria nobody
    scored, plans whose names differ only in case or spaces."""
    known = {criterion.id for criterion in framework.criteria}
    errors: List[str] = []
    warnings: List[str] = []
    for card in cards:
        if card.framework != framework.id:
            errors.append(
                tr('{0}: made for the framework "{1}", not "{2}".', card.source, card.framework, framework.id)
            )
        unknown = sorted((set(card.scores) | set(card.blank)) - known)
        if unknown:
            errors.append(tr("{0}: unknown criteria: {1}", card.source, ", ".join(unknown)))
        if framework.version and card.framework_version and card.framework_version != framework.version:
            missing = [c.id for c in framework.criteria if c.id not in card.scores and c.id not in card.blank]
            if missing:
                # An older card: what changed, and what to do about it.
                warnings.append(
                    tr(
                        "{0}: scored on version {1} of the framework; version {2} adds {3} criteria it does not "
                        "list ({4}), which count as not scored. Score them on a new template, or assess the card "
                        "with the framework file of version {1}.",
                        card.source,
                        card.framework_version,
                        framework.version,
                        len(missing),
                        _some(missing),
                    )
                )
            else:
                warnings.append(
                    tr(
                        "{0}: framework version {1}, the framework is version {2}.",
                        card.source,
                        card.framework_version,
                        framework.version,
                    )
                )
        if not any(score == score for score in card.scores.values()):
            errors.append(
                tr(
                    "{0}: no criterion has a score from 0 to 3 (an unfilled template?). Fill it in or leave "
                    "it out: it would count as an assessor.",
                    card.source,
                )
            )
        listed = set(card.scores) | set(card.blank)
        for line, text in card.multiline:
            swallowed = [
                criterion
                for criterion in known - listed
                if re.search(
                    r"(^|[\r\n])\s*\"?" + re.escape(criterion) + r"\"?\s*" + re.escape(card.delimiter or ","), text
                )
            ]
            if swallowed:
                errors.append(
                    tr(
                        "{0}, line {1}: the cell that begins here runs over the row of criterion {2}: a "
                        'quote (") is probably not closed where it should be.',
                        card.source,
                        line,
                        ", ".join(sorted(swallowed)),
                    )
                )
    seen: Dict[Tuple[str, str, int, str], str] = {}
    for card in cards:
        key = (card.plan, card.city, card.year, card.assessor.lower())
        if key in seen:
            errors.append(
                tr("{0} and {1}: the assessor {2} scored the same plan twice.", seen[key], card.source, card.assessor)
            )
        seen.setdefault(key, card.source)
    for criterion in framework.criteria:
        if not any(criterion.id in card.scores for card in cards):
            warnings.append(tr("No scorecard scores the criterion {0}.", criterion.id))
    if errors:
        raise HabitatError(tr("The scorecards cannot be assessed together:") + "\n" + "\n".join(errors))
    return warnings + similar_plans(cards)


def similar_plans(cards: Iterable[Scorecard]) -> List[str]:
    """Warnings for plans told apart only by case or spaces, or by a missing year: their assessors are not pooled
    (a plan's agreement would rest on part of its assessors)."""
    plans: Dict[Tuple[str, str], Set[Tuple[str, str, int]]] = {}
    for card in cards:
        plans.setdefault((_normalised(card.plan), _normalised(card.city)), set()).add((card.plan, card.city, card.year))
    warnings = []
    for variants in plans.values():
        names = {(plan, city) for plan, city, _ in variants}
        years = {year for _, _, year in variants}
        if len(names) > 1 or (0 in years and len(years) > 1):
            listed = "; ".join(
                " · ".join(part for part in (plan, city, str(year) if year else tr("no year")) if part)
                for plan, city, year in sorted(variants)
            )
            warnings.append(
                tr(
                    "These are assessed as different plans, as their names or years differ: {0}. If "
                    "they are one plan, write it the same way in every scorecard.",
                    listed,
                )
            )
    return warnings


def card_notes(framework: Framework, cards: Iterable[Scorecard]) -> Tuple[List[str], List[str]]:
    """(infos, warnings) for the log: how many scores each card gave, the criteria it left blank or lacks."""
    infos: List[str] = []
    warnings: List[str] = []
    total = len(framework.criteria)
    for card in cards:
        scored = sum(1 for score in card.scores.values() if score == score)
        infos.append(
            tr(
                "{0} ({1}): {2} criteria read: {3} scored 0 to 3, {4} NA, {5} left blank; the framework has {6}.",
                card.source,
                card.assessor,
                card.rows,
                scored,
                len(card.scores) - scored,
                len(card.blank),
                total,
            )
        )
        if card.blank:
            warnings.append(
                tr(
                    "{0}: {1} criteria have no score (left blank) and count as not scored: {2}.",
                    card.source,
                    len(card.blank),
                    _some(card.blank),
                )
            )
        absent = [c.id for c in framework.criteria if c.id not in card.scores and c.id not in card.blank]
        if absent:
            warnings.append(
                tr(
                    "{0}: {1} of the {2} criteria of the framework are not in the scorecard ({3}); they "
                    "count as not scored.",
                    card.source,
                    len(absent),
                    total,
                    _some(absent),
                )
            )
    return infos, warnings


def _some(names: Sequence[str], limit: int = 6) -> str:
    return ", ".join(names[:limit]) + (", …" if len(names) > limit else "")


def write_scorecard(card: Scorecard, path: StrPath) -> str:
    """Save a scorecard as JSON (the format read_scorecard reads), atomically; NA is written as "NA"."""
    from ..files import atomic_write

    data = {
        "framework": card.framework,
        "framework_version": card.framework_version,
        "plan": card.plan,
        "city": card.city,
        "year": card.year or None,
        "assessor": card.assessor,
        "scores": {
            criterion: {
                "score": "NA" if score != score else int(score),
                "comment": card.comments.get(criterion, ""),
                "evidence": card.evidence.get(criterion, ""),
            }
            for criterion, score in card.scores.items()
        },
    }

    def write(partial: str) -> None:
        with open(partial, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, indent=1)

    return atomic_write(path, write)
