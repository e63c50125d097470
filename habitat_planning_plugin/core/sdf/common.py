"""What the SDF tools share: short lists of names or ids for messages."""

from typing import Any, Iterable

MAX_LISTED = 20


def listed(ids: Iterable[Any]) -> str:
    """The first MAX_LISTED ids or names, comma-separated, "…" when there are more."""
    ids = [str(item) for item in ids]
    return ", ".join(ids[:MAX_LISTED]) + (" …" if len(ids) > MAX_LISTED else "")
