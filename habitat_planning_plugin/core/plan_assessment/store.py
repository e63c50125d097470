"""A store of plan assessments: one GeoPackage keeping every plan assessed (with the city's polygon when given),
every scorecard and every score, which later runs add to, so that plans can be compared over time and across cities
from the store alone (methods.md §2.3).

Layers:
- ``plans``: one row per plan (plan, city, year) with its results; a MultiPolygon geometry of the city when known;
- ``scores``: one row per (plan, city, year, assessor, criterion): the score (empty when not scored), whether it is
  NA, the comment and the evidence — enough to rebuild every scorecard (``cards_from_store``).
A run replaces the rows of the plans and assessors it brings (a scorecard scored again is not counted twice) and
keeps all others.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from ..text import HabitatError, tr
from .principles import reflected_count, reflects_enough
from .scorecards import Scorecard

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry

    from .scorecards import Framework

PLANS, SCORES = "plans", "scores"
PLAN_FIELDS: List[Tuple[str, str]] = [
    ("plan", "text"),
    ("city", "text"),
    ("year", "int"),
    ("framework", "text"),
    ("framework_version", "text"),
    ("assessors", "int"),
    ("overall_pct", "double"),
    ("pqi", "double"),
    ("coverage_pct", "double"),
    ("alpha", "double"),
    ("agreement_pct", "double"),
    ("principles", "int"),
    ("reflects_6", "int"),
    ("saved", "text"),
]
SCORE_FIELDS: List[Tuple[str, str]] = [
    ("plan", "text"),
    ("city", "text"),
    ("year", "int"),
    ("assessor", "text"),
    ("framework", "text"),
    ("framework_version", "text"),
    ("criterion", "text"),
    ("score", "double"),
    ("na", "int"),
    ("comment", "text"),
    ("evidence", "text"),
]


def _ogr() -> Any:
    """GDAL's OGR as it is set (no ogr.UseExceptions(): a process-wide switch other code in QGIS relies on); a
    failed open comes back as None, or as RuntimeError where exceptions are on."""
    from osgeo import ogr

    return ogr


def _kind(ogr: Any, kind: str) -> int:
    return {"text": ogr.OFTString, "int": ogr.OFTInteger, "double": ogr.OFTReal}[kind]


def _quoted(value: object) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def _number(value: Any) -> Optional[float]:
    return None if value is None or value != value else float(value)


def save_assessments(
    path: str,
    framework: Framework,
    cards: Sequence[Scorecard],
    city_shapes: Optional[Mapping[str, BaseGeometry]] = None,
    crs_wkt: str = "",
) -> Tuple[int, int]:
    """Add ``cards`` to the GeoPackage store ``path`` (created when absent), replacing the stored scores of the same
    plan and assessor, then write each of their plans' results again from every card the store holds for it
    (assessed against ``framework``); ``city_shapes`` {city key (tables.city_key): polygon in ``crs_wkt``}. Returns
    (plans, scores) written."""
    from .aggregation import assess_plans
    from .tables import city_key

    ogr = _ogr()
    target = Path(path)
    source = _open_store(ogr, target, crs_wkt)
    plans, scores = source.GetLayerByName(PLANS), source.GetLayerByName(SCORES)
    saved = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    written_scores = 0
    source.StartTransaction()
    try:
        for card in cards:
            source.ExecuteSQL(
                f"DELETE FROM {SCORES} WHERE {_where(card.plan, card.city, card.year)} "
                f"AND assessor = {_quoted(card.assessor)}"
            )
            for criterion in list(card.scores) + [c for c in card.blank if c not in card.scores]:
                value = card.scores.get(criterion)
                row = ogr.Feature(scores.GetLayerDefn())
                fields: Dict[str, Any] = {
                    "plan": card.plan,
                    "city": card.city,
                    "year": int(card.year),
                    "assessor": card.assessor,
                    "framework": card.framework,
                    "framework_version": card.framework_version,
                    "criterion": criterion,
                    "score": value if value is not None and value == value else None,
                    "na": int(value is not None and value != value),
                    "comment": card.comments.get(criterion, ""),
                    "evidence": card.evidence.get(criterion, ""),
                }
                _set_fields(row, fields)
                scores.CreateFeature(row)
                written_scores += 1
        source.CommitTransaction()
        # Each plan's results from all its cards in the store (earlier assessors included).
        touched = {(card.plan, card.city, int(card.year)) for card in cards}
        stored = [c for c in _read_cards(source, target.name) if (c.plan, c.city, int(c.year)) in touched]
        source.StartTransaction()
        for result in assess_plans(framework, stored):
            source.ExecuteSQL(f"DELETE FROM {PLANS} WHERE {_where(result['plan'], result['city'], result['year'])}")
            principles = result.get("principles") or []
            feature = ogr.Feature(plans.GetLayerDefn())
            values: Dict[str, Any] = {
                "plan": result["plan"],
                "city": result["city"],
                "year": int(result["year"]),
                "framework": framework.id,
                "framework_version": framework.version,
                "assessors": len(result["cards"]),
                "overall_pct": _number(result["overall"]),
                "pqi": _number(result["pqi"]),
                "coverage_pct": _number(result.get("coverage")),
                "alpha": _number(result["alpha"]),
                "agreement_pct": _number(result["agreement"]),
                "principles": reflected_count(principles) if principles else None,
                "reflects_6": int(reflects_enough(principles)) if principles else None,
                "saved": saved,
            }
            _set_fields(feature, values)
            shape = (city_shapes or {}).get(city_key(result["city"]))
            if shape is not None:
                geometry = ogr.CreateGeometryFromWkb(bytes(shape.wkb))
                feature.SetGeometry(ogr.ForceToMultiPolygon(geometry))
            plans.CreateFeature(feature)
        source.CommitTransaction()
    except Exception:
        source.RollbackTransaction()
        raise
    finally:
        source = None  # closes the file
    return len(touched), written_scores


def _set_fields(feature: Any, values: Mapping[str, Any]) -> None:
    """Set the fields that have a value; the others stay NULL."""
    for name, value in values.items():
        if value is not None:
            feature.SetField(name, value)


def _where(plan: object, city: object, year: object) -> str:
    return f"plan = {_quoted(plan)} AND city = {_quoted(city)} AND year = {int(str(year or 0))}"


def _open_store(ogr: Any, target: Path, crs_wkt: str) -> Any:
    """The store opened for writing, its two layers created when new; a GeoPackage that holds other layers by
    those names is refused."""
    from osgeo import osr

    driver = ogr.GetDriverByName("GPKG")
    try:
        source = driver.Open(str(target), 1) if target.exists() else driver.CreateDataSource(str(target))
    except RuntimeError as error:
        raise HabitatError(tr("The assessment store {0} cannot be opened: {1}", target.name, error)) from None
    if source is None:
        raise HabitatError(tr("The assessment store {0} cannot be opened.", target.name))
    if source.GetLayerByName(PLANS) is None:
        srs = None
        if crs_wkt:
            srs = osr.SpatialReference()
            srs.ImportFromWkt(crs_wkt)
        layer = source.CreateLayer(PLANS, srs, ogr.wkbMultiPolygon)
        for name, kind in PLAN_FIELDS:
            layer.CreateField(ogr.FieldDefn(name, _kind(ogr, kind)))
    if source.GetLayerByName(SCORES) is None:
        layer = source.CreateLayer(SCORES, None, ogr.wkbNone)
        for name, kind in SCORE_FIELDS:
            layer.CreateField(ogr.FieldDefn(name, _kind(ogr, kind)))
    plans, scores = source.GetLayerByName(PLANS), source.GetLayerByName(SCORES)
    missing = [name for name, _ in PLAN_FIELDS if plans.FindFieldIndex(name, True) < 0]
    missing += [name for name, _ in SCORE_FIELDS if scores.FindFieldIndex(name, True) < 0]
    if missing:
        raise HabitatError(
            tr("{0} is not an assessment store: the fields {1} are missing.", target.name, ", ".join(missing))
        )
    return source


def is_store(path: object) -> bool:
    """Whether ``path`` names a GeoPackage (an assessment store given among the scorecards)."""
    return str(path).lower().endswith(".gpkg")


def cards_from_store(path: str) -> List[Scorecard]:
    """Every scorecard kept in the store ``path``, rebuilt: scores, NA (NaN), blanks, comments and evidence."""
    ogr = _ogr()
    name = Path(path).name
    try:
        source = ogr.Open(str(path))
    except RuntimeError as error:
        raise HabitatError(tr("The assessment store {0} cannot be read: {1}", name, error)) from None
    if source is None or source.GetLayerByName(SCORES) is None:
        raise HabitatError(tr("{0} is not an assessment store: it has no layer {1}.", name, SCORES))
    cards = _read_cards(source, name)
    source = None
    if not cards:
        raise HabitatError(tr("The assessment store {0} holds no scorecard yet.", name))
    return cards


def _read_cards(source: Any, name: str) -> List[Scorecard]:
    cards: Dict[Tuple[str, str, int, str], Scorecard] = {}
    layer = source.GetLayerByName(SCORES)
    layer.ResetReading()
    for feature in layer:
        key = (feature["plan"] or "", feature["city"] or "", int(feature["year"] or 0), feature["assessor"] or "")
        card = cards.get(key)
        if card is None:
            card = Scorecard(
                feature["framework"] or "",
                feature["framework_version"] or "",
                key[0],
                key[1],
                key[2],
                key[3],
                source=f"{name} › {key[3]}",
            )
            cards[key] = card
        criterion = feature["criterion"]
        if feature["na"]:
            card.scores[criterion] = float("nan")
        elif feature.IsFieldSetAndNotNull("score"):
            card.scores[criterion] = float(feature["score"])
        else:
            card.blank.append(criterion)
        card.comments[criterion] = feature["comment"] or ""
        card.evidence[criterion] = feature["evidence"] or ""
        card.rows += 1
    return list(cards.values())


def stored_plans(path: str) -> List[Dict[str, Any]]:
    """The rows of the store's ``plans`` layer as dictionaries (for a look at what the store holds)."""
    ogr = _ogr()
    source = ogr.Open(str(path))
    layer = source.GetLayerByName(PLANS) if source is not None else None
    if layer is None:
        return []
    rows = [{name: feature[name] for name, _ in PLAN_FIELDS} for feature in layer]
    source = None
    return rows


def store_paths(paths: Iterable[object]) -> Tuple[List[str], List[object]]:
    """(stores, other paths) among the scorecard inputs."""
    stores = [str(path) for path in paths if is_store(path)]
    return stores, [path for path in paths if not is_store(path)]
