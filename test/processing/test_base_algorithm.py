"""HabitatAlgorithm behaviour every algorithm inherits: missing packages, errors, cancel, no half-written files."""

import os

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
)

from habitat_planning_plugin.compat import (
    DOUBLE,
    TEXT,
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    WkbType,
)
from habitat_planning_plugin.core.text import Cancelled, HabitatError, tr_noop
from habitat_planning_plugin.processing.base import HabitatAlgorithm, progress_callback


class WritesThenFails(HabitatAlgorithm):
    """Test algorithm: opens its output sink, writes a feature, then fails as configured."""

    ALGORITHM_ID = "writesthenfails"
    DISPLAY_NAME = tr_noop("Public space")
    GROUP_ID = "publicspace"
    SHORT_HELP = tr_noop("Public space")
    failure = None

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(QgsProcessingParameterFeatureSink("OUTPUT", "Output"), tr_noop("Public space"))

    def process(self, parameters, context, feedback):
        sink, dest = self.create_sink(
            parameters, "OUTPUT", context, QgsFields(), WkbType.Point, QgsCoordinateReferenceSystem("EPSG:32650")
        )
        sink.addFeature(QgsFeature())
        progress_callback(feedback)(0.5)
        if self.failure is not None:
            raise self.failure
        return {"OUTPUT": dest}


class NeedsMissingPackage(WritesThenFails):
    REQUIRED_PACKAGES = ("numpy", "surely_not_installed_habitat_pkg")


def run(algorithm, parameters, feedback=None):
    algorithm.initAlgorithm()
    context = QgsProcessingContext()
    return algorithm.processAlgorithm(parameters, context, feedback or QgsProcessingFeedback())


@pytest.mark.parametrize("failure, message", [(HabitatError("bad input"), "bad input"), (ValueError("bug"), "bug")])
def test_failed_run_removes_the_file_it_created(tmp_path, qgis_processing, failure, message):
    target = tmp_path / "result.gpkg"
    algorithm = WritesThenFails()
    algorithm.failure = failure
    with pytest.raises((QgsProcessingException, ValueError), match=message):
        run(algorithm, {"OUTPUT": str(target)})
    assert not target.exists()


def test_cancel_stops_with_a_clear_message_and_removes_the_file(tmp_path, qgis_processing):
    target = tmp_path / "result.gpkg"
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run(WritesThenFails(), {"OUTPUT": str(target)}, feedback)
    assert not target.exists()


def test_failed_run_never_deletes_an_existing_file(tmp_path, qgis_processing):
    target = tmp_path / "keep.csv"
    target.write_text("precious\n")
    algorithm = WritesThenFails()
    algorithm.failure = HabitatError("bad input")
    with pytest.raises(QgsProcessingException):
        run(algorithm, {"OUTPUT": str(target)})
    assert target.read_text() == "precious\n"  # put back byte for byte
    assert sorted(path.name for path in tmp_path.iterdir()) == ["keep.csv"]


def test_successful_run_keeps_its_output(tmp_path, qgis_processing):
    target = tmp_path / "result.gpkg"
    result = run(WritesThenFails(), {"OUTPUT": str(target)})
    assert target.exists() and result["OUTPUT"]


def test_missing_package_is_named_with_install_hint(qgis_processing):
    algorithm = NeedsMissingPackage()
    can_run, message = algorithm.canExecute()
    assert not can_run
    assert "surely_not_installed_habitat_pkg" in message and "pip install" in message and "numpy" not in message
    with pytest.raises(QgsProcessingException, match="surely_not_installed_habitat_pkg"):
        run(algorithm, {"OUTPUT": "memory:"})


def test_progress_callback_maps_fractions_and_raises_on_cancel():
    feedback = QgsProcessingFeedback()
    report = progress_callback(feedback, 20, 60)
    report(0.5)
    assert feedback.progress() == pytest.approx(40)
    feedback.cancel()
    with pytest.raises(Cancelled):
        report(0.75)


def test_help_lists_every_parameter_with_its_help():
    algorithm = WritesThenFails()
    algorithm.initAlgorithm()
    assert "<dt><b>Output</b></dt><dd>Public space</dd>" in algorithm.shortHelpString()


def test_failed_run_removes_a_file_given_as_output_definition(tmp_path, qgis_processing):
    from qgis.core import QgsProcessingOutputLayerDefinition

    target = tmp_path / "result.gpkg"
    algorithm = WritesThenFails()
    algorithm.failure = HabitatError("bad input")
    with pytest.raises(QgsProcessingException, match="bad input"):
        run(algorithm, {"OUTPUT": QgsProcessingOutputLayerDefinition(str(target))})  # as the GUI passes it
    assert not target.exists()


def test_report_is_skipped_with_a_message_when_matplotlib_is_missing(tmp_path, qgis_processing, monkeypatch):
    from qgis.core import QgsProcessingParameterFileDestination

    from habitat_planning_plugin.processing import base

    errors = []

    class Feedback(QgsProcessingFeedback):
        def reportError(self, error, fatal_error=False):  # noqa: N802
            errors.append(error)

    algorithm = WritesThenFails()
    algorithm.initAlgorithm()
    algorithm.addParameter(QgsProcessingParameterFileDestination("REPORT", "Report", "HTML files (*.html)"))
    target = str(tmp_path / "r.html")
    assert algorithm.report_destination({"REPORT": target}, "REPORT", QgsProcessingContext(), Feedback()) == target
    monkeypatch.setattr(base, "missing_packages", lambda names: list(names))
    assert algorithm.report_destination({"REPORT": target}, "REPORT", QgsProcessingContext(), Feedback()) is None
    assert "matplotlib" in errors[0] and "not written" in errors[0]


def test_number_list_reports_text_with_braces_safely():
    from habitat_planning_plugin.core.text import number_list

    assert number_list("1, 2;3", "bad") == [1.0, 2.0, 3.0]
    with pytest.raises(HabitatError, match=r"bad: \{x\}"):
        number_list("{x}", "bad: {x}")


class TwoOutputs(WritesThenFails):
    """Test algorithm: a layer with a field parameter, a number, two outputs."""

    ALGORITHM_ID = "twooutputs"

    def initAlgorithm(self, config=None):  # noqa: N802
        from qgis.core import (
            QgsProcessingParameterFeatureSource,
            QgsProcessingParameterField,
            QgsProcessingParameterFileDestination,
            QgsProcessingParameterNumber,
        )

        self.add_parameter(QgsProcessingParameterFeatureSource("INPUT", "Input"), tr_noop("Public space"))
        self.add_parameter(
            QgsProcessingParameterField(
                "FIELD",
                "Count field",
                parentLayerParameterName="INPUT",
                type=ProcessingFieldParameterDataType.Numeric,
                optional=True,
            ),
            tr_noop("Public space"),
        )
        self.add_parameter(
            QgsProcessingParameterNumber("DISTANCE", "Distance", ProcessingNumberParameterType.Double, 400.0),
            tr_noop("Public space"),
        )
        self.add_parameter(QgsProcessingParameterFeatureSink("OUTPUT", "Output"), tr_noop("Public space"))
        self.add_parameter(
            QgsProcessingParameterFileDestination("REPORT", "Report", "HTML files (*.html)", optional=True),
            tr_noop("Public space"),
        )


@pytest.fixture
def points_layer(tmp_path):
    from shapely.geometry import Point

    from test.helpers import write_layer

    return write_layer(
        tmp_path / "input.gpkg",
        "points",
        "Point",
        32650,
        [("people", "int"), ("name", "str")],
        [(Point(0, 0), [3, "a"])],
    )


def check(parameters):
    from qgis.core import QgsProcessingContext

    algorithm = TwoOutputs()
    algorithm.initAlgorithm()
    return algorithm.checkParameterValues(parameters, QgsProcessingContext())


def test_checks_before_the_run_name_the_problem(tmp_path, qgis_processing, points_layer):
    good = {"INPUT": points_layer, "FIELD": "people", "DISTANCE": 400.0, "OUTPUT": str(tmp_path / "out.gpkg")}
    assert check(good) == (True, "")
    ok, message = check({**good, "FIELD": "poeple"})
    assert not ok and 'no field "poeple"' in message and "people, name" in message
    ok, message = check({**good, "FIELD": "name"})
    assert not ok and "holds text" in message
    ok, message = check({**good, "DISTANCE": float("nan")})
    assert not ok and "finite" in message
    ok, message = check({**good, "OUTPUT": str(tmp_path / "out.docx")})
    assert not ok and "not a format" in message
    ok, message = check({**good, "REPORT": str(tmp_path / "report.csv")})
    assert not ok and ".html" in message
    ok, message = check({**good, "OUTPUT": str(tmp_path / "same.gpkg"), "REPORT": str(tmp_path / "same.gpkg")})
    assert not ok
    ok, message = check({**good, "OUTPUT": points_layer.split("|")[0]})
    assert not ok and "write over the input" in message
    # Two layers into one GeoPackage by table name are fine; twice the same table is not.
    gpkg = tmp_path / "both.gpkg"
    assert check({**good, "OUTPUT": f"ogr:dbname='{gpkg}' table=\"a\" (geom)"})[0]
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if not os.access(locked, os.W_OK):  # root may write anywhere
            ok, message = check({**good, "OUTPUT": str(locked / "out.gpkg")})
            assert not ok and "cannot be written" in message
    finally:
        locked.chmod(0o700)


def test_a_failed_run_keeps_the_other_layers_of_a_geopackage(tmp_path, qgis_processing):
    from shapely.geometry import Point

    from test.helpers import write_layer

    gpkg = tmp_path / "project.gpkg"
    write_layer(gpkg, "keep_me", "Point", 32650, [("v", "int")], [(Point(1, 1), [1])])
    before = gpkg.read_bytes()
    algorithm = WritesThenFails()
    algorithm.failure = ValueError("bug")
    with pytest.raises(QgsProcessingException, match="unexpected error") as raised:
        run(algorithm, {"OUTPUT": f"ogr:dbname='{gpkg}' table=\"result\" (geom)"})
    assert "Traceback" not in str(raised.value)
    assert gpkg.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["project.gpkg"]
    # A run that succeeds adds its layer and keeps the other.
    run(WritesThenFails(), {"OUTPUT": f"ogr:dbname='{gpkg}' table=\"result\" (geom)"})
    from osgeo import ogr

    source = ogr.Open(str(gpkg))
    assert {source.GetLayer(i).GetName() for i in range(source.GetLayerCount())} == {"keep_me", "result"}
    source = None
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".habitat-backup")]


def test_a_cancelled_run_puts_an_earlier_shapefile_back(tmp_path, qgis_processing):
    first = tmp_path / "out.shp"
    run(WritesThenFails(), {"OUTPUT": str(first)})
    files = {path.name: path.read_bytes() for path in tmp_path.iterdir()}
    assert {"out.shp", "out.dbf", "out.shx"} <= set(files)
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run(WritesThenFails(), {"OUTPUT": str(first)}, feedback)
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir()} == files


class WritesText(WritesThenFails):
    ALGORITHM_ID = "writestext"

    def process(self, parameters, context, feedback):
        from qgis.core import QgsField

        fields = QgsFields()
        fields.append(QgsField("name", TEXT))
        fields.append(QgsField("value", DOUBLE))
        sink, dest = self.create_sink(parameters, "OUTPUT", context, fields, WkbType.NoGeometry, None)
        for name, value in (('=HYPERLINK("http://x")', -1.0), ("+1", 2.0), ("@SUM(A1)", 3.0), ("Park", -4.0)):
            feature = QgsFeature(fields)
            feature.setAttributes([name, value])
            sink.addFeature(feature)
        return {"OUTPUT": dest}


def test_text_written_to_a_csv_is_never_a_formula(tmp_path, qgis_processing):
    import csv

    target = tmp_path / "table.csv"
    run(WritesText(), {"OUTPUT": str(target)})
    rows = list(csv.DictReader(open(target, encoding="utf-8")))
    assert [row["name"] for row in rows] == ['\'=HYPERLINK("http://x")', "'+1", "'@SUM(A1)", "Park"]
    assert [float(row["value"]) for row in rows] == [-1.0, 2.0, 3.0, -4.0]  # numbers keep their sign
    # A GeoPackage keeps the text as it is: no spreadsheet reads it.
    run(WritesText(), {"OUTPUT": str(tmp_path / "table.gpkg")})
    from test.helpers import read_rows

    assert read_rows(tmp_path / "table.gpkg")[0]["name"] == '=HYPERLINK("http://x")'


class FailsAfresh(WritesThenFails):
    """Raises a new exception each run (an exception kept by the test would keep the run's frames alive itself)."""

    make = None

    def process(self, parameters, context, feedback):
        raise self.make()


@pytest.mark.parametrize("make", [lambda: HabitatError("bad input"), lambda: ValueError("bug"), Cancelled])
def test_a_failed_run_leaves_no_reference_cycle_through_its_frame(tmp_path, qgis_processing, make):
    """The message raised for a failure must not be held by a local of processAlgorithm: its traceback holds that
    frame, and the garbage collector, breaking the cycle later, freed objects QGIS had deleted and crashed Python."""
    import gc
    import types

    def run_frames():
        return {
            id(item)
            for item in gc.get_objects()
            if isinstance(item, types.FrameType) and item.f_code.co_name == "processAlgorithm"
        }

    algorithm = FailsAfresh()
    algorithm.make = make
    gc.collect()
    gc.disable()
    earlier = run_frames()  # what other tests' kept exceptions hold
    try:
        try:
            run(algorithm, {"OUTPUT": str(tmp_path / "result.gpkg")})
        except QgsProcessingException:
            pass  # the exception, its traceback and the frames go with the block unless a cycle keeps them
        else:
            pytest.fail("the run should have failed")
        assert run_frames() - earlier == set()
    finally:
        gc.enable()


# --- the inputs table of a report names choices by their labels (issue 15, item 7) ---


def test_report_inputs_name_a_choice_by_its_label(tmp_path, habitat_provider):
    """habitat:sdfdevelopmentindex: NORMALISATION 0 and AGGREGATION 1 are printed as their options, read from the
    written HTML."""
    import re

    from qgis import processing
    from shapely.geometry import Point

    from test.helpers import write_layer

    towns = write_layer(
        tmp_path / "towns.gpkg",
        "towns",
        "Point",
        32650,
        [("name", "str"), ("services", "real")],
        [
            (Point(500_000 + 1000 * k, 3_500_000), [name, value])
            for k, (name, value) in enumerate([("A", 1), ("B", 2), ("C", 4)])
        ],
    )
    processing.run(
        "habitat:sdfdevelopmentindex",
        {
            "INPUT": towns,
            "INDICATORS": ["services"],
            "NORMALISATION": 0,
            "AGGREGATION": 1,
            "CLASSES": 2,
            "OUTPUT": str(tmp_path / "o.gpkg"),
            "OUTPUT_SENSITIVITY": "memory:",
            "OUTPUT_REPORT": str(tmp_path / "r.html"),
        },
    )
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    inputs = dict(re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td></tr>", page[page.index('class="inputs"') :]))
    assert inputs["Normalisation"] == "Min-max (0 to 1)"
    assert inputs["Aggregation"] == "Geometric (poor scores not compensated)"
    assert inputs["Missing values"] == "Use the other indicators (rescale weights)"  # the default, not given
    assert inputs["Number of classes"] == "2"


class Choices(HabitatAlgorithm):
    """Test algorithm: a single choice, a multiple choice, a choice by static strings and a yes/no."""

    ALGORITHM_ID = "choices"
    DISPLAY_NAME = tr_noop("Public space")
    GROUP_ID = "publicspace"
    SHORT_HELP = tr_noop("Public space")

    def initAlgorithm(self, config=None):  # noqa: N802
        from qgis.core import QgsProcessingParameterBoolean, QgsProcessingParameterEnum

        self.add_parameter(QgsProcessingParameterEnum("ONE", "One", ["red", "green", "blue"], defaultValue=1), "")
        self.add_parameter(
            QgsProcessingParameterEnum("MANY", "Many", ["red", "green", "blue"], allowMultiple=True, optional=True), ""
        )
        static = QgsProcessingParameterEnum("STATIC", "Static", ["north", "south"], defaultValue="south")
        static.setUsesStaticStrings(True)
        self.add_parameter(static, "")
        self.add_parameter(QgsProcessingParameterBoolean("FLAG", "Flag", False), "")

    def process(self, parameters, context, feedback):
        return {}


@pytest.mark.parametrize(
    "parameters, expected",
    [
        ({}, {"One": "green", "Many": "—", "Static": "south", "Flag": "No"}),  # the defaults
        (
            {"ONE": 2, "MANY": [0, 2], "STATIC": "north", "FLAG": True},
            {"One": "blue", "Many": "red, blue", "Static": "north", "Flag": "Yes"},
        ),
        ({"ONE": "0", "MANY": "1", "FLAG": 1}, {"One": "red", "Many": "green", "Static": "south", "Flag": "Yes"}),
    ],
)
def test_input_summary_prints_choices_and_yes_no_as_words(qgis_processing, parameters, expected):
    algorithm = Choices()
    algorithm.initAlgorithm()
    assert dict(algorithm.input_summary(parameters, QgsProcessingContext())) == expected
