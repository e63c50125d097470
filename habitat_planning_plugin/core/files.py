"""Writing files so that a failure never leaves a half-written one, and an existing file is replaced whole."""

import json
import os
import tempfile
from pathlib import Path

from .text import HabitatError


def read_json(path, message: str):
    """The JSON data of ``path`` (parsed with json: no code runs); ``message`` (translated, with {0} for the path
    and {1} for the reason) is raised when the file cannot be read or parsed."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:  # RecursionError: absurd nesting
        raise HabitatError(message.format(str(path), str(error) or type(error).__name__))


def atomic_write(path, write) -> str:
    """Call ``write(partial_path)`` on a temporary file next to ``path``, then move it into place.

    The file gets ordinary permissions (mkstemp makes it private); on any error the partial file is removed.
    """
    target = os.path.abspath(str(path))
    folder = os.path.dirname(target) or "."
    os.makedirs(folder, exist_ok=True)
    suffix = os.path.splitext(target)[1]
    handle, partial = tempfile.mkstemp(prefix=".partial-", suffix=suffix, dir=folder)
    os.close(handle)
    try:
        write(partial)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(partial, 0o666 & ~umask)
        os.replace(partial, target)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return target
