"""choose_metric_crs on real layers: geographic, metric, mixed and the user's choice."""

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from habitat_planning_plugin.core.text import HabitatError
from habitat_planning_plugin.qgis_io import choose_metric_crs


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos = []

    def pushInfo(self, info):  # noqa: N802
        self.infos.append(info)


def point_layer(crs: str, x: float, y: float) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Point?crs={crs}", "points", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
    layer.dataProvider().addFeatures([feature])
    layer.updateExtents()
    return layer


def test_geographic_layer_gets_its_utm_zone_and_the_choice_is_logged():
    feedback = RecordingFeedback()
    layer = point_layer("EPSG:4326", 36.82, -1.29)  # Nairobi
    crs = choose_metric_crs([layer], feedback=feedback)
    assert crs.authid() == "EPSG:32737"
    assert any("EPSG:32737" in line and "EPSG:4326" in line for line in feedback.infos)


def test_one_metric_crs_is_kept_without_message():
    feedback = RecordingFeedback()
    layers = [point_layer("EPSG:32650", 500000, 3500000), point_layer("EPSG:32650", 501000, 3501000)]
    assert choose_metric_crs(layers, feedback=feedback).authid() == "EPSG:32650"
    assert feedback.infos == []


def test_mixed_crss_are_brought_to_one_utm_zone():
    feedback = RecordingFeedback()
    layers = [point_layer("EPSG:32650", 500000, 3500000), point_layer("EPSG:3857", 13024380.0, 3711000.0)]
    crs = choose_metric_crs(layers, feedback=feedback)
    assert crs.authid() == "EPSG:32650"  # both lie near 117 E, 31.6 N
    assert "EPSG:3857" in feedback.infos[0] and "EPSG:32650" in feedback.infos[0]


def test_feet_are_not_metres():
    layer = point_layer("EPSG:2263", 985000, 200000)  # NY State Plane, US feet
    assert choose_metric_crs([layer]).authid() == "EPSG:32618"


def test_users_projected_choice_wins_and_geographic_choice_is_refused():
    layer = point_layer("EPSG:4326", 117.0, 31.6)
    assert choose_metric_crs([layer], QgsCoordinateReferenceSystem("EPSG:3857")).authid() == "EPSG:3857"
    with pytest.raises(HabitatError, match="EPSG:4326"):
        choose_metric_crs([layer], QgsCoordinateReferenceSystem("EPSG:4326"))


def test_empty_inputs_give_a_clear_error():
    empty = QgsVectorLayer("Point?crs=EPSG:4326", "empty", "memory")
    with pytest.raises(HabitatError, match="empty"):
        choose_metric_crs([empty])


def test_web_mercator_is_not_used_for_distances():
    feedback = RecordingFeedback()
    layer = point_layer("EPSG:3857", 1607000.0, 6464000.0)  # Prague, 50 N: 3857 stretches distances by ~56 %
    crs = choose_metric_crs([layer], feedback=feedback)
    assert crs.authid() == "EPSG:32633"
    assert "EPSG:3857" in feedback.infos[0] and "5" in feedback.infos[0]


def test_scale_error_of_utm_is_tiny_and_of_web_mercator_is_the_secant_of_latitude():
    import math

    from qgis.core import QgsPointXY

    from habitat_planning_plugin.qgis_io import scale_error

    centre = QgsPointXY(14.4, 50.1)
    assert scale_error(QgsCoordinateReferenceSystem("EPSG:32633"), centre) < 0.001
    expected = 1 / math.cos(math.radians(50.1)) - 1  # Mercator scale factor sec(latitude), spherical
    assert scale_error(QgsCoordinateReferenceSystem("EPSG:3857"), centre) == pytest.approx(expected, abs=0.01)
