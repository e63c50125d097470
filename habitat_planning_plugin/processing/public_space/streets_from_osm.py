"""habitat:streetsfromosm — street centre-lines with road class and estimated width from OpenStreetMap data."""

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMatrix,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.public_space.osm import NO_ACCESS, REGIONAL_MEDIAN_WIDTHS, STREET_CLASSES, street_width
from ...core.public_space.land_share import class_values
from ...core.text import tr, tr_noop
from ...qgis_io import features_in_crs
from ..base import HabitatAlgorithm
from .osm_tags import feature_tags, osm_id

WIDTH_SOURCES = {"tag": tr_noop("OSM width tag"), "class": tr_noop("road class table"),
                 "region": tr_noop("regional median width")}
DEFAULT_REGION = 8  # Eastern Asia


class StreetsFromOsmAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "streetsfromosm"
    DISPLAY_NAME = tr_noop("Streets from OpenStreetMap")
    GROUP_ID = "publicspace"
    TAGS = (tr_noop("OpenStreetMap"), tr_noop("street area"), tr_noop("street network"))
    SHORT_HELP = tr_noop(
        "Street centre-lines for SDG 11.7.1 from OpenStreetMap data you already have: the lines layer of an .osm.pbf "
        "or .osm file (choose the file and its \"lines\" layer) or an OSM line layer with a highway column. Keeps "
        "the road classes of the CIESIN global 11.7.1 (motorway to path) and drops roads with access=private or no. "
        "Each street gets an estimated right-of-way width: its OSM width tag, else the width of its class in the "
        "table, else the median road width of the region (CIESIN's regional medians). Replace the estimates with "
        "widths measured in the city where you can.")

    INPUT = "INPUT"
    REGION = "REGION"
    CLASS_WIDTHS = "CLASS_WIDTHS"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(self.INPUT, tr("OpenStreetMap lines"), [QgsProcessing.TypeVectorLine]),
            tr_noop("The lines layer of an .osm.pbf or .osm file, or a line layer with OSM tag columns."))
        self.add_parameter(
            QgsProcessingParameterEnum(self.REGION, tr("Region (median road width)"),
                                       [f"{tr(name)} ({width:g} m)" for name, width in REGIONAL_MEDIAN_WIDTHS],
                                       defaultValue=DEFAULT_REGION),
            tr_noop("The UN region of the city: its median road width is used for streets with neither a width tag "
                    "nor a class in the table."))
        self.add_parameter(
            QgsProcessingParameterMatrix(self.CLASS_WIDTHS, tr("Width by road class (m)"), numberRows=0,
                                         hasFixedNumberRows=False, headers=[tr("Road class"), tr("Width (m)")],
                                         defaultValue=[], optional=True),
            tr_noop("Optional widths for some road classes (highway values), e.g. primary 25, residential 10. "
                    "Classes not listed use the regional median."))
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Streets from OpenStreetMap"),
                                              QgsProcessing.TypeVectorLine),
            tr_noop("Street centre-lines with OSM id, name, road class, width and where the width comes from."))
        self.add_number_outputs([("STREETS", tr("Streets kept")), ("PRIVATE", tr("Private roads left out"))])

    def process(self, parameters, context, feedback):
        source = self.required_source(parameters, self.INPUT, context)
        region = self.parameterAsEnum(parameters, self.REGION, context)
        default = REGIONAL_MEDIAN_WIDTHS[region][1]
        widths_by_class = class_values(self.parameterAsMatrix(parameters, self.CLASS_WIDTHS, context) or [])
        crs = self.analysis_crs([source], parameters, context, feedback)
        names = source.fields().names()
        fields = QgsFields()
        for name, kind in (("osm_id", QVariant.String), ("name", QVariant.String), ("road_class", QVariant.String),
                           ("width_m", QVariant.Double), ("width_src", QVariant.String)):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiLineString, crs)
        kept = private = 0
        for feature in features_in_crs(source, crs, context.transformContext()):
            tags = feature_tags(feature, names)
            highway = str(tags.get("highway", "")).strip().lower()
            if highway not in STREET_CLASSES:
                continue
            if str(tags.get("access", "")).strip().lower() in NO_ACCESS:
                private += 1
                continue
            geometry = feature.geometry()
            if geometry is None or geometry.isNull() or geometry.isEmpty():
                continue
            geometry.convertToMultiType()
            width, width_source = street_width(tags, widths_by_class, default)
            out = QgsFeature(fields)
            out.setGeometry(geometry)
            out.setAttributes([osm_id(feature, names), tags.get("name"), highway, width, tr(WIDTH_SOURCES[width_source])])
            sink.addFeature(out, QgsFeatureSink.FastInsert)
            kept += 1
        self.style_output(context, dest_id, None, tr("Streets from OpenStreetMap"))
        feedback.pushInfo(tr("{0} streets kept; {1} private roads left out; default width {2} m.", kept, private,
                             f"{default:g}"))
        return {self.OUTPUT: dest_id, "STREETS": kept, "PRIVATE": private}
