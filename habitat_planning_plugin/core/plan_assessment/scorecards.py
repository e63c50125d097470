"""Assessment frameworks and scorecards: a documented format, read with safe parsers (json, csv, openpyxl).

Framework (JSON):
    {"id": "...", "version": "...", "name": {"en": "...", "zh": "..."},
     "themes": [{"id": "...", "name": {...},
                 "criteria": [{"id": "...", "question": {...}, "weight": 1,
                               "levels": {"0": {...}, "1": {...}, "2": {...}, "3": {...}}}]}]}
Scorecard (one assessor, one plan), as JSON:
    {"framework": "id", "framework_version": "...", "plan": "...", "city": "...", "year": 2026, "assessor": "...",
     "scores": {"criterion id": {"score": 0..3 or "NA", "comment": "...", "evidence": "..."}}}
or as a table (CSV or the first sheet of an XLSX): header lines "key,value" for framework, framework_version,
plan, city, year and assessor, then a row "criterion,score,comment,evidence" and one row per criterion.
"""

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..files import read_json
from ..text import HabitatError, tr

SCALE = (0, 1, 2, 3)
NA_VALUES = {"na", "n/a", "not applicable", "不适用", ""}
META_KEYS = ("framework", "framework_version", "plan", "city", "year", "assessor")


@dataclass
class Criterion:
    id: str
    theme: str
    weight: float
    question: dict
    levels: dict


@dataclass
class Framework:
    id: str
    version: str
    name: dict
    themes: dict  # theme id -> name {lang: text}
    criteria: list  # Criterion, in order


def load_framework(path) -> Framework:
    return framework_from_dict(read_json(path, tr("Cannot read the framework file {0}: {1}")))


def framework_from_dict(data) -> Framework:
    """Validate a framework; every problem is listed with where it is."""
    problems = []

    def require(container, key, where, kind):
        value = container.get(key) if isinstance(container, dict) else None
        if not isinstance(value, kind) or (isinstance(value, (str, list, dict)) and not value):
            problems.append(tr("{0}: \"{1}\" is missing or empty", where, key))
            return None
        return value

    if not isinstance(data, dict):
        raise HabitatError(tr("The framework must be a JSON object."))
    require(data, "id", tr("framework"), str)
    require(data, "name", tr("framework"), dict)
    themes, criteria, seen = {}, [], set()
    for t, theme in enumerate(require(data, "themes", tr("framework"), list) or []):
        where = tr("theme {0}", t + 1)
        theme_id = require(theme, "id", where, str)
        name = require(theme, "name", where, dict)
        if theme_id:
            themes[theme_id] = name or {}
        for c, criterion in enumerate(require(theme, "criteria", where, list) or []):
            place = tr("theme {0}, criterion {1}", t + 1, c + 1)
            criterion_id = require(criterion, "id", place, str)
            question = require(criterion, "question", place, dict)
            levels = require(criterion, "levels", place, dict) or {}
            weight = criterion.get("weight", 1) if isinstance(criterion, dict) else 1
            if sorted(str(k) for k in levels) != [str(v) for v in SCALE]:
                problems.append(tr("{0}: \"levels\" must describe exactly the scores 0, 1, 2 and 3", place))
            if not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight <= 0:
                problems.append(tr("{0}: \"weight\" must be a number above 0", place))
                weight = 1
            if criterion_id in seen:
                problems.append(tr("{0}: the criterion id \"{1}\" is used twice", place, criterion_id))
            seen.add(criterion_id)
            if criterion_id and theme_id:
                criteria.append(Criterion(criterion_id, theme_id, float(weight), question or {}, levels))
    if problems:
        raise HabitatError(tr("The framework is not valid:") + "\n" + "\n".join(problems))
    return Framework(str(data["id"]), str(data.get("version", "")), data["name"], themes, criteria)


@dataclass
class Scorecard:
    framework: str
    framework_version: str
    plan: str
    city: str
    year: int
    assessor: str
    scores: dict = field(default_factory=dict)  # criterion id -> score (float, NaN for NA)
    comments: dict = field(default_factory=dict)
    evidence: dict = field(default_factory=dict)
    source: str = ""


def read_scorecard(path) -> Scorecard:
    """A scorecard from a .json, .csv or .xlsx file."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("scores"), dict):
                raise HabitatError(tr("{0}: a JSON scorecard needs a \"scores\" object.", path.name))
            rows = [[key, value.get("score") if isinstance(value, dict) else value,
                     value.get("comment", "") if isinstance(value, dict) else "",
                     value.get("evidence", "") if isinstance(value, dict) else ""]
                    for key, value in data["scores"].items()]
            meta = {key: data.get(key) for key in META_KEYS}
        elif suffix in (".csv", ".txt"):
            text = path.read_text(encoding="utf-8-sig")
            dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
            meta, rows = _split_table(list(csv.reader(io.StringIO(text), dialect)), path.name)
        elif suffix == ".xlsx":
            from openpyxl import load_workbook

            sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
            meta, rows = _split_table([["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)],
                                      path.name)
        else:
            raise HabitatError(tr("{0}: scorecards are .json, .csv or .xlsx files.", path.name))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, csv.Error) as error:
        raise HabitatError(tr("Cannot read the scorecard {0}: {1}", path.name, str(error)))
    missing = [key for key in ("framework", "plan", "assessor") if not str(meta.get(key) or "").strip()]
    if missing:
        raise HabitatError(tr("{0}: the scorecard does not say {1}.", path.name, ", ".join(missing)))
    card = Scorecard(str(meta["framework"]).strip(), str(meta.get("framework_version") or "").strip(),
                     str(meta["plan"]).strip(), str(meta.get("city") or "").strip(), _year(meta.get("year"), path.name),
                     str(meta["assessor"]).strip(), source=path.name)
    for criterion, score, comment, evidence in rows:
        card.scores[str(criterion).strip()] = _score(score, path.name, criterion)
        card.comments[str(criterion).strip()] = str(comment or "")
        card.evidence[str(criterion).strip()] = str(evidence or "")
    return card


def _split_table(table, name):
    meta, rows, in_scores = {}, [], False
    for row in table:
        cells = [("" if cell is None else cell) for cell in list(row) + ["", "", "", ""]][:4]
        if not any(str(cell).strip() for cell in cells):
            continue
        if not in_scores and str(cells[0]).strip().lower() == "criterion":
            in_scores = True
        elif in_scores:
            rows.append(cells)
        else:
            meta[str(cells[0]).strip().lower()] = cells[1]
    if not in_scores:
        raise HabitatError(tr("{0}: no \"criterion, score, comment, evidence\" header row was found.", name))
    return meta, rows


def _score(value, name, criterion):
    if value is None or str(value).strip().lower() in NA_VALUES:
        return float("nan")
    try:
        score = float(value)
    except (TypeError, ValueError):
        raise HabitatError(tr("{0}: the score \"{1}\" of criterion {2} is not a number or NA.", name, value, criterion))
    if score not in SCALE:
        raise HabitatError(tr("{0}: the score {1} of criterion {2} is outside 0 to 3.", name, f"{score:g}", criterion))
    return score


def _year(value, name):
    if value in (None, ""):
        return 0
    try:
        return int(float(value))
    except (TypeError, ValueError):
        raise HabitatError(tr("{0}: the year \"{1}\" is not a number.", name, value))


def check_scorecards(framework: Framework, cards):
    """Problems that stop an assessment (raised) and warnings (returned): unknown criteria, mixed frameworks,
    an assessor twice for one plan, criteria nobody scored."""
    known = {criterion.id for criterion in framework.criteria}
    errors, warnings = [], []
    for card in cards:
        if card.framework != framework.id:
            errors.append(tr("{0}: made for the framework \"{1}\", not \"{2}\".", card.source, card.framework,
                             framework.id))
        unknown = sorted(set(card.scores) - known)
        if unknown:
            errors.append(tr("{0}: unknown criteria: {1}", card.source, ", ".join(unknown)))
        if framework.version and card.framework_version and card.framework_version != framework.version:
            warnings.append(tr("{0}: framework version {1}, the framework is version {2}.", card.source,
                               card.framework_version, framework.version))
    seen = {}
    for card in cards:
        key = (card.plan, card.city, card.year, card.assessor.lower())
        if key in seen:
            errors.append(tr("{0} and {1}: the assessor {2} scored the same plan twice.", seen[key], card.source,
                             card.assessor))
        seen.setdefault(key, card.source)
    for criterion in framework.criteria:
        if not any(criterion.id in card.scores for card in cards):
            warnings.append(tr("No scorecard scores the criterion {0}.", criterion.id))
    if errors:
        raise HabitatError(tr("The scorecards cannot be assessed together:") + "\n" + "\n".join(errors))
    return warnings


def write_scorecard(card: Scorecard, path) -> str:
    """Save a scorecard as JSON (the format read_scorecard reads), atomically; NA is written as "NA"."""
    from ..files import atomic_write

    data = {"framework": card.framework, "framework_version": card.framework_version, "plan": card.plan,
            "city": card.city, "year": card.year or None, "assessor": card.assessor,
            "scores": {criterion: {"score": "NA" if score != score else int(score),
                                   "comment": card.comments.get(criterion, ""),
                                   "evidence": card.evidence.get(criterion, "")}
                       for criterion, score in card.scores.items()}}
    def write(partial):
        with open(partial, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, indent=1)

    return atomic_write(path, write)
