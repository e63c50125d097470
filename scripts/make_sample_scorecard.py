#!/usr/bin/env python3
"""Write resources/sample_data/district_scorecard_2024.csv (and _zh.csv, districts by their Chinese names): the
Sample City's district scorecard as it was in 2024, before three public spaces opened (Eastern Wetland Park,
Community Sports Park, Riverside Civic Garden), so that a workshop can show tracking: this year's scorecard against
the earlier one, in either language. Run with .venv/bin/python; committed.
"""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "resources" / "sample_data"
TARGETS = {"name": DATA / "district_scorecard_2024.csv", "name_zh": DATA / "district_scorecard_2024_zh.csv"}
OPENED_SINCE = ("Eastern Wetland Park", "Community Sports Park", "Riverside Civic Garden")


def main() -> int:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from habitat_planning_plugin.processing.provider import HabitatProvider

    provider = HabitatProvider()  # kept: the registry does not keep the Python object alive
    QgsApplication.processingRegistry().addProvider(provider)
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    gpkg = DATA / "sample_city.gpkg"
    names = ", ".join("'" + name.replace("'", "''") + "'" for name in OPENED_SINCE)
    counted = (
        "access = 'public' AND fee = 'no' AND ps_type IN ('park', 'civic park', 'square', "
        "'recreational green area', 'public facility open area')"
    )
    for name_field, target in TARGETS.items():
        with tempfile.TemporaryDirectory() as folder:
            table = Path(folder) / "scorecard.csv"
            processing.run(
                "habitat:publicspacescorecard",
                {
                    "DISTRICTS": f"{gpkg}|layername=districts",
                    "DISTRICT_NAME_FIELD": name_field,
                    "PUBLIC_SPACES": f"{gpkg}|layername=public_spaces|subset={counted} AND name NOT IN ({names})",
                    "STREETS": f"{gpkg}|layername=streets",
                    "WIDTH_FIELD": "width_m",
                    "CLASS_FIELD": "road_class",
                    "URBAN_EXTENT": f"{gpkg}|layername=urban_extent",
                    "POPULATION_RASTER": str(DATA / "sample_city_population.tif"),
                    "YEAR": 2024,
                    "OUTPUT": "TEMPORARY_OUTPUT",
                    "OUTPUT_TABLE": str(table),
                },
            )
            target.write_bytes(table.read_bytes())
        print(f"wrote {target.relative_to(ROOT)}")
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
