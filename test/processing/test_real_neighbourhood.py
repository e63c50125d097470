"""Walking access on a real neighbourhood (Bubeneč, Prague, from momepy's PyPI wheel), checked with networkx."""

import sys

import networkx as nx
import numpy as np
import pytest
from osgeo import ogr, osr
from qgis.core import QgsProcessingFeedback
from shapely import wkb
from shapely.geometry import LineString, Point

from test.conftest import ROOT
from test.core.test_access_entrances_extent import brute_force_distances
from test.helpers import read_rows, write_layer

sys.path.insert(0, str(ROOT / "scripts"))
from fetch_test_data import bubenec  # noqa: E402


@pytest.fixture(scope="module")
def prague():
    path = bubenec()  # downloads once into build/testdata
    source = ogr.Open(str(path))

    def shapes(name):
        return [wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())) for f in source.GetLayerByName(name)]

    return {"path": path, "streets": shapes("streets"), "buildings": shapes("buildings"), "plots": shapes("plots")}


def to_utm(shapes):
    """EPSG:3857 -> EPSG:32633 with GDAL (independent of QGIS's transform)."""
    source, target = osr.SpatialReference(), osr.SpatialReference()
    source.ImportFromEPSG(3857)
    target.ImportFromEPSG(32633)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    out = []
    for shape in shapes:
        geometry = ogr.CreateGeometryFromWkb(shape.wkb)
        geometry.Transform(transform)
        out.append(wkb.loads(bytes(geometry.ExportToWkb())))
    return out


def test_real_streets_match_networkx_after_leaving_web_mercator(prague, tmp_path, habitat_provider):
    from qgis import processing

    parks = sorted(prague["plots"], key=lambda s: s.area, reverse=True)[:2]  # the two largest plots stand in
    gpkg = tmp_path / "inputs.gpkg"
    spaces = write_layer(gpkg, "spaces", "Polygon", 3857, [], [(p, []) for p in parks])
    people = write_layer(
        gpkg, "people", "Point", 3857, [("n", "real")], [(b.representative_point(), [1.0]) for b in prague["buildings"]]
    )
    messages = []

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802
            messages.append(info)

    common = {
        "STREETS": f"{prague['path']}|layername=streets",
        "PUBLIC_SPACES": spaces,
        "POPULATION_LAYER": people,
        "POPULATION_FIELDS": ["n"],
        "STRAIGHT_LINE": False,
        "OUTPUT_NETWORK": "memory:",
        "OUTPUT_TABLE": "memory:",
    }
    # Entrances at street vertices only (the rule of the first version), compared with a vertex-only networkx.
    result = processing.run(
        "habitat:publicspaceaccess",
        {**common, "MID_SEGMENT_ENTRANCES": False, "OUTPUT_POPULATION": str(tmp_path / "people.gpkg")},
        feedback=Feedback(),
    )
    assert any("EPSG:3857" in m and "EPSG:32633" in m for m in messages)  # Web Mercator is not used for metres

    # Independent reference in EPSG:32633: networkx Dijkstra, brute-force snapping.
    streets = to_utm(prague["streets"])
    parks_utm = to_utm(parks)
    graph = nx.Graph()
    for line in streets:
        coords = [tuple(np.round(c, 2)) for c in line.coords]
        for a, b in zip(coords[:-1], coords[1:]):
            if a != b:
                length = float(np.hypot(a[0] - b[0], a[1] - b[1]))
                if not graph.has_edge(a, b) or graph[a][b]["weight"] > length:
                    graph.add_edge(a, b, weight=length)
    graph.add_node("parks")
    for vertex in list(graph.nodes):
        if vertex == "parks":
            continue
        gap = min(park.distance(Point(vertex)) for park in parks_utm)
        if gap <= 25.0:
            graph.add_edge("parks", vertex, weight=gap + 1e-9)
    reach = nx.single_source_dijkstra_path_length(graph, "parks", weight="weight")
    segments = [(a, b) for a, b in graph.edges if "parks" not in (a, b)]
    expected = []
    for building in to_utm([b.representative_point() for b in prague["buildings"]]):
        best = None
        for a, b in segments:
            segment = LineString([a, b])
            gap = segment.distance(building)
            if best is None or gap < best[0] - 1e-9:
                along = segment.project(building)
                best = (gap, along, segment.length, a, b)
        gap, along, length, a, b = best
        expected.append(gap + min(along + reach.get(a, np.inf), length - along + reach.get(b, np.inf)))

    # Point by point (the output keeps the input order); 5 cm for the reference's 1 cm vertex rounding.
    ours = [float(r["dist_m"]) if r["dist_m"] is not None else np.inf for r in read_rows(tmp_path / "people.gpkg")]
    np.testing.assert_allclose(ours, expected, atol=0.05)
    served = sum(1 for d in expected if d <= 400)
    assert 0 < served < len(expected)
    assert result["POP_SERVED"] == served

    # Entrances along streets (the default): against networkx on the streets cut into 1 m pieces, every piece end
    # within 25 m of a park an entrance (see test/core/test_access_entrances_extent.py for the oracle).
    along = processing.run(
        "habitat:publicspaceaccess", {**common, "OUTPUT_POPULATION": str(tmp_path / "people_along.gpkg")}
    )
    ours_along = np.array(
        [float(r["dist_m"]) if r["dist_m"] is not None else np.inf for r in read_rows(tmp_path / "people_along.gpkg")]
    )
    buildings = [(p.x, p.y) for p in to_utm([b.representative_point() for b in prague["buildings"]])]
    lines = [np.asarray(line.coords)[:, :2] for line in streets]
    reference = brute_force_distances(lines, parks_utm, 25.0, buildings)
    finite = np.isfinite(reference) & (reference < 1000)
    assert np.all(ours_along[finite] >= reference[finite] - 1.5)
    assert np.all(ours_along[finite] <= reference[finite] + 10.0 + 1e-6)
    assert np.all(ours_along <= np.array(ours) + 1e-6)  # more entrances never lengthen a walk
    served_along = int((ours_along <= 400).sum())
    assert along["POP_SERVED"] == served_along >= served
    print(
        f"Prague, 144 buildings: served {served} with entrances at vertices only, {served_along} with entrances "
        f"along streets"
    )
