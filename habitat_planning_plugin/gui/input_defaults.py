"""Which project layer and field a tool's input starts with, when the user opens it from the menu.

Processing's own dialog starts every required layer input on the project's first layer of a fitting geometry and
every field on the layer's first field: roads as streets, districts as public spaces, ``fid`` as the type field,
and a plausible but wrong answer. Here an input starts on a layer only when the layer's name or fields say it is
that kind of data, and on a field only when its name says so; otherwise it starts empty and the user chooses.
Names in the user's language come first (``name_zh`` under Chinese).
"""

from ..compat import GeometryType, LayerType, ProcessingSourceType
from ..i18n import qgis_locale

# What a layer input is, by parameter name, and per algorithm where the name is a generic INPUT.
ROLE_OF_PARAMETER = {
    "PUBLIC_SPACES": "public_spaces",
    "INVENTORY": "public_spaces",
    "STREETS": "streets",
    "ROADS": "roads",
    "CORRIDORS": "roads",
    "URBAN_EXTENT": "urban_extent",
    "URBAN_EXTENTS": "urban_extent",
    "DISTRICTS": "districts",
    "CITIES": "urban_extent",
    "CITY_NAMES": "urban_extent",
    "SETTLEMENTS": "settlements",
    "FACILITIES": "facilities",
    "POPULATION_RASTER": "population",
    "POPULATION": "population",
    "EARLIER_POPULATION": "population",
    "BUILT_UP": "built_up",
    "EARLIER_BUILT_UP": "built_up",
    "BUILDINGS": "buildings",
    "STREET_POLYGONS": None,
    "POPULATION_LAYER": None,
}
ROLE_OF_INPUT = {
    "habitat:publicspaceinventory": "public_spaces",
    "habitat:sdfdevelopmentindex": "settlements",
    "habitat:urbanextent": "built_up",
    "habitat:publicspacesfromosm": "osm_polygons",
    "habitat:streetsfromosm": "osm_lines",
}
# Layer names (GeoPackage layer, file stem or shown name, lower case) and fields that say what a layer is.
ROLES = {
    # Not "inventory": a run's inventory result carries the same fields; the spaces as given come first.
    "public_spaces": (
        ("public_spaces", "public space", "public spaces", "publicspaces", "parks", "公共空间"),
        ("ps_type", "ps_id", "leisure"),
    ),
    "streets": (("streets", "street", "街道", "street_centrelines"), ("width_m", "street_id")),
    "roads": (("roads", "road", "道路", "road_network"), ("highway",)),
    "urban_extent": (("urban_extent", "urban extent", "urban_extents", "cities", "城市范围"), ()),
    "districts": (("districts", "district", "区", "wards"), ("district_id",)),
    "settlements": (("settlements", "settlement", "居民点"), ("settlement_id", "population")),
    "facilities": (("facilities", "facility", "设施"), ("function",)),
    "population": (("population", "sample_city_population", "人口", "worldpop", "ghs_pop"), ()),
    "built_up": (("built_up", "builtup", "sample_city_builtup", "built-up", "建成区", "ghs_built"), ()),
    "buildings": (("buildings", "building", "建筑"), ()),
    "osm_polygons": (("multipolygons",), ("leisure", "landuse")),
    "osm_lines": (("lines",), ("highway",)),
}
# Field inputs by parameter name: the field names that mean it, best first.
FIELD_HINTS = {
    "TYPE_FIELD": ("ps_type", "type", "leisure", "category", "landuse"),
    "ACCESS_FIELD": ("access",),
    "FEE_FIELD": ("fee",),
    "ID_FIELD": ("ps_id", "space_id", "id"),
    "WIDTH_FIELD": ("width_m", "width"),
    "CLASS_FIELD": ("road_class", "highway", "fclass", "class"),
    "ROAD_CLASS_FIELD": ("road_class", "highway", "fclass"),
    "ROAD_CLASS": ("highway", "road_class", "fclass"),
    "FUNCTION_FIELD": ("function", "amenity", "type"),
    "LEVEL_FIELD": ("level",),
    "MASS_FIELD": ("centrality", "population"),
    "DEVELOPMENT_FIELD": ("dev_index",),
    "TRAVEL_TIME_FIELD": ("time_l1",),
    "CENTRALITY_FIELD": ("centrality",),
    "ACCESSIBILITY_FIELD": ("hansen",),
    "POPULATION_FIELD": ("population", "pop", "pop_total"),
    "DISTRICT_FIELD": ("district", "district_id"),
}
NAME_FIELDS = (
    "NAME_FIELD",
    "CITY_NAME_FIELD",
    "DISTRICT_NAME_FIELD",
    "URBAN_EXTENT_NAME_FIELD",
    "CITY_FIELD",
    "CITY_NAME",
    "DISTRICT_NAME",
)
NAMES_IN = {"zh": ("name_zh", "name:zh", "name_cn", "name:zh-hans", "名称", "中文名"), "en": ("name_en", "name:en")}
GENERIC_NAMES = ("name", "city", "district", "NAME")


def name_fields(locale: str = None) -> tuple:
    """Name field candidates, the user's language first: ``name_zh`` … then ``name`` under Chinese."""
    language = (locale or qgis_locale()).split("_")[0].lower()
    own = NAMES_IN.get(language, ())
    return own + GENERIC_NAMES + tuple(name for names in NAMES_IN.values() for name in names if name not in own)


def in_language(hints, locale: str = None) -> tuple:
    """The hints with their variants in the user's language first: ``function_zh``, ``function:zh`` before
    ``function`` under Chinese (data that carries a column per language, as OpenStreetMap's name:zh)."""
    language = (locale or qgis_locale()).split("_")[0].lower()
    if language == "en":
        return tuple(hints)
    own = tuple(f"{hint}{joint}{language}" for hint in hints for joint in ("_", ":"))
    return own + tuple(hints)


def field_hints(parameter_name: str, locale: str = None) -> tuple:
    name = parameter_name.upper()
    if name in NAME_FIELDS:
        return name_fields(locale)
    return in_language(FIELD_HINTS.get(name, ()), locale)


def choose_field(field_names, hints) -> str:
    """The first hint the layer has (exact, then ignoring case); None when none."""
    names = list(field_names)
    for hint in hints:
        if hint in names:
            return hint
    lower = {name.lower(): name for name in names}
    return next((lower[hint.lower()] for hint in hints if hint.lower() in lower), None)


def layer_role(algorithm_id: str, parameter_name: str):
    if parameter_name.upper() == "INPUT":
        return ROLE_OF_INPUT.get(algorithm_id)
    return ROLE_OF_PARAMETER.get(
        parameter_name.upper(), parameter_name.lower() if parameter_name.lower() in ROLES else None
    )


def file_stem(layer) -> str:
    return layer.source().split("|")[0].replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]


def source_name(layer) -> str:
    """The GeoPackage layer name or file stem a layer comes from (its display name may be translated)."""
    source = layer.source()
    return source.split("layername=")[1].split("|")[0] if "layername=" in source else file_stem(layer)


def _names(layer) -> set:
    """Every name a layer goes by, lower case: shown name, GeoPackage layer name and file stem."""
    return {layer.name().lower(), source_name(layer).lower(), file_stem(layer).lower()}


def _score(layer, role) -> int:
    """How strongly a layer's names and fields say it is ``role`` data; 0: nothing says so."""
    names, fields = ROLES[role]
    score = 10 if _names(layer) & {name.lower() for name in names} else 0
    if layer.type() == LayerType.Vector:
        present = {name.lower() for name in layer.fields().names()}
        score += 3 * sum(field in present for field in fields)
        # A layer another role names outright (the roads when streets are asked for) is not this one.
        if not score or all(
            _names(layer).isdisjoint({n.lower() for n in ROLES[other][0]}) for other in ROLES if other != role
        ):
            return score
        return score - 8
    return score


def _fits(layer, definition) -> bool:
    kind = definition.type()
    if kind == "raster":
        return layer.type() == LayerType.Raster
    if layer.type() != LayerType.Vector:
        return False
    types = definition.dataTypes() or [ProcessingSourceType.VectorAnyGeometry]
    geometry = layer.geometryType()
    wanted = {
        ProcessingSourceType.VectorPoint: GeometryType.Point,
        ProcessingSourceType.VectorLine: GeometryType.Line,
        ProcessingSourceType.VectorPolygon: GeometryType.Polygon,
    }
    return any(
        t in (ProcessingSourceType.VectorAnyGeometry, ProcessingSourceType.Vector) or wanted.get(t) == geometry
        for t in types
    )


def choose_layer(algorithm_id, definition, layers):
    """The project layer an input should start on, or None (the input starts empty)."""
    role = layer_role(algorithm_id, definition.name())
    if role is None:
        return None
    scored = [(_score(layer, role), number, layer) for number, layer in enumerate(layers) if _fits(layer, definition)]
    scored = [item for item in scored if item[0] > 0]
    return max(scored, key=lambda item: (item[0], -item[1]))[2] if scored else None


def initial_parameters(algorithm, project, locale: str = None) -> dict:
    """{parameter: value} for Processing's dialog: a layer or field only where its names say it is the one;
    None for every other layer and field input, so that nothing wrong is preselected."""
    layers = [layer for layer in project.layerTreeRoot().layerOrder()] or list(project.mapLayers().values())
    values, chosen = {}, {}
    for definition in algorithm.parameterDefinitions():
        if definition.type() in ("source", "vector", "raster"):
            layer = choose_layer(algorithm.id(), definition, layers)
            chosen[definition.name()] = layer
            values[definition.name()] = layer.id() if layer is not None else None
    for definition in algorithm.parameterDefinitions():
        if definition.type() != "field":
            continue
        layer = chosen.get(definition.parentLayerParameterName())
        if definition.allowMultiple():
            values[definition.name()] = None
            continue
        if layer is None:
            values[definition.name()] = None
            continue
        values[definition.name()] = choose_field(layer.fields().names(), field_hints(definition.name(), locale))
    return values
