"""Golden-output tests: every algorithm of the habitat provider run on a tiny fixture, its output tables compared
with the expected CSVs of test/golden/expected/<case>/ and its numbers with those of the case (cases.py).

``HABITAT_GOLDEN_WRITE=1 pytest test/golden`` writes the expected tables instead of comparing them and prints the
numbers to put in cases.py; check them by hand before committing (see README.md)."""

import math
import os

import pytest

from test.golden import golden
from test.golden.cases import CASES, EXPECTED, SKIPPED

FILE_EXTENSIONS = {"fileDestination": None, "sink": ".gpkg", "vectorDestination": ".gpkg", "rasterDestination": ".tif"}


def destinations(algorithm, parameters, folder):
    """Every output of the algorithm into ``folder``, unless the case sets it (None: not written)."""
    result = dict(parameters)
    for definition in algorithm.destinationParameterDefinitions():
        name = definition.name()
        if name in result:
            continue
        kind = definition.type()
        if kind == "folderDestination":
            result[name] = str(folder / name.lower())
        elif kind == "fileDestination":
            result[name] = str(folder / f"{name.lower()}.{definition.defaultFileExtension() or 'html'}")
        else:
            result[name] = str(folder / f"{name.lower()}{FILE_EXTENSIONS.get(kind, '.gpkg')}")
    return result


def run_case(case, folder):
    from qgis import processing
    from qgis.core import QgsApplication

    from test.helpers import Messages

    algorithm = QgsApplication.processingRegistry().algorithmById(case.algorithm)
    assert algorithm is not None, f"no algorithm {case.algorithm}"
    parameters = destinations(algorithm, case.parameters, folder)
    feedback = Messages()
    try:
        result = processing.run(case.algorithm, parameters, feedback=feedback)
    except Exception as error:  # the log says why
        raise AssertionError(f"{case.name} failed: {error}\nlog:\n{feedback.text()}") from None
    return algorithm, parameters, result, feedback


def check_reports(algorithm, parameters, result):
    """Every HTML report (not compared: it holds the date and the versions) is written and not empty."""
    paths = [
        parameters[d.name()]
        for d in algorithm.destinationParameterDefinitions()
        if d.type() == "fileDestination" and str(parameters.get(d.name()) or "").endswith(".html")
    ]
    paths += [value for value in result.values() if isinstance(value, str) and value.endswith(".html")]
    for path in paths:
        assert os.path.isfile(path) and os.path.getsize(path) > 0, f"the report {path} is missing or empty"
        with open(path, encoding="utf-8") as handle:
            assert "<html" in handle.read(2000).lower(), f"{path} is not an HTML report"


def case_params():
    return [pytest.param(case, id=case.name, marks=[pytest.mark.slow] if case.slow else []) for case in CASES]


@pytest.mark.parametrize("case", case_params())
def test_golden(case, tmp_path, habitat_provider):
    algorithm, parameters, result, feedback = run_case(case, tmp_path)
    check_reports(algorithm, parameters, result)
    problems = []
    for table in case.tables:
        assert table.output in result, f"{case.name}: the algorithm returned no {table.output}"
        columns, rows = golden.read_output(result[table.output], table, case.geometry_decimals)
        text_rows = golden.as_text_rows(columns, rows, table.key, case.decimals)
        path = EXPECTED / case.name / table.file_name
        if golden.writing():
            golden.write_csv(path, columns, text_rows)
            continue
        assert path.exists(), f"no expected table {path}: write it with {golden.WRITE_ENV}=1 and check it by hand"
        expected_columns, expected_rows = golden.read_csv(path)
        expected_rows = sorted(expected_rows, key=lambda row: golden.sort_key(row, table.key))
        found = golden.compare(
            expected_columns,
            expected_rows,
            columns,
            text_rows,
            table.key,
            case.tolerance,
            1.01 * 10**-case.geometry_decimals,
            f"{case.name}/{table.file_name}",
        )
        if found:
            problems += found[:40] + ([f"… and {len(found) - 40} more"] if len(found) > 40 else [])
            problems.append(f"actual {table.file_name}:\n" + golden.csv_text(columns, text_rows)[:6000])

    # The declared numeric outputs, and any other number the algorithm returns (a model or the log may use it).
    numbers = {d.name(): result.get(d.name()) for d in algorithm.outputDefinitions() if d.type() == "outputNumber"}
    numbers.update(
        {
            name: value
            for name, value in result.items()
            if isinstance(value, (int, float)) and not isinstance(value, bool)
        }
    )
    if golden.writing():
        print(f"\n{case.name} numbers={{{', '.join(f'{k!r}: {_literal(v)}' for k, v in numbers.items())}}}")
        return
    undeclared = sorted(set(numbers) - set(case.numbers))
    if undeclared:
        problems.append(
            f"{case.name}: numbers not declared in cases.py: "
            + ", ".join(f"{name}={numbers[name]!r}" for name in undeclared)
        )
    for name, expected in case.numbers.items():
        if not golden.same_number(expected, result.get(name), case.tolerance):
            problems.append(f"{case.name}: {name}: expected {expected!r}, got {result.get(name)!r}")
    if problems:
        pytest.fail("\n".join(problems) + f"\nlog:\n{feedback.text()[:4000]}", pytrace=False)


def _literal(value):
    if isinstance(value, float):
        return "NAN" if math.isnan(value) else repr(round(value, 6))
    return repr(value)


def test_every_algorithm_has_a_case(habitat_provider):
    ids = {algorithm.id() for algorithm in habitat_provider.algorithms()}
    covered = {case.algorithm for case in CASES}
    assert ids - covered - SKIPPED == set(), "algorithms without a golden case"
    assert covered <= ids, "cases of algorithms the provider does not have"
    assert len({case.name for case in CASES}) == len(CASES), "two cases share a name"
