"""habitat:publicspacesfromosm — a first draft of the public space inventory from OpenStreetMap data."""

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
)

from ...compat import DOUBLE, INT, TEXT, ProcessingNumberParameterType, ProcessingSourceType, WkbType
from ...core.public_space.inventory import CATEGORIES, REASONS
from ...core.public_space.osm import (
    REVIEW_GROUPS,
    REVIEW_KEYS,
    REVIEW_REASON,
    REVIEW_RULES,
    REVIEW_TYPES,
    TYPE_KEYS,
    candidate_space,
    inventory_type,
    merge_duplicates,
    review_tally,
)
from ...core.text import Cancelled, HabitatError, tr, tr_noop
from ...qgis_io import GdalErrors, features_in_crs, from_shapely, polygon_shape
from ..base import HabitatAlgorithm, progress_callback
from .osm_tags import empty_layer_error, feature_tags, input_name, no_features, osm_id, text_guard

REVIEW_RULE_LABELS = (
    tr_noop("Count them, except cemeteries and school grounds"),
    tr_noop("Count none of them"),
    tr_noop("Count all of them"),
)
LISTED_IDS = 10  # OSM ids of skipped features named in the log


class PublicSpacesFromOsmAlgorithm(HabitatAlgorithm):
    ALGORITHM_ID = "publicspacesfromosm"
    DISPLAY_NAME = tr_noop("Public spaces from OpenStreetMap")
    GROUP_ID = "publicspace"
    TAGS = (tr_noop("OpenStreetMap"), tr_noop("inventory"), tr_noop("public space"))
    REQUIRED_PACKAGES = ("shapely",)
    SHORT_HELP = tr_noop(
        "A first draft of the public space inventory from OpenStreetMap data you already have: the multipolygons "
        'layer of an .osm.pbf or .osm file (choose the file and its "multipolygons" layer) or an OSM polygon layer '
        "with tag columns. Features with the tags of the CIESIN global SDG 11.7.1 (leisure=park, garden, "
        "playground, pitch…, landuse=village_green, recreation_ground, forest…, natural=grassland, wood…), squares "
        "(place=square, pedestrian areas), school grounds and cemeteries are classified into the five types; "
        "access=private or no and fee=yes mark a space as not counted. Types whose status as open public space is "
        "doubtful (pitches, stadiums, tracks, sports centres, forest, wood, scrub, allotments, cemeteries, school "
        "grounds) are flagged for review (field review = 1, the reason in review_why) and listed in the log; by "
        "default they count, as pitches, forest and allotments do in the CIESIN global 11.7.1, except cemeteries "
        'and school grounds, which are not open to all: change this rule under "Types that need review". '
        "Overlapping duplicates are merged into the larger feature when both count or both do not, and its record "
        "lists the OSM ids it absorbed. Extracts cut at their edge carry broken multipolygons: those that cannot be "
        "repaired are skipped, counted and named in the log. The OSM id and the tags used are kept for review in "
        "the field."
    )

    INPUT = "INPUT"
    REVIEW_RULE = "REVIEW_RULE"
    DUPLICATE_OVERLAP = "DUPLICATE_OVERLAP"
    OUTPUT = "OUTPUT"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_parameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("OpenStreetMap polygons"), [ProcessingSourceType.VectorPolygon]
            ),
            tr_noop("The multipolygons layer of an .osm.pbf or .osm file, or a polygon layer with OSM tag columns."),
        )
        self.add_parameter(
            QgsProcessingParameterEnum(
                self.REVIEW_RULE,
                tr("Types that need review"),
                [tr(label) for label in REVIEW_RULE_LABELS],
                defaultValue=0,
            ),
            tr_noop(
                "Pitches, stadiums, tracks, sports centres, forest, wood, scrub and allotments count by default "
                "(the CIESIN global 11.7.1 counts pitches, forest, wood, scrub and allotments); cemeteries and "
                "school grounds do not, as they are not open to all. Count none of them for a strict inventory, "
                "or all of them. Every such space is flagged for review either way."
            ),
        )
        self.add_parameter(
            QgsProcessingParameterNumber(
                self.DUPLICATE_OVERLAP,
                tr("Duplicate overlap (%)"),
                ProcessingNumberParameterType.Double,
                90.0,
                minValue=1.0,
                maxValue=100.0,
            ),
            tr_noop(
                "Two candidate spaces that both count, or both do not, are duplicates when this share of the "
                "smaller one lies in the larger; the larger is kept."
            ),
            advanced=True,
        )
        self.add_target_crs_parameter()
        self.add_parameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Public spaces from OpenStreetMap"), ProcessingSourceType.VectorPolygon
            ),
            tr_noop(
                "Candidate public spaces with type, whether they count, the review flag, OSM id and tags, ready "
                'for the public space inventory (type field "inventory_type", which keeps the review rule).'
            ),
        )
        self.add_number_outputs(
            [
                ("CANDIDATES", tr("Candidate spaces")),
                ("COUNTED", tr("Counted public spaces")),
                ("DUPLICATES", tr("Duplicates merged")),
                ("REVIEW", tr("Spaces that need review")),
                ("SKIPPED", tr("Broken geometries skipped")),
            ]
        )

    def process(self, parameters, context, feedback):
        rule = REVIEW_RULES[self.parameterAsEnum(parameters, self.REVIEW_RULE, context)]
        threshold = self.parameterAsDouble(parameters, self.DUPLICATE_OVERLAP, context) / 100.0
        # A truncated or damaged file makes GDAL stop early, as if the file had no more features: catch it.
        source = None
        with GdalErrors() as gdal_errors:
            try:
                source = self.required_source(parameters, self.INPUT, context)
                names = source.fields().names()
                if "other_tags" not in names and not any(key in names for key in TYPE_KEYS):
                    raise HabitatError(
                        tr(
                            'The layer "{0}" has no OSM tag field (other_tags, or any of {1}): choose '
                            "the multipolygons layer of an OSM file, or a layer with OSM tag columns.",
                            input_name(self, parameters, self.INPUT, context, source),
                            ", ".join(TYPE_KEYS),
                        )
                    )
                crs = self.analysis_crs([source], parameters, context, feedback)
                candidates, skipped_ids, repaired = self.read_candidates(source, crs, rule, context, feedback)
            except HabitatError:
                if gdal_errors.messages:
                    raise self.damaged_file_error(parameters, context, gdal_errors) from None
                if source is not None and no_features(source):
                    raise empty_layer_error(input_name(self, parameters, self.INPUT, context, source)) from None
                raise
        if gdal_errors.messages:
            raise self.damaged_file_error(parameters, context, gdal_errors)
        self.report_polygons(feedback, tr("OpenStreetMap polygons"), repaired, 0)
        if skipped_ids:
            listed = ", ".join(skipped_ids[:LISTED_IDS]) + (", …" if len(skipped_ids) > LISTED_IDS else "")
            feedback.pushWarning(
                tr(
                    "{0} candidate spaces were skipped: their geometry is broken beyond repair "
                    "(multipolygons or rings cut at the edge of the extract). OSM ids: {1}.",
                    len(skipped_ids),
                    listed,
                )
            )
        feedback.setProgress(50)
        kept, duplicates = merge_duplicates(candidates, threshold, progress_callback(feedback, 50, 90))
        dest_id = self.write(parameters, context, kept, crs)
        counted = sum(1 for item in kept if item["counted"])
        flagged = self.report_review(feedback, kept, rule)
        feedback.pushInfo(
            tr("{0} candidate spaces, {1} counted, {2} duplicates merged.", len(kept), counted, duplicates)
        )
        return {
            self.OUTPUT: dest_id,
            "CANDIDATES": len(kept),
            "COUNTED": counted,
            "DUPLICATES": duplicates,
            "REVIEW": flagged,
            "SKIPPED": len(skipped_ids),
        }

    def read_candidates(self, source, crs, rule, context, feedback):
        """Candidate spaces as dicts; the OSM ids of candidates without a usable polygon; the number repaired."""
        names = source.fields().names()
        candidates, skipped_ids, repaired = [], [], 0
        for number, feature in enumerate(features_in_crs(source, crs, context.transformContext())):
            if number % 1000 == 0 and feedback.isCanceled():
                raise Cancelled()
            item = candidate_space(osm_id(feature, names), feature_tags(feature, names), rule)
            if item is None:
                continue
            shape, state = polygon_shape(feature.geometry())
            if shape is None:
                skipped_ids.append(item["id"])
                continue
            repaired += state == "repaired"
            item["shape"] = shape
            candidates.append(item)
        return candidates, skipped_ids, repaired

    def write(self, parameters, context, kept, crs):
        fields = QgsFields()
        for name, kind in (
            [
                ("osm_id", TEXT),
                ("name", TEXT),
                ("category", TEXT),
                ("category_label", TEXT),
                ("counted", INT),
                ("not_counted_reason", TEXT),
                ("review", INT),
                ("review_why", TEXT),
                ("inventory_type", TEXT),
                ("area_m2", DOUBLE),
            ]
            + [(f"osm_{key}", TEXT) for key in REVIEW_KEYS]
            + [("merged_ids", TEXT)]
        ):
            fields.append(QgsField(name, kind))
        sink, dest_id = self.create_sink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon, crs)
        text = text_guard(self, parameters, self.OUTPUT, context)
        for item in kept:
            geometry = from_shapely(item["shape"])
            geometry.convertToMultiType()
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            group = item["review"]
            feature.setAttributes(
                [
                    text(value)
                    for value in [
                        item["id"],
                        item["name"],
                        item["category"],
                        tr(CATEGORIES[item["category"]]),
                        int(item["counted"]),
                        reason_text(item["reason"]),
                        int(group is not None),
                        tr(REVIEW_GROUPS[group][0]) if group else None,
                        inventory_type(item),
                        item["shape"].area,
                    ]
                    + [item["tags"].get(key) for key in REVIEW_KEYS]
                    + [", ".join(item["absorbed"]) or None]
                ]
            )
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        self.style_output(
            context,
            dest_id,
            "public_space_inventory.qml",
            tr("Public spaces from OpenStreetMap"),
            {code: tr(label) for code, label in CATEGORIES.items()},
        )
        return dest_id

    @staticmethod
    def report_review(feedback, kept, rule) -> int:
        """Log the rule and, per doubtful OSM type, how many spaces there are and how many count."""
        feedback.pushInfo(tr("Types that need review: {0}.", tr(REVIEW_RULE_LABELS[REVIEW_RULES.index(rule)])))
        by_type = review_tally(kept)
        for osm_tag, (total, counted) in sorted(by_type.items()):
            group = REVIEW_TYPES[tuple(osm_tag.split("=", 1))]
            feedback.pushInfo(
                tr(
                    "Needs review: {0}: {1} in the draft, {2} of them counted ({3}).",
                    osm_tag,
                    total,
                    counted,
                    tr(REVIEW_GROUPS[group][0]),
                )
            )
        return sum(total for total, _ in by_type.values())

    def damaged_file_error(self, parameters, context, gdal_errors):
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        name = layer.source().split("|")[0] if layer is not None else str(parameters.get(self.INPUT))
        return gdal_errors.damaged(name)


def reason_text(reason):
    if reason is None:
        return None
    return tr(REVIEW_REASON) if reason == "review" else tr(REASONS[reason])
