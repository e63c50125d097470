"""Analysis core: numpy, scipy, shapely and pandas only; no QGIS classes and no widgets."""
