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

import math
import re
from dataclasses import dataclass, field

from ..files import atomic_write, read_json
from ..text import HabitatError, tr

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
    label: dict
    group: str
    dimension: str = ""
    scoring: object = None
    scores: dict = field(default_factory=dict)  # choice name -> score, for select_one
    exclusive: str = ""
    required: bool = False
    relevant: str = ""
    constraint: str = ""
    hint: dict = field(default_factory=dict)


@dataclass
class Derived:
    name: str
    dimension: str
    method: str
    of: list
    label: dict


@dataclass
class Questionnaire:
    id: str
    version: str
    title: dict
    dimensions: dict  # id -> label {lang: text}, in order
    choices: dict  # list name -> [{"name", "label", "score"}]
    groups: list  # [(name, label)]
    questions: list
    derived: list

    def question(self, name):
        return next((q for q in self.questions if q.name == name), None)

    def scored_items(self):
        """(name, dimension, label) of every score: scored questions, then derived scores."""
        items = [(q.name, q.dimension, q.label) for q in self.questions if q.dimension]
        return items + [(d.name, d.dimension, d.label) for d in self.derived]

    def choice_label(self, list_name, choice, language):
        for item in self.choices.get(list_name, []):
            if item["name"] == choice:
                return text_in(item["label"], language)
        return choice


def text_in(names, language):
    """The text of a bilingual {lang: text} in ``language``, else English."""
    return (names or {}).get(language) or (names or {}).get("en") or ""


def load_questionnaire(path) -> Questionnaire:
    return questionnaire_from_dict(read_json(path, tr("Cannot read the questionnaire {0}: {1}")))


def questionnaire_from_dict(data) -> Questionnaire:
    """Validate a questionnaire definition; every problem is listed with where it is."""
    problems = []
    if not isinstance(data, dict):
        raise HabitatError(tr("The questionnaire must be a JSON object."))
    for key in ("id", "version", "title", "dimensions", "choices", "groups"):
        if not data.get(key):
            problems.append(tr("{0}: \"{1}\" is missing or empty", tr("questionnaire"), key))
    if problems:
        raise HabitatError(tr("The questionnaire is not valid:") + "\n" + "\n".join(problems))
    dimensions = {}
    for d in data["dimensions"]:
        if not isinstance(d, dict) or not d.get("id") or not isinstance(d.get("label"), dict):
            problems.append(tr("dimension {0}: needs an \"id\" and a \"label\"", len(dimensions) + 1))
            continue
        dimensions[str(d["id"])] = d["label"]
    choices = {}
    for list_name, items in (data["choices"] or {}).items():
        for i, item in enumerate(items if isinstance(items, list) else []):
            score = item.get("score") if isinstance(item, dict) else None
            if not isinstance(item, dict) or not item.get("name") or not isinstance(item.get("label"), dict) or \
                    (score is not None and not _is_fraction(score)):
                problems.append(tr("choice list \"{0}\", choice {1}: needs a \"name\", a \"label\" and a score "
                                   "between 0 and 1 (or none)", list_name, i + 1))
        choices[list_name] = [item for item in items if isinstance(item, dict) and item.get("name")] \
            if isinstance(items, list) else []
    questions, groups, names = [], [], set()
    for g, group in enumerate(data["groups"]):
        if not isinstance(group, dict) or not group.get("name") or not isinstance(group.get("questions"), list):
            problems.append(tr("group {0}: needs a \"name\" and \"questions\"", g + 1))
            continue
        groups.append((group["name"], group.get("label") or {}))
        for q, item in enumerate(group["questions"]):
            where = tr("group \"{0}\", question {1}", group["name"], q + 1)
            question = _question(item, group["name"], where, dimensions, choices, problems)
            if question is None:
                continue
            if question.name in names:
                problems.append(tr("{0}: the name \"{1}\" is used twice", where, question.name))
            names.add(question.name)
            questions.append(question)
    derived = []
    for i, item in enumerate(data.get("derived") or []):
        where = tr("derived score {0}", i + 1)
        parts = item.get("of") if isinstance(item, dict) else None
        if not isinstance(item, dict) or item.get("method") != "evenness" or not isinstance(parts, list) or \
                len(parts) < 2 or item.get("dimension") not in dimensions or not item.get("name"):
            problems.append(tr("{0}: needs a \"name\", a known \"dimension\", \"method\": \"evenness\" and two or "
                               "more count questions in \"of\"", where))
            continue
        for part in parts:
            counted = next((q for q in questions if q.name == part), None)
            if counted is None or counted.kind not in ("integer", "decimal"):
                problems.append(tr("{0}: \"{1}\" is not a count question of the questionnaire", where, part))
        derived.append(Derived(item["name"], item["dimension"], "evenness", list(parts), item.get("label") or {}))
    if not any(q.kind == "space_id" for q in questions):
        problems.append(tr("the questionnaire needs a question of type \"space_id\""))
    for dimension in dimensions:
        if not any(q.dimension == dimension for q in questions) and not any(d.dimension == dimension
                                                                            for d in derived):
            problems.append(tr("dimension \"{0}\" has no scored question", dimension))
    if problems:
        raise HabitatError(tr("The questionnaire is not valid:") + "\n" + "\n".join(problems))
    return Questionnaire(str(data["id"]), str(data["version"]), data["title"], dimensions, choices, groups,
                         questions, derived)


def _is_fraction(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1


def _question(item, group, where, dimensions, choices, problems):
    if not isinstance(item, dict) or not item.get("name") or not item.get("type") or \
            not isinstance(item.get("label"), dict):
        problems.append(tr("{0}: needs a \"name\", a \"type\" and a \"label\"", where))
        return None
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", str(item["name"])):
        problems.append(tr("{0}: \"{1}\" is not a valid XLSForm name (letters, digits and _)", where, item["name"]))
    parts = str(item["type"]).split()
    kind, list_name = parts[0], (parts[1] if len(parts) > 1 else "")
    question = Question(item["name"], kind, list_name, item["label"], group, item.get("dimension") or "",
                        item.get("scoring"), dict(item.get("scores") or {}), item.get("exclusive") or "",
                        bool(item.get("required")), item.get("relevant") or "", item.get("constraint") or "",
                        item.get("hint") or {})
    if kind in ("select_one", "select_multiple"):
        if list_name not in choices:
            problems.append(tr("{0}: the choice list \"{1}\" does not exist", where, list_name))
            return question
    elif kind not in SCALAR_TYPES + ("space_id",):
        problems.append(tr("{0}: the type \"{1}\" is not supported", where, item["type"]))
    if not question.dimension:
        return question
    if question.dimension not in dimensions:
        problems.append(tr("{0}: the dimension \"{1}\" does not exist", where, question.dimension))
    if kind == "select_one":
        names = {c["name"] for c in choices[list_name]}
        if any(k not in names or not _is_fraction(v) for k, v in question.scores.items()):
            problems.append(tr("{0}: \"scores\" must map choices of \"{1}\" to 0-1", where, list_name))
        if not question.scores and not any(c.get("score") is not None for c in choices[list_name]):
            problems.append(tr("{0}: no choice of \"{1}\" has a score", where, list_name))
    elif kind == "select_multiple":
        if question.scoring not in SCORINGS:
            problems.append(tr("{0}: \"scoring\" must be one of {1}", where, ", ".join(SCORINGS)))
    elif kind in ("integer", "decimal"):
        rule = question.scoring if isinstance(question.scoring, dict) else {}
        if rule.get("method") != "linear" or not all(isinstance(rule.get(k), (int, float))
                                                     for k in ("zero_at", "one_at")) or \
                rule.get("zero_at") == rule.get("one_at"):
            problems.append(tr("{0}: a scored number needs \"scoring\": {{\"method\": \"linear\", \"zero_at\": a, "
                               "\"one_at\": b}} with a different from b", where))
    else:
        problems.append(tr("{0}: a question of type \"{1}\" cannot be scored", where, kind))
    return question


# --- XLSForm ---------------------------------------------------------------------------------------------------

def xlsform_sheets(questionnaire: Questionnaire, spaces=None):
    """The survey, choices and settings sheets of the XLSForm as lists of rows (first row: headers).

    ``spaces`` is [(id, name)] from the inventory: the space question then offers them as a choice list (plus
    "not in the list"); without it the space id is typed in.
    """
    label_columns = [f"label::{long}" for _, long in LANGUAGES]
    survey = [["type", "name"] + label_columns + [f"hint::{long}" for _, long in LANGUAGES] +
              ["required", "relevant", "constraint"] + [f"constraint_message::{long}" for _, long in LANGUAGES] +
              ["appearance", "calculation", "parameters"]]

    def row(kind, name, label=None, hint=None, required=False, relevant="", constraint="", message=None,
            appearance="", calculation="", parameters=""):
        survey.append([kind, name] + [text_in(label, short) if label else "" for short, _ in LANGUAGES] +
                      [(hint or {}).get(short, "") for short, _ in LANGUAGES] +
                      ["yes" if required else "", relevant, constraint] +
                      [(message or {}).get(short, "") for short, _ in LANGUAGES] + [appearance, calculation, parameters])

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
        constraint, message = question.constraint, None
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
            appearance = "minimal" if question.kind == "select_one" and \
                len(questionnaire.choices[question.list_name]) > 6 else ""
        row(kind, question.name, question.label, question.hint, question.required, question.relevant, constraint,
            message, appearance, parameters="max-pixels=1600" if question.kind == "image" else "")
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
    settings = [["form_title", "form_id", "version", "default_language"],
                [text_in(questionnaire.title, "en"), questionnaire.id, questionnaire.version, LANGUAGES[0][1]]]
    return {"survey": survey, "choices": choices, "settings": settings}


def space_choice_label(space_id, name) -> str:
    """``id · name``: the importer reads the id back from a label export."""
    return f"{space_id} · {name}" if name not in (None, "") and str(name) != str(space_id) else str(space_id)


def space_id_from_label(value: str) -> str:
    return value.split(" · ", 1)[0].strip()


def write_xlsform(questionnaire: Questionnaire, path, spaces=None) -> str:
    """Write the XLSForm atomically (next to ``path``, then moved into place)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for title, rows in xlsform_sheets(questionnaire, spaces).items():
        sheet = book.create_sheet(title)
        for values in rows:
            sheet.append(values)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    return atomic_write(path, book.save)


def evenness(counts):
    """Pielou's evenness J = H / ln k of the counts (0 when nobody was counted); None if a count is missing."""
    if any(c is None for c in counts):
        return None
    total = float(sum(counts))
    if total <= 0:
        return 0.0
    entropy = -sum((c / total) * math.log(c / total) for c in counts if c > 0)
    return entropy / math.log(len(counts))
