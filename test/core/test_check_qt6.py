"""scripts/check_qt6.py, the static Qt 6 / QGIS 4 check, on small sources (no QGIS, no Qt: plain pytest)."""

import importlib.util
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("check_qt6", ROOT / "scripts" / "check_qt6.py")
check_qt6 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_qt6)

PLAIN = "habitat_planning_plugin/gui/some_dialog.py"


@pytest.fixture(scope="module")
def table():
    return check_qt6.Table.load()


def findings(table, source, path=PLAIN, compat=frozenset()):
    return check_qt6.check_source(textwrap.dedent(source), path, table, compat)


def one(table, source, path=PLAIN):
    found = findings(table, source, path)
    assert len(found) == 1, [str(f) for f in found]
    return found[0]


def test_the_table_names_its_sources(table):
    data = check_qt6._read_map()
    assert data["qt6"]["source"].startswith("PyQt6 6.")
    assert data["qgis"]["source"].startswith("QGIS 3.40")
    assert data["legacy"]["source"].startswith("QGIS 3.22")
    # a few values known from Qt's and QGIS's documentation
    assert table.scoped("Qt", "AlignLeft") == "Qt.AlignmentFlag.AlignLeft"
    assert table.scoped("QMessageBox", "Save") == "QMessageBox.StandardButton.Save"
    assert table.scoped("QgsWkbTypes", "PolygonGeometry") == "Qgis.GeometryType.Polygon"
    assert table.scoped("QgsProcessing", "TypeVectorPolygon") == "Qgis.ProcessingSourceType.VectorPolygon"


def test_flags_an_unscoped_qt_enum(table):
    finding = one(
        table,
        """
        from qgis.PyQt.QtCore import Qt
        label.setAlignment(Qt.AlignLeft)
    """,
    )
    assert (finding.line, finding.kind) == (3, "qt-enum")
    assert finding.suggestion == "Qt.AlignmentFlag.AlignLeft"
    assert str(finding) == f"{PLAIN}:3: [qt-enum] unscoped Qt enum Qt.AlignLeft: Qt.AlignmentFlag.AlignLeft"


def test_accepts_the_scoped_qt_enum(table):
    assert (
        findings(
            table,
            """
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtWidgets import QMessageBox
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        buttons = QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel
    """,
        )
        == []
    )


def test_follows_aliases_module_prefixes_and_base_classes(table):
    found = findings(
        table,
        """
        from qgis.PyQt import QtCore
        from qgis.PyQt.QtCore import Qt as QtNamespace
        from qgis.PyQt.QtWidgets import QLabel
        a = QtCore.Qt.AlignRight
        b = QtNamespace.UserRole
        c = QLabel.NoFrame
    """,
    )
    assert [(f.line, f.suggestion) for f in found] == [
        (5, "Qt.AlignmentFlag.AlignRight"),
        (6, "Qt.ItemDataRole.UserRole"),
        (7, "QFrame.Shape.NoFrame"),
    ]


def test_flags_a_misspelt_or_qt5_only_scoped_enum(table):
    found = findings(
        table,
        """
        from qgis.PyQt.QtCore import QLineF, Qt
        a = Qt.AlignmentFlag.AlignLeftt
        b = QLineF.IntersectType.BoundedIntersection
    """,
    )
    assert [(f.line, f.kind) for f in found] == [(3, "qt-enum"), (4, "qt-enum")]
    assert found[1].suggestion == "QLineF.IntersectionType.BoundedIntersection"


def test_flags_exec_underscore_calls_and_definitions(table):
    found = findings(
        table,
        """
        dialog.exec_()
        class Dialog:
            def exec_(self):
                return 1
        spec.loader.exec_module(module)
        prefix = sys.exec_prefix
        document.print_(printer)
    """,
    )
    assert [(f.line, f.kind, f.suggestion) for f in found] == [
        (2, "renamed", ".exec()"),
        (4, "renamed", "def exec"),
        (8, "renamed", ".print()"),
    ]


def test_flags_direct_pyqt_imports(table):
    found = findings(
        table,
        """
        from PyQt5.QtCore import Qt
        import PyQt5.QtWidgets
        from PyQt6 import QtGui
        import sip
        from qgis.PyQt.QtCore import QTimer
    """,
    )
    assert [(f.line, f.kind) for f in found] == [
        (2, "pyqt-import"),
        (3, "pyqt-import"),
        (4, "pyqt-import"),
        (5, "pyqt-import"),
    ]
    assert found[0].suggestion == "from qgis.PyQt.QtCore import ..."
    assert found[3].suggestion == "from qgis.PyQt import sip"


def test_flags_old_qgis_enums_with_the_qgis_340_name(table):
    found = findings(
        table,
        """
        from qgis.core import QgsFeatureSink, QgsProcessing, QgsWkbTypes
        sink.addFeature(feature, QgsFeatureSink.FastInsert)
        types = [QgsProcessing.TypeVectorPolygon]
        polygons = layer.geometryType() == QgsWkbTypes.PolygonGeometry
    """,
        compat=frozenset({"ProcessingSourceType"}),
    )
    assert [(f.line, f.kind) for f in found] == [(3, "qgis-enum"), (4, "qgis-enum"), (5, "qgis-enum")]
    assert found[0].suggestion == "QgsFeatureSink.Flag.FastInsert (works in QGIS 3.22 too)"
    assert found[1].suggestion.startswith("Qgis.ProcessingSourceType.VectorPolygon (QGIS 3.40 name)")
    assert found[1].suggestion.endswith("compat.ProcessingSourceType.VectorPolygon")  # already in compat
    assert found[2].suggestion.endswith(f"compat.GeometryType.Polygon (add GeometryType to {check_qt6.COMPAT})")


def test_the_suggestion_says_what_compat_lacks(tmp_path, table):
    compat = tmp_path / "compat.py"
    compat.write_text(
        textwrap.dedent("""
        class _ProcessingSourceType:
            VectorPolygon = QgsProcessing.TypeVectorPolygon
        ProcessingSourceType = _modern("ProcessingSourceType", _ProcessingSourceType)
    """),
        encoding="utf-8",
    )
    names = check_qt6.CompatNames.read(compat)
    found = check_qt6.check_source(
        "a = QgsProcessing.TypeVectorPolygon\nb = QgsProcessing.TypeMesh\n", PLAIN, table, names
    )
    assert found[0].suggestion.endswith("compat.ProcessingSourceType.VectorPolygon")
    assert found[1].suggestion.endswith(
        f"compat.ProcessingSourceType.Mesh (add Mesh to ProcessingSourceType in {check_qt6.COMPAT})"
    )


def test_flags_qvariant_field_types_and_null(table):
    found = findings(
        table,
        """
        from qgis.PyQt.QtCore import QVariant
        fields.append(QgsField("n", QVariant.Int))
        value = QVariant()
    """,
        compat=frozenset({"INT"}),
    )
    assert [(f.line, f.kind, f.suggestion) for f in found] == [
        (3, "qvariant", "compat.INT"),
        (4, "qvariant", "NULL from qgis.core (or None)"),
    ]


def test_the_compat_module_may_name_version_dependent_things(table):
    source = """
        from qgis.core import QgsProcessing, QgsWkbTypes
        from qgis.PyQt.QtCore import QMetaType, Qt, QVariant
        INT = QVariant.Int if OLD else QMetaType.Type.Int
        POLYGON = QgsWkbTypes.PolygonGeometry
        VECTOR = QgsProcessing.TypeVector
        ALIGN = Qt.AlignLeft
    """
    assert findings(table, source, path=check_qt6.COMPAT) == []
    assert len(findings(table, source)) == 5  # anywhere else: every one of them
    # the allow-list covers version-dependent names, not the rest
    assert [f.kind for f in findings(table, "dialog.exec_()\n", path=check_qt6.COMPAT)] == ["renamed"]


def test_removed_and_moved_classes(table):
    found = findings(
        table,
        """
        from qgis.PyQt.QtCore import QRegExp
        from qgis.PyQt.QtWidgets import QAction, QDesktopWidget, qApp
        size = QApplication.desktop().screenGeometry()
    """,
    )
    assert [(f.line, f.kind) for f in found] == [
        (2, "removed"),
        (3, "moved"),
        (3, "removed"),
        (3, "removed"),
        (4, "removed"),
    ]
    assert found[0].suggestion == "use QRegularExpression"
    assert found[1].suggestion.startswith("from qgis.PyQt.QtGui import QAction")


def test_overloaded_signals_and_fragile_calls(table):
    found = findings(
        table,
        """
        combo.activated[str].connect(self.chosen)
        combo.currentIndexChanged[int].connect(self.moved)
        metrics = QFontMetrics(font)
        width = metrics.width("text") + widget.fontMetrics().width("x")
        menu.addAction(icon, "Open", self, self.open)
    """,
    )
    assert [(f.line, f.kind) for f in found] == [(2, "signal"), (3, "signal"), (5, "fragile"), (6, "fragile")]


def test_a_line_may_accept_what_it_does(table):
    assert findings(table, "from PyQt6.QtCore import QT_VERSION_STR  # qt6: ok (reads PyQt6 itself)\n") == []


def test_not_fooled_by_lookalikes(table):
    assert (
        findings(
            table,
            """
        self.AlignLeft = 1
        value = options.AlignLeft
        Qt = SomethingElse
        text = "Qt.AlignLeft exec_() from PyQt5.QtCore import Qt"
    """,
        )
        == []
    )


def test_deprecated_qgis_calls_unless_the_project_defines_the_name(tmp_path, table):
    (tmp_path / "uses.py").write_text("crs = QgsCoordinateReferenceSystem.fromProj4(text)\n", encoding="utf-8")
    found, count = check_qt6.check_paths([tmp_path], table)
    assert count == 1 and [f.kind for f in found] == ["qgis-deprecated"]
    assert "fromProj" in found[0].suggestion
    (tmp_path / "defines.py").write_text(
        "class Reader:\n    def fromProj4(self, text):\n        return text\n", encoding="utf-8"
    )
    assert check_qt6.check_paths([tmp_path], table)[0] == []


def test_qgis_values_gone_in_340_and_replacements_missing_in_322(tmp_path, table):
    found = findings(
        table,
        """
        if source.source() != QgsProcessingModelChildParameterSource.ModelParameter:
            pass
    """,
    )
    assert [(f.line, f.kind) for f in found] == [(2, "qgis-enum")]
    assert "is not in QGIS 3.40" in found[0].problem
    (tmp_path / "uses.py").write_text("names = self.parameterAsFields(parameters, 'F', context)\n", encoding="utf-8")
    found = check_qt6.check_paths([tmp_path], table)[0]
    assert [f.kind for f in found] == ["qgis-deprecated"]
    assert "parameterAsStrings" in found[0].suggestion and "not in QGIS 3.22" in found[0].suggestion


def test_command_line_exit_status(tmp_path, capsys):
    clean, dirty = tmp_path / "clean.py", tmp_path / "dirty.py"
    clean.write_text("from qgis.PyQt.QtCore import Qt\nA = Qt.AlignmentFlag.AlignLeft\n", encoding="utf-8")
    dirty.write_text("from qgis.PyQt.QtCore import Qt\nA = Qt.AlignLeft\n", encoding="utf-8")
    assert check_qt6.main([str(clean)]) == 0
    assert check_qt6.main([str(dirty)]) == 1
    out, err = capsys.readouterr()
    assert "dirty.py:2: [qt-enum] unscoped Qt enum Qt.AlignLeft: Qt.AlignmentFlag.AlignLeft" in out
    assert "1 finding(s) in 1 files (qt-enum 1)" in err
