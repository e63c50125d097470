"""Where the repository and its sample data are (no QGIS: the core lane imports this)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = ROOT / "resources" / "sample_data"
SAMPLE_GPKG = SAMPLE_DATA / "sample_city.gpkg"
SAMPLE_POPULATION = SAMPLE_DATA / "sample_city_population.tif"
