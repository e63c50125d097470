#!/usr/bin/env python3
"""Static check for code that breaks on Qt 6 builds of QGIS (QGIS 4), for ``make lint``.

    check_qt6.py [PATH ...]     scan .py files (default: habitat_planning_plugin scripts test), print
                                ``file:line: [kind] problem: suggestion`` and a count by kind; exit 1 if any
    check_qt6.py --json         the findings as JSON instead
    check_qt6.py --regen-qt6    (run with PyQt6)        rebuild the "qt6" part of qt6_enum_map.json
    check_qt6.py --regen-qgis   (run with QGIS >= 3.40) rebuild the "qgis" part
    check_qt6.py --regen-legacy (run with QGIS 3.22)    rebuild the "legacy" part: which suggested names and
                                                        replacements QGIS 3.22 lacks, its enum values 3.40 dropped,
                                                        and the PyQt5 enums and classes Qt 6 dropped
    (regenerate in that order: qt6, qgis, legacy)

The check itself needs nothing but the standard library and ``qt6_enum_map.json`` beside it. What it reports:

- ``qt-enum``: a Qt enum value named unscoped (``Qt.AlignLeft``): PyQt6 only knows ``Qt.AlignmentFlag.AlignLeft``,
  which PyQt5 >= 5.11 understands too. The table comes from PyQt6 itself.
- ``qgis-enum``: a QGIS enum value under its old or unscoped name (``QgsProcessing.TypeVectorPolygon``,
  ``QgsFeatureSink.FastInsert``); the suggestion is QGIS 3.40's name (``Qgis.ProcessingSourceType.VectorPolygon``),
  read from QGIS 3.40 itself. Where QGIS 3.22 lacks that name, the suggestion is the compatibility module's.
- ``qvariant``: ``QVariant.Int``-style field types, ``QVariant()`` as NULL, ``QMetaType`` field types: they differ by
  version and belong in the compatibility module.
- ``pyqt-import``: ``PyQt5``/``PyQt6``/``sip`` imported directly instead of through ``qgis.PyQt``.
- ``removed``: classes, enum values and modules Qt 6 removed (QRegExp, QDesktopWidget, QtWebKit, ``qApp`` ...).
- ``moved``: classes that moved module in Qt 6 (QAction: QtWidgets -> QtGui).
- ``renamed``: ``exec_()`` / ``print_()``, ``Qt.MidButton`` and the like.
- ``signal``: overloaded signals picked by type (``activated[str]``), gone in Qt 6.
- ``fragile``: calls whose meaning changed (``addAction`` with 4+ arguments, ``QDateTime`` from 8 numbers,
  ``QFontMetrics.width``).
- ``qgis-deprecated``: a call of a QGIS method that QGIS 3.40 marks deprecated (QGIS 4 removes deprecated API),
  when the method name is deprecated wherever QGIS defines it and the project does not define it itself; the
  suggestion says when the replacement is not in QGIS 3.22 yet (then it belongs in the compatibility module).
- ``qgis-enum`` also covers QGIS 3.22 enum values that QGIS 3.40 no longer has under any name
  (``QgsProcessingModelChildParameterSource.ModelParameter``).

Allowed: the compatibility module (``ALLOWED``) may name version-dependent things (field types, enum spellings);
any line may carry ``# qt6: ok`` to accept what it does (say why next to it).
"""

import argparse
import ast
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAP_FILE = Path(__file__).resolve().with_name("qt6_enum_map.json")
DEFAULT_PATHS = ("habitat_planning_plugin", "scripts", "test")
SKIP_DIRS = {"__pycache__", ".venv", "build", "dist", ".git", "output"}
COMPAT = "habitat_planning_plugin/compat.py"
COMPAT_MODULE = "compat"  # how the suggestions name it
# path (relative to the root, "/" separators) -> kinds it may have; "*" for all
ALLOWED = {COMPAT: {"qt-enum", "qgis-enum", "qvariant", "moved", "qgis-deprecated"}}
PRAGMA = re.compile(r"#\s*qt6:\s*ok\b")

QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtTest")
QGIS_MODULES = ("qgis.core", "qgis.gui", "qgis.analysis")

RENAMED_METHODS = {"exec_": "exec", "print_": "print"}
# Enum values Qt 6 dropped for a new name (Qt's porting guide).
RENAMED_ENUMS = {
    "Qt.MidButton": "Qt.MouseButton.MiddleButton",
    "Qt.TextColorRole": "Qt.ItemDataRole.ForegroundRole",
    "Qt.BackgroundColorRole": "Qt.ItemDataRole.BackgroundRole",
    "QPainter.HighQualityAntialiasing": "QPainter.RenderHint.Antialiasing",
}
# Classes Qt 6 removed, with what replaces them.
REMOVED_CLASSES = {
    "QRegExp": "QRegularExpression",
    "QRegExpValidator": "QRegularExpressionValidator",
    "QDesktopWidget": "QGuiApplication.primaryScreen() / screens() (QScreen)",
    "QMatrix": "QTransform",
    "QStringRef": "str",
    "QTextCodec": "Python's codecs",
    "QLinkedList": "a Python list",
    "QGLWidget": "QOpenGLWidget (QtOpenGLWidgets)",
    "QGLFormat": "QSurfaceFormat",
    "QSound": "QSoundEffect (QtMultimedia)",
    "QDirModel": "QFileSystemModel",
    "QPictureIO": "QImage / QImageReader",
}
REMOVED_MODULES = {
    "QtWebKit": "QtWebEngine or a QTextBrowser",
    "QtWebKitWidgets": "QtWebEngine or a QTextBrowser",
    "QtXmlPatterns": "Python's xml modules",
    "QtScript": "Python",
    "QtMultimediaWidgets": None,
}
OVERLOADED_SIGNALS = {
    "activated": "activated (index) or textActivated (text)",
    "highlighted": "highlighted (index) or textHighlighted (text)",
    "currentIndexChanged": "currentIndexChanged (index) or currentTextChanged (text)",
    "buttonClicked": "buttonClicked (button) or idClicked (id)",
    "buttonPressed": "buttonPressed (button) or idPressed (id)",
    "buttonReleased": "buttonReleased (button) or idReleased (id)",
    "buttonToggled": "buttonToggled (button) or idToggled (id)",
    "valueChanged": "valueChanged (without a type: one signal per class in Qt 6)",
}
FIELD_TYPES = {"Int": "INT", "Double": "DOUBLE", "String": "TEXT", "LongLong": "INT64"}


# --- the table -----------------------------------------------------------------------------------------------------


class Table:
    """qt6_enum_map.json, loaded once: unscoped name -> scoped name, class bases, what Qt 6 dropped."""

    def __init__(self, data: dict):
        qt6, qgis, legacy = data.get("qt6", {}), data.get("qgis", {}), data.get("legacy", {})
        self.enums = {}
        self.enums.update(qt6.get("enums", {}))
        for cls, members in qgis.get("enums", {}).items():
            self.enums.setdefault(cls, {}).update(members)
        self.bases = {**qt6.get("bases", {}), **qgis.get("bases", {})}
        self.qt6_modules = qt6.get("modules", {})
        self.deprecated = qgis.get("deprecated_methods", {})
        self.missing_legacy = set(legacy.get("missing", []))
        self.moved_legacy = legacy.get("moved", {})  # class -> [PyQt5 module, Qt 6 module]: 3.22 lacks the new
        self.qt5_only_enums = legacy.get("qt5_only_enums", {})
        self.qt5_only_classes = legacy.get("qt5_only_classes", {})
        self.qgis_removed = legacy.get("qgis_removed", {})
        self.missing_replacements = set(legacy.get("missing_replacements", []))
        self.classes = (
            set(self.bases)
            | set(self.enums)
            | set(self.qt5_only_enums)
            | set(self.qt5_only_classes)
            | set(self.qgis_removed)
        )
        self.qt_enum_members = {}  # (class, enum) -> members, complete for Qt (every PyQt6 enum value is listed)
        for cls, members in qt6.get("enums", {}).items():
            for member, stored in members.items():
                for target in stored if isinstance(stored, list) else [stored]:
                    owner, enum, name = _expand(cls, member, target).rsplit(".", 2)
                    self.qt_enum_members.setdefault((owner, enum), set()).add(name)

    def qt_enum_of(self, cls, enum, seen=None):
        """The class (cls or a base) whose Qt 6 enum ``enum`` is, else None."""
        seen = seen if seen is not None else set()
        if cls in seen:
            return None
        seen.add(cls)
        if (cls, enum) in self.qt_enum_members:
            return cls
        for base in self.bases.get(cls, ()):
            found = self.qt_enum_of(base, enum, seen)
            if found:
                return found
        return None

    @classmethod
    def load(cls, path=MAP_FILE):
        with open(path, encoding="utf-8") as handle:
            return cls(json.load(handle))

    def _walk(self, table, cls, member, seen=None):
        seen = seen if seen is not None else set()
        if cls in seen:
            return None
        seen.add(cls)
        found = table.get(cls, {}).get(member)
        if found is not None:
            return _expand(cls, member, found)
        for base in self.bases.get(cls, ()):
            found = self._walk(table, base, member, seen)
            if found is not None:
                return found
        return None

    def scoped(self, cls, member):
        """The scoped name (a string, or a list when the member is in several enums), or None."""
        return self._walk(self.enums, cls, member)

    def qt5_only(self, cls, member):
        return self._walk(self.qt5_only_enums, cls, member)

    def qgis_gone(self, cls, member):
        return self._walk(self.qgis_removed, cls, member)


def _compress(cls, member, target):
    """How the table stores ``target``: the enum's name alone when it is ``cls.<enum>.member``."""
    if isinstance(target, list):
        return [_compress(cls, member, item) for item in target]
    head, _, rest = target.partition(".")
    enum, _, tail = rest.partition(".")
    return enum if head == cls and tail == member and enum else target


def _expand(cls, member, stored):
    if isinstance(stored, list):
        return [_expand(cls, member, item) for item in stored]
    return stored if "." in stored else f"{cls}.{stored}.{member}"


# --- one file ------------------------------------------------------------------------------------------------------


class Finding:
    __slots__ = ("path", "line", "kind", "problem", "suggestion")

    def __init__(self, path, line, kind, problem, suggestion):
        self.path, self.line, self.kind, self.problem, self.suggestion = path, line, kind, problem, suggestion

    def __str__(self):
        return f"{self.path}:{self.line}: [{self.kind}] {self.problem}: {self.suggestion}"

    def as_dict(self):
        return {name: getattr(self, name) for name in self.__slots__}


def _dotted(node):
    """'a.b.c' for a chain of names, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _pyqt_module(module):
    """'QtCore' for qgis.PyQt.QtCore / PyQt5.QtCore / PyQt6.QtCore, else None."""
    for prefix in ("qgis.PyQt.", "PyQt5.", "PyQt6."):
        if module.startswith(prefix):
            return module[len(prefix) :].split(".")[0]
    return None


class FileCheck(ast.NodeVisitor):
    def __init__(self, table, path, source, compat_names=frozenset(), project_defs=frozenset()):
        self.table, self.path, self.compat_names, self.project_defs = table, path, compat_names, project_defs
        self.lines = source.splitlines()
        self.findings = []
        self.aliases = {}  # local name -> class name (import ... as ...)
        self.font_metrics = set()  # local names bound to QFontMetrics(...)
        self.reported = set()  # (line, text): one report per construct and line
        self.defs = set()  # functions and methods this file defines
        self.deprecated_calls = []  # (finding, method name): dropped when the project defines that name

    # helpers
    def add(self, node, kind, problem, suggestion):
        line = getattr(node, "lineno", 0)
        key = (line, kind, problem)
        if key in self.reported:
            return
        self.reported.add(key)
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if PRAGMA.search(text):
            return
        self.findings.append(Finding(self.path, line, kind, problem, suggestion))

    def class_of(self, node):
        """The Qt/QGIS class an expression names (through import aliases and module prefixes), else None."""
        if isinstance(node, ast.Name):
            name = self.aliases.get(node.id, node.id)
        elif isinstance(node, ast.Attribute) and _dotted(node.value) is not None:
            name = node.attr  # QtCore.Qt, qgis.core.QgsWkbTypes
        else:
            return None
        return name if name in self.table.classes else None

    def compat_hint(self, scoped):
        """How to spell ``scoped`` (Qgis.X.Y) while QGIS 3.22 is supported: through the compatibility module."""
        head, _, rest = scoped.partition(".")
        if head == "Qgis" and rest:
            enum, _, member = rest.partition(".")
            members = getattr(self.compat_names, "members", {}).get(enum)
            if enum not in self.compat_names:
                known = f" (add {enum} to {COMPAT})"
            elif members is not None and member not in members:
                known = f" (add {member} to {enum} in {COMPAT})"
            else:
                known = ""
            return f"{COMPAT_MODULE}.{rest}{known}"
        return f"{COMPAT} ({scoped} does not exist in QGIS 3.22)"

    # imports
    def visit_Import(self, node):
        for alias in node.names:
            top = alias.name.split(".")[0]
            if top in ("PyQt5", "PyQt6"):
                rest = alias.name[len(top) :]
                self.add(node, "pyqt-import", f"import {alias.name}", f"import qgis.PyQt{rest}")
            elif alias.name == "sip":
                self.add(node, "pyqt-import", "import sip", "from qgis.PyQt import sip")
            module = _pyqt_module(alias.name)
            if module in REMOVED_MODULES:
                self.add(
                    node, "removed", f"{module} is not in Qt 6", f"use {REMOVED_MODULES[module] or 'another module'}"
                )
        self.generic_visit(node)

    def visit_ImportFrom(self, node):
        module = node.module or ""
        names = [alias.name for alias in node.names]
        for alias in node.names:
            if alias.asname:
                self.aliases[alias.asname] = alias.name
        top = module.split(".")[0]
        if top in ("PyQt5", "PyQt6"):
            self.add(node, "pyqt-import", f"from {module} import ...", f"from qgis.PyQt{module[len(top) :]} import ...")
        if module == "qgis.PyQt.Qt":
            self.add(node, "removed", "qgis.PyQt.Qt is not in Qt 6", "import from qgis.PyQt.QtCore")
        if module in ("qgis.PyQt", "PyQt5", "PyQt6"):
            for name in names:
                if name in REMOVED_MODULES:
                    self.add(
                        node, "removed", f"{name} is not in Qt 6", f"use {REMOVED_MODULES[name] or 'another module'}"
                    )
        qt_module = _pyqt_module(module)
        if qt_module in REMOVED_MODULES:
            self.add(node, "removed", f"{qt_module} is not in Qt 6", f"use {REMOVED_MODULES[qt_module] or 'another'}")
        if qt_module:
            for name in names:
                self._imported_qt_name(node, qt_module, name)
        if "resources_rc" in names or module.endswith("resources_rc"):
            self.add(
                node,
                "removed",
                "compiled Qt resources (resources_rc) are not in Qt 6",
                "load icons and .ui files by path",
            )
        self.generic_visit(node)

    def _imported_qt_name(self, node, module, name):
        if name == "qApp":
            self.add(node, "removed", "qApp is not in Qt 6", "QApplication.instance()")
        elif REMOVED_CLASSES.get(name):
            self.add(node, "removed", f"{name} is not in Qt 6", f"use {REMOVED_CLASSES[name]}")
        elif name == "QVariant":
            pass  # its uses are reported
        elif name in self.table.qt5_only_classes and name not in REMOVED_CLASSES:
            self.add(node, "removed", f"{name} is not in Qt 6's {', '.join(QT_MODULES)}", "find its Qt 6 replacement")
        else:
            new = self.table.qt6_modules.get(name)
            if new and new != module and new in QT_MODULES:
                where = f"from qgis.PyQt.{new} import {name}"
                note = (
                    f" (QGIS 3.22's qgis.PyQt.{new} lacks it: import it through {COMPAT})"
                    if name in self.table.moved_legacy
                    else ""
                )
                self.add(node, "moved", f"{name} is in {new} in Qt 6, not {module}", where + note)

    # definitions
    def visit_FunctionDef(self, node):
        self.defs.add(node.name)
        if node.name in RENAMED_METHODS:
            self.add(node, "renamed", f"def {node.name}", f"def {RENAMED_METHODS[node.name]}")
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Assign(self, node):
        value = node.value
        if isinstance(value, ast.Call) and self.class_of(value.func) in ("QFontMetrics", "QFontMetricsF"):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.font_metrics.add(target.id)
        self.generic_visit(node)

    # names and attributes
    def visit_Name(self, node):
        if node.id == "qApp" and isinstance(node.ctx, ast.Load):
            self.add(node, "removed", "qApp is not in Qt 6", "QApplication.instance()")
        if node.id == "QMetaType":
            self.add(
                node, "qvariant", "QMetaType field types exist from QGIS 3.38 only", f"use the field types of {COMPAT}"
            )

    def visit_Attribute(self, node):
        cls = self.class_of(node.value)
        member = node.attr
        if cls == "QVariant":
            kind = FIELD_TYPES.get(member)
            hint = f"{COMPAT_MODULE}.{kind}" if kind else f"a field type of {COMPAT}"
            if kind and kind not in self.compat_names:
                hint += f" (add {kind} to {COMPAT})"
            if member == "Type":
                self.add(node, "qvariant", "QVariant.Type is not in Qt 6", f"{COMPAT} field types")
            elif member[:1].isupper():
                self.add(node, "qvariant", f"QVariant.{member} as a field type (QMetaType.Type in Qt 6)", hint)
        elif cls is not None and member[:1].isupper():
            self._enum(node, cls, member)
        elif isinstance(node.value, ast.Attribute) and member[:1].isupper():
            outer = self.class_of(node.value.value)
            if outer is not None and node.value.attr[:1].isupper():
                self._scoped(node, outer, node.value.attr, member)
        if member in RENAMED_METHODS:
            self.add(node, "renamed", f".{member}()", f".{RENAMED_METHODS[member]}()")
        self.generic_visit(node)

    def _enum(self, node, cls, member):
        name = f"{cls}.{member}"
        if name in RENAMED_ENUMS:
            self.add(node, "renamed", f"{name} is not in Qt 6", RENAMED_ENUMS[name])
            return
        scoped = self.table.scoped(cls, member)
        if scoped is None:
            old = self.table.qt5_only(cls, member)
            if old is not None:
                self.add(node, "removed", f"{name} ({old}) is not in Qt 6", "find its Qt 6 replacement")
            old = self.table.qgis_gone(cls, member)
            if old is not None:
                self.add(
                    node,
                    "qgis-enum",
                    f"{name} ({old} in QGIS 3.22) is not in QGIS 3.40",
                    f"its Qgis.* enum (QGIS 3.40 API documentation), through {COMPAT} while 3.22 is supported",
                )
            return
        if isinstance(scoped, list):
            self.add(node, "qt-enum", f"unscoped enum {name} is ambiguous in Qt 6", "one of " + ", ".join(scoped))
            return
        if not scoped.startswith(("Qgis.", "Qgs")):
            note = " (not in PyQt5: through compat)" if scoped in self.table.missing_legacy else ""
            self.add(node, "qt-enum", f"unscoped Qt enum {name}", scoped + note)
        elif scoped in self.table.missing_legacy:
            self.add(
                node,
                "qgis-enum",
                f"{name} is not in Qt 6 builds",
                f"{scoped} (QGIS 3.40 name); while QGIS 3.22 is supported: {self.compat_hint(scoped)}",
            )
        else:
            self.add(node, "qgis-enum", f"{name} is not in Qt 6 builds", f"{scoped} (works in QGIS 3.22 too)")

    def _scoped(self, node, cls, enum, member):
        """``cls.enum.member`` written scoped: is it Qt 6's spelling? (Qt classes only: QGIS's tables list only
        the values that had an older name.)"""
        if self.table.scoped(cls, enum) is not None:
            return  # cls.enum is itself an unscoped value, reported as such
        owner = self.table.qt_enum_of(cls, enum)
        name = f"{cls}.{enum}.{member}"
        if owner is not None:
            if member not in self.table.qt_enum_members[(owner, enum)]:
                better = self.table.scoped(cls, member)
                self.add(
                    node,
                    "qt-enum",
                    f"{name} is not in Qt 6",
                    better if isinstance(better, str) else "check the enum's Qt 6 values",
                )
            return
        better = self.table.scoped(cls, member)
        if isinstance(better, str) and not better.startswith(("Qgis.", "Qgs")):
            self.add(node, "qt-enum", f"{name}: Qt 6 has no enum {cls}.{enum}", better)

    def visit_Call(self, node):
        func = node.func
        if isinstance(func, ast.Name) and self.aliases.get(func.id, func.id) == "QVariant" and not node.args:
            self.add(node, "qvariant", "QVariant() as a null value", "NULL from qgis.core (or None)")
        cls = self.class_of(func)
        if cls == "QDateTime" and len(node.args) >= 7:
            self.add(
                node,
                "fragile",
                "QDateTime(y, m, d, h, min, s, ...) from numbers",
                "QDateTime(QDate(...), QTime(...)) (Qt 6 reads the numbers differently)",
            )
        if isinstance(func, ast.Attribute):
            if func.attr == "addAction" and len(node.args) >= 4:
                self.add(
                    node,
                    "fragile",
                    "addAction with 4+ arguments (Qt 6 changed their order)",
                    "action = QAction(...); widget.addAction(action)",
                )
            if func.attr == "desktop" and not node.args and not node.keywords:
                self.add(
                    node,
                    "removed",
                    "QApplication.desktop() is not in Qt 6",
                    "QGuiApplication.primaryScreen() / screens()",
                )
            if func.attr == "width" and self._is_font_metrics(func.value):
                self.add(node, "fragile", "QFontMetrics.width() is not in Qt 6", "horizontalAdvance()")
            self._deprecated(node, func)
        self.generic_visit(node)

    def _is_font_metrics(self, node):
        if isinstance(node, ast.Name):
            return node.id in self.font_metrics
        if isinstance(node, ast.Call):
            inner = node.func
            return (isinstance(inner, ast.Attribute) and inner.attr == "fontMetrics") or self.class_of(inner) in (
                "QFontMetrics",
                "QFontMetricsF",
            )
        return False

    def _deprecated(self, node, func):
        entry = self.table.deprecated.get(func.attr)
        if entry is None or func.attr in self.project_defs:
            return
        where, hint = entry
        absent = [
            name
            for name in re.findall(r"\b((?:Qgs\w+|Qgis)\.\w+)", hint or "")
            if name in self.table.missing_replacements
        ]
        if absent:
            hint += f" ({', '.join(absent)} is not in QGIS 3.22: through {COMPAT})"
        before = len(self.findings)
        self.add(
            node,
            "qgis-deprecated",
            f"{where}.{func.attr}() is deprecated in QGIS 3.40 (gone in QGIS 4)",
            hint or "see the QGIS API documentation",
        )
        if len(self.findings) > before:
            self.deprecated_calls.append((self.findings[-1], func.attr))

    def visit_Subscript(self, node):
        value = node.value
        if isinstance(value, ast.Attribute) and value.attr in OVERLOADED_SIGNALS:
            index = node.slice
            names = [index] if not isinstance(index, ast.Tuple) else index.elts
            if names and all(
                isinstance(item, ast.Name)
                and item.id in ("str", "int", "float", "bool", "QString", "QAbstractButton", "object")
                for item in names
            ):
                self.add(
                    node,
                    "signal",
                    f"{value.attr}[{', '.join(item.id for item in names)}]: Qt 6 has one {value.attr} signal",
                    OVERLOADED_SIGNALS[value.attr],
                )
        self.generic_visit(node)


# --- the run -------------------------------------------------------------------------------------------------------


def _relative(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def python_files(paths):
    for entry in paths:
        entry = Path(entry)
        if not entry.is_absolute():
            entry = ROOT / entry
        if entry.is_file():
            yield entry
            continue
        for path in sorted(entry.rglob("*.py")):
            if not SKIP_DIRS.intersection(path.relative_to(entry).parts):
                yield path


class CompatNames(frozenset):
    """Module-level names the compatibility module defines, and the members of its enum stand-ins
    (``members["ProcessingSourceType"]``: the names its QGIS 3.22 class gives), so a suggestion can say what to
    add there."""

    members = {}

    @classmethod
    def read(cls, path):
        try:
            tree = ast.parse(Path(path).read_text(encoding="utf-8"))
        except (OSError, SyntaxError):
            return cls()
        names, classes, members = set(), {}, {}

        def assigned(node):
            for target in node.targets:
                for item in target.elts if isinstance(target, ast.Tuple) else [target]:
                    if isinstance(item, ast.Name):
                        yield item.id

        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names.add(node.name)
            if isinstance(node, ast.ClassDef):
                classes[node.name] = {
                    name for inner in node.body if isinstance(inner, ast.Assign) for name in assigned(inner)
                }
            for inner in ast.walk(node) if isinstance(node, (ast.Assign, ast.If)) else ():
                if isinstance(inner, ast.Assign):
                    names.update(assigned(inner))
                    # X = _modern("X", _X): X's members on QGIS 3.22 are _X's
                    if isinstance(inner.value, ast.Call):
                        for arg in inner.value.args:
                            if isinstance(arg, ast.Name) and arg.id in classes:
                                for name in assigned(inner):
                                    members[name] = classes[arg.id]
        for name, body in classes.items():
            members.setdefault(name, body)
        result = cls(names)
        result.members = members
        return result


def compat_names(root=ROOT):
    return CompatNames.read(root / COMPAT)


def check_source(source, path="<string>", table=None, compat=frozenset(), project_defs=frozenset()):
    """Findings for one source text; ``path`` relative to the project root (it decides the allow-list)."""
    table = table or Table.load()
    tree = ast.parse(source, filename=path)
    checker = FileCheck(table, path, source, compat, project_defs)
    checker.visit(tree)
    allowed = ALLOWED.get(path, set())
    return [finding for finding in checker.findings if "*" not in allowed and finding.kind not in allowed]


def check_paths(paths, table=None):
    table = table or Table.load()
    sources = {}
    errors = []
    for path in python_files(paths):
        try:
            sources[_relative(path)] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            errors.append(Finding(_relative(path), 0, "unreadable", str(error), "fix the file"))
    trees = {}
    for rel, source in sources.items():
        try:
            trees[rel] = ast.parse(source, filename=rel)
        except SyntaxError as error:
            errors.append(Finding(rel, error.lineno or 0, "syntax", error.msg, "fix the syntax"))
    compat = compat_names()
    findings = list(errors)
    checkers = []
    for rel, tree in trees.items():
        checker = FileCheck(table, rel, sources[rel], compat)
        checker.visit(tree)
        checkers.append(checker)
    defs = set().union(*(checker.defs for checker in checkers)) if checkers else set()
    for checker in checkers:  # a call of the project's own method of that name is not QGIS's
        dropped = {id(finding) for finding, name in checker.deprecated_calls if name in defs}
        allowed = ALLOWED.get(checker.path, set())
        findings.extend(
            f for f in checker.findings if id(f) not in dropped and "*" not in allowed and f.kind not in allowed
        )
    findings.sort(key=lambda f: (f.path, f.line, f.kind, f.problem))
    return findings, len(sources)


# --- regenerating the table ----------------------------------------------------------------------------------------


def _read_map():
    try:
        with open(MAP_FILE, encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return {}


def _dump(value, depth=0):
    """JSON with one line per class (a member table at depth 3 stays on one line): small diffs, small file."""
    if depth >= 3 or not isinstance(value, (dict, list)) or not value:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    pad = " " * (depth + 1)
    if isinstance(value, dict):
        items = [f"{pad}{json.dumps(key, ensure_ascii=False)}: {_dump(value[key], depth + 1)}" for key in sorted(value)]
        return "{\n" + ",\n".join(items) + "\n" + " " * depth + "}"
    items = [f"{pad}{_dump(item, depth + 1)}" for item in value]
    return "[\n" + ",\n".join(items) + "\n" + " " * depth + "]"


def _write_map(data):
    data["about"] = (
        "Generated by scripts/check_qt6.py --regen-qt6 (PyQt6) / --regen-qgis (QGIS 3.40) / --regen-legacy "
        "(QGIS 3.22); read by scripts/check_qt6.py. enums: class -> {unscoped member: scoped name}; a "
        "scoped name without a dot is the enum of that class (Qt: {AlignLeft: AlignmentFlag} is "
        "Qt.AlignmentFlag.AlignLeft); a list: the member is in several enums. legacy.missing: scoped "
        "names QGIS 3.22 / PyQt5 lacks although it has the unscoped one."
    )
    with open(MAP_FILE, "w", encoding="utf-8") as handle:
        handle.write(_dump(data) + "\n")


def regen_qt6():
    import enum
    import importlib
    import inspect

    from PyQt6.QtCore import PYQT_VERSION_STR, QT_VERSION_STR  # qt6: ok (the table is read off PyQt6 itself)

    enums, bases, modules = {}, {}, {}
    for module_name in QT_MODULES:
        module = importlib.import_module(f"PyQt6.{module_name}")
        for cname, cls in sorted(vars(module).items()):
            if not (inspect.isclass(cls) and cname.startswith("Q") and cls.__module__.startswith("PyQt6")):
                continue
            if isinstance(cls, enum.EnumMeta):
                continue
            modules[cname] = module_name
            bases[cname] = [base.__name__ for base in cls.__bases__ if base.__name__.startswith("Q")]
            own = {}
            for ename, etype in vars(cls).items():
                if not isinstance(etype, enum.EnumMeta):
                    continue
                for member in etype.__members__:
                    if hasattr(cls, member):  # a method or class of that name: cls.member is not this enum
                        continue
                    scoped = f"{cname}.{ename}.{member}"
                    previous = own.get(member)
                    if previous is None:
                        own[member] = scoped
                    elif previous != scoped:
                        own[member] = sorted(set(previous if isinstance(previous, list) else [previous]) | {scoped})
            if own:
                enums[cname] = {member: _compress(cname, member, target) for member, target in own.items()}
    data = _read_map()
    data["qt6"] = {
        "source": f"PyQt6 {PYQT_VERSION_STR} (Qt {QT_VERSION_STR}), modules {', '.join(QT_MODULES)}",
        "enums": enums,
        "bases": bases,
        "modules": modules,
    }
    _write_map(data)
    print(f"qt6: {sum(map(len, enums.values()))} enum values in {len(enums)} of {len(bases)} classes")


def _enum_target(value, member):
    import enum

    if isinstance(value, enum.Enum):
        return f"{type(value).__qualname__}.{value.name}"
    if type(type(value)).__name__ == "enumtype":  # sip's enums (PyQt5 builds)
        return f"{type(value).__qualname__}.{member}"
    return None


_DEPRECATED = re.compile(r"\.\. deprecated::\s*(?:QGIS\s*)?([0-9.]+)?\s*(.*)", re.S)


def regen_qgis():
    import enum
    import importlib
    import inspect

    from qgis.core import Qgis

    enums, bases = {}, {}
    deprecated, current = {}, set()
    for module_name in QGIS_MODULES:
        module = importlib.import_module(module_name)
        for cname in sorted(dir(module)):
            cls = getattr(module, cname)
            if not (inspect.isclass(cls) and (cname.startswith("Qgs") or cname == "Qgis")):
                continue
            if isinstance(cls, enum.EnumMeta):  # QgsMapLayerType and friends: aliases of Qgis enums
                names = list(cls.__members__) + [n for n in vars(cls) if n[:1].isupper() and n not in cls.__members__]
            else:
                bases[cname] = [base.__name__ for base in cls.__bases__ if base.__name__.startswith("Q")]
                names = [n for n in dir(cls) if n[:1].isupper() and not any(n in dir(base) for base in cls.__mro__[1:])]
            own = {}
            for name in names:
                try:
                    value = getattr(cls, name)
                except Exception:  # noqa: BLE001 - some sip attributes refuse
                    continue
                target = _enum_target(value, name)
                if target and target != f"{cname}.{name}":
                    own[name] = target
            if own:
                enums[cname] = {member: _compress(cname, member, target) for member, target in own.items()}
            if isinstance(cls, enum.EnumMeta):
                continue
            for name in list(vars(cls)):
                if name.startswith("_") or not name[:1].islower():
                    continue
                try:
                    value = getattr(cls, name)  # the bound form carries the docstring, the descriptor does not
                except Exception:  # noqa: BLE001
                    continue
                if not callable(value):
                    continue
                doc = getattr(value, "__doc__", None) or ""
                if not doc:
                    continue  # a subclass re-exposing the method says nothing of it
                signatures = max(1, len(re.findall(rf"^{re.escape(name)}\(", doc, re.M)))
                match = _DEPRECATED.search(doc)
                if match and doc.count(".. deprecated::") >= signatures:  # every overload is deprecated
                    hint = " ".join(match.group(2).split("\n\n")[0].split())
                    hint = re.sub(r":py:\w+:`~?([^`]+)`", r"\1", hint).replace("``", "")
                    since = match.group(1) or "?"
                    deprecated.setdefault(name, [cname, f"deprecated since {since}" + (f"; {hint}" if hint else "")])
                else:
                    current.add(name)
    qt6_classes = set(_read_map().get("qt6", {}).get("modules", {}))
    for module_name in QT_MODULES:  # Qt's own methods of the same name (in classes Qt 6 still has) are current too
        for cname, cls in vars(importlib.import_module(f"qgis.PyQt.{module_name}")).items():
            if inspect.isclass(cls) and cname in qt6_classes:
                current.update(name for name in vars(cls) if not name.startswith("_"))
    for name in current:
        deprecated.pop(name, None)  # deprecated somewhere, current elsewhere: a call cannot be judged by name
    data = _read_map()
    data["qgis"] = {
        "source": f"QGIS {Qgis.QGIS_VERSION}, modules {', '.join(QGIS_MODULES)}",
        "enums": enums,
        "bases": bases,
        "deprecated_methods": dict(sorted(deprecated.items())),
    }
    _write_map(data)
    print(
        f"qgis: {sum(map(len, enums.values()))} enum values in {len(enums)} classes, "
        f"{len(deprecated)} deprecated method names"
    )


def regen_legacy():
    """With QGIS 3.22 (PyQt5): which suggested names it lacks, and what PyQt5 had that Qt 6 dropped."""
    import importlib
    import inspect

    import qgis.analysis
    import qgis.core
    import qgis.gui
    from qgis.core import Qgis
    from qgis.PyQt.QtCore import PYQT_VERSION_STR

    data = _read_map()
    table = Table(data)
    namespace = {}
    for module in (qgis.core, qgis.gui, qgis.analysis):
        namespace.update({k: v for k, v in vars(module).items() if not k.startswith("_")})
    qt5 = {}
    for module_name in QT_MODULES:
        module = importlib.import_module(f"qgis.PyQt.{module_name}")
        qt5[module_name] = module
        namespace.update({k: v for k, v in vars(module).items() if k.startswith("Q")})

    def resolves(dotted):
        parts = dotted.split(".")
        value = namespace.get(parts[0])
        for part in parts[1:]:
            if value is None:
                return False
            value = getattr(value, part, None)
        return value is not None

    targets = set()  # scoped names whose unscoped spelling works here: the ones a port would write
    for section in ("qt6", "qgis"):
        for cname, members in data.get(section, {}).get("enums", {}).items():
            for member, stored in members.items():
                if resolves(f"{cname}.{member}"):
                    target = _expand(cname, member, stored)
                    targets.update(target if isinstance(target, list) else [target])
    missing = sorted(target for target in targets if not resolves(target))
    moved = {}  # classes Qt 6 moved to another module, where 3.22's qgis.PyQt does not have them there yet
    for cname, new_module in data.get("qt6", {}).get("modules", {}).items():
        old = [name for name, module in qt5.items() if cname in vars(module)]
        if old and new_module in qt5 and new_module not in old:
            moved[cname] = [old[0], new_module]
    qt5_only_enums, qt5_only_classes = {}, {}
    qt6_classes = set(data.get("qt6", {}).get("modules", {}))
    for module_name, module in qt5.items():
        for cname, cls in sorted(vars(module).items()):
            if not (inspect.isclass(cls) and cname.startswith("Q")):
                continue
            if type(cls).__name__ == "enumtype":
                continue
            if cname not in qt6_classes:
                qt5_only_classes[cname] = module_name
                continue
            own = {}
            for name in dir(cls):
                if not name[:1].isupper() or any(name in dir(base) for base in cls.__mro__[1:]):
                    continue
                value = getattr(cls, name, None)
                target = _enum_target(value, name)
                if target and table.scoped(cname, name) is None:
                    own[name] = target
            if own:
                qt5_only_enums[cname] = {member: _compress(cname, member, target) for member, target in own.items()}
    # QGIS enum values 3.22 has and 3.40 no longer has under any name (the 3.40 table lists every unscoped
    # value 3.40 still has): moved to a Qgis enum without an alias left behind.
    qgis_removed = {}
    qgis340 = data.get("qgis", {})
    known340 = set(qgis340.get("bases", {})) | set(qgis340.get("enums", {}))
    for module in (qgis.core, qgis.gui, qgis.analysis):
        for cname, cls in sorted(vars(module).items()):
            if not (inspect.isclass(cls) and cname.startswith("Qgs") and cname in known340):
                continue
            own = {}
            for name in dir(cls):
                if not name[:1].isupper() or any(name in dir(base) for base in cls.__mro__[1:]):
                    continue
                target = _enum_target(getattr(cls, name, None), name)
                if target and table.scoped(cname, name) is None:
                    own[name] = target
            if own:
                qgis_removed[cname] = {member: _compress(cname, member, target) for member, target in own.items()}
    # the replacements the deprecation notes name (QgsRectangle.setNull ...) that 3.22 does not have yet
    named = {
        match
        for _, hint in qgis340.get("deprecated_methods", {}).values()
        for match in re.findall(r"\b((?:Qgs\w+|Qgis)\.\w+)", hint)
    }
    missing_replacements = sorted(name for name in named if not resolves(name))
    data["legacy"] = {
        "source": f"QGIS {Qgis.QGIS_VERSION}, PyQt5 {PYQT_VERSION_STR}",
        "missing": missing,
        "qgis_removed": qgis_removed,
        "missing_replacements": missing_replacements,
        "moved": moved,
        "qt5_only_enums": qt5_only_enums,
        "qt5_only_classes": qt5_only_classes,
    }
    _write_map(data)
    print(
        f"legacy: {len(missing)} of {len(targets)} suggested names missing in QGIS {Qgis.QGIS_VERSION}; "
        f"{sum(map(len, qt5_only_enums.values()))} PyQt5-only enum values, {len(qt5_only_classes)} PyQt5-only classes"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS))
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.add_argument("--regen-qt6", action="store_true")
    parser.add_argument("--regen-qgis", action="store_true")
    parser.add_argument("--regen-legacy", action="store_true")
    args = parser.parse_args(argv)
    if args.regen_qt6 or args.regen_qgis or args.regen_legacy:
        for wanted, function in (
            (args.regen_qt6, regen_qt6),
            (args.regen_qgis, regen_qgis),
            (args.regen_legacy, regen_legacy),
        ):
            if wanted:
                function()
        return 0
    findings, count = check_paths(args.paths)
    if args.json:
        print(json.dumps([finding.as_dict() for finding in findings], indent=1, ensure_ascii=False))
    else:
        for finding in findings:
            print(finding)
        kinds = Counter(finding.kind for finding in findings)
        summary = ", ".join(f"{kind} {number}" for kind, number in sorted(kinds.items()))
        print(
            f"check_qt6: {len(findings)} finding(s) in {count} files" + (f" ({summary})" if summary else ""),
            file=sys.stderr,
        )
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
