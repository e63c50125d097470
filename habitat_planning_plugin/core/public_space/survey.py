"""The public space quality questionnaire: one definition for the KoboToolbox form (XLSForm) and the scoring.

The definition (resources/questionnaires/public_space_quality.json) lists dimensions, choice lists with a 0-1
score per choice, groups of questions and derived scores. A question is scored when it names a ``dimension``:
- ``select_one``: the score of the chosen choice (a question may override them with ``scores``); choices
  without a score (e.g. "nobody to ask") leave the question unanswered;
- ``select_multiple``: ``share_selected`` (scored choices ticked / scored choices) or ``share_not_selected``
  (1 minus that, for barriers); an ``exclusive`` choice such as "none" cannot be ticked with others;
- ``integer``/``decimal``: ``{"method": "linear", "zero_at": a, "one_at": b}``, clamped to 0-1;
- derived ``evenness`` of counts: Pielou's J = H / ln k over the counted groups (0 when nobody was counted).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Set, Tuple, Union, cast

from ..files import atomic_write, read_json_with_encoding
from ..text import HabitatError, tr

if TYPE_CHECKING:
    from typing import TypeGuard

    from ..files import StrPath

LANGUAGES = (("en", "English (en)"), ("zh", "Chinese (zh)"))
SPACE_LIST = "spaces"
NOT_IN_LIST = "other"
FORM_VERSION_FIELD = "form_version"
SCALAR_TYPES = ("text", "integer", "decimal", "geopoint", "image", "date", "note")
SCORINGS = ("share_selected", "share_not_selected")


@dataclass
class Question:
    name: str
    kind: str  # select_one, select_multiple, integer, decimal, text, geopoint, image, space_id…
    list_name: str
    label: Dict[str, str]  # language -> text
    group: str
    dimension: str = ""
    scoring: object = None  # a text (select_multiple) or a rule {"method", "zero_at", "one_at"} (numbers)
    scores: Dict[str, float] = field(default_factory=dict)  # choice name -> score, for select_one
    exclusive: str = ""
    required: bool = False
    relevant: str = ""
    constraint: str = ""
    hint: Dict[str, str] = field(default_factory=dict)


@dataclass
class Derived:
    name: str
    dimension: str
    method: str
    of: List[str]
    label: Dict[str, str]


@dataclass
class Questionnaire:
    id: str
    version: str
    title: Dict[str, str]
    dimensions: Dict[str, Dict[str, str]]  # id -> label {lang: text}, in order
    choices: Dict[str, List[Dict[str, Any]]]  # list name -> [{"name", "label", "score"}]
    groups: List[Tuple[str, Dict[str, str]]]  # [(name, label)]
    questions: List[Question]
    derived: List[Derived]
    source: str = field(default="", compare=False)  # the file name, for the log
    encoding: str = field(default="", compare=False)  # how the file was decoded (files.decode_text), for the log

    def question(self, name: str) -> Optional[Question]:
        return next((q for q in self.questions if q.name == name), None)

    def scored_items(self) -> List[Tuple[str, str, Dict[str, str]]]:
        """(name, dimension, label) of every score: scored questions, then derived scores."""
        items = [(q.name, q.dimension, q.label) for q in self.questions if q.dimension]
        return items + [(d.name, d.dimension, d.label) for d in self.derived]

    def choice_label(self, list_name: str, choice: str, language: str) -> str:
        for item in self.choices.get(list_name, []):
            if item["name"] == choice:
                return text_in(item["label"], language)
        return choice


def text_in(names: Optional[Mapping[str, str]], language: str) -> str:
    """The text of a bilingual {lang: text} in ``language``, else English."""
    return (names or {}).get(language) or (names or {}).get("en") or ""


def load_questionnaire(path: StrPath) -> Questionnaire:
    name = Path(str(path)).name
    try:
        data, encoding = read_json_with_encoding(path, tr("Cannot read the questionnaire {0}: {1}"))
    except RecursionError:  # JSON nested thousands of levels deep: no questionnaire
        raise HabitatError(
            tr("Cannot read the questionnaire {0}: {1}", str(path), tr("it is nested too deeply"))
        ) from None
    questionnaire = questionnaire_from_dict(data, name)
    questionnaire.source, questionnaire.encoding = name, encoding
    return questionnaire


NAME_PATTERN = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")  # XLSForm names (XML element names)
RESERVED_NAMES = ("start", "end", "today", "deviceid", FORM_VERSION_FIELD)  # written by the form itself
LISTED_PROBLEMS = 40


class _Checker:
    """Collects ``place: problem`` lines while walking a questionnaire definition (JSON paths as places)."""

    def __init__(self) -> None:
        self.problems: List[str] = []

    def add(self, place: str, text: str) -> None:
        line = f"{place}: {text}"  # one problem per line, whatever the file holds
        self.problems.append("".join(c if c.isprintable() else repr(c)[1:-1] for c in line))

    def object(self, value: Any, place: str, required: bool = True) -> Optional[Dict[str, Any]]:
        if value is None and not required:
            return None
        if not isinstance(value, dict):
            self.add(place, tr("must be an object {{…}}, not {0}", _kind(value)))
            return None
        return value

    def array(self, value: Any, place: str, required: bool = True, minimum: int = 1) -> List[Any]:
        if value is None and not required:
            return []
        if not isinstance(value, list):
            self.add(place, tr("must be a list […], not {0}", _kind(value)))
            return []
        if len(value) < minimum:
            self.add(place, tr("must list at least {0} items", minimum))
        return value

    def text(self, value: Any, place: str, required: bool = True) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str) or not value.strip():
            self.add(place, tr("must be a non-empty text, not {0}", _kind(value)))
            return ""
        return value

    def name(self, value: Any, place: str) -> str:
        text = self.text(value, place)
        if text and not NAME_PATTERN.fullmatch(text):
            self.add(place, tr('"{0}" is not a valid XLSForm name (a letter or _, then letters, digits, _ . -)', text))
            return ""
        return text

    def labels(self, value: Any, place: str, required: bool = True) -> Dict[str, str]:
        """A bilingual text {"en": "…", "zh": "…"}: an object of non-empty texts."""
        if value is None and not required:
            return {}
        if not isinstance(value, dict) or not value:
            self.add(
                place,
                tr('must be an object of texts by language, e.g. {{"en": "…", "zh": "…"}}, not {0}', _kind(value)),
            )
            return {}
        for language, text in value.items():
            if not isinstance(text, str) or not text.strip():
                self.add(f"{place}.{language}", tr("must be a non-empty text, not {0}", _kind(text)))
        return {k: v for k, v in value.items() if isinstance(v, str)}

    def optional_text(self, value: Any, place: str) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            self.add(place, tr("must be a text, not {0}", _kind(value)))
            return ""
        return value


def _kind(value: object) -> str:
    """How a JSON value reads in a message: its type, and the value itself when short."""
    if value is None:
        return tr("nothing (null or missing)")
    if isinstance(value, bool):
        return tr("true/false ({0})", "true" if value else "false")
    if isinstance(value, (int, float)):
        return tr("the number {0}", value)
    if isinstance(value, str):
        return tr('the text "{0}"', value[:40]) if value.strip() else tr("an empty text")
    if isinstance(value, list):
        return tr("a list")
    if isinstance(value, dict):
        return tr("an object")
    return type(value).__name__


def _is_number(value: object) -> TypeGuard[Union[int, float]]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def questionnaire_from_dict(data: Any, name: str = "") -> Questionnaire:
    """Validate a questionnaire definition by its schema, once, before anything uses it: every problem is listed
    with its place (a JSON path such as ``groups[2].questions[0].type``)."""
    check = _Checker()
    questionnaire = _parse(data, check)
    if check.problems:
        listed = check.problems[:LISTED_PROBLEMS]
        more = len(check.problems) - len(listed)
        heading = (
            tr("The questionnaire {0} is not valid ({1} problems):", name, len(check.problems))
            if name
            else tr("The questionnaire is not valid ({0} problems):", len(check.problems))
        )
        raise HabitatError(heading + "\n" + "\n".join(listed) + ("\n" + tr("… and {0} more.", more) if more else ""))
    assert questionnaire is not None  # _parse gives None only with problems
    return questionnaire


def _parse(data: Any, check: _Checker) -> Optional[Questionnaire]:
    if not isinstance(data, dict):
        check.add("$", tr("the questionnaire must be a JSON object {{…}}, not {0}", _kind(data)))
        return None
    identifier = check.name(data.get("id"), "id")
    version = check.text(data.get("version"), "version")
    if version and not re.fullmatch(r"[A-Za-z0-9_.\-]+", version):
        check.add("version", tr('"{0}" may hold only letters, digits, _ . and -', version))
    title = check.labels(data.get("title"), "title")
    dimensions: Dict[str, Dict[str, str]] = {}
    for i, item in enumerate(check.array(data.get("dimensions"), "dimensions")):
        place = f"dimensions[{i}]"
        if check.object(item, place) is None:
            continue
        dimension = check.name(item.get("id"), place + ".id")
        label = check.labels(item.get("label"), place + ".label")
        if dimension in dimensions:
            check.add(place + ".id", tr('the dimension "{0}" is listed twice', dimension))
        elif dimension:
            dimensions[dimension] = label
    choices: Dict[str, List[Dict[str, Any]]] = {}
    for list_name, items in (check.object(data.get("choices"), "choices") or {}).items():
        place = f"choices.{list_name}"
        if not NAME_PATTERN.fullmatch(str(list_name)):
            check.add(
                place, tr('"{0}" is not a valid XLSForm name (a letter or _, then letters, digits, _ . -)', list_name)
            )
        kept: List[Dict[str, Any]] = []
        seen: Set[str] = set()
        for i, item in enumerate(check.array(items, place)):
            where = f"{place}[{i}]"
            if check.object(item, where) is None:
                continue
            choice = check.name(item.get("name"), where + ".name")
            label = check.labels(item.get("label"), where + ".label")
            score = item.get("score")
            if score is not None and not (_is_number(score) and 0 <= score <= 1):
                check.add(
                    where + ".score",
                    tr(
                        'choice list "{0}", choice {1}: a score must be a number from 0 to 1 (or absent), not {2}',
                        list_name,
                        i + 1,
                        _kind(score),
                    ),
                )
                score = None
            if choice in seen:
                check.add(where + ".name", tr('the choice "{0}" is listed twice', choice))
            elif choice:
                seen.add(choice)
                kept.append({"name": choice, "label": label, "score": score})
        choices[str(list_name)] = kept
    if "choices" in data and isinstance(data.get("choices"), dict) and not data["choices"]:
        check.add("choices", tr("must list at least {0} items", 1))
    questions: List[Question] = []
    groups: List[Tuple[str, Dict[str, str]]] = []
    names: Dict[str, str] = {}
    for g, group in enumerate(check.array(data.get("groups"), "groups")):
        place = f"groups[{g}]"
        if check.object(group, place) is None:
            continue
        group_name = check.name(group.get("name"), place + ".name")
        if group_name in dict(groups):
            check.add(place + ".name", tr('the group "{0}" is listed twice', group_name))
        groups.append((group_name, check.labels(group.get("label"), place + ".label", required=False)))
        for q, item in enumerate(check.array(group.get("questions"), place + ".questions")):
            where = f"{place}.questions[{q}]"
            question = _question(item, group_name, where, dimensions, choices, check)
            if question is None:
                continue
            if question.name in names:
                check.add(
                    where + ".name",
                    tr('the name "{0}" is used twice (first at {1})', question.name, names[question.name]),
                )
            elif question.name in RESERVED_NAMES:
                check.add(where + ".name", tr('the name "{0}" is reserved for the form itself', question.name))
            names.setdefault(question.name, where)
            questions.append(question)
    derived: List[Derived] = []
    for i, item in enumerate(check.array(data.get("derived"), "derived", required=False, minimum=0)):
        place = f"derived[{i}]"
        if check.object(item, place) is None:
            continue
        derived_name = check.name(item.get("name"), place + ".name")
        if derived_name in names:
            check.add(
                place + ".name", tr('the name "{0}" is used twice (first at {1})', derived_name, names[derived_name])
            )
        names.setdefault(derived_name, place)
        dimension = check.text(item.get("dimension"), place + ".dimension")
        if dimension and dimension not in dimensions:
            check.add(place + ".dimension", tr('the dimension "{0}" does not exist', dimension))
        if item.get("method") != "evenness":
            check.add(place + ".method", tr('must be "evenness", not {0}', _kind(item.get("method"))))
        label = check.labels(item.get("label"), place + ".label")
        parts = check.array(item.get("of"), place + ".of", minimum=2)
        for p, part in enumerate(parts):
            counted = next((q for q in questions if q.name == part), None) if isinstance(part, str) else None
            if counted is None or counted.kind not in ("integer", "decimal"):
                check.add(f"{place}.of[{p}]", tr('"{0}" is not a count question of the questionnaire', part))
        if len(set(map(str, parts))) != len(parts):
            check.add(place + ".of", tr("a question is listed twice"))
        derived.append(Derived(derived_name, dimension, "evenness", [str(p) for p in parts], label))
    space_questions = [q for q in questions if q.kind == "space_id"]
    if len(space_questions) != 1:
        check.add(
            "groups",
            tr('the questionnaire needs exactly one question of type "space_id" (found {0})', len(space_questions)),
        )
    if sum(1 for q in questions if q.kind == "geopoint") > 1:
        check.add("groups", tr('the questionnaire may have at most one question of type "geopoint"'))
    for dimension in dimensions:
        if not any(q.dimension == dimension for q in questions) and not any(d.dimension == dimension for d in derived):
            check.add("dimensions", tr('dimension "{0}" has no scored question', dimension))
    if check.problems:
        return None
    return Questionnaire(identifier, version, title, dimensions, choices, groups, questions, derived)


def _is_fraction(value: object) -> bool:
    return _is_number(value) and 0 <= value <= 1


def _question(
    item: Any,
    group: str,
    where: str,
    dimensions: Dict[str, Dict[str, str]],
    choices: Dict[str, List[Dict[str, Any]]],
    check: _Checker,
) -> Optional[Question]:
    if check.object(item, where) is None:
        return None
    name = check.name(item.get("name"), where + ".name")
    kind_text = check.text(item.get("type"), where + ".type")
    label = check.labels(item.get("label"), where + ".label")
    hint = check.labels(item.get("hint"), where + ".hint", required=False)
    relevant = check.optional_text(item.get("relevant"), where + ".relevant")
    constraint = check.optional_text(item.get("constraint"), where + ".constraint")
    dimension = check.optional_text(item.get("dimension"), where + ".dimension")
    exclusive = check.optional_text(item.get("exclusive"), where + ".exclusive")
    required = item.get("required", False)
    if not isinstance(required, bool):
        check.add(where + ".required", tr("must be true or false, not {0}", _kind(required)))
    scores = item.get("scores") or {}
    if not isinstance(scores, dict):
        check.add(where + ".scores", tr("must be an object {{…}}, not {0}", _kind(scores)))
        scores = {}
    if not name or not kind_text:
        return None
    parts = kind_text.split()
    kind, list_name = parts[0], (parts[1] if len(parts) > 1 else "")
    question = Question(
        name,
        kind,
        list_name,
        label,
        group,
        dimension,
        item.get("scoring"),
        dict(scores),
        exclusive,
        bool(required),
        relevant,
        constraint,
        hint,
    )
    if kind in ("select_one", "select_multiple"):
        if len(parts) != 2:
            check.add(where + ".type", tr('"{0}" must be "{1} <choice list>"', kind_text, kind))
            return None
        if list_name not in choices:
            check.add(where + ".type", tr('the choice list "{0}" does not exist', list_name))
            return None
        if not choices[list_name]:
            check.add(where + ".type", tr('the choice list "{0}" has no usable choice', list_name))
            return None
    elif kind not in SCALAR_TYPES + ("space_id",) or len(parts) != 1:
        check.add(where + ".type", tr('the type "{0}" is not supported', kind_text))
        return None
    if exclusive and (kind != "select_multiple" or exclusive not in {c["name"] for c in choices[list_name]}):
        check.add(
            where + ".exclusive", tr('must be a choice of the select_multiple question\'s list, not "{0}"', exclusive)
        )
    if not dimension:
        for key in ("scoring", "scores"):
            if item.get(key) not in (None, {}, ""):
                check.add(
                    f"{where}.{key}",
                    tr('"{0}" is given but the question has no dimension: it would not be scored', key),
                )
        return question
    if dimension not in dimensions:
        check.add(where + ".dimension", tr('the dimension "{0}" does not exist', dimension))
    if kind == "select_one":
        names = {c["name"] for c in choices[list_name]}
        for key, value in question.scores.items():
            if key not in names or not _is_fraction(value):
                check.add(f"{where}.scores.{key}", tr('"scores" must map choices of "{0}" to 0-1', list_name))
        if not question.scores and not any(c.get("score") is not None for c in choices[list_name]):
            check.add(where + ".type", tr('no choice of "{0}" has a score', list_name))
    elif kind == "select_multiple":
        if question.scoring not in SCORINGS:
            check.add(where + ".scoring", tr('"scoring" must be one of {0}', ", ".join(SCORINGS)))
        if not any(c.get("score") for c in choices[list_name]):
            check.add(where + ".type", tr('no choice of "{0}" has a score above 0', list_name))
    elif kind in ("integer", "decimal"):
        rule = question.scoring if isinstance(question.scoring, dict) else {}
        if (
            rule.get("method") != "linear"
            or not all(_is_number(rule.get(k)) for k in ("zero_at", "one_at"))
            or rule.get("zero_at") == rule.get("one_at")
        ):
            check.add(
                where + ".scoring",
                tr(
                    'a scored number needs "scoring": {{"method": "linear", '
                    '"zero_at": a, "one_at": b}} with a different from b'
                ),
            )
    else:
        check.add(where + ".dimension", tr('a question of type "{0}" cannot be scored', kind))
    return question


# --- XLSForm ---------------------------------------------------------------------------------------------------


def xlsform_sheets(
    questionnaire: Questionnaire,
    spaces: Optional[Sequence[Tuple[object, object]]] = None,
) -> Dict[str, List[List[Any]]]:
    """The survey, choices and settings sheets of the XLSForm as lists of rows (first row: headers).

    ``spaces`` is [(id, name)] from the inventory: the space question then offers them as a choice list (plus
    "not in the list"); without it the space id is typed in.
    """
    label_columns = [f"label::{long}" for _, long in LANGUAGES]
    survey = [
        ["type", "name"]
        + label_columns
        + [f"hint::{long}" for _, long in LANGUAGES]
        + ["required", "relevant", "constraint"]
        + [f"constraint_message::{long}" for _, long in LANGUAGES]
        + ["appearance", "calculation", "parameters"]
    ]

    def row(
        kind: str,
        name: str,
        label: Optional[Dict[str, str]] = None,
        hint: Optional[Dict[str, str]] = None,
        required: bool = False,
        relevant: str = "",
        constraint: str = "",
        message: Optional[Dict[str, str]] = None,
        appearance: str = "",
        calculation: str = "",
        parameters: str = "",
    ) -> None:
        survey.append(
            [kind, name]
            + [text_in(label, short) if label else "" for short, _ in LANGUAGES]
            + [(hint or {}).get(short, "") for short, _ in LANGUAGES]
            + ["yes" if required else "", relevant, constraint]
            + [(message or {}).get(short, "") for short, _ in LANGUAGES]
            + [appearance, calculation, parameters]
        )

    for meta in ("start", "end", "today", "deviceid"):
        row(meta, meta)
    row("calculate", FORM_VERSION_FIELD, calculation=f"'{questionnaire.version}'")
    group_labels = dict(questionnaire.groups)
    current = None
    for question in questionnaire.questions:
        if question.group != current:
            if current is not None:
                row("end_group", "")
            row("begin_group", question.group, group_labels.get(question.group))
            current = question.group
        constraint = question.constraint
        message: Optional[Dict[str, str]] = None
        if question.kind == "select_multiple" and question.exclusive:
            constraint = f"not(selected(., '{question.exclusive}') and count-selected(.) > 1)"
            message = {"en": "This choice cannot be combined with others.", "zh": "此选项不能与其他选项同时选择。"}
        elif constraint:
            message = {"en": "The value is out of range.", "zh": "数值超出范围。"}
        if question.kind == "space_id":
            kind = f"select_one {SPACE_LIST}" if spaces else "text"
            appearance = "minimal" if spaces else ""
        else:
            kind = f"{question.kind} {question.list_name}".strip()
            appearance = (
                "minimal"
                if question.kind == "select_one" and len(questionnaire.choices[question.list_name]) > 6
                else ""
            )
        row(
            kind,
            question.name,
            question.label,
            question.hint,
            question.required,
            question.relevant,
            constraint,
            message,
            appearance,
            parameters="max-pixels=1600" if question.kind == "image" else "",
        )
    if current is not None:
        row("end_group", "")

    choices = [["list_name", "name"] + label_columns]
    for list_name, items in questionnaire.choices.items():
        for item in items:
            choices.append([list_name, item["name"]] + [text_in(item["label"], short) for short, _ in LANGUAGES])
    if spaces:
        for space_id, name in spaces:
            label = space_choice_label(space_id, name)
            choices.append([SPACE_LIST, str(space_id), label, label])
        choices.append([SPACE_LIST, NOT_IN_LIST, "Not in the list", "不在列表中"])
    settings = [
        ["form_title", "form_id", "version", "default_language"],
        [text_in(questionnaire.title, "en"), questionnaire.id, questionnaire.version, LANGUAGES[0][1]],
    ]
    return {"survey": survey, "choices": choices, "settings": settings}


def space_choice_label(space_id: object, name: object) -> str:
    """``id · name``: the importer reads the id back from a label export."""
    return f"{space_id} · {name}" if name not in (None, "") and str(name) != str(space_id) else str(space_id)


def space_id_from_label(value: str) -> str:
    return value.split(" · ", 1)[0].strip()


_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def spreadsheet_text(value: object) -> object:
    """Text for a workbook cell: control characters that XML cannot hold are removed."""
    return _ILLEGAL_XML.sub("", value) if isinstance(value, str) else value


def write_xlsform(
    questionnaire: Questionnaire, path: StrPath, spaces: Optional[Sequence[Tuple[object, object]]] = None
) -> str:
    """Write the XLSForm atomically (next to ``path``, then moved into place)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, rows in xlsform_sheets(questionnaire, spaces).items():
        sheet = book.create_sheet(title)
        for values in rows:
            sheet.append([spreadsheet_text(value) for value in values])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text that starts with = stays text, never a formula
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    return atomic_write(path, book.save)


def evenness(counts: Sequence[Optional[float]]) -> Optional[float]:
    """Pielou's evenness J = H / ln k of the counts (0 when nobody was counted); None if a count is missing."""
    if any(c is None for c in counts):
        return None
    known = cast("Sequence[float]", counts)
    total = float(sum(known))
    if total <= 0:
        return 0.0
    entropy = -sum((c / total) * math.log(c / total) for c in known if c > 0)
    return entropy / math.log(len(known))
