"""Maps of the public space reports, as PNG images (core: no QGIS), drawn with core.report.charts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Optional, Sequence

from ..report.charts import Picture, map_image
from ..text import tr

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from .land_share import AreaShares

SPACE_STYLE: Dict[str, Any] = {"fill": "#43a047", "edge": "#1b5e20", "width": 0.4, "alpha": 0.8}
STREET_STYLE: Dict[str, Any] = {"fill": "#9e9e9e", "edge": "none"}


def land_share_map(
    cities: Sequence[BaseGeometry],
    city_rows: Sequence[AreaShares],
    street_area: Optional[BaseGeometry],
    space_shapes: Sequence[Optional[BaseGeometry]],
) -> Picture:
    """(png, warning): the street area (its blocks as holes) and the open public spaces cut to the urban extent,
    so that the grey and green parts of the drawn city are the shares the page gives; the cities are named when
    there are several."""
    layers = [([street_area] if street_area is not None else [], STREET_STYLE), (space_shapes, SPACE_STYLE)]
    names = [(share.name, city) for share, city in zip(city_rows, cities)] if len(cities) > 1 else []
    return map_image(
        layers,
        tr("Streets and open public space"),
        [(tr("Streets"), STREET_STYLE), (tr("Open public space"), SPACE_STYLE)],
        outline=(list(cities), tr("Urban extent")),
        labels=names,
        clip=True,
    )
