"""habitat:sdffunctiongaps on the bundled sample region: the hierarchy of habitat:sdffunctions, the facilities and
the roads; every number checked against the facilities' own settlement ids, computed independently here."""

import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException

from test.conftest import SAMPLE_DATA
from test.helpers import Messages, read_rows

ALG = "habitat:sdffunctiongaps"
REGION = SAMPLE_DATA / "sample_region.gpkg"
LAYER = f"{REGION}|layername="
# Every function of the sample region, as the tool names them (the distinct values, sorted).
FUNCTIONS = sorted({row["function"] for row in read_rows(REGION, "facilities")})


def field(function):
    return "t_" + function.replace(" ", "_")


@pytest.fixture
def hierarchy(tmp_path, habitat_provider):
    from qgis import processing

    path = tmp_path / "hierarchy.gpkg"
    processing.run(
        "habitat:sdffunctions",
        {
            "SETTLEMENTS": LAYER + "settlements",
            "NAME_FIELD": "name",
            "FACILITIES": LAYER + "facilities",
            "FUNCTION_FIELD": "function",
            "OUTPUT": str(path),
            "OUTPUT_SCALOGRAM": "memory:",
            "OUTPUT_REPORT": None,
        },
    )
    return str(path)


def presence_by_name():
    """{settlement name: its functions}, from the settlement_id written on every facility point."""
    names = {row["settlement_id"]: row["name"] for row in read_rows(REGION, "settlements")}
    having = {name: set() for name in names.values()}
    for row in read_rows(REGION, "facilities"):
        having[names[row["settlement_id"]]].add(row["function"])
    return having


def parameters(hierarchy, tmp_path, **more):
    return {
        "SETTLEMENTS": hierarchy,
        "NAME_FIELD": "name",
        "LEVEL_FIELD": "level",
        "FACILITIES": LAYER + "facilities",
        "FUNCTION_FIELD": "function",
        "ROADS": LAYER + "roads",
        "CLASS_FIELD": "highway",
        "OUTPUT": str(tmp_path / "gaps.gpkg"),
        "OUTPUT_GAPS": str(tmp_path / "gaps.csv"),
        "OUTPUT_REPORT": str(tmp_path / "gaps.html"),
        **more,
    }


def check_outputs(tmp_path, result, expected_by_level):
    """The settlement layer and the gaps table against the presence and ``expected_by_level`` {level: set}."""
    having = presence_by_name()
    rows = {row["name"]: row for row in read_rows(tmp_path / "gaps.gpkg")}
    assert len(rows) == len(having) and len(FUNCTIONS) > 10
    remote = [name for name, row in rows.items() if all(row[field(f)] is None for f in FUNCTIONS)]
    assert len(remote) == 1
    total = 0
    for name, row in rows.items():
        lacking = expected_by_level[row["level"]] - having[name]
        written = set(row["lacking"].split("; ")) if row["lacking"] else set()
        assert written == lacking, name
        assert row["n_lacking"] == len(lacking)
        total += len(lacking)
        if name in remote:
            continue
        for function in FUNCTIONS:
            if function in having[name]:
                assert row[field(function)] == 0.0, (name, function)
            else:  # another settlement, over the roads: some minutes at least
                assert row[field(function)] > 0.0, (name, function)
    gaps = read_rows(tmp_path / "gaps.csv")
    assert len(gaps) == total == result["GAPS"]
    assert result["LACKING"] == sum(1 for row in rows.values() if row["n_lacking"])
    assert (result["SETTLEMENTS"], result["FUNCTIONS"], result["UNCONNECTED"]) == (len(rows), len(FUNCTIONS), 1)
    for gap in gaps:
        settlement = rows[gap["settlement"]]
        assert gap["function"] in settlement["lacking"].split("; ") and int(gap["level"]) == settlement["level"]
        if gap["settlement"] in remote:
            assert gap["minutes"] in (None, "") and gap["provider"] in (None, "")
            continue
        assert float(gap["minutes"]) == pytest.approx(settlement[field(gap["function"])])
        assert gap["function"] in having[gap["provider"]]  # the nearest provider has the function
    return rows, remote


def test_derived_expected_functions(hierarchy, tmp_path):
    from qgis import processing

    messages = Messages()
    result = processing.run(ALG, parameters(hierarchy, tmp_path), feedback=messages)
    having = presence_by_name()
    levels = {row["name"]: row["level"] for row in read_rows(hierarchy)}
    # Expected at level k: a function at least half the settlements of level k or of a less central level have.
    own = {}
    for level in set(levels.values()):
        members = [name for name, value in levels.items() if value == level]
        own[level] = {f for f in FUNCTIONS if 2 * sum(f in having[name] for name in members) >= len(members)}
    expected = {level: set().union(*(own[k] for k in own if k >= level)) for level in own}
    assert expected[1] >= expected[2] >= expected[3] and expected[3]  # villages are expected to have something
    rows, remote = check_outputs(tmp_path, result, expected)
    assert any("no road within reach" in line and remote[0] in line for line in messages.lines)
    html = (tmp_path / "gaps.html").read_text(encoding="utf-8")
    assert "Derived from the scalogram" in html and "50 %" in html


def test_expected_functions_given_in_a_table(hierarchy, tmp_path):
    from qgis import processing

    table = ["3", "primary school", "1", "Hospital; university"]  # a name matched whatever its case
    result = processing.run(ALG, parameters(hierarchy, tmp_path, EXPECTED=table))
    base = {"primary school"}
    check_outputs(tmp_path, result, {1: base | {"hospital", "university"}, 2: base, 3: base})
    assert "Given in the table" in (tmp_path / "gaps.html").read_text(encoding="utf-8")


def test_unknown_function_in_the_table_is_refused_before_the_run(hierarchy, tmp_path):
    from qgis import processing

    given = parameters(hierarchy, tmp_path, EXPECTED=["2", "market; spaceport"])
    algorithm = QgsApplication.processingRegistry().algorithmById(ALG)
    ok, message = algorithm.checkParameterValues(given, QgsProcessingContext())
    assert not ok and '"spaceport"' in message and "primary school" in message
    with pytest.raises(QgsProcessingException, match="spaceport"):
        processing.run(ALG, given)
    assert not (tmp_path / "gaps.gpkg").exists()


def test_unknown_level_in_the_table_is_refused_before_the_run(hierarchy, tmp_path):
    given = parameters(hierarchy, tmp_path, EXPECTED=["5", "market"])
    algorithm = QgsApplication.processingRegistry().algorithmById(ALG)
    ok, message = algorithm.checkParameterValues(given, QgsProcessingContext())
    assert not ok and "level 5" in message
