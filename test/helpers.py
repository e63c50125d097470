"""Write small real fixtures (GeoPackage layers, GeoTIFF) and read Processing outputs back."""

from qgis.core import QgsProcessingFeedback

from test.data_files import OGR_GEOMETRY, OGR_TYPES, read_rows, write_layer, write_raster

__all__ = ["OGR_GEOMETRY", "OGR_TYPES", "Messages", "read_rows", "run_algorithm", "write_layer", "write_raster"]


class Messages(QgsProcessingFeedback):
    """A feedback that keeps what an algorithm tells the user (info and warnings), for assertions on the log."""

    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.lines.append(warning)

    def text(self):
        return "\n".join(self.lines)


def run_algorithm(algorithm, parameters, feedback=None):
    from qgis import processing

    return processing.run(algorithm, parameters, feedback=feedback or QgsProcessingFeedback())
