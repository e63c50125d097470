#!/usr/bin/env python3
"""Save the provider's models as .model3 files in docs/models/ (English), to open and adapt in the Graphical Modeler."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from habitat_planning_plugin.processing.algorithms import MODEL_CLASSES

    target = ROOT / "docs" / "models"
    target.mkdir(parents=True, exist_ok=True)
    for model_class in MODEL_CLASSES:
        model = model_class()
        model.setName(model.displayName())  # a file-based model is named by its title
        path = target / f"{model_class.__name__}.model3"
        model.toFile(str(path))
        print(f"wrote {path.relative_to(ROOT)}")
        del model
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
