#!/usr/bin/env python3
"""Fetch real test data that ships inside PyPI packages (idempotent; nothing is committed).

momepy (BSD-3-Clause) ships momepy/datasets/bubenec.gpkg: a real neighbourhood of Prague (buildings, streets,
plots) in EPSG:3857. The wheel is downloaded with pip and the file extracted to build/testdata/.
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


def bubenec() -> Path:
    if BUBENEC.is_file():
        return BUBENEC
    TESTDATA.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "--disable-pip-version-check",
                        "-d", folder, MOMEPY], check=True)
        wheel = next(Path(folder).glob("momepy-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            partial = BUBENEC.with_suffix(".part")
            partial.write_bytes(archive.read("momepy/datasets/bubenec.gpkg"))
            partial.rename(BUBENEC)
    return BUBENEC


if __name__ == "__main__":
    print(bubenec())
