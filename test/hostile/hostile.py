"""The hostile-input suite's one way to run an algorithm as a user would, and to judge the outcome.

``attempt(algorithm_id, parameters)`` runs QGIS's own checks (checkParameterValues, as the dialog, qgis_process
and processing.run do), then the algorithm, and returns an Outcome:

- ``refused``: the checks stopped it before the run (message: what the user reads);
- ``failed``: the run stopped with a QgsProcessingException (message: what the user reads);
- ``ok``: it ran (results: its outputs; log: every message it gave);
- ``traceback``: anything else reached the user — always a defect.

``assert_clear(outcome, *words)`` is the usual verdict: refused or failed, never a traceback nor the "unexpected
error" safety net, with every word (a file, layer or field name...) in the message.
``snapshot(folder)`` / ``unchanged(folder, before)``: a folder byte for byte, to prove nothing was lost or left.
"""

import hashlib
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

UNEXPECTED = "unexpected error"  # the base class's safety net: a bug when a hostile case reaches it


class RecordingFeedback(QgsProcessingFeedback):
    """Feedback that keeps every message, as the dialog's log would show them."""

    def __init__(self, cancel_after_progress: float = None):
        super().__init__()
        self.messages = []
        self.cancel_after_progress = cancel_after_progress
        self.progressChanged.connect(self._progress)

    def _progress(self, value):
        if self.cancel_after_progress is not None and value >= self.cancel_after_progress:
            self.cancel()

    def reportError(self, error, fatalError=False):  # noqa: N802
        self.messages.append(("error", error))
        super().reportError(error, fatalError)

    def pushWarning(self, warning):  # noqa: N802
        self.messages.append(("warning", warning))
        super().pushWarning(warning)

    def pushInfo(self, info):  # noqa: N802
        self.messages.append(("info", info))
        super().pushInfo(info)

    def pushDebugInfo(self, info):  # noqa: N802
        self.messages.append(("debug", info))
        super().pushDebugInfo(info)

    def text(self, kinds=("error", "warning", "info")) -> str:
        return "\n".join(message for kind, message in self.messages if kind in kinds)


@dataclass
class Outcome:
    status: str  # refused / failed / ok / traceback
    message: str = ""
    results: dict = field(default_factory=dict)
    log: str = ""

    def __str__(self):
        return f"{self.status}: {self.message}\n{self.log[-2000:]}"


def attempt(algorithm_id: str, parameters: dict, feedback: RecordingFeedback = None) -> Outcome:
    feedback = feedback or RecordingFeedback()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    assert algorithm is not None, algorithm_id
    context = QgsProcessingContext()
    context.setFeedback(feedback)
    try:
        ok, message = algorithm.checkParameterValues(parameters, context)
        if not ok:
            return Outcome("refused", message, log=feedback.text())
        results = algorithm.processAlgorithm(algorithm.preprocessParameters(parameters), context, feedback)
        return Outcome("ok", "", results or {}, feedback.text())
    except QgsProcessingException as error:
        return Outcome("failed", str(error), log=feedback.text())
    except Exception:  # noqa: BLE001 - exactly what the suite exists to catch
        return Outcome("traceback", traceback.format_exc(), log=feedback.text())


def assert_clear(outcome: Outcome, *words) -> None:
    """Refused or failed with a message that names every word; never a traceback or the safety net."""
    assert outcome.status in ("refused", "failed"), str(outcome)
    assert UNEXPECTED not in outcome.message, str(outcome)
    assert "Traceback" not in outcome.message, str(outcome)
    for word in words:
        assert str(word).lower() in outcome.message.lower(), f"{word!r} not named in: {outcome}"


def assert_reported(outcome: Outcome, *words) -> None:
    """Ran, and the log says what it left out or repaired (every word in the log)."""
    assert outcome.status == "ok", str(outcome)
    for word in words:
        assert str(word).lower() in outcome.log.lower(), f"{word!r} not in the log: {outcome}"


def snapshot(folder) -> dict:
    """{relative path: sha256} of every file under ``folder`` (GDAL's own .aux.xml statistics files aside: QGIS
    writes them beside any raster it reads)."""
    folder = Path(folder)
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.endswith(".aux.xml"):  # GDAL's statistics beside a raster it read
            files[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files


def unchanged(folder, before: dict) -> bool:
    return snapshot(folder) == before


def damaged_copy(source, target, keep_fraction: float = 0.5) -> str:
    """A truncated copy of a file (a download cut short)."""
    data = Path(source).read_bytes()
    Path(target).write_bytes(data[: int(len(data) * keep_fraction)])
    return str(target)


def zero_bytes(target) -> str:
    Path(target).write_bytes(b"")
    return str(target)
