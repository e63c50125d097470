import pytest

from habitat_planning_plugin.core.crs import utm_epsg


@pytest.mark.parametrize(
    "lon, lat, expected",
    [
        (117.0, 31.6, 32650),  # Hefei: zone 50 (114-120 E), north
        (-74.0, 40.7, 32618),  # New York: zone 18 (78-72 W)
        (151.2, -33.9, 32756),  # Sydney: zone 56, south
        (36.8, -1.3, 32737),  # Nairobi: zone 37, south
        (-180.0, 0.0, 32601),  # west edge of zone 1
        (180.0, 0.0, 32660),  # east edge belongs to zone 60
        (5.3, 60.4, 32632),  # Bergen: Norway exception widens zone 32 to 3 E
        (15.0, 78.2, 32633),  # Longyearbyen: Svalbard zone 33
        (25.0, 78.0, 32635),  # Svalbard zone 35
    ],
)
def test_utm_zone_by_hand(lon, lat, expected):
    assert utm_epsg(lon, lat) == expected


def test_utm_zone_rejects_projected_coordinates():
    with pytest.raises(ValueError):
        utm_epsg(500000.0, 3500000.0)
