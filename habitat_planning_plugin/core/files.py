"""Writing files so that a failure never leaves a half-written one, and an existing file is replaced whole."""

import json
import os
import tempfile
from pathlib import Path

from .text import HabitatError, tr


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
    except OSError as error:  # a full or read-only disk: the file named, not a traceback
        _collect_quietly()
        raise HabitatError(tr("Cannot write {0}: {1}. Nothing was written; an earlier file of that name is as it "
                              "was.", target, error.strerror or str(error)))
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return target


def _collect_quietly() -> None:
    """Collect the failed writer's objects now, without the "Exception ignored in ZipFile.__del__" traceback a
    half-written workbook prints when its zip file closes on a full disk (the partial file is removed anyway)."""
    import gc
    import sys

    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        error_traceback = sys.exc_info()[2]
        if error_traceback is not None:
            import traceback

            traceback.clear_frames(error_traceback)
        gc.collect()
    finally:
        sys.unraisablehook = hook
