"""The core lane: ``make test-core`` runs these tests with plain pytest, without QGIS.

With HABITAT_CORE_LANE=1 (set by the make target) any import of ``qgis`` fails here, so a core module or a core
test that needs QGIS is found at once; in ``make test`` the same tests run beside the others, QGIS loaded.
"""

import importlib.abc
import os
import sys


class _NoQgis(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "qgis" or name.startswith("qgis."):
            raise ImportError(f"{name}: the core lane runs without QGIS")
        return None


if os.environ.get("HABITAT_CORE_LANE") == "1":
    sys.meta_path.insert(0, _NoQgis())
