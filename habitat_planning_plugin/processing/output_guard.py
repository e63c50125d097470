"""Nothing lost: a run either replaces its output files completely or leaves the user's folders as they were.

Before the run, every output file that already exists (with a shapefile's sidecar files) is copied into a hidden
folder beside it; QGIS then writes its sinks and our reports as usual. When the run fails or is cancelled, the
copies go back and every file the run created is removed; when it succeeds, the copies are deleted. Copying (not
moving) matters for GeoPackages: QGIS writes a layer into an existing file, and the other layers must survive a
failure too.
"""

import os
import re
import shutil
import tempfile

from qgis.core import QgsProcessing

from ..core.text import tr

# The files of one shapefile (and of a MapInfo table): all are written, all go back.
SIDECARS = {
    ".shp": (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd"),
    ".tab": (".dat", ".id", ".map", ".ind"),
}
BACKUP_PREFIX = ".habitat-backup-"


def destination_file(value, context):
    """The file an output parameter value writes (sinks, file and layer destinations), or None for memory and
    temporary outputs and database connections."""
    if value is None:
        return None
    sink = getattr(value, "sink", None)
    if sink is not None:  # QgsProcessingOutputLayerDefinition
        value = sink.valueAsString(context.expressionContext())[0]
    if not isinstance(value, str) or value in ("", QgsProcessing.TEMPORARY_OUTPUT):
        return None
    if value.startswith("ogr:"):  # ogr:dbname='/path/file.gpkg' table="name" (geom)
        match = re.search(r"dbname=(?:'([^']*)'|\"([^\"]*)\"|(\S+))", value)
        return next((group for group in match.groups() if group), None) if match else None
    if value.startswith(("memory:", "postgres:", "postgis:", "spatialite:", "mssql:", "oracle:")):
        return None
    return value.split("|")[0]


def companion_files(path: str) -> list:
    """``path`` and the sidecar files written with it."""
    stem, extension = os.path.splitext(path)
    return [path] + [stem + sidecar for sidecar in SIDECARS.get(extension.lower(), ())]


class OutputGuard:
    """``guard = OutputGuard(paths); guard.protect()`` before the run, then ``guard.commit()`` after success or
    ``guard.rollback(feedback)`` after a failure or cancel."""

    def __init__(self, paths):
        seen, self.paths = set(), []
        for path in paths:
            for file_path in companion_files(os.path.abspath(path)):
                if file_path not in seen:
                    seen.add(file_path)
                    self.paths.append(file_path)
        self.backups = {}  # path -> copy
        self.folders = []  # hidden folders holding the copies
        self.existed = set()

    def protect(self) -> None:
        self.made_folders = []  # folders this run makes for its outputs: removed again after a failure
        for path in self.paths:
            folder = os.path.dirname(path)
            missing = []
            while folder and not os.path.exists(folder):
                missing.append(folder)
                folder = os.path.dirname(folder)
            for new_folder in reversed(missing):
                try:
                    os.mkdir(new_folder)
                except OSError:
                    break  # it cannot be made: the writer says so, naming the file
                self.made_folders.append(new_folder)
        for path in self.paths:
            if not os.path.isfile(path):
                continue
            self.existed.add(path)
            folder = os.path.dirname(path)
            try:
                hidden = tempfile.mkdtemp(prefix=BACKUP_PREFIX, dir=folder)
            except OSError:  # a read-only folder: the run cannot write there either (checked before the run)
                continue
            self.folders.append(hidden)
            copy = os.path.join(hidden, os.path.basename(path))
            shutil.copy2(path, copy)
            self.backups[path] = copy

    def commit(self) -> None:
        self._remove_folders()

    def rollback(self, feedback=None) -> None:
        """Put every earlier file back and remove the files this run created."""
        problems = []
        for path in self.paths:
            try:
                if path in self.backups:
                    os.replace(self.backups[path], path)
                elif os.path.exists(path):
                    os.remove(path)
                if path not in self.existed:
                    for extra in (path + "-wal", path + "-shm", path + "-journal"):  # SQLite's files of a GeoPackage
                        if os.path.exists(extra):
                            os.remove(extra)
            except OSError as error:
                problems.append(tr("Could not restore {0}: {1}", path, str(error)))
        self._remove_folders()
        for folder in reversed(getattr(self, "made_folders", [])):
            try:
                os.rmdir(folder)  # only when empty: never a file of the user's
            except OSError:
                pass
        if feedback is not None:
            for problem in problems:
                feedback.reportError(problem)

    def _remove_folders(self) -> None:
        for folder in self.folders:
            shutil.rmtree(folder, ignore_errors=True)
        self.folders = []
        self.backups = {}
