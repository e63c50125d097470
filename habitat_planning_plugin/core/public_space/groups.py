"""Population groups by the names their bands or fields carry, labelled in the reader's language.

SDG 11.7.1 (b) is disaggregated by sex, age and disability; population grids name these bands in many ways
(``female``, ``women``, ``F``, ``children_0_14``, ``older_65_plus``, ``disability``…). A recognised name gets its
translated label (with the ages it states); any other name is shown as given.
"""

import re
from typing import Optional, Sequence

from ..text import HabitatError, tr, tr_noop

TOTAL = tr_noop("All residents")
WOMEN = tr_noop("Women")
MEN = tr_noop("Men")
CHILDREN = tr_noop("Children")
YOUTH = tr_noop("Young people")
OLDER = tr_noop("Older persons")
DISABILITY = tr_noop("Persons with disabilities")
AGES = tr_noop("{0} (aged {1}–{2})")
AGES_PLUS = tr_noop("{0} (aged {1}+)")

_KINDS = (
    (re.compile(r"^(total|all|pop|population|total_pop(ulation)?|residents|people)$"), TOTAL),
    (re.compile(r"^(female|females|women|woman|f)$"), WOMEN),
    (re.compile(r"^(male|males|men|man|m)$"), MEN),
    (re.compile(r"^(children|child|kids)$"), CHILDREN),
    (re.compile(r"^(youth|young|young_people)$"), YOUTH),
    (re.compile(r"^(older|elderly|older_persons|old|seniors?)$"), OLDER),
    (re.compile(r"^(disability|disabilities|disabled|persons_with_disabilit(y|ies)|pwd)$"), DISABILITY),
)


def group_label(name: object) -> str:
    """``children_0_14`` -> "Children (aged 0–14)", ``older_65_plus`` -> "Older persons (aged 65+)", ``female`` ->
    "Women" (translated); any other name unchanged."""
    text = str(name)
    key = re.sub(r"[\s\-]+", "_", text.strip().lower())
    plus = re.search(r"_?(\d+)_?(plus|\+|and_over|_over)$", key)
    span = re.search(r"_?(\d+)_(\d+)$", key)
    stem = key[: plus.start()] if plus else key[: span.start()] if span else key
    stem = re.sub(r"_(aged?|years?)$", "", stem)
    label = next((tr(kind) for pattern, kind in _KINDS if pattern.match(stem)), None)
    if label is None:
        return text
    if plus:
        return tr(AGES_PLUS, label, plus.group(1))
    if span:
        return tr(AGES, label, span.group(1), span.group(2))
    return label


def group_index(text: Optional[str], groups: Sequence[object]) -> int:
    """The position in ``groups`` of the group a user named: by name (case ignored) or by number from 1; the first
    group (everyone) when ``text`` is empty. A name that is no group is a clear error listing the groups."""
    text = (text or "").strip()
    if not text:
        return 0
    for index, name in enumerate(groups):
        if str(name).lower() == text.lower():
            return index
    if text.isdigit() and 1 <= int(text) <= len(groups):
        return int(text) - 1
    raise HabitatError(
        tr(
            'The population group "{0}" is not in the population input; give one of: {1} (or its number).',
            text,
            ", ".join(str(name) for name in groups),
        )
    )
