"""Property-based tests (hypothesis) of the shared readers and parsers: whatever the bytes or text, the answer is
data or a HabitatError naming the file — never another exception."""

import json
import struct

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from habitat_planning_plugin.core import wkb
from habitat_planning_plugin.core.files import decode_text, read_json
from habitat_planning_plugin.core.text import HabitatError
from habitat_planning_plugin.i18n import normalise_locale

QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def linestring(points):
    return struct.pack("<BII", 1, 2, len(points)) + b"".join(struct.pack("<dd", x, y) for x, y in points)


def polygon(rings):
    data = struct.pack("<BII", 1, 3, len(rings))
    for ring in rings:
        data += struct.pack("<I", len(ring)) + b"".join(struct.pack("<dd", x, y) for x, y in ring)
    return data


coordinate = st.floats(allow_nan=False, allow_infinity=False, width=64)
points = st.lists(st.tuples(coordinate, coordinate), min_size=0, max_size=6)


@QUICK
@given(st.binary(max_size=200))
def test_any_bytes_are_lines_or_none(data):
    parts = wkb.wkb_line_parts(data)
    assert parts is None or all(part.ndim == 2 and part.shape[1] == 2 for part in parts)
    rings = wkb.polygon_rings(data)
    assert rings is None or all(ring.shape[1] == 2 for polygon_ in rings for ring in polygon_)


@QUICK
@given(points, st.integers(min_value=0, max_value=200))
def test_a_cut_linestring_is_its_points_or_none(line, cut):
    data = linestring(line)
    parts = wkb.wkb_line_parts(data[:cut])
    if cut >= len(data):
        assert len(parts) == 1 and np.array_equal(parts[0], np.array(line, dtype=float).reshape(-1, 2))
    else:
        assert parts is None  # a truncated geometry is never read as a shorter one
    coords, counts, owner, skipped = wkb.line_parts([data[:cut], data, None])
    assert counts.sum() == len(coords) and len(owner) == len(counts)
    assert skipped + len(set(owner.tolist())) == 3  # each feature read or counted as skipped


@QUICK
@given(st.lists(points, min_size=1, max_size=3), st.integers(min_value=0, max_value=400))
def test_a_cut_polygon_is_its_rings_or_none(rings, cut):
    data = polygon(rings)
    found = wkb.polygon_rings(data[:cut])
    if cut >= len(data):
        assert [len(ring) for ring in found[0]] == [len(ring) for ring in rings]
    else:
        assert found is None


def test_absurdly_nested_collections_are_refused_not_a_crash():
    data = struct.pack("<BII", 1, 7, 1) * 5000 + polygon([[(0, 0), (1, 0), (1, 1), (0, 0)]])
    assert wkb.polygon_rings(data) is None or len(wkb.polygon_rings(data)) == 1


@QUICK
@given(st.text(max_size=30))
def test_any_locale_text_gives_a_language_name(text):
    name = normalise_locale(text)
    language = name.split("_")[0]
    assert 2 <= len(language) <= 3 and language.isascii() and language.isalpha() and language == language.lower()


@QUICK
@given(st.binary(max_size=300))
def test_any_json_file_is_data_or_an_error_naming_it(tmp_path, data):
    path = tmp_path / "framework.json"
    path.write_bytes(data)
    try:
        value = read_json(path, "Cannot read {0}: {1}")
    except HabitatError as error:
        assert "framework.json" in str(error)
    else:
        assert value == json.loads(decode_text(data, "framework.json")[0])  # UTF-8 (BOM or not), GB18030, UTF-16


@QUICK
@given(st.text(alphabet="0123456789.,;-+eEnaifINF ", max_size=25))
def test_number_lists_are_finite_numbers_or_a_clear_error(text):
    from habitat_planning_plugin.core.text import number_list

    try:
        numbers = number_list(text, "bad list")
    except HabitatError as error:
        assert str(error) == "bad list"
    else:
        assert all(np.isfinite(numbers))


@pytest.mark.parametrize("text", ["nan", "1, inf", "-inf;2", "NaN"])
def test_nan_and_inf_are_not_thresholds(text):
    from habitat_planning_plugin.core.text import number_list

    with pytest.raises(HabitatError):
        number_list(text, "bad list")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(min_size=0, max_size=2000))
def test_headless_reader_on_any_file_gives_data_or_a_message_naming_it(tmp_path, data):
    from habitat_planning_plugin import headless_io

    path = tmp_path / "streets.gpkg"
    path.write_bytes(data)
    for backend in ("ogr", "pyogrio"):
        try:
            headless_io.read_lines(str(path), backend=backend)
        except HabitatError as error:
            assert "streets.gpkg" in str(error), str(error)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=0, max_value=100))
def test_a_cut_geopackage_gives_its_lines_or_a_message_naming_it(tmp_path, percent):
    from shapely.geometry import LineString

    from habitat_planning_plugin import headless_io
    from test.helpers import write_layer

    whole = tmp_path / "whole.gpkg"
    if not whole.exists():
        write_layer(
            whole,
            "streets",
            "LineString",
            32650,
            [("road_class", "str")],
            [(LineString([(i, 0), (i, 100)]), ["residential"]) for i in range(300)],
        )
    data = whole.read_bytes()
    cut = tmp_path / "cut.gpkg"
    cut.write_bytes(data[: len(data) * percent // 100])
    try:
        (coords, counts), _ = headless_io.read_lines(str(cut), "streets", backend="ogr")
    except HabitatError as error:
        assert "cut.gpkg" in str(error), str(error)
    else:
        assert len(counts) <= 300


def test_a_writer_that_hits_a_full_disk_is_a_message_naming_the_file(tmp_path):
    from habitat_planning_plugin.core.files import atomic_write

    target = tmp_path / "form.xlsx"
    target.write_bytes(b"earlier")

    def write(partial):
        with open(partial, "wb") as stream:
            stream.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(HabitatError, match="form.xlsx.*No space left"):
        atomic_write(target, write)
    assert target.read_bytes() == b"earlier" and [p.name for p in tmp_path.iterdir()] == ["form.xlsx"]
