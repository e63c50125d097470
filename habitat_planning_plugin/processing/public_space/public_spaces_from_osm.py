"""habitat:publicspacesfromosm — a first draft of the public space inventory from OpenStreetMap data."""

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.geometry import polygonal
from ...core.public_space.inventory import CATEGORIES, REASONS
from ...core.public_space.osm import REVIEW_KEYS, classify_tags
from ...core.text import tr, tr_noop
from ...qgis_io import features_in_crs, from_shapely, to_shapely
from ..base import HabitatAlgorithm
from .osm_tags import feature_tags, osm_id


class PublicSpacesFromOsmAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "publicspacesfromosm"
    DISPLAY_NAME = tr_noop("Public spaces from OpenStreetMap")
    GROUP_ID = "publicspace"
    TAGS = (tr_noop("OpenStreetMap"), tr_noop("inventory"), tr_noop("public space"))
    REQUIRED_PACKAGES = ("shapely",)
    SHORT_HELP = tr_noop(
        "A first draft of the public space inventory from OpenStreetMap data you already have: the multipolygons "
        "layer of an .osm.pbf or .osm file (choose the file and its \"multipolygons\" layer) or an OSM polygon layer "
        "with tag columns. Features with the tags of the CIESIN global SDG 11.7.1 (leisure=park, garden, "
        "playground, pitch…, landuse=village_green, recreation_ground, forest…, natural=grassland, wood…) and squares "
        "(place=square, pedestrian areas) are classified into the five types; access=private or no and fee=yes "
        "mark a space as not counted. Overlapping duplicates are merged into the larger feature, whose record "
        "lists the OSM ids it absorbed. The OSM id and the tags used are kept for review in the field.")

    INPUT = "INPUT"
    DUPLICATE_OVERLAP = "DUPLICATE_OVERLAP"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.INPUT, tr("OpenStreetMap polygons"),
                                                [QgsProcessing.TypeVectorPolygon]),
            tr_noop("The multipolygons layer of an .osm.pbf or .osm file, or a polygon layer with OSM tag columns."))
        self.add_parameter(
            QgsProcessingParameterNumber(self.DUPLICATE_OVERLAP, tr("Duplicate overlap (%)"),
                                         QgsProcessingParameterNumber.Double, 90.0, minValue=1.0, maxValue=100.0),
            tr_noop("Two candidate spaces are duplicates when this share of the smaller one lies in the larger; the "
                    "larger is kept."), advanced=True)
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Public spaces from OpenStreetMap"),
                                              QgsProcessing.TypeVectorPolygon),
            tr_noop("Candidate public spaces with type, whether they count, OSM id and tags, ready for the public "
                    "space inventory (type field \"category\")."))
        self.add_number_outputs([("CANDIDATES", tr("Candidate spaces")), ("COUNTED", tr("Counted public spaces")),
                                 ("DUPLICATES", tr("Duplicates merged"))])

    def process(self, parameters, context, feedback):
        source = self.required_source(parameters, self.INPUT, context)
        threshold = self.parameterAsDouble(parameters, self.DUPLICATE_OVERLAP, context) / 100.0
        crs = self.analysis_crs([source], parameters, context, feedback)
        names = source.fields().names()
        candidates = []
        for feature in features_in_crs(source, crs, context.transformContext()):
            tags = feature_tags(feature, names)
            category, counted, reason = classify_tags(tags)
            if category is None:
                continue
            geometry = feature.geometry()
            if geometry is None or geometry.isNull() or geometry.isEmpty():
                continue
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
            shape = polygonal(to_shapely(geometry))
            if shape is None:
                continue
            candidates.append({"id": osm_id(feature, names), "name": tags.get("name"), "category": category,
                               "counted": counted, "reason": reason, "tags": tags, "shape": shape, "absorbed": []})
        feedback.setProgress(50)
        kept, duplicates = merge_duplicates(candidates, threshold)
        fields = QgsFields()
        for name, kind in [("osm_id", QVariant.String), ("name", QVariant.String), ("category", QVariant.String),
                           ("category_label", QVariant.String), ("counted", QVariant.Int),
                           ("not_counted_reason", QVariant.String), ("area_m2", QVariant.Double)] + \
                [(f"osm_{key}", QVariant.String) for key in REVIEW_KEYS] + [("merged_ids", QVariant.String)]:
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon, crs)
        for item in kept:
            geometry = from_shapely(item["shape"])
            geometry.convertToMultiType()
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            feature.setAttributes(
                [item["id"], item["name"], item["category"], tr(CATEGORIES[item["category"]]), int(item["counted"]),
                 tr(REASONS[item["reason"]]) if item["reason"] else None, item["shape"].area]
                + [item["tags"].get(key) for key in REVIEW_KEYS] + [", ".join(item["absorbed"]) or None])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        self.style_output(context, dest_id, "public_space_inventory.qml", tr("Public spaces from OpenStreetMap"),
                          {code: tr(label) for code, label in CATEGORIES.items()})
        counted = sum(1 for item in kept if item["counted"])
        feedback.pushInfo(tr("{0} candidate spaces, {1} counted, {2} duplicates merged.", len(kept), counted,
                             duplicates))
        return {self.OUTPUT: dest_id, "CANDIDATES": len(kept), "COUNTED": counted, "DUPLICATES": duplicates}


def merge_duplicates(candidates, threshold):
    """Drop a candidate when ``threshold`` of its area lies in a larger one; the larger lists its id."""
    ordered = sorted(candidates, key=lambda item: item["shape"].area, reverse=True)
    kept, dropped = [], 0
    for item in ordered:
        host = next((big for big in kept if big["shape"].intersects(item["shape"]) and
                     big["shape"].intersection(item["shape"]).area >= threshold * item["shape"].area), None)
        if host is None:
            kept.append(item)
        else:
            host["absorbed"].append(item["id"])
            dropped += 1
    return kept, dropped
