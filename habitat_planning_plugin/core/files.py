"""Reading text files in the encodings Windows programs write, and writing files so that a failure never leaves a
half-written one, and an existing file is replaced whole."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Tuple, Union

from .text import HabitatError, tr

if TYPE_CHECKING:
    # A file name: text or a path object.
    StrPath = Union[str, os.PathLike[str]]

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# Characters no text a person saved holds (control characters other than tab and line ends, private use): a
# decoding that gives them is the wrong one. GB18030 reads almost any bytes, so only such a check tells it apart.
IMPLAUSIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\U000f0000-\U0010ffff]")


def decode_text(data: bytes, name: str) -> Tuple[str, str]:
    """(text, encoding) of the bytes of the text file ``name``: UTF-8 with or without a BOM (Notepad, Excel's "CSV
    UTF-8"), UTF-16 with a BOM (Excel's "Unicode text"), else GB18030, which includes GBK (Excel's "CSV" and
    Notepad's "ANSI" on a Chinese Windows). The encoding is "UTF-8 (BOM)", "UTF-8", "UTF-16" or "GB18030 (GBK)";
    anything else is a HabitatError naming the file, the line and the encodings tried. A UTF-8 text may still
    hold control characters: the readers refuse binary data with their own message."""
    if data.startswith(UTF8_BOM):
        try:
            return data[len(UTF8_BOM) :].decode("utf-8"), "UTF-8 (BOM)"
        except UnicodeDecodeError as error:
            raise _not_text(data, name, error.start + len(UTF8_BOM)) from error
    if data.startswith(UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = None
        if text is not None and not IMPLAUSIBLE.search(text):
            return text, "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as error:
        start = error.start
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise _not_text(data, name, start) from None
    if IMPLAUSIBLE.search(text):
        raise _not_text(data, name, start)
    return text, "GB18030 (GBK)"


def _not_text(data: bytes, name: str, start: int) -> HabitatError:
    return HabitatError(
        tr(
            "{0}, line {1}: the file is neither UTF-8 nor GB18030 (GBK) text (tried: UTF-8 with and "
            "without BOM, GB18030 (GBK), UTF-16 with BOM). Save it again with the encoding UTF-8 (in "
            'Excel: "CSV UTF-8").',
            name,
            data[:start].count(b"\n") + 1,
        )
    )


def read_json(path: StrPath, message: str) -> Any:
    """The JSON data of ``path`` (parsed with json: no code runs); ``message`` (translated, with {0} for the path
    and {1} for the reason) is raised when the file cannot be read or parsed."""
    return read_json_with_encoding(path, message)[0]


def read_json_with_encoding(path: StrPath, message: str) -> Tuple[Any, str]:
    """(data, encoding) of the JSON file ``path``, read as read_json does; the encoding is one of decode_text's
    (a text in another encoding is refused with decode_text's message, naming the file)."""
    try:
        text, encoding = decode_text(Path(path).read_bytes(), str(path))
        return json.loads(text), encoding
    except (OSError, json.JSONDecodeError, RecursionError) as error:  # RecursionError: absurd nesting
        raise HabitatError(message.format(str(path), str(error) or type(error).__name__)) from error


def atomic_write(path: StrPath, write: Callable[[str], object]) -> str:
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
        raise HabitatError(
            tr(
                "Cannot write {0}: {1}. Nothing was written; an earlier file of that name is as it was.",
                target,
                error.strerror or str(error),
            )
        ) from error
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
